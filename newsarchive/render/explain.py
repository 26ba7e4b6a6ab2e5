"""The `import --explain` view: each block of a text page, kept or not, and why."""

from __future__ import annotations

from typing import Any, Sequence

from rich.table import Table
from rich.text import Text

from newsarchive.render.sanitize import clean_terminal_text as clean

PREVIEW_CHARS = 70
SHOWN_FEATURES = ("words", "stop_density", "weight")


def render_block_decisions(path: str, decisions: Sequence[Any]) -> Table:
    table = Table(title=Text(clean(path), style="bold"), title_justify="left", box=None, header_style="bold",
                  pad_edge=False, show_lines=False)
    table.add_column("line", justify="right", style="dim")
    table.add_column("", no_wrap=True)
    table.add_column("role", no_wrap=True)
    table.add_column("text", ratio=3, overflow="fold")
    table.add_column("why", ratio=2, overflow="fold", style="dim")
    for decision in decisions:
        preview = " ".join(decision.text.split())
        if len(preview) > PREVIEW_CHARS:
            preview = preview[: PREVIEW_CHARS - 1] + "…"
        # The three features that decide most blocks; --json has them all.
        features = ", ".join(f"{k}={decision.features[k]}" for k in SHOWN_FEATURES if k in decision.features)
        table.add_row(
            str(decision.line),
            Text("kept", style="green") if decision.kept else Text("out", style="red"),
            Text(decision.role, style="bold" if decision.kept else ""),
            Text(clean(preview)),
            Text(f"{clean(decision.rule)} ({features})"),
        )
    return table
