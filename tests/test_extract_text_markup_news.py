"""How news pages come out of the converters that leave markup (markdownify, pandoc, lynx,
w3m), and the text read from them: the article a plain copy gives (issue 4)."""

import pytest

from newsarchive.extract.textmarkup import plain_text
from newsarchive.extract.textpage import extract_text_page
from tests.timing import assert_linear_time

NAVIGATION = "[Home](/) [Sport](/sport) [Weather](/weather)\n\n"


def test_star_emphasis_goes_nested_ones_too():
    """markdownify and pandoc write <em> as `*words*`, and a bold link in a bold paragraph
    as `****[**words**](/a)****`; the marks stayed in the body, and a body that opens on an
    emphasised name did not open with the article's words (issue 4)."""
    page = (NAVIGATION + "# Pellow harbour keeper retires\n\n"
            "*The Gazette* learned on Friday that the keeper of Pellow harbour, in post since 1984,\n"
            "will retire; the council's ****[**statement**](/council/statement)**** named no successor.\n\n"
            "He told the *Pellow Post* that the gates were ***in good order* for now**, and that\n"
            "5*3 or * a list mark, a \\*starred\\* word and snake_case stay as they are.\n")
    assert plain_text(page).split("\n")[4:] == [
        "The Gazette learned on Friday that the keeper of Pellow harbour, in post since 1984, "
        "will retire; the council's statement named no successor.", "",
        "He told the Pellow Post that the gates were in good order for now, and that "
        "5*3 or * a list mark, a *starred* word and snake_case stay as they are.", ""]
    assert extract_text_page(page).body.startswith("The Gazette learned on Friday")


@pytest.mark.parametrize("hostile", [
    lambda n: NAVIGATION + "*a " * n,
    lambda n: NAVIGATION + "*" * n + "a" + "*" * n,
    lambda n: NAVIGATION + ("**a *b " * n),
    lambda n: NAVIGATION + "[a](mailto:" + "x (" * n,
    lambda n: NAVIGATION + "[a](javascript: x(" * n,
    lambda n: NAVIGATION + "[x]{a=\"" + "\\\"" * n + " b=\"" * n,  # attributes with escaped quotes
    lambda n: "[1]a [2]b [3]c\n   IFRAME: [4]" + "x" * 60 + ("\n   " + "y" * 60) * (n // 60),  # a long wrapped address
    lambda n: "[1]a [2]b [3]c\n" + "IFRAME:\n" * n,
])
def test_hostile_markup_takes_linear_time(hostile):
    assert_linear_time(lambda n: plain_text(hostile(n)))


def test_pandoc_divs_inside_list_items_go():
    """pandoc indents a <div> inside a list item with the item's text, four spaces a level;
    the indented `:::` lines were read as the page's lines, and a share box's wrapped
    `:::` lines broke the article run (issue 4)."""
    page = ("::: {#masthead}\n-   [Home](/)\n\n    ::: nav-panel\n    -   [Sport](/sport)\n\n"
            "        ::: {.nav-panel-inner weather=\"now\"}\n        [Weather](/weather)\n        :::\n    :::\n:::\n\n"
            "# Pellow harbour keeper retires\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984,\n"
            "retired on Friday with a party on the quay attended by most of the village.\n")
    assert ":::" not in plain_text(page)
    assert extract_text_page(page).title == "Pellow harbour keeper retires"


def test_pandoc_paragraphs_parted_by_two_line_breaks_stay_apart():
    """A page that parts its paragraphs with "<br><br>" comes out of pandoc as a line
    ending in "\\" and a line holding only "\\": the two paragraphs were joined into one,
    with "\\ \\" between them (issue 4). A single break keeps its lines in one paragraph."""
    page = (NAVIGATION + "# Pellow harbour keeper retires\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since\n"
            "1984, retired on Friday with a party on the quay.\\\n\\\n"
            "The council said a successor would be named in June,\\\nafter a search.\n")
    assert plain_text(page).split("\n")[4:] == [
        "The keeper of Pellow harbour, who has raised and lowered its flood gates since "
        "1984, retired on Friday with a party on the quay.", "",
        "The council said a successor would be named in June, after a search.", ""]


LYNX_FRAMES_PAGE = """\
   [1]Home [2]News [3]Sport

       IFRAME:
       [4]http://share.example.net/button.js?url=http://www.pellow-gazette.example/news/harbo
       ur-keeper-retires&style=compact

   IFRAME: [5]ad_frame_top

   Updated: May 3, 2024, 5:02 PM

Pellow harbour keeper retires

   The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984,
   retired on Friday with a party on the quay attended by most of the village.

   The council said a successor would be named in June, after a search that drew
   applicants from as far as the northern isles.
"""


def test_lynx_frame_lines_go_with_their_wrapped_addresses():
    """lynx prints each inline frame as "IFRAME: [4]address", a long address wrapped over
    lines of its own; the address pieces stood between the date and the headline (issue 4)."""
    cleaned = plain_text(LYNX_FRAMES_PAGE)
    assert "IFRAME" not in cleaned and "http" not in cleaned and "ur-keeper" not in cleaned
    assert "ad_frame_top" not in cleaned and cleaned.count("\n") == LYNX_FRAMES_PAGE.count("\n")
    assert extract_text_page(LYNX_FRAMES_PAGE).title == "Pellow harbour keeper retires"


def test_a_word_under_a_short_frame_line_stays():
    page = "[1]Home [2]News [3]Sport\n\n   IFRAME: [4]video\n   Advertisement\n"
    assert plain_text(page) == "Home News Sport\n\n\n   Advertisement\n"


def test_mail_and_script_links_with_spaces_in_their_address_go():
    """A share box's "Email This" link carries the headline in its address, spaces and
    all ("mailto:?subject=Check this out: Headline"); it stayed whole in the page and
    was kept as the body's first paragraph (issue 4)."""
    page = (NAVIGATION + "# Pellow harbour keeper retires\n\n"
            "[Email This](mailto:friend@example.com?subject=Check this out: Pellow harbour keeper retires"
            "&body=https://x.example/keeper \"Pellow harbour keeper retires\") "
            "[Share](javascript: share(location.href, 'Pellow harbour'))\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984,\n"
            "retired on Friday with a party on the quay attended by most of the village.\n")
    assert plain_text(page).split("\n")[4] == "Email This Share"
    assert extract_text_page(page).body.startswith("The keeper of Pellow harbour")


def test_an_empty_heading_leaves_no_mark():
    """A heading element holding only a picture or a script's text comes out as `#` or
    `###` alone on its line (its space goes with the line's end); the mark stayed as a
    line of the page (issue 4)."""
    page = NAVIGATION + "# \n\nPellow harbour keeper retires\n\n###\n\nThe keeper of Pellow harbour retired.\n\n#hashtag\n"
    assert plain_text(page) == ("Home Sport Weather\n\n\n\nPellow harbour keeper retires\n\n\n\n"
                                "The keeper of Pellow harbour retired.\n\n#hashtag\n")


def test_pandoc_attributes_with_escaped_quotes_go():
    """pandoc escapes the quotes inside an attribute's value (a pull quote's span repeats
    its words: `description="\\"I retire,\\" he said"`); the span's attributes stayed in the
    paragraph, words and all (issue 4)."""
    page = (NAVIGATION + "The keeper spoke on Friday. [\\\"I retire happy.]{.pull-quote\n"
            "description=\"\\\"I retire happy.\" micro=\"1\"} The gates are in good order,\\\" he said.\n")
    assert plain_text(page).split("\n")[2] == (
        "The keeper spoke on Friday. \"I retire happy. The gates are in good order,\" he said.")
