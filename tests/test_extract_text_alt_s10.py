"""Pictures' words on news pages copied with their alt text (issue 4): an agency's caption
with Getty's credit, a caption set in capitals, a lead picture between the credit line and
the article, and a shop box's picture printed twice. Small hand-written pages, run through
the real importer."""

from __future__ import annotations

from newsarchive.extract.language import stop_words
from newsarchive.extract.textblocks import measure, split_blocks
from newsarchive.extract.textbody import article_opening, classify
from newsarchive.extract.textpage import extract_text_page
from tests.texts import NIGHT_BOAT_BODY

HEADLINE = "Islanders lose their winter link to the mainland"


def _page(*middle: str, after: str = "More stories") -> str:
    return "\n\n".join(("Harbour Courier", HEADLINE, "By Ann Fisher, March 3, 2021", *middle, NIGHT_BOAT_BODY, after)) + "\n"


def test_a_caption_that_asks_for_its_credit_is_not_the_body():
    """Issue 4: an agency photo's alt text holds its whole caption, closed by "(Photo
    credit should read NAME/AFP/Getty Images)"; it reads as prose, yet it is no part of
    the article."""
    caption = (
        "Passengers wait on the north quay in Harbour Town on March 2, 2021. The night boat made its "
        "last crossing to the islands after sixty years of service. / AFP / POOL / Jane Roe "
        "(Photo credit should read JANE ROE/AFP/Getty Images)"
    )
    body = extract_text_page(_page(caption)).body
    assert "Getty" not in body and "north quay" not in body
    assert body.startswith("The harbour board said on Tuesday")


def test_a_caption_set_in_capitals_is_not_the_body():
    """Issue 4: an agency sets its captions in capitals ("HARBOUR TOWN. FERRIES. THE NIGHT
    BOAT AT THE NORTH QUAY."); an article is not written so, however many words the line has."""
    first, second, third = NIGHT_BOAT_BODY.split("\n\n")
    shout = "HARBOUR TOWN. FERRIES. THE LAST NIGHT BOAT TIES UP AT THE NORTH QUAY BEFORE DAWN."
    page = "\n\n".join(("Harbour Courier", HEADLINE, "By Ann Fisher, March 3, 2021", shout, first, shout, second, third, "More stories"))
    body = extract_text_page(page + "\n").body
    assert "NORTH QUAY" not in body
    assert body.startswith("The harbour board said on Tuesday") and body.endswith("the new summer route.")


def test_a_lead_picture_does_not_part_the_credit_line_from_the_article():
    """Issue 4: the lead picture's alt text, its caption and its credit stand between the
    credit line and the first paragraph; they do not put the article's opening (which
    weighs more in the choice of the body) out of the credit line's reach, under the
    site's blurb as under nothing."""
    promo = "Harbour Courier has told the news of the islands and the quay since 1921, and it is read in every harbour town."
    page = "\n\n".join(
        (
            "Harbour Courier", promo, HEADLINE, "By Ann Fisher, March 3, 2021", "Share Article",
            "the night boat at the north quay", "The night boat at the north quay", "Credit: Harbour Board",
            "A winter without the boat", NIGHT_BOAT_BODY,
        )
    )
    blocks = split_blocks(page)
    stops = stop_words("en")
    for block in blocks:
        measure(block, stops)
    verdicts = [classify(block, False) for block in blocks]
    opening = article_opening(blocks, verdicts)
    assert opening is not None and blocks[opening].text.startswith("The harbour board said on Tuesday")


def test_a_shop_box_picture_printed_twice_is_no_headline_in_the_article():
    """Issue 4: a shop box set twice in the article prints its picture's alt text over the
    picture's credit, and its link after "BUY NOW:" as a document title names a headline
    after the site's name; a picture's caption is no headline all the same, and the
    article's paragraph above the box stays."""
    first, second, third = NIGHT_BOAT_BODY.split("\n\n")
    item = "Harbour Courier Ferry Model Kit With Night Boat Figures"
    box = f"{item}\n\nCredit: Harbour Shop, Courier Offers\n\nBUY NOW: {item}"
    page = "\n\n".join(("Harbour Courier", HEADLINE, "By Ann Fisher, March 3, 2021", first, box, second, box, third, "More stories"))
    article = extract_text_page(page + "\n")
    assert article.title == HEADLINE
    assert article.body.startswith("The harbour board said on Tuesday")


def test_alt_text_over_its_credited_caption_is_not_the_body():
    """Issue 4: the lead picture's alt text, a sentence, stands over its caption, which says
    it again with the photo credit run on after it; the credited caption is the picture's,
    and so is the alt text over it."""
    alt = "Passengers wait on the north quay for the last night crossing to the islands."
    page = _page(alt, f"{alt} Photograph: Jane Roe/Harbour Courier")
    body = extract_text_page(page).body
    assert "north quay" not in body
    assert body.startswith("The harbour board said on Tuesday")


def test_a_list_of_other_stories_with_their_pictures_stays_out():
    """Issue 4: under the article a list of other stories prints each as headline, its
    picture's alt text ("Harbour at dusk") and a short summary. The alt text stands where
    the headline would, right over the summary, and the headline over it is left out; the
    list is still other stories, not the article's."""
    teasers = [
        ("Lifeboat crew called out twice in one stormy night", "Lifeboat at sea",
         "The volunteers of the harbour lifeboat were called out twice on Sunday night, first to a yacht and then to a fishing boat."),
        ("Bakery opens in the old customs house on the quay", "Customs house",
         "The old customs house on the quay has stood empty for years, but from Monday it will smell of fresh bread in the mornings."),
        ("Council publishes the winter timetable for island ferries", "Ferry timetable board",
         "The council has published the winter timetable for the island ferries, with the late boat on Fridays and Saturdays only."),
        ("Harbour master retires after thirty years on the quay", "Harbour at dusk",
         "The harbour master, who has seen three new piers built in his time, will hand over to his deputy at the end of the month."),
    ]
    lines = [part for teaser in teasers for part in teaser]
    page = "\n\n".join(("Harbour Courier", HEADLINE, "By Ann Fisher, March 3, 2021", NIGHT_BOAT_BODY, *lines))
    body = extract_text_page(page + "\n").body
    assert body.endswith("the new summer route.")
    assert "customs house" not in body and "Lifeboat" not in body
