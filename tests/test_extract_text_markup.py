"""Text copies made by converters that leave markup: Markdown (html2text and the like) and
lynx's numbered links. The article read from them is the one read from a plain copy."""

from pathlib import Path

import pytest

from newsarchive.extract.textmarkup import plain_page, plain_text
from newsarchive.extract.textpage import explain_text_page, extract_text_page
from tests.conftest import FIXTURES
from tests.timing import assert_linear_time

PAGES = FIXTURES / "text" / "converters"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_c613b55b894d488b.txt"


def _read(name: str):
    return extract_text_page((PAGES / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["markdown.txt", "lynx.txt"])
def test_a_copy_with_markup_reads_as_the_plain_copy(name):
    plain, marked = _read("plain.txt"), _read(name)
    assert marked.body == plain.body
    assert (marked.title, marked.subtitle, marked.authors, marked.published, marked.headings) == (
        plain.title, plain.subtitle, plain.authors, plain.published, plain.headings)
    assert "http" not in marked.body and "[" not in marked.body


def test_markdown_addresses_wrapped_after_a_hyphen_are_still_addresses():
    text = ("Read the [full report](https://example.org/reports/tidal-\nlagoon-study.pdf \"PDF\") "
            "and the ![map](https://example.org/img/bay-\nmap.png) of the [bay](https://example.org/bay)"
            " and [harbour](https://example.org/harbour).\n")
    assert plain_text(text) == "Read the full report and the  of the bay and harbour.\n"


def test_markdown_marks_go_only_from_a_markdown_page():
    one_link = "See [the survey](https://example.org/s) for **all** the _figures_.\n\n# 1 in 5 boats\n"
    assert plain_text(one_link) == "See the survey for **all** the _figures_.\n\n# 1 in 5 boats\n"
    page = one_link + "[a](https://a.example/) [b](https://b.example/)\n\n* * *\n\nThe 3\\. point and snake_case_name\n"
    assert plain_text(page) == ("See the survey for all the figures.\n\n1 in 5 boats\na b\n\n\n\n"
                                "The 3. point and snake_case_name\n")


def test_markdown_paragraphs_and_quotations_are_joined_as_markdown_reads_them():
    page = ("[a](https://a.example/) [b](https://b.example/) [c](https://c.example/)\n\n"
            "A paragraph wrapped\nover three\nlines.\n\n"
            "> A quotation wrapped\n> over two lines.\n>\n> And its second paragraph.\n\n"
            "  * a list item\n  * another, wrapped\n    onto a second line\n\n"
            "A line with a hard break  \nafter it.\n")
    assert plain_text(page).split("\n") == [
        "a b c", "", "A paragraph wrapped over three lines.", "",
        "A quotation wrapped over two lines.", "", "And its second paragraph.", "",
        "  * a list item", "  * another, wrapped onto a second line", "",
        "A line with a hard break", "after it.", ""]


def test_lynx_numbers_and_address_lists_go_and_the_lines_keep_their_numbers():
    text = (PAGES / "lynx.txt").read_text(encoding="utf-8")
    cleaned = plain_text(text)
    assert "[7]" not in cleaned and "[IMG]" not in cleaned and "https://" not in cleaned
    assert "References" not in cleaned
    assert cleaned.count("\n") == text.split("\n").index("References")  # the lines above it stay in place
    first_kept = next(d for d in explain_text_page(text) if d.kept)
    assert text.split("\n")[first_kept.line - 1].strip().startswith("Pellow harbour council has voted")


@pytest.mark.parametrize("text", [
    "Scores [1] and [2] were given [3] times.\n\nSee [Appendix] (below) and [the notes].\n",
    "The lagoon grew fast.[2][3] Then it silted.[4][5] Then [6][7] it was dredged.\n",  # citations
    "Call handlers[i](event) and lambda [&](auto x) twice: handlers[j](event).\n",  # code, not links
    "x[1], y[2], z[3] and a[0]=1.\n\nReferences\n\n1. Smith, J. (2001)\n\nThe story goes on here.\n",
    "# 1 in 5 boats\n\n**Bold** and snake_case_name, a stray ![ and ](nothing).\n",
])
def test_a_page_in_brackets_of_its_own_is_left_alone(text):
    assert plain_text(text) == text


def test_a_picture_or_link_never_runs_over_a_blank_line():
    text = "![w1 w2\n\nw3 w4 w5\n\nw6](https://x.example/p.png) [a](https://a.example/) [b](/b) [c](/c)\n"
    assert "w3 w4 w5" in plain_text(text)


@pytest.mark.parametrize("text", ["[a\n](https://x.example/)", "Intro [a\n](/x) words\n\nMore.", "[\n\n## Story\n\n](/s)",
                                  "![p\nq](/p.png)\nw10 w11 [a](/a) [b](/b) [c](/c)\nw12"])
def test_every_line_read_has_a_line_of_the_file(text):
    cleaned, starts = plain_page(text)
    assert len(starts) == cleaned.count("\n") + 1
    assert starts == sorted(starts) and starts[-1] <= text.count("\n")
    explain_text_page(text + "\n\nThe harbour council voted on Tuesday to fund a study of the lagoon, which is silting up.")


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared beside the project")
def test_the_seed_and_the_samples_are_plain_already():
    for path in [SEED, *sorted((Path(__file__).resolve().parents[1] / "data").glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        assert plain_text(text) == text, path.name


@pytest.mark.parametrize("hostile", [
    lambda n: "[a](https://x.example/) " * 3 + "_a " * n,
    lambda n: "[a](https://x.example/) " * 3 + "**a " * n,
    lambda n: "[a](https://x.example/) " * 3 + "\n# " + " " * n + "x",
    lambda n: "[x](" + "a- " * n,
    lambda n: "[" * n + "](" * n,
    lambda n: "References\n" + "\n" * n + "x " + "[1]a" * 3,
    lambda n: "[a](https://x.example/) " * 3 + "\nline\n" * n,
    lambda n: "[a](https://x.example/) " * 3 + "\n\n" + " " * n + "x\n" + "y\n" * (n // 2),  # one long paragraph
    lambda n: "[a](https://x.example/) " * 3 + "[" * n + "][1]" * n,
    lambda n: "[1]a [2]b [3]c " + "[DEL: " * n + " :DEL]" * n,
    lambda n: "[a](https://x.example/) " * 3 + "\n## " + "[a\n" * n,  # a heading's link never closed
    lambda n: "[a](https://x.example/) " * 3 + "<div" + ' x="1"' * n,  # a tag never closed
    lambda n: "[a](https://x.example/) " * 3 + "<div " * n + "`" * n + "<!--" * n,
    lambda n: "[a](https://x.example/) " * 3 + "\n# x" + " {#a .b" * n + "\n" + "[x]{.a" * n + "\n" + ":" * n,
    lambda n: ("+" + "-+" * (n // 10) + "\n" + "|" + " |" * (n // 10) + "\n") * 10,  # a grid table's many cells
    lambda n: "+---" * n + "+\n" + "|+-+" * n + "|\n",  # a border in every cell
    lambda n: "# a\n\n" + "x" * n + "\n" + "=" * n + "x\n" + "x\n-==\n" * n,  # underlines, near misses
])
def test_hostile_markup_takes_linear_time(hostile):
    assert_linear_time(lambda n: plain_text(hostile(n)))


def test_explain_names_the_lines_of_the_markdown_file_as_saved():
    """Joining a wrapped paragraph must not move the line numbers `import --explain` gives."""
    text = (PAGES / "markdown.txt").read_text(encoding="utf-8")
    file_lines = text.split("\n")
    decisions = explain_text_page(text)
    for decision in decisions:
        assert file_lines[decision.line - 1].strip(), decision  # never a blank line of the file
    kept = [d for d in decisions if d.kept]
    assert file_lines[kept[0].line - 1].startswith("Pellow harbour council has voted")
    assert file_lines[kept[-1].line - 1].startswith("The first results are due")
    heading = next(d for d in kept if d.text == "What the study will measure")
    assert file_lines[heading.line - 1] == "## What the study will measure"


def test_old_mac_line_ends_are_lines_too():
    text = "[a](https://a.example/) [b](https://b.example/) [c](https://c.example/)\r\rOne\rtwo\r"
    assert plain_text(text) == "a b c\n\nOne two\n"


def test_lynx_struck_and_inserted_words_read_as_words():
    text = "[1]Home [2]News [3]Sport\n\nA headline he will never forget [DEL: it :DEL] [INS: her :INS]\n"
    assert plain_text(text) == "Home News Sport\n\nA headline he will never forget it her\n"


def test_a_link_title_with_escaped_quotes_and_a_definition_line():
    """A WordPress link's title quotes the headline ("Permanent Link to \"...\""), and a
    comment's text may come as a Markdown definition (":   ..."), its own line."""
    text = ('[a](/a) [b](/b) [c](/c)\n\n[Keeper retires](https://x.example/k "Permanent Link to \\"Keeper retires\\"")\n\n'
            "Ann says:\n:   What a loss for the harbour.\n")
    assert plain_text(text) == "a b c\n\nKeeper retires\n\nAnn says:\n:   What a loss for the harbour.\n"


def test_a_heading_of_a_category_link_and_a_headline_link_is_two_headings():
    """A post's heading holding its category's link before the headline's reads as the
    page shows it: the category apart, the headline alone (issue 4)."""
    page = ("[Home](/) [Sport](/sport) [Weather](/weather)\n\n"
            "## [Harbour](https://x.example/category/harbour \"View all posts in Harbour\") "
            "[Pellow harbour keeper retires after forty years](https://x.example/2024/05/keeper-retires)\n\n"
            "By Ann Fisher | May 3, 2024\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984, "
            "retired on Friday with a party on the quay attended by most of the village.\n\n"
            "The council said a successor would be named in June, after a search that drew "
            "applicants from as far as the northern isles.\n")
    cleaned, starts = plain_page(page)
    assert cleaned.split("\n")[2:4] == ["Harbour", "Pellow harbour keeper retires after forty years"]
    assert starts[2:4] == [2, 2]  # both on the heading's line of the file
    assert extract_text_page(page).title == "Pellow harbour keeper retires after forty years"


def test_a_heading_with_words_between_its_links_stays_one_line():
    page = "[a](/a) [b](/b) [c](/c)\n\n## [Ann](/ann) and [Bo](/bo) win the regatta\n"
    assert plain_text(page) == "a b c\n\nAnn and Bo win the regatta\n"


def test_a_lynx_number_glued_between_a_word_and_an_arrow_goes():
    """lynx numbers a "»" link glued to the word before it ("Comments[23]»", issue 4); an
    index or a footnote mark is never followed by an arrow."""
    text = "[1]Home [2]News [3]Sport\n\nComments[23]» Next[24]›\n\nLater work[5] used a[1] twice.\n"
    assert plain_text(text) == "Home News Sport\n\nComments» Next›\n\nLater work[5] used a[1] twice.\n"


def test_underlined_headings_are_headings_of_their_own():
    """markdownify's and pandoc's default heading style underlines the heading's line
    ("Setext"); joined to its underline, the headline was lost (issue 4)."""
    page = ("[Home](/) [Sport](/sport) [Weather](/weather)\n\n"
            "Pellow harbour keeper retires after forty years\n"
            "===============================================\n\n"
            "By Ann Fisher | May 3, 2024\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984, "
            "retired on Friday with a party on the quay attended by most of the village.\n\n"
            "Who comes next\n--------------\n"
            "The council said a successor would be named in June, after a search that drew "
            "applicants from as far as the northern isles.\n")
    cleaned = plain_text(page).split("\n")
    assert cleaned[2:4] == ["Pellow harbour keeper retires after forty years", ""]
    assert cleaned[9:11] == ["Who comes next", ""]
    article = extract_text_page(page)
    assert article.title == "Pellow harbour keeper retires after forty years"
    assert "=" not in article.body and "-" not in article.body


def test_a_heading_wrapped_inside_its_link_is_one_heading():
    """html2text wraps a long heading's link over lines; the heading is all of them, not
    its first line (issue 4)."""
    page = ("[Home](/) [Sport](/sport) [Weather](/weather)\n\n"
            "## [Pellow harbour keeper retires after forty\n"
            "years](https://x.example/2024/05/keeper-retires \"Permanent Link to Pellow harbour\n"
            "keeper retires after forty years\")\n\n"
            "By Ann Fisher | May 3, 2024\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984, "
            "retired on Friday with a party on the quay attended by most of the village.\n\n"
            "The council said a successor would be named in June, after a search that drew "
            "applicants from as far as the northern isles.\n")
    cleaned, starts = plain_page(page)
    assert cleaned.split("\n")[2:4] == ["Pellow harbour keeper retires after forty years", ""]
    assert starts[2:4] == [2, 5]
    assert extract_text_page(page).title == "Pellow harbour keeper retires after forty years"


def test_a_heading_that_never_closes_its_link_ends_at_a_blank_line():
    page = "[a](/a) [b](/b) [c](/c)\n\n## [Harbour news\nfrom Pellow\n\nThe keeper (who retires) spoke.\n"
    assert plain_text(page) == "a b c\n\n[Harbour news from Pellow\n\nThe keeper (who retires) spoke.\n"


def test_html_kept_in_a_markdown_page_goes_and_its_text_stays():
    """pandoc's Markdown keeps the page's <div>s and <span>s and a link with a title as
    HTML, a tag wrapped over lines; the page read no headline (issue 4)."""
    page = ("<div id=\"wrapper\">\n\n[Home](/) [Sport](/sport) [Weather](/weather)\n\n"
            "<div id=\"post-7\"\nclass=\"post type-post status-publish\">\n\n"
            "## <a href=\"https://x.example/2024/05/keeper-retires\"\nrel=\"bookmark\"\n"
            "title=\"Permanent Link to Pellow harbour keeper retires\">Pellow\nharbour keeper retires</a>\n\n"
            "By <span class=\"author\">Ann Fisher</span> | May 3, 2024<br />\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984,\n"
            "retired on Friday with a party on the quay attended by most of the village.\n\n"
            "The council said a successor would be named in June, after a search that drew\n"
            "applicants from as far as the northern isles.<!-- -->\n\n</div>\n\n</div>\n")
    cleaned = plain_text(page)
    assert "<" not in cleaned and ">" not in cleaned
    assert "\nPellow harbour keeper retires\n" in cleaned and "By Ann Fisher | May 3, 2024" in cleaned
    article = extract_text_page(page)
    assert article.title == "Pellow harbour keeper retires"
    assert article.body.endswith("applicants from as far as the northern isles.")


def test_html_in_a_code_span_or_in_prose_is_left_alone():
    page = ("[a](/a) [b](/b) [c](/c)\n\nYou may use these tags: `<a href=\"\"> <b> <em>`\n\n"
            "Scores of 3 <b and c> 2 were given.\n")
    assert plain_text(page) == ("a b c\n\nYou may use these tags: `<a href=\"\"> <b> <em>`\n\n"
                                "Scores of 3 <b and c> 2 were given.\n")


def test_pandoc_markdown_divs_spans_and_attributes_go():
    """pandoc's own Markdown marks each <div> with a `:::` line and gives links, spans and
    headings their HTML attributes in braces; the headline read "Headline{rel=...}" and
    the `:::` lines were joined to the lines around them (issue 4)."""
    page = ("::: {#wrapper}\n::: {#nav}\n-   [Home](/)\n-   [Sport](/sport)\n-   [Weather](/weather)\n:::\n\n"
            "::: {#post-7 .post .type-post}\n::: post-header\n"
            "## [Pellow harbour keeper retires](https://x.example/k \"Permanent Link\"){rel=\"bookmark\"}\n\n"
            "By [Ann Fisher]{.author} on [May 3, 2024]{.time dir=\"ltr\"}\n:::\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984,\n"
            "retired on Friday with a party on the quay that cost the village \\$400.[]{#more-7}\n\n"
            "### Who comes next {#who-comes-next}\n\n"
            "The council said a successor would be named in June, after a search that drew\n"
            "applicants from as far as the northern isles, as [reported](https://x.example/r){target=\"_blank\"}.\n"
            ":::\n:::\n")
    cleaned = plain_text(page)
    assert ":::" not in cleaned and "{" not in cleaned and "\\" not in cleaned
    assert "\nPellow harbour keeper retires\n" in cleaned and "\nBy Ann Fisher on May 3, 2024\n" in cleaned
    assert "the village $400.\n" in cleaned and "\nWho comes next\n" in cleaned
    article = extract_text_page(page)
    assert article.title == "Pellow harbour keeper retires"
    assert article.body.endswith("northern isles, as reported.")


def test_braces_in_prose_on_a_markdown_page_stay():
    page = "[a](/a) [b](/b) [c](/c)\n\nThe set {1, 2, 3} and f(x){x = 1} stay.\n"
    assert plain_text(page) == "a b c\n\nThe set {1, 2, 3} and f(x){x = 1} stay.\n"


GRID_PAGE = """\
+------------+-----------------------------------------------------+
| Home       | Pellow harbour keeper retires after forty years     |
|            |                                                     |
| Sport      | By Ann Fisher, May 3, 2024                          |
|            |                                                     |
| Weather    | The keeper of Pellow harbour, who has raised and    |
|            | lowered its flood gates since 1984, retired on      |
| About us   | Friday with a party on the quay attended by most of |
|            | the village.                                        |
|            |                                                     |
|            | The council said a successor would be named in      |
|            | June, after a search that drew applicants from as   |
|            | far as the northern isles.                          |
|            |                                                     |
|            | +-----------+                                       |
|            | | Share     |                                       |
|            | +-----------+                                       |
+------------+-----------------------------------------------------+
| Copyright 2024 The Pellow Gazette                                |
+------------+-----------------------------------------------------+
"""


def test_a_grid_table_is_read_cell_by_cell():
    """pandoc's plain text and Markdown draw a page laid out in a table as a grid, each
    cell wrapped to its column: the lines read across cut every sentence (issue 4)."""
    cleaned, starts = plain_page(GRID_PAGE)
    lines = cleaned.split("\n")
    assert lines[:8] == ["Home", "", "Sport", "", "Weather", "", "About us", ""]
    assert ("The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984, "
            "retired on Friday with a party on the quay attended by most of the village.") in lines
    assert "Share" in lines and not any("|" in line or "+-" in line for line in lines)
    keeper = lines.index("Pellow harbour keeper retires after forty years")
    assert starts[keeper] == 1 and starts[lines.index("Share")] == 15  # the file's lines they start on
    article = extract_text_page(GRID_PAGE)
    assert article.title == "Pellow harbour keeper retires after forty years"
    assert article.body.startswith("The keeper of Pellow harbour") and article.body.endswith("northern isles.")


def test_a_table_like_line_in_prose_is_left_alone():
    text = "Scores went +-5 on the day.\n\n| a | b |\n\n+---+ and + - + are drawn here.\n"
    assert plain_text(text) == text


def test_a_text_browsers_list_of_link_elements_goes():
    """links and elinks print the page's <link> elements first ("Link: prev: ..."); their
    titles name other pages and were read as the headline (issue 4)."""
    page = ("   Link: canonical\n   Link: prev: Pellow regatta postponed\n   Link: Pellow Gazette - RSS (alternate)\n\n"
            "                         The Pellow Gazette\n\n"
            "Pellow harbour keeper retires after forty years\n\n   By Ann Fisher, May 3, 2024\n\n"
            "   The keeper of Pellow harbour, who has raised and lowered its flood gates since 1984,\n"
            "   retired on Friday with a party on the quay attended by most of the village.\n\n"
            "   The council said a successor would be named in June, after a search that drew\n"
            "   applicants from as far as the northern isles.\n")
    cleaned = plain_text(page)
    assert cleaned.startswith("\n\n\n\n") and "Link:" not in cleaned and cleaned.count("\n") == page.count("\n")
    assert extract_text_page(page).title == "Pellow harbour keeper retires after forty years"


def test_a_link_line_below_the_page_top_stays():
    text = "Harbour news\n\nLink: the council's report on the lagoon.\n"
    assert plain_text(text) == text


def test_elinks_list_of_addresses_goes_too():
    """elinks heads its list "References" then "Visible links", and starts it past 1."""
    text = ("[6]Home [7]News [8]Sport\n\nThe harbour council voted on Tuesday.\n\nReferences\n\n"
            "   Visible links\n   6. https://x.example/\n   7. https://x.example/news\n"
            "   8. Sport pages\n\thttps://x.example/sport\n")
    assert plain_text(text) == "Home News Sport\n\nThe harbour council voted on Tuesday.\n\n"


def test_a_long_heading_wrapped_onto_the_line_under_it_is_one_heading():
    """html2text wraps a long heading's text as it wraps prose (issue 4); a short heading
    with text right under it keeps to its line."""
    page = ("[Home](/) [Sport](/sport) [Weather](/weather)\n\n"
            "# Pellow harbour keeper retires after forty years of raising the flood\n"
            "gates\n\n"
            "By Ann Fisher | May 3, 2024\n\n"
            "The keeper of Pellow harbour, who has raised and lowered its flood gates since\n"
            "1984, retired on Friday with a party on the quay attended by most of the village.\n\n"
            "### Who comes next\nThe council said a successor would be named in June.\n")
    lines = plain_text(page).split("\n")
    assert lines[2:4] == ["Pellow harbour keeper retires after forty years of raising the flood gates", ""]
    assert lines[-3:] == ["Who comes next", "The council said a successor would be named in June.", ""]
    assert extract_text_page(page).title == "Pellow harbour keeper retires after forty years of raising the flood gates"


def test_a_pandoc_span_around_a_link_goes_with_its_brackets():
    """pandoc wraps a headline's link in a span (`[ [Headline](/h)]{#title-7}`): once the
    link is gone the span's brackets and attributes go too; and the "\\" it ends a line
    with for a <br> goes where no line follows (issue 4)."""
    page = ("[a](/a) [b](/b) [c](/c)\n\n"
            "## [ [Pellow harbour keeper retires](https://x.example/k)]{#title-7}\n\n"
            "By [[Ann Fisher]{.name}](https://x.example/ann){rel=\"author\"}\\\n\nC:\\\\\n")
    assert plain_text(page) == "a b c\n\nPellow harbour keeper retires\n\nBy Ann Fisher\n\nC:\\\n"


# The by-line and article under the headline of the Markdown pages without links below.
KEEPER_STORY = (
    "By Ann Fisher | May 3, 2024\n\n"
    "The keeper of Pellow harbour, who has raised and lowered its flood gates since\n"
    "1984, retired on Friday with a **party** on the quay attended by most of the village.\n\n"
    "The council said a successor would be named in June, after a search that drew\n"
    "applicants from as far as the northern isles.\n"
)


def test_markdown_without_links_is_known_by_its_heading_levels():
    """html2text told to leave links out writes Markdown with none: its "# Site" and
    "## Headline" headings say what it is, and the headline read "## Headline" (issue 4).
    A plain page whose lines start with "# " at one level is left alone."""
    page = ("# The Pellow Gazette\n\n  * Home\n  * Sport\n\n* * *\n\n"
            "## Pellow harbour keeper retires after forty years\n\n"
            + KEEPER_STORY)
    cleaned = plain_text(page)
    assert "#" not in cleaned and "**" not in cleaned and "* * *" not in cleaned
    assert extract_text_page(page).title == "Pellow harbour keeper retires after forty years"
    plain = "Gadgets\n\n# Laser projectors\n# Small desktops\n# 3D printers\n\nOur pick of the week.\n"
    assert plain_text(plain) == plain


def test_markdown_without_links_is_known_by_its_underlined_headings_too():
    """markdownify told to strip links underlines its headings ("=====" for the site's,
    "-----" for the headline): two levels, a Markdown page."""
    page = ("The Pellow Gazette\n==================\n\n* Home\n* Sport\n\n"
            "Pellow harbour keeper retires after forty years\n"
            "-----------------------------------------------\n\n"
            + KEEPER_STORY)
    cleaned = plain_text(page)
    assert "===" not in cleaned and "---" not in cleaned and "**" not in cleaned
    assert extract_text_page(page).title == "Pellow harbour keeper retires after forty years"
    plain = "Harbour news\n------------\n\nThe keeper retired on Friday, the council said.\n"
    assert plain_text(plain) == plain


def test_reference_pictures_go_with_their_numbers():
    """html2text with reference links writes a picture as `![alt][7]`, often inside a link
    (`[![][7]][8]`): the numbers left behind cut the article's sentences (issue 4)."""
    page = ("[Home][1] [Sport][2] [Weather][3]\n\n"
            "The keeper of Pellow harbour ![the keeper on the quay][4] retired on Friday [![][5]][6] "
            "with a party on the quay.\n\n  [1]: https://x.example/\n  [4]: https://x.example/k.jpg\n")
    assert plain_text(page) == ("Home Sport Weather\n\n"
                                "The keeper of Pellow harbour  retired on Friday  with a party on the quay.\n\n\n")
