"""The record as every output reads it: body blocks, names, dates, web addresses, keys.

Exporters and the reader view all need the same answers (which paragraphs are headings,
how long the article takes to read, whether a URL may become a link, what to call a
citation), so they are given here once. Pure functions over record dicts.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Sequence
from urllib.parse import urlsplit

from newsarchive.model import count_words, is_iso_date

WORDS_PER_MINUTE = 230
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# Marks that open a quotation in the languages the archive sees.
QUOTE_OPENERS = ("\u201c", '"', "\u2018", "'", "\u00ab", "\u201e", "\u201a", "\u2039", "\u300c")

BlockKind = Literal["heading", "quote", "paragraph"]


@dataclass(frozen=True)
class Block:
    """One paragraph of the body and the part it plays.

    `text` is what to show: one line, a block quote without its ">" markers. `source` is
    the paragraph as it stands in the body (its line breaks kept, each line trimmed), for
    formats that must give it back unchanged.
    """

    kind: BlockKind
    text: str
    source: str


def text_of(record: dict[str, Any], name: str) -> str:
    """A text field as a string, "" when missing or null."""
    value = record.get(name)
    return value if isinstance(value, str) else ("" if value is None else str(value))


def list_of(record: dict[str, Any], name: str) -> list[str]:
    """A list-of-text field, tolerating a missing or malformed value."""
    value = record.get(name)
    if not isinstance(value, list):
        return []
    return [str(item) for item in value if item is not None and str(item).strip()]


def notes_of(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(time, text) of each note, in order."""
    notes = record.get("notes")
    if not isinstance(notes, list):
        return []
    return [(str(n.get("at") or ""), str(n.get("text") or "")) for n in notes if isinstance(n, dict)]


def note_time(at: str) -> str:
    """A note's ISO time as "2026-11-24 19:00 UTC"; anything unparseable as given."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return at
    zone = moment.strftime("%z")
    suffix = " UTC" if zone == "+0000" else (f" {zone[:3]}:{zone[3:]}" if zone else "")
    return moment.strftime("%Y-%m-%d %H:%M") + suffix


def body_blocks(record: dict[str, Any]) -> list[Block]:
    """The body's paragraphs, each marked heading, quote or plain paragraph.

    A heading is a paragraph that is exactly one of the record's `headings`. A quote opens
    with a quotation mark, or is a block quote whose lines start with ">". Line breaks inside
    a paragraph are wrapping and become single spaces.
    """
    headings = {" ".join(h.split()) for h in list_of(record, "headings")}
    blocks: list[Block] = []
    for raw in re.split(r"\n[ \t]*\n", text_of(record, "body").replace("\r\n", "\n")):
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        if not lines:
            continue
        source = "\n".join(" ".join(line.split()) for line in lines)
        quoted = " ".join(" ".join(line[1:].split()) for line in lines if line.startswith(">"))
        text = " ".join(source.split())
        if all(line.startswith(">") for line in lines) and quoted.strip():
            blocks.append(Block("quote", " ".join(quoted.split()), source))
        elif text in headings:
            blocks.append(Block("heading", text, source))
        elif text.startswith(QUOTE_OPENERS):
            blocks.append(Block("quote", text, source))
        else:
            blocks.append(Block("paragraph", text, source))
    return blocks


def word_count(record: dict[str, Any]) -> int:
    value = record.get("word_count")
    return value if isinstance(value, int) and value >= 0 else count_words(text_of(record, "body"))


def reading_minutes(words: int) -> int:
    """Minutes to read `words` at an unhurried pace; at least one for any text."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def date_parts(value: Any) -> tuple[int, int, int] | None:
    """(year, month, day) of an ISO date or date-time, None when it is not one."""
    if not isinstance(value, str) or not is_iso_date(value[:10]):
        return None
    year, month, day = (int(part) for part in value[:10].split("-"))
    return year, month, day


def human_date(value: Any) -> str:
    """ "12 October 2010" for "2010-10-12"; the value as given when it is not a date."""
    parts = date_parts(value)
    if parts is None:
        return value if isinstance(value, str) else ""
    year, month, day = parts
    return f"{day} {MONTHS[month - 1]} {year}"


def import_date(record: dict[str, Any]) -> str | None:
    """The day the article entered the archive, as YYYY-MM-DD (a citation's access date)."""
    imported = text_of(record, "imported_at")
    return imported[:10] if date_parts(imported) else None


def web_url(value: Any) -> str | None:
    """The URL when it is an http(s) address safe to link to, else None.

    Anything else (javascript:, data:, file:, relative paths, text with spaces or control
    characters) is never made a link or a citation address.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def split_name(name: str) -> tuple[str, str]:
    """(family, given) of a person's name: "Smith, Jane" or "Jane Smith" -> ("Smith", "Jane").

    A single word (an agency, a mononym) is all family name with no given name.
    """
    name = " ".join(name.split())
    if "," in name:
        family, _, given = name.partition(",")
        return family.strip(), given.strip()
    given, _, family = name.rpartition(" ")
    return (family, given) if family else (given, "")


def ascii_slug(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII letters, digits and single hyphens; "" when nothing is left."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")


def citation_keys(records: Sequence[dict[str, Any]]) -> list[str]:
    """A unique, ASCII-only citation key for each record: family name or source, year, word.

    Keys hold only letters, digits, "-" and "_", so they are safe in BibTeX, RIS and
    pandoc's citation syntax. Clashes get "a", "b"... appended, as reference managers do.
    """
    keys: list[str] = []
    seen: dict[str, int] = {}
    for record in records:
        authors = list_of(record, "authors")
        who = split_name(authors[0])[0] if authors else text_of(record, "source") or text_of(record, "site")
        parts = date_parts(record.get("published"))
        title_words = [w for w in ascii_slug(text_of(record, "title")).split("-") if len(w) > 3]
        stem = "".join(
            piece for piece in (
                ascii_slug(who).replace("-", "")[:20].capitalize() or "Anon",
                str(parts[0]) if parts else "",
                title_words[0] if title_words else "",
            )
        )
        count = seen.get(stem, 0)
        seen[stem] = count + 1
        keys.append(stem if count == 0 else f"{stem}{_letters(count)}")
    # A suffixed key can still equal another record's plain stem ("Smith2010a"); settle it.
    final: list[str] = []
    taken: set[str] = set()
    for key in keys:
        candidate, n = key, 1
        while candidate in taken:
            candidate = f"{key}{_letters(n)}"
            n += 1
        taken.add(candidate)
        final.append(candidate)
    return final


def _letters(n: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa": spreadsheet-style suffixes."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out
