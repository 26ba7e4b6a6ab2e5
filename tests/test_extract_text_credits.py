"""What a text page says about its article besides the headline, as news pages set it: the
site's name (from the document title or the masthead when the page states it, never guessed
from a menu item or a service the page only credits), the by-line's names, the publication
under the by-line, and the date (never one the story tells of)."""

from __future__ import annotations

import pytest

from newsarchive.extract.bylines import is_person, parse_byline
from newsarchive.extract.textpage import extract_text_page

ARTICLE = """\
The council voted on Tuesday night to close the Eastgate branch library at the end of March, ending a campaign by residents that had drawn more than four thousand signatures over the summer.

Councillors said the building needed repairs the authority could not pay for, and that the library's books and computers would move to the town centre branch, a mile and a half away.

"We have looked at every option, and none of them keeps the doors open without cutting something else," said the council's leader, Joan Albright. Campaigners said they would ask for the decision to be reviewed.
"""

HEADLINE = "Eastgate library to close in March after council vote"


def page(top: str, bottom: str = "", credits: str = "By Tom Reyes") -> str:
    """A page with the given lines above the headline, under it and below the article."""
    return f"{top}\n\n{HEADLINE}\n\n{credits}\n\n{ARTICLE}\n{bottom}"


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


@pytest.mark.parametrize(("alt", "site"), [("Harbour Gazette Logo", "Harbour Gazette"), ("HARBOUR GAZETTE logo", "Harbour Gazette"), ("Logo", None)])
def test_a_logo_in_the_masthead_names_the_site_by_its_alt_text(alt, site):
    text = page(f"{alt}\n\nNews\nSport\nWeather")
    assert extract_text_page(text).site == site


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


# By-lines.

@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Tom Reyes, CNN", ["Tom Reyes"]),
        ("By Tom Reyes and Associated Press", ["Tom Reyes"]),
        ("By Tom Reyes Tuesday, Aug. 17, 2010", ["Tom Reyes"]),
        ("By MARIA LOPEZ and TOM REYES", ["Maria Lopez", "Tom Reyes"]),
        ("By Tom Reyes and Ann Lee", ["Tom Reyes", "Ann Lee"]),
    ],
)
def test_a_by_line_gives_the_names_alone(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", ["A A A", "Text Size", "Email This", "Developer Harbour Games", "Nadia Sorensen"])
def test_a_button_beside_the_date_is_no_person(line):
    assert is_person(line) == (line == "Nadia Sorensen")


def test_a_button_beside_the_date_is_no_by_line():
    article = extract_text_page(page("The Harbour Gazette", credits="Aug 13, 2010 – 4:39 PM\nText Size\nEmail This"))
    assert article.authors == []
    assert article.published == "2010-08-13"


# The publication under the by-line.

@pytest.mark.parametrize("line", ["Related Items", "Executive News Editor"])
def test_a_box_heading_or_a_job_under_the_by_line_is_no_publication(line):
    article = extract_text_page(page("The Harbour Gazette", credits=f"By Tom Reyes\n\n{line}"))
    assert article.source is None


def test_the_publication_under_the_by_line_is_the_source():
    article = extract_text_page(page("The Harbour Gazette", credits="By Tom Reyes\n\nHarbour Evening News"))
    assert article.source == "Harbour Evening News"


# The date.

def test_a_date_the_story_tells_of_is_no_publication_date():
    # a story highlight above the article: a sentence that names an old date
    highlight = "* The library was opened by the town's mayor on June 3, 1931"
    article = extract_text_page(page("The Harbour Gazette", credits=f"By Tom Reyes\n\nSTORY HIGHLIGHTS\n{highlight}"))
    assert article.published is None


def test_a_stamp_beside_the_by_line_is_the_publication_date():
    credits = "By Tom Reyes\n\ntext size: T T Local News March 4, 2021, 6:37 PM"
    assert extract_text_page(page("The Harbour Gazette", credits=credits)).published == "2021-03-04"


def test_a_date_under_the_headline_past_a_list_of_topics_is_the_publication_date():
    # A Spanish daily sets its credit line (two names, the city, the date and time), then
    # "Filed under:" and a long list of topics, then the photo and its share buttons, and
    # only then the article: the date stands further above the body than dates usually do.
    topics = "\n\n".join(f"Tema {number}" for number in range(1, 19))
    credits = (
        "María Rosa Ruiz / Emilio de Tomás Vidal Madrid 27 OCT 2012 - 12:14 CET\n\nArchivado en:\n\n" + topics
        + "\n\nSala de espera del puerto. / FOTO PUERTO\n\nRecomendar en Facebook 0\n\nTwittear 0\n\nEnviar Imprimir"
    )
    article = extract_text_page(page("La Gaceta del Puerto", credits=credits))
    assert article.published == "2012-10-27"


GERMAN_ARTICLE = (
    "Die Stadtwerke wollen im kommenden Jahr die alte Wasserleitung unter der Hauptstraße "
    "ersetzen. Nach Angaben der Verwaltung wird die Straße dafür an drei Wochenenden gesperrt, "
    "damit die Arbeiten nicht den Berufsverkehr behindern.\n\n"
    "Die Anwohner sollen im Frühjahr zu einer Versammlung eingeladen werden, auf der die Pläne "
    "vorgestellt werden. Der Bürgermeister sagte, man habe aus den Baustellen der letzten Jahre "
    "gelernt und wolle die Geschäfte an der Straße früher informieren.\n"
)


@pytest.mark.parametrize("skip_link", ["Direkt zum Inhalt", "Zum Inhalt springen", "Aller au contenu principal", "Naar de inhoud"])
def test_a_skip_link_in_another_language_is_not_the_site(skip_link):
    text = f"{skip_link}\n\nRheinland Kurier\n\nStadtwerke ersetzen alte Wasserleitung\n\n{GERMAN_ARTICLE}"
    assert extract_text_page(text).site == "Rheinland Kurier"
