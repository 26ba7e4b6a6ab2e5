"""Article bodies of news pages (issue 4): page shapes met on real article pages of news
sites, on small hand-written pages."""

from __future__ import annotations

import textwrap

from newsarchive.extract.textblocks import split_blocks
from newsarchive.extract.textmarkup import plain_text
from newsarchive.extract.textpage import extract_text_page
from tests.texts import FERRY_ARTICLE, FERRY_HEADLINE
from tests.timing import assert_linear_time

HEADLINE, ARTICLE = FERRY_HEADLINE, FERRY_ARTICLE
# A ticker of the site's latest news: items newest first, most a headline alone, some with
# a paragraph under a label.
TICKER = [
    "• 14:44 Rail strike called off after late-night talks",
    "• 14:32 Museum reopens its east wing to visitors",
    "• 14:10", "Weather.",
    "Forecasters said the storm that has kept the fishing fleet in port since Sunday would pass "
    "to the north overnight, with calmer seas expected along the whole coast by the morning.",
    "• 13:54 City marathon moves to a new route",
    "• 13:43 Two climbers rescued from the northern ridge",
    "• 13:24", "Markets.",
    "Shares in the country's largest shipping firm rose sharply in early trading after it said "
    "its profits for the year would be higher than the figure it had given the markets in spring.",
    "• 13:18 Hospital waiting lists fall for a third month",
    "• 13:08 Farmers warn of a poor apple harvest",
    "• 12:57 New bridge opens a year late",
    "• 12:41", "Sport.",
    "The national team named three new players for next week's match, and the coach said that "
    "the young goalkeeper who had impressed in training would start in place of the captain.",
    "• 12:22 Court rules on the harbour dispute",
]


def _page(*middle: str) -> str:
    return "\n\n".join(["Harbour Gazette", "Home", "News", HEADLINE, "By Tom Hale", "March 3, 2020", *middle])


def test_a_ticker_of_latest_news_after_the_article_is_not_the_article():
    """Issue 4: a news site sets a ticker of its latest items beside the article, newest
    first, each under the time it was posted, most a headline alone and some with a
    paragraph. The paragraphs outweigh the stamps, so the article ran on through the
    ticker; it ends where the ticker begins."""
    body = extract_text_page(_page(*ARTICLE, "Newsletter", "The news every morning by email", "Latest", *TICKER)).body
    assert body.startswith("The council voted on Tuesday night")
    assert body.endswith("on the north side of the quay instead.")


def test_a_live_blog_s_stamped_entries_are_its_article():
    """Issue 4: a live blog's entries stand under the times they were posted, newest first,
    as a ticker's items do, but each carries its paragraphs: they are the article, kept
    under its opening paragraph."""
    entries = []
    for time, first, second in [
        ("14:44", "The last ferry of the evening has left the harbour, an hour late because of the wind.",
         "Passengers on the quay said they had waited in the cold since six o'clock for the boat."),
        ("14:20", "The council's leader has told reporters that the vote will go ahead tonight after all.",
         "She said the members had read the company's figures and were ready to make up their minds."),
        ("13:55", "Hundreds of islanders have gathered outside the town hall, with banners and a brass band.",
         "Police said the crowd was peaceful and that the road would stay closed until the meeting ends."),
        ("13:30", "The ferry company has published its accounts for the last ten years on its own website.",
         "They show that the winter crossings have lost money every year since the new boat came in."),
    ]:
        entries += [f"• {time}", first, second]
    body = extract_text_page(_page(ARTICLE[0], *entries, "Most read", "Rail strike called off")).body
    assert "The last ferry of the evening has left the harbour" in body
    assert body.endswith("since the new boat came in.")


def test_a_live_blog_of_thousands_of_entries_is_read_in_linear_time():
    """Hostile or merely long input: a live blog stamps every entry with the same time, so
    each stamp opens a chain through all the others below it. Following each chain anew
    took quadratic time (6 s for 2,000 entries); each chain is now followed once."""
    entry = "The ferry crews said the boat would sail as soon as the wind dropped below a gale."

    def live_blog(words: int) -> str:
        entries = [f"12:00 Update from the quay\n\n{entry}" for _ in range(words // 20)]
        return _page(*ARTICLE, *entries)

    assert_linear_time(lambda n: extract_text_page(live_blog(n)), small=10_000)


def test_a_div_that_opens_a_pandoc_list_item_does_not_join_the_item_s_text():
    """Issue 4: pandoc writes a div that opens a list item on the item's line ("-   :::
    item-title"); the item's text, on the lines under it, was joined to the div's mark and
    read "- ::: item-title 14:44 Headline", which no stamp or headline rule knew."""
    page = (
        "[Home](/) [News](/news) [Sport](/sport)\n\n"
        "-   ::: item-title-container\n"
        "    [14:44](/live/6196){.item-date} [[Rail strike called off after\n"
        "    late-night talks]{.item-title}](/live/#item-6196)\n"
        "    :::\n\n"
        "-   ::: item-title-container\n"
        "    [14:32](/live/6193){.item-date}\n"
        "    :::\n"
    )
    lines = [line.strip() for line in plain_text(page).split("\n") if line.strip()]
    assert lines[1:] == ["* 14:44 Rail strike called off after late-night talks", "* 14:32"]


HOW_TO_INTRO = (
    "A glass jar of ferns and moss keeps a little of the forest on a kitchen shelf, and once it is "
    "closed it waters itself: the damp that rises from the soil runs back down the glass every evening."
)
STEPS = [
    "Fill the bottom of the jar with a layer of small stones, so that the roots never stand in water.",
    "Spread a thin layer of charcoal over the stones to keep the air in the jar fresh.",
    "Add the potting soil and press it down gently with the back of a spoon.",
    "Set the ferns in the soil with the tweezers, the tallest one at the back.",
    "Cover the bare soil with moss and close the lid before you put the jar in the shade.",
]


def test_a_how_to_s_numbered_steps_are_no_box_of_blurbs():
    """Issue 4: a how-to sets each step's few sentences alone under its label ("Step 3"),
    each with a photo's caption after it, as a sidebar sets its blurbs under the names of
    the pages it links to (here below a picture, not right under the opening paragraph).
    Labels that count up one by one are the article's steps."""
    steps = []
    for number, step in enumerate(STEPS, 1):
        steps += [f"Step {number}", step, "ferns and moss in a glass jar"]
    picture = ["a glass jar of ferns", "A finished jar on a kitchen shelf. (Photo: Jane Roe)", "Print"]
    page = _page(HOW_TO_INTRO, *picture, *steps, "More Like This", "How to Grow Moss on Stones", "How to Make a Bottle Garden")
    body = extract_text_page(page).body
    for step in STEPS:
        assert step in body


def test_a_list_under_its_label_inside_the_article_is_kept():
    """Issue 4: a how-to or a recipe names its list on a short line of its own ("What you
    will need:", "Ingredients:") and goes on under it with a sub-heading and its paragraph.
    The label and its items are the article's, though no paragraph stands right above the
    list."""
    items = ["• A glass jar with a lid", "• Small stones", "• Potting soil", "• Two small ferns", "• A pair of tweezers"]
    page = _page(HOW_TO_INTRO, "What you will need:", *items, "Step 1", STEPS[0] + " " + STEPS[1], "Step 2", STEPS[2] + " " + STEPS[3])
    body = extract_text_page(page).body
    assert "What you will need:" in body
    assert all(item.lstrip("• ") in body for item in items)


def test_a_caption_closed_by_its_photographer_and_agency_is_no_paragraph():
    """Issue 4: a news photo's caption ends with its credit, the photographer and the
    agency with no brackets ("... in the harbour. Jane Roe/AFP/Getty Images"); however
    long, it is not the article's."""
    caption = ("March 3, 2020 Islanders wait on the quay for the last ferry of the evening in the harbour "
               "of Pellow. Jane Roe/AFP/Getty Images")
    body = extract_text_page(_page(*ARTICLE[:2], caption, *ARTICLE[2:])).body
    assert "Jane Roe" not in body
    assert body.endswith("on the north side of the quay instead.")


def test_the_article_goes_on_past_a_photo_gallery_set_in_it():
    """Issue 4: a gallery set in the article brings its buttons and counters ("1 of 12",
    "View Photos", "Buy Photo") and its blurb, printed twice (as the gallery's blurb and
    as the first picture's caption, a "Caption" label between). Read as two paragraphs,
    the blurb parted the gallery's furniture into two short stretches, and the article
    seemed to break off into furniture for a coda of one blurb, when less of it stands
    below the gallery than above; the article goes on below the gallery, without the
    blurb."""
    above = ARTICLE + [
        "At the meeting, the harbour master read out a letter from the coastguard, which said the "
        "winter crossings were the only safe way for the islanders to reach the hospital in a storm.",
        "The council's treasurer said the money would come from the reserve kept for repairs to the sea "
        "wall, and that the wall would have to wait another year for its new gates.",
    ]
    below = [
        "Ferry staff said the boat would be painted over the summer and that its engines, which are "
        "twenty years old, had been checked in the spring and would last another five winters.",
        "Islanders who had crossed for the meeting cheered when the vote was read out, and several of them "
        "said they would take the late boat home to tell their neighbours the news.",
        "The company will publish its winter timetable next week, with the first crossing at seven in the "
        "morning and the last one leaving the mainland at half past nine at night.",
        "The plan will be looked at again in three years, when the council has said it will ask the "
        "government to share the cost of the crossings.",
    ]
    blurb = "The harbour of Pellow has kept its ferry to the islands since the first steam boat sailed in 1871."
    gallery = ["1 of 12", "Full Screen", "Autoplay", "Close", "The harbour through the years", "[harbour-1871]",
               "View Photos", blurb, "Caption", blurb,
               "May 17, 2012 The old steam ferry at the quay, with the lighthouse behind it. John Doe/AFP/Getty Images",
               "Buy Photo", "Wait 1 second to continue.", "[Read: Lifeboat crew called out twice in one night]"]
    body = extract_text_page(_page(*above, *gallery, *below, "Comments")).body
    assert body.startswith("The council voted on Tuesday night")
    assert body.endswith("share the cost of the crossings.")
    assert "since the first steam boat" not in body


MORE = [
    "At the meeting, the harbour master read out a letter from the coastguard, which said the winter "
    "crossings were the only safe way for the islanders to reach the hospital in a storm.",
    "The council's treasurer said the money would come from the reserve kept for repairs to the sea "
    "wall, and that the wall would have to wait another year for its new gates.",
    "Ferry staff said the boat would be painted over the summer and that its engines, which are twenty "
    "years old, had been checked in the spring and would last another five winters.",
    "Islanders who had crossed for the meeting cheered when the vote was read out, and several of them "
    "said they would take the late boat home to tell their neighbours the news.",
    "The island school's head teacher told the meeting that a third of her pupils cross every morning "
    "for lessons the island cannot give them, in science and in languages above all.",
    "A fisherman from the north harbour said the boat also carried the catch to the market on the "
    "mainland twice a week, and that without it the fleet would have to sell for less.",
    "The doctor who holds a surgery on the islands on Thursdays said she had crossed on the ferry every "
    "week for eleven years and had never once been let down by its crew.",
]
LAST = [
    "The company will publish its winter timetable next week, with the first crossing at seven in the "
    "morning and the last one leaving the mainland at half past nine at night.",
    "The plan will be looked at again in three years, when the council has said it will ask the "
    "government to share the cost of the crossings. Several members said they would rather have asked "
    "now, since the islands are not the only ones in the region to depend on a boat, and a shared plan "
    "for all the crossings on the coast would cost each council less than paying for its own.",
    "Until then, the council said, the islanders could count on the boat every day of the winter, "
    "whatever the weather, as they have done for as long as anyone can remember.",
    "The first of the new winter crossings will leave the mainland on the first Monday of November, "
    "and the council's leader has said she will be on it.",
]


def test_the_article_goes_on_past_a_box_of_teasers_set_in_it():
    """Issue 4: a long article sets a box of other stories among its paragraphs, each
    teaser its headline (given twice, the picture's and the link's) and its opening words
    cut short before a link a copy may give twice ("... Read more Read more"). The teasers
    are not the article; the article, which runs on below the box in paragraphs one after
    another, is not cut off at the box."""
    teasers = []
    for headline, opening in [
        ("Lifeboat crew called out twice in one night", "The crew of the lifeboat were called out twice on Sunday night, first to a yacht"),
        ("New bakery opens in the old customs house", "The old customs house on the quay has a new tenant at last: a bakery that"),
        ("School choir to sing at the lighthouse", "The school choir will sing at the lighthouse on Saturday to mark a hundred"),
    ]:
        teasers += [f"{headline} {headline}", f"{opening}… Read more Read more"]
    body = extract_text_page(_page(*ARTICLE, *MORE, *teasers, *LAST, "Comments")).body
    assert body.endswith(LAST[-1])
    assert "Read more" not in body and "lifeboat" not in body


def test_the_furniture_under_the_article_s_last_paragraph_is_not_the_article():
    """Issue 4: when readers' long comments lie past the article's foot, the run reaches
    over its story tools and a box of links to the "Comments" heading, and the box's short
    lines that read as sentences ("Is the ferry worth the money?") joined the article. A
    stretch of furniture under the article's last paragraph ends it."""
    tail = ["Contribute to this Story:", "Send us a tip", "Suggest a correction", "FOLLOW LOCAL NEWS", "Like",
            "Around the Web:", "Is the ferry worth the money?", "Islands count the cost of winter.",
            "More in Local News...", "Harbour wall repairs delayed again."]
    comments = []
    for name, comment in [
        ("quaywalker", "I have taken that crossing every winter for twenty years, and I cannot tell you how glad "
                       "I am that the council has finally seen sense and kept the boat running for us all."),
        ("islandmum", "My children go to school on the mainland and without the ferry they would have had to "
                      "board in town all week, which we could never have paid for on what we earn out here."),
        ("harbourwatch", "Three more years is something, but what happens after that? The council should have "
                         "found a way to pay for the crossings for good instead of putting the problem off again."),
    ]:
        comments += [f"{name} 2 hours ago", comment, "Reply"]
    body = extract_text_page(_page(*ARTICLE, *tail, "Comments", *comments, *comments)).body
    assert body.endswith("on the north side of the quay instead.")


def test_a_note_of_where_the_article_first_ran_is_not_its_text():
    """Issue 4: a post reprinted from the writer's own site ends with where it first ran
    ("Originally published at example.com on May 3, 2011.") and often a plea to pass it
    on; prose beside the article, about it, not the article's."""
    note = ("Originally published at harbourgazette.example on March 3, 2020. If the ferry matters to you, "
            "tell your friends about this story and the crossings.")
    body = extract_text_page(_page(*ARTICLE, note, "Share", "Recommend")).body
    assert body.endswith("on the north side of the quay instead.")


def test_inscriptis_items_of_a_list_three_deep_are_blocks_of_their_own():
    """Issue 4: inscriptis marks the items of a list inside a list inside a list with an
    "o" (a site menu's drop-down of stories, "o Headline Writer"). The lines open in lower
    case and the one above breaks off without a full stop, so each was read as the end of
    the sentence above, and the menu's stories ran together into one paragraph of prose."""
    page = (
        "      * Business\n"
        "              o Ferry company names its new winter captain Tom Hale\n"
        "              o Harbour wall repairs delayed for another year Jane Roe\n"
        "              o Fishing fleet to sell its catch on the mainland twice a week Tom Hale\n"
    )
    blocks = split_blocks(page)
    assert [block.text[:12] for block in blocks] == ["* Business", "o Ferry comp", "o Harbour wa", "o Fishing fl"]


def test_a_by_line_under_a_photo_s_credit_starts_a_block_in_a_wrapped_dump():
    """Issue 4: a text browser's dump may print the by-line right under the caption of the
    photo above the article, with no blank line between: "... after the storm. (Jane
    Roe/Harbour Gazette)" over "By Tom Hale March 3 at 6:40 PM". The dump's wrap width
    joined them into one paragraph, which read as prose and opened the article."""
    def wrapped(*paragraphs: str) -> str:
        return "\n\n".join("\n".join(textwrap.wrap(paragraph, 72)) for paragraph in paragraphs)

    caption = ("Islanders wait on the quay for the last ferry of the evening in the harbour of Pellow, "
               "after the storm. (Jane Roe/Harbour Gazette)")
    page = wrapped(*ARTICLE[:2]) + "\n\n" + wrapped(caption) + "\nBy Tom Hale March 3 at 6:40 PM\n\n" + wrapped(*ARTICLE[2:], *MORE)
    texts = [block.text for block in split_blocks(page)]
    assert texts[2].endswith("(Jane Roe/Harbour Gazette)")
    assert texts[3] == "By Tom Hale March 3 at 6:40 PM"


def test_an_opening_paragraph_printed_twice_in_a_row_is_kept_once():
    """Issue 4: a page may print the article's summary right above its opening paragraph,
    word for word. Unlike a gallery's caption printed twice over a "Caption" label, the
    two copies have no label between them: the paragraph is the article's, kept once."""
    body = extract_text_page(_page(ARTICLE[0], *ARTICLE)).body
    assert body.startswith(ARTICLE[0])
    assert body.count(ARTICLE[0]) == 1


def test_an_opening_paragraph_repeated_with_plain_quotes_is_kept_once():
    """Issue 4: a page may print its summary over the opening paragraph, the same words
    with plain quotation marks in one and typeset ones in the other. They read as two
    paragraphs, and the article said its opening twice."""
    typeset = ("The harbour master said the winter crossings were \u201cthe islands\u2019 lifeline\u201d and that "
               "the council\u2019s vote had saved them for three more years at least.")
    plain = typeset.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    body = extract_text_page(_page(plain, typeset, *ARTICLE)).body
    assert body.count("lifeline") == 1
