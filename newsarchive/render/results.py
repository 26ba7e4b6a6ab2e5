"""Rich views of search output: hits with snippets, concordance lines, facets, a timeline chart
and the parsed query tree.

Article text is untrusted: every piece passes `clean_terminal_text` and goes into a
`rich.text.Text` as plain text, never into a markup string, so neither escape sequences nor
Rich markup from an article reach the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

from newsarchive.render.sanitize import clean_terminal_text as clean

MATCH_STYLE = "bold yellow"
ID_STYLE = "cyan"
DIM = "dim"


def _one_line(value: Any) -> str:
    """Untrusted text made safe and flat (snippets and context are single lines)."""
    return " ".join(clean(str(value or "")).split())


def snippet_text(segments: Iterable[tuple[str, bool]]) -> Text:
    """A snippet as Text, its match segments styled."""
    text = Text()
    for piece, is_match in segments:
        text.append(" ".join(clean(piece).split(" ")).replace("\n", " "), style=MATCH_STYLE if is_match else "")
    return text


def render_hits(results: Any) -> RenderableType:
    """Numbered hits, each the title, then date, source and id, then the snippet; long lines
    wrap inside their column, so the numbers stay clear."""
    shown = len(results.hits)
    first = results.offset + 1
    summary = f"{results.total:,} article{'s' if results.total != 1 else ''} found"
    if shown and shown < results.total:
        summary += f", showing {first:,}–{first + shown - 1:,}"
    return Group(Text(summary, style=DIM), _Hits(results.hits, first))


def _hit_text(hit: Any) -> Text:
    cell = Text()
    cell.append(_one_line(hit.title) or "(untitled)", style="bold")
    cell.append("\n")
    for value in (hit.published, _one_line(hit.source or hit.site)):
        if value:
            cell.append(value + " · ", style="magenta")
    cell.append(hit.id, style=ID_STYLE)
    if hit.snippet:
        cell.append("\n")
        cell.append_text(snippet_text(hit.snippet))
    return cell


class _Hits:
    """The numbered hits: the number right-aligned in a column of its own, each hit's lines
    wrapped to the width left beside it. Laid out here rather than by a Rich table, which
    measures every cell first and costs a search twice as much to print (and its import)."""

    def __init__(self, hits: Sequence[Any], first: int) -> None:
        self.hits, self.first = hits, first

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        numbers = [f"{n}." for n in range(self.first, self.first + len(self.hits))]
        number_width = max(map(len, numbers), default=0)
        width = max(1, options.max_width - number_width - 1)
        number_style = console.get_style(DIM)
        blank = Segment(" " * (number_width + 1))
        new_line = Segment.line()
        for number, hit in zip(numbers, self.hits):
            for i, line in enumerate(_hit_text(hit).wrap(console, width, justify="left", overflow="ellipsis")):
                yield Segment(number.rjust(number_width) + " ", number_style) if i == 0 else blank
                yield from line.render(console)
                yield new_line


class _Concordance:
    """Keyword-in-context lines laid out to the console's width, matches in one column."""

    def __init__(self, lines: Sequence[Any]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.lines:
            return
        width = options.max_width
        id_width = max(len(line.id[:12]) for line in self.lines)
        matches = [_one_line(line.match) for line in self.lines]
        match_width = min(max(len(m) for m in matches), max(8, width // 4))
        side = max(10, (width - id_width - match_width - 4) // 2)
        for line, match in zip(self.lines, matches):
            left = _one_line(line.left)
            left = left[-side:] if len(left) > side else left
            right = _one_line(line.right)[:side]
            row = Text(no_wrap=True, overflow="crop")
            row.append(line.id[:12].ljust(id_width), style=ID_STYLE)
            row.append("  " + left.rjust(side) + " ")
            row.append(match[:match_width], style=MATCH_STYLE)
            row.append(" " * (match_width - len(match[:match_width])) + " " + right)
            yield row


def render_kwic(lines: Sequence[Any]) -> RenderableType:
    """A concordance: left context right-aligned, the match in one column, right context."""
    return _Concordance(lines)


def render_facets(facets: dict[str, list[tuple[str, int]]], *, top: int = 15) -> RenderableType:
    """One small count table per facet, side by side."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 4))
    tables = []
    for name, counts in facets.items():
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column(name, max_width=32, overflow="ellipsis", no_wrap=True)
        table.add_column("hits", justify="right")
        for value, count in counts[:top]:
            table.add_row(Text(_one_line(value)), f"{count:,}")
        if len(counts) > top:
            table.add_row(Text(f"… {len(counts) - top} more", style=DIM), "")
        tables.append(table)
    if tables:
        grid.add_row(*tables)
    return grid


class _Timeline:
    """Horizontal bars, one per year or month, scaled to the widest count."""

    def __init__(self, buckets: Sequence[tuple[str, int]]) -> None:
        self.buckets = buckets

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.buckets:
            return
        label_width = max(len(label) for label, _ in self.buckets)
        count_width = max(len(f"{n:,}") for _, n in self.buckets)
        bar_width = max(10, options.max_width - label_width - count_width - 3)
        peak = max(n for _, n in self.buckets) or 1
        for label, n in self.buckets:
            eighths = round(n / peak * bar_width * 8)
            bar = "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]
            row = Text(no_wrap=True, overflow="crop")
            row.append(label.ljust(label_width) + " ", style="bold")
            row.append(f"{n:,}".rjust(count_width) + " ", style=DIM)
            row.append(bar, style="green")
            yield row


def render_timeline(buckets: Sequence[tuple[str, int]]) -> RenderableType:
    """A terminal bar chart of hits per year (or month)."""
    return _Timeline(buckets)


def render_query_tree(text: str) -> RenderableType:
    """The parsed query (from `search.query.format_tree`), operators and fields styled."""
    out = Text()
    for number, line in enumerate(clean(text).splitlines()):
        if number:
            out.append("\n")
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        out.append(indent)
        head, _, rest = stripped.partition(" ")
        if head in ("AND", "OR", "NOT", "NEAR"):
            out.append(head, style="bold blue")
            out.append((" " + rest) if rest else "", style=DIM)
        elif head == "in":
            out.append(stripped, style="magenta")
        else:
            out.append(head + " ", style=DIM)
            out.append(rest, style="green")
    return out
