"""Markdown notes with front matter (Hugo, Jekyll, Obsidian) to Articles.

The front matter (YAML between `---` lines, or TOML between `+++` lines) is mapped onto the
record like a structured import's columns, by `structured.article_from_mapping`. The
Markdown body is kept as plain text: headings become their own paragraphs (listed in
`headings`), emphasis, code and link syntax are reduced to their text, images and link
definitions dropped, backslash escapes undone. The title is the front matter's, else the
first `# ` heading, else (as Obsidian names notes) the file's name.

A file may hold several documents one after another, each opening with its own front matter
(as `export --format md` writes them to one stream).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.extract.decode import decode_text
from newsarchive.inputs import recorded_path
from newsarchive.model import Article

# Front matter larger than this (nodes visited, counting shared YAML aliases each time)
# is refused: no note needs it, and an alias bomb would otherwise explode later on.
MAX_FRONT_MATTER_NODES = 20_000
MAX_FRONT_MATTER_DEPTH = 32
TITLE_KEYS = {"title", "headline", "name", "heading"}
DERIVED_KEYS = {"word_count", "wordcount"}
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
TAG_KEYS = {"tags", "tag", "categories", "keywords"}

ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)")
BLOCKQUOTE = re.compile(r"^ {0,3}> ?")
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
# Every pattern below is bounded or excludes its own delimiters, so hostile text (ten
# thousand "[" or "*") costs linear time, never quadratic.
HTML_COMMENT = re.compile(r"<!--(?:(?!<!--|-->).){0,4000}-->", re.DOTALL)

ESCAPABLE = re.compile(r"\\([!-/:-@\[-`{-~])")
CODE_SPAN = re.compile(r"(`{1,3})([^\n]{1,2000}?)\1")
IMAGE = re.compile(r"!\[([^\[\]]{0,1000})\](?:\([^()\s]{0,2000}(?:\s+\"[^\"]{0,500}\")?\)|\[[^\[\]]{0,500}\])")
INLINE_LINK = re.compile(r"\[([^\[\]]{0,1000})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:\s+\"[^\"]{0,500}\")?\)")
REFERENCE_LINK = re.compile(r"\[([^\[\]]{1,1000})\]\[[^\[\]]{0,500}\]")
WIKI_LINK = re.compile(r"\[\[(?:[^\[\]|]{0,500}\|)?([^\[\]|]{1,1000})\]\]")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# Emphasis and strike-through markers are dropped where they open a run (after a space or
# an opening bracket, before text) or close one (after text, before a space or closing
# punctuation), as CommonMark's flanking rules have it: "5 * 3" and snake_case stay.
OPENING_MARK = re.compile(r"(?<![^\s(\[{\"'“‘«—–/-])(?:\*{1,3}|_{1,3})(?=[^\s*_])")
CLOSING_MARK = re.compile(r"(?<=[^\s*_])(?:\*{1,3}|_{1,3})(?![^\s)\]}\"'”’».,;:!?—–/-])")
# Strike-through is GFM, not CommonMark: only a closed pair counts, "1~~" is text.
STRIKE = re.compile(r"~~(?=[^\s~])([^~\n]{1,1000}?)(?<=[^\s~])~~")
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Escaped characters hide in the Unicode private use area while markup is stripped.
PRIVATE_BASE = 0xF0000


def _protect(match: re.Match[str]) -> str:
    return chr(PRIVATE_BASE + ord(match.group(1)))


def _restore(text: str) -> str:
    return re.sub("[\U000f0000-\U000f007f]", lambda m: chr(ord(m.group()) - PRIVATE_BASE), text)


def inline_text(text: str) -> str:
    """One paragraph's Markdown as the text a reader sees."""
    text = ESCAPABLE.sub(_protect, text)
    # Code spans are literal: shield their content from the rules below.
    text = CODE_SPAN.sub(lambda m: "".join(chr(PRIVATE_BASE + ord(c)) if ord(c) < 128 else c for c in m.group(2).strip()), text)
    text = IMAGE.sub("", text)
    text = WIKI_LINK.sub(r"\1", text)
    for _ in range(3):  # links may nest emphasis and vice versa
        text = INLINE_LINK.sub(r"\1", text)
        text = REFERENCE_LINK.sub(r"\1", text)
    text = AUTOLINK.sub(r"\1", text)
    text = HTML_COMMENT.sub("", text)
    text = HTML_TAG.sub("", text)
    text = STRIKE.sub(r"\1", text)
    text = CLOSING_MARK.sub("", text)
    text = OPENING_MARK.sub("", text)
    # CommonMark decodes only complete references ("&amp;", "&#233;"); "&#1" stays text.
    text = ENTITY.sub(lambda m: html.unescape(m.group()), text)
    # A paragraph's line breaks are kept as written (the Markdown export writes the body's
    # own); spacing within a line is made single.
    lines = (" ".join(line.split()) for line in _restore(text).split("\n"))
    return "\n".join(line for line in lines if line)


def markdown_blocks(text: str) -> list[tuple[str, int]]:
    """The body as (text, heading level) blocks; level 0 is a paragraph."""
    reader = _BlockReader()
    for line in text.split("\n"):
        if reader.fence is not None:
            reader.read_code_line(line)
        else:
            reader.read_line(line)
    # A fence never closed: what followed it is read as a paragraph, not kept as code.
    reader.fence = None
    reader.flush()
    return reader.blocks


class _BlockReader:
    """Markdown read line by line: the blocks found so far, and the lines of the open one."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, int]] = []
        self.lines: list[str] = []
        self.fence: str | None = None  # the fence of the open code block, if in one

    def flush(self, level: int = 0) -> None:
        """End the open block; it is kept if it has any text."""
        if self.lines:
            content = "\n".join(self.lines) if self.fence is not None else inline_text("\n".join(self.lines))
            if content.strip():
                self.blocks.append((content, level))
            self.lines.clear()

    def read_code_line(self, line: str) -> None:
        """A line inside a fenced code block: kept as written, until the closing fence."""
        if line.strip().startswith(self.fence or ""):
            # Code keeps its lines; a blank one inside must not split the paragraph.
            kept = "\n".join(code.rstrip() for code in self.lines if code.strip())
            self.lines.clear()
            if kept:
                self.blocks.append((kept, 0))
            self.fence = None
        else:
            self.lines.append(line)

    def read_line(self, line: str) -> None:
        """A line outside code: it opens, ends or continues a block."""
        opening = FENCE.match(line)
        if opening:
            self.flush()
            self.fence = opening.group(1)[0] * 3
            return
        line = _without_quote_markers(line)
        if not line.strip():
            self.flush()
            return
        if self._read_heading(line):
            return
        if THEMATIC_BREAK.match(line) or LINK_DEFINITION.match(line) or TABLE_SEPARATOR.match(line):
            self.flush()
            return
        item = LIST_ITEM.match(line)
        if item:
            # Each list item starts a paragraph of its own.
            self.flush()
            line = line[item.end() :]
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            # A table row is a paragraph of its own, its cells joined.
            self.flush()
            self.lines.append(_table_row_text(line))
            self.flush()
            return
        self.lines.append(line)

    def _read_heading(self, line: str) -> bool:
        """Read `line` as a heading ("# Title", or the underline below a one-line block), if it is one."""
        heading = ATX_HEADING.match(line)
        if heading:
            self.flush()
            self.lines.append(heading.group(2) or "")
            self.flush(len(heading.group(1)))
            return True
        underline = SETEXT_UNDERLINE.match(line)
        if underline and len(self.lines) == 1:
            self.flush(1 if underline.group(1).startswith("=") else 2)
            return True
        return False


def _without_quote_markers(line: str) -> str:
    """The line with its blockquote markers ("> > ") taken off: a quote is read as text."""
    quoted = BLOCKQUOTE.match(line)
    while quoted:
        line = line[quoted.end() :]
        quoted = BLOCKQUOTE.match(line)
    return line


def _table_row_text(line: str) -> str:
    """A table row's non-empty cells, joined by " | "."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return " | ".join(cell for cell in cells if cell)


# --- front matter ---------------------------------------------------------------------------


def _check_size(value: Any, path: str, line: int) -> None:
    """Refuse front matter that is too big or too deep once aliases are followed."""
    budget = [MAX_FRONT_MATTER_NODES]
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        budget[0] -= 1
        if budget[0] < 0 or depth > MAX_FRONT_MATTER_DEPTH:
            raise BadInputError(
                "the front matter is too large or too deeply nested (YAML aliases?)", path=path, line=line
            )
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
            stack.extend((k, depth + 1) for k in item)
        elif isinstance(item, (list, tuple)):
            stack.extend((v, depth + 1) for v in item)


def _parse_front_matter(source: str, kind: str, path: str, first_line: int) -> dict[str, Any]:
    """The front matter's mapping; `first_line` is the file line of its opening fence."""
    if kind == "+++":
        import tomllib

        try:
            value: Any = tomllib.loads(source)
        except tomllib.TOMLDecodeError as error:
            found = re.search(r"line (\d+)", str(error))
            # tomllib names a line, or says "at end of document": the block's last line.
            line = first_line + (int(found.group(1)) if found else source.count("\n") + 1)
            raise BadInputError(f"the TOML front matter is invalid: {error}", path=path, line=line) from None
    else:
        import yaml

        try:
            value = yaml.safe_load(source)
        except yaml.MarkedYAMLError as error:
            # An unclosed quote or bracket is found at the end of the block; where it was
            # opened (the context) is the line to fix.
            at_end = "end of stream" in (error.problem or "")
            mark = (error.context_mark if at_end else None) or error.problem_mark or error.context_mark
            line = first_line + 1 + (mark.line if mark else 0)
            problem = error.problem or "not valid YAML"
            if error.context:
                problem = f"{error.context}: {problem}"
            raise BadInputError(f"the front matter is not valid YAML ({problem})", path=path, line=line) from None
        except (yaml.YAMLError, RecursionError, ValueError) as error:
            raise BadInputError(f"the front matter is not valid YAML: {error}", path=path, line=first_line) from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadInputError(
            f"the front matter must be a mapping of keys to values, not a {type(value).__name__}", path=path, line=first_line
        )
    _check_size(value, path, first_line)
    return _without_surrogates(value)


def _without_surrogates(value: Any) -> Any:
    """YAML's "\\ud800" escapes make lone surrogates, which no JSON archive can store."""
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _looks_like_front_matter(lines: list[str], start: int) -> int | None:
    """The index of the closing fence when lines[start] opens a front matter block."""
    fence = lines[start].rstrip()
    if fence not in ("---", "+++"):
        return None
    closers = ("---", "...") if fence == "---" else ("+++",)
    for index in range(start + 1, min(len(lines), start + 2000)):
        if lines[index].rstrip() in closers:
            return index
    return None


def split_documents(text: str) -> list[tuple[int, str | None, str, str]]:
    """(first line, fence or None, front matter source, body) for each document in the text.

    A later document starts at a `---` line after a blank line whose block parses as a
    mapping with a title or id: a thematic break in a body never looks like that.
    """
    lines = text.split("\n")
    starts: list[tuple[int, int]] = []
    closing = _looks_like_front_matter(lines, 0) if lines else None
    if closing is None:
        if lines and lines[0].rstrip() in ("---", "+++"):
            raise BadInputError("the front matter opened on line 1 is never closed", path=None, line=1)
        return [(1, None, "", text)]
    starts.append((0, closing))
    index = closing + 1
    while index < len(lines):
        if lines[index].rstrip() == "---" and index > 0 and not lines[index - 1].strip():
            end = _looks_like_front_matter(lines, index)
            if end is not None and _is_record_front_matter("\n".join(lines[index + 1 : end])):
                starts.append((index, end))
                index = end + 1
                continue
        index += 1
    documents = []
    for number, (start, end) in enumerate(starts):
        body_end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        documents.append(
            (start + 1, lines[start].rstrip(), "\n".join(lines[start + 1 : end]), "\n".join(lines[end + 1 : body_end]))
        )
    return documents


def _is_record_front_matter(source: str) -> bool:
    keys = {match.group(1).lower() for match in re.finditer(r"^([A-Za-z_][\w-]*):", source, re.MULTILINE)}
    return bool(keys & (TITLE_KEYS | {"id"}))


def _merge_tag_keys(mapping: dict[str, Any]) -> dict[str, Any]:
    """Hugo and Jekyll keep both `tags` and `categories`: all of them become tags."""
    keys = [key for key in mapping if str(key).lower() in TAG_KEYS]
    if len(keys) < 2:
        return mapping
    merged: list[Any] = []
    for key in keys:
        value = mapping[key]
        merged.extend(value if isinstance(value, list) else [value])
    result = {key: value for key, value in mapping.items() if key not in keys[1:]}
    result[keys[0]] = merged
    return result


def _title_key(mapping: dict[str, Any]) -> bool:
    return any(str(key).lower().replace("_", "").replace("-", "") in TITLE_KEYS and value for key, value in mapping.items())


def _document_article(
    line: int, fence: str | None, source: str, body_text: str, path: str
) -> Article:
    from newsarchive.extract.structured import article_from_mapping

    mapping = _parse_front_matter(source, fence, path, line) if fence else {}
    blocks = markdown_blocks(body_text)
    title = _take_title_heading(mapping, blocks)
    body = "\n\n".join(text for text, _ in blocks)
    headings = [text for text, level in blocks if level]

    mapping = _merge_tag_keys(mapping)
    extra = mapping.get("extra") if isinstance(mapping.get("extra"), dict) else None
    history = mapping.get("history") if isinstance(mapping.get("history"), list) else None
    record = _front_matter_record(mapping, body, skip_extra=extra is not None, skip_history=history is not None)
    record = _with_title(record, title, path)
    if headings:
        record["headings"] = headings
    article = article_from_mapping(record, path=path, line=line)
    if body:
        # article_from_mapping makes each paragraph one line; ours keep their line breaks.
        article.body = body
    if headings:
        article.headings = [h for h in headings if h in article.body]
    if extra:
        article.extra = {**extra, **article.extra}
    if history:
        article.history = [h for h in history if isinstance(h, dict)]
    return article


def _take_title_heading(mapping: dict[str, Any], blocks: list[tuple[str, int]]) -> str | None:
    """The title the body's headings give, taken out of `blocks`; None when the front matter has one.

    With no title in the front matter, the first `# ` heading is the title. With one, a first
    heading that repeats it is dropped.
    """
    if not _title_key(mapping):
        for index, (text, level) in enumerate(blocks):
            if level == 1:
                del blocks[index]
                return text
    elif blocks and blocks[0][1] == 1:
        wanted = next(str(v) for k, v in mapping.items() if str(k).lower() in TITLE_KEYS and v)
        # The title written again as the first heading is the title, not a heading of the body.
        if " ".join(wanted.split()).casefold() == blocks[0][0].casefold():
            del blocks[0]
    return None


def _front_matter_record(mapping: dict[str, Any], body: str, *, skip_extra: bool, skip_history: bool) -> dict[str, Any]:
    """The record for article_from_mapping: the body, then the front matter's keys.

    Derived counts are left out (the archive counts words itself), and so are `extra` and
    `history` when the caller restores them onto the article whole.
    """
    record: dict[str, Any] = {}
    if body:
        record["body"] = body
    for key, value in mapping.items():
        lowered = str(key).lower()
        if lowered in DERIVED_KEYS or (lowered == "extra" and skip_extra) or (lowered == "history" and skip_history):
            continue
        if lowered == "body" and body:
            # The Markdown body is the body; a front matter `body` key is kept aside, not lost.
            record["front_matter_body"] = value
            continue
        record[str(key)] = value
    return record


def _with_title(record: dict[str, Any], title: str | None, path: str) -> dict[str, Any]:
    """The record with a title in front: its own, else the first heading's, else the file's name."""
    if title and not _title_key(record):
        record = {"title": title, **record}
    if not _title_key(record):
        # (as the archive records a file name: one that is not UTF-8 has its stray bytes escaped)
        name = recorded_path(PurePath(path).stem) if path not in ("-", "") else ""
        if name:
            record = {"title": name.replace("_", " "), **record}
    return record


def extract_markdown(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """The `markdown` format: one Article per document (usually one per file)."""
    text = decode_text(data, path=context.path)
    try:
        documents = split_documents(text)
    except BadInputError as error:
        raise BadInputError(error.message, path=context.path, line=error.line) from None
    if len(documents) == 1:
        yield _document_article(*documents[0], context.path)
        return
    for document in documents:
        try:
            yield _document_article(*document, context.path)
        except BadInputError as error:
            yield error
