"""Credit lines of modern European pages: stamps after the names in other languages, the
site after them, and short lines under a by-line that name no publication."""

from __future__ import annotations

import pytest

from newsarchive.extract.bylines import parse_byline
from newsarchive.extract.textpage import extract_text_page

ARTICLE = (
    "The harbour board voted on Tuesday to dredge the eastern channel before the summer, "
    "after two cargo ships ran aground there in the spring and the ferry had to change its "
    "route for a week.\n\n"
    "The work will cost about four million pounds, which the board says it can pay from its "
    "reserves without raising the fees it charges the fishing fleet.\n\n"
    "Residents of the quay have asked for the dredgers to work only in daylight, and the "
    "board said it would consider the request at its next meeting in May.\n"
)
HEADLINE = "Harbour board votes to dredge the eastern channel"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("von Anna Berger Veröffentlicht am 1. Mai 2019", ["Anna Berger"]),
        ("par Jeanne Martin publié le 3 mars 2019", ["Jeanne Martin"]),
        ("por Lucía Ortega publicado el 4 de marzo de 2019", ["Lucía Ortega"]),
        ("door Pieter de Vries gepubliceerd op 5 maart 2019", ["Pieter de Vries"]),
    ],
)
def test_a_stamp_word_in_another_language_ends_the_names(line, names):
    assert parse_byline(line) == names


def test_the_site_after_the_author_is_no_author():
    assert parse_byline("by Sam Keel , Harbourwatch.org") == ["Sam Keel"]
    assert parse_byline("By Sam Keel and news.example.co.uk") == ["Sam Keel"]


def test_a_photo_alt_text_under_the_by_line_is_no_source():
    # The picture's alt text, then its caption with the credit: no publication.
    text = (
        f"{HEADLINE}\n\nBy Sam Keel\n\nDredgers\n\n"
        "A dredger at work in the western channel last year.\nCredit: Ann Lee/Harbour Images\n\n"
        f"{ARTICLE}"
    )
    article = extract_text_page(text)
    assert article.authors == ["Sam Keel"]
    assert article.source is None


def test_a_label_over_a_list_under_the_by_line_is_no_source():
    text = f"{HEADLINE}\n\nBy Sam Keel\n\nHarbours\n\n  • shipping\n  • fishing\n\n{ARTICLE}"
    assert extract_text_page(text).source is None


def test_the_publication_under_the_by_line_is_still_the_source():
    text = f"{HEADLINE}\n\nBy Sam Keel\n\nHarbour City Tribune\n\n{ARTICLE}"
    assert extract_text_page(text).source == "Harbour City Tribune"


@pytest.mark.parametrize("label", ["Mots-clés", "Schlagwörter", "Palabras clave", "Keywords"])
def test_a_keywords_label_under_the_by_line_is_no_source(label):
    text = f"{HEADLINE}\n\nBy Sam Keel\n\n{label}\n\nshipping, fishing\n\n{ARTICLE}"
    assert extract_text_page(text).source is None


def test_a_menu_run_together_with_bars_is_not_the_site():
    # (a converter that drops the spaces before a menu's bars: "News| Sport| Weather")
    text = f"Enter search keywords\n\nNews| Sport| Weather\n\n{HEADLINE}\n\nBy Sam Keel\n\n{ARTICLE}"
    assert extract_text_page(text).site is None


def test_a_news_service_over_a_photo_is_still_the_source():
    text = (
        f"{HEADLINE}\n\nBy Sam Keel\n\nReuters\n\n"
        "A dredger at work in the western channel last year.\nCredit: Ann Lee/Harbour Images\n\n"
        f"{ARTICLE}"
    )
    assert extract_text_page(text).source == "Reuters"


def test_a_copyright_by_credits_no_author():
    assert parse_byline("© by Harbour Images") is None
    assert parse_byline("Copyright by Ann Lee") is None
    assert parse_byline("By Ann Lee") == ["Ann Lee"]
