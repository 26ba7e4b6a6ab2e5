"""`--format auto`: tell an input's format from its content, whatever its name.

The checks look at the first few kilobytes only and import no parser library, so sniffing
a folder of 10,000 files costs little. Formats are tried in `SNIFF_ORDER`, most specific
first; the file's extension only breaks a tie between formats that both fit (a page of
text is also "text", a JSON Lines file of one line is also JSON).
"""

from __future__ import annotations

import csv
import io
import re
import zlib

from newsarchive.extract.decode import looks_binary

SNIFF_ORDER = ("warc", "feed", "html", "markdown", "jsonl", "json", "csv", "text")
HEAD_BYTES = 64 * 1024

# A DOCTYPE may carry an internal subset ("<!DOCTYPE rss [<!ENTITY a "b">]>") whose ">"s
# are not its end.
_XML_PROLOGUE = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>\s*)*",
    re.DOTALL | re.IGNORECASE,
)
_FEED_ROOT = re.compile(rb"<(?:rss|rdf:RDF|feed)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|script|style|link|base|header|nav|main|section"
    rb"|table|span|center|font|form|h[1-6]|iframe|noscript)[\s>/]",
    re.IGNORECASE,
)
# How a whole HTML document starts, rather than a fragment of one ("<div>", "<p>").
_DOCUMENT_START = re.compile(rb"<(?:!doctype\s+html|html|head|meta|title|base|link)[\s>/]", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(rb"\]\((?:https?:|/|#)")  # "[Home](/" or "](https:"
_MARKDOWN_LINE = re.compile(rb"^(?:#{1,6} |[-*+] {1,3}\S|\d{1,3}\. {1,2}\S)", re.M)  # a heading, a list item
_MARKDOWN_FROM = 3
_ARC_HEADER = re.compile(rb"^filedesc://\S+ \d{1,3}(?:\.\d{1,3}){3} \d{14} ")
_FRONT_MATTER = re.compile(rb"^(?:---|\+\+\+)\s*\n.*?\n(?:---|\+\+\+)\s*(?:\n|$)", re.DOTALL)
_EXTENSIONS = {
    ".warc": "warc", ".arc": "warc", ".gz": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown", ".markdown": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv", ".txt": "text",
}
# Column names that make a delimited header row an article table rather than prose.
_CSV_HINTS = {"title", "headline", "body", "content", "text", "url", "link", "date", "published", "author"}


def _head(data: bytes) -> bytes:
    """The start of the content, decompressed (boundedly) when it is gzip, as UTF-8 when UTF-16."""
    if data[:2] == b"\x1f\x8b":
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[: HEAD_BYTES], HEAD_BYTES)
        except zlib.error:
            return b""
    head = data[:HEAD_BYTES]
    # Windows tools save feeds and pages as UTF-16; the checks below read ASCII markup.
    for bom, name in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2 : len(head) - len(head) % 2].decode(name, errors="replace").encode("utf-8")
    return head


def _is_warc(head: bytes) -> bool:
    return head.startswith((b"WARC/1.0", b"WARC/1.1", b"WARC/0.")) or bool(_ARC_HEADER.match(head))


def _markup_start(head: bytes) -> bytes:
    text = head.lstrip(b"\xef\xbb\xbf")
    match = _XML_PROLOGUE.match(text)
    return text[match.end():match.end() + 512] if match else text[:512]


def _is_feed(head: bytes) -> bool:
    return bool(_FEED_ROOT.match(_markup_start(head)))


def _is_html(head: bytes) -> bool:
    start = _markup_start(head)
    if not _HTML_START.match(start):
        return False
    return bool(_DOCUMENT_START.match(start)) or not _reads_as_markdown(head)


def _reads_as_markdown(head: bytes) -> bool:
    """Whether text that opens with a tag is Markdown that kept some HTML, as pandoc writes
    it (`<div id="wrapper">`, then `-   [Home](/)`, `## Headline`): it has Markdown links
    or list items and headings, which an HTML page's markup does not."""
    return len(_MARKDOWN_LINK.findall(head)) >= _MARKDOWN_FROM or len(_MARKDOWN_LINE.findall(head)) >= _MARKDOWN_FROM


def _is_markdown(head: bytes) -> bool:
    return bool(_FRONT_MATTER.match(head.lstrip(b"\xef\xbb\xbf")))


def _json_lines(head: bytes) -> list[bytes]:
    return [line.strip() for line in head.lstrip(b"\xef\xbb\xbf").splitlines() if line.strip()]


def _is_jsonl(head: bytes) -> bool:
    lines = _json_lines(head)[:50]
    # Every line opens an object; a broken line or two must not hide the format, since the
    # JSON Lines reader is the one that reports them by line number.
    objects = sum(1 for line in lines if line.startswith(b"{") and line.endswith(b"}"))
    return len(lines) >= 2 and all(line.startswith(b"{") for line in lines) and objects >= max(1, len(lines) // 2)


# A JSON array or object, by what follows its first bracket: a page copied as Markdown or
# dumped by lynx opens with a bracket too ("[Skip to content](#main)", "[1]Skip to content",
# "[](/)"). So an array's first value must be followed by a comma or the array's end, and
# an object's first key by a colon.
_JSON_STRING = rb'"(?:[^"\\\n]|\\.){0,4000}"'
_JSON_SCALAR = rb"(?:-?\d[\d.eE+-]*|true|false|null)"
_JSON_START = re.compile(
    rb"\s*(?:\[\s*(?:\]\s*\Z"  # []
    rb"|\[\s*(?:[\[{\]\"]|" + _JSON_SCALAR + rb")"  # [[1, 2], ...]
    rb"|\{\s*(?:\}|" + _JSON_STRING + rb"\s*:)"  # [{"title": ...}, ...]
    rb"|(?:" + _JSON_STRING + rb"|" + _JSON_SCALAR + rb")\s*(?:,|\]\s*\Z))"  # ["a", ...], [1]
    rb"|\{\s*(?:\}\s*\Z|" + _JSON_STRING + rb"\s*:))"  # {"title": ...}, {}
)


def _opens_with_bracket(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"[", b"{"))


def _is_json(head: bytes) -> bool:
    return bool(_JSON_START.match(head.lstrip(b"\xef\xbb\xbf")))


def _is_csv(head: bytes) -> bool:
    try:
        text = head.decode("utf-8-sig", errors="replace")
        first_line = text.splitlines()[0] if text.strip() else ""
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
        # A stray "\r" or quote in the header row makes the csv module raise, not return.
        columns = next(csv.reader(io.StringIO(first_line), dialect), [])
    except csv.Error:
        return False
    names = {"".join(ch for ch in c.lower() if ch.isalnum()) for c in columns}
    return len(columns) >= 2 and bool(names & _CSV_HINTS)


_CHECKS = {
    "warc": _is_warc,
    "feed": _is_feed,
    "html": _is_html,
    "markdown": _is_markdown,
    "jsonl": _is_jsonl,
    "json": _is_json,
    "csv": _is_csv,
}


def sniff_format(data: bytes, path: str = "") -> str | None:
    """The format name `data` is in, or None when it is binary we cannot place."""
    head = _head(data)
    fitting = [name for name in SNIFF_ORDER[:-1] if head and _CHECKS[name](head)]
    by_extension = _extension_format(path)
    if by_extension in fitting or by_extension == "json" and _opens_with_bracket(head):
        return by_extension  # a broken .json file is reported as broken JSON, not read as a page
    if fitting:
        return fitting[0]
    if data[:2] == b"\x1f\x8b" or looks_binary(data):
        return None
    # Markdown without front matter is text by content; only its name says more.
    return "markdown" if by_extension == "markdown" else "text"


def _extension_format(path: str) -> str | None:
    name = path.lower()
    for suffix in (".warc.gz", ".arc.gz"):
        if name.endswith(suffix):
            return "warc"
    dot = name.rfind(".")
    return _EXTENSIONS.get(name[dot:]) if dot >= 0 else None

