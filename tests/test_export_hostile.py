"""A hostile article through every export and the reader view: shown literally, harmlessly.

Issue 7 (hostile content) and issue 8 row 12: script, `</title>`, onerror=, a javascript:
URL, ANSI and OSC 8 escapes, Rich markup, a bidi override and `../` in the id and title.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from newsarchive.export import EXPORTERS, export_records, export_to_directory
from newsarchive.export.html import export_html_article, export_html_index
from newsarchive.render.article import article_as_plain_text, render_article
from newsarchive.render.sanitize import clean_terminal_text
from tests.conftest import FIXTURES

HOSTILE = json.loads((FIXTURES / "export" / "hostile.json").read_text(encoding="utf-8"))
# What a terminal acts on: C0 controls but tab and newline, DEL, C1, bidi overrides/isolates.
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
VISIBLE_TITLE = clean_terminal_text(HOSTILE["title"])


def test_the_fixture_is_as_hostile_as_it_claims():
    title = HOSTILE["title"]
    for piece in ("<script>alert(1)</script>", "</title>", "onerror=alert(1)", "\x1b[31m",
                  "\x1b]8;;http://evil\x1b\\", "[bold red]x[/]", "\u202e", "../../etc/passwd"):
        assert piece in title
    assert HOSTILE["url"].startswith("javascript:") and HOSTILE["id"] == "../../etc/passwd"


def test_the_sanitiser_strips_escapes_but_keeps_the_words():
    assert VISIBLE_TITLE == (
        "<script>alert(1)</script></title><img src=x onerror=alert(1)> RED click [bold red]x[/] "
        "evil ../../etc/passwd"
    )
    assert clean_terminal_text("tab\tand\nnewline\r\n") == "tab\tand\nnewline\n"


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_no_export_carries_terminal_control_characters(fmt):
    text = export_records(fmt, [HOSTILE])
    assert not TERMINAL_CONTROL.findall(text.replace("\r\n", "\n"))


def test_text_views_show_the_title_literally():
    for text in (export_records("text", [HOSTILE]), article_as_plain_text(HOSTILE)):
        assert not TERMINAL_CONTROL.search(text)
        assert "<script>alert(1)</script></title><img src=x onerror=alert(1)>" in text
        joined = " ".join(text.split())
        assert "[bold red]x[/]" in joined and "../../etc/passwd" in joined


def test_reader_view_on_a_colour_terminal_emits_no_escape_from_the_article():
    console = Console(file=io.StringIO(), width=100, force_terminal=True, color_system="truecolor")
    console.print(render_article(HOSTILE, highlight=["script"]))
    out = console.file.getvalue()
    assert "\x1b]" not in out and "\x07" not in out and "evil\x1b" not in out
    assert "\x1b[31m" not in out and "\x1b[2J" not in out and "\u202e" not in out
    # Rich's own styling is there, and the markup is text, not style.
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "[bold red]x[/]" in plain and "[blink]n[/blink]" in plain
    assert "<script>alert(1)</script>" in plain
    assert not TERMINAL_CONTROL.search(plain)


class Elements(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self._current: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "link"):
            self._current.append(tag)

    def handle_endtag(self, tag):
        if tag in self._current:
            while self._current.pop() != tag:
                pass

    def handle_data(self, data):
        for tag in self._current:
            self.text[tag] = self.text.get(tag, "") + data


def html_pages(tmp_path: Path) -> dict[str, str]:
    pages = {
        "stream": export_records("html", [HOSTILE]),
        "several": export_records("html", [HOSTILE, HOSTILE]),
        "site page": export_html_article(HOSTILE, index_href="index.html"),
        "index": export_html_index([HOSTILE]),
    }
    for path in export_to_directory("html", [HOSTILE], tmp_path / "site"):
        pages[path.name] = path.read_text(encoding="utf-8")
    return pages


def test_html_escapes_everything_and_nothing_can_run(tmp_path):
    for name, page in html_pages(tmp_path).items():
        parsed = Elements(page)
        tags = [tag for tag, _ in parsed.tags]
        assert "script" not in tags and "img" not in tags and "svg" not in tags and "h1" in tags, name
        assert tags.count("title") == 1, name
        for tag, attrs in parsed.tags:
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            for attr in ("href", "src", "action"):
                value = (attrs.get(attr) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:text", "vbscript:")), (name, value)
        assert not TERMINAL_CONTROL.search(page), name
        assert 'http-equiv="Content-Security-Policy"' in page and "default-src 'none'" in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;" in page, name
        assert 'lang="en' not in page  # a language value holding markup is left out
    article = Elements(html_pages(tmp_path)["stream"])
    assert article.text["h1"] == VISIBLE_TITLE
    assert article.text["title"] == VISIBLE_TITLE
    assert "javascript:alert(document.cookie)" in article.text["code"]  # shown, not linked


def test_csv_neutralises_formulas_and_keeps_text_literal():
    rows = list(csv.DictReader(io.StringIO(export_records("csv", [HOSTILE]), newline="")))
    row = rows[0]
    assert len(rows) == 1
    for name in ("source", "site", "section", "reviewer"):
        assert row[name].startswith("'"), name
        assert row[name][1:] == HOSTILE[name]
    assert row["title"] == VISIBLE_TITLE
    assert row["body"].startswith("<script>alert('body')</script>")
    assert "\t'=1+1" not in row["body"]  # only cell starts are neutralised; the body is prose


def test_json_keeps_the_data_exactly_and_prints_safely():
    for fmt in ("json", "jsonl"):
        text = export_records(fmt, [HOSTILE])
        data = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        assert data == [HOSTILE]


def test_markdown_front_matter_loads_and_body_renders_inert():
    from markdown_it import MarkdownIt

    text = export_records("md", [HOSTILE])
    matter, _, body = text[4:].partition("\n---\n")
    loaded = yaml.safe_load(matter)
    assert loaded["title"] == VISIBLE_TITLE and loaded["id"] == "../../etc/passwd"
    rendered = MarkdownIt("commonmark").render(body)
    assert "<script" not in rendered and "<h1>" not in rendered
    assert "href" not in rendered  # "[link](javascript:...)" stays text, not a link
    assert "[link](javascript:alert(1))" in rendered


def test_citations_parse_to_one_inert_entry():
    bibtexparser = pytest.importorskip("bibtexparser", reason="bibtexparser (test dependency) is not installed")
    rispy = pytest.importorskip("rispy", reason="rispy (test dependency) is not installed")
    library = bibtexparser.parse_string(export_records("bibtex", [HOSTILE]))
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert "url" not in {f.key for f in library.entries[0].fields}
    references = rispy.loads(export_records("ris", [HOSTILE]))
    assert len(references) == 1 and "urls" not in references[0]
    assert references[0]["title"] == " ".join(VISIBLE_TITLE.split())
    csl = json.loads(export_records("csl-json", [HOSTILE]))
    assert len(csl) == 1 and "URL" not in csl[0]


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_directory_exports_stay_inside_the_directory(tmp_path, fmt):
    out = tmp_path / "a" / "b" / "out"
    written = export_to_directory(fmt, [HOSTILE, dict(HOSTILE, id="/etc/passwd")], out)
    for path in written:
        assert path.parent == out.resolve()
        assert "/" not in path.name and ".." not in path.name and not path.name.startswith(".")
        assert not TERMINAL_CONTROL.search(path.name) and path.name.isascii()
    everything = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert everything == sorted(written)


# Property tests: whatever text or id an import brings, the gates hold.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from newsarchive.export import article_filename  # noqa: E402

NASTY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x1b", "[", "]", "\\", "\x07", "\x9b", "\x9d", "\u202e", "\u2066", "\r", ";", "8", "m"]),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(NASTY_TEXT)
def test_cleaned_text_never_holds_a_control_and_cleaning_is_stable(text):
    cleaned = clean_terminal_text(text)
    assert not TERMINAL_CONTROL.search(cleaned)
    assert clean_terminal_text(cleaned) == cleaned


@settings(max_examples=300, deadline=None)
@given(NASTY_TEXT, NASTY_TEXT)
def test_any_id_and_title_make_a_plain_file_name(record_id, title):
    name = article_filename({"id": record_id, "title": title}, "html")
    assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_-]*\.html", name), name
    assert len(name) <= 120
