"""The RIS export, parsed back by rispy (issue 7)."""

from __future__ import annotations

import json

import pytest

from newsarchive.export import export_records
from tests.conftest import FIXTURES

rispy = pytest.importorskip("rispy", reason="rispy (test dependency) is not installed")

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
HOSTILE = json.loads((FIXTURES / "export" / "hostile.json").read_text(encoding="utf-8"))


def test_news_references_with_source_date_url_and_access_date():
    first, second = rispy.loads(export_records("ris", RECORDS))
    assert first["type_of_reference"] == "NEWS"
    assert first["title"] == "CCSVI for MS in the UK"
    assert first["secondary_title"] == "WebMD UK Health News"
    assert first["year"] == "2010" and first["date"] == "2010/10/12"
    assert first["urls"] == [RECORDS[0]["url"]]
    assert first["access_date"] == "2026/11/24"
    assert first["keywords"] == ["ccsvi", "ms"]
    assert first["notes"] == ["2026-11-24T19:00:00+00:00: Compare with the Buffalo study."]
    assert second["authors"] == ["Müller, Anna", "O'Brien, Seán", "Reuters"]
    assert second["secondary_title"] == "Example Gazette"  # no source: the site stands in


def test_every_reference_opens_with_ty_and_closes_with_er():
    text = export_records("ris", RECORDS)
    assert text.startswith("TY  - NEWS\n")
    assert text.count("ER  - ") == 2 and text.endswith("ER  - \n")


def test_hostile_text_cannot_end_a_reference_early_or_start_one():
    text = export_records("ris", [HOSTILE, RECORDS[0]])
    references = rispy.loads(text)
    assert len(references) == 2
    assert text.count("TY  - ") == 2 and text.count("\nER  - ") == 2
    assert "urls" not in references[0]  # javascript: is not an address to cite
    assert "\x1b" not in text and "\u202e" not in text
