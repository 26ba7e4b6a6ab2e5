"""Pictures' alt text printed bare, on lines of their own, as the seed page prints "doctor
and female patient" (issue 4): a photo's credit, a wire caption, the logo's name and a
picture between the headline and its credits. Small hand-written pages, run through the
real importer."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page
from tests.texts import NIGHT_BOAT_BODY

HEADLINE = "Islanders lose their winter link to the mainland"


def test_a_wire_caption_closed_by_its_photographer_is_not_the_body():
    """Issue 4: a wire photo's alt text is its whole caption, prose that ends with the
    credit in brackets or after "Mandatory Credit:"; the article does not say either."""
    bracketed = (
        "HARBOUR TOWN - MARCH 3: Ferry crew members tie up the night boat for the last time at "
        "the north quay on March 3, 2021 in Harbour Town. (Photo by Jane Roe/Getty Images)"
    )
    mandatory = (
        "Mar 3, 2021; Harbour Town; Passengers wait on the north quay for the last night crossing "
        "to the islands. Mandatory Credit: Sam Poe-Harbour Courier"
    )
    page = f"Harbour Courier\n\n{HEADLINE}\n\nBy Ann Fisher\n\n{bracketed}\n\n{NIGHT_BOAT_BODY}\n\n{mandatory}\n\nMore stories\n"
    body = extract_text_page(page).body
    assert "Jane Roe" not in body and "Mandatory Credit" not in body
    assert body.startswith("The harbour board said on Tuesday")


def test_a_photographer_credit_is_no_sub_heading():
    """Issue 4: "Photograph by NAME, Organisation" under a picture reads like a short
    capitalised line over prose, but it credits the picture; it is neither a sub-heading
    nor the article's text."""
    paragraphs = NIGHT_BOAT_BODY.split("\n\n")
    page = (
        f"Harbour Courier\n\n{HEADLINE}\n\nBy Ann Fisher\n\n{paragraphs[0]}\n\n"
        "Photograph by Tom Hale, Islands Preservation Trust\n\n" + "\n\n".join(paragraphs[1:]) + "\n"
    )
    article = extract_text_page(page)
    assert "Tom Hale" not in article.body
    assert article.headings == []


def test_the_logo_named_in_the_document_title_is_not_the_headline():
    """Issue 4: the copy opens with the document title, "Site: Headline", and the logo's
    alt text prints the site's name under it; the other part of the title, printed over
    the post, is the headline, though the site's name shares more words with the post."""
    headline = "Best Lemon Tart Ever – Come for the Tart, Stay for the Cream"
    post = (
        "Every winter the harbour kitchen smells of citrus, and every winter I write these "
        "notes on the same stained card that my aunt kept by her kitchen window.\n\n"
        "The trick is a cold pastry case and a slow oven; a harbour kitchen in a storm is cold "
        "enough for the first, and patience does the rest of the work for you.\n\n"
        "Serve it cold, and keep a slice back for whoever comes in from the quay last."
    )
    page = (
        f"Harbour Kitchen Notes: {headline}\n\n"
        "Harbour Kitchen Notes\n\n"
        "Tuesday, November 13, 2012\n\n"
        f"{headline}\n\n{post}\n"
    )
    assert extract_text_page(page).title == headline


def test_a_picture_between_the_headline_and_its_credits_keeps_the_headline():
    """Issue 4: a sign-up box above the article reads as prose, so the article's run opens
    there; the headline inside the run, known by the credits under it past the lead
    picture's alt text ("night boat at the quay"), shows where the article starts."""
    page = (
        f"{HEADLINE} | Harbour Courier\n\n"
        "Newsletter\n\n"
        "Join the thousands of islanders who read the harbour and island news every morning.\n\n"
        "The Harbour Courier Ltd, 12 Quay Street, Harbour Town, will keep the address you give us. "
        "You can read how we keep it, and how you can ask us to delete it, in our privacy notice, "
        "and in the letter that confirms your place on the list.\n\n"
        "Phone\n\n"
        "This field is for checking and should be left as it is.\n\n"
        "Home\nIslands\nFerries\n\n"
        f"{HEADLINE}\n\n"
        "night boat at the quay\n\n"
        "Author: Ann Fisher\n"
        "March 3, 2021 1:16 pm\n\n" + NIGHT_BOAT_BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == HEADLINE
    assert article.body.startswith("The harbour board said on Tuesday")
