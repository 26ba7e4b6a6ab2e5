"""Text-page import: the article found in a plain-text copy of a web page.

The registered entry point of format "text". A page is cut into blocks
(`textblocks`), each block is classed and the article is the densest run of prose
(`textbody`), and the metadata is read from the blocks around it (`textheader`).
`explain_text_page` gives the same decisions block by block, for `import --explain`.

Lines that the archive has seen on three or more pages of the same site arrive as
`furniture` (normalised with `normalise_line`) and are dropped whatever they look like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.extract.bylines import parse_byline
from newsarchive.extract.dates import find_dates, guess_dayfirst
from newsarchive.extract.decode import decode_text
from newsarchive.extract.furniture import furniture_reason, is_notice
from newsarchive.extract.language import detect_language, stop_words
from newsarchive.extract.textblocks import Block, measure, split_blocks
from newsarchive.extract.textbody import CREDIT_WORDS, LABEL_COUNT, TEASER_WORDS, Verdict, choose_body, classify
from newsarchive.extract.textmarkup import plain_page, plain_text
from newsarchive.extract.textheader import Header, headline_in_run, read_header, strip_dateline
from newsarchive.model import Article

EXTRACTOR = "textpage/1"
# Fewer words than this in the body and there is no article, only furniture.
MIN_BODY_WORDS = 12
_DIGITS = re.compile(r"\d+")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
MAX_LEARNABLE = 200
# A list of other stories: this many (heading, short paragraph) pairs in a row, with
# paragraphs of at most TEASER_WORDS words (a teaser's length, as textbody reads one),
# once this share of the body has gone by.
TEASER_PAIRS = 3
TEASER_LIST_AFTER = 0.3
# How many blocks at the top of the article run may turn out to be headline and standfirst.
LEADING_HEADER_BLOCKS = 3
# How far below the run's first block a newspaper's credit lines may stand (past the share
# buttons and the photo's caption), and the most prose above them: a standfirst and a caption.
CREDITS_REACH = 8
STANDFIRST_WORDS = 70
BUTTON_WORDS = 4


@dataclass
class BlockDecision:
    """What the extractor decided about one block of the page, and why."""

    index: int
    line: int  # 1-based line number where the block starts
    text: str
    role: str  # title, subtitle, byline, reviewer, source, date, body, heading, furniture, ...
    kept: bool
    rule: str
    features: dict[str, object] = field(default_factory=dict)


def normalise_line(line: str) -> str:
    """A line as counted across a site's pages: case, digits, spacing and edge marks folded."""
    text = _DIGITS.sub("0", line.casefold())
    return " ".join(_EDGES.sub("", text).split())


def learnable_lines(text: str) -> set[str]:
    """The normalised lines of a page that may turn out to be the site's furniture."""
    found = set()
    for line in plain_text(text).splitlines():
        if 3 <= len(line.strip()) <= MAX_LEARNABLE:
            normal = normalise_line(line)
            if normal:
                found.add(normal)
    return found


@dataclass
class _Analysis:
    blocks: list[Block]
    verdicts: list[Verdict]
    roles: list[str]
    run: tuple[int, int]
    header: Header
    language: str | None
    dayfirst: bool | None
    notes: dict[int, str]
    line_starts: list[int]  # for each line read, the file's line it starts on (see textmarkup)


def _learned(block: Block, furniture: frozenset[str]) -> bool:
    """Whether the site's other pages carry this block: as one line, or line by line when a
    text browser wrapped it."""
    if not furniture:
        return False
    return normalise_line(block.text) in furniture or all(normalise_line(line) in furniture for line in block.lines)


def _analyse(text: str, furniture: frozenset[str], dayfirst: bool | None) -> _Analysis:
    text, line_starts = plain_page(text)
    blocks = split_blocks(text)
    language = detect_language(text)
    stops = stop_words(language or "en")
    for block in blocks:
        measure(block, stops)
    verdicts = [classify(block, _learned(block, furniture)) for block in blocks]
    run, roles = choose_body(blocks, verdicts)
    if dayfirst is None:
        dayfirst = guess_dayfirst(text)
        if dayfirst is None and language not in (None, "en"):
            dayfirst = True
    body = [i for i, role in enumerate(roles) if role in ("body", "heading")]
    # A run that opens with lines that are not sentences opens with the headline and
    # standfirst: they belong to the header, not the body.
    while len(body) > 1 and body[0] < run[0] + LEADING_HEADER_BLOCKS and _leads_header(blocks[body[0]]):
        roles[body.pop(0)] = "outside"
    credits = _credits_under_standfirst(blocks, body)
    while credits is not None and body and body[0] < credits:
        roles[body.pop(0)] = "outside"
    swallowed = headline_in_run(blocks, body)
    cut = [i for i in body if swallowed is not None and i <= swallowed]
    for index in cut:
        roles[index] = "outside"
    body = body[len(cut):]
    header = read_header(blocks, body, dayfirst)
    for index, role in header.roles.items():
        roles[index] = role
    notes = _tidy_body(blocks, roles)
    for index in _box_links(verdicts, roles):
        roles[index] = "dropped"
        notes[index] = "the link a box sets in the article ('Read also' over another story's headline)"
    for index in cut:
        if roles[index] == "outside":
            notes[index] = "above the headline found inside the article run (a sidebar or a box, not the article)"
    return _Analysis(blocks, verdicts, roles, run, header, language, dayfirst, notes, line_starts)


def _credits_under_standfirst(blocks: list[Block], body: list[int]) -> int | None:
    """Where the article begins under the by-line that follows the standfirst opening the
    run: "Headline / Standfirst / Share / Caption / By NAME / March 5, 2024 / the article",
    as a newspaper sets its page. Only under a standfirst that is a sentence, with share
    buttons between, little prose above the by-line (the standfirst, a caption) and much
    more below it: a blog's first paragraph may stand over a by-line too. (The header then
    reads the standfirst, the by-line and the date.)"""
    if len(body) < 3 or not blocks[body[0]].ends_sentence:
        return None
    buttons = False  # the share buttons a newspaper sets between the standfirst and the by-line
    for index in range(body[0] + 1, min(body[0] + 1 + CREDITS_REACH, body[-1])):
        block = blocks[index]
        buttons = buttons or (block.words <= BUTTON_WORDS and furniture_reason(block.text, block.words) is not None)
        if block.words <= CREDIT_WORDS and parse_byline(block.text):
            if not buttons:
                return None
            above = sum(blocks[i].words for i in body if i < index)
            below = sum(blocks[i].words for i in body if i > index)
            return index + 1 if above <= STANDFIRST_WORDS and below >= 2 * above else None
    return None


def _leads_header(block: Block) -> bool:
    """A block at the top of the run that is the header's, not the body's: a line that is
    no sentence (a headline, a standfirst without a full stop), or a dated credit line
    that ends with one ("Published on May 3, 2012 in News. Tags: boats.")."""
    if block.words <= 40 and not block.ends_sentence:
        return True
    return block.words <= CREDIT_WORDS and bool(find_dates(block.text))


def _teaser_list(blocks: list[Block], roles: list[str], kept: list[int]) -> int | None:
    """Where, in the kept blocks, a list of other stories begins that the article run has
    taken in after the article: TEASER_PAIRS or more headlines each followed by a single
    short paragraph. (An article's sub-headings are short, or lead several paragraphs, or
    long ones.)"""
    total = sum(blocks[i].words for i in kept)
    before = 0
    for position, index in enumerate(kept):
        if before >= TEASER_LIST_AFTER * total and roles[index] == "heading":
            pairs, at = 0, position
            while (
                at + 1 < len(kept)
                and roles[kept[at]] == "heading"
                and _teasers_headline(blocks, roles, kept[at])
                and roles[kept[at + 1]] == "body"
                and blocks[kept[at + 1]].words <= TEASER_WORDS
                and (at + 2 >= len(kept) or roles[kept[at + 2]] == "heading")
            ):
                pairs += 1
                at += 2
            if pairs >= TEASER_PAIRS:
                return position
        before += blocks[index].words
    return None


def _teasers_headline(blocks: list[Block], roles: list[str], index: int) -> bool:
    """Whether the heading at block `index` heads a teaser of another story: it reads as
    another story's headline, or it is the teaser's picture's alt text ("Harbour at dusk")
    right under a line, left out, that reads as one, as a copy that shows alt text prints
    a teaser: headline, picture, summary."""
    if _reads_as_other_headline(blocks[index]):
        return True
    above = index - 1
    # (not a step's counted label, "Step 3", under the last step's caption)
    if LABEL_COUNT.match(blocks[index].text) or above < 0 or roles[above] in ("body", "heading"):
        return False
    if blocks[above].ends_sentence or not _reads_as_other_headline(blocks[above]):
        return False
    # (not a picture's caption that repeats its alt text over it, "Orchid in foam" / "Orchid
    # in foam (Ann Lee)", as a how-to prints a picture under each step)
    return above == 0 or not blocks[above].text.startswith(blocks[above - 1].text)


def _reads_as_other_headline(block: Block) -> bool:
    """A heading that reads as another story's headline: five words or more, with no date
    in it (a comment's "Name, May 3, 2012 at 9:15 pm") and not a "Name says:" label."""
    return block.words >= 5 and not block.text.rstrip().endswith(":") and not find_dates(block.text)


def _tidy_body(blocks: list[Block], roles: list[str]) -> dict[int, str]:
    """Last corrections to the kept blocks; returns why each one was let go."""
    notes: dict[int, str] = {}
    kept = [i for i, role in enumerate(roles) if role in ("body", "heading")]
    teasers = _teaser_list(blocks, roles, kept)
    if teasers is not None:
        for index in kept[teasers:]:
            roles[index] = "dropped"
            notes[index] = "a list of other stories after the article: headline, one short paragraph, again and again"
        kept = kept[:teasers]
    # A sub-heading comes between paragraphs: one before the first is a caption or a label,
    # one after the last opens a box.
    for edge in (kept, list(reversed(kept))):
        for index in edge:
            if roles[index] == "body":
                break
            roles[index] = "dropped"
            notes[index] = "a heading with no paragraph on one side"
    for index in kept:
        if roles[index] == "body" and is_notice(blocks[index].text):
            roles[index] = "dropped"
            notes[index] = "a reprint notice printed with the article, not its text"
    # Pages that carry the article twice (a print copy, a teaser of it) give it once.
    seen: set[str] = set()
    for index in kept:
        if roles[index] == "body":
            if blocks[index].text in seen:
                roles[index] = "dropped"
                notes[index] = "repeats an earlier paragraph"
            seen.add(blocks[index].text)
    return notes


def _box_links(verdicts: list[Verdict], roles: list[str]) -> list[int]:
    """The sub-headings right under a box's heading inside the article ("Read also", "Lees
    ook", "Zum Thema"): another story's headline, the box's one link, not the article's."""
    return [i for i in range(1, len(roles)) if roles[i] == "heading" and verdicts[i - 1].kind == "box"
            and roles[i - 1] not in ("body", "heading")]


def extract_text_page(
    text: str, *, furniture: frozenset[str] = frozenset(), dayfirst: bool | None = None
) -> Article:
    """The article of a text page; BadInputError (without a path) when there is none."""
    analysis = _analyse(text, furniture, dayfirst)
    header = analysis.header
    paragraphs: list[str] = []
    headings: list[str] = []
    for block, role in zip(analysis.blocks, analysis.roles):
        if role == "body":
            content = block.text
            if not paragraphs:
                _, _, content = strip_dateline(content, analysis.dayfirst)
            paragraphs.append(content)
        elif role == "heading":
            paragraphs.append(block.text)
            headings.append(block.text)
    body = "\n\n".join(paragraphs)
    if len(body.split()) < MIN_BODY_WORDS:
        raise BadInputError(
            "no article found in this page (only menus, links or very short lines)",
            hint="check the file is a copy of an article page; `import --explain` shows each line's fate",
        )
    title = header.title or _title_from(paragraphs[0])
    return Article(
        title=title,
        body=body,
        subtitle=header.subtitle,
        authors=header.authors,
        source=header.source,
        site=header.site,
        section=header.section,
        reviewer=header.reviewer,
        published=header.published,
        language=detect_language(body) or analysis.language,
        headings=headings,
        origin={"site_key": header.site_key} if header.site_key else {},
    )


def _title_from(paragraph: str) -> str:
    """A stand-in headline for a page without one: the opening words of the body."""
    words = paragraph.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def explain_text_page(
    text: str, *, furniture: frozenset[str] = frozenset(), dayfirst: bool | None = None
) -> list[BlockDecision]:
    """One decision per block of the page: its role, whether it is kept, and why."""
    analysis = _analyse(text, furniture, dayfirst)
    start, end = analysis.run
    decisions = []
    for block, verdict, role in zip(analysis.blocks, analysis.verdicts, analysis.roles):
        inside = start <= block.index < end
        if role in ("body", "heading"):
            rule = f"{verdict.kind}: {verdict.rule}" + ("" if role == "body" else "; reads as a sub-heading")
        elif analysis.header.roles.get(block.index) == role:
            rule = analysis.header.rules.get(block.index, f"{role} of the article")
        elif block.index in analysis.notes:
            rule = analysis.notes[block.index]
        elif role == "dropped":
            rule = f"{verdict.kind} inside the article run: {verdict.rule}"
        else:
            rule = f"outside the article run: {verdict.kind}: {verdict.rule}"
        decisions.append(
            BlockDecision(
                index=block.index,
                line=analysis.line_starts[block.first_line] + 1,
                text=block.text,
                role=role if role not in ("outside", "dropped") else ("furniture" if verdict.kind in ("furniture", "box", "bad") else "other"),
                kept=role in ("body", "heading"),
                rule=rule,
                features={
                    "words": block.words,
                    "stop_density": round(block.stop_density, 3),
                    "class": verdict.kind,
                    "weight": round(verdict.weight, 1),
                    "in_run": inside,
                    "ends_sentence": block.ends_sentence,
                    "bullet": block.bullet,
                    "separators": block.separators,
                },
            )
        )
    return decisions


def extract_text_file(data: bytes, context: ExtractContext) -> Iterator[Article | BadInputError]:
    """Format "text": one Article from the bytes of a saved text page."""
    text = decode_text(data, path=context.path)
    hint = context.options.get("dayfirst")
    dayfirst = hint if isinstance(hint, bool) else None
    try:
        article = extract_text_page(text, furniture=context.furniture, dayfirst=dayfirst)
    except BadInputError as error:
        raise BadInputError(error.message, path=context.path, hint=error.hint) from None
    yield article
