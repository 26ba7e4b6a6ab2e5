"""The plain-text export: header block, body wrapped at 80 with paragraphs kept (issue 7)."""

from __future__ import annotations

import json

from newsarchive.export import export_records
from newsarchive.export.text import article_text
from newsarchive.render.article import article_as_plain_text
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
ARTICLE = RECORDS[0]


def test_header_block_holds_title_standfirst_metadata_and_url():
    text = export_records("text", [ARTICLE])
    lines = text.splitlines()
    assert lines[0] == "CCSVI for MS in the UK"
    assert lines[1] == "=" * len(lines[0])
    header = " ".join(text.split("The first CCSVI")[0].split())
    assert "‘Liberation procedure’ treatment for narrowing of veins" in header
    assert "WebMD UK Health News · Boots WebMD · Health news · 12 October 2010" in header
    assert "reviewed by Dr Rob Hicks" in header
    assert f"{ARTICLE['word_count']} words" in header
    assert "#ccsvi, #ms" in header
    assert f"URL: {ARTICLE['url']}" in header


def test_body_is_wrapped_at_80_and_keeps_every_paragraph():
    text = article_text(ARTICLE)
    # A URL is never cut, so only its line may run past the width.
    assert all(len(line) <= 80 for line in text.splitlines() if not line.startswith("URL: "))
    body = text.split("URL: ")[1].split("\n", 1)[1]
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
    originals = ARTICLE["body"].split("\n\n")
    # Every paragraph of the body comes out whole and in order (the heading underlined).
    flattened = [p.replace(" " + "-" * len("CCSVI - lack of evidence"), "") for p in paragraphs]
    for original in originals:
        assert original in flattened
    assert flattened.index(originals[0]) < flattened.index(originals[-1])


def test_heading_is_underlined_and_quotation_indented():
    lines = article_text(ARTICLE).splitlines()
    at = lines.index("CCSVI - lack of evidence")
    assert lines[at + 1] == "-" * len("CCSVI - lack of evidence")
    quote = next(line for line in lines if "We know what happens" in line)
    assert quote.startswith("    “We know what happens")


def test_notes_come_last_with_their_time():
    lines = article_text(ARTICLE).splitlines()
    assert lines[-3:-1] == ["Notes", "-----"]
    assert lines[-1] == "[2026-11-24 19:00 UTC] Compare with the Buffalo study."


def test_several_articles_are_separated_and_none_is_empty():
    text = export_records("text", RECORDS)
    assert text.count("=" * 80) == 1
    assert "Zürich’s “100% renewable” plan" in text
    assert "By Anna Müller, O'Brien, Seán and Reuters" in text
    assert export_records("text", []) == ""


def test_show_format_text_is_the_text_export():
    assert article_as_plain_text(ARTICLE) == export_records("text", [ARTICLE])
    narrow = article_as_plain_text(ARTICLE, width=40)
    assert all(len(line) <= 40 for line in narrow.splitlines() if "://" not in line)
