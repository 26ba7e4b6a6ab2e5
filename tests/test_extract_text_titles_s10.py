"""Headlines of news pages (issue 4) where a picture's text or a kicker stands beside the
headline, as html-text and alt-text copies print them. Small hand-written pages, run
through the real importer."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page
from tests.texts import FERRY_ARTICLE

BODY = "\n\n".join(FERRY_ARTICLE)


def test_a_caption_printed_on_end_with_its_alt_text_is_not_named_again():
    """Issue 4: a picture's alt text, its title and its caption are often the same words,
    and an alt-text copy prints them one after another. That is one picture's text, not the
    page naming a line again as it names its headline."""
    caption = "Passengers waiting beside the boat on the quay before the crossing to the islands"
    page = (
        "Harbour Courier\n\nNewsletter\n\n08.03.2021 | 15:30\n\n"
        "Ferry vote: How the harbour town kept the boat to the islands\n\n"
        "Share on Twitter\n\nShare on Facebook\n\n"
        f"{caption}\n\n{caption}\n\n{caption}\n\n"
        "The council will pay for the winter crossings to the islands for three more years, "
        "after a long night of debate in the town hall and many letters from the islanders.\n\n"
        f"By Ann Lee\n\n{BODY}\n"
    )
    assert extract_text_page(page).title == "Ferry vote: How the harbour town kept the boat to the islands"


def test_a_teasers_link_cut_short_under_its_alt_text_does_not_name_it_again():
    """Issue 4: a list of other stories prints each teaser's picture with its alt text, the
    story's headline in full, and under it the link's title cut short ("Harbour board ...
    night boat …"). A line cut short right under it is the same teaser, not an archive
    list naming the page's headline."""
    page = (
        "Harbour Courier\n\nMost read\n\n"
        "Harbour board stops the night boat to the islands after sixty winters\n\n"
        "Harbour board stops the night boat to the …\n\n"
        "Lighthouse keeper hands the keys to the trust\n\n"
        "Lighthouse keeper hands the keys to …\n\n"
        "Contact: news@courier.example\n\n"
        "Islands\n\n"
        "Mayor Says The Vote Was About Fairness, Not Money\n\n"
        f"By Ann Lee | Tuesday March 9, 2021 @ 12:56pm\n\n{BODY}\n"
    )
    assert extract_text_page(page).title == "Mayor Says The Vote Was About Fairness, Not Money"


def test_a_kicker_over_the_headline_the_page_names_again_is_not_the_headline():
    """Issue 4: a news page sets a kicker of some words over a headline of a few, which the
    page names again (its document title, the headline over the article once more). The
    kicker, which the page names nowhere else, reads more like a headline (more words,
    more of the body's), but the line the page names is the headline."""
    page = (
        "Salt and Stone, by Ann Lee (Harbour Courier, 9 March 2021)\n\n"
        "Home\n\nIslands\n\nOpinion\n\n"
        "> Harbour Courier > Islands\n\n"
        "Islanders who work on the mainland and their winter ferry\n\n"
        "Salt and Stone\n\n"
        "The council has kept the winter crossings for three more years: what the vote "
        "means for the islands, and for the town on the other side of the water.\n\n"
        "by Ann Lee, 9 March 2021\n\n"
        "Salt and Stone\n\n"
        f"{BODY}\n"
    )
    assert extract_text_page(page).title == "Salt and Stone"


def test_a_headline_over_its_share_bar_and_by_line_stands_far_above_the_body():
    """Issue 4: a news page sets its share bar between the headline and the by-line, then a
    slideshow over the article, and a text browser prints every button and every slide's
    line on a line of its own. The headline then stands more blocks above the body than a
    headline may, but its by-line, past nothing but the share bar, still credits it."""
    buttons = [
        "Share on Facebook", "Share on Twitter", "Share on Pinterest", "Share via Email", "More Options",
        "Share on LinkedIn", "Share on Tumblr", "Share on Reddit", "Resize Text", "Print Article", "Comments",
    ]
    slides = [f"{n} of 12\nFull Screen\nAutoplay\nClose\nThe quay at dawn, photo {n}" for n in range(1, 5)]
    page = (
        "Harbour Courier\n\nSections\n\nIslands\n\n"
        "Harbour town votes to keep its last ferry\n\n"
        + "\n".join(buttons)
        + "\nBy Ann Lee March 9 at 3:57 PM\n"
        + "\n".join(slides)
        + "\nPlease wait a moment to continue.\n\n"
        + f"{BODY}\n"
    )
    assert extract_text_page(page).title == "Harbour town votes to keep its last ferry"


def test_a_row_of_topics_over_the_headline_is_not_the_headline_over_a_deck():
    """Issue 4: lynx runs a story's topic links onto one line over its headline ("Harbour
    Ferries Islands Tides"). Names with no stop word between them, over a line set as a
    headline (in capitals, no full stop), are the topics, not a headline over its deck."""
    page = (
        "Harbour Courier\n\n"
        "Home | Islands | Ferries\n\n"
        "Harbour Ferries Islands Tides\n\n"
        "Islanders Say The Council Kept Their Winter Ferry Running For Three More Years 214\n\n"
        f"Posted by Ann Lee on Tuesday March 09, 2021\n\n{BODY}\n"
    )
    title = extract_text_page(page).title
    assert title is not None and title.startswith("Islanders Say The Council Kept")
