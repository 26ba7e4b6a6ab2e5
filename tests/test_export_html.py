"""The HTML export: self-contained, script-free article pages and the static index (issue 7)."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from newsarchive.export import export_records
from newsarchive.export.html import (
    INDEX_PAGES,
    export_html_article,
    export_html_index,
    export_html_site_index,
)
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
EXTRA = dict(RECORDS[1], id="a1b2c3", title="Apples and oranges", published=None, source="Agence Test")


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside each tag name."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "br", "img", "input"):
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data):
        for tag in self._open:
            self.text.setdefault(tag, []).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def joined(self, tag: str) -> str:
        return "".join(self.text.get(tag, []))


def test_article_page_is_complete_readable_and_self_contained():
    text = export_records("html", [RECORDS[0]])
    page = Page(text)
    assert text.startswith("<!DOCTYPE html>")
    assert page.joined("title") == "CCSVI for MS in the UK"
    assert page.joined("h1") == "CCSVI for MS in the UK"
    assert page.joined("h2").startswith("CCSVI - lack of evidence")
    assert "We know what happens when veins are occluded" in page.joined("blockquote")
    assert "Compare with the Buffalo study." in page.joined("section")
    assert page.all("html")[0]["lang"] == "en"
    assert "@media print" in page.joined("style")
    # Nothing is fetched: no script, no external style sheet, image or font.
    assert page.all("script") == [] and page.all("img") == [] and page.all("iframe") == []
    assert all(link.get("href", "").startswith("data:") for link in page.all("link"))
    assert "url(" not in page.joined("style") and "@import" not in page.joined("style")


def test_content_security_policy_forbids_scripts():
    page = Page(export_records("html", [RECORDS[0]]))
    policies = [m["content"] for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert len(policies) == 1
    directives = dict(d.strip().split(" ", 1) for d in policies[0].split(";"))
    assert directives["default-src"] == "'none'"
    assert "script-src" not in directives  # falls back to default-src 'none'
    assert directives["style-src"].startswith("'sha256-")
    assert "unsafe" not in policies[0]


def test_links_only_for_web_addresses():
    page = Page(export_records("html", [RECORDS[0]]))
    hrefs = [a["href"] for a in page.all("a")]
    assert hrefs == [RECORDS[0]["url"]]
    for bad in ("javascript:alert(1)", "data:text/html,<script>", "file:///etc/passwd", " JaVaScRiPt:x"):
        page = Page(export_records("html", [dict(RECORDS[0], url=bad)]))
        assert page.all("a") == []
        assert bad.strip() in page.joined("code")


def test_article_page_in_a_site_links_back_to_the_index():
    page = Page(export_html_article(RECORDS[0], index_href="index.html"))
    assert "index.html" in [a["href"] for a in page.all("a")]
    assert "index.html" not in export_records("html", [RECORDS[0]])


def test_several_articles_make_one_page_with_contents():
    page = Page(export_records("html", RECORDS))
    assert [a["href"] for a in page.all("a")][:2] == ["#article-1", "#article-2"]
    assert [a["id"] for a in page.all("article")] == ["article-1", "article-2"]
    assert page.joined("h1") == "2 articles"
    assert "No articles" in Page(export_records("html", [])).joined("h1")


def index_rows(text: str) -> list[str]:
    """The article titles of an index page, in order."""
    page = Page(text)
    return [attrs["href"] for attrs in page.all("a") if not attrs["href"].startswith("index")]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["gazette", "webmd", "undated"]),
        ("oldest", ["webmd", "gazette", "undated"]),
        ("title", ["undated", "webmd", "gazette"]),
        ("source", ["undated", "webmd", "gazette"]),
    ],
)
def test_index_is_pre_rendered_in_each_sort_order(sort, expected):
    records = [RECORDS[0], RECORDS[1], EXTRA]
    names = {"webmd": "w.html", "gazette": "g.html", "undated": "u.html"}
    text = export_html_index(records, sort=sort, filenames=["w.html", "g.html", "u.html"])
    assert index_rows(text) == [names[e] for e in expected]


def test_index_headers_link_to_the_other_orders_and_show_the_current_one():
    pages = export_html_site_index(RECORDS, ["w.html", "g.html"])
    assert set(pages) == set(INDEX_PAGES.values())
    newest = Page(pages["index.html"])
    header_links = [a["href"] for a in newest.all("a") if a["href"].startswith("index")]
    assert header_links == ["index.by-title.html", "index.by-oldest.html", "index.by-source.html"]
    assert [th.get("aria-sort") for th in newest.all("th")] == [None, "descending", None, None]
    oldest = Page(pages["index.by-oldest.html"])
    assert "index.html" in [a["href"] for a in oldest.all("a")]
    assert newest.all("script") == []
    assert "12 October 2010" in newest.joined("td") and "WebMD UK Health News" in newest.joined("td")
    assert "ccsvi" in newest.joined("span")
