"""JSON: the records of DESIGN.md as one array (`[]` when empty), 2-space indent.

Non-ASCII text is kept as is. Characters a terminal would act on are written as \\u
escapes (orjson already does so for C0 controls; DEL, C1 controls and bidi overrides are
escaped here), so the JSON reads back identical yet prints harmlessly.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import orjson

_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value: Any, *, indent: bool = False) -> str:
    """`value` as JSON text with terminal-unsafe characters escaped; shared by jsonl and CSL."""
    text = orjson.dumps(value, default=str, option=OPTIONS | (orjson.OPT_INDENT_2 if indent else 0)).decode()
    # These characters can only occur inside JSON strings, where \uXXXX means the same.
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def export_json(records: Sequence[dict[str, Any]]) -> str:
    """All records as a JSON array with a trailing newline."""
    return dumps(list(records), indent=True) + "\n"


def export_json_record(record: dict[str, Any]) -> str:
    """One record as a JSON object: the file per article, and `show --format json`."""
    return dumps(record, indent=True) + "\n"
