"""RSS 0.9x/1.0/2.0 and Atom feeds to Articles: one per entry, through feedparser.

Each entry's full content (`content:encoded`, Atom `content`) is used when present, its
summary otherwise, turned from HTML into paragraphs. The feed's title becomes the source,
categories become tags.

Feeds are untrusted XML. feedparser parses bytes only (a str would be taken as a URL or a
path and fetched), and a DTD that declares entities is refused before parsing: external
entities could read local files, and nested ones expand exponentially (billion laughs).
"""

from __future__ import annotations

import calendar
import codecs
import datetime
import email.utils
import re
import time
from collections.abc import Iterator
from typing import Any

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.extract.language import detect_language
from newsarchive.model import Article, count_words, is_iso_date, normalise_tags

# "&#xD800;" to "&#xDFFF;", and the same in decimal (55296 to 57343).
SURROGATE_REFERENCE = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9][0-9]{2}|56[0-9]{3}|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]));"
)
ANY_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
BLANK_LINES = re.compile(r"\n\s*\n")
LANGUAGE = re.compile(r"^([a-z]{2})(?:[-_][A-Za-z0-9]+)*$")
TITLE_WORDS = 10
FEED_FURNITURE = re.compile(
    r"^(?:The post .+ appeared first on .+|This (?:entry|article|post) was originally published (?:on|at) .+"
    r"|(?:Continue|Keep) reading.{0,80}|Read (?:more|the full (?:story|article)).{0,80}|\[?…\]?|\[\.\.\.\])$",
    re.IGNORECASE,
)
TEASER_ENDING = re.compile(r"\s*(?:\[(?:…|\.\.\.|&hellip;)\]|(?:Continue reading|Read more)\s*(?:→|»|\.\.\.|…)?)\s*$", re.IGNORECASE)

BLOCK_TAGS = {
    "p", "div", "li", "blockquote", "pre", "tr", "table", "ul", "ol", "dl", "dt", "dd", "section",
    "article", "figure", "figcaption", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
}  # fmt: skip
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
DROPPED_TAGS = {"script", "style", "noscript", "iframe", "object", "embed", "template"}


def _as_text(data: bytes) -> str:
    """The feed as text, only to look for DTD entity declarations (feedparser decodes itself)."""
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    if len(data) > 1 and (data[0] == 0 or data[1] == 0):
        return data.decode("utf-16-be" if data[0] == 0 else "utf-16-le", errors="replace")
    return data.decode("latin-1")


def refuse_entity_declarations(data: bytes, path: str) -> None:
    """Raise BadInputError when the feed declares XML entities; real feeds never need them.

    Any "<!ENTITY" at all is refused, wherever it is: simpler to trust than a partial
    parse of the DTD, and the only cost is a feed quoting that markup unescaped in CDATA.
    """
    if ANY_ENTITY.search(_as_text(data)):
        raise BadInputError(
            "the feed declares XML entities, which could read local files or expand without bound; refused",
            path=path,
            hint="a real feed never needs <!ENTITY>; remove the DOCTYPE block to import it",
        )


def html_to_paragraphs(markup: str) -> tuple[list[str], list[str]]:
    """HTML (or plain text) to (paragraphs, headings): block elements and <br><br> break paragraphs."""
    if "<" not in markup:
        return _plain_text_paragraphs(markup), []
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return [" ".join(markup.split())] if markup.strip() else [], []
    collector = _ParagraphCollector()
    collector.walk(root)
    collector.flush()
    return collector.paragraphs, collector.headings


def _plain_text_paragraphs(text: str) -> list[str]:
    """Plain text's paragraphs: blank lines part them, and spacing within one is made single."""
    paragraphs = [SPACES.sub(" ", part).strip() for part in BLANK_LINES.split(text.replace("\r\n", "\n"))]
    return [" ".join(p.split()) for p in paragraphs if p.strip()]


class _ParagraphCollector:
    """The paragraphs and headings of an HTML tree, gathered as it is walked in document order."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.headings: list[str] = []
        self.buffer: list[str] = []  # the text of the paragraph being read
        self.breaks = 0  # <br>s in a row with no text between them

    def flush(self, heading: bool = False) -> None:
        """End the paragraph being read; kept (and listed as a heading if it is one) if it has text."""
        text = " ".join("".join(self.buffer).split())
        self.buffer.clear()
        if text:
            self.paragraphs.append(text)
            if heading:
                self.headings.append(text)

    def add(self, text: str | None) -> None:
        if text:
            if text.strip():
                self.breaks = 0
            self.buffer.append(text)

    def line_break(self) -> None:
        """A <br>: a space within the paragraph, but a second in a row ends the paragraph."""
        self.breaks += 1
        if self.breaks >= 2:
            self.flush()
        else:
            self.buffer.append(" ")

    def walk(self, element: Any) -> None:
        self.add(element.text)
        for child in element:
            # A comment or processing instruction has a function for a tag: it holds no text.
            tag = child.tag.lower() if isinstance(child.tag, str) else None
            if tag in DROPPED_TAGS or tag is None:
                pass
            elif tag == "br":
                self.line_break()
            elif tag in HEADING_TAGS:
                self.flush()
                self.add(child.text_content())
                self.flush(heading=True)
            elif tag in BLOCK_TAGS:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)
            # The text after a child belongs to this element, even after a dropped one.
            self.add(child.tail)


def drop_feed_furniture(paragraphs: list[str]) -> list[str]:
    """Without the lines blog software appends to every entry ("The post ... appeared first on ...")."""
    kept = list(paragraphs)
    while kept and FEED_FURNITURE.search(kept[-1]):
        kept.pop()
    if kept:
        # "[…]", "Read more" or "Continue reading" closing a teaser paragraph.
        kept[-1] = TEASER_ENDING.sub("", kept[-1]).rstrip() or kept[-1]
    return kept


def _date(entry: Any) -> str | None:
    """The publication date as the publisher wrote it (its local day, not UTC's)."""
    for key in ("published", "updated", "created"):
        # dict.get skips feedparser's key aliasing, which warns about updated -> published.
        raw = dict.get(entry, key)
        parsed = dict.get(entry, f"{key}_parsed")
        if not isinstance(parsed, time.struct_time):
            continue
        text = str(raw or "").strip()
        if is_iso_date(text[:10]):
            return text[:10]
        local = email.utils.parsedate_tz(text)
        if local is not None:
            try:
                return datetime.date(*local[:3]).isoformat()
            except ValueError:
                pass
        # feedparser's own reading is in UTC; the calendar round trip keeps the date valid.
        return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed)))
    return None


def _authors(entry: Any) -> list[str]:
    raw = " ".join(str(entry.get("author", "") or "").split())
    # RSS <author> is an e-mail address, often "mail@example.org (Name)"; feedparser's own
    # split of it cuts long domains, so the name is taken from the raw text.
    match = re.match(r"^\S+@\S+\s+\((.+)\)$", raw)
    if match:
        return [match.group(1).strip()]
    names = [" ".join(str(a.get("name", "")).split()) for a in entry.get("authors", []) if isinstance(a, dict)]
    names = [name for name in names if name and "@" not in name]
    if not names and raw and "@" not in raw:
        names = [raw]
    return list(dict.fromkeys(names))


def _content(entry: Any) -> tuple[str, bool]:
    """The entry's fullest text and whether it came from `content` (not the summary)."""
    contents = [c for c in entry.get("content", []) if isinstance(c, dict) and str(c.get("value", "")).strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return str(best["value"]), True
    return str(entry.get("summary", "") or entry.get("description", "") or ""), False


def _first_words(body: str) -> str:
    words = body.split()
    return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def _entry_article(entry: Any, index: int, feed: Any, path: str) -> Article | BadInputError:
    markup, from_content = _content(entry)
    paragraphs, headings = html_to_paragraphs(markup)
    paragraphs = drop_feed_furniture(paragraphs)
    body = "\n\n".join(paragraphs)
    title_paragraphs, _ = html_to_paragraphs(str(entry.get("title", "") or ""))
    title = " ".join(" ".join(title_paragraphs).split())
    if not body.strip():
        label = f' ("{title[:60]}")' if title else ""
        return BadInputError(f"feed entry {index}{label} has no content or summary; skipped", path=path)
    if not title:
        title = _first_words(body)
    subtitle = None
    if from_content and entry.get("summary"):
        summary = " ".join(html_to_paragraphs(str(entry["summary"]))[0])
        if summary and count_words(summary) <= 80 and not body.startswith(summary[:40].rstrip("…. ")):
            subtitle = summary
    language = LANGUAGE.match(str(feed.get("language", "") or "").strip().lower())
    origin: dict[str, Any] = {"feed_entry_index": index}
    if entry.get("id"):
        origin["feed_entry_id"] = str(entry["id"])
    return Article(
        title=title,
        body=body,
        subtitle=subtitle,
        authors=_authors(entry),
        source=" ".join(str(feed.get("title", "") or "").split()) or None,
        published=_date(entry),
        url=str(entry.get("link")) if entry.get("link") else None,
        language=language.group(1) if language else detect_language(body),
        tags=normalise_tags([str(t.get("term") or t.get("label") or "") for t in entry.get("tags", []) if isinstance(t, dict)]),
        headings=headings,
        origin=origin,
    )


def extract_feed(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """The `feed` format: each entry of an RSS or Atom feed, as an Article."""
    import feedparser

    refuse_entity_declarations(data, context.path)
    # A character reference to a lone surrogate ("&#xD800;") stops feedparser with a
    # UnicodeEncodeError deep inside; it stands for no character, so it becomes U+FFFD.
    data = SURROGATE_REFERENCE.sub(b"&#xFFFD;", data)
    try:
        # Bytes, never str: feedparser treats a string as a URL or a file name to open.
        parsed = feedparser.parse(bytes(data), resolve_relative_uris=False, sanitize_html=True)
    except Exception as error:  # feedparser's loose parser can fail in many ways on junk
        raise BadInputError(f"not a readable feed ({type(error).__name__}: {error})", path=context.path) from None
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise BadInputError(
            "not an RSS or Atom feed" + (f" ({str(reason)[:200]})" if reason else ""),
            path=context.path,
        )
    if not parsed.entries:
        raise BadInputError("the feed has no entries", path=context.path)
    for index, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(entry, index, parsed.feed, context.path)
