"""Headlines of modern news pages (issue 4): the other stories' titles, the author's name,
the picture texts and the breadcrumbs a page prints around its headline. Small
hand-written pages, run through the real importer."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page
from tests.texts import NIGHT_BOAT_BODY

BODY = NIGHT_BOAT_BODY


def test_the_titles_of_other_stories_printed_line_under_line_are_not_the_headline():
    """Issue 4: a page prints the links to the stories before and after this one as two
    headlines line under line, with no gap, right over the article's own headline; the
    first names the article's subject, but the page sets its own headline apart."""
    page = (
        "Harbour Courier\n\n"
        "Harbour board cuts the night crossing to the islands for good\n"
        "Lighthouse keeper retires after forty winters on the rock\n\n"
        "Islanders lose their winter link to the mainland\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Islanders lose their winter link to the mainland"


def test_a_picture_text_printed_twice_on_one_line_is_not_the_headline():
    """Issue 4: a text browser runs a picture's alt text into its title ("Caption
    Caption") and prints the caption again under it, between the share buttons and the
    article; neither is the headline standing over the share buttons."""
    caption = "Harbour board chair Ann Fisher wants the night boat to stop crossing"
    page = (
        "Harbour Courier\n\n"
        "12.03.2021 | 15:30 Uhr\n\n"
        "Winter link: Why the islands lose their boat\n\n"
        "  • Share on Twitter\n  • Share on Facebook\n  • Share by e-mail\n\n"
        f"{caption} {caption}\n{caption}\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Winter link: Why the islands lose their boat"


def test_the_author_name_printed_again_over_the_credits_is_not_the_headline():
    """Issue 4: a page prints the author's name over the by-line, under the author's photo
    and in the author's box, each on a line of its own, between the headline and the
    article; a name alone that the page prints again is the author's, not the headline.
    Nor is the link to the newsroom's standards set among the credits."""
    page = (
        "Harbour Courier\n\nOpinion\n\n"
        "Night crossing deserves better than a quiet end by timetable\n\n"
        "  • The board never asked the islanders who take the boat every night\n\n"
        "Ann Fisher\n\nAnn Fisher\n+ FOLLOW\n\n"
        "Published: 10:00am, 20 Jan, 2021\n\n"
        "Why you can trust the Courier\n\n"
        + BODY
        + "\n\nAnn Fisher\n\nAnn Fisher writes on island life for the Courier.\n"
    )
    assert extract_text_page(page).title == "Night crossing deserves better than a quiet end by timetable"


def test_a_call_to_order_in_german_or_french_is_not_the_headline():
    """Issue 4: a promotion right over the article bids the reader order or subscribe,
    with the verb last in German ("Jetzt Probeheft anfordern!") and first in French
    ("Abonnez-vous ...!"); it is no headline, however near the body it stands and
    whatever it names."""
    for promotion in ("Harbour board, night crossing, islands: Probeheft anfordern!", "Abonnez-vous: harbour board, night crossing, islands !"):
        page = "Harbour Courier\n\nThe last winter of the island boat\n\n" f"{promotion}\n\n" + BODY + "\n"
        assert extract_text_page(page).title == "The last winter of the island boat"


def test_a_breadcrumb_numbered_as_a_list_ends_with_the_headline_without_its_number():
    """Issue 4: a page sets its headline as the last item of its breadcrumb, which text
    tools print as a numbered list ("1. Home" / "2. Islands" / "3. Headline"); the
    headline is the item without its number."""
    page = (
        "Harbour Courier\n\n"
        " 1. Home\n 2. Islands\n 3. Night ferry to the islands will stop after sixty years\n\n"
        "19 March 2021\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Night ferry to the islands will stop after sixty years"


def test_the_line_a_breadcrumb_ends_with_is_the_headline_over_the_magazine_name():
    """Issue 4: a breadcrumb ends with the page's own title, and the page prints its
    headline right under it; the magazine's name between the date and the by-line, with
    the credits around it, is not the headline."""
    page = (
        "Harbour Courier\n\n"
        "  • Islands\n  • Salt water, sixty winters\n\n"
        "Salt water, sixty winters\n\n"
        "A harbour town loses the boat it set its clocks by.\n\n"
        "Read later\n\n"
        "12.03.2021 07:30 Uhr\nHarbour Monthly\nBy\n\n  • Ann Fisher\n\n"
        + BODY
        + "\n\nThis report first ran in the spring issue of Harbour Monthly.\n"
    )
    assert extract_text_page(page).title == "Salt water, sixty winters"


def test_a_headline_told_in_two_sentences_over_the_credits_is_the_headline():
    """Issue 4: a feature's headline may be told in two sentences ("... for a century.
    Now it is reborn."), read then as the standfirst over the by-line; where nothing
    above it reads as a headline (a menu, the link that skips past it), it is the
    headline."""
    page = (
        "Skip to main content\n\n  • Explore\n  • Register\n\n"
        "Environment\n\n"
        "Wild goats ruled this island for a century. Now it is coming back to life.\n\n"
        "The harbour island, once stripped of its trees and birds by goats and rats, makes an astonishingly quick comeback. What is the secret of its recovery? Monday, 6 January 2021\n\n"
        "By Ann Fisher\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Wild goats ruled this island for a century. Now it is coming back to life."


def test_a_headline_naming_a_furniture_phrase_over_a_blog_post_is_the_headline():
    """Issue 4: a blog sets its name, its tagline, the post's date and the post's headline
    one under the other; the headline asks about a thing a page's furniture names too
    ("... its new privacy policy ...?"), but a sentence of a dozen words that names it is
    a headline, not a footer's link, and it beats the tagline over the date."""
    headline = "Does the harbour board break the law with its new privacy policy for islanders?"
    page = "Harbour Law\n\nIsland law online\n\n17.7.21\n\n" f"{headline}\n\n" + BODY + "\n"
    assert extract_text_page(page).title == headline


def test_a_name_beside_its_follow_button_is_the_author_not_the_headline():
    """Issue 4: the author's name over a "Follow" button, between the headline and the
    article, is the author's, though the page prints it only there."""
    page = (
        "Harbour Courier\n\nOpinion\n\n"
        "Night crossing deserves better than a quiet end by timetable\n\n"
        "  • The board never asked the islanders who take the boat every night\n\n"
        "Ann Fisher\n+ FOLLOW\n\n"
        "Published: 10:00am, 20 Jan, 2021\n\n"
        + BODY
        + "\n\nAnn Fisher writes on island life for the Courier.\n"
    )
    assert extract_text_page(page).title == "Night crossing deserves better than a quiet end by timetable"


def test_a_headline_in_sentences_named_by_the_document_title_is_the_headline():
    """Issue 4: where the copy opens with the document title ("Headline | Site"), a
    headline told in two sentences over the credits is named by it: it is the headline,
    not the standfirst, though the menu over it holds lines that read as headlines."""
    headline = "Wild goats ruled this island for a century. Now it is coming back to life."
    page = (
        f"{headline} | Harbour Courier\n\n"
        "Skip to main content\n\n"
        "Harbour Courier\n\nIsland Stories\nPicture of the Week\nTide Tables\n\n"
        "Environment\n\n"
        f"{headline}\n\n"
        "The harbour island, once stripped of its trees and birds by goats and rats, makes an "
        "astonishingly quick comeback. What is the secret of its recovery? Monday, 6 January 2021\n\n"
        "By Ann Fisher\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == headline


def test_the_line_a_breadcrumb_ends_with_is_the_headline_over_its_short_subtitle():
    """Issue 4: a page sets a short subtitle under a short headline ("Island Folk" /
    "Night crossing lives"); the breadcrumb over them ends with the headline, and names
    the subtitle nowhere: the upper line is the headline, the lower its subtitle."""
    page = (
        "Harbour Courier\n\n"
        "  • Home\n  • Islands\n  • Island Folk\n\n"
        "Island Folk\n\nNight crossing lives\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert (article.title, article.subtitle) == ("Island Folk", "Night crossing lives")


def test_a_headline_opening_with_a_part_number_in_brackets_is_the_headline():
    """Issue 4: a podcast's or a series' page numbers its headline in brackets ("(12)
    Island update: ..."); the bracket does not stop it from being the headline."""
    page = (
        "Harbour Courier\n\nPodcasts\n\n"
        "(12) Island update: The night crossing stops for good\n\n"
        "The harbour master on the quay. Photo: Ann Fisher\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "(12) Island update: The night crossing stops for good"


def test_a_caption_running_on_to_its_credit_does_not_name_a_sub_heading_as_the_headline():
    """Issue 4: a photo's caption that opens with a sub-heading's words and runs on to its
    credit, a line of it ending in a bar ("Tides come first! ... Photo: NAME | flickr|"),
    is no document title ("Headline | Site"): the sub-heading inside the article is not a
    headline the run swallowed, and the article keeps its opening."""
    opening = BODY.split("\n\n")[0]
    page = (
        "Harbour Courier\n\nNight ferry to the islands will stop\n\n" + opening + "\n\n"
        "Tides come first! Islanders know the boat. Photo: Ann Fisher | flickr|\nCC BY 2.0\n\n"
        "Tides come first\n\n" + "\n\n".join(BODY.split("\n\n")[1:]) + "\n\n"
        "The ferry company said the decision was final, that the last crossing would leave on Sunday "
        "night, and that the islanders could still take the morning boat at seven.\n"
    )
    article = extract_text_page(page)
    assert article.title == "Night ferry to the islands will stop"
    assert article.body.startswith(opening)


def test_the_site_name_its_masthead_prints_twice_is_not_the_headline():
    """Issue 4: a blog's masthead prints its name twice on end (the logo's alt text, then
    the name) right over a headline that ends in a full stop, and the document title
    names both ("Headline — Site"); the name is not the headline, nor a kicker over it. A short headline printed twice (the breadcrumb's last
    item, then the headline) and opening the document title stays the headline."""
    headline = "Want More Boats After Dark? So Do We."
    page = (
        f"{headline} — The Harbour Courier Blog\n\n"
        "Harbour Courier\n\nMenu\n\n"
        "The Harbour Courier Blog\n\nThe Harbour Courier Blog\n\n"
        f"{headline}\n\n"
        "More crossings at night would mean more islanders could work on the mainland and still get home.\n\n"
        "June 19, 2021\n\nAnn Fisher\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == headline
    page = (
        "Salt water, sixty winters | Harbour Courier\n\n"
        "Islands\n\nSalt water, sixty winters\n\nSalt water, sixty winters\n\n"
        "A harbour town loses the boat it set its clocks by.\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Salt water, sixty winters"
