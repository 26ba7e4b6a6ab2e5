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
