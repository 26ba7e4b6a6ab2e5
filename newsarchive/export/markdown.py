"""Markdown: YAML front matter holding every field, then the body with `## ` sub-headings.

The front matter (yaml.safe_dump) carries the record's fields by their DESIGN.md names, so
the Markdown importer, which maps front-matter keys by name, reads the article back as it
was. `body` itself is the text after the front matter and `word_count` is derived from it,
so neither is repeated above. Body text is escaped where CommonMark would read it as markup
(emphasis, links, raw HTML such as `<script>`, a line starting "#" or "1."), so it renders
as the literal text it is; terminal control characters are removed everywhere.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import yaml

from newsarchive.export.fields import body_blocks
from newsarchive.model import RECORD_FIELDS
from newsarchive.export.escapes import clean_terminal_text

# Fields written below the front matter or derived from what is.
NOT_IN_FRONT_MATTER = ("body", "word_count")
# Besides the DESIGN.md fields, what `Article.to_record()` may add; other keys (a store's
# own bookkeeping) are not part of the article.
OPTIONAL_KEYS = ("extra", "history")
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Openings that make a line a heading, list item, thematic break, setext underline, fence
# or table; a number then "." or ")" starts an ordered list.
# (dashes with spaces between them, "- - -" or "--   -", are a thematic break too)
_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|[-+*](?=\s|$)|=+\s*$|(?:-[ \t]*)+$|~{3,}|\|)")
_ORDERED_ITEM = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean_terminal_text(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean_value(v) for k, v in value.items()}
    return value


def front_matter(record: dict[str, Any]) -> dict[str, Any]:
    """Every field but the body, DESIGN.md fields in their order, then extra and history."""
    names = [n for n in (*RECORD_FIELDS, *OPTIONAL_KEYS) if n not in NOT_IN_FRONT_MATTER and n in record]
    return {name: _clean_value(record[name]) for name in names}


def escape_inline(text: str) -> str:
    """Text with emphasis, code, link and raw-HTML characters and entities escaped."""
    return _ENTITY.sub(r"\\&", _INLINE_MARKUP.sub(r"\\\1", text))


def escape_paragraph(text: str) -> str:
    """One paragraph as Markdown that renders to exactly `text`.

    Every line is escaped as a paragraph's first line would be, since a heading, list or
    setext underline can also start on a paragraph's later lines.
    """
    return "\n".join(_escape_line(line) for line in text.split("\n"))


def _escape_line(line: str) -> str:
    line = _BLOCK_START.sub(lambda m: "\\" + m.group(), escape_inline(line), count=1)
    return _ORDERED_ITEM.sub(r"\1\\\2", line, count=1)


def escape_heading(text: str) -> str:
    """Heading text for after "## ": a trailing "#" would be read as a closing sequence."""
    text = escape_inline(text)
    return text[:-1] + "\\#" if text.endswith("#") else text


def article_markdown(record: dict[str, Any]) -> str:
    """One article as a Markdown document with front matter, ending in a newline."""
    matter = yaml.safe_dump(front_matter(record), allow_unicode=True, sort_keys=False,
                            default_flow_style=False, width=100)
    parts = [f"---\n{matter}---"]
    for block in body_blocks(record):
        if block.kind == "heading":
            parts.append(f"## {escape_heading(clean_terminal_text(block.text))}")
        else:
            # The paragraph as it stands (line breaks kept, a "> " quote with its markers,
            # escaped), so the importer reads back the very body that was exported.
            parts.append(escape_paragraph(clean_terminal_text(block.source)))
    return "\n\n".join(parts) + "\n"


def export_markdown(records: Sequence[dict[str, Any]]) -> str:
    """Every article as a Markdown document, one after the other."""
    return "\n".join(article_markdown(record) for record in records)
