"""The Article record: its fields, validation, word counts and stable ids.

The field names and types are the contract of DESIGN.md; `Article.to_record()` is the JSON
every command prints. Extractors build an `Article` with the content fields filled in; the
import pipeline adds `id`, `imported_at` and `origin`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from typing import Any

# The order of the record's keys, as printed by `show --format json`.
RECORD_FIELDS = (
    "id",
    "title",
    "subtitle",
    "authors",
    "source",
    "site",
    "section",
    "reviewer",
    "published",
    "url",
    "language",
    "tags",
    "notes",
    "headings",
    "body",
    "word_count",
    "imported_at",
    "origin",
)
# What extraction decides (and `reextract` may revise); the rest is the archive's or the user's.
CONTENT_FIELDS = ("title", "subtitle", "authors", "source", "site", "section", "reviewer", "published", "url",
                  "language", "headings", "body")
OPTIONAL_TEXT_FIELDS = ("subtitle", "source", "site", "section", "reviewer", "published", "url", "language")

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A number with separators ("85,000", "3.5") is one word, as is "well-known" or "it's".
WORD = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:['’\-]\w+)*")
# Duplicate detection compares plain words: no punctuation, no accents.
NORMAL_WORD = re.compile(r"\w+")
COMBINING_MARKS = re.compile("[\u0300-\u036f]")
ID_LENGTH = 12
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Article:
    """One archived article. See DESIGN.md for the meaning of each field."""

    title: str
    body: str
    id: str = ""
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    site: str | None = None
    section: str | None = None
    reviewer: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    imported_at: str = ""
    origin: dict[str, Any] = field(default_factory=dict)
    # Keys an importer found but the record has no field for (kept, never dropped).
    extra: dict[str, Any] = field(default_factory=dict)
    # What `edit` changed, oldest first: {"at", "field", "old", "new"}.
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return count_words(self.body)

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready record, DESIGN.md fields first in their fixed order."""
        record: dict[str, Any] = {name: getattr(self, name) for name in RECORD_FIELDS}
        if self.extra:
            record["extra"] = self.extra
        if self.history:
            record["history"] = self.history
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Article:
        """Rebuild an Article from a stored record; unknown keys are ignored, word_count derived."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in record.items() if k in known})


# What an import may do with an article the archive already holds (same URL or body).
DUPLICATE_POLICIES = ("skip", "update", "keep-both")

# Keys the archive keeps on a stored record for its own use, not part of what users see.
INTERNAL_FIELDS = ("body_hash",)


def public_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record as commands print and export it: without the archive's internal keys."""
    return {k: v for k, v in record.items() if k not in INTERNAL_FIELDS}


def with_new_content(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`old` with the content fields of `new` (a fresh extraction of the same article),
    except the fields a person corrected with `edit`: their correction stands."""
    corrected = {change.get("field") for change in old.get("history", [])}
    updated = dict(old)
    for name in CONTENT_FIELDS:
        if name not in corrected:
            updated[name] = new.get(name)
    updated["word_count"] = count_words(updated.get("body") or "")
    return updated


def count_words(text: str) -> int:
    return len(WORD.findall(text or ""))


def normalise_tag(tag: str) -> str:
    """Tags are lower-case, trimmed, with inner runs of white space made single, and free of
    control characters (an imported tag must not carry a terminal escape sequence)."""
    return " ".join(CONTROL_CHARACTERS.sub("", str(tag)).split()).lower()


def normalise_tags(tags: list[str]) -> list[str]:
    """Lower-case, unique, in first-seen order; empty tags dropped."""
    seen: dict[str, None] = {}
    for tag in tags:
        clean = normalise_tag(tag)
        if clean:
            seen.setdefault(clean, None)
    return list(seen)


def normalise_body(body: str) -> str:
    """The text as compared for duplicates: case, accents, punctuation and spacing folded."""
    text = COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", body or "")).casefold()
    return " ".join(NORMAL_WORD.findall(text))


def content_key(article: Article, normalised_body: str | None = None) -> str:
    """A hex digest of what makes an article itself: its title and its normalised body."""
    body = normalise_body(article.body) if normalised_body is None else normalised_body
    payload = "\x1f".join(["newsarchive-v1", normalise_body(article.title), body])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def make_id(article: Article, taken: set[str] | frozenset[str] = frozenset(), length: int = ID_LENGTH, *,
            normalised_body: str | None = None) -> str:
    """A short id derived from the content, so the same input gives the same id anywhere.

    When the short form is already taken by another article, a longer prefix of the same
    digest is used, then a numbered suffix: ids are never silently shared.
    """
    digest = content_key(article, normalised_body)
    for size in range(length, len(digest) + 1, 4):
        candidate = digest[:size]
        if candidate not in taken:
            return candidate
    n = 2
    while f"{digest[:length]}-{n}" in taken:
        n += 1
    return f"{digest[:length]}-{n}"


def utc_now() -> str:
    """The current time as ISO 8601 in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def is_iso_date(value: str) -> bool:
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def validate_record(record: dict[str, Any], *, check_word_count: bool = True) -> list[str]:
    """Every way the record breaks the contract, as short sentences; [] when it is valid.

    `check_word_count=False` skips recounting the body, for records just built from it.
    """
    problems: list[str] = []
    for name in ("id", "title", "body"):
        value = record.get(name)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{name} is missing or empty")
    for name in OPTIONAL_TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            problems.append(f"{name} must be text or null, not {type(value).__name__}")
    published = record.get("published")
    if isinstance(published, str) and not is_iso_date(published):
        problems.append(f"published must be a date as YYYY-MM-DD, not {published!r}")
    for name in ("authors", "headings", "tags"):
        value = record.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            problems.append(f"{name} must be a list of text")
    tags = record.get("tags", [])
    if isinstance(tags, list) and all(isinstance(t, str) for t in tags):
        if tags != normalise_tags(tags) or len(tags) != len(set(tags)):
            problems.append("tags must be lower-case and unique")
    notes = record.get("notes", [])
    if not isinstance(notes, list) or not all(
        isinstance(n, dict) and isinstance(n.get("at"), str) and isinstance(n.get("text"), str) for n in notes
    ):
        problems.append('notes must be a list of {"at": time, "text": text}')
    origin = record.get("origin", {})
    if not isinstance(origin, dict):
        problems.append("origin must be an object")
    if check_word_count and "word_count" in record and record["word_count"] != count_words(record.get("body") or ""):
        problems.append("word_count does not match the body")
    return problems


def learning_site(site: str | None, origin: dict) -> str | None:
    """The site a text page is counted under: the one its extraction grouped it by (the
    "site_key" it left in the origin, a guess looser than the site it shows), else its site."""
    key = origin.get("site_key")
    return key if isinstance(key, str) and key else site


def originals_of(record: dict[str, Any]) -> set[str]:
    """The sha256 of every original a record refers to, its merged copies' included."""
    origin = record.get("origin") if isinstance(record.get("origin"), dict) else {}
    copies = origin.get("copies") if isinstance(origin.get("copies"), list) else []
    origins = [origin, *(c.get("origin") for c in copies if isinstance(c, dict))]
    # A record damaged by hand may hold anything here: only sha256 strings count.
    return {o["sha256"] for o in origins if isinstance(o, dict) and isinstance(o.get("sha256"), str) and o["sha256"]}


def has_usable_id(record: dict[str, Any]) -> bool:
    """Whether a stored record has an id to find it by (one damaged by hand may not)."""
    return isinstance(record.get("id"), str) and record["id"] != ""
