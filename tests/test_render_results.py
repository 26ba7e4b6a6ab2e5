"""Rich views of search output: content, layout, styled matches, and untrusted text kept inert."""

from __future__ import annotations

from rich.console import Console

from newsarchive.render.results import (
    MATCH_STYLE,
    render_facets,
    render_hits,
    render_kwic,
    render_query_tree,
    render_timeline,
    snippet_text,
)
from newsarchive.search.index import Hit, KwicLine, SearchResults
from newsarchive.search.query import format_tree, parse


def show(renderable, width: int = 100, color: bool = False) -> str:
    console = Console(width=width, record=True, color_system="truecolor" if color else None, force_terminal=color)
    console.print(renderable)
    return console.export_text(styles=color)


def hit(id_: str, title: str, snippet, **fields) -> Hit:
    return Hit(
        id=id_,
        title=title,
        published=fields.get("published"),
        source=fields.get("source"),
        site=fields.get("site"),
        score=1.0,
        snippet=snippet,
    )


def test_hits_show_title_date_source_id_and_snippet():
    results = SearchResults(
        "vein",
        total=7,
        hits=[
            hit("abc123", "Leg veins", [("The ", False), ("vein", True), (" carries blood", False)],
                published="2020-01-02", source="Health Daily"),
            hit("def456", "No date", [("Plain text", False)], site="example.org"),
        ],  # fmt: skip
        offset=0,
        limit=2,
    )
    out = show(render_hits(results))
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines == [
        "7 articles found, showing 1–2",
        "1. Leg veins",
        "   2020-01-02 · Health Daily · abc123",
        "   The vein carries blood",
        "2. No date",
        "   example.org · def456",
        "   Plain text",
    ]


def test_match_segments_are_styled():
    text = snippet_text([("before ", False), ("match", True), (" after", False)])
    assert text.plain == "before match after"
    styled = [(text.plain[s.start : s.end], str(s.style)) for s in text.spans]
    assert styled == [("match", MATCH_STYLE)]


def test_untrusted_text_is_inert():
    evil_title = "Evil \x1b[2J\x1b]0;pwned\x07[bold red]markup[/bold red]"
    results = SearchResults("x", 1, [hit("id1", evil_title, [("[link=file:///etc]x[/link] \x1b[31m", True)])])
    out = show(render_hits(results), color=True)
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x1b[31m" not in out
    plain = show(render_hits(results))
    assert "[bold red]markup[/bold red]" in plain  # shown literally, not interpreted
    assert "[link=file:///etc]x[/link]" in plain


def test_kwic_aligns_the_matches():
    lines = [
        KwicLine("aaaaaaaaaaaa", "a short left", "river", "then right context"),
        KwicLine("bbbbbbbbbbbb", "a much longer stretch of left context here", "rivers", "x"),
        KwicLine("cccccccccccc", "", "River", "at the start"),
    ]
    out = show(render_kwic(lines), width=80).splitlines()
    columns = {line.index(word) for line, word in zip(out, ["river", "rivers", "River"])}
    assert len(columns) == 1  # every match starts in the same column
    assert out[0].startswith("aaaaaaaaaaaa")
    assert out[0].rstrip().endswith("then right context")
    assert all(len(line) <= 80 for line in out)


def test_kwic_crops_long_context_on_the_outside():
    long_left = " ".join(f"left{i}" for i in range(40))
    long_right = " ".join(f"right{i}" for i in range(40))
    out = show(render_kwic([KwicLine("id", long_left, "MATCH", long_right)]), width=60)
    assert "left39 MATCH right0" in out
    assert "left0 " not in out and "right39" not in out


def test_facets_tables():
    out = show(render_facets({"year": [("2020", 3), ("2021", 12)], "source": [(f"src{i}", 1) for i in range(20)]}))
    assert "year" in out and "source" in out
    assert "2021" in out and "12" in out
    assert "… 5 more" in out


def test_timeline_bars_scale_to_the_peak():
    out = show(render_timeline([("2019", 1), ("2020", 0), ("2021", 4)]), width=50).splitlines()
    assert out[0].startswith("2019 1 ")
    assert out[1].strip() == "2020 0"
    bars = [line.count("█") for line in out]
    assert bars[2] > bars[0] > 0 and bars[1] == 0
    assert all(len(line) <= 50 for line in out)
    assert show(render_timeline([])) == ""


def test_query_tree():
    out = show(render_query_tree(format_tree(parse('title:flu -"side effects"'))))
    assert out.splitlines() == ["AND", "  in title:", "    word flu", "  NOT", '    phrase "side effects"']
