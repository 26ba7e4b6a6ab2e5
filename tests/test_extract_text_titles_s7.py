"""Headlines of news pages (issue 4): the slideshow slides, related-story teasers and
picture texts a newspaper sets between its headline and the article are not the
headline. Small hand-written pages, run through the real importer."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page
from tests.texts import NIGHT_BOAT_BODY

BODY = NIGHT_BOAT_BODY


def test_a_slideshow_slide_title_over_the_article_is_not_the_headline():
    """Issue 4: a news page embeds a photo gallery between the by-line and the article;
    the first slide's title, under the gallery's counter and buttons ("1 of 12" / "Full
    Screen" / "Close"), names the story's subject and stands right over the body, but it
    is the slide's, not the article's headline."""
    page = (
        "Harbour Courier\n\nIslands\n\n"
        "Islanders fear for their winter link to the mainland\n\n"
        "Share on Facebook\n\nShare on Twitter\n\n"
        "By Ann Fisher and Tom Reed, harbour correspondents, on the quay at dawn\n\n"
        "1 of 12\n\nFull Screen\n\nAutoplay\n\nClose\n\n"
        "Night ferry to the islands will stop after sixty years of crossings\n\n"
        "View Photos\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Islanders fear for their winter link to the mainland"


def test_a_related_story_teaser_over_its_by_line_is_not_the_headline():
    """Issue 4: a box of related stories between the article's header and its text sets
    each teaser as a headline does, a kicker, the headline and the by-line ("Report" /
    "Headline" / "By NAME"); the first teaser stands nearest the body, with its by-line
    under it, but another headline with its by-line follows it, where under the article's
    headline and credits comes the article."""
    page = (
        "Harbour Courier\n\nNews › Islands\n\n"
        "Night ferry to the islands will stop after sixty years\n\n"
        "Harbour Press, 30 April 2021 at 07:19 (Updated: 30 April 2021 at 07:38)\n\n"
        "  • Share\n  • Print\n\n"
        "The board announced the end of the night crossing on Tuesday.\n\n"
        "On the same subject\n\n"
        "  • Report\n\n    Islanders count the cost of the ferry's end\n\n    By Sam Keel\n"
        "  • Interview\n\n    The captain who never missed a winter\n\n    By Tom Reed\n\n"
        + BODY + "\n"
    )
    assert extract_text_page(page).title == "Night ferry to the islands will stop after sixty years"


def test_an_alt_text_cut_short_over_its_caption_is_not_the_headline():
    """Issue 4: a page cuts a photo's alt text short, in the middle of a word, and a text
    browser prints it right over the caption, which opens with the same words and goes on
    ("... to the islands would st" / "... to the islands would stop for good. Source:
    Supplied"); the alt text is not the headline."""
    page = (
        "Harbour Courier\n\n"
        "Angry islanders won’t give up without a fight\n\n"
        "  * by: Ann Fisher\n  * March 13, 2021 9:00PM\n\n"
        "The harbour board said the night crossing to the islands would st\n\n"
        "The harbour board said the night crossing to the islands would stop for good. Source: Supplied\n\n"
        + BODY + "\n"
    )
    assert extract_text_page(page).title == "Angry islanders won’t give up without a fight"


def test_a_headline_printed_over_the_share_bar_and_again_is_the_headline():
    """Issue 4: a page prints its headline over its share buttons and again over the
    article, under a notice that the article run takes in ("The author chose to ... Are you
    sure?"); the headline printed twice past nothing but buttons is the headline, whatever
    stands above the run (an editor's hint: "Change the story's title as needed")."""
    page = (
        "Ready to publish?\n\n"
        "Change the story's title, subtitle, and visibility as needed\n\n"
        "Ann Fisher\n\nSign in / Sign up\n\nNext story\n\n"
        "The author chose to make this story unlisted, which means only people with a link "
        "can see it. Are you sure you want to share it?\n\n"
        "Yes, show me sharing options\n\n"
        "Night ferry to the islands will stop\n\n"
        "- Share on Twitter\n- Share on Facebook\n- Share by email\n\n"
        "Night ferry to the islands will stop\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Night ferry to the islands will stop"


def test_a_gallery_caption_printed_twice_is_not_the_headline():
    """Issue 4: a photo gallery between the headline and the article gives each photo's
    caption twice, as its blurb and again under a "Caption" label, one line after another
    as a page dump sets them. The caption, a sentence right over the body that shares its
    words, is not the headline, even when the headline shares none."""
    caption = "Ferry crews tied up the night boat at the island quay, ending sixty years of winter crossings."
    page = (
        "Storm of protest on the coast\n1 of 12\nAutoplay\nClose\nSkip Ad\n×\n"
        "Night ferry to the islands will stop after sixty years\nView Photos\n"
        f"{caption}\nCaption\n{caption}\n"
        "“We were never asked,” one islander said at the quay on Tuesday evening. She said the "
        "night boat and its crews had kept the island going through sixty winters of crossings.\n"
    )
    assert extract_text_page(page).title == "Storm of protest on the coast"
