"""The CSV export: header row, RFC 4180 quoting, formula injection neutralised (issue 7)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsarchive.export import export_records
from newsarchive.export.csv import neutralise_cell
from newsarchive.model import RECORD_FIELDS
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))


def read_back(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_row_then_one_row_per_article():
    text = export_records("csv", RECORDS)
    assert text.startswith(",".join(RECORD_FIELDS) + "\r\n")
    rows = read_back(text)
    assert len(rows) == 2
    first, second = rows
    assert first["id"] == RECORDS[0]["id"]
    assert first["title"] == "CCSVI for MS in the UK"
    assert first["tags"] == "ccsvi; ms"
    assert first["notes"] == "2026-11-24T19:00:00+00:00: Compare with the Buffalo study."
    assert first["word_count"] == str(RECORDS[0]["word_count"])
    assert json.loads(first["origin"]) == RECORDS[0]["origin"]
    assert second["authors"] == "Anna Müller; O'Brien, Seán; Reuters"
    assert second["source"] == "" and second["subtitle"] == ""


def test_multi_line_body_with_quotes_and_commas_survives():
    row = read_back(export_records("csv", RECORDS))[0]
    assert row["body"] == RECORDS[0]["body"]
    assert "\n\n" in row["body"] and "“" in row["body"] and "," in row["body"]


@pytest.mark.parametrize(
    "value",
    ["=SUM(A1:A3)", "+44 20 7946", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://evil","x")'],
)
def test_formula_openings_get_a_leading_apostrophe(value):
    record = dict(RECORDS[1], title=value)
    cell = read_back(export_records("csv", [record]))[0]["title"]
    assert cell.startswith("'")
    assert cell[1:] == value.replace("\r", "")


def test_ordinary_cells_are_left_alone():
    assert neutralise_cell("Reuters") == "Reuters"
    assert neutralise_cell("a = b") == "a = b"
    # A body paragraph with a formula inside, not at the start, is plain text.
    assert read_back(export_records("csv", [RECORDS[1]]))[0]["body"] == RECORDS[1]["body"]


def test_empty_export_is_the_header_alone():
    assert export_records("csv", []) == ",".join(RECORD_FIELDS) + "\r\n"
