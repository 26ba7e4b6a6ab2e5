"""The BibTeX export, parsed back by bibtexparser (issue 7)."""

from __future__ import annotations

import json

import pytest

from newsarchive.export import export_records
from tests.conftest import FIXTURES

bibtexparser = pytest.importorskip("bibtexparser", reason="bibtexparser (test dependency) is not installed")
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors  # noqa: E402

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
HOSTILE = json.loads((FIXTURES / "export" / "hostile.json").read_text(encoding="utf-8"))


def parse(text: str, *, decode: bool = False):
    middlewares = [SeparateCoAuthors(), LatexDecodingMiddleware()] if decode else []
    library = bibtexparser.parse_string(text, append_middleware=middlewares)
    assert library.failed_blocks == []
    return library


def fields(entry) -> dict:
    return {field.key: field.value for field in entry.fields}


def test_article_with_a_source_is_an_article_in_that_journal():
    entry = parse(export_records("bibtex", [RECORDS[0]])).entries[0]
    assert entry.entry_type == "article"
    got = fields(entry)
    # Acronyms are braced so bibliography styles do not lower-case them.
    assert got["title"] == "{CCSVI} for {MS} in the {UK}"
    assert got["journal"] == "WebMD UK Health News"
    assert got["date"] == "2010-10-12" and got["year"] == "2010" and got["month"] == "oct"
    assert got["url"] == RECORDS[0]["url"]
    assert got["urldate"] == "2026-11-24"
    assert "author" not in got


def test_article_without_a_source_is_misc_howpublished_by_the_site():
    entry = parse(export_records("bibtex", [RECORDS[1]]), decode=True).entries[0]
    assert entry.entry_type == "misc"
    got = fields(entry)
    assert got["howpublished"] == "Example Gazette"
    assert "journal" not in got
    assert got["author"] == ["Müller, Anna", "O'Brien, Seán", "Reuters"]
    assert got["urldate"] == "2026-11-20"
    # URLs are verbatim fields (biblatex, JabRef, Zotero): compared undecoded.
    raw = fields(parse(export_records("bibtex", [RECORDS[1]])).entries[0])
    assert raw["url"] == "https://example.org/news/zurich?id=7&lang=de#top"


def test_special_characters_are_escaped_and_decode_back():
    raw = fields(parse(export_records("bibtex", [RECORDS[1]])).entries[0])
    assert raw["title"] == r"Zürich’s “100\% renewable” plan: costs \& benefits\_2024 \{draft\}"
    decoded = fields(parse(export_records("bibtex", [RECORDS[1]]), decode=True).entries[0])
    assert decoded["title"] == RECORDS[1]["title"]


def test_braces_always_balance_even_when_the_title_has_a_lone_one():
    for title in ("Lone } brace", "Open { only", "}{", "{balanced} pair"):
        text = export_records("bibtex", [dict(RECORDS[0], title=title)])
        value = text.split("title = ", 1)[1].split(",\n", 1)[0]
        depth = 0
        for ch in value:  # counted as classic BibTeX counts, backslash or not
            depth += {"{": 1, "}": -1}.get(ch, 0)
            assert depth >= 0, value
        assert depth == 0, value
        assert len(parse(text).entries) == 1
    text = export_records("bibtex", [dict(RECORDS[0], title="{balanced} pair")])
    assert fields(parse(text, decode=True).entries[0])["title"] == "{balanced} pair"


def test_keys_are_unique_ascii_and_safe():
    twins = [RECORDS[0], dict(RECORDS[0], id="other"), RECORDS[1], HOSTILE]
    library = parse(export_records("bibtex", twins))
    keys = [entry.key for entry in library.entries]
    assert len(keys) == 4 and len(set(keys)) == 4
    assert all(key.isascii() and key.replace("_", "").replace("-", "").isalnum() for key in keys)
    assert keys[:2] == ["Webmdukhealthnews2010ccsvi", "Webmdukhealthnews2010ccsvia"]


def test_hostile_text_cannot_close_the_entry_or_start_another():
    library = parse(export_records("bibtex", [HOSTILE, RECORDS[0]]))
    assert len(library.entries) == 2
    got = fields(library.entries[0])
    assert "url" not in got  # a javascript: address is not cited
    assert "\x1b" not in export_records("bibtex", [HOSTILE])


def test_empty_export_is_empty():
    assert export_records("bibtex", []) == ""


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}\\%&$#_~^@,= \"aB1é\n")), max_size=30))
def test_any_title_makes_exactly_one_balanced_entry(title):
    text = export_records("bibtex", [dict(RECORDS[0], title=title or "x")])
    body = text.split("{", 1)[1].rsplit("}", 1)[0]
    depth = 0
    for ch in body:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0
    assert len(parse(text).entries) == 1
