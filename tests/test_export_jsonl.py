"""The JSON Lines export: one record per line, nothing when empty (issue 7)."""

from __future__ import annotations

import json

from newsarchive.export import export_records
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
HOSTILE = json.loads((FIXTURES / "export" / "hostile.json").read_text(encoding="utf-8"))


def test_one_record_per_line():
    text = export_records("jsonl", RECORDS + [HOSTILE])
    lines = text.splitlines()
    assert len(lines) == 3 and text.endswith("\n")
    assert [json.loads(line) for line in lines] == RECORDS + [HOSTILE]


def test_newlines_in_the_body_stay_inside_the_line():
    text = export_records("jsonl", [HOSTILE])
    assert text.count("\n") == 1 and "\x1b" not in text and "\u202e" not in text


def test_empty_is_empty():
    assert export_records("jsonl", []) == ""
