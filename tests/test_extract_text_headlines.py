"""Headlines of text pages (issue 4): the rules that pick the headline out of the lines
above the article, on small hand-written pages."""

from __future__ import annotations

from newsarchive.extract.textheader import clean_headline
from newsarchive.extract.textpage import extract_text_page

BODY = (
    "The last keeper of the harbour light handed over his keys on Friday morning, after "
    "forty years of climbing the same hundred and twelve steps in every kind of weather.\n\n"
    "He said the job had changed less than people think: the lamp is electric now, but the "
    "salt still gets into everything and the gulls still have no respect for anyone.\n\n"
    "The harbour board will run the light from the office on the quay, and the tower will "
    "open to visitors in the summer for the first time since it was built."
)


def test_a_number_that_ends_the_headline_is_kept():
    """Issue 4: "dead at 61", "turns 10", "Phone 8" end headlines; only a comment count goes."""
    assert clean_headline("Harbour light keeper retires at 81") == "Harbour light keeper retires at 81"
    assert clean_headline("The harbour festival turns 10") == "The harbour festival turns 10"
    assert clean_headline("Harbour light keeper retires at 81 149 Comments") == "Harbour light keeper retires at 81"
    assert clean_headline("Who will keep the harbour light? 12") == "Who will keep the harbour light?"
    assert clean_headline("Harbour light keeper hands over the keys 313") == "Harbour light keeper hands over the keys"
    assert clean_headline("Harbour light keeper looks back on 2012") == "Harbour light keeper looks back on 2012"


def test_the_line_the_page_names_again_is_the_headline():
    """Issue 4: a page names its headline again ("Headline | Site" at the top of a
    browser's copy, "Comments on “Headline”", an archive list cutting it short); a
    headline-like line of a sidebar list closer to the body must not win over it."""
    sidebar = (
        "Coastline Notes\n\nHome\n\nAbout\n\n"
        "Harbour light keeper hands over the keys\n\n"
        "Friends of the blog\n\n"
        "Harbour Lights: A Guide to the Towers of the Coast\n\n"
        "The Keeper's Year: Salt, Weather and Steps\n\n"
        "Gulls of the Quay: A Field Guide for Visitors\n\n"
    )
    for named_again in (
        "\n\n2 comments on “Harbour light keeper hands over the keys”\n",
        "\n\nArchive\n\nHarbour light keeper hands over the...\n\nNew nets for the old boats\n",
    ):
        article = extract_text_page(sidebar + BODY + named_again)
        assert article.title == "Harbour light keeper hands over the keys", named_again


def test_a_headline_swallowed_by_the_article_run_cuts_off_what_came_before():
    """Issue 4: a blog's "about me" blurb above the post reads as prose and opens the
    article run; the post's headline, which the page names again in quotes, ends it."""
    page = (
        "Coastline Notes\n\nHome\n\nArchive\n\n"
        "I am a retired ferry engineer who writes about the harbour, its boats and the people "
        "who keep them running, with a weakness for old lighthouses and long walks.\n\n"
        "Harbour light keeper hands over the keys\n\n"
        + BODY
        + "\n\n3 Responses to “Harbour light keeper hands over the keys”\n\n"
        "Mary says:\n\nWhat a lovely piece, thank you.\n"
    )
    article = extract_text_page(page)
    assert article.title == "Harbour light keeper hands over the keys"
    assert article.body.startswith("The last keeper of the harbour light")
    assert "retired ferry engineer" not in article.body


def test_a_headline_set_as_a_list_item_counts_when_its_by_line_follows():
    """Issue 4: a text browser marks a headline inside a list ("□ Headline"); with its
    by-line right under it, it is the headline, without the mark."""
    page = "Coastline Notes\n\nHome\n\n□ Harbour light keeper hands over the keys\n\nby Ann Morrow on Tuesday, May 7, 2019\n\n" + BODY
    article = extract_text_page(page)
    assert article.title == "Harbour light keeper hands over the keys"
    assert article.authors == ["Ann Morrow"]


def test_an_image_placeholder_run_into_the_headline_is_not_part_of_it():
    """Issue 4: "[harbour_0042] Headline" and "Seaphoto_1234567 Headline" in text dumps."""
    for prefix in ("[harbour_0042] ", "Seaphoto_1234567 "):
        page = "Coastline Notes\n\nHome\n\n" + prefix + "New Lamps for the Old Light\n\nMay 7, 2019\n\n" + BODY
        assert extract_text_page(page).title == "New Lamps for the Old Light", prefix


def test_post_on_and_play_video_lines():
    """Issue 4: "a guest post on legalized tolls" is a headline; "Post on Facebook" and
    "Play Harbour News Video" are buttons."""
    from newsarchive.extract.furniture import furniture_reason

    for line in ("Post on Facebook", "Play Harbour News Video"):
        assert furniture_reason(line, len(line.split())), line
    headline = "Lamps overboard & a guest post on harbour tolls, the keeper's dilemma"
    assert furniture_reason(headline, len(headline.split())) is None


def test_list_marks_of_each_text_tool_come_off_the_headline():
    """Issue 4: inscriptis sets a list item as "* Item" or "+ Item", w3m as "• Item"."""
    for mark in ("* ", "+ ", "• "):
        page = "Coastline Notes\n\nHome\n\n" + mark + "Harbour light keeper hands over the keys\n\nby Ann Morrow on May 7, 2019\n\n" + BODY
        assert extract_text_page(page).title == "Harbour light keeper hands over the keys", mark


def test_a_blog_post_under_its_date_line_cuts_off_the_sidebar_above():
    """Issue 4: a blog's sidebar blurb opens the article run; the post starts at its date
    line and headline, which the run has swallowed."""
    page = (
        "Coastline Notes\n\nHome\n\n"
        "Welcome to Coastline Notes, where a retired ferry engineer writes about the harbour, its "
        "boats and the people who keep them running, three times a week or so.\n\n"
        "Thursday, March 7, 2019\n\n"
        "Harbour light keeper hands over the keys\n\n" + BODY
    )
    article = extract_text_page(page)
    assert article.title == "Harbour light keeper hands over the keys"
    assert article.published == "2019-03-07"
    assert article.body.startswith("The last keeper of the harbour light")


def test_links_to_other_posts_and_box_labels_are_not_headlines():
    """Issue 4: "Next post: ...", "Tags: ...", "12 Responses to ..." and "Powered by ..."
    stand near a blog post's top but are never its headline, nor its standfirst."""
    for line in (
        "Next post: The harbour light keeper's last night on the tower",
        "Tags: Harbour light, keeper, lighthouses, the quay",
        "12 Responses to the harbour light keeper's last night",
        "Proudly powered by the harbour light keepers' software",
    ):
        page = "Coastline Notes\n\nHarbour light keeper hands over the keys\n\n" + line + "\n\nMay 7, 2019\n\n" + BODY
        article = extract_text_page(page)
        assert article.title == "Harbour light keeper hands over the keys", line
        assert article.subtitle is None, line


def test_a_blog_headline_right_under_its_date_line_may_be_one_word():
    """Issue 4: a blog sets its posts as date line, headline, text; the headline may be a
    single word, and it wins over the blog's name above it."""
    page = "Coastline Notes\n\nHome\n\nThursday, March 7, 2019\n\nHandover!\n\n" + BODY
    article = extract_text_page(page)
    assert article.title == "Handover!"
    assert article.published == "2019-03-07"


def test_explain_says_why_the_blurb_above_a_swallowed_headline_went():
    """Issue 4: explain mode names the rule that cut the run's opening off."""
    from newsarchive.extract.textpage import explain_text_page

    blurb = (
        "Welcome to Coastline Notes, where a retired ferry engineer writes about the harbour, "
        "its boats and the people who keep them running, three times a week or so."
    )
    page = "Coastline Notes\n\nHome\n\n" + blurb + "\n\nThursday, March 7, 2019\n\nHarbour light keeper hands over the keys\n\n" + BODY
    decision = next(d for d in explain_text_page(page) if d.text == blurb)
    assert not decision.kept
    assert "headline found inside the article run" in decision.rule


def test_a_headline_wrapped_onto_a_second_line_is_joined():
    """Issue 4: a text browser wraps a long headline onto a line of its own right under it
    ("...A Guide For" / "Winter Visitors"); the two lines are one headline, in title case
    or in sentence case. A line of tags under the headline is not part of it."""
    for first, second in (
        ("Harbour Light Keeper Hands Over The Keys After Forty Years: A Guide For", "Winter Visitors"),
        ("Harbour light keeper hands over the keys after forty years on the quay and", "a last climb"),
    ):
        page = f"Coastline Notes\n\nHome\n\n{first}\n{second}\n\nMarch 3, 2021\n\n{BODY}\n"
        assert extract_text_page(page).title == f"{first} {second}"
    tagged = "Harbour Light Keeper Hands Over The Keys After Forty Years"
    page = f"Coastline Notes\n\nHome\n\n{tagged}\nLighthouses keepers harbour quay\n\nMarch 3, 2021\n\n{BODY}\n"
    assert extract_text_page(page).title == tagged


def test_a_deck_under_the_headline_does_not_take_its_place_when_a_lead_in_stands_above_the_byline():
    """Issue 4: "Headline" / "A longer deck under it" / lead-in / by-line / body: the upper,
    shorter line is the headline even when the lead-in is already the standfirst."""
    page = (
        "Coastline Notes\n\nHome\n\n"
        "Harbour light keeper hands over the keys\n\n"
        "After forty years on the same hundred and twelve steps, the last keeper of the light says goodbye\n\n"
        "Advertisement\n\n"
        "\"It was never a lonely job,\" he said on the quay.\n\n"
        "By Ann Fisher\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Harbour light keeper hands over the keys"


def test_w3m_strike_marks_are_taken_out_of_the_text():
    """Issue 4: w3m prints struck-out words as "[S:words:S]"; the words are the page's own
    (a joke in a headline: "Never Forget It Her"), the mark is not."""
    page = f"Coastline Notes\n\nHome\n\nHarbour light keeper will never miss [S:the steps:S] the view\n\nMarch 3, 2021\n\n{BODY}\n"
    assert extract_text_page(page).title == "Harbour light keeper will never miss the steps the view"


def test_a_deck_of_ten_words_or_more_under_the_headline_is_not_the_headline():
    """Issue 4: "Headline" / "A deck of ten or eleven words" / body, each a paragraph of
    its own: the upper line is the headline, though the deck shares more words with the body."""
    headline = "A Quiet Farewell At The Harbour"
    deck = "The last keeper of the harbour light handed over his keys"
    page = f"Coastline Notes\n\nHome\n\n{headline}\n\n{deck}\n\n{BODY}\n"
    article = extract_text_page(page)
    assert (article.title, article.subtitle) == (headline, deck)


def test_a_link_title_that_ends_a_list_is_not_a_headline_over_the_deck():
    """Issue 4: a "Next post »" link or the last of a list of link titles, line after line
    with no gap, stands right above the headline; it is not the headline over a deck."""
    headline = "The last keeper of the harbour light hands over his keys after forty years"
    page = (
        "Coastline Notes\n\nHome\n\n« Gulls of the quay and the people who feed them\n"
        f"New nets for the old boats »\n\n{headline}\n\n{BODY}\n"
    )
    assert extract_text_page(page).title == headline


def test_a_caption_under_a_stamp_with_a_byline_is_not_a_blog_headline():
    """Issue 4: a blog sets "date line / headline / post"; under a stamp that names the
    author ("Posted on March 3, 2021 by Ann Fisher") comes the article or a photo's caption,
    not the headline, which stands above the stamp."""
    for stamp in ("Posted on March 3, 2021 by Ann Fisher", "Ann Fisher by Ann Fisher Published March 3, 2021 9:15 am"):
        page = f"Coastline Notes\n\nHome\n\nHarbour light keeper hands over the keys\n\n{stamp}\n\nGulls over the harbour light\n\n{BODY}\n"
        assert extract_text_page(page).title == "Harbour light keeper hands over the keys", stamp


def test_the_line_right_above_the_byline_wins_over_one_further_up():
    """Issue 4: a blog's tagline and the post's headline both stand above the by-line; the
    headline is the one right above it."""
    page = (
        "Coastline Notes\n\nHome\n\nStories of the harbour, the light and the quay\n\n"
        "Keeper of the light retires\n\nby Ann Fisher on March 3, 2021\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Keeper of the light retires"


def test_a_headline_the_page_lists_again_among_its_latest_stories_wins():
    """Issue 4: a text browser's dump has no document title to name the headline again, but
    the page's own list of latest stories does; a photo's title-like caption between the
    headline and the body is not the headline."""
    headline = "The last climb of the harbour light keeper"
    page = (
        f"Coastline Notes\n\nHome\n\n{headline}\n\nThe harbour light seen from the quay\n\n{BODY}\n\n"
        f"Latest stories\n\n• New nets for the old boats\n• {headline}\n• Gulls of the quay: a guide\n"
    )
    assert extract_text_page(page).title == headline


def test_a_one_word_headline_over_its_byline():
    """Issue 4: a blog's post headed by one word ("Farewell!") right over its by-line and
    date; a widget's heading above it is not the headline."""
    page = (
        "Coastline Notes\n\nHome\n\nTranslate This Blog\n\n[search]\n\n"
        "Farewell!\n\nby Ann Fisher on March 3, 2021\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "Farewell!"


def test_a_caption_under_the_byline_is_not_the_headline():
    """Issue 4: "Headline" / "by NAME" / a photo's caption that names what the article
    names / article: under a by-line come the article and its pictures, not the headline."""
    page = (
        "Coastline Notes\n\nHome\n\nA farewell on the quay\n\nby Ann Fisher\n\n"
        "The keeper of the harbour light\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "A farewell on the quay"


def test_a_headline_with_a_long_run_of_spaces_is_cleaned_in_linear_time():
    import time

    from newsarchive.extract.textheader import clean_headline

    started = time.process_time()
    assert clean_headline("Harbour wall" + " " * 50_000 + "repairs agreed 12 comments") == "Harbour wall repairs agreed"
    assert time.process_time() - started < 2  # quadratic on the raw run: many seconds


def test_the_site_name_in_a_possessive_is_not_the_headline_named_again():
    """Issue 4: "Notes from the Harbour's sister newsletter" in a side box does not name
    the masthead "Notes from the Harbour" again in quotes (an empty side of the match is
    no quote mark); the headline over the body wins."""
    page = (
        "Notes from the Harbour\n\nHome\n\nAbout\n\nArchive\n\n"
        "Light keeper hands over the keys\n\n" + BODY + "\n\n"
        "About this blog\n\nNotes from the Harbour's sister newsletter\n\n"
    )
    assert extract_text_page(page).title == "Light keeper hands over the keys"


def test_a_lower_case_headline_under_the_post_date():
    """Issue 4: some blogs set their headlines in lower case; right under the post's date
    line it is the headline, not the masthead above."""
    page = (
        "Harbour Kitchen\n\nHome\n\nRecipes\n\nAbout\n\n"
        "Tuesday, March 2, 2021\n\nsalt cod fritters for the keeper\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "salt cod fritters for the keeper"


def test_a_lower_case_line_with_no_date_above_is_not_the_headline():
    """Issue 4: away from a date line, a lower-case line is a caption or alt text."""
    page = "Harbour Kitchen\n\nHome\n\nThe keeper hands over the keys\n\nthe lamp room at dusk\n\n" + BODY + "\n"
    assert extract_text_page(page).title == "The keeper hands over the keys"


def test_a_post_headline_that_ends_like_a_sentence_under_the_date_line():
    """Issue 4: a blog sets masthead, its description, the post's date line, then the
    headline; a headline ending in "?" or "!" reads like a sentence, yet right under the
    date line it is the headline, not the first line of the body."""
    page = (
        "Harbour Watch\n\n"
        "Notes on lights, tides and the people who keep them, written by a retired keeper "
        "from the north coast who still climbs the tower steps every morning.\n\n"
        "Monday, March 1, 2021\n\n"
        "Who will keep the light now?\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "Who will keep the light now?"
    assert not article.body.startswith("Who will keep")


def test_a_short_first_sentence_under_the_date_line_stays_in_the_body():
    """Issue 4: under "Headline / date line" the short line that opens the body is the
    body's, not a second headline."""
    page = (
        "Harbour Watch\n\nHome\n\nAbout\n\n"
        "The harbour light changes hands\n\nMonday, March 1, 2021\n\n"
        "It was a wet and windy morning on the quay when the keys changed hands.\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "The harbour light changes hands"
    assert article.body.startswith("It was a wet and windy morning")


def test_a_two_word_headline_under_the_date_line_inside_the_article_run():
    """Issue 4: when the article run opens on the blog's "About" blurb, a headline of two
    words right under the post's date line still cuts the blurb off and heads the post."""
    page = (
        "Harbour Notes\n\nAbout\n\n"
        "Harbour Notes is an attempt to gather the stories of the lights along the coast, "
        "and of the keepers who climbed their steps in every kind of weather for a living.\n\n"
        "Edited by Ann Fisher, who also keeps the tide tables.\n\n"
        "Monday, March 1, 2021\n\nSalt stairs\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "Salt stairs"
    assert article.body.startswith("The last keeper")


def test_a_wrapped_paragraph_line_ending_in_a_full_stop_does_not_name_the_headline_again():
    """Issue 4: a text browser wraps a paragraph into lines; its last line ("beliefs and
    practices of the old crews.") is a sentence's end, not the headline cut short in an
    archive list ("Beliefs and practices of the old cr…"), so it does not count as the
    page naming a headline-like line again."""
    from newsarchive.extract.textheader import _repeated

    label = "beliefs and practices of the old crews"
    assert not _repeated([(7, "beliefs and practices of the old crews.")], label, 3)
    assert _repeated([(40, "• beliefs and practices of the old cr…")], label, 3)
    assert _repeated([(40, "beliefs and practices of the old cr...")], label, 3)


def test_a_line_of_labels_after_a_name_is_not_a_document_title():
    """Issue 4: "Harbour Desk Staff | Tags:" is a by-line and a label, not "Headline |
    Site": a site's name does not end in a colon."""
    from newsarchive.extract.textheader import _repeated

    assert not _repeated([(7, "harbour desk staff | tags:")], "harbour desk staff", 3)
    assert _repeated([(0, "harbour desk staff | coastline notes")], "harbour desk staff", 3)


def test_an_image_file_name_with_a_date_in_it_is_no_date_line():
    """Issue 4: "[Screen-shot-2021-03-02-at-10]" is an image's placeholder; the line under
    it is its caption, not a post's headline under its date line, and its date is not the
    article's."""
    from newsarchive.extract.language import stop_words
    from newsarchive.extract.textblocks import measure, split_blocks
    from newsarchive.extract.textheader import meta_role, under_post_date

    blocks = split_blocks("[Screen-shot-2021-03-02-at-10]\n\nThe quay at dawn\n\nTuesday, March 2, 2021\n\nSalt stairs\n")
    for block in blocks:
        measure(block, stop_words("en"))
    assert meta_role(blocks[0]) is None
    assert not under_post_date(blocks, 1)
    assert meta_role(blocks[2]) == ("date", "2021-03-02")
    assert under_post_date(blocks, 3)


def test_a_label_over_a_long_headline_is_not_taken_for_its_headline():
    """Issue 4: the deck rule (a line of ten words or more under a shorter headline-like
    one is the standfirst) does not apply when none of the upper line's words come back
    in the body: that line is a section label or a breadcrumb, not the headline."""
    page = (
        "Coastline Notes\n\nHome\n\nWeekend Reading From Our Writers\n\n"
        "A life spent climbing the same tower in every kind of weather, for forty years\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "A life spent climbing the same tower in every kind of weather, for forty years"


def test_a_short_headline_over_its_deck_stays_the_headline():
    """Issue 4: the deck rule itself: "Keeper hands over the keys" over a deck of ten words
    or more that says more of the story."""
    page = (
        "Coastline Notes\n\nHome\n\nKeeper hands over the keys\n\n"
        "After forty years on the tower steps the harbour light is run from the quay\n\n"
        "by Ann Fisher\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "Keeper hands over the keys"
    assert article.subtitle.startswith("After forty years")


def test_a_named_headline_with_its_credit_line_cuts_off_long_blurbs_above_it():
    """Issue 4: sidebar blurbs longer than the post itself open the article run; the post's
    headline, named again in the document title and with its credit line right under it,
    still ends them."""
    blurb = (
        "About the author: a retired ferry engineer who writes about the harbour, its boats and "
        "the people who keep them running, with a weakness for old lighthouses, long walks on "
        "the breakwater, strong tea, brass fittings and the history of every wreck on the coast. "
    )
    page = (
        "Harbour light keeper hands over the keys | Coastline Notes\n\nHome\n\n"
        + (blurb * 3) + "\n\n" + (blurb * 3) + "\n\n"
        "Harbour light keeper hands over the keys\n\n"
        "Posted on 3 May 2021 by Ann Fisher\n\n"
        + BODY
    )
    article = extract_text_page(page)
    assert article.title == "Harbour light keeper hands over the keys"
    assert article.body.startswith("The last keeper of the harbour light")
    assert "retired ferry engineer" not in article.body


def test_a_headline_over_its_byline_inside_the_run_cuts_off_the_blurbs_above():
    """Issue 4: a text browser's copy has no document title to name the headline again;
    a headline with its by-line right under it, inside the article run, still ends the
    sidebar blurbs that opened the run."""
    page = (
        "Coastline Notes\n\nHome\n\nArchive\n\n"
        "We are retired ferry engineers who write about the harbour and the people who keep it running.\n\n"
        "Our walks along the breakwater start at the old customs house every Sunday, and all are welcome.\n\n"
        "Harbour light keeper hands over the keys\n\n"
        "By Ann Fisher\n\n"
        + BODY
    )
    article = extract_text_page(page)
    assert article.title == "Harbour light keeper hands over the keys"
    assert article.body.startswith("The last keeper of the harbour light")
    assert "breakwater" not in article.body


def test_a_quoted_piece_with_its_own_credits_does_not_cut_a_credited_article():
    """Issue 4: an article that opens right under its by-line may quote a press release
    with its own headline and date line: the article's opening stays."""
    page = (
        "Coastline Notes\n\nHarbour light keeper hands over the keys\n\nBy Ann Fisher\n\n"
        "The harbour board sent out a statement about the keeper this morning, and it is worth "
        "reading in full, since it says more about the tower than the board usually does.\n\n"
        "It came with a photograph of the keeper on the top step, which we could not print, and "
        "a list of the storms he sat through, which we have left out for the sake of space.\n\n"
        "Harbour Board Thanks Its Last Keeper\n\nMonday, May 3, 2021 -- Harbour Board\n\n"
        + BODY
        + "\n\n"
        + BODY.replace("harbour", "river")
    )
    article = extract_text_page(page)
    assert article.title == "Harbour light keeper hands over the keys"
    assert article.body.startswith("The harbour board sent out a statement")


def test_a_question_headline_right_above_the_byline_is_no_standfirst():
    """Issue 4: a headline that asks a question reads as a sentence and opens the article
    run; right above the by-line, one short line, it is the headline, not a standfirst."""
    page = (
        "Coastline Notes\n\nNotes on the harbour and its boats\n\nHome\n\nAbout\n\n"
        "Who will keep the harbour light now?\n\n"
        "Written by Ann Fisher\n\n" + BODY
    )
    article = extract_text_page(page)
    assert article.title == "Who will keep the harbour light now?"
    assert article.subtitle is None
    assert article.body.startswith("The last keeper of the harbour light")


def test_a_headline_may_say_powered_by_where_a_footer_opens_with_it():
    """Issue 4: "Powered by WordPress" is no headline, but a headline may say "powered by"
    further on ("Harbour Lamps Powered by the Tide")."""
    page = (
        "Coastline Notes\n\nHome\n\nHarbour, Lamps, Tides\n\n3 May 2021\n\n"
        "Harbour Lamps Powered by the Tide\n\n" + BODY + "\n\nPowered by WordPress\n"
    )
    assert extract_text_page(page).title == "Harbour Lamps Powered by the Tide"
    blog = "Coastline Notes\n\nPowered by WordPress\n\n" + BODY
    assert extract_text_page(blog).title != "Powered by WordPress"


EXCLAIMED_POST = """After forty years the old ferry is running again across the estuary! | Estuary Notes

Home
About
Archive

Our Town Weekly

After forty years the old ferry is running again across the estuary!

On Saturday morning the little ferry crossed the estuary with passengers for the first time since the bridge opened, and half the town turned out to wave it off.

The crossing takes eleven minutes, and the skipper says he will run it every hour from spring until the end of the autumn holidays.
"""


def test_a_headline_ending_like_a_sentence_is_known_by_the_document_title():
    """Issue 4: a headline that ends like a sentence and is long enough to read as prose
    opened the body; the document title at the top of the page names it as the headline."""
    article = extract_text_page(EXCLAIMED_POST)
    assert article.title == "After forty years the old ferry is running again across the estuary!"
    assert article.body.startswith("On Saturday morning")


def test_the_publication_under_a_byline_and_its_date_is_not_a_blog_headline():
    """Issue 4: "Headline" / "By NAME," / date / "The Harbour Tribune" / article: a date
    line right under a by-line is part of the credits, not a blog's date line over its
    post, so the publication named under them is not the headline."""
    headline = "Lighthouse veteran steps down, citing steep stairs and salty air"
    page = (
        f"Coastline Notes\n\nHome\n\n{headline}\n\n* Text size\n* Print\n* E-mail\n\n"
        "By Ann Fisher,\n\nMar 3, 2021 08:26 PM\n\nThe Harbour Tribune\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == headline


def test_a_lower_case_headline_under_the_date_line_stays_over_its_deck():
    """Issue 4: date line / "x86 chips ..." / a longer deck / by-line: the lower-case
    headline under a blog's date line counts when the deck rule weighs it, as it does
    among the candidates."""
    page = (
        "Coastline Notes\n\nHome\n\nMarch 3, 2021\n\n"
        "lamp of the harbour light switched off after forty years\n\n"
        "The keeper handed over his keys on Friday, and the harbour board will run the tower from its office\n\n"
        "By Ann Fisher\n\n" + BODY + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "lamp of the harbour light switched off after forty years"
    assert article.subtitle.startswith("The keeper handed over")


def test_a_headline_may_open_with_a_name_spelt_in_lower_case():
    """Issue 4: "eBay ...", "iPhone ...", "x86 ...": a name with a capital or a digit inside
    it may open a headline in lower case; a line in plain lower case does not."""
    for headline in ("iLight keeper hands over the harbour keys", "x86 lamp keeper hands over the harbour keys"):
        page = f"Coastline Notes\n\nHome\n\n{headline}\n\n{BODY}\n"
        assert extract_text_page(page).title == headline, headline
    page = f"Coastline Notes\n\nHome\n\nlight keeper hands over the harbour keys\n\n{BODY}\n"
    assert extract_text_page(page).title != "light keeper hands over the harbour keys"


def test_a_copy_of_the_headline_cut_short_under_it_does_not_take_its_place():
    """Issue 4: right under the headline a text browser may print an image's alt text or a
    link's title that repeats its opening words; the full line above is the headline, but
    not the document title ("Headline - Site") over the headline itself."""
    headline = "Keeper Hands Over the Keys to the Lighthouse Trust"
    page = f"Coastline Notes\n\nHome\n\n{headline}\n\nKeeper Hands Over the Keys\n{BODY}\n"
    assert extract_text_page(page).title == headline
    page = f"Keeper Hands Over the Keys - Coastline Notes\n\nKeeper Hands Over the Keys\n\n{BODY}\n"
    assert extract_text_page(page).title == "Keeper Hands Over the Keys"


def test_a_headline_that_names_its_date_is_read_from_the_date_line():
    """Issue 4: "The Week on the Quay: March 3, 2021" or "Harbour Notes - March 3, 2021"
    is a headline that names a date, not a date line: the whole line is the headline, and
    its date the article's."""
    for headline in ("The Week on the Quay: March 3, 2021", "Harbour Notes for Keepers - March 3, 2021"):
        article = extract_text_page(f"Coastline Notes\n\nHome\n\n{headline}\n\n{BODY}\n")
        assert (article.title, article.published) == (headline, "2021-03-03"), headline


def test_a_date_run_on_after_the_headline_is_not_part_of_it():
    """Issue 4: a text browser prints the post's date on the headline's line with no mark
    between ("Keeper hands over the keys 3 March, 2021"): the date goes, the headline stays."""
    for line in ("Keeper hands over the keys 3 March, 2021", "Keeper hands over the keys. 3 March, 2021"):
        article = extract_text_page(f"Coastline Notes\n\nHome\n\n{line}\n\nPosted by ann in Harbour News.\n\n{BODY}\n")
        assert article.title.rstrip(".") == "Keeper hands over the keys", line
        assert article.published == "2021-03-03"


def test_stamps_datelines_and_dated_link_lists_are_not_headlines_that_name_a_date():
    """Issue 4: a stamp ("Last updated March 3, 2021"), a press release's dateline that
    opens with its date ("Monday, March 3, 2021 -- Harbour Board ..."), and a list of dated
    links one after the other are not headlines, though they hold words besides their date."""
    headline = "Lighthouse veteran steps down, citing steep stairs and salty air"
    for lines in (
        "Last updated March 3, 2021",
        "Filed under Harbour News on March 3, 2021",
        "Monday, March 3, 2021 -- Harbour Board of the North Coast",
        "By Ann Fisher\n\nRelated\n\nTides of the Quay: A Year in Pictures (March 1, 2021)\n\n"
        "Gulls of the Quay: A Guide for Visitors (February 24, 2021)",
    ):
        page = f"Coastline Notes\n\nHome\n\n{headline}\n\n{lines}\n\n{BODY}\n"
        assert extract_text_page(page).title == headline, lines


def test_an_item_of_a_menu_without_list_marks_is_not_a_headline():
    """Issue 4: html-text prints a menu as short lines with no gap and no list marks
    ("Home" / "About" / "The Harbour Light" / "Archive"); an item of it is not the headline,
    though its words come back in the body. The same line standing on its own may be."""
    headline = "Lighthouse veteran steps down, citing steep stairs and salty air"
    page = f"Coastline Notes\n\nHome\nAbout\nThe Harbour Light\nArchive\n\n{headline}\n\n{BODY}\n"
    assert extract_text_page(page).title == headline
    page = f"Coastline Notes\n\nHome\n\nThe Harbour Light\n\n{headline}\n\n{BODY}\n"
    assert extract_text_page(page).title == "The Harbour Light"


def test_a_headline_read_from_a_date_line_is_named_again_without_its_date():
    """Issue 4: the document title names the headline again without the date the text tool
    ran on after it ("A farewell after forty years | Coastline Notes" over "A farewell after
    forty years 3 March, 2021"); that counts for it as for any headline."""
    page = (
        "A farewell after forty years | Coastline Notes\n\nHome\n\nThe harbour light at dusk\n\n"
        f"A farewell after forty years 3 March, 2021\n\nPosted by ann in Harbour News.\n\n{BODY}\n"
    )
    assert extract_text_page(page).title == "A farewell after forty years"


def test_explain_shows_a_headline_read_from_a_date_line_as_the_title():
    """Issue 4: explain mode shows the line that holds both the headline and its date as the
    title, and says its date dates the article."""
    from newsarchive.extract.textpage import explain_text_page

    line = "Keeper hands over the keys 3 March, 2021"
    page = f"Coastline Notes\n\nHome\n\n{line}\n\nPosted by ann in Harbour News.\n\n{BODY}\n"
    decision = next(d for d in explain_text_page(page) if d.text == line)
    assert decision.role == "title"
    assert "its date dates the article" in decision.rule


def test_a_line_with_a_bare_identifier_is_not_the_headline_over_a_deck():
    """Issue 4: a text browser prints a story's hidden identifier and tags over its headline
    ("35599535 story Harbour Light Keys"); a number of six digits or more with no
    separator is an identifier, and such a line is no headline over the longer one under it."""
    headline = "Keeper Hands Over the Keys to the Lighthouse Trust After Forty Years"
    page = (
        f"Coastline Notes\n\nHome\n\n48213377 story Harbour Light Keeper Keys Weather\n\n{headline}\n\n"
        f"Posted by ann on Tuesday March 3, @11:25AM\n\n{BODY}\n"
    )
    assert extract_text_page(page).title == headline
    page = f"Coastline Notes\n\nHome\n\nKeeper hands over 1,250,000 keys\n\n{BODY}\n"
    assert extract_text_page(page).title == "Keeper hands over 1,250,000 keys"


def test_a_date_line_inside_an_article_under_its_credits_is_the_article_s_own():
    """Issue 4: under the headline and its credit line, the article names an event and its
    date on lines of their own ("Open day at the tower" / "Saturday, March 14, 2021"); the
    paragraph above them is the article's opening, not a standfirst over credit lines, and
    the event's name is not the headline."""
    opening = (
        "The harbour board has asked the last keeper of the light to show visitors round the "
        "tower one last time before the keys go to the board's office on the quay."
    )
    page = (
        "Coastline Notes\n\nHome\n\nKeeper hands over the keys\n\nMarch 3, 2021 by Ann Fisher\n\n"
        f"{opening}\n\nOpen day at the tower\n\nSaturday, March 14, 2021\n\n{BODY}\n"
    )
    article = extract_text_page(page)
    assert article.title == "Keeper hands over the keys"
    assert article.body.startswith(opening)
    assert article.subtitle is None


def test_a_headline_may_say_written_or_posted_where_a_stamp_opens_with_it():
    """Issue 4: "Written by", "Posted on", "Filed under" open stamps; the word alone does not
    make a line one ("The Power of the Written Word", "... long filed away")."""
    for headline in ("The Power of the Written Word at the Harbour", "Keepers of the light, long filed away"):
        page = f"Coastline Notes\n\nHome\n\n{headline}\n\nMarch 3, 2021\n\nby Ann Fisher\n\n{BODY}\n"
        assert extract_text_page(page).title == headline, headline


def test_a_comment_count_beside_the_date_is_not_a_bare_name_byline():
    """Issue 4: a blog sets "March 3, 2021" / "No Comments" under its headline; the count
    reads like a two-word name, but it is furniture, not the author. A bare name there is."""
    for line, authors in (("No Comments", []), ("Ann Fisher", ["Ann Fisher"])):
        page = f"Coastline Notes\n\nHome\n\nKeeper hands over the keys\n\nMarch 3, 2021\n\n{line}\n\n{BODY}\n"
        assert extract_text_page(page).authors == authors, line


def test_a_publication_stamp_is_no_headline():
    """Issue 4: the words of a stamp around its date ("Published ..., updated ...") are no
    headline's. Taken for one, the stamp counted as a candidate between the body and the
    real headline, and on a French news page (tests/fixtures/text/news/fr-cantine-bio.txt)
    pushed the headline out of reach: the photo caption under the share buttons won."""
    from newsarchive.extract.textblocks import split_blocks
    from newsarchive.extract.textheader import dated_headline

    def read(line: str) -> str | None:
        return dated_headline(split_blocks(line)[0], ("date", None))

    assert read("Published 18 May 2024, updated 09:40") is None
    assert read("Publié le 18/05/2024 à 07h15, mis à jour à 09h40") is None
    assert read("Veröffentlicht am 18.05.2024 um 07:15 Uhr, zuletzt aktualisiert um 09:40 Uhr") is None
    assert read("Harbour Notes - November 8, 2012") == "Harbour Notes - November 8, 2012"


def test_a_date_in_emphasis_run_on_after_the_headline_is_not_part_of_it():
    """Issue 4: Markdown keeps the emphasis marks of a date printed in italics on the
    headline's line ("Keeper hands over the keys *3 March, 2021*"): the date goes with its
    marks, the headline stays."""
    for line in ("Keeper hands over the keys *3 March, 2021*", "Keeper hands over the keys * 3 March, 2021 *"):
        article = extract_text_page(f"Coastline Notes\n\nHome\n\n{line}\n\nPosted by ann in Harbour News.\n\n{BODY}\n")
        assert (article.title, article.published) == ("Keeper hands over the keys", "2021-03-03"), line


def test_a_rule_drawn_under_the_headline_is_not_part_of_it():
    """Issue 4: lynx prints a rule ("______") on the line right under the headline and
    joins it to the headline's block; the rule is no part of the headline."""
    assert clean_headline("Keeper hands over the keys ______________") == "Keeper hands over the keys"
    assert clean_headline("Keeper hands over the keys ========") == "Keeper hands over the keys"
    assert clean_headline("Keeper hands over the keys - a farewell") == "Keeper hands over the keys - a farewell"
    page = f"Coastline Notes\n\nHome\n\nKeeper hands over the keys\n   ______________________\n\n{BODY}\n"
    assert extract_text_page(page).title == "Keeper hands over the keys"


def test_a_name_under_an_image_placeholder_is_the_photo_credit_not_the_headline():
    """Issue 4: w3m and lynx print a picture as its placeholder ("[keeper-quay-1230p]") with
    the photographer's name on the line under it; the name is the photo's credit, not the
    headline, though the body names the photographer too."""
    headline = "Lighthouse veteran steps down, citing steep stairs and salty air"
    body = BODY.replace("The harbour board", "Ann Fisher, who took the photo, said the harbour board")
    page = f"Coastline Notes\n\nHome\n\n{headline}\n\n[keeper-quay-1230p]\n\nAnn Fisher\n\n{body}\n"
    assert extract_text_page(page).title == headline
    # (under a form's field the same short line may be the headline: "AT THE QUAY SS21")
    page = f"Coastline Notes\n[Search          ]\n\nAT THE QUAY SS21\n\n[quay-0912]\n\n{BODY}\n"
    assert extract_text_page(page).title == "AT THE QUAY SS21"



def test_a_dateline_on_a_line_of_its_own_is_not_the_headline():
    """Issue 4: a news site sets the dateline over the first paragraph with its dash
    ("PORTHAVEN Coast Radio —"); where the headline is out of reach (a long list of
    videos between it and the article), the dateline does not take its place."""
    article = extract_text_page("PORTHAVEN Coast Radio —\n\n" + BODY + "\n")
    assert article.title.startswith("The last keeper of the harbour light")


def test_a_caption_over_the_photo_credit_is_not_the_headline():
    """Issue 4: "Headline / By NAME / date / Caption / Agency credit / article": the line
    over the photo's credit is the photo's caption, however many of the article's words
    it names."""
    page = (
        "Coast Radio\n\nNews\n\nA farewell at the quay\n\n"
        "Analysis by Ann Fisher, Coast Radio\n\nUpdated 4:48 PM, Mon March 6, 2023\n\n"
        "The keeper of the harbour light\n\nGetty Images/Coast Radio\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "A farewell at the quay"
    # A text browser prints the picture's alt text and then its caption, the same words twice.
    twice = page.replace("The keeper of the harbour light\n\n", "The keeper of the harbour light\n" * 2 + "\n")
    assert extract_text_page(twice).title == "A farewell at the quay"


def test_a_headline_over_a_picture_credit_and_the_by_line_stays_the_headline():
    """Issue 4: a picture without a caption leaves its credit right under the headline,
    and the by-line under the credit: "Headline / Illustration by NAME / By NAME"."""
    page = (
        "Coast Radio\n\nNews\n\nHarbour Life\n\nThe keeper of the harbour light hands over his keys\n\n"
        "Illustration by Sam Keel/Coast Radio\n\nBy Ann Fisher\n\nPublished: March 6, 2023\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "The keeper of the harbour light hands over his keys"


def test_a_caption_that_ends_with_the_agency_is_not_the_headline():
    """Issue 4: a photo's caption credited in brackets ("... (The Associated Press)"), under
    the headline and over the by-line, however many of the article's words it names."""
    page = (
        "Coast Radio\n\nNews\n\nA farewell at the quay\n\n"
        "keeper.JPG\nThe keeper of the harbour light. (The Associated Press)\nPrint\n"
        "By Ann Fisher\non March 6, 2023 at 12:06 PM\n\n" + BODY + "\n"
    )
    assert extract_text_page(page).title == "A farewell at the quay"
