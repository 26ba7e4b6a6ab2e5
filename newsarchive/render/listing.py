"""Rich tables for `list` and `stats`. Every cell of article text is sanitised first."""

from __future__ import annotations

from typing import Any, Sequence

from rich.table import Table
from rich.text import Text

from newsarchive.render.sanitize import clean_terminal_text as clean


def render_article_table(records: Sequence[dict[str, Any]]) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("source", style="magenta", max_width=24, overflow="ellipsis", no_wrap=True)
    table.add_column("title", ratio=1, overflow="fold")
    table.add_column("words", justify="right")
    for record in records:
        table.add_row(
            record["id"],
            record.get("published") or "—",
            Text(clean(record.get("source") or record.get("site") or "")),
            Text(clean(record.get("title") or "")),
            str(record.get("word_count", "")),
        )
    return table


def render_stats(stats: dict[str, Any]) -> Table:
    """A grid of count tables: by year, by source, by tag."""
    grid = Table.grid(padding=(0, 4))
    columns = []
    for key, heading in (("by_year", "year"), ("by_source", "source"), ("by_tag", "tag")):
        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column(heading, max_width=30, overflow="ellipsis", no_wrap=True)
        table.add_column("articles", justify="right")
        for name, count in stats[key][:20]:
            table.add_row(Text(clean(str(name))), str(count))
        if len(stats[key]) > 20:
            table.add_row(Text(f"… {len(stats[key]) - 20} more", style="dim"), "")
        columns.append(table)
    grid.add_row(*columns)
    summary = Table.grid(padding=(0, 2))
    summary.add_row(Text("articles", style="bold"), str(stats["articles"]))
    summary.add_row(Text("words", style="bold"), f"{stats['words']:,}")
    summary.add_row(Text("archive size", style="bold"), _size(stats["archive_bytes"]))
    summary.add_row(Text("originals", style="bold"), f"{stats['originals']} ({_size(stats['originals_bytes'])})")
    outer = Table.grid()
    outer.add_row(summary)
    outer.add_row("")
    outer.add_row(grid)
    return outer


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def render_clusters(clusters: Sequence[Any]) -> Table:
    """Near-duplicate clusters: one block of rows per cluster, with its similarity."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("#", justify="right", style="dim")
    table.add_column("similar", justify="right")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("site / source", style="magenta", max_width=24, overflow="ellipsis", no_wrap=True)
    table.add_column("title", ratio=1, overflow="fold")
    for number, cluster in enumerate(clusters, start=1):
        for position, record in enumerate(cluster.records):
            table.add_row(
                str(number) if position == 0 else "",
                f"{cluster.similarity:.0%}" if position == 0 else "",
                record["id"],
                record.get("published") or "—",
                Text(clean(record.get("site") or record.get("source") or "")),
                Text(clean(record.get("title") or "")),
                end_section=position == len(cluster.records) - 1,
            )
    return table
