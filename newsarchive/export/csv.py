"""CSV: a header row, then one row per article, quoted as RFC 4180 asks.

Lists are joined with "; ", notes as "time: text", origin as compact JSON. Spreadsheets run
cells that start with = + - @ (or a tab or CR before them) as formulas, so such cells get a
leading apostrophe; article text also loses terminal control characters.
"""

from __future__ import annotations

import csv
import io
from typing import Any, Sequence

from newsarchive.export.json import dumps
from newsarchive.model import RECORD_FIELDS
from newsarchive.export.escapes import clean_terminal_text

LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """The cell as text a spreadsheet shows and never evaluates."""
    cleaned = clean_terminal_text(value)
    # Checked before cleaning too: a leading CR is stripped but was there to hide a formula.
    if value.startswith(FORMULA_STARTS) or cleaned.startswith(FORMULA_STARTS):
        return "'" + cleaned
    return cleaned


def cell_text(name: str, value: Any) -> str:
    """One field of a record as the text of its cell."""
    if value is None:
        return ""
    if name == "notes" and isinstance(value, list):
        return LIST_SEPARATOR.join(
            f"{n.get('at', '')}: {n.get('text', '')}" if isinstance(n, dict) else str(n) for n in value
        )
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, dict):
        return dumps(value)
    return str(value)


def export_csv(records: Sequence[dict[str, Any]]) -> str:
    """The header row and one row per record; the header alone when there are none."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(RECORD_FIELDS)
    for record in records:
        writer.writerow([neutralise_cell(cell_text(name, record.get(name))) for name in RECORD_FIELDS])
    return out.getvalue()
