"""Headlines and dates of today's news pages and blogs (issue 4), as text browsers and
converters print them. Small hand-written pages, run through the real importer."""

from __future__ import annotations

from newsarchive.extract.textpage import extract_text_page
from tests.texts import FERRY_ARTICLE, FERRY_HEADLINE

# A blog's page as lynx dumps it: the titles of the page's <link> elements on the line it
# opens with, then the blog's masthead, its menu and a sidebar blurb over the post.
LYNX_BLOG_PAGE = (
    "   #[1]Harbour Notes » Feed [2]Harbour Notes » Comments Feed [3]Harbour Notes »\n"
    "   {feed} [4]alternate\n"
    "   [5]alternate\n\n"
    "   [6]Harbour Notes\n\n"
    "     * [7]Home\n"
    "     * [8]About\n\n"
    "   A Retired Skipper Writes About Boats And The People Who Sail Them\n\n"
    + "\n\n".join("   " + paragraph for paragraph in FERRY_ARTICLE)
    + "\n"
)


def test_lynx_link_titles_name_the_posts_headline_through_its_comment_feed():
    """Issue 4: a blog's post links to its own comment feed, titled "Site » Headline
    Comments Feed", and lynx prints the link titles on the line it opens a copy with. When
    the lines over the post are a sidebar's (a tagline that reads as a headline), the feed
    still names the headline."""
    page = LYNX_BLOG_PAGE.format(feed=f"{FERRY_HEADLINE} Comments Feed")
    assert extract_text_page(page).title == FERRY_HEADLINE


def test_a_comment_feed_is_read_in_the_blogs_language():
    """Issue 4: a German blog titles the feed "Site » Headline Kommentar-Feed"."""
    page = LYNX_BLOG_PAGE.format(feed="Die Fähre zu den Inseln fährt weiter Kommentar-Feed")
    assert extract_text_page(page).title == "Die Fähre zu den Inseln fährt weiter"


def test_the_blogs_own_comment_feed_names_no_headline():
    """Issue 4: the blog's own comment feed ("Site » Comments Feed") names no post; a
    page that links to it alone keeps the headline read above the body."""
    page = LYNX_BLOG_PAGE.format(feed="").replace(
        "   A Retired Skipper", f"   {FERRY_HEADLINE}\n\n   A Retired Skipper"
    ).replace("   A Retired Skipper Writes About Boats And The People Who Sail Them\n\n", "")
    assert extract_text_page(page).title == FERRY_HEADLINE


def test_share_icons_between_headline_and_standfirst_do_not_part_them():
    """Issue 4: a news page sets its share buttons as icons between the headline and the
    standfirst, and a converter prints each as a bullet with no words ("  * "). The
    longer line under them, which names more of the story's words, is still the
    standfirst under the headline, not the headline."""
    page = (
        "Harbour Courier\n\n"
        "08.03.2021 | 15:30\n\n"
        "Harbour town keeps its last ferry running\n\n"
        + "  * \n" * 6
        + "\nThe council will pay for the winter crossings to the islands for three more years\n\n"
        + "\n\n".join(FERRY_ARTICLE)
        + "\n"
    )
    article = extract_text_page(page)
    assert article.title == "Harbour town keeps its last ferry running"
    assert article.subtitle == "The council will pay for the winter crossings to the islands for three more years"


def test_a_date_badge_run_together_dates_the_post_under_it():
    """Issue 4: a blog sets its post's date as a badge, month, day and year each in a box
    of its own, and a text browser runs them together ("Oct212012"). It is the post's
    date line, and the one-word headline under it is the post's headline."""
    page = (
        "Harbour Notes\n\n"
        "Sunday\nOct212012\n\n"
        "Islanders\n\n"
        + "\n\n".join(FERRY_ARTICLE)
        + "\n"
    )
    article = extract_text_page(page)
    assert article.published == "2012-10-21"
    assert article.title == "Islanders"


def test_a_caption_closed_by_its_credit_in_brackets_is_not_the_headline():
    """Issue 4: a photo's caption printed right over the article, under the share
    buttons, ends with the photo's credit in brackets, however many words the credit
    takes ("(Credit: Harbour Press/Ann Lee/Photo montage by the Courier)"); a headline
    never ends so."""
    page = (
        "Harbour Courier\n\n"
        "Harbour town keeps its last ferry running\n\n"
        "  * Share\n  * Tweet\n\n"
        "Islanders, Ferry Company, Harbour Master (Credit: Harbour Press/Ann Lee/Photo montage by the Courier)\n\n"
        + "\n\n".join(FERRY_ARTICLE)
        + "\n"
    )
    assert extract_text_page(page).title == "Harbour town keeps its last ferry running"


def test_a_comment_feed_titled_comments_on_the_post_names_the_headline():
    """Issue 4: other blog software titles a post's comment feed "Comments on 'Headline'
    (Atom)"; lynx prints that too, and it names the headline just as well."""
    page = (
        "   #[1]Posts on 'Harbour Notes' (Atom) [2]Posts on 'Harbour Notes' (RSS 2.0)\n"
        f"   [3]Comments on '{FERRY_HEADLINE}' (Atom) [4]Comments on '{FERRY_HEADLINE}' (RSS 2.0)\n\n"
        "   [5]Harbour Notes\n\n"
        "   A Retired Skipper Writes About Boats And The People Who Sail Them\n\n"
        + "\n\n".join("   " + paragraph for paragraph in FERRY_ARTICLE)
        + "\n"
    )
    assert extract_text_page(page).title == FERRY_HEADLINE


def test_a_comment_feed_title_escaped_twice_reads_as_the_headline():
    """Issue 4: blog software may escape the feed's title twice, so that lynx prints its
    entities as they are ("Harbour&rsquo;s"); the headline reads without them."""
    page = (
        "   #[1]Posts on 'Harbour Notes' (Atom)\n"
        "   [2]Comments on 'The Harbour&rsquo;s Last Ferry Keeps Running&hellip; For Now' (Atom)\n"
        "   [3]Comments on 'The Harbour&rsquo;s Last Ferry Keeps Running&hellip; For Now' (RSS 2.0)\n\n"
        "   [4]Harbour Notes\n\n"
        "   A Retired Skipper Writes About Boats And The People Who Sail Them\n\n"
        + "\n\n".join("   " + paragraph for paragraph in FERRY_ARTICLE)
        + "\n"
    )
    assert extract_text_page(page).title == "The Harbour’s Last Ferry Keeps Running… For Now"
