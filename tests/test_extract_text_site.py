"""The site's name a text page gives its article: taken from the document title or the
masthead when the page states it, and left empty rather than guessed from a menu item or
from a service the page only credits."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page

ARTICLE = """\
The council voted on Tuesday night to close the Eastgate branch library at the end of March, ending a campaign by residents that had drawn more than four thousand signatures over the summer.

Councillors said the building needed repairs the authority could not pay for, and that the library's books and computers would move to the town centre branch, a mile and a half away.

"We have looked at every option, and none of them keeps the doors open without cutting something else," said the council's leader, Joan Albright. Campaigners said they would ask for the decision to be reviewed.
"""

HEADLINE = "Eastgate library to close in March after council vote"


def page(top: str, bottom: str = "") -> str:
    """A page with the given lines above the headline and below the article."""
    return f"{top}\n\n{HEADLINE}\n\nBy Tom Reyes\n\n{ARTICLE}\n{bottom}"


def test_the_document_title_names_the_site_after_the_headline():
    text = page(f"{HEADLINE} - The Harbour Gazette\n\nNews\nSport\nWeather")
    assert extract_text_page(text).site == "The Harbour Gazette"


def test_the_document_title_names_the_site_before_the_headline():
    text = page(f"Harbour Gazette | {HEADLINE}\n\nNews\nSport\nWeather")
    assert extract_text_page(text).site == "Harbour Gazette"


def test_a_document_title_of_another_page_names_no_site():
    text = page("Weather warning for the weekend - The Harbour Gazette\n\nNews\nSport\nWeather")
    assert extract_text_page(text).site != "The Harbour Gazette"


def test_the_masthead_names_the_site():
    text = page("Skip to content\n\nThe Harbour Gazette\n\nNews\nSport\nWeather")
    assert extract_text_page(text).site == "The Harbour Gazette"


def test_a_menu_item_below_the_first_line_is_no_site():
    # The top line is a list mark alone, as a text browser sets it; "Sections" and
    # "Top Stories" are menu items, capitalised like names.
    text = page("•\n\nSections\n\nTop Stories\n\nLocal")
    assert extract_text_page(text).site is None


def test_a_service_the_page_only_credits_is_no_site():
    footer = "Share on FaceSpace\n\nFollow us on FaceSpace\n\nPowered by PressKit\n\nSign up with FaceSpace"
    text = page("•\n\nNews\nSport\nWeather", footer)
    assert extract_text_page(text).site is None


def test_a_repeated_brand_the_masthead_spells_is_the_site():
    footer = "Sign up for HarbourGazette's daily email\n\nMore from HarbourGazette"
    text = page("Harbour Gazette Local News\n\nNews\nSport\nWeather", footer)
    assert extract_text_page(text).site == "Harbour Gazette"
