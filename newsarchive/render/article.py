"""The reader view of one article: `render_article` for the terminal, and its plain twin.

Layout: a headline panel, the standfirst, a metadata line (source · site · date · reviewer
· words · reading time · tags), the byline, then the body with paragraph spacing,
sub-headings as headings and quotations indented in italics, and the notes at the end.
Every string is built into `rich.text.Text` after `clean_terminal_text` (through
`export.text.clean`), never parsed as markup, so `[bold red]` in a title prints as those
characters. `article_as_plain_text` is
the plain layout that `export --format text` writes, so the two never drift apart.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from rich.console import Group, RenderableType
from rich.constrain import Constrain
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.style import Style
from rich.text import Text

from newsarchive.export.fields import body_blocks, note_time, notes_of, text_of, web_url
from newsarchive.export.text import article_text, byline, clean, metadata_items

# Lines longer than this are hard to read; a wider terminal gets a margin instead.
MEASURE = 100
HIGHLIGHT = Style(bold=True, reverse=True)
QUERY_OPERATORS = frozenset({"AND", "OR", "NOT"})
METADATA_STYLES = {
    "source": "bold",
    "published": "",
    "reviewer": "italic",
    "words": "dim",
    "reading": "dim",
    "tags": "cyan",
}


def highlight_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern for the terms, each also matching as a word prefix.

    "vein" marks "veins" too; a term is matched at the start of a word, not inside one.
    Terms may come straight from a search query, so quotes, brackets, `field:` prefixes
    and the operators AND and OR are set aside, and excluded words (`-word`, `NOT word`)
    are not marked.
    """
    words: set[str] = set()
    excluded = False
    for word in (w for term in terms for w in str(term).split()):
        if word in QUERY_OPERATORS:
            excluded = word == "NOT"
            continue
        if excluded or word.startswith("-"):
            excluded = False
            continue
        word = word.split(":", 1)[1] if re.match(r"^[A-Za-z_]+:.", word) else word
        if word := word.strip("\"'()[]{}"):
            words.add(word)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def _text(value: str, style: str | Style = "", pattern: re.Pattern[str] | None = None) -> Text:
    text = Text(clean(value), style=style)
    if pattern is not None:
        text.highlight_regex(pattern, HIGHLIGHT)
    return text


def render_article(record: dict[str, Any], *, highlight: Sequence[str] = ()) -> RenderableType:
    """The article as a Rich renderable, wrapping to the console's width (at most MEASURE)."""
    pattern = highlight_pattern(highlight)
    parts: list[RenderableType] = [
        Panel(_text(text_of(record, "title") or "(untitled)", "bold", pattern), padding=(1, 2)),
    ]
    if subtitle := text_of(record, "subtitle"):
        parts.append(Padding(_text(subtitle, "italic", pattern), (1, 1, 0, 1), expand=False))
    meta = Text(" \u00b7 ", style="dim").join(
        Text(value, style=METADATA_STYLES.get(kind, "")) for kind, value in metadata_items(record)
    )
    header_lines = [meta]
    if by := byline(record):
        header_lines.append(Text(by))
    if url := web_url(record.get("url")):
        # Plain text, never a terminal hyperlink: the shown address is the one followed.
        header_lines.append(Text(clean(url), style="dim underline"))
    parts.append(Padding(Group(*header_lines), (1, 1, 1, 1), expand=False))
    for block in body_blocks(record):
        if block.kind == "heading":
            parts.append(Padding(_text(block.text, "bold underline", pattern), (1, 1, 1, 1), expand=False))
        elif block.kind == "quote":
            parts.append(Padding(_text(block.text, "italic", pattern), (0, 4, 1, 5), expand=False))
        else:
            parts.append(Padding(_text(block.text, "", pattern), (0, 1, 1, 1), expand=False))
    if notes := notes_of(record):
        parts.append(Rule(Text("Notes"), style="dim"))
        for at, note in notes:
            line = Text.assemble((note_time(at) + "  ", "dim") if at else "", _text(note, "", pattern))
            parts.append(Padding(line, (0, 1, 0, 1), expand=False))
    return Constrain(Group(*parts), width=MEASURE)


def article_as_plain_text(record: dict[str, Any], width: int = 80) -> str:
    """The reader view as plain text, for `show --format text` and pipes."""
    return article_text(record, width)

