"""Article bodies of modern news pages (issue 4): page shapes of 2019-2020 news sites, many
German and French, on small hand-written pages."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page

HEADLINE = "Harbour town votes to keep its last ferry running"
ARTICLE = [
    "The council voted on Tuesday night to pay for the winter crossings to the islands for three "
    "more years, after a meeting that ran until almost midnight and was watched by hundreds.",
    "Islanders who work on the mainland had warned that without the boat they would have to "
    "choose between a rented room in town every week and the jobs they have held for years.",
    "The ferry company said it was grateful for the help, but that the money would only cover "
    "the winter months and that the summer timetable would have to pay its own way.",
    "The harbour master said the berth would be kept free for the ferry in the evenings, and "
    "that the fishing fleet had agreed to tie up on the north side of the quay instead.",
]


def _page(*middle: str) -> str:
    return "\n\n".join(["Harbour Gazette", "Home", "News", HEADLINE, "By Tom Hale", "March 3, 2020", *middle])


def test_soft_hyphens_of_a_hyphenated_page_do_not_split_its_words():
    """Issue 4: a page that hyphenates its paragraphs puts a soft hyphen (U+00AD) between the
    syllables of its words; a reader sees none, and the converters that do not break lines
    there keep them. Left in, they split every long word ("cross\\u00adings") from the
    word a reader sees."""
    hyphenated = [paragraph.replace("crossings", "cross\u00adings").replace("harbour", "har\u00adbour") for paragraph in ARTICLE]
    body = extract_text_page(_page(*hyphenated)).body
    assert "\u00ad" not in body
    assert "the winter crossings to the islands" in body
    assert "The harbour master said" in body
