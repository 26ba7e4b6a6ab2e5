"""The text-page importer (format "text"): the seed, furniture, site learning, explain mode,
encodings, credit lines, and that arbitrary text never breaks it with anything but
BadInputError."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext, extractor_for
from newsarchive.extract.bylines import parse_byline, parse_dateline, parse_reviewer, parse_source
from newsarchive.extract.textblocks import split_blocks
from newsarchive.extract.textpage import (
    BlockDecision,
    explain_text_page,
    extract_text_file,
    extract_text_page,
    learnable_lines,
    normalise_line,
)
from newsarchive.model import Article

from .conftest import FIXTURES, requires_shared

PAGES = FIXTURES / "text" / "pages"


def read_one(path, **context) -> Article:
    results = list(extract_text_file(path.read_bytes(), ExtractContext(path=str(path), **context)))
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


def test_the_format_registry_points_here():
    assert extractor_for("text") is extract_text_file


# The seed (issue 3, part 4): exactly as expected.json says.

def test_seed_imports_as_expected():
    """Regression for issue 3: the seed page reads exactly as ../shared/seed/expected.json says."""
    seed = requires_shared("seed")
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))
    article = read_one(seed / expected["file"])
    for name, value in expected["fields"].items():
        if name == "site":
            assert "webmd" in (article.site or "").lower()
        else:
            assert getattr(article, name) == value, name
    assert article.site == "Boots WebMD"
    assert article.body.startswith(expected["body_starts_with"])
    assert article.body.rstrip().endswith(expected["body_ends_with"])
    for text in expected["body_contains"]:
        assert text in article.body
    for text in expected["body_excludes"]:
        assert text not in article.body
    assert article.headings == expected["headings"]
    assert 440 <= article.word_count <= 470
    assert article.language == "en"
    assert "\n\n\n" not in article.body


# Pages with no article.

def test_a_menu_only_page_is_bad_input_naming_the_file():
    path = PAGES / "menu-only.txt"
    with pytest.raises(BadInputError) as caught:
        list(extract_text_file(path.read_bytes(), ExtractContext(path=str(path))))
    assert caught.value.path == str(path)
    assert "no article" in caught.value.message


@pytest.mark.parametrize("data", [b"", b"   \n\n  \n", "\ufeff".encode("utf-8")])
def test_an_empty_page_is_bad_input(data, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(BadInputError) as caught:
        list(extract_text_file(path.read_bytes(), ExtractContext(path=str(path))))
    assert caught.value.path == str(path)


def test_a_binary_file_is_bad_input(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(BadInputError):
        list(extract_text_file(path.read_bytes(), ExtractContext(path=str(path))))


def test_extract_text_page_raises_without_a_path():
    with pytest.raises(BadInputError) as caught:
        extract_text_page((PAGES / "menu-only.txt").read_text(encoding="utf-8"))
    assert caught.value.path is None


# Furniture, and furniture learned from the rest of the site.

def test_related_links_and_footer_stay_out():
    article = read_one(PAGES / "reader-appeal.txt")
    assert article.title == "Hill farmers turn to wool insulation as fleece prices slump"
    assert article.authors == ["Gareth Moss"]
    assert article.published == "2021-03-14"
    assert article.section == "Farming"
    assert article.site == "The Upland Courier"
    assert article.body.startswith("Sheep farmers in the uplands")
    assert article.body.endswith("before the autumn.")
    assert "Related stories" not in article.body
    assert "Auction prices" not in article.body


def test_a_line_the_site_repeats_is_furniture_even_when_it_reads_as_prose():
    path = PAGES / "reader-appeal.txt"
    appeal = "Our journalism is funded by readers like you"
    assert appeal in read_one(path).body  # alone, the page cannot tell
    learned = frozenset(learnable_lines(path.read_text(encoding="utf-8")))
    furniture = frozenset(line for line in learned if line.startswith(normalise_line(appeal)))
    assert furniture
    article = read_one(path, furniture=furniture)
    assert appeal not in article.body
    assert "Sheep farmers in the uplands" in article.body


def test_learned_lines_also_remove_a_paragraph_a_text_browser_wrapped():
    path = PAGES / "wrapped-dump.txt"
    text = path.read_text(encoding="utf-8")
    start = text.index("The mill stores sea water")
    paragraph = text[start : text.index("\n\n", start)]
    furniture = frozenset(normalise_line(line) for line in paragraph.splitlines())
    assert "The mill stores sea water" in read_one(path).body
    body = read_one(path, furniture=furniture).body
    assert "The mill stores sea water" not in body and "The tide mill at the mouth" in body


COMMENTED_POST = """Lanterns on the Harbour Wall

By Ada Brennan | March 3, 2022

The harbour festival opened on Friday with a row of paper lanterns along the old sea wall, lit one by one as the tide came in.

Volunteers had folded the lanterns over three weekends in the church hall, and the children of the village school painted every one of them.

Comments

I walked the whole wall with my grandson and we counted more than four hundred of them, which seemed like a wonderful way to spend the evening together.
"""


def test_a_comment_heading_the_site_repeats_still_ends_the_article():
    """Issue 4: "Comments" stands on every page of a blog, so the archive learns it; as
    plain furniture it no longer ended the article and the comment below joined the body."""
    furniture = frozenset({normalise_line("Comments")})
    body = extract_text_page(COMMENTED_POST, furniture=furniture).body
    assert body.startswith("The harbour festival opened")
    assert "grandson" not in body


TEMPLATED_POST = """Fennel and Orange Salad

By Ada Brennan | March 3, 2022

This salad came together on a cold evening when the fruit bowl held nothing but oranges and the fridge had one fennel bulb left over from the weekend.

The trick is to slice the fennel as thin as paper and to let it rest in the juice for ten minutes, so that it softens a little before the olives go in.

Why it works

The sweetness of the orange meets the faint bitterness of the fennel, and the olives bring enough salt that the dressing needs nothing more than a little oil.

Share this

Follow us
"""

def test_a_heading_every_article_of_the_site_carries_stays_in_the_body():
    """Issue 4: a sub-heading every article of a site carries recurs on its other pages and
    was learned as furniture; inside the article, below its prose, it stays."""
    furniture = frozenset(normalise_line(line) for line in ("Why it works", "Share this", "Follow us"))
    article = extract_text_page(TEMPLATED_POST, furniture=furniture)
    assert "Why it works" in article.headings
    assert article.body.endswith("a little oil.")


THREADED_POST = """HARBOUR LIGHTS

The lanterns went up along the sea wall on Friday night, and we stayed out until the tide turned to watch the last of them burn down.

5 Comments

Mia Holt
May 4, 2022 at 9:15 pm
Lovely!

Tom Reyes
May 4, 2022 at 10:02 pm
What a sight.

Lena Ward
May 5, 2022 at 8:40 am
I grew up two streets away from that wall and we used to walk along it every evening in the summer, so seeing it lit up like this brought back a great many memories of my grandmother and her dog.

Ravi Shah
May 5, 2022 at 9:12 am
We came down from the hills for the festival this year and the children have not stopped talking about the lanterns since, so I expect we will be back next year with their cousins as well.
"""


def test_a_run_inside_a_dated_thread_is_known_by_the_stamps_above_it_too():
    """Issue 4: a short post under a dated comment thread whose densest run (two long
    comments) holds only one stamp of its own is still known for the thread it is, by
    the stamps between the comment heading and the run."""
    body = extract_text_page(THREADED_POST).body
    assert body.startswith("The lanterns went up")
    assert "grandmother" not in body


def test_normalise_line_folds_case_digits_spacing_and_edge_marks():
    assert normalise_line("  © 2019 The Ledger.  All rights reserved. ") == "0 the ledger. all rights reserved"
    assert normalise_line("Share  on Facebook »") == normalise_line("share on facebook")
    assert normalise_line("Page 3 of 12") == normalise_line("Page 4 of 10")


def test_learnable_lines_skip_blank_and_tiny_lines():
    lines = learnable_lines("Home\n\n  \nok\nSign up for our newsletter\n" + "x" * 500)
    assert lines == {"home", "sign up for our newsletter"}


# Text-browser dumps wrap paragraphs at a fixed width.

def test_a_wrapped_dump_is_read_as_paragraphs():
    article = read_one(PAGES / "wrapped-dump.txt")
    assert article.title == "Volunteers restore the last working tide mill on the estuary"
    assert article.published == "2018-06-02"
    assert article.authors == ["Mara Quinn"]
    assert article.headings == ["How the mill will be used"]
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The tide mill at the mouth") and paragraphs[0].endswith("by hand.")
    assert len(paragraphs) == 5
    assert "Share this story" not in article.body and "©" not in article.body


def test_a_line_is_joined_only_when_its_first_word_could_not_fit_above():
    full = "word " * 15 + "wrapped"  # 82 columns: the page wraps at about 82
    page = "\n".join([full] * 24) + "\n" + full[:40] + "\nAdvertisement\n"
    blocks = split_blocks(page)
    assert [b.text for b in blocks][-1] == "Advertisement"
    assert len(blocks) == 2
    assert blocks[0].text.count("wrapped") == 24


def test_a_narrow_column_of_a_dump_is_joined_at_its_own_margin():
    import textwrap

    prose = " ".join(f"sentence number {n} of the wide paragraph goes on here." for n in range(60))
    wide = textwrap.wrap(prose, 90)
    column = textwrap.wrap(" ".join(f"the narrow column says thing {n} and more." for n in range(20)), 45)
    page = "\n".join(wide) + "\n\n" + "\n".join(" " * 30 + line for line in column) + "\n"
    blocks = split_blocks(page)
    assert len(blocks) == 2
    assert blocks[1].text.startswith("the narrow column says thing 0") and blocks[1].text.endswith("thing 19 and more.")


def test_a_lone_long_line_sets_no_column_margin():
    """Issue 4: a headline that is the longest line around it, with a menu label under it,
    is not a paragraph wrapped at its own length: the two stay apart."""
    import textwrap

    prose = " ".join(f"sentence number {n} of the wide paragraph goes on here." for n in range(60))
    wide = textwrap.wrap(prose, 98)
    headline = "Harbour light keeper hands over the keys after forty years on the tower steps"
    menu = "\n".join(f"Menu item {n}" for n in range(14))
    page = "\n".join(wide) + "\n\n" + menu + "\n\n" + headline + "\nWhat's New\nTimetables\n\n" + menu + "\n\n" + "\n".join(wide) + "\n"
    texts = [b.text for b in split_blocks(page)]
    assert headline in texts


def test_a_wide_table_of_links_does_not_hide_the_wrap_width():
    """Issue 4: a dump's table of link titles laid out in columns runs past the width its
    prose wraps at; its rows (gaps of spaces between the cells) do not count against that
    width, so a paragraph wrapped before a capitalised word stays one block."""
    import textwrap

    # (names enough that some lines wrap before a capital: "...said Ann" / "Fisher, ...")
    sentence = (
        "The harbour board met on Tuesday to decide the future of the Old Light, said Ann Fisher, "
        "and after a long evening agreed with Tom Hale and Mara Quinn to keep the North Tower open "
        "to visitors in the summer, while the Quay Office runs the lamp with Sam Reed. "
    )
    paragraphs = [textwrap.fill(sentence * 2, 72) for _ in range(4)]
    row = "Harbour »      Tides »       Weather »      Ferries »      Lights »       Boats »        Notices »"
    page = "\n".join([row] * 8) + "\n\n" + "\n\n".join(paragraphs) + "\n"
    texts = [b.text for b in split_blocks(page)]
    assert texts[-4:] == [" ".join((sentence * 2).split())] * 4


def test_a_short_dump_is_joined_at_its_longest_lines():
    """Issue 4: a short text-browser dump has too few wrapped lines for `wrap_width`, but
    several lines reach the same last column and none runs past it: a line that breaks off
    mid-sentence there is joined to the next, though the next opens with a capital."""
    rule = "-" * 78
    lines = [
        "The ferry to the north island left an hour late on Monday because the crew of",
        "Harbour Control had to clear the fog warning first, and the passengers waited",
        "in the Quay Cafe drinking tea by the window.",
    ]
    paragraph = " ".join(lines)
    page = "Ferry news\n\n" + rule + "\n\n" + "\n".join(lines) + "\n\n" + rule + "\n\nA list item of its own.\nAnother item\n"
    texts = [b.text for b in split_blocks(page)]
    assert " ".join(paragraph.split()) in texts
    assert "A list item of its own." in texts and "Another item" in texts


def test_a_short_page_of_list_lines_is_not_joined_by_the_loose_width():
    """Issue 4: lines that end their sentence at the longest length stay apart."""
    items = [f"Item {n} is a complete sentence of the list that ends right here, with a stop." for n in range(4)]
    texts = [b.text for b in split_blocks("\n".join(items) + "\n")]
    assert texts == items


def test_unwrapped_lines_are_never_joined():
    page = "\n".join(f"Line {n} is a sentence of its own." for n in range(30))
    assert len(split_blocks(page)) == 30


# Explain mode.

def test_explain_gives_one_decision_per_block_with_reasons():
    text = (PAGES / "reader-appeal.txt").read_text(encoding="utf-8")
    decisions = explain_text_page(text)
    assert all(isinstance(d, BlockDecision) for d in decisions)
    assert len(decisions) == len(split_blocks(text))
    by_text = {d.text: d for d in decisions}
    assert by_text["Hill farmers turn to wool insulation as fleece prices slump"].role == "title"
    assert by_text["By Gareth Moss"].role == "byline"
    assert by_text["Farming"].role == "section" and by_text["14 March 2021"].role == "date"
    assert "headline" in by_text["Hill farmers turn to wool insulation as fleece prices slump"].rule
    related = by_text["Related stories"]
    assert not related.kept and related.role == "furniture" and related.rule
    kept = [d for d in decisions if d.kept]
    assert kept and all(d.role in ("body", "heading") for d in kept)
    assert {"words", "stop_density", "class"} <= set(kept[0].features)
    assert decisions[0].line == 1


# Encodings: the same page saved by different tools gives the same article.

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 with BOM": lambda text: text.encode("utf-16"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "cp1252": lambda text: text.encode("cp1252"),
    "mojibake": lambda text: mojibake(text).encode("utf-8"),
}


def mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252 and saved again ("â€™" for "’"); bytes CP1252 leaves
    undefined pass through as Latin-1, as the tools that make mojibake do."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_reads_the_same(encoding, tmp_path):
    source = (PAGES / "reader-appeal.txt").read_text(encoding="utf-8")
    text = source.replace("Eirlys Pugh", "Eirlys Pugh’s neighbour — “Dai” —")
    reference = extract_text_page(text)
    path = tmp_path / "page.txt"
    path.write_bytes(ENCODINGS[encoding](text))
    article = read_one(path)
    assert (article.title, article.body, article.published) == (reference.title, reference.body, reference.published)
    assert "’s neighbour — “Dai” —" in article.body
    assert "â€" not in article.body


def test_a_day_first_hint_reads_numeric_dates(tmp_path):
    text = (PAGES / "reader-appeal.txt").read_text(encoding="utf-8").replace("14 March 2021", "03/04/2021")
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    assert read_one(path, options={"dayfirst": True}).published == "2021-04-03"
    assert read_one(path, options={"dayfirst": False}).published == "2021-03-04"


# Credit lines.

@pytest.mark.parametrize(
    "line, names",
    [
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("By Anna Berg and Tom Hale", ["Anna Berg", "Tom Hale"]),
        ("By Anna Berg, Tom Hale and Li Wei", ["Anna Berg", "Tom Hale", "Li Wei"]),
        ("Posted by Mary Smith on Jul 24, 2012", ["Mary Smith"]),
        ("Von Hans Müller", ["Hans Müller"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("Door Pieter van Dijk en Sanne Bakker", ["Pieter van Dijk", "Sanne Bakker"]),
        ("Analysis by Joan Birch, Chief Harbour Analyst", ["Joan Birch"]),
        ("Opinion by Tom Hale", ["Tom Hale"]),
        ("Analysis by the numbers: a year on the ferries", None),
        ("By clicking here you agree to our terms", None),
        ("By the Associated Press", None),
        ("The mayor said the plan would go ahead", None),
    ],
)
def test_bylines(line, names):
    assert parse_byline(line) == names


def test_reviewer_and_source_lines():
    assert parse_reviewer("Medically Reviewed by Dr Rob Hicks") == "Dr Rob Hicks"
    assert parse_reviewer("Fact checked by Owen Pryce, Senior Editor") == "Owen Pryce"
    assert parse_reviewer("Reviewed by our readers as the best of the year!") is None
    assert parse_source("WebMD UK Health News") == "WebMD UK Health News"
    assert parse_source("Reuters") == "Reuters"
    assert parse_source("Health news") is None


def test_city_datelines():
    assert parse_dateline("SAO PAULO (Commodity News Service) - Prices rose.") == ("Commodity News Service", None, "Prices rose.")
    source, date_text, rest = parse_dateline("LONDON, 3 May 2016 - Shares rose.")
    assert (source, date_text, rest) == (None, "3 May 2016", "Shares rose.")
    assert parse_dateline("The results - good and bad - are in.") is None


# Anything at all: an Article or BadInputError, nothing else.

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000))
def test_arbitrary_text_gives_an_article_or_bad_input(text):
    try:
        article = extract_text_page(text)
    except BadInputError:
        return
    assert article.title.strip() and article.body.strip()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["", "By Ann Lee", "12 May 2020", "Share", "Related", "© 2020 X", "  * Home", "Advertisement"]),
            st.text(alphabet="abcdefghij klmnop.,:'\"ABC\u00e9\u2019-", min_size=0, max_size=300),
        ),
        max_size=60,
    )
)
def test_arbitrary_pages_of_lines_give_an_article_or_bad_input(lines):
    data = "\n".join(lines).encode("utf-8")
    try:
        results = list(extract_text_file(data, ExtractContext(path="page.txt")))
    except BadInputError as error:
        assert error.path == "page.txt"
        return
    assert len(results) == 1 and isinstance(results[0], Article)


# The furniture lexicon.

@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our free newsletter",
        "Advertisement",
        "Story continues below advertisement",
        "© 2021 The Upland Courier. All rights reserved.",
        "We use cookies to give you the best experience",
        "Lesen Sie auch: Wie gut ist die Region vorbereitet?",
        "Partager sur Facebook",
        "Noticias relacionadas",
        "Leggi anche",
        "Leia também",
        "Alle rechten voorbehouden",
        "Photo: Lukas Brandner / Getty Images",
        # issue 4: a comment form's labels, a sidebar's box and widget headings
        "Mail (will not be published) (required)",
        "Your email address will not be published. Required fields are marked *",
        "Recent Blog Posts",
        "Amazon.com Widgets",
    ],
)
def test_furniture_lines(line):
    from newsarchive.extract.furniture import furniture_reason

    assert furniture_reason(line, len(line.split()))


@pytest.mark.parametrize(
    "line",
    [
        "What happens next",
        "He shared the prize with two colleagues from the lab, who had worked on it for years.",
        "The council said the home would reopen next spring.",
        "Roads and schools",
        # issue 4: a long aside opening "RELATED:" is the author's, not a link
        "RELATED: the ferry company's other routes did no better this year. Apart from the summer "
        "crossing to the bird island, every one of them lost money, and two will close next spring.",
    ],
)
def test_prose_and_headings_are_not_furniture(line):
    from newsarchive.extract.furniture import furniture_reason

    assert furniture_reason(line, len(line.split())) is None
