"""Structured dumps: a JSON array or object, JSON Lines, and CSV with a header row.

Keys and columns are matched by name, case-insensitively, through the aliases in
`FIELD_ALIASES` (headline -> title, content -> body, pubDate -> published...). Keys with no
field of their own are kept under `extra`, never dropped. `article_from_mapping` is shared
with the Markdown importer, whose front matter is mapped the same way.
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from typing import Any, Iterator

import orjson

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.extract.decode import decode_text
from newsarchive.model import Article, is_iso_date, normalise_tags

# Record field -> the names it goes by in other tools' exports (compared case-insensitively,
# ignoring "_", "-" and spaces).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name", "heading"),
    "subtitle": ("subtitle", "standfirst", "dek", "subheadline", "summary", "description", "lede", "lead"),
    "body": ("body", "content", "text", "articlebody", "fulltext", "article", "contentencoded", "bodytext"),
    "authors": ("authors", "author", "byline", "creator", "creators", "writer", "writers", "by"),
    "source": ("source", "publication", "publisher", "newspaper", "outlet", "agency", "credit"),
    "site": ("site", "sitename", "website", "domain"),
    "section": ("section", "category", "desk", "department", "kicker"),
    "reviewer": ("reviewer", "reviewedby", "medicallyreviewedby"),
    "published": ("published", "date", "pubdate", "publishdate", "publicationdate", "datepublished",
                  "publishedat", "publishedon", "created", "createdat", "time", "timestamp", "issued"),
    "url": ("url", "link", "href", "permalink", "canonicalurl", "uri", "address"),
    "language": ("language", "lang", "locale", "inlanguage"),
    "tags": ("tags", "tag", "keywords", "categories", "labels", "subjects", "topics"),
    "headings": ("headings", "subheadings"),
    "notes": ("notes",),
    # A re-imported export's own id, import time and provenance are replaced by this
    # import's, not kept under `extra`: a Markdown export must re-import unchanged.
    "id": ("id",),
    "imported_at": ("importedat",),
    "origin": ("origin",),
}
_ALIAS_TO_FIELD = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}
LIST_FIELDS = ("authors", "tags", "headings")
MAX_DEPTH = 64


def _key(name: str) -> str:
    return "".join(ch for ch in str(name).lower() if ch not in "_- ")


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or value.get("text")
    if isinstance(value, list):
        value = " ".join(t for v in value if (t := _as_text(v)))
    text = " ".join(str(value).split()) if not isinstance(value, str) else value.strip()
    return text or None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        separator = ";" if ";" in value else ","
        return [part.strip() for part in value.split(separator) if part.strip()]
    if isinstance(value, (list, tuple)):
        return [t for item in value if (t := _as_text(item))]
    return [t] if (t := _as_text(value)) else []


def _as_body(value: Any) -> str:
    if isinstance(value, list):
        paragraphs = [_as_text(v) for v in value]
        return "\n\n".join(p for p in paragraphs if p)
    text = value if isinstance(value, str) else (_as_text(value) or "")
    # Paragraphs are separated by one blank line; single newlines inside a paragraph are
    # line wrapping, kept as is.
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return "\n\n".join(b for b in blocks if b)


def _as_date(value: Any) -> str | None:
    text = _as_text(value)
    if not text:
        return None
    if is_iso_date(text[:10]):
        return text[:10]
    from newsarchive.extract.dates import parse_date

    return parse_date(text)


def article_from_mapping(mapping: dict[str, Any], *, path: str, line: int | None = None) -> Article:
    """Map one record's keys onto an Article; BadInputError if it has no title or no body."""
    found: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for raw_key, value in mapping.items():
        name = _ALIAS_TO_FIELD.get(_key(raw_key))
        if name is None or name in found:
            extra[str(raw_key)] = value
        else:
            found[name] = value
    body = _as_body(found.get("body"))
    title = _as_text(found.get("title"))
    if not body:
        raise BadInputError("the record has no body text (looked for body, content, text...)", path=path, line=line)
    if not title:
        raise BadInputError("the record has no title (looked for title, headline, name...)", path=path, line=line,
                            hint="add a title column or key")
    article = Article(
        title=title,
        body=body,
        subtitle=_as_text(found.get("subtitle")),
        authors=_as_list(found.get("authors")),
        source=_as_text(found.get("source")),
        site=_as_text(found.get("site")),
        section=_as_text(found.get("section")),
        reviewer=_as_text(found.get("reviewer")),
        published=_as_date(found.get("published")),
        url=_as_text(found.get("url")),
        language=(_as_text(found.get("language")) or "")[:2].lower() or None,
        tags=normalise_tags(_as_list(found.get("tags"))),
        headings=[h for h in _as_list(found.get("headings")) if h in body],
        extra=extra,
    )
    notes = found.get("notes")
    if isinstance(notes, list):
        article.notes = [n for n in notes if isinstance(n, dict) and isinstance(n.get("text"), str)
                         and isinstance(n.get("at"), str)]
    return article


def _record_or_error(value: Any, *, path: str, line: int | None) -> Article | BadInputError:
    if not isinstance(value, dict):
        return BadInputError(f"expected an object with article fields, found a JSON {type(value).__name__}",
                             path=path, line=line)
    try:
        return article_from_mapping(value, path=path, line=line)
    except BadInputError as exc:
        return exc
    except (RecursionError, ValueError, TypeError) as exc:
        return BadInputError(f"unusable record ({exc.__class__.__name__}: {exc})", path=path, line=line)


def _loads(text: str | bytes, *, path: str, line: int | None = None) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        # orjson refuses nesting deeper than 1024 and numbers it cannot hold: both land here.
        raise BadInputError(f"not valid JSON: {exc.msg} (character {exc.pos})", path=path, line=line) from None


def extract_json(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """A JSON array of article objects, or one object (optionally {"articles": [...]})."""
    value = _loads(decode_text(data, path=context.path), path=context.path)
    if isinstance(value, dict):
        for key in ("articles", "items", "records", "data", "results", "posts"):
            if isinstance(value.get(key), list):
                value = value[key]
                break
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise BadInputError(f"expected a JSON array of articles or one article object, found a {type(value).__name__}",
                            path=context.path)
    for index, item in enumerate(value):
        result = _record_or_error(item, path=context.path, line=None)
        if isinstance(result, BadInputError) and result.line is None:
            result.message = f"item {index}: {result.message}"
        yield result


def _lines(data: bytes, path: str) -> Iterator[bytes | str]:
    """The lines of a JSON Lines file, one at a time.

    JSON is UTF-8, so plain UTF-8 files are cut into lines as bytes, without decoding or
    copying the whole file (a 400 MB dump would otherwise be held three times over); a file
    with a BOM or in UTF-16 goes through the general decoder first.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4000]:
        yield from decode_text(data, path=path).split("\n")
        return
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        yield data[start:end]
        start = end + 1


def extract_jsonl(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """One JSON object per line; a broken line is reported with its number and skipped."""
    for number, line in enumerate(_lines(data, context.path), start=1):
        if not line.strip():
            continue
        try:
            value = _loads(line, path=context.path, line=number)
        except BadInputError as exc:
            yield exc
            continue
        yield _record_or_error(value, path=context.path, line=number)


def extract_csv(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """CSV with a header row; the delimiter is sniffed (comma, semicolon, tab)."""
    text = decode_text(data, path=context.path)
    sample = text[:20000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    # Cells of news bodies can be long; the default cap of 128 KiB rejects real articles.
    csv.field_size_limit(min(sys.maxsize, 64 * 1024 * 1024))
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    columns = [_key(c) for c in (reader.fieldnames or [])]
    if not any(_ALIAS_TO_FIELD.get(c) == "title" for c in columns):
        raise BadInputError(
            f"the CSV header has no title column (columns: {', '.join(reader.fieldnames or []) or 'none'})",
            path=context.path, hint="name a column title or headline",
        )
    try:
        for row in reader:
            row.pop(None, None)  # cells beyond the header: no name to keep them under
            yield _record_or_error(row, path=context.path, line=reader.line_num)
    except csv.Error as exc:
        yield BadInputError(f"CSV syntax error: {exc}", path=context.path, line=reader.line_num)
