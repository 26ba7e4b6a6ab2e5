"""Article bodies of modern news pages (issue 4): page shapes of 2019-2020 news sites, many
German and French, on small hand-written pages."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page
from tests.texts import FERRY_ARTICLE, FERRY_HEADLINE

HEADLINE, ARTICLE = FERRY_HEADLINE, FERRY_ARTICLE


def _page(*middle: str) -> str:
    return "\n\n".join(["Harbour Gazette", "Home", "News", HEADLINE, "By Tom Hale", "March 3, 2020", *middle])


def test_a_gallery_that_prints_its_title_over_each_slide_is_not_the_article():
    """Issue 4: a gallery set in the article prints its title over each slide, then the
    slide's label and a caption that reads as prose. The captions are the gallery's, not
    the article's, and the article goes on below the gallery."""
    title = "The old harbour in pictures"
    slides = [
        ("The first quay", "Fishermen built the first stone quay in 1790, after a storm had wrecked most of the "
         "wooden jetties that the village had used for a hundred years."),
        ("Steam arrives", "The first steam ferry to the islands sailed from the harbour in 1871, and for fifty "
         "years it was the only way for the islanders to reach the mainland in winter."),
        ("The war years", "During the war the harbour was closed to fishing boats, and the navy used the quay "
         "to repair the small ships that guarded the coast against mines."),
        ("A new breakwater", "The breakwater that shelters the harbour today was finished in 1962, after "
         "a winter storm had flooded the streets behind the quay for the third time."),
    ]
    gallery = [line for label, caption in slides for line in (title, label, caption)]
    below = [
        "The council will meet again next month to decide how the crossings will be paid for after the "
        "three years are over, and the ferry company has been asked to bring its accounts.",
        "Islanders said they would keep up their campaign until the crossings were safe for good, and that "
        "they hoped the government would share the cost with the town as it had in the past.",
    ]
    body = extract_text_page(_page(*ARTICLE, *gallery, *below)).body
    assert body.startswith("The council voted on Tuesday night")
    assert body.endswith("as it had in the past.")
    assert "stone quay in 1790" not in body
    assert title not in body


TEASERS = [
    ("Lifeboat crew called out twice in one night", "The volunteers were called to a yacht that had lost its mast and, "
     "an hour later, to two walkers cut off by the tide below the cliffs."),
    ("School roof to be mended before winter", "The county has found the money to mend the roof of the village "
     "school, which has leaked into two of its classrooms since the spring."),
    ("Market hall reopens after six months", "Traders moved back into the market hall on Saturday after a "
     "repair of its glass roof that took twice as long as the council had planned."),
]


def _box_page(box: list[str]) -> str:
    """A page with no by-line over its article and a box of other stories above it."""
    return "\n\n".join(["Harbour Gazette", "Home", "News", "Contact", *box, "Back to the overview",
                          "22.05.2014 - Town", HEADLINE, *ARTICLE[:3], "Tags: harbour, ferry"])


def test_a_list_of_teasers_each_closed_by_a_german_read_more_link_is_not_the_article():
    """Issue 4: a box of other stories above the article, each a date, a headline, a teaser
    and its link "weiter lesen" (German "read more", in two words as often as in one): the
    teasers are the openings of other pages, not the article."""
    box = [line for day, (headline, teaser) in enumerate(TEASERS, 3) for line in (f"0{day}.10.2016", headline, teaser, "weiter lesen")]
    body = extract_text_page(_box_page(box)).body
    assert body.startswith("The council voted on Tuesday night")
    assert "volunteers" not in body


def test_a_list_of_teasers_each_closed_by_an_arrow_link_is_not_the_article():
    """Issue 4: a box of other stories, each teaser closed by its link drawn as arrows
    alone ("»»»"): the teasers are the openings of other pages."""
    box = [line for headline, teaser in TEASERS for line in (headline, teaser, "»»»")]
    body = extract_text_page(_box_page(box)).body
    assert body.startswith("The council voted on Tuesday night")
    assert "volunteers" not in body


def test_a_teaser_closed_by_its_story_s_by_line_is_not_the_article():
    """Issue 4: a box set in the article that points to another story gives its kicker, its
    headline and a teaser closed by that story's by-line ("... Von Jane Roe und Sam
    Poe"); an article's paragraph does not end by crediting its writers."""
    teaser = ("Daniel Stone lost his boat in the storm of last winter. The harbour must at last mend its sea "
              "wall, he says. Von Anna Berg und Klaus Ott")
    body = extract_text_page(_page(*ARTICLE[:2], "After the storm", "This man is taking on the harbour board",
                                   teaser, *ARTICLE[2:])).body
    assert "Daniel Stone" not in body
    assert body.endswith("on the north side of the quay instead.")


def test_a_box_about_the_writer_under_the_by_line_is_not_the_article():
    """Issue 4: a news site sets a box about the writer under the by-line: the writer's
    name alone, then a paragraph that opens with it. It is about the writer, not the
    story."""
    page = "\n\n".join([
        "Harbour Gazette", "Home", "News", HEADLINE, "Von Tom Hale, Pellow", "Tom Hale",
        "Tom Hale joined the Gazette in 2001 after training at the journalism school, and has written about "
        "the harbour, its boats and the people who work on them ever since.",
        "Follow on Twitter", *ARTICLE,
    ])
    body = extract_text_page(page).body
    assert body.startswith("The council voted on Tuesday night")
    assert "journalism school" not in body


def test_entries_under_the_same_by_line_are_no_gallery():
    """Issue 4: a live blog prints the same by-line over each of its entries; a line
    repeated over each paragraph is a gallery's title only when it is no by-line or date,
    and the entries stay the article's."""
    entries = [line for paragraph in ARTICLE for line in ("Posted by Tom Hale", paragraph)]
    body = extract_text_page(_page(*entries)).body
    assert all(paragraph in body for paragraph in ARTICLE)


def test_the_article_begins_below_a_menu_the_run_crosses():
    """Issue 4: a box of the paper's best stories above the site's menu (each a headline and
    a teaser) outweighs the menu's short lines, and the densest run began with the teasers
    and crossed the whole menu to the article. An article does not break off for a menu of
    twenty sections: it begins below the menu."""
    best = [line for headline, teaser in TEASERS for line in (headline, teaser)]
    menu = ["Politics", "Business", "Money", "Opinion", "Sport", "Culture", "Science", "Travel", "Cars",
            "Jobs", "Homes", "Weather", "Puzzles", "Podcasts", "Video", "Photos", "Letters", "Obituaries",
            "Events", "Shop", "Archive", "Subscribe"]
    page = "\n\n".join(["Harbour Gazette", "The best of the paper", *best, *menu, HEADLINE, *ARTICLE[:3]])
    body = extract_text_page(page).body
    assert body.startswith("The council voted on Tuesday night")
    assert "volunteers" not in body


def test_a_list_the_article_announces_is_no_menu():
    """Issue 4: a list of twenty places or more that a paragraph announces with a colon is
    the article's own, though its lines look like a menu's."""
    places = ["Brazil", "Bahrain", "Sri Lanka", "India", "Australia", "Jakarta", "Hong Kong", "Shanghai", "Japan",
              "Toronto", "Ottawa", "England", "France", "Ireland", "Belgium", "South Africa", "Italy", "Germany",
              "Spain", "Norway", "Sweden", "Iceland"]
    more = [
        "At the meeting, the harbour master read out a letter from the coastguard, which said the winter "
        "crossings were the only safe way for the islanders to reach the hospital in a storm.",
        "The council's treasurer said the money would come from the reserve kept for repairs to the sea "
        "wall, and that the wall would have to wait another year for its new gates.",
    ]
    announce = "The ferry's crew have sailed to these places since it was built:"
    body = extract_text_page(_page(ARTICLE[0], announce, *places, *ARTICLE[1:], *more)).body
    assert body.startswith("The council voted on Tuesday night")


def test_a_comment_count_in_another_language_ends_the_article():
    """Issue 4: the heading of a comment thread that counts the comments ends the article
    in the languages read as it does in English ("27 comments"): "27 commentaires",
    "12 Kommentare"."""
    comments = [
        "I do not agree with this at all, because the boat is only there for the people of the islands, "
        "and the town should not have to pay for them for three more years.",
        "Thank you for this report, which shows that the winter crossing is the only way for the people "
        "of the islands to reach the hospital when there is a storm.",
        "The ferry has been late every other morning this winter, and nobody at the company will say why, "
        "so I do not see why the town should give them any more money.",
    ]
    thread = [line for name, comment in zip(("Marie D.", "Paul R.", "Anna K."), comments) for line in (name, comment)]
    for heading in ("27 commentaires", "12 Kommentare"):
        # (a page whose headline has no credits under it: nothing tells the thread's count
        # from the count a credit line gives)
        body = extract_text_page("\n\n".join(["Harbour Gazette", HEADLINE, *ARTICLE, heading, *thread])).body
        assert body.endswith("on the north side of the quay instead.")


def test_the_numbered_headings_of_a_ranked_list_are_kept():
    """Issue 4: a ranked list ("the five best crossings") heads each section with its number
    and a name ("1. The north channel"), a paragraph under each. The numbered line is a
    sub-heading of the article, not a list's item to drop."""
    places = ["The north channel", "Pellow harbour", "The old quay", "Seal rock", "The lighthouse steps"]
    sections = [line for n, (place, paragraph) in enumerate(zip(places, ARTICLE + ARTICLE[:1]), 1) for line in (f"{n}. {place}", paragraph)]
    body = extract_text_page(_page(*sections)).body
    assert "2. Pellow harbour" in body and "4. Seal rock" in body
