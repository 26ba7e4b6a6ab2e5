"""The CSL-JSON export: article-newspaper items as pandoc and Zotero read them (issue 7)."""

from __future__ import annotations

import json

from newsarchive.export import export_records
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
HOSTILE = json.loads((FIXTURES / "export" / "hostile.json").read_text(encoding="utf-8"))
REQUIRED = {"id", "type", "title"}


def test_items_carry_the_required_and_citation_keys():
    first, second = json.loads(export_records("csl-json", RECORDS))
    for item in (first, second):
        assert REQUIRED <= set(item) and item["type"] == "article-newspaper"
    assert first["title"] == "CCSVI for MS in the UK"
    assert first["container-title"] == "WebMD UK Health News"
    assert first["issued"] == {"date-parts": [[2010, 10, 12]]}
    assert first["accessed"] == {"date-parts": [[2026, 11, 24]]}
    assert first["URL"] == RECORDS[0]["url"]
    assert first["section"] == "Health news"
    assert second["container-title"] == "Example Gazette"
    assert second["issued"] == {"date-parts": [[2024, 2, 29]]}


def test_authors_are_split_into_family_and_given():
    item = json.loads(export_records("csl-json", [RECORDS[1]]))[0]
    assert item["author"] == [
        {"family": "Müller", "given": "Anna"},
        {"family": "O'Brien", "given": "Seán"},
        {"literal": "Reuters"},
    ]


def test_ids_match_the_bibtex_keys_and_are_unique():
    items = json.loads(export_records("csl-json", [RECORDS[0], RECORDS[0]]))
    assert [i["id"] for i in items] == ["Webmdukhealthnews2010ccsvi", "Webmdukhealthnews2010ccsvia"]


def test_empty_is_an_empty_array_and_hostile_urls_are_dropped():
    assert json.loads(export_records("csl-json", [])) == []
    item = json.loads(export_records("csl-json", [HOSTILE]))[0]
    assert "URL" not in item
    assert item["title"] == HOSTILE["title"]  # kept as data, escaped by JSON
