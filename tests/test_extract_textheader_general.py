"""Headlines and dates of text pages (issue 4): general page-shape knowledge the header
reader uses, on small hand-written pages."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page

BODY = (
    "The ferry to the outer islands ran on time every day this month for the first time in "
    "six years, the operator said on Monday, after the new engines passed their sea trials.\n\n"
    "Passengers who had learnt to pack a second lunch for the crossing were cautious: one "
    "islander said she would believe it when the winter timetable held through a gale.\n\n"
    "The operator plans to add a late sailing on Fridays from the spring, and to repaint the "
    "waiting room on the pier, which has not seen a brush since the old ferry was retired."
)


def test_a_headline_naming_its_date_keeps_the_word_the():
    """Issue 4: "The Week: March 3, 2021" is a headline that names its date; "the" is one of
    its words, not a word of a publication stamp, so the two words left beside the date make
    it a headline."""
    article = extract_text_page(f"Island Ferry Notes\n\nHome\n\nThe Week: March 3, 2021\n\n{BODY}\n")
    assert (article.title, article.published) == ("The Week: March 3, 2021", "2021-03-03")


def test_a_line_under_a_stamp_with_the_time_is_the_deck_not_the_headline():
    """Issue 4: a blog sets a bare date line over a post's headline ("Tuesday, March 2,
    2021"); a stamp with the time in it ("updated 09:40 pm EDT, ...") is the credit line
    under the headline, and the line under it the deck."""
    page = (
        "Island Ferry Notes\n\nHome\n\nFerry to the outer islands runs on time all month\n\n"
        "updated 09:40 pm EDT, Fri March 5, 2021\n\n"
        "New engines passed their sea trials in a winter gale\n\n"
        f"{BODY}\n"
    )
    assert extract_text_page(page).title == "Ferry to the outer islands runs on time all month"


def test_a_line_of_two_sentences_is_not_a_headline():
    """Issue 4: a headline is one sentence; a photo's caption of two over the by-line
    ("Passengers board ... on the pier. The operator plans ...") is not it, though it
    stands closer to the body and shares its words."""
    page = (
        "Island Ferry Notes\n\nHome\n\nFerries\n\nFerry runs on time\n\nShare this\n\n"
        "Passengers board the ferry on the pier. The operator plans a late sailing on Fridays\n\n"
        f"By Ann Fisher\n\n{BODY}\n"
    )
    assert extract_text_page(page).title == "Ferry runs on time"


def test_a_statement_and_its_question_may_be_the_headline():
    """Issue 4: a headline may be a statement and the question it raises ("The ferry runs on
    time. Will it last?"); only two sentences that do not end with the question are prose."""
    headline = "The island ferry runs on time at last. Will it last the winter?"
    page = f"Island Ferry Notes\n\nHome\n\nFerries\n\n{headline}\n\nBy Ann Fisher\n\n{BODY}\n"
    assert extract_text_page(page).title == headline


def test_a_stamp_of_two_dates_and_times_is_a_date_line():
    """Issue 4: "Posted: 03/25/2021 9:21 am Updated: 03/25/2021 10:53 am" is fourteen words
    long as a text tool counts them, yet nothing but a stamp: its date dates the article,
    and it is no standfirst."""
    page = (
        "Island Ferry Notes\n\nHome\n\nFerry to the outer islands runs on time all month\n\n"
        f"Posted: 03/25/2021 9:21 am Updated: 03/25/2021 10:53 am\n\n{BODY}\n"
    )
    article = extract_text_page(page)
    assert (article.published, article.subtitle) == ("2021-03-25", None)


def test_a_blogs_tagline_is_not_the_headline():
    """Issue 4: a blog's masthead or tagline names it by the word ("The blog of Ann
    Fisher", "Harbour Notes Blog"); over a short headline in sentence case it reads more
    like one, yet it names the site, not the article."""
    page = (
        "Home\n\nAbout\n\nIsland Ferry Notes\n\nThe blog of Ann Fisher on Island Ferries\n\n"
        f"Ferry keeps time\n\nby Ann on March 5, 2021\n\n{BODY}\n"
    )
    assert extract_text_page(page).title == "Ferry keeps time"


def test_a_line_of_tags_is_not_the_headline():
    """Issue 4: a line of tags ("Ferry, Passengers, Engines, Winter Timetable, ...") stands
    between the headline and the body on many pages, and shares the body's words; short
    items set apart by commas, with no "and" before the last, are a list, not a headline.
    A headline listing things joins its last item with "and", and a date's commas are no
    list's."""
    headline = "Ferry to the outer islands runs on time all month"
    tags = "Ferry, Passengers, Engines, Winter Timetable, Operator, Waiting Room"
    page = f"Island Ferry Notes\n\nHome\n\n{headline}\n\nShare this\n\nTags:\n\n{tags}\n\n{BODY}\n"
    assert extract_text_page(page).title == headline
    listing = "Engines, Timetables, Gulls and the Winter Ferry"
    assert extract_text_page(f"Island Ferry Notes\n\nHome\n\n{listing}\n\n{BODY}\n").title == listing
    dated = "The Briefing, Thursday, March 4, 2021"
    assert extract_text_page(f"Island Ferry Notes\n\nHome\n\n{dated}\n\n{BODY}\n").title == dated


def test_what_stands_above_the_links_to_the_posts_around_is_not_the_headline():
    """Issue 4: a blog sets the links to the posts on either side of this one ("« Older
    post | Main | Newer post »") over the post's headline; the sidebar's book titles and
    the masthead above them are not the headline, though they read more like one than a
    short headline in sentence case. A tool may break the links' line after each link, and
    the last ("The winter timetable »") is no headline either."""
    sidebar = "Island Ferry Notes\n\nReading list\n\nThe Ferryman's Almanac: Tides and Timetables of the North Sea\n\n"
    for links in ("« Gulls of the quay | Main | The winter timetable »", "« Gulls of the quay |\n\nMain |\n\nThe winter timetable »"):
        page = f"{sidebar}{links}\n\nFerry keeps time\n\n{BODY}\n"
        assert extract_text_page(page).title == "Ferry keeps time", links


def test_a_labelled_date_line_with_its_weekday_is_no_headline():
    """Issue 4: "Date Sunday, March 7, 2021 at 8:02AM" holds two words besides its date,
    but the weekday is the date's own: the line is a stamp, not a headline naming its date
    ("The Briefing, Thursday, March 4, 2021" is one)."""
    from newsarchive.extract.textblocks import split_blocks
    from newsarchive.extract.textheader import dated_headline

    def read(line: str) -> str | None:
        return dated_headline(split_blocks(line)[0], ("date", None))

    assert read("Date Sunday, March 7, 2021 at 8:02AM") is None
    assert read("The Briefing, Thursday, March 4, 2021") == "The Briefing, Thursday, March 4, 2021"


NEWS_PAGE = """Skip to main content
The Northern Courier

  * News
  * Sport
  * Business

Environment

{headline}

The £14m scheme will restore six locks and a towpath that has been closed since the 1960s

By Mary Holt
Environment correspondent

Tue 12 Mar 2024 06.00 GMT

The city council has approved a plan to reopen the old canal to boats within three years, ending
decades of argument over a waterway that many residents had written off as a lost cause.

The £14m scheme, agreed unanimously on Monday night, will restore six locks, dredge two miles of
silted channel and rebuild the towpath, which has been closed to walkers since the 1960s.

Campaigners who have spent twenty years lobbying for the work said they were delighted. "We never
stopped believing it could happen," said Joan Pike, chair of the canal society.
"""


def test_a_markdown_heading_mark_left_in_the_copy_is_not_part_of_the_headline():
    """Issue 4: a copy with a few Markdown marks and no links is not read as Markdown, so
    its "# Headline" keeps the mark; the line is still the headline, without it."""
    headline = "Council approves plan to reopen the old canal to boats by 2027"
    article = extract_text_page(NEWS_PAGE.format(headline=f"# {headline}"))
    assert article.title == headline


def test_a_headline_underlined_by_a_plain_text_writer_stands_over_its_deck():
    """Issue 4: plain-text writers draw a heading's underline on the line under it
    ("Headline" / "===="); the underline between the headline and the deck does not make
    the deck the headline."""
    headline = "Council approves plan to reopen the old canal to boats by 2027"
    for mark in "=-":
        article = extract_text_page(NEWS_PAGE.format(headline=f"{headline}\n{mark * len(headline)}"))
        assert article.title == headline, mark


def test_the_post_the_comments_are_on_is_the_headline_inside_the_run():
    """Issue 4: a blog names the post its comments are on ("One Response to “Headline”");
    when the article run opens on a sign-up box above the post, the line so named inside it
    is the headline, even one ending with a question mark, and the box is cut off."""
    headline = "Will the ferry keep time all winter?"
    box = (
        "Join the newsletter and get every timetable change before anyone else, with a free "
        "printable map of the ferry routes and the piers, sent on the first of every month. "
        "We never share your address with anyone, and you can leave the list whenever you like.\n\n"
    )
    page = (
        f"Island Ferry Notes\n\nHome\n\n{box}{headline}\n\n{BODY}\n\n"
        f"One Response to “{headline}”\n\nAnn says: I hope so.\n"
    )
    article = extract_text_page(page)
    assert article.title == headline
    assert "newsletter" not in article.body


def test_an_abbreviation_with_a_capital_does_not_split_a_headline_in_two():
    """Issue 4: "Calif. Ferry Firm Sues Over Winter Timetable" is one sentence: an
    abbreviation opening with a capital ("Calif.", "Dept.", "Corp.") is no sentence's end,
    and the headline does not lose to the site's tagline above it."""
    headline = "Calif. Ferry Firm Sues Over Winter Timetable"
    page = (
        "Island Ferry Notes\n\nHome\n\nNews of the island ferry and its winter timetable\n\n"
        f"Ferries\n\n{headline}\n\nBy Ann Fisher\n\n{BODY}\n"
    )
    assert extract_text_page(page).title == headline
