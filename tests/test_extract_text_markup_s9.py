"""Markdown copies read as the page shows them: links the strict patterns miss, cards,
headings inside list items and list items after pictures (issue 4)."""

import pytest

from newsarchive.extract.textmarkup import plain_page, plain_text

# Links enough for the page to be read as Markdown.
MENU = "* [Home](/) * [Sport](/sport) * [Weather](/weather)\n\n"


def test_a_card_of_paragraphs_in_one_link_leads_elsewhere_and_goes():
    """A teaser that is one link over its picture, kicker, headline and summary is another
    story's card: its text is not the article's, and no part of the link stays behind."""
    page = MENU + (
        "The harbour council voted on Tuesday to fund a study of the silting lagoon.\n\n"
        "[![Waves on the pier](https://img.example.org/pier.jpg)\n\n"
        "Weather\n\n"
        "### Storm heads for the coast\n\n"
        "Forecasters expect the heaviest rain of the year by Friday.](https://example.org/storm)\n\n"
        "The study will report in the spring.\n"
    )
    cleaned = plain_text(page)
    assert "Storm heads for the coast" not in cleaned and "heaviest rain" not in cleaned
    assert "](" not in cleaned and "[" not in cleaned
    assert "The harbour council voted on Tuesday" in cleaned and "The study will report in the spring." in cleaned
    assert cleaned.count("\n") == page.count("\n")  # the lines below it stay in place


def test_a_dated_card_is_the_by_line_box_and_stays():
    page = MENU + (
        "[![Ann Lee](https://img.example.org/ann.jpg)\n\n"
        "By Ann Lee 2021-03-04 10:12:00 UTC](/people/ann-lee/)\n\n"
        "The harbour council voted on Tuesday to fund a study of the silting lagoon.\n"
    )
    cleaned = plain_text(page)
    assert "By Ann Lee 2021-03-04 10:12:00 UTC" in cleaned.split("\n")
    assert "](" not in cleaned


@pytest.mark.parametrize(("link", "text"), [
    ("[Harbour gala in pictures [Photos]](https://example.org/gala)", "Harbour gala in pictures [Photos]"),
    ("[Harbour gala in pictures \\[Photos\\]](https://example.org/gala)", "Harbour gala in pictures [Photos]"),
    ('[Ann Lee](https://example.org/author/Ann Lee/ "Posts by Ann Lee")', "Ann Lee"),
    ("[Ann Lee]( https://example.org/author/ann-lee/ )", "Ann Lee"),
    ("[Ann Lee](%20https://example.org/author/ann-lee/)", "Ann Lee"),
    ("[Comments]()", "Comments"),
])
def test_a_link_the_strict_patterns_miss_leaves_its_text_alone(link, text):
    """Brackets in a link's text, spaces in its address, or no address at all: the link's
    text stays, without its marks and target."""
    cleaned = plain_text(MENU + f"Published in News by {link} on Tuesday.\n")
    assert f"Published in News by {text} on Tuesday." in cleaned.split("\n")


def test_a_picture_with_a_long_caption_goes_whole():
    caption = "The pier at dawn, " * 30
    cleaned = plain_text(MENU + f"![{caption}](https://img.example.org/pier.jpg)\n\nThe council voted on Tuesday.\n")
    assert "pier at dawn" not in cleaned and "](" not in cleaned


def test_a_stray_picture_mark_keeps_the_paragraphs_after_it():
    page = MENU + "![\n\nThe council voted on Tuesday.\n\nThe study will report in spring.](https://example.org/x)\n"
    assert "The council voted on Tuesday." in plain_text(page)


@pytest.mark.parametrize(("line", "read"), [
    ("* ### Archives", "* Archives"),
    ("4. # Harbour keeper retires after forty years", "4. Harbour keeper retires after forty years"),
    ("    -   #### [Harbour keeper retires](/keeper)", "    -   Harbour keeper retires"),
])
def test_a_heading_inside_a_list_item_loses_its_marks(line, read):
    """A sidebar's widget titles and a breadcrumb's last item are headings inside list
    items: their "#" marks are no text the page shows."""
    assert read in plain_text(MENU + line + "\n").split("\n")


def test_list_items_set_after_their_pictures_stay_apart():
    """html2text may set a topic's avatar before its list item's mark: each item still
    starts a line of its own, and is not read as one long paragraph."""
    page = MENU + (
        "### From the forums\n\n"
        "![](https://img.example.org/a.png)* [Tide tables for May](/forum/tides) by ann\n"
        "![](https://img.example.org/b.png)* [Best mooring near the pier?](/forum/moorings) by bob\n"
    )
    cleaned, starts = plain_page(page)
    lines = cleaned.split("\n")
    assert "* Tide tables for May by ann" in lines and "* Best mooring near the pier? by bob" in lines
    assert len(starts) == len(lines)


@pytest.mark.parametrize(("markup", "read"), [
    ('###### Published 2 hours ago {#published .meta itemprop="datePublished" content="2021-03-04T09:30:00"}',
     "Published 2 hours ago 2021-03-04"),
    ('By Ann Lee - [4 March\n]{itemprop="datePublished" content="2021-03-04T09:30:00+01:00"} - Harbour',
     "By Ann Lee - 4 March 2021-03-04 - Harbour"),
])
def test_the_date_a_published_attribute_gives_is_shown_where_it_stood(markup, read):
    """pandoc keeps a page's `itemprop="datePublished"` as an attribute: its date is the
    article's own, which a relative "2 hours ago" does not tell."""
    cleaned = " ".join(plain_text(MENU + markup + "\n").split())
    assert read in cleaned and "itemprop" not in cleaned


def test_the_article_is_dated_by_its_published_attribute():
    from newsarchive.extract import ExtractContext
    from newsarchive.extract.textpage import extract_text_file

    page = MENU + (
        "# Harbour keeper retires after forty years\n\n"
        '-   ###### Published 2 hours ago {#published itemprop="datePublished" content="2021-03-04T09:30:00"}\n\n'
        "The keeper of Pellow harbour retired on Friday after forty years of lighting the lamp "
        "at the end of the pier, the harbour council said in a statement.\n\n"
        "She will be followed by her deputy, who has worked beside her for ten years and who "
        "said the lamp would be lit every night as it always had been.\n"
    )
    article = next(extract_text_file(page.encode(), ExtractContext(path="keeper.md")))
    assert article.published == "2021-03-04"


def test_a_heading_indented_inside_nested_list_items_loses_its_marks():
    """pandoc indents a nested list item's content four spaces a level: a comment
    thread's headings stood deeper than a heading's usual three spaces, and kept their "#"."""
    page = MENU + (
        "-   ::: comment\n"
        "    -   ::: reply\n"
        "        #### Re: Tide tables (Score: 4)\n\n"
        "        by harbourfan writes: on Tuesday\n"
    )
    lines = [line.strip() for line in plain_text(page).split("\n")]
    assert "Re: Tide tables (Score: 4)" in lines
