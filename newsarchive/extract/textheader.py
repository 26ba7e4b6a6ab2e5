"""The article's metadata, read from the blocks around the body: headline, standfirst,
section, site, news service, reviewer, by-line and publication date.

A headline is the block just above the body (skipping by-lines, dates, credits and other
furniture) that reads like one: a few capitalised words, not a sentence. When two such
blocks stand one above the other, the upper and shorter is the headline and the lower
the standfirst.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsarchive.extract.bylines import parse_byline, parse_reviewer, parse_source
from newsarchive.extract.dates import find_dates, split_dateline
from newsarchive.extract.furniture import furniture_reason, is_box_heading, is_credit
from newsarchive.extract.textblocks import Block

# How far above the body the headline may be, in blocks.
HEADLINE_REACH = 30
# How far into the prose a standfirst and its credit lines may reach, in blocks.
STANDFIRST_REACH = 6
PUBLISHED = re.compile(r"\b(?:published|posted|publié|veröffentlicht|publicado|pubblicato|gepubliceerd)\b", re.I)
UPDATED = re.compile(r"\b(?:updated|modified|mis à jour|aktualisiert|actualizado|aggiornato|atualizado|bijgewerkt)\b", re.I)
CAMEL_BRAND = re.compile(r"\b(?:on|for|from|at|to|with|by|visit|join)\s+((?:[A-Z][a-z]+){1,3}[A-Z][A-Za-z]*|[A-Z][a-z]+[A-Z]{2,}[A-Za-z]*)(?:['’]s)?\b")


@dataclass
class Header:
    """What the page says about its article, with the block index each came from."""

    title: str | None = None
    subtitle: str | None = None
    section: str | None = None
    site: str | None = None
    source: str | None = None
    reviewer: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    roles: dict[int, str] = field(default_factory=dict)
    # Block index -> the metadata rule that claimed it (for explain mode).
    rules: dict[int, str] = field(default_factory=dict)


def meta_role(block: Block, dayfirst: bool | None = None) -> tuple[str, object] | None:
    """("byline", names), ("reviewer", name), ("source", name) or ("date", iso) for a credit line."""
    if block.words > 25:
        return None
    reviewer = parse_reviewer(block.text)
    if reviewer:
        return "reviewer", reviewer
    names = parse_byline(block.text)
    if names:
        return "byline", names
    source = parse_source(block.text)
    if source:
        return "source", source
    dates = find_dates(block.text, dayfirst=dayfirst)
    # A line that is mostly a date ("Tuesday 24 July 2012 09.15 BST", "Updated: ...").
    if dates and block.words <= 12:
        return "date", dates[0][2]
    return None


def headline_score(block: Block, distance: int) -> float | None:
    """How much a block reads like a headline, `distance` blocks above the body; None if it cannot be one."""
    text = block.text
    if block.words < 2 or block.words > 35 or block.bullet or block.widgets or block.separators:
        return None
    if furniture_reason(text, block.words) or is_box_heading(text) or is_credit(text):
        return None
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] in "‘'\"“¿¡"):
        return None
    score = 1.0 - 0.05 * distance
    if 4 <= block.words <= 20:
        score += 0.4
    if text.endswith("."):
        score -= 0.7
    if text.endswith((":", ",", ";")):
        score -= 1.0
    if block.capitalised >= 0.6:
        score += 0.2
    if text.isupper():
        score -= 0.3
    return score


def read_header(blocks: list[Block], body: list[int], dayfirst: bool | None) -> Header:
    """The metadata of the page whose body is the blocks numbered `body` (in order)."""
    header = Header()
    if not blocks:
        return header
    first = body[0] if body else len(blocks)
    last = body[-1] if body else len(blocks) - 1

    # Credit lines between the top of the page (near the body) and the body's first blocks.
    metas: dict[int, tuple[str, object]] = {}
    for index in range(max(0, first - HEADLINE_REACH), min(len(blocks), first + STANDFIRST_REACH)):
        role = meta_role(blocks[index], dayfirst)
        if role:
            metas[index] = role
    # A prose block above the credit lines is the standfirst, not the body's first paragraph.
    inside = [i for i in metas if i > first]
    if inside:
        before = [i for i in body if i < max(inside)]
        if len(before) == 1 and blocks[before[0]].words <= 60:
            header.subtitle = blocks[before[0]].text
            header.roles[before[0]] = "subtitle"
        if len(before) <= 1:
            rest = [i for i in body if i > max(inside)]
            if rest:
                first = rest[0]

    # The headline: best-scoring candidate above the body.
    best: tuple[float, int] | None = None
    distance = 0
    for index in range(first - 1, max(-1, first - 1 - HEADLINE_REACH), -1):
        if index in metas or index in header.roles:
            continue
        distance += 1
        score = headline_score(blocks[index], distance)
        if score is not None and (best is None or score > best[0]):
            best = (score, index)
    title_index = best[1] if best else None
    if title_index is not None:
        # A longer headline-like block right above a shorter one: headline over standfirst.
        above = _previous_candidate(blocks, title_index, metas)
        if (
            header.subtitle is None
            and above is not None
            and blocks[above].words < blocks[title_index].words
            and blocks[title_index].words >= 8
        ):
            header.subtitle = blocks[title_index].text
            header.roles[title_index] = "subtitle"
            title_index = above
        header.title = blocks[title_index].text
        header.roles[title_index] = "title"
        if header.subtitle is None:
            below = _next_candidate(blocks, title_index, first, metas)
            if below is not None and blocks[below].words >= 8 and not blocks[below].text.endswith(":"):
                header.subtitle = blocks[below].text
                header.roles[below] = "subtitle"

    # Credit lines: the ones below the headline (or all, when there is none) count.
    lowest = title_index if title_index is not None else max(0, first - 8)
    for index, (role, value) in sorted(metas.items()):
        if index < lowest - 3:
            continue
        if role == "reviewer" and not header.reviewer:
            header.reviewer = str(value)
        elif role == "byline" and not header.authors:
            header.authors = list(value)  # type: ignore[arg-type]
        elif role == "source" and not header.source and index > lowest:
            header.source = str(value)
        elif role == "date":
            if not header.published or (PUBLISHED.search(blocks[index].text) and not UPDATED.search(blocks[index].text)):
                if not header.published or index > lowest:
                    header.published = str(value)
        else:
            continue
        header.roles[index] = role

    if title_index is not None:
        header.section = _section(blocks, title_index, metas)
    header.site = _site(blocks)
    if not header.published and body:
        date, _ = split_dateline(blocks[first].text, dayfirst=dayfirst)
        header.published = date
    if not header.published:
        header.published = _nearest_date(blocks, first, last, dayfirst)
    if not header.authors and body:
        # Blogs put "Posted by NAME" under the article.
        for index in range(last + 1, min(len(blocks), last + 4)):
            names = parse_byline(blocks[index].text)
            if names:
                header.authors = names
                break
    return header


def _previous_candidate(blocks: list[Block], index: int, metas: dict[int, object]) -> int | None:
    above = index - 1
    if above < 0 or above in metas:
        return None
    return above if headline_score(blocks[above], 0) is not None and not blocks[above].text.endswith(".") else None


def _next_candidate(blocks: list[Block], index: int, first: int, metas: dict[int, object]) -> int | None:
    below = index + 1
    if below >= first or below in metas:
        return None
    block = blocks[below]
    if furniture_reason(block.text, block.words) or is_credit(block.text) or block.bullet or block.separators:
        return None
    return below if block.text[:1].isupper() or block.text[:1] in "‘'\"“" else None


def _section(blocks: list[Block], title_index: int, metas: dict[int, object]) -> str | None:
    """The nearest short label above the headline ("Health news"), if there is one."""
    for index in range(title_index - 1, max(-1, title_index - 4), -1):
        block = blocks[index]
        if index in metas or furniture_reason(block.text, block.words):
            continue
        text = block.text.split(" > ")[-1].split(" » ")[-1].strip()
        words = text.split()
        if 1 <= len(words) <= 3 and text[:1].isupper() and not any(c.isdigit() for c in text) and not text.endswith((".", "!", "?")):
            return text
        return None
    return None


def _site(blocks: list[Block]) -> str | None:
    """The site's name: a brand the page repeats ("BootsWebMD"), spelled as its masthead spells it."""
    counts: dict[str, int] = {}
    for block in blocks:
        for match in CAMEL_BRAND.finditer(block.text):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    if not counts:
        return None
    brand = max(counts, key=counts.__getitem__)
    for block in blocks[:3]:
        words = block.text.split()
        for start in range(len(words)):
            joined = ""
            for end in range(start, min(len(words), start + 4)):
                joined += words[end]
                if joined == brand:
                    return " ".join(words[start:end + 1])
                if not brand.startswith(joined):
                    break
    return brand


def _nearest_date(blocks: list[Block], first: int, last: int, dayfirst: bool | None) -> str | None:
    """A date near the body: just above it, else just below it."""
    for index in range(first - 1, max(-1, first - 15), -1):
        block = blocks[index]
        if block.words <= 30:
            dates = find_dates(block.text, dayfirst=dayfirst)
            if dates:
                return dates[0][2]
    for index in range(last + 1, min(len(blocks), last + 6)):
        block = blocks[index]
        if block.words <= 30:
            dates = find_dates(block.text, dayfirst=dayfirst)
            if dates:
                return dates[0][2]
    return None
