"""By-lines as news pages and blogs set them in a whole-page text copy (issue 4): the names
next to a stamp without a year, after a blog's opening stamp, and never a pager's button.
Every page here is invented."""

from __future__ import annotations

from newsarchive.extract.bylines import parse_byline, parse_name_stamp
from newsarchive.extract.textpage import extract_text_page

ARTICLE = """\
The harbour board voted on Thursday to dredge the northern channel before the autumn storms, after two fishing boats ran aground there within a month and a ferry had to turn back in low water.

Board members said the work would take six weeks and cost less than repairing the boats had, and that the channel would be surveyed again every spring so that silt could not build up unnoticed.

"We have been lucky so far that nobody was hurt, and we do not want to rely on luck," said the harbour master, Ruth Calloway. Fishermen said they welcomed the decision but had asked for it two years ago.
"""

HEADLINE = "Harbour board orders dredging of northern channel"


def page(credits: str, above: str = "News\nSport\nWeather") -> str:
    return f"{above}\n\n{HEADLINE}\n\n{credits}\n\n{ARTICLE}"


def test_a_by_line_with_a_day_and_a_time_but_no_year_names_the_author():
    # (the day without its year, the time and a follow button on the by-line's own line)
    assert parse_byline("By Dana Whitlock March 18 at 3:57 PM Follow @danawhitlock") == ["Dana Whitlock"]
    assert parse_byline("By Marc Olivier 18 mars 10:40") == ["Marc Olivier"]
    text = page("By Dana Whitlock March 18 at 3:57 PM Follow @danawhitlock")
    assert extract_text_page(text).authors == ["Dana Whitlock"]


def test_a_month_that_is_a_name_stays_in_the_by_line():
    assert parse_byline("By May Harlow") == ["May Harlow"]
    assert parse_byline("By Tom Reyes and April Stone Sept. 3") == ["Tom Reyes", "April Stone"]


def test_a_blog_stamp_before_by_names_the_author():
    assert parse_byline("on March 10, 2015 by Nikola Varga") == ["Nikola Varga"]
    assert parse_byline("Posted on 3 May 2012 at 8:05 am by Jane Roe") == ["Jane Roe"]
    text = page("on March 10, 2015 by Nikola Varga\n\n2 comments")
    assert extract_text_page(text).authors == ["Nikola Varga"]


def test_a_sentence_with_a_date_and_by_is_no_by_line():
    assert parse_byline("The plan was approved on March 10, 2015 by the harbour board") is None


def test_a_pager_beside_the_date_is_no_author():
    # "Older Article / Newer Article" links over the stamp read like a person's name.
    text = page("Older Article\nNewer Article\n\nMarch 10, 2015\n\n2 comments")
    assert extract_text_page(text).authors == []


def test_the_date_on_the_by_line_dates_the_article():
    # (a date line further down, inside the article, is an event's: the talk's day)
    first, rest = ARTICLE.split("\n\n", 1)
    text = f"{HEADLINE}\n\nOctober 29, 2012 by Nina Park\n\n{first}\n\nFriday, November 2, 2012\n\n{rest}"
    article = extract_text_page(text)
    assert article.authors == ["Nina Park"]
    assert article.published == "2012-10-29"


def test_the_author_box_under_a_post_names_the_author():
    # (the box's "by" and the name are two links, on two lines, past the buttons)
    box = "Recommend\n\nShare More\n\nPublished in\n\nHarbour Notes\n\nFollow\n\nWritten on Mar 27 by\n\nElena Brandt\n\nBoat builder and writer. Follow her on the water.\n\nFollow"
    text = f"{HEADLINE}\n\n{ARTICLE}\n{box}"
    article = extract_text_page(text)
    assert article.authors == ["Elena Brandt"]
    assert "Elena Brandt" not in article.body


def test_a_by_at_the_end_of_a_line_of_prose_is_no_author_box():
    text = f"{HEADLINE}\n\n{ARTICLE}\nThe new channel was marked out by\n\nHarbour Pilots"
    assert extract_text_page(text).authors == []


def test_a_stamp_under_a_post_that_opens_with_a_name_names_the_author():
    assert parse_name_stamp("Elena Brandt | March 3, 2012") == ["Elena Brandt"]
    assert parse_name_stamp("Elena Brandt — Staff writer") is None
    assert parse_name_stamp("Elena Brandt --- 2013-09-29--- in Harbours") == ["Elena Brandt"]
    text = f"{HEADLINE}\n\n{ARTICLE}\nElena Brandt — 2013-09-29 — in Harbours — Permalink\n\nOlder posts"
    article = extract_text_page(text)
    assert article.authors == ["Elena Brandt"]
    assert article.published == "2013-09-29"


MORE = """\
The northern channel was last dredged eleven years ago, when the ferry company paid for half of the work in return for a promise that the route would be kept open through the winter months.

Since then, the board says, storms have carried more sand into the channel each year than the tides take out, and the depth at low water has fallen by almost a metre in places.

Contractors will work at night so that the ferry timetable is not disturbed, and the spoil will be taken out to sea rather than left on the beach, as residents had feared.
"""


def test_a_readers_credit_under_the_comments_heading_is_no_author():
    text = f"{HEADLINE}\n\n{ARTICLE}\n{MORE}\nComments\n\nPosted by: Harold Quint | November 07, 2012 at 10:59 AM"
    assert extract_text_page(text).authors == []


def test_the_by_lines_of_a_box_of_related_stories_are_no_authors():
    # A box of links to two other stories, each with a kicker, a headline and a by-line,
    # set between the standfirst and the article.
    box = (
        "Related stories\n\nReport\n\nFerry crews count the cost of a shallow winter\n\nBy Piotr Lasko\n\n"
        "Interview\n\n\"We cannot wait another year\"\n\nBy Anne Moreau"
    )
    text = f"Harbour News\n\n{HEADLINE}\n\n{box}\n\n{ARTICLE}"
    article = extract_text_page(text)
    assert article.authors == []
    assert article.title == HEADLINE
    assert "Piotr Lasko" not in article.body and "Anne Moreau" not in article.body


def test_one_by_line_under_a_related_label_is_still_the_articles():
    # (a "Related" label over a video beside the headline, then the article's own credits)
    text = f"{HEADLINE}\n\nRelated\n\nVideo\n\nBy Piotr Lasko\n\n{ARTICLE}"
    assert extract_text_page(text).authors == ["Piotr Lasko"]


def test_a_name_run_into_the_job_or_the_publication_is_the_author():
    # (the comma between them lost with the line break of the page)
    assert parse_byline("By: Nora Ellis HDTV Executive News Editor") == ["Nora Ellis"]
    assert parse_byline("By Nora Ellis Staff Writer") == ["Nora Ellis"]
    assert parse_byline("By Nora Ellis HarbourMD Health News") == ["Nora Ellis"]
    assert parse_byline("Posted by Nora Ellis at 5:00 AM") == ["Nora Ellis"]
    assert parse_byline("By NORA J. ELLIS") == ["Nora J. Ellis"]
    assert parse_byline("By The Associated Press") is None


def test_a_blog_footer_under_the_post_names_the_author():
    text = f"{HEADLINE}\n\n{ARTICLE}\nPosted by Nora Ellis at 5:00 AM\n\nEmail This BlogThis! Share to Twitter"
    assert extract_text_page(text).authors == ["Nora Ellis"]


def test_the_stamps_of_a_comment_thread_name_no_author():
    # Readers' comments right under the article, each closed by the same stamp.
    comments = "\n\n".join(
        f"{said}\n\nPosted by: {name} at November 8, 2012 {time}"
        for said, name, time in (
            ("Good news for the ferry at last, and about time too.", "Harold Quint", "11:18 AM"),
            ("Will the beach be closed while they work at night?", "Mira Soto", "11:40 AM"),
            ("Two years late, but better late than never.", "Joe Parry", "12:02 PM"),
        )
    )
    text = f"{HEADLINE}\n\n{ARTICLE}\n{MORE}\nPosted by: Harold Quint at November 8, 2012 10:58 AM\n\n{comments}"
    assert extract_text_page(text).authors == []


def test_a_footer_under_a_short_post_does_not_move_its_headline():
    # A blog's tagline, the day's date, the post's headline, a short post and its footer.
    tagline = (
        "Every week I write about the harbour, the boats that use it and the people who keep it working, "
        "from the pilots and the dredging crews to the ferry staff who get the islanders to the mainland "
        "and back again in every kind of weather the winter throws at them."
    )
    post = (
        "The dredger arrived this morning and anchored off the northern channel, ready to start work tonight "
        "if the wind drops as forecast.\n\nIt is a strange sight from the quay: a small ship with a very long arm."
    )
    text = (
        f"Harbour Notes\n\n{tagline}\n\nFriday, October 19, 2012\n\nThe dredger is here\n\n{post}\n\n"
        "Posted by Nora Ellis at 3:00 AM\n\n4 comments:"
    )
    article = extract_text_page(text)
    assert article.title == "The dredger is here"
    assert article.authors == ["Nora Ellis"]


def test_a_stamp_with_its_update_and_a_service_dates_and_credits_the_article():
    # (a service, the date, its time and the update in brackets: a stamp, not prose)
    stamp = "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)"
    text = f"{HEADLINE}\n\n{stamp}\n\nFacebook\nTwitter\n\n{ARTICLE}\n\nLa Une du 29 avril 2015"
    article = extract_text_page(text)
    assert article.published == "2015-04-30"
    assert article.source == "AFP"


def test_the_label_before_the_publication_under_the_by_line_is_no_part_of_it():
    text = page("by: Nora Ellis\nFrom: Harbour Tribune\nMarch 13, 2015 9:00PM")
    assert extract_text_page(text).source == "Harbour Tribune"


def test_a_name_beside_its_follow_button_under_the_headline_is_the_author():
    for buttons in ("Profile Follow Unfollow", "ProfileFollowUnfollow"):
        text = page(f"36\n\nNora Ellis\n\n{buttons}\n\nFiled to: harbours")
        assert extract_text_page(text).authors == ["Nora Ellis"]


def test_an_icon_and_the_buttons_after_the_names_are_no_part_of_them():
    assert parse_byline("By Nora Ellis [writer_rss] posted Aug 18th 2010 7:30PM") == ["Nora Ellis"]
    assert parse_byline("By Nora Ellis Email Author") == ["Nora Ellis"]
    assert parse_byline("By Nora Ellis Follow @noraellis") == ["Nora Ellis"]
    assert parse_byline("Written by Nora Ellis Topics: Harbours, Ferries") == ["Nora Ellis"]
