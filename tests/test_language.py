"""Language detection from stop words (newsarchive.extract.language)."""

from __future__ import annotations

import json

import pytest

from newsarchive.extract.language import LANGUAGES, detect_language, stop_words

from .conftest import FIXTURES

SENTENCES = {
    "en": "The council said that it would not be able to open the bridge before the end of the year.",
    "de": "Der Gemeinderat sagte, dass die Brücke nicht vor dem Ende des Jahres wieder geöffnet werden kann.",
    "fr": "Le conseil a indiqué que le pont ne pourrait pas rouvrir avant la fin de l'année, selon le maire.",
    "es": "El ayuntamiento dijo que el puente no se podrá abrir antes del final del año, según el alcalde.",
    "it": "Il consiglio ha detto che il ponte non potrà essere riaperto prima della fine dell'anno.",
    "pt": "A câmara disse que a ponte não poderá ser reaberta antes do fim do ano, segundo o presidente.",
    "nl": "De gemeenteraad zei dat de brug niet voor het einde van het jaar weer open kan, volgens de burgemeester.",
}


@pytest.mark.parametrize("code", SENTENCES)
def test_one_sentence_is_enough(code):
    assert detect_language(SENTENCES[code]) == code


@pytest.mark.parametrize("text", ["", "12 34 56", "Home | Login", "Xylophone quartz jumbo", "бюллетень новостей города и области"])
def test_no_guess_without_evidence(text):
    assert detect_language(text) is None


def test_every_language_has_its_stop_words():
    for code in LANGUAGES:
        words = stop_words(code)
        assert len(words) > 150
        assert all(word == word.lower() for word in words)
    assert "the" in stop_words("en") and "the" not in stop_words("de")
    assert "und" in stop_words("de") and "het" in stop_words("nl")


@pytest.mark.parametrize("code", ["de", "fr", "es", "it", "pt", "nl"])
def test_the_language_sample_pages(code):
    path = FIXTURES / "text" / "languages" / f"{code}.txt"
    if not path.exists():
        pytest.skip(f"{path} not written yet")
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["fields"].get("language", code)
    assert detect_language(path.read_text(encoding="utf-8")) == expected


GERMAN_ARTICLE = (
    "Die Stadtwerke wollen im kommenden Jahr die alte Wasserleitung unter der Hauptstraße ersetzen. "
    "Nach Angaben der Verwaltung wird die Straße dafür an drei Wochenenden gesperrt, damit die "
    "Arbeiten nicht den Berufsverkehr behindern. Die Anwohner sollen im Frühjahr zu einer "
    "Versammlung eingeladen werden, auf der die Pläne vorgestellt werden."
)
# What a text browser prints of a page's inline scripts: English-looking words among code.
SCRIPT = (
    'function(e,t,n){"use strict";if(!e||typeof e!=="object")throw new TypeError("the value is not '
    'an object or a function, not "+typeof e);for(var r=0;r<t.length;r++){n.push(t[r]&&t[r].name)}}'
)


def test_scripts_before_the_article_do_not_hide_its_language():
    # 100 KB of script, wrapped as pandoc and w3m wrap it, before a German article: counted
    # as words, the script left the page with no language (or English).
    script = "\n".join(SCRIPT[i : i + 70] for i in range(0, len(SCRIPT), 70))
    page = "Warum sehe ich die Seite nicht?\n\n" + "\n\n".join([script] * 600) + "\n\n" + GERMAN_ARTICLE
    assert len(page) > 100_000
    assert detect_language(page) == "de"


def test_prose_in_a_grid_table_counts():
    # pandoc draws an old page's layout table around its prose; the borders are no words.
    rows = [GERMAN_ARTICLE[i : i + 40] for i in range(0, len(GERMAN_ARTICLE), 40)]
    table = "\n".join(f"| {row:<40} | {'':<10} |" for row in rows)
    page = "\n\n".join(["data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 4000, table])
    assert detect_language(page) == "de"


def test_a_page_with_little_prose_is_judged_on_all_its_words():
    # A short page of link lines: none of it passes as prose, so its words decide as before.
    page = "\n\n".join(["[Home](/) | [The news of the day](/news) | [About the site](/about)"] * 3)
    assert detect_language(page) == "en"
