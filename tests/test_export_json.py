"""The JSON export: the DESIGN.md record as an array, `[]` when empty (issue 7)."""

from __future__ import annotations

import json

from newsarchive.export import export_records
from newsarchive.export.json import export_json_record
from newsarchive.model import RECORD_FIELDS
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
HOSTILE = json.loads((FIXTURES / "export" / "hostile.json").read_text(encoding="utf-8"))


def test_array_of_records_with_fields_in_design_order():
    text = export_records("json", RECORDS)
    assert json.loads(text) == RECORDS
    assert list(json.loads(text)[0])[: len(RECORD_FIELDS)] == list(RECORD_FIELDS)
    assert text.startswith('[\n  {\n    "id": ')
    assert text.endswith("]\n")


def test_empty_export_is_an_empty_array():
    assert export_records("json", []).strip() == "[]"


def test_non_ascii_is_kept_as_is():
    text = export_records("json", RECORDS)
    assert "Zürich’s “100% renewable” plan" in text
    assert "\\u" not in text


def test_terminal_controls_are_escaped_yet_read_back_identical():
    text = export_records("json", [HOSTILE])
    assert json.loads(text) == [HOSTILE]
    for raw in ("\x1b", "\x07", "\u202e", "\u202c", "\r"):
        assert raw not in text
    assert "\\u202e" in text and "\\u001b" in text


def test_one_record_file_is_an_object():
    assert json.loads(export_json_record(RECORDS[0])) == RECORDS[0]
