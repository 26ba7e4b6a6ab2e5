"""JSON Lines: one record per line, in the JSON of DESIGN.md; nothing at all when empty."""

from __future__ import annotations

from typing import Any, Sequence

from newsarchive.export.json import dumps


def export_jsonl(records: Sequence[dict[str, Any]]) -> str:
    """Each record as compact JSON on its own line."""
    return "".join(dumps(record) + "\n" for record in records)
