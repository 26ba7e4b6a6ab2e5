"""Plain text: a header block, then the body wrapped at 80 columns with paragraphs kept.

`article_text` is the one plain layout of an article; the reader view's
`article_as_plain_text` (`show --format text`) is this same function. Every piece of
article text passes `clean_terminal_text`, because plain text ends up on terminals.
"""

from __future__ import annotations

import textwrap
from typing import Any, Sequence

from newsarchive.export.fields import (
    body_blocks,
    human_date,
    list_of,
    note_time,
    notes_of,
    reading_minutes,
    text_of,
    word_count,
)
from newsarchive.export.escapes import clean_terminal_text

WIDTH = 80
QUOTE_INDENT = "    "
ARTICLE_SEPARATOR = "=" * WIDTH
SEPARATOR = " \u00b7 "


def metadata_items(record: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, text) of the metadata line: source, site, section, date, reviewer, words, time, tags.

    Shared by the plain layout and the Rich reader view, which styles each kind.
    """
    items: list[tuple[str, str]] = []
    for name in ("source", "site", "section"):
        if value := clean(text_of(record, name)):
            items.append((name, value))
    if date := clean(human_date(record.get("published"))):
        items.append(("published", date))
    if reviewer := clean(text_of(record, "reviewer")):
        items.append(("reviewer", f"reviewed by {reviewer}"))
    words = word_count(record)
    items.append(("words", f"{words:,} word{'s' if words != 1 else ''}"))
    if words:
        items.append(("reading", f"{reading_minutes(words)} min read"))
    if tags := [clean(t) for t in list_of(record, "tags")]:
        items.append(("tags", ", ".join("#" + t for t in tags)))
    return items


def byline(record: dict[str, Any]) -> str:
    """ "By A, B and C", or "" when no author is credited."""
    authors = [clean(a) for a in list_of(record, "authors")]
    if not authors:
        return ""
    names = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]
    return f"By {names}"


def clean(text: str) -> str:
    """Terminal-safe text with runs of white space made single."""
    return " ".join(clean_terminal_text(text).split())


def article_text(record: dict[str, Any], width: int = WIDTH) -> str:
    """One article as wrapped plain text, ending in a newline."""
    width = max(20, width)
    out: list[str] = []
    title = clean(text_of(record, "title")) or "(untitled)"
    title_lines = _wrap(title, width)
    out.extend(title_lines)
    out.append("=" * min(width, max(len(line) for line in title_lines)))
    if subtitle := clean(text_of(record, "subtitle")):
        out.append("")
        out.extend(_wrap(subtitle, width))
    out.append("")
    out.extend(_wrap(SEPARATOR.join(text for _, text in metadata_items(record)), width))
    if by := byline(record):
        out.extend(_wrap(by, width))
    if url := clean(text_of(record, "url")):
        out.append(f"URL: {url}")
    for block in body_blocks(record):
        text = clean(block.text)
        if not text:
            continue
        out.append("")
        if block.kind == "heading":
            lines = _wrap(text, width)
            out.extend(lines)
            out.append("-" * min(width, max(len(line) for line in lines)))
        elif block.kind == "quote":
            out.extend(_wrap(text, width, indent=QUOTE_INDENT))
        else:
            out.extend(_wrap(text, width))
    notes = [(clean(note_time(at)), clean(text)) for at, text in notes_of(record)]
    if notes:
        out.extend(["", "Notes", "-----"])
        for at, text in notes:
            out.extend(_wrap(f"[{at}] {text}" if at else text, width, hanging="  "))
    return "\n".join(out) + "\n"


def export_text(records: Sequence[dict[str, Any]]) -> str:
    """Every article as plain text, separated by a rule; "" when there are none."""
    return f"\n{ARTICLE_SEPARATOR}\n\n".join(article_text(record) for record in records)


def _wrap(text: str, width: int, *, indent: str = "", hanging: str = "") -> list[str]:
    # Long words (URLs) are left whole rather than cut: a broken URL cannot be copied.
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent + hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]
