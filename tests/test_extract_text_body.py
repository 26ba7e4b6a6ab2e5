"""Article bodies of text pages (issue 4): the rules that decide where the article runs,
on small hand-written pages."""

from __future__ import annotations

import textwrap

import pytest

from newsarchive.extract.textpage import extract_text_page

# The top of every test page: the site's name and the headline (and the article's date).
HEAD = "Island Ferry News\n\nNight ferry to the islands will stop this month\n\n"
DATED_HEAD = HEAD + "March 2, 2020\n\n"

ARTICLE = [
    "The ferry company said on Monday that the night crossing to the islands would stop at "
    "the end of the month, after twenty years in which it has never once made money.",
    "Islanders who work on the mainland said the decision would leave them with a choice "
    "between a hotel room every week and a job they have held for most of their lives.",
    "The company said it had offered the route to the county council, which declined to take "
    "it on, and that the morning and evening sailings would carry on as they do now.",
]


def test_a_recent_comments_box_of_teasers_does_not_outweigh_a_short_article():
    """Issue 4: "Great boat... by Sam" lines are teasers of comments elsewhere on the site,
    however much they read like prose."""
    teasers = [
        f"I have taken this crossing every winter since I was a child and it was always {word}, "
        f"even when the sea was rough and the bar... by Reader {n}"
        for n, word in enumerate(["late", "cold", "full", "slow", "calm", "loud", "dark", "wet"])
    ]
    page = (
        "Island Ferry News\n\nHome\n\nNight ferry to the islands will stop this month\n\n"
        "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE) + "\n\nRecent comments\n\n" + "\n\n".join(teasers)
    )
    article = extract_text_page(page)
    assert article.body.startswith("The ferry company said")
    assert "by Reader" not in article.body


def test_a_comments_button_in_the_middle_of_the_article_does_not_end_it():
    """Issue 4: a "Comments" button between the first paragraphs and the rest, with the
    article running on in paragraph after paragraph, is not the start of a comment thread."""
    more = [
        f"Paragraph {word}: the harbour master said the {word} berth would be kept free for the "
        "lifeboat and the fishing fleet, and that the car park on the quay would stay open."
        for word in ["one", "two", "three", "four", "five"]
    ]
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE[:2])
        + "\n\nComments\n\nWeigh in\n\n"
        + "\n\n".join([ARTICLE[2]] + more)
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert body.endswith("would stay open.")
    assert "Paragraph five" in body



@pytest.mark.parametrize("button", [
    "Comentar", "Deja un comentario", "Kommentieren", "Schreiben Sie einen Kommentar", "Commenter",
    "Laisser un commentaire", "Commenta", "Lascia un commento", "Deixe um comentário", "Reageer", "Plaats een reactie",
])
def test_the_comment_button_of_each_language_ends_the_article(button):
    """Issue 4: the button that opens the comment form ("Comment", "Leave a comment") in the
    six other languages read ends the article as "Post a Comment" does; the readers'
    comments below it stay out, however long."""
    comments = [
        "I have taken that night ferry every week for eleven years and I cannot see how the "
        "company expects those of us who work late on the mainland to get home at all now.",
        "The council should have taken the route on when it was offered, and everyone on the "
        "islands knows it, whatever the councillors say about the cost of running it now.",
        "Twenty years without a profit is a long time, and I am surprised it lasted as long "
        "as it did, but the islands will be poorer for it and so will the town on the quay.",
    ]
    page = DATED_HEAD + "\n\n".join(ARTICLE) + f"\n\n{button}\n\n" + "\n\nMarta\n\n".join(comments) + "\n"
    body = extract_text_page(page).body
    assert body.endswith("carry on as they do now.")

def test_a_comment_thread_after_comments_stays_out():
    """Issue 4: after "Comments", names, dates and replies between the paragraphs are a thread."""
    thread = []
    for n in range(4):
        thread += [
            f"Reader{n} says:",
            f"March {n + 3}, 2020 at 9:1{n} am",
            "This is a shame, the night boat was the only way to get home after a late shift in town.",
            "Reply",
        ]
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE)
        + "\n\nComments\n\n"
        + "\n\n".join(thread)
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


OTHER_STORIES = [
    ("Lifeboat crew called out twice in one stormy night", "The volunteers brought two yachts into the harbour before dawn, and one of them was towed in with a broken mast."),
    ("New bakery opens in the old customs house on the quay", "The owners say they will bake through the night in summer so that the first ferry can take bread to the islands."),
    ("School choir to sing at the lighthouse centenary next spring", "Forty children will take part, and the harbour board has promised a boat trip for everyone who comes."),
]


def test_a_list_of_other_stories_after_the_article_is_cut():
    """Issue 4: headline, one short paragraph, three times or more after the article: other
    stories the page links to, not part of this one."""
    more = "\n\n".join(f"{headline}\n\n{teaser}" for headline, teaser in OTHER_STORIES)
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE * 2)
        + "\n\n"
        + more
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")
    assert "Lifeboat crew" not in body and "School choir" not in body


def test_short_sub_headings_each_over_one_paragraph_stay():
    """Issue 4: an article in sections ("Timetable", "Fares", "Parking") is not a list of
    other stories: its headings are short labels, not headlines."""
    sections = [
        ("Timetable", ARTICLE[0]),
        ("Fares", ARTICLE[1]),
        ("Parking", ARTICLE[2]),
        ("Freight", "Lorries will have to book a place on the evening sailing at least a day ahead, the company said."),
    ]
    page = (
        "Island Ferry News\n\nWhat the end of the night ferry means for you\n\nMarch 2, 2020\n\n"
        + "\n\n".join(ARTICLE)
        + "\n\n"
        + "\n\n".join(f"{heading}\n\n{text}" for heading, text in sections)
    )
    article = extract_text_page(page)
    assert article.body.endswith("at least a day ahead, the company said.")
    assert article.headings == ["Timetable", "Fares", "Parking", "Freight"]


def test_a_dump_of_two_columns_side_by_side_reads_the_left_one_first():
    """Issue 4: a text browser prints an article and the archive list beside it on the
    same lines ("article text      • May 2019"); the article reads on without the list."""
    import textwrap

    from newsarchive.extract.textblocks import unstack_columns

    prose = " ".join(ARTICLE * 2)
    left = textwrap.wrap(prose, 70)
    right = [f"• {month} 2019 ({n})" for n, month in enumerate(["May", "April", "March", "February", "January", "December", "November", "October"] * 3)]
    rows = [f"{text:<76}{right[n] if n < len(right) else ''}".rstrip() for n, text in enumerate(left)]
    page = DATED_HEAD + "\n".join(rows) + "\n"
    lines, origin, _ = unstack_columns(page.split("\n"))
    assert len(lines) == len(origin) and "• May 2019 (0)" in lines
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said") and body.endswith("as they do now.")
    assert "2019 (" not in body


def test_a_long_comment_below_a_short_post_does_not_take_its_place():
    """Issue 4: a blog's post of a few short paragraphs, then "12 comments… add one", a
    thread of short replies, and a reader's comment longer than the whole post: the post
    is the article, not the comment."""
    comment = (
        "I used to take the night boat every Friday when I worked at the cannery, and I remember "
        "the way the lights of the town would go out one by one as we left the harbour behind. "
    ) * 4
    page = (
        "Island Ferry News\n\nHome\n\nArchives\n\nNight ferry to the islands will stop\n\n"
        "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE) + "\n\n"
        "Previous post: The spring timetable\n\nNext post: Gulls of the quay\n\n"
        "12 comments… read them below or add one\n\n"
        + "".join(f"Reader {n} March {n}, 2020 at 9:15 pm\n\nSo sad!\n\nReply\n\n" for n in range(3, 28))
        + "Marta March 3, 2020 at 8:15 pm\n\n" + comment.strip() + "\n\nReply\n"
    )
    article = extract_text_page(page)
    assert article.title == "Night ferry to the islands will stop"
    assert article.body.startswith("The ferry company said")
    assert "cannery" not in article.body


def test_a_line_counting_the_comments_below_the_article_ends_it():
    """Issue 4: "Showing 20 of 85 comments" under the article opens the thread, whatever
    the long comments after it weigh (DESIGN.md: the body is the article text alone)."""
    comments = []
    for n in range(6):
        comments += [
            f"islander{n} (Score: {n})",
            f"I have lived on the island for {n + 10} years and the night boat was the only way to "
            "get home after a late shift in town; without it I will have to give up my job or my "
            "house, and I do not know which of the two I would miss more.",
            "Reply to this",
        ]
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE)
        + "\n\nShowing 20 of 85 comments\n\nSort by: Newest\n\n" + "\n\n".join(comments)
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert body.endswith("as they do now.")


def test_a_comment_count_in_the_credit_line_above_the_article_does_not_end_it():
    """Issue 4: "By NAME | 12 comments" over the article is its credit line, not a thread."""
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n12 comments\n\n" + "\n\n".join(ARTICLE) + "\n"
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert body.endswith("as they do now.")


def test_a_thread_heading_naming_the_article_ends_it():
    """Issue 4: "6 Responses to “Headline”" heads the comment thread, even on a page with
    no by-line or date to mark where the article opens."""
    comments = []
    for n in range(6):
        comments += [
            f"Reader {n} says:",
            f"I have lived on the island for {n + 10} years and the night boat was the only way to "
            "get home after a late shift in town; without it I will have to give up my job or my "
            "house, and I do not know which of the two I would miss more.",
            "Reply",
        ]
    page = (
        HEAD
        + "\n\n".join(ARTICLE)
        + "\n\n6 Responses to “Night ferry to the islands will stop this month”\n\n"
        + "\n\n".join(comments)
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert body.endswith("as they do now.")


def test_comments_with_their_count_in_brackets_below_the_article_end_it():
    """Issue 4: "Comments (6)" under the article opens the thread as "6 comments" does."""
    comments = []
    for n in range(6):
        comments += [
            f"{n + 1}. March {n + 3}, 2020 / Reader{n} says:",
            f"I have lived on the island for {n + 10} years and the night boat was the only way to "
            "get home after a late shift in town; without it I will have to give up my job or my "
            "house, and I do not know which of the two I would miss more.",
            "[Reply]",
        ]
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE)
        + "\n\nComments (6)\n\n" + "\n\n".join(comments)
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


def test_comment_stamps_with_reply_links_below_the_article_end_it():
    """Issue 4: with no heading over it, a thread still shows itself by its stamps ("Reader0
    says:") and "Reply" links; the article ends before the first stamp."""
    comments = []
    for n in range(6):
        comments += [
            f"March {n + 3}, 2020 / Reader{n} says:",
            f"I have lived on the island for {n + 10} years and the night boat was the only way to "
            "get home after a late shift in town; without it I will have to give up my job or my "
            "house, and I do not know which of the two I would miss more.",
            f"Many thanks to the crew of the night boat for {n + 20} years of crossings in all weathers, "
            "and for the tea they made for us when the sea was rough and the crossing was long.",
            "Reply",
        ]
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE) + "\n\n" + "\n\n".join(comments)
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert body.endswith("as they do now.")


def test_a_quoted_notice_in_the_article_does_not_end_it():
    """Issue 4: "The notice on the quay says:" inside the article, with no "Reply" link or
    other stamp after it, is the article's own sentence, not a comment's stamp."""
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE[:2])
        + "\n\nThe notice on the quay says:\n\n" + ARTICLE[2] + "\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


def test_comment_stamps_with_a_name_and_time_below_the_article_end_it():
    """Issue 4: a thread with no heading, no "says:" and no "Reply" links still shows
    itself by its stamps, a name with the date and time of the comment ("2 Reader1 |
    3/4/2020 9:15:02 PM"); the article ends before the first of them."""
    comments = []
    for n in range(6):
        comments += [
            f"{n + 1} Reader{n} | 3/{n + 3}/2020 9:{10 + n}:02 PM",
            f"I have lived on the island for {n + 10} years and the night boat was the only way to "
            "get home after a late shift in town; without it I will have to give up my job or my "
            "house, and I do not know which of the two I would miss more.",
        ]
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE) + "\n\n" + "\n\n".join(comments)
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert body.endswith("as they do now.")


def test_a_dated_line_with_no_second_stamp_after_it_does_not_end_the_article():
    """Issue 4: one line with a date and a time inside the article ("Updated 3/2/2020
    9:15 PM") is no thread: a thread shows a second stamp close after the first."""
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE[:2])
        + "\n\nUpdated 3/2/2020 9:15 PM\n\n" + ARTICLE[2] + "\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


def test_a_reprint_notice_under_the_article_stays_out_of_the_body():
    """Issue 4: "This copy is for your personal, non-commercial use only..." reads as prose
    but is the publisher's notice, not the article's text."""
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE) + "\n\n"
        "This copy is for your personal, non-commercial use only. Copying it for others or "
        "selling it is governed by our terms of use and by the law on copyright.\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")
    assert "non-commercial" not in body


def test_the_items_of_a_list_the_article_announces_with_a_colon_stay():
    """Issue 4: short list items read as neither prose nor sub-headings; under a paragraph
    of the article that ends in a colon they are the article's own list."""
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE[:2]) + "\n\n"
        "The council listed what islanders would lose with the night boat:\n\n"
        "• The last crossing after a late shift\n\n"
        "• Hospital visits in the evening\n\n"
        "• Deliveries of fresh bread at dawn\n\n" + ARTICLE[2] + "\n\n"
        "• Home\n\n• Weather\n\n• Tides\n"
    )
    body = extract_text_page(page).body
    assert "• The last crossing after a late shift\n\n• Hospital visits in the evening" in body
    assert "• Deliveries of fresh bread at dawn" in body
    assert body.endswith("as they do now.")


def test_a_short_post_above_a_heading_and_a_thread_of_dated_comments_is_the_article():
    """Issue 4: a photo post of two sentences, then "48 Comments" and many long comments
    each under its date line: the comments outweigh the post, but the run under the
    heading is a thread (its date lines show it) and the article is the prose above."""
    comments = []
    for n in range(8):
        comments += [
            f"Reader{n}",
            f"March {n + 3}, 2020 | Permalink",
            f"I have lived on the island for {n + 10} years and the night boat was the only way to "
            "get home after a late shift in town; without it I will have to give up my job or my "
            "house, and I do not know which of the two I would miss more, to be honest with you.",
        ]
    page = (
        "Island Ferry Photos\n\nTHE LAST NIGHT BOAT\n\n"
        "We took the last night boat to the islands on Friday, and the crew let us stand on the "
        "bridge while the lights of the harbour went out behind us.\n\n"
        "48 Comments\n\n" + "\n\n".join(comments) + "\n"
    )
    body = extract_text_page(page).body
    assert body.startswith("We took the last night boat")
    assert "Reader" not in body and "lived on the island" not in body


def test_a_comments_link_above_the_article_does_not_send_it_up_the_page():
    """Issue 4: a "Comments" link in the menu stands above the article; the dated comments
    of the article's own thread, under its own heading, do not make the article a thread."""
    comments = []
    for n in range(4):
        comments += [f"Reader{n}", f"March {n + 3}, 2020 | Permalink", ARTICLE[n % 3]]
    page = (
        "Island Ferry News\n\n"
        "Island Ferry News is written by volunteers who have sailed these waters for years and "
        "who would like to hear from you about the boats, the crews and the harbours.\n\n"
        "Home\n\nComments\n\nNight ferry to the islands will stop this month\n\nby Tom Hale on March 2, 2020\n\n"
        + "\n\n".join(ARTICLE + ARTICLE[::-1]).replace("The company said", "Its owners said", 1)
        + "\n\n4 comments\n\n" + "\n\n".join(comments) + "\n"
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert "volunteers" not in body


def test_long_dated_comments_with_no_heading_below_a_short_article_stay_out():
    """Issue 4: under a short article with its headline and by-line come long comments,
    each under a date line, with no heading over the thread: the comments outweigh the
    article, but their date lines show a thread, and the article is what stands above it."""
    comments = []
    for n in range(8):
        comments += [
            f"Posted on March {n + 3}, 2020",
            f"I have lived on the island for {n + 10} years and the night boat was the only way to "
            "get home after a late shift in town; without it I will have to give up my job or my "
            "house, and I do not know which of the two I would miss more, to be honest with you, "
            "and the council should have thought of people like me before it said no to the route.",
        ]
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + ARTICLE[0] + "\n\n"
        + "\n\n".join(["Share on Facebook", "Share on Twitter", "Email this story", "Print", "Subscribe"] * 6)
        + "\n\n" + "\n\n".join(comments) + "\n"
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert "lived on the island" not in body


def test_a_commenters_name_and_date_below_a_comment_heading_are_no_article_opening():
    """Issue 4: below "12 Comments", a commenter's name and the comment's date stand over
    each comment as a headline and a credit line stand over an article; the first comment
    is not the article's opening, and the short post above the heading stays the article."""
    comments = []
    for n in range(6):
        comments += [
            f"Quay Reader Number {n}",
            f"March {n + 3}, 2020",
            f"I have lived on the island for {n + 10} years and the night boat was the only way "
            "to get home after a late shift.",
        ] + ["Reply", "Permalink", "Report abuse"] * 2
    page = (
        "Island Ferry Photos\n\nTHE LAST NIGHT BOAT\n\n"
        "We took the last night boat to the islands on Friday, and the crew let us stand on the "
        "bridge while the lights of the harbour went out behind us.\n\n"
        "12 Comments\n\n" + "\n\n".join(comments) + "\n"
    )
    body = extract_text_page(page).body
    assert body.startswith("We took the last night boat")
    assert "lived on the island" not in body


def test_a_stretch_of_furniture_below_the_article_ends_it():
    """Issue 4: a share bar under the article, then the author's box: the run crosses the
    bar to take in the box, which outweighs it, but an article does not break off into
    furniture to resume for a short coda."""
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE)
        + "\n\nShare this:\n\nFacebook\n\nTwitter\n\nEmail\n\n"
        "Tom Hale has written about the islands and their boats for the paper since he left "
        "school, and he still takes the morning ferry to work whenever the sea allows it.\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")
    assert "Tom Hale" not in body


def test_an_article_that_goes_on_at_length_after_a_box_set_in_it_keeps_its_second_part():
    """Issue 4: a "Related" box in the middle of an article, with as much prose after it as
    before, is set in the article; the article does not end at it."""
    second = [
        f"Part two, {word}: the harbour master said the night berth would be kept free for the "
        "lifeboat and the fishing fleet, and that the car park on the quay would stay open."
        for word in ["one", "two", "three"]
    ]
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE)
        + "\n\nRelated stories\n\nShare on Facebook\n\nLifeboat crew called out twice\n\nNew bakery on the quay\n\n"
        + "\n\n".join(second)
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert body.endswith("would stay open.")


def test_short_pieces_of_prose_between_stretches_of_furniture_below_the_article_stay_out():
    """Issue 4: below the article, a share bar, a line about the author, a "Related posts"
    box, then a longer promotion: each piece between the stretches of furniture is short
    beside the article, though together they are more than half of it."""
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE)
        + "\n\nShare this:\n\nFacebook\n\nTwitter\n\nEmail\n\n"
        "Tom Hale writes about the islands and their boats for the paper.\n\n"
        "Related posts\n\nLifeboat crew called out twice\n\nNew bakery on the quay\n\nSubscribe to our newsletter\n\n"
        "Our harbour guide tells you where to park, where to eat and which boat to take to each of "
        "the islands, and it is free to every reader who signs up before the end of the month.\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")
    assert "harbour guide" not in body


def test_an_article_below_stretches_of_furniture_and_a_short_teaser_is_kept():
    """Issue 4: a blog's page opens with teasers of older posts above its menu; below the
    menu, a one-line teaser and a share bar, then the post itself, longer than all of the
    teasers above: the stretches of furniture do not end the run before it."""
    teasers = (
        "Last week we walked the coast path from the lighthouse to the old quay and counted the "
        "seals on the rocks below the cliffs.\n\nContinue reading\n\n"
        "The bakery in the customs house has started to sell bread to the first ferry of the "
        "morning, and the crew say it is the best on the coast.\n\n"
    )
    menu = "Home\n\nAbout\n\nContact\n\nSubscribe\n\nSearch\n\n"
    post = "\n\n".join(ARTICLE + [ARTICLE[0].replace("ferry company", "harbour board")])
    page = (
        "Island Walks\n\n" + teasers + menu
        + "A walk round the harbour wall is the best way to see the fleet come in.\n\n"
        + "Share this:\n\nFacebook\n\nTwitter\n\nEmail\n\n"
        + "Night ferry to the islands will stop this month\n\nby Tom Hale on March 2, 2020\n\n" + post + "\n"
    )
    body = extract_text_page(page).body
    assert "as they do now." in body


def test_teasers_each_followed_by_a_read_more_link_stay_out():
    """Issue 4: a blog's list of recent posts above the article, each a headline, the
    post's opening paragraph and "Read more »": the openings of other pages, not the
    article's, however much they read like prose."""
    posts = [
        ("Lifeboat crew called out twice", "The volunteers brought two yachts into the harbour before dawn on Sunday, and one of them had to be towed in with a broken mast and a crew of four who were cold but unhurt."),
        ("New bakery opens on the quay", "The owners of the new bakery in the old customs house say they will bake through the night in summer, so that the first ferry of the day can take fresh bread to the islands."),
        ("Choir to sing at the lighthouse", "Forty children from the island school will sing at the lighthouse centenary next spring, and the harbour board has promised a boat trip to everyone who comes to hear them."),
    ]
    teasers = "".join(f"{headline}\n\n{opening}\n\nRead more »\n\n" for headline, opening in posts)
    page = (
        "Island Ferry Blog\n\n" + teasers
        + "Night ferry to the islands will stop this month\n\nby Tom Hale on March 2, 2020\n\n"
        + "\n\n".join(ARTICLE) + "\n"
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")
    assert "bakery" not in body


def test_the_last_paragraph_of_an_article_before_a_read_more_link_stays():
    """Issue 4: an article whose last paragraph links on to a gallery ("Read more") keeps
    that paragraph: it follows the article's other paragraphs, not a headline."""
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE) + "\n\nRead more\n\nemail\n\nprint\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


def test_a_post_a_comment_line_below_the_post_ends_it():
    """Issue 4: "Post a Comment" on its own line under a blog post is where the post ends,
    though it reads as a button rather than a box heading; the sidebar's prose below it
    is not the post's."""
    page = (
        "Island Ferry Blog\n\nNight ferry to the islands will stop this month\n\nMarch 2, 2020\n\n"
        + "\n\n".join(ARTICLE)
        + "\n\nNo comments:\n\nPost a Comment\n\nOlder Post Home\n\n"
        "I am the writer of this blog. I have lived on the island all my life and I write about "
        "the boats, the weather and the people who keep the harbour going through the winter.\n\n"
        "Please give whatever you can to help keep this blog going for another year of stories.\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


def test_a_numbered_headline_over_a_credit_line_marks_the_article_opening():
    """Issue 4: "12 Winter Cards to Inspire You" opens with its number, and is a headline
    all the same: under it and its credit line the article starts, and a short gallery post
    (a paragraph, captions, a paragraph) does not lose to the teasers in the sidebar."""
    captions = ["Snowy Tree", "Santa on Skis", "Warm Hands", "Paper Bells", "Two Robins", "Harbour Lights",
                "Red Ribbon", "Night Ferry", "Candle Glow", "Frosty Quay", "Star Lantern", "Gift Boxes"]
    menu = ["Home", "Search", "Subscribe", "Archives", "Categories", "Privacy policy", "Contact us", "About us",
            "Site map", "Newsletter", "Twitter", "Facebook", "Instagram", "Careers", "Advertise", "Help",
            "Cookies", "Terms of use", "Accessibility", "Recent posts"]
    sidebar = [
        f"{headline}\n\nThe harbour board said on Monday that the {word} would be ready before the spring "
        "tides, and that visitors would be able to see the work from the quay while it was going on."
        for headline, word in [("New pier for the island boats", "new pier"), ("Lighthouse to reopen next year", "lighthouse")]
    ]
    page = (
        "Blog\n\n12 Winter Cards to Inspire You\n\nPosted March 2, 2020 / By Tom Hale\n\n"
        "Winter is coming to the islands, and the printers on the quay have been busy with cards for the "
        "season. We asked them for their favourite designs of the year and here they are for you.\n\n"
        + "\n\n".join(captions)
        + "\n\nWhich one would you send this year? Tell us, and we will print the winner on the "
        "cover of the next issue.\n\n" + "\n\n".join(menu + sidebar) + "\n"
    )
    article = extract_text_page(page)
    assert article.body.startswith("Winter is coming")
    assert "harbour board" not in article.body


def test_an_about_the_author_box_below_the_article_ends_it():
    """Issue 4: "About Tom Hale" under the article heads a box about the author, however
    much its lines read like prose; it is not the article's."""
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE)
        + "\n\nAbout Tom Hale\n\n"
        "Tom has written about the islands and their boats for the paper since he left school, and "
        "he still takes the morning ferry whenever the sea allows it.\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")
    assert "Tom has written" not in body


def test_an_about_heading_over_a_longer_part_of_the_article_does_not_end_it():
    """Issue 4: "About the Timetable" over more of the article than came before it is a
    section of the article, not a box about its author."""
    more = [
        f"Part two, {word}: the harbour master said the night berth would be kept free for the "
        "lifeboat and the fishing fleet, and that the car park on the quay would stay open."
        for word in ["one", "two", "three", "four"]
    ]
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE[:2])
        + "\n\nAbout the Timetable\n\n"
        + "\n\n".join(more)
        + "\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("would stay open.")


def test_a_paragraph_opening_with_about_the_author_below_the_article_ends_it():
    """Issue 4: "About the author: Tom Hale has written ..." in one paragraph under the
    article is the author's box, with its heading run into it."""
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE)
        + "\n\nAbout the author: Tom Hale has written about the islands and their boats for the paper "
        "since he left school, and he still takes the morning ferry whenever the sea allows it.\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


def test_link_titles_run_together_on_one_line_are_not_prose():
    """Issue 4: a text copy that runs a list of other stories' titles into one line under
    the article has a long block with stop words enough to pass for prose; nearly every
    word capitalised shows it is titles, not the article's last paragraph."""
    titles = (
        "Album Of The Week: The Harbour Band Top 10 Songs Of The Sea That You Have To Hear… "
        "Top 10 Boats That Deserve A Museum Of Their Own On The Quay… The Best Of The Island "
        "Choir In The Year Of The Storm… Why We Love The Night Ferry And All Of Its Crew…"
    )
    page = (
        HEAD
        + "by Tom Hale on March 2, 2020\n\n" + "\n\n".join(ARTICLE) + "\n\n" + titles + "\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


def test_a_dated_credit_line_ending_with_a_full_stop_is_not_the_body():
    """Issue 4: "Published on March 2, 2020 in Island Ferry News. Tags: night ferry." atop
    the article run is its credit line, though it ends like a sentence."""
    page = (
        "Island Ferry News\n\nHome\n\nNight ferry to the islands will stop this month\n\n"
        "Published on March 2, 2020 in Island Ferry News. Tags: night ferry, island boats.\n\n" + "\n\n".join(ARTICLE) + "\n"
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")


def test_the_items_of_an_announced_list_without_bullets_stay():
    """Issue 4: a text copy that drops a list's bullets leaves its items as bare short
    lines; under a paragraph that announces them with a colon they are the article's."""
    page = (
        DATED_HEAD
        + "\n\n".join(ARTICLE[:2])
        + "\n\nFrom the first of next month the sailings that are left will run as follows:\n\n"
        "Morning boat at 7.15\n\nMidday boat at 12.30\n\nEvening boat at 18.45\n\n"
        + ARTICLE[2] + "\n"
    )
    body = extract_text_page(page).body
    assert "Midday boat at 12.30" in body


def test_a_number_that_a_text_browser_wrapped_to_the_start_of_a_line_does_not_break_the_paragraph():
    """Issue 4: a dump wrapped at 72 columns may put a sentence's number at the start of a
    line ("... at berth" / "4. Its crew ..."); after a line that breaks off mid-sentence it
    carries the paragraph on, and is no numbered list's item."""
    more = [
        f"Part {word}: the harbour master said the night berth would be kept free for the lifeboat "
        "and the fishing fleet, and that the car park on the quay would stay open all winter."
        for word in ["one", "two", "three"]
    ]
    wrapped = "\n\n".join(textwrap.fill(paragraph, 72) for paragraph in ARTICLE + more)
    page = (
        DATED_HEAD + wrapped + "\n\n"
        "The last boat of the night leaves from the old stone quay at the far end\n"
        "of the harbour, next to the fish market and the lifeboat shed, at berth\n"
        "4. Its crew of six will move to the morning boats in the spring, the\n"
        "company said.\n"
    )
    body = extract_text_page(page).body
    assert "at berth 4. Its crew of six" in body


def test_a_newspaper_s_standfirst_share_buttons_and_by_line_stand_above_the_article():
    """Issue 4: "Headline / Standfirst. / Share / Caption / By NAME / Date / article", as a
    newspaper sets its page: the article begins under the by-line, and the header reads the
    standfirst, the by-line and the date. A blog's first paragraph over a by-line, with no
    share buttons between, stays the body's."""
    from newsarchive.extract.textpage import extract_text_page

    standfirst = "The ferry will stop at the island twice a day from June, after a vote that ran past midnight."
    article = (
        "The harbour board voted on Tuesday night to add a second daily crossing to Pellow Island, ending "
        "ten years in which islanders had to choose between a dawn boat and none at all.\n\n"
        "Members said the extra sailing would cost about £300,000 a year, paid partly from higher fares for "
        "visitors in summer, and that the board would review it after two years.\n\n"
        "Islanders who had campaigned for the change filled the public gallery, and several of them said the "
        "decision meant their children could stay on the island for school clubs for the first time."
    )
    page = (f"The Harbour Tribune\n\nHome\nNews\n\nSecond daily ferry for Pellow Island\n\n{standfirst}\n\n"
            "Share full article\nGift Article\n\nThe ferry leaving the harbour on Monday.\n\n"
            f"By Ann Tremayne\nMarch 5, 2024\n\n{article}\n")
    found = extract_text_page(page)
    assert found.body == article
    assert (found.subtitle, found.authors, found.published) == (standfirst, ["Ann Tremayne"], "2024-03-05")
    blog = page.replace("Share full article\nGift Article\n\n", "")
    assert extract_text_page(blog).body.startswith(standfirst)


def test_the_link_under_a_box_heading_inside_the_article_is_not_a_sub_heading():
    """Issue 4: "Read also" over another story's headline, set between two paragraphs: the
    headline is the box's link, not a sub-heading of the article."""
    from newsarchive.extract.textpage import extract_text_page

    first = ("The new cycle park under the station opened on Monday with room for four thousand bikes, "
             "and by the evening more than half of the places had been taken by commuters.")
    second = ("The council had expected the park to take a year or two to fill, but riders who used to chain "
              "their bikes to the railings outside moved in on the first morning.")
    third = ("Parking is free for the first day; after that it costs fifty pence a day, and bikes left for more "
             "than four weeks will be taken away to make room.")
    page = (f"The Harbour Tribune\n\nHome\nNews\n\nCycle park fills on its first day\n\n{first}\n\n{second}\n\n"
            f"Read also\nCouncil plans to clear abandoned bikes from stations faster\n\n{third}\n")
    found = extract_text_page(page)
    assert found.body == f"{first}\n\n{second}\n\n{third}" and found.headings == []


def test_a_page_laid_out_in_a_table_row_is_read_paragraph_by_paragraph():
    """Issue 4: a Markdown copy of a page laid out in a table puts a whole cell on one line
    (the menu, the article, the comments), its paragraphs set apart by two spaces. Read as
    one block, the article comes with all of it around."""
    menu = "[Home](/) [Archive](/archive) [Books](/books) [Talks](/talks) [Contact](/contact)"
    comments = [
        "I took the night ferry for years and I will miss it, though the bar was always closed.  "
        "Posted by: Ann at [March 3, 2020 9:12 AM](/c/1)",
        "The council should have taken the route on, it would not have cost them much at all.  "
        "Posted by: Ben at [March 3, 2020 10:40 AM](/c/2)",
        "Twenty years without making money sounds like a public service to me, not a business.  "
        "Posted by: Cleo at [March 4, 2020 8:05 PM](/c/3)",
        "Does anyone know whether the morning sailing will still take cars in the winter months?  "
        "Posted by: Dan at [March 5, 2020 7:30 AM](/c/4)",
    ]
    cell = "  ".join(
        [menu, "|  | Island Ferry News A blog about the boats.", "[« Older](/o) | [Main](/) | [Newer »](/n)",
         "March 2, 2020", "Night ferry to the islands will stop this month", *ARTICLE,
         "[Posted on March 2, 2020](/p) • [2 Comments](/p#c)", "Comments", "   ---  ".join(comments)]
    )
    page = "Island Ferry News: Night ferry\n\n| | | |\n| --- | --- | --- |\n| " + cell + " |\n"
    article = extract_text_page(page)
    assert article.body.startswith("The ferry company said")
    assert article.body.rstrip().endswith("as they do now.")


# A lynx dump's paragraphs, with the numbers it gives each link ("[14]islands"), and its menu.
LYNX_OPENING = [
    "The ferry company said on Monday that the night crossing to the [14]islands and the "
    "[15]harbour towns would stop at the end of the month, after [16]twenty years at a loss.",
    "Islanders who work on the mainland said the decision would leave them with a hard "
    "choice between a [17]hotel room in the [18]port every [19]week and the [20]jobs held for "
    "most of their lives.",
]
SPOKESMAN = (
    "A spokesman for the council said it could not afford a boat that has lost money in every "
    "one of the last twenty years, however much the islands rely on it in the winter."
)
LYNX_MENU = "\n".join(f"     * [{n}]{item}" for n, item in enumerate(["Home", "News", "Sport", "Weather", "Contact"], 1))


def test_a_lynx_line_cut_short_by_its_link_numbers_still_runs_on_into_the_next():
    """Issue 4: lynx wraps its lines with the link numbers ("[14]harbour") counted, and the
    numbers go before the page is read: the word that did not fit on a line fits there now.
    A line that breaks off mid-sentence near the width, over one that goes on in lower
    case, was wrapped all the same; read as two paragraphs, half a sentence looks like a
    caption and drops out."""
    paragraphs = [
        *LYNX_OPENING,
        "The company said it had offered the route to the [21]county council, which [22]declined to "
        "take it on, and that the morning and evening sailings would carry on as they do now.",
        SPOKESMAN,
        "The islanders have called a meeting for next week in the village hall, where they hope to "
        "hear from the company, the council and the union that speaks for the crews.",
    ]
    wrapped = "\n\n".join(textwrap.fill(p, width=78, initial_indent="   ", subsequent_indent="   ") for p in paragraphs)
    page = (
        f"{LYNX_MENU}\n\n[6]Island Ferry News\n\nNight ferry to the islands will stop this month\n\n"
        f"   by [7]Tom Hale on March 2, 2020\n\n{wrapped}\n\n   [8]Share [9]Tweet\n\nReferences\n\n"
        + "\n".join(f"   {n}. https://news.example/{n}" for n in range(1, 23))
    )
    article = extract_text_page(page)
    assert "a hard choice between a hotel room in the port every week and the jobs held for most" in article.body
    assert "would stop at the end of the month" in article.body


def test_a_lynx_line_cut_short_by_its_link_numbers_runs_on_into_a_name_or_a_quote():
    """Issue 4: as above, but the wrapped line goes on with a name ("... who asked the" /
    "[24]Harbour Board ...") or, in a paragraph wrapped already, with a quote: the half
    sentence after the break is the article's, not a line of its own."""
    paragraphs = [
        *LYNX_OPENING,
        SPOKESMAN,
    ]
    wrapped = "\n\n".join(textwrap.fill(p, width=78, initial_indent="   ", subsequent_indent="   ") for p in paragraphs)
    by_hand = (
        "   The islanders wrote to the [22]Minister for [23]Transport, who asked the\n"
        "   [24]Harbour Board to keep the night berth open for the lifeboat all winter.\n\n"
        "   The chairman of the board, who grew up on the largest of the islands, said\n"
        "   that they would meet the [25]Minister and the [26]Pellow [27]Island Ferry\n"
        '   "Save Our Boat" campaign before the end of the month to talk it over.\n'
    )
    page = (
        f"{LYNX_MENU}\n\n[6]Island Ferry News\n\nNight ferry to the islands will stop this month\n\n"
        f"   by [7]Tom Hale on March 2, 2020\n\n{wrapped}\n\n{by_hand}\n   [8]Share [9]Tweet\n\nReferences\n\n"
        + "\n".join(f"   {n}. https://news.example/{n}" for n in range(1, 28))
    )
    body = extract_text_page(page).body
    assert "who asked the Harbour Board to keep the night berth open" in body
    assert 'the Pellow Island Ferry "Save Our Boat" campaign before the end' in body


def test_pictures_between_the_last_paragraphs_do_not_end_the_article():
    """Issue 4: a text browser prints each picture as its file name ("[IMG_2041_quay]").
    Two of them with a caption and a divider between are no stretch of furniture: the
    paragraphs under them are the article's end, not a box's coda."""
    page = (
        "Island Ferry News\n\nNight ferry to the islands will stop this month\n\nby Tom Hale, March 2, 2020\n\n"
        + "\n\n".join(ARTICLE)
        + "\n\nThe night crossing leaves the mainland at eleven and reaches the first of the islands a little "
        "after two in the morning, when the harbour lights are the only ones still burning on the shore.\n\n"
        "For the fishermen who sell their catch at the early market, it has been the only way to get there "
        "in time, and several of them said they would have to give up the market altogether.\n\n"
        "The union that speaks for the crews said it would ask the company to keep the boat in service "
        "until the end of the summer, when the holiday traffic pays for most of the year's sailings."
        + "\n\n[IMG_2041_quay]\n\nThe last boat.\n\n-\n\n[IMG_2042_harbour]\n\n"
        "We stood on the quay in the wind while the crew tied up the boat for the night, and nobody said much.\n\n"
        "-\n\nThe captain said he would miss the crossing more than he could say, and went home.\n\n"
        "[IMG_2043_lights]\n\n-\n\nShare this:\n\nFacebook\n\nTwitter\n"
    )
    article = extract_text_page(page)
    assert article.body.startswith("The ferry company said")
    assert "The captain said he would miss the crossing" in article.body


def test_a_comment_thread_run_into_one_paragraph_with_its_heading_is_cut():
    """Issue 4: a copy that loses the breaks of a thread set inside its heading prints the
    heading and every comment as one line ("Comments (3) 1. Ann says: ..."). It reads as
    prose, and a long one outweighs the article; no paragraph of an article opens by
    counting its comments."""
    thread = (
        "Comments (3) 1. 3. Mar, 2020 / Ann says: I took the night ferry for years and I will miss it, "
        "though the bar was always closed by the time we left the harbour. Reply 2. 3. Mar, 2020 / Ben says: "
        "The council should have taken the route on, it would not have cost them much at all, and the "
        "islands would have kept the only boat that gets them to the early market. Reply 3. 4. Mar, 2020 / "
        "Cleo says: Twenty years without making money sounds like a public service to me, not a business, "
        "and a public service is what the council is there to run. Reply"
    )
    page = (
        "Island Ferry News\n\nNight ferry to the islands will stop this month\n\nby Tom Hale, March 2, 2020\n\n"
        + "\n\n".join(ARTICLE)
        + "\n\nTweet\n\n« Previous Post | Next Post »\n\n"
        + thread
        + "\n\nRecent Posts\n\nHome\n"
    )
    article = extract_text_page(page)
    assert article.body.startswith("The ferry company said")
    assert "Ann says" not in article.body


def test_a_box_about_the_author_named_in_the_credit_line_ends_a_short_article():
    """Issue 4: "About Tom Hale" under an article credited "by Tom Hale" heads the author's
    box, which ends the article though the blogger's account of himself runs longer than
    a short post."""
    bio = (
        "I started this site twelve years ago because nobody else was writing about the boats that "
        "keep the islands going, and I have been writing about them ever since, from the harbour "
        "office, from the decks of the ferries themselves and from the kitchen table at home, where "
        "most of the letters from readers still arrive by post. Before that I worked for nineteen "
        "years on the night crossing as a deckhand, a purser and, for the last six of them, as its "
        "mate, so I know most of the crews and most of their complaints, and I am always glad to "
        "hear from anyone who wants to add to them."
    )
    page = (
        HEAD + "Published on 02/03/2020 by Tom Hale in News, Boats\n\n" + "\n\n".join(ARTICLE)
        + f"\n\nAbout Tom Hale\n\n{bio}\n"
    )
    body = extract_text_page(page).body
    assert body.endswith("as they do now.")


def test_a_blurb_closed_by_its_view_more_link_is_not_the_article_s():
    """Issue 4: a paragraph that ends by sending the reader on ("... new boats of the
    fleet. View more") is a blurb of another page, however well it reads, and does not
    join the article across the menu between them."""
    blurb = (
        "Our winter issue is out now, with a long interview with the last skipper of the old night "
        "boat, a guide to the harbour towns of the north coast, the story of the shipyard that built "
        "the first island ferry and a portrait of the crews of the new boats of the fleet. View more"
    )
    article = [
        "The ferry company said on Monday that the night crossing to the islands would stop at the end "
        "of the month, after twenty years in which it has never once made money for its owners.",
        "Islanders who work on the mainland said the decision would leave them with a choice between "
        "a hotel room every week and a job they have held for most of their lives.",
    ]
    page = (
        f"Island Ferry News\n\n{blurb}\n\nTimetables\n\nFares\n\nPort news\n\nTweet\n\n"
        "Night ferry to the islands will stop this month\n\nby Tom Hale\n\n" + "\n\n".join(article) + "\n"
    )
    body = extract_text_page(page).body
    assert body.startswith("The ferry company said")


def test_a_bulleted_list_between_two_paragraphs_stays_though_nothing_announces_it():
    """Issue 4: a list set right between two of the article's paragraphs is the article's,
    with or without a colon before it; a share bar stands at its edge, not between."""
    items = ["• Fewer sailings in the winter months", "• Higher fares for visitors", "• A new pier on the north island"]
    page = (
        DATED_HEAD + ARTICLE[0] + "\n\nThe company's plan, which the council will look at next week, sets out three changes.\n\n"
        + "\n\n".join(items) + "\n\n" + "\n\n".join(ARTICLE[1:]) + "\n\nShare\n\n• Facebook\n\n• Twitter\n"
    )
    body = extract_text_page(page).body
    assert "• Higher fares for visitors" in body
    assert body.endswith("as they do now.")


def test_a_sentence_of_names_between_two_paragraphs_stays():
    """Issue 4: a sentence with few stop words ("Crew members Ann Tremayne, Bill Pascoe,
    Carys Nance and Dai Rowe signed it.") right between two of the article's paragraphs is
    a sentence of it, not a list of links."""
    names = "Crew members Ann Tremayne, Bill Pascoe, Carys Nance, Dai Rowe, Efa Hughes and Ffion Bowen signed it."
    page = DATED_HEAD + "\n\n".join([ARTICLE[0], ARTICLE[1], names, ARTICLE[2]]) + "\n"
    body = extract_text_page(page).body
    assert names in body


def test_a_list_without_bullets_between_two_paragraphs_stays():
    """Issue 4: a copy that drops a list's bullets (html-text does) leaves its items as bare
    short lines; three or more of them right between two of the article's paragraphs are
    its list, though no colon announces it."""
    items = ["Fewer sailings in the winter months", "Higher fares for visitors", "A new pier on the north island"]
    page = (
        DATED_HEAD + ARTICLE[0] + "\n\nThe company's plan, which the council will look at next week, sets out three changes.\n\n"
        + "\n\n".join(items) + "\n\n" + "\n\n".join(ARTICLE[1:]) + "\n"
    )
    body = extract_text_page(page).body
    assert all(item in body for item in items)


def test_an_embedded_frame_s_address_is_not_the_article_s_text():
    """Issue 4: lynx prints an embedded video as its frame's address ("IFRAME:
    https://video.example/embed/ferry"); between two paragraphs it is no sub-heading, and,
    like a picture, it does not break the article either."""
    page = (
        DATED_HEAD + ARTICLE[0] + "\n\nIFRAME: https://video.example/embed/night-ferry?rel=0\n\n"
        + "\n\n".join(ARTICLE[1:]) + "\n"
    )
    body = extract_text_page(page).body
    assert "IFRAME" not in body
    assert body.startswith("The ferry company said") and body.endswith("as they do now.")


def test_a_list_under_a_picture_between_two_paragraphs_stays():
    """Issue 4: a text browser prints a picture as its file name ("[harbour_map_2020]"); one
    between a paragraph and the list under it does not part the list from the article."""
    items = ["• Fewer sailings in the winter months", "• Higher fares for visitors", "• A new pier on the north island"]
    page = (
        DATED_HEAD + ARTICLE[0] + "\n\nThe company's plan, which the council will look at next week, sets out three changes.\n\n"
        "[harbour_map_2020]\n\n" + "\n\n".join(items) + "\n\n" + "\n\n".join(ARTICLE[1:]) + "\n"
    )
    body = extract_text_page(page).body
    assert all(item in body for item in items)
