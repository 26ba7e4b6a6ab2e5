"""The Markdown export: YAML front matter with every field, then the body (issue 7)."""

from __future__ import annotations

import importlib
import json

import pytest
import yaml
from markdown_it import MarkdownIt

from newsarchive.export import export_records
from newsarchive.export.fields import body_blocks
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
HOSTILE = json.loads((FIXTURES / "export" / "hostile.json").read_text(encoding="utf-8"))
CONTENT_FIELDS = ("title", "subtitle", "authors", "source", "site", "section", "reviewer", "published",
                  "url", "language", "tags", "notes", "headings", "body")


def split_document(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    matter, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(matter), body


def rendered_blocks(markdown: str) -> list[tuple[str, str]]:
    """What a CommonMark renderer makes of the body: (kind, literal text) per block."""
    blocks: list[tuple[str, str]] = []
    tokens = MarkdownIt("commonmark").parse(markdown)
    for opening, inline in zip(tokens, tokens[1:]):
        if opening.type not in ("paragraph_open", "heading_open") or inline.type != "inline":
            continue
        kinds = {child.type for child in inline.children}
        assert kinds <= {"text", "softbreak"}, f"markup was interpreted: {kinds}"
        text = "".join(child.content if child.type == "text" else " " for child in inline.children)
        blocks.append(("heading" if opening.tag == "h2" else "paragraph", text))
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "heading_open", "heading_close", "inline"}
    return blocks


@pytest.mark.parametrize("record", RECORDS, ids=["webmd", "gazette"])
def test_front_matter_holds_every_field(record):
    matter, _ = split_document(export_records("md", [record]))
    expected = {k: v for k, v in record.items() if k not in ("body", "word_count")}
    assert matter == expected
    assert list(matter)[:3] == ["id", "title", "subtitle"]


def test_extra_and_history_are_kept_and_store_bookkeeping_is_not():
    record = dict(RECORDS[0], extra={"wordpress_id": 7}, history=[{"at": "t", "field": "title", "old": "a", "new": "b"}],
                  body_hash="0" * 64)
    matter, _ = split_document(export_records("md", [record]))
    assert matter["extra"] == {"wordpress_id": 7} and matter["history"] == record["history"]
    assert "body_hash" not in matter


@pytest.mark.parametrize("record", RECORDS, ids=["webmd", "gazette"])
def test_body_renders_to_exactly_its_paragraphs_and_headings(record):
    _, body = split_document(export_records("md", [record]))
    expected = [("heading", b.text) if b.kind == "heading" else ("paragraph", b.source.replace("\n", " "))
                for b in body_blocks(record)]
    assert rendered_blocks(body) == expected
    if record["headings"]:
        assert f"\n## {record['headings'][0]}\n" in body


def test_hostile_markup_in_the_body_stays_text():
    _, body = split_document(export_records("md", [HOSTILE]))
    assert "<script>" not in body and "\x1b" not in body and "\u202e" not in body
    rendered = MarkdownIt("commonmark").render(body)
    assert "<script>" not in rendered and "<h1>" not in rendered and "href" not in rendered
    assert "&lt;script&gt;alert('body')&lt;/script&gt;" in rendered


def test_several_articles_are_separate_documents():
    text = export_records("md", RECORDS)
    assert text.count("\n---\nid: ") == 1 and text.startswith("---\nid: ")


def test_round_trip_through_the_markdown_importer(tmp_path):
    try:
        module = importlib.import_module("newsarchive.extract.markdown")
        extract_markdown = module.extract_markdown
        from newsarchive.extract import ExtractContext
    except (ImportError, AttributeError) as error:
        pytest.skip(f"the Markdown importer (newsarchive.extract.markdown.extract_markdown) is not there yet: {error}")
    for record in RECORDS:
        path = tmp_path / f"{record['id']}.md"
        path.write_text(export_records("md", [record]), encoding="utf-8")
        results = list(extract_markdown(path.read_bytes(), ExtractContext(path=str(path))))
        assert len(results) == 1, results
        article = results[0].to_record()
        for name in CONTENT_FIELDS:
            assert article[name] == record[name], name


from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MARKDOWN_ALPHABET = list("*_[]<>\\`#-+=|~!&;:()/.1234567890 aZé\t\"'{}\n") + ["&amp;", "&#35;", "http://x.y", "<b>", "    "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_ALPHABET), min_size=1, max_size=25).map("".join))
@example("--    -")  # (a thematic break with spaces between its dashes, found by the search)
def test_any_paragraph_renders_back_to_its_own_text(text):
    record = {"id": "x", "title": "t", "body": text, "headings": []}
    expected = [("paragraph", b.source.replace("\n", " ")) for b in body_blocks(record)]
    _, body = split_document(export_records("md", [record]))
    assert rendered_blocks(body) == expected
