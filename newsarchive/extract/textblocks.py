"""A text page cut into blocks, each with the features the extractor decides on.

A block is one paragraph as the page's tool wrote it: a line in html-text or browser
copies, several lines in a text-browser dump that wraps at a fixed width (w3m, lynx). We
detect the wrap width and join a line to the next only when the next line's first word
could not have fitted, so a short line after a long paragraph stays its own block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
BULLET = re.compile(r"^\s*(?:[•*·▪►▸◦‣○●■□–-]|\d{1,2}[.)]|\[\d+\])\s+")
# inscriptis marks the items of a list inside a list inside a list with a letter: "o Gadgets".
# Two lines one under the other that open so are two items, not a sentence and its end (a
# line may go on with the article "o" of Portuguese, but not two in a row).
LETTER_BULLET = re.compile(r"^\s*o\s+\S")
# Separators of menu items laid on one line: "News | Sport | Weather".
SEPARATORS = re.compile(r"\s[|•·»›>/]\s|\S\s{2,}(?=\S)")
BYLINE_START = re.compile(r"^\s*(?:by|di|de|da|von|par|por|door|van|posted|written)\s", re.I)
# A by-line under a photo's caption, which a dump may print at the caption's foot with no
# blank line between: "... election. (Jane Roe/AFP/Getty Images)" over "By Tom Hale March 18".
# A line that opens so, under a line closed by a full stop or a bracket, starts a block.
CREDITED_BYLINE = re.compile(r"^\s*By\s+[A-Z][\w'’.-]*\s+[A-Z]")
CLOSED = re.compile(r"[.!?…)]['\"’”»]*$")
# A line that opens with a number as a numbered list's item does: "4. ", "12) ".
NUMBER_START = re.compile(r"^\s*\d{1,2}[.)]\s+")
SENTENCE_END = re.compile(r"[.!?…:;]['\"’”»)\]]*$")
# w3m's mark for struck-out text (<s>, <del>): "Never Forget [S:It:S] Her". The words are
# the page's own, so they stay, without the mark.
STRUCK = re.compile(r"\[S:(.*?):S\]")
# A horizontal rule as a dump draws it: "━━━━━━", "------", "======". It parts blocks as a
# blank line does: a dump wraps no sentence across one, and it is no text of the page.
# (Not "______": lynx draws a form's text field so, and a form is furniture to weigh.)
HORIZONTAL_RULE = re.compile(r"^[━─═=~-]{3,}$")
# A typeset apostrophe of a page in UTF-8 that a dump read as Latin-1: its first byte
# printed as "â", the other two (control characters in Latin-1) as blanks ("hasnâ  t").
MISREAD_APOSTROPHE = re.compile(r"(?<=[^\W\d_])â  (?=[^\W\d_])")
# A teaser cut short before its link to the rest of the story: "... the question we asked
# for t…  Read More...". The link ends the teaser; a dump's next line (its "Filed Under:"
# line, the next teaser) is no more of it, however near the width the link came.
CUT_TEASER_END = re.compile(
    r"(?:\.\.\.|…)\s*\[?(?:read more|more|continue reading|weiterlesen|mehr|lire la suite|leer más|leggi tutto|lees meer)\W*$", re.I
)
# Form widgets and image placeholders of text-browser dumps: "[Search]", "[IMG]", "[ ]".
WIDGET = re.compile(r"\[[^\]]{0,40}\]|_{4,}")


@dataclass
class Block:
    """One paragraph of the page, with its features."""

    index: int
    text: str
    first_line: int
    raw: str = ""  # the text with its original spacing, where menus show their gaps
    lines: list[str] = field(default_factory=list)  # the page lines it was joined from
    indent: int = 0
    bullet: bool = False
    blank_before: bool = True
    words: int = 0
    stop_density: float = 0.0
    separators: int = 0
    widgets: int = 0
    ends_sentence: bool = False
    capitalised: float = 0.0
    digits: float = 0.0  # share of words that are numbers
    features: dict[str, object] = field(default_factory=dict)


def wrap_width(lines: list[str]) -> int | None:
    """The column a text-browser dump wraps at, or None for a page of unwrapped lines.

    The width is where lines pile up just short of a limit that (nearly) none exceeds;
    a stray long line (a URL, a table row) must not hide it.
    """
    lengths = _text_line_lengths(lines)
    if len(lengths) < 20:
        return None
    counts: dict[int, int] = {}
    for n in lengths:
        counts[n] = counts.get(n, 0) + 1
    allowed_excess = max(3, len(lengths) // 20)
    best, best_pile = None, 0
    # Text browsers wrap at 72 to 120 columns; a page of short lines is a list, not a dump.
    # Wrapped lines pile up in the last few columns before the limit.
    for width in range(60, 201):
        if width not in counts:
            continue
        excess = sum(c for n, c in counts.items() if n > width)
        if excess > allowed_excess:
            continue
        pile = sum(c for n, c in counts.items() if width - 5 <= n <= width)
        if pile > best_pile:
            best, best_pile = width, pile
    if best is None or sum(c for n, c in counts.items() if best - 20 <= n <= best) < 5:
        return None
    # Where a dump wrapped a sentence, the next line carries on in lower case; a list of
    # long link titles does not.
    stripped = [line.rstrip() for line in lines]
    near_lines = [i for i, line in enumerate(stripped[:-1]) if best - 20 <= len(line) <= best and stripped[i + 1].strip()]
    if not near_lines:
        return None
    lower = sum(1 for i in near_lines if stripped[i + 1].lstrip()[:1].islower())
    letter = sum(1 for i in near_lines if stripped[i + 1].lstrip()[:1].isalnum() and not SENTENCE_END.search(stripped[i]))
    if lower / len(near_lines) >= 0.15 and letter / len(near_lines) >= 0.3:
        return best
    return best if best_pile >= CUT_PILE and _cut_at_width(stripped, near_lines, best) else None


# A dump of a page of German nouns, names, or link titles in title case wraps lines
# before capitals as often as not: there the lines that break off mid-sentence show the
# width, when this share or more of them could not have taken the next line's first word
# (a list of long link titles, unwrapped, ends its lines wherever its titles end), over
# CUT_LINES such lines or more and a pile of CUT_PILE lines in the last columns.
CUT_SHARE = 0.5
CUT_LINES = 8
CUT_PILE = 10


def _cut_at_width(stripped: list[str], near_lines: list[int], width: int) -> bool:
    """Whether most lines near `width` that break off mid-sentence were cut there: the
    next line's first word would not have fitted on them."""
    open_lines = [i for i in near_lines if not SENTENCE_END.search(stripped[i])]
    return len(open_lines) >= CUT_LINES and _cut_lines(stripped, open_lines, width) >= CUT_SHARE * len(open_lines)


def _cut_lines(stripped: list[str], near_lines: list[int], width: int) -> int:
    """How many of the lines near `width` break off mid-sentence where the next line's
    first word would not have fitted on them."""
    return sum(
        1 for i in near_lines
        if not SENTENCE_END.search(stripped[i]) and len(stripped[i]) + 1 + len(stripped[i + 1].split()[0]) > width - 2
    )


def _text_line_lengths(lines: list[str]) -> list[int]:
    """The lengths a dump's wrap width is read from: of its lines with text, but not of the
    rows of a table laid out in columns, which may run past the width (gaps of spaces)."""
    return [len(line.rstrip()) for line in lines if line.strip() and not COLUMN_GAP.search(line.strip())]


# A short dump gives wrap_width too few wrapped lines to go on: there the longest line is
# taken for the width when this many lines come within FULL_LINE_SLACK columns of it (the
# last few columns, where wrapped lines pile up, as in `wrap_width`).
FULL_LINES = 3
FULL_LINE_SLACK = 5


def loose_wrap_width(lines: list[str]) -> int | None:
    """The width a short text-browser dump may wrap at, when `wrap_width` finds none: the
    longest line, when several lines reach it and none runs past it (a dump cuts every
    line at the same column: wrapped sentences, rules, form fields), or when several lines
    near it break off mid-sentence where the next word would not have fitted. Weaker
    evidence than `wrap_width`'s, so only a line that breaks off mid-sentence is joined to
    the next (see `_continues_loosely`)."""
    lengths = _text_line_lengths(lines)
    if not lengths:
        return None
    widest = max(lengths)
    if not 60 <= widest <= 200:
        return None
    full = sum(1 for n in lengths if n >= widest - FULL_LINE_SLACK)
    if full >= FULL_LINES:
        return widest
    # (a dump of a short paragraph in German wraps before long capitalised nouns, and its
    # lines may all stop short of the width)
    stripped = [line.rstrip() for line in lines]
    near_lines = [i for i, line in enumerate(stripped[:-1]) if widest - 20 <= len(line) and stripped[i + 1].strip()]
    return widest if _cut_lines(stripped, near_lines, widest) >= FULL_LINES else None


def unstack_columns(lines: list[str]) -> tuple[list[str], list[int], set[int]]:
    """A text browser's dump of a page laid out side by side (the article on the left, an
    archive list on the right) prints both columns on each line: "article text    • May 2012".
    Where COLUMN_ROWS or more lines in a row break at the same column after a gap of spaces,
    the left column is read first and the right one after it. Returns the lines, for each
    the number of the page line it came from, and the numbers of the lines it read out of
    columns."""
    starts: dict[int, int] = {}
    for line in lines:
        indent = len(line) - len(line.lstrip())
        for match in COLUMN_GAP.finditer(line):
            if match.end() >= MIN_COLUMN and match.start() > indent:  # text on both sides
                starts[match.end()] = starts.get(match.end(), 0) + 1
    columns = sorted((c for c, n in starts.items() if n >= COLUMN_ROWS), key=lambda c: -starts[c])
    if not columns:
        return lines, list(range(len(lines))), set()
    column = columns[0]
    filled = _filled_to(lines, column)
    out: list[str] = []
    origin: list[int] = []
    columned: set[int] = set()
    number = 0
    while number < len(lines):
        end, both = number, 0
        while end < len(lines) and (_splits_at(lines[end], column) or (end > number and filled[end])):
            left = lines[end][:column]
            # (two columns, not a grid of link titles: the left one has no gap of its own)
            both += bool(left.strip() and lines[end][column:].strip() and not COLUMN_GAP.search(left.strip()))
            end += 1
        if both >= COLUMN_ROWS:
            right = [(lines[i][column:].strip(), i) for i in range(number, end) if lines[i][column:].strip()]
            first = len(out)
            for i in range(number, end):
                out.append(lines[i][:column].rstrip())
                origin.append(i)
            out.append("")
            origin.append(end - 1)
            for text, i in right:
                out.append(text)
                origin.append(i)
            out.append("")
            origin.append(end - 1)
            columned.update(range(first, len(out)))
            number = end
        else:
            # (the lines of a run too short to be columns go out as they are, all at once)
            for i in range(number, max(end, number + 1)):
                out.append(lines[i])
                origin.append(i)
            number = max(end, number + 1)
    return out, origin, columned


def _splits_at(line: str, column: int) -> bool:
    """Whether nothing of `line` crosses `column` (a blank line, a short one, or a gap there)."""
    return len(line.rstrip()) <= column - 2 or line[column - 2 : column] == "  "


def _filled_to(lines: list[str], column: int) -> list[bool]:
    """For each line, whether it may be a row of two columns with its left column filled to
    the last place before `column`: w3m sets a table's cells one space apart, so a full
    line of the left column touches the right one ("my PhD from It's not like"). Only
    where the lines below, after any more such lines, part the columns plainly, so that a
    wide paragraph under the columns is not cut at a space that happens to fall there.
    (Read from the bottom up, so that a long run of such lines is read once.)"""
    filled = [False] * len(lines)
    parted_below = False
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number]
        if not line.strip() or line[column - 1 : column].strip():
            parted_below = False
        elif _splits_at(line, column):
            parted_below = True
        filled[number] = parted_below
    return filled


def split_blocks(text: str) -> list[Block]:
    """The page's blocks in order; blank lines and wrap-width continuations decide the cuts."""
    text = MISREAD_APOSTROPHE.sub("’", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    lines, origin, columned = unstack_columns(text.split("\n"))
    unstacked = len(lines)
    lines, origin = unfold_table_rows(lines, origin)
    if len(lines) != unstacked:
        columned = set()  # (the lines of the columns are cut up as table rows now)
    width = wrap_width(lines)
    loose = None if width else loose_wrap_width(lines)
    # (a dump read column by column may have no line left as wide as a page: each column
    # wraps at its own margin all the same)
    columns = _Columns(lines) if width or columned else None
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    indent = 0
    blank = True
    previous_blank = True

    def flush() -> None:
        nonlocal current
        if current:
            raw = STRUCK.sub(r"\1", " ".join(part.strip() for part in current))
            joined = once(" ".join(raw.split()))
            if joined:
                blocks.append(
                    Block(index=len(blocks), text=joined, first_line=start, raw=raw, lines=list(current), indent=indent,
                          bullet=bool(BULLET.match(current[0])), blank_before=blank)
                )
        current = []

    listings = _code_listings(lines)
    listing_end = -1
    for number, line in enumerate(lines):
        if number <= listing_end:
            continue
        if number in listings:
            flush()
            listing_end = listings[number]
            current = [part for part in lines[number : listing_end + 1] if part.strip()]
            start, indent, blank = origin[number], len(line) - len(line.lstrip()), previous_blank
            flush()
            previous_blank = False
            continue
        stripped = line.strip()
        if not stripped or HORIZONTAL_RULE.match(stripped):
            flush()
            previous_blank = True
            continue
        if current and not _byline_under(current[-1], line) and not CUT_TEASER_END.search(current[-1]) and (
            (_continues(current[-1], line, width, mid_paragraph=len(current) > 1) if width else _carries_on(current[-1], line))
            or (loose is not None and _continues_loosely(current[-1], line, loose))
            or (columns is not None and (width or number in columned) and _continues_in_column(current[-1], line, columns, number))
        ):
            current.append(line)
            continue
        flush()
        current = [line]
        start = origin[number]
        indent = len(line) - len(line.lstrip())
        blank = previous_blank
        previous_blank = False
    flush()
    return blocks


# A caption `once` gives once: from a label's length to a caption's. (A paragraph of an
# article is longer, and may come to say a sentence of its own twice.)
TWICE_WORDS = 4
TWICE_MAX_WORDS = 40


def once(text: str) -> str:
    """A caption that a dump printed twice over, run together, given once: a picture's
    caption under its alt text of the same words, or a link's title with its picture's
    ("Flags fly in the square. Flags fly in the square."). A reader sees it once, as
    copies that print no alt text show it."""
    half = len(text) // 2
    if len(text) % 2 == 1 and text[half] == " " and text[:half] == text[half + 1 :]:
        if TWICE_WORDS <= len(text[:half].split()) <= TWICE_MAX_WORDS:
            return text[:half]
    return text


# A line of a program, as a dump prints a listing (<pre>) line by line, with its blank
# lines: it ends a statement or opens or closes a block or a list of arguments ("x = 1;",
# "if (a) {", "});", "wait(browser,"), is a condition, a call or an assignment alone ("if
# (ready)", "print(tide)", "total = len(rows)", "return rows[0]"), a definition, a block's
# opening line, an import or a decorator ("def setUp(self):", "for row in rows:", "from os
# import path", "@property"), a comment ("// tide.js"), or a line of markup ("<meta
# charset="utf-8">", "</ul>").
CODE_LINE = re.compile(
    r"[{};(\[]$|^[}\])]|^[a-z_][\w.]*\s?\(.*\)$|^[a-z_][\w.]*\s?=\s?\S|^(?:return|raise|yield)\s"
    r"|^(?:def|class|if|elif|else|for|while|with|try|except|finally)\b.*:$"
    r"|^import\s+[\w.]+(?:\s+as\s+\w+)?$|^from\s+[\w.]+\s+import\s|^@[a-z_]\w*|^//|^<[!/]?[a-zA-Z][^<>]*>$|</[a-zA-Z][\w-]*>$"
)
# What tells a listing from prose whose wrapped lines happen to end in ";": a brace or a
# tag that opens or closes a line, or a definition or an import.
CODE_MARK = re.compile(
    r"^[}\])]|\{$|^<[!/]?[a-zA-Z]|</[a-zA-Z][\w-]*>$|^(?:def|class)\s+\w+.*:$|^import\s+[\w.]+(?:\s+as\s+\w+)?$|^from\s+[\w.]+\s+import\s"
)
# A line of a listing that is no statement, but goes with the code around it: a comment,
# a docstring, an ellipsis for code left out ("# See the ticket", '"""Tests."""', "...").
CODE_FILLER = re.compile(r"^(?:#\s|\.\.\.$|\"\"\"|\'\'\'|/\*)")
LISTING_LINES = 3


def _code_listings(lines: list[str]) -> dict[int, int]:
    """The program listings of a dump, as {first line: last line}: LISTING_LINES lines of
    code or more (see CODE_LINE), one with a brace, a tag, a definition or an import,
    with blank lines between them, comments (see CODE_FILLER) or a line that is no code
    set right between two that are ("if (ready)" between "{" and "go();"). A copy that
    writes a listing as one line (html-text) reads it as one paragraph of code; line by
    line, its lines would read as captions, widgets and short lines, which end the
    article's run in the middle."""
    code = [bool(line.strip()) and bool(CODE_LINE.search(line.strip())) for line in lines]
    listings: dict[int, int] = {}
    first = 0
    while first < len(lines):
        if not code[first]:
            first += 1
            continue
        last = _listing_end(lines, code, first)
        chosen = [i for i in range(first, last + 1) if code[i]]
        if len(chosen) >= LISTING_LINES and any(CODE_MARK.search(lines[i].strip()) for i in chosen):
            listings[first] = last
        first = last + 1
    return listings


def _listing_end(lines: list[str], code: list[bool], first: int) -> int:
    """The last line of the listing that starts at line `first` (a line of code)."""
    last = first
    while True:
        after = _next_text_line(lines, last)
        if after is None:
            return last
        if code[after]:
            last = after
        elif after == last + 1 and after + 1 < len(lines) and code[after + 1]:
            last = after + 1
        else:
            # (past comments to the code under them)
            following = after
            while following is not None and CODE_FILLER.match(lines[following].strip()):
                following = _next_text_line(lines, following)
            if following is None or following == after or not code[following]:
                return last
            last = following


def _next_text_line(lines: list[str], number: int) -> int | None:
    """The first line with text after line `number`, if any."""
    return next((i for i in range(number + 1, len(lines)) if lines[i].strip()), None)


# A page laid out in a table, written as Markdown, puts the whole of a cell on one line:
# its paragraphs (and the menu, the article and the comments beside them) run on in one
# line, set apart by two spaces or more where the page had a break. A table row that long
# is no data table: its gaps are the page's paragraph breaks. Only where such rows are
# (nearly) the whole page: a long row on a page of other lines is a box beside the article
# (a sidebar's grid of book blurbs), best left one block, which the rules find out of place.
LONG_TABLE_ROW = 1000
TABLE_PAGE_SHARE = 0.9
TABLE_ROW = re.compile(r"^\s*\||\|\s*$")  # (a cell's edge: a row may break inside a cell)
CELL_BREAK = re.compile(r" {2,}")


def _long_table_row(line: str) -> bool:
    return len(line) >= LONG_TABLE_ROW and bool(TABLE_ROW.search(line))


def unfold_table_rows(lines: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """The page with each row of a layout table (LONG_TABLE_ROW characters or more) cut at
    its gaps, each piece a paragraph of its own, when such rows hold TABLE_PAGE_SHARE of
    the page's text; `origin` follows the lines."""
    in_rows = sum(len(line) for line in lines if _long_table_row(line))
    if not in_rows or in_rows < TABLE_PAGE_SHARE * sum(len(line) for line in lines):
        return lines, origin
    out: list[str] = []
    out_origin: list[int] = []
    for line, number in zip(lines, origin):
        pieces = CELL_BREAK.split(line.strip()) if _long_table_row(line) else [line]
        for piece in pieces:
            if len(pieces) > 1:
                out.append("")
                out_origin.append(number)
            out.append(piece)
            out_origin.append(number)
    return out, out_origin


COLUMN_REACH = 12
# A right-hand column: text after a gap of three spaces or more, at or past MIN_COLUMN,
# starting at the same place on COLUMN_ROWS lines or more.
COLUMN_GAP = re.compile(r"(?<! ) {3,}(?=\S)")
MIN_COLUMN = 30
COLUMN_ROWS = 5


class _Columns:
    """The right margin of the lines around a line that start where it starts.

    A dump of a page laid out in columns wraps each column at its own margin: a column
    indented 30 places and 48 wide never reaches the page's width. Margins are worked out
    only for the lines that ask, so a long dump costs little.
    """

    def __init__(self, lines: list[str]) -> None:
        self.indents = [len(line) - len(line.lstrip()) if line.strip() else -1 for line in lines]
        self.lengths = [len(line.rstrip()) for line in lines]

    def margin(self, number: int) -> tuple[int, int]:
        """The column's margin, and how many lines of the column come within a short word
        of it: a column wraps several; a lone long line (a headline) sets no margin."""
        indent = self.indents[number]
        window = range(max(0, number - COLUMN_REACH), min(len(self.indents), number + COLUMN_REACH + 1))
        lengths = [self.lengths[i] for i in window if self.indents[i] == indent]
        margin = max(lengths, default=0)
        return margin, sum(1 for n in lengths if n >= margin - 5)


def _continues_in_column(previous: str, line: str, columns: _Columns, number: int) -> bool:
    """`line` carries on a paragraph wrapped at its column's own margin (a page whose
    wide table sets the page-wide width wraps its text narrower)."""
    indent = columns.indents[number]
    if indent < 0 or indent != len(previous) - len(previous.lstrip()) or BULLET.match(line):
        return False
    margin, reached = columns.margin(number)
    return (
        reached >= 2 and margin - indent >= 30 and len(previous.rstrip()) + 1 + len(line.split()[0]) > margin - 2
    )


def _byline_under(previous: str, line: str) -> bool:
    """Whether `line` is a by-line that starts a block under a line closed by a full stop
    or a bracket (see CREDITED_BYLINE), however the dump's width would join them."""
    return bool(CREDITED_BYLINE.match(line)) and bool(CLOSED.search(previous.rstrip()))


def _carries_on(previous: str, line: str) -> bool:
    """Without a page-wide wrap width: a long line cut mid-sentence, the next in lower case."""
    stripped = previous.strip()
    if len(stripped) < 50 or SENTENCE_END.search(stripped) or not line.lstrip()[:1].islower():
        return False
    if LETTER_BULLET.match(previous) and LETTER_BULLET.match(line):
        return False
    # "by randfish on ...", "di Giulia Rinaldi": a by-line under a headline, not its tail.
    return not BULLET.match(line) and not BYLINE_START.match(line)


def _continues(previous: str, line: str, width: int, mid_paragraph: bool = False) -> bool:
    """Whether `line` carries on the paragraph that `previous` was wrapped out of."""
    if BULLET.match(line) and not _wrapped_number(previous, line):
        return False
    first_word = line.split()[0]
    return len(previous.rstrip()) + 1 + len(first_word) > width - 2 or _wrapped_short(previous, line, width, mid_paragraph)


# A dump's line can read shorter than the dump wrote it: lynx's link numbers ("[12]") are
# taken out before the page is read, and the word that did not fit ("[13]which") fits now.
# A line that still comes within this many columns of the width and breaks off
# mid-sentence, over a line at its indent that carries on the sentence, was wrapped.
MARKER_SLACK = 15


def _wrapped_short(previous: str, line: str, width: int, mid_paragraph: bool) -> bool:
    """Whether `line` carries on a sentence that `previous` was wrapped out of, though the
    first word of `line` would seem to fit on it (see MARKER_SLACK)."""
    ending = previous.rstrip()
    return (
        len(ending) >= width - MARKER_SLACK
        and not SENTENCE_END.search(ending)
        and _carries_sentence(ending, line, mid_paragraph)
        and len(line) - len(line.lstrip()) == len(previous) - len(previous.lstrip())
    )


def _carries_sentence(ending: str, line: str, mid_paragraph: bool) -> bool:
    """Whether `line` reads as the rest of the sentence `ending` breaks off: it goes on in
    lower case; or it opens with a name ("... exclusive to" / "Microsoft's Windows 8") after
    a line that ends on a word in lower case, as no headline in title case or line of a
    list does; or the lines above were wrapped already (the paragraph is under way, and
    its next line may open with a name or a quote)."""
    first = line.lstrip()[:1]
    if first.islower() or mid_paragraph:
        return True
    last_word = ending.split()[-1]
    return last_word.isalpha() and last_word.islower() and first.isalnum()


def _wrapped_number(previous: str, line: str) -> bool:
    """A number of the sentence that the wrap put at the start of a line ("... in Halo" /
    "4. Executive producer ..."), not a list's: the line before it breaks off mid-sentence,
    where a list's items follow a line that ends with a colon or a full stop."""
    return bool(NUMBER_START.match(line)) and not SENTENCE_END.search(previous.rstrip()) and not BULLET.match(previous)


def _continues_loosely(previous: str, line: str, width: int) -> bool:
    """`_continues` for a width found on little evidence: the previous line must also break
    off mid-sentence (a list item or a link title that happens to be long ends its line
    at its own end)."""
    return _continues(previous, line, width) and not SENTENCE_END.search(previous.rstrip()) and line.lstrip()[:1].isalnum()


def measure(block: Block, stop_words: frozenset[str]) -> None:
    """Fill in a block's features from its text and the page language's stop words."""
    text = block.text
    words = WORD.findall(text)
    block.words = len(words)
    if words:
        block.stop_density = sum(1 for w in words if w.lower() in stop_words) / len(words)
        block.capitalised = sum(1 for w in words if w[:1].isupper()) / len(words)
        block.digits = sum(1 for w in words if w[:1].isdigit()) / len(words)
    block.separators = len(SEPARATORS.findall(block.raw or text))
    block.widgets = len(WIDGET.findall(text))
    block.ends_sentence = bool(SENTENCE_END.search(text))
