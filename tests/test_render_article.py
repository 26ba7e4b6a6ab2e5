"""The reader view: headline, standfirst, metadata, body, quotes, notes, highlights (issue 7)."""

from __future__ import annotations

import io
import json

from rich.console import Console
from rich.segment import Segment

from newsarchive.render.article import highlight_pattern, render_article
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
ARTICLE = RECORDS[0]


def plain(renderable, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    console.print(renderable)
    return console.file.getvalue()


def segments(renderable, width: int = 80) -> list[Segment]:
    console = Console(file=io.StringIO(), width=width, color_system="truecolor", force_terminal=True)
    return list(console.render(renderable, console.options))


def line_of(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


def test_layout_order_headline_standfirst_metadata_body_notes():
    text = plain(render_article(ARTICLE))
    order = [
        "CCSVI for MS in the UK",
        "‘Liberation procedure’",
        "WebMD UK Health News · Boots WebMD",
        "The first CCSVI operations",
        "CCSVI - lack of evidence",
        "Notes",
        "Compare with the Buffalo study.",
    ]
    positions = [text.index(piece) for piece in order]
    assert positions == sorted(positions)
    head = text.splitlines()[:4]
    assert head[0].startswith("╭") and any("CCSVI for MS in the UK" in line and "│" in line for line in head)


def test_metadata_line_has_reviewer_words_reading_time_and_tags():
    meta = " ".join(plain(render_article(ARTICLE), width=200).split())
    words = ARTICLE["word_count"]
    assert (f"12 October 2010 · reviewed by Dr Rob Hicks · {words} words · 2 min read · #ccsvi, #ms") in meta


def test_paragraphs_are_spaced_and_wrapped_to_the_width():
    text = plain(render_article(ARTICLE), width=60)
    assert all(len(line.rstrip()) <= 60 for line in text.splitlines())
    lines = [line.rstrip() for line in text.splitlines()]
    second = next(i for i, line in enumerate(lines) if line.strip().startswith("Until now, UK patients"))
    # One blank line between paragraphs, and the first paragraph ran over several lines.
    assert lines[second - 1] == "" and lines[second - 2].strip().endswith("for the condition.")
    assert lines[second - 3] != ""


def test_quotation_is_indented_and_italic_heading_bold():
    text = plain(render_article(ARTICLE))
    quote = line_of(text, "“We know what happens")
    ordinary = line_of(text, "Until now, UK patients")
    assert len(quote) - len(quote.lstrip()) >= len(ordinary) - len(ordinary.lstrip()) + 3
    styled = segments(render_article(ARTICLE))
    quote_segment = next(s for s in styled if "We know what happens" in s.text)
    assert quote_segment.style.italic
    heading = next(s for s in styled if s.text.strip() == "CCSVI - lack of evidence")
    assert heading.style.bold


def test_highlight_marks_terms_case_insensitively_and_as_word_prefixes():
    styled = segments(render_article(ARTICLE, highlight=["VEIN", "ccsvi"]))
    marked = {s.text.lower() for s in styled if s.style and s.style.reverse}
    assert {"veins", "ccsvi"} <= marked
    assert all(word.startswith(("vein", "ccsvi")) for word in marked)
    unmarked = segments(render_article(ARTICLE))
    assert not [s for s in unmarked if s.style and s.style.reverse]


def test_highlight_pattern_escapes_regex_and_ignores_blank_terms():
    pattern = highlight_pattern(["a.b", "", "  ", "c+d"])
    assert pattern.search("a.b") and not pattern.search("axb") and pattern.search("c+d")
    assert not pattern.search("cd")
    assert highlight_pattern(["", " "]) is None


def test_highlight_takes_terms_straight_from_a_query():
    pattern = highlight_pattern(['"vein', 'narrowing"', "AND", "title:CCSVI", "-miracle", "(bates)", "OR",
                                 "NOT", "cure"])
    found = {m.group().lower() for m in pattern.finditer("Veins narrowing CCSVI Bates miracle cure AND or title")}
    assert found == {"veins", "narrowing", "ccsvi", "bates"}


def test_markup_in_text_is_printed_literally():
    record = dict(ARTICLE, title="[bold red]x[/] :smile:", body="[link=http://evil]click[/link]\n\n[red]y[/red]")
    text = plain(render_article(record))
    assert "[bold red]x[/] :smile:" in text
    assert "[link=http://evil]click[/link]" in text and "[red]y[/red]" in text


def test_a_minimal_record_renders():
    text = plain(render_article({"id": "x", "title": "", "body": "Just one line."}))
    assert "(untitled)" in text and "Just one line." in text and "3 words" in text


def test_block_quotes_are_set_apart_without_their_markers():
    record = dict(ARTICLE, body="He said:\n\n> It is not proven.\n> Not yet.\n\nThen he left.")
    text = plain(render_article(record))
    quote = line_of(text, "It is not proven.")
    assert ">" not in quote and quote.startswith("     It is not proven. Not yet.")
    styled = next(s for s in segments(render_article(record)) if "It is not proven" in s.text)
    assert styled.style.italic
