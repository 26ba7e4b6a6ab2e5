"""Finding the matched words inside an article's text, for snippets and concordance lines.

The index decides which articles match; this module only marks where, in the original text,
the query's words and phrases stand. A `WordMatcher` holds, for each word of the query, the
folded forms that count as a match (every surface form the index saw for its stem), or the
prefix of a `prefix*` term.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from newsarchive.search.text import WORD, fold

Span = tuple[int, int]
Segment = tuple[str, bool]
_SPACE = re.compile(r"\s+")


def collapse(text: str) -> str:
    """Runs of white space (paragraph breaks included) made one space, for one-line views."""
    return _SPACE.sub(" ", text)


Step = tuple[frozenset[str], str]  # folded forms a word may take, or ("", prefix) for `word*`


def _accepts(step: Step, word: str) -> bool:
    forms, prefix = step
    return word in forms or bool(prefix and word.startswith(prefix))


class WordMatcher:
    """Finds the query's words and phrases in a text.

    Each pattern is a sequence of steps, one per word: a single word is a pattern of one
    step, a phrase must match step after step on consecutive words.
    """

    def __init__(self, patterns: Sequence[Sequence[Step]] = ()) -> None:
        self.patterns = [tuple(p) for p in patterns if p]
        self._firsts = [p[0] for p in self.patterns]
        self._regex: re.Pattern[str] | None = None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def spans(self, text: str) -> list[Span]:
        """Character spans of every match (a phrase as one span), in order, never overlapping."""
        if not self or not text:
            return []
        # Matching runs on the folded text, cut into words exactly as the index cut it;
        # `origin` maps each folded character back to the original one.
        folded, origin = fold_with_origin(text)
        if self._regex is None:
            forms = {f for forms, _ in self._firsts for f in forms}
            alternatives = [re.escape(f) for f in sorted(forms, key=len, reverse=True)]
            alternatives += [re.escape(p) + r"[^\W_]*" for _, p in self._firsts if p]
            self._regex = re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives or ["(?!)"]) + r")(?![^\W_])")
        found: list[Span] = []
        for first in self._regex.finditer(folded):
            start, end, word = first.start(), first.end(), first.group()
            if found and start < found[-1][1]:
                continue  # inside the phrase just matched
            best = None
            for pattern in self.patterns:
                if not _accepts(pattern[0], word):
                    continue
                stop = end
                following = WORD.finditer(folded, end)
                for step in pattern[1:]:
                    m = next(following, None)
                    if m is None or not _accepts(step, m.group()):
                        break
                    stop = m.end()
                else:
                    best = stop if best is None else max(best, stop)
            if best is not None:
                found.append((start, best))
        if origin is None:
            return found
        return [(origin[s], origin[e - 1] + 1) for s, e in found]


_FOLDED_CHARS: dict[str, str] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold_with_origin(text: str) -> tuple[str, list[int] | None]:
    """`text` folded as `search.text.fold` folds it, and for each folded character the index
    of the original character it came from (None when folding kept every offset)."""
    if text.isascii():
        return text.lower(), None
    pieces: list[str] = []
    origin: list[int] = []
    at = 0
    for m in _NON_ASCII.finditer(text):
        i = m.start()
        if i > at:
            pieces.append(text[at:i].lower())
            origin.extend(range(at, i))
        ch = m.group()
        folded = _FOLDED_CHARS.get(ch)
        if folded is None:
            folded = _FOLDED_CHARS[ch] = fold(ch)  # per character, as `fold` itself works
        pieces.append(folded)
        origin.extend([i] * len(folded))
        at = i + 1
    if at < len(text):
        pieces.append(text[at:].lower())
        origin.extend(range(at, len(text)))
    return "".join(pieces), origin


# Characters per word assumed when looking for context around a match; generous, since
# only the words found in that stretch are used.
_CHARS_PER_WORD = 30


def snippet(text: str, spans: list[Span], context_words: int = 12) -> list[Segment]:
    """A one-line extract around the densest cluster of matches, as (text, is_match) segments.

    The window holds `context_words` words on each side of the chosen match; "…" marks text
    cut at either end. With no match, the opening words are shown. Only the stretch of text
    around the match is cut into words, which keeps twenty snippets of long articles cheap.
    """
    if not text.strip():
        return []
    if spans:
        # The chosen match starts the stretch (within `reach` characters) holding the most
        # distinct matched words; the window runs from its left context to the right context
        # of the last match in that stretch.
        reach = context_words * 7
        candidates = spans[:50]
        best, best_score = candidates[0], 0
        for s, _ in candidates:
            distinct = {text[a:b].lower() for a, b in candidates if s <= a <= s + reach}
            if len(distinct) > best_score:
                best, best_score = (s, max(b for a, b in candidates if s <= a <= s + reach)), len(distinct)
        left_words = [m.start() for m in WORD.finditer(text, max(0, best[0] - context_words * _CHARS_PER_WORD), best[0])]
        start = left_words[-context_words] if len(left_words) >= context_words else (left_words[0] if left_words else best[0])
        after = best[1]
    else:
        start, after = 0, 0
        context_words *= 2
    right_words = [m.end() for m in WORD.finditer(text, after, after + context_words * _CHARS_PER_WORD)][:context_words]
    end = right_words[-1] if right_words else after
    if not spans:
        first = WORD.search(text)
        start = first.start() if first else 0
        end = max(end, start)
    segments: list[Segment] = []
    at = start
    for s, e in merge_adjacent(text, spans):
        if s < start or s >= end:
            continue
        if s > at:
            segments.append((collapse(text[at:s]), False))
        segments.append((collapse(text[s:e]), True))
        at = e
    if at < end:
        segments.append((collapse(text[at:end]), False))
    if WORD.search(text, 0, start):
        segments.insert(0, ("… ", False))
    if WORD.search(text, end):
        segments.append((" …", False))
    return segments


def marked(segments: list[Segment]) -> str:
    """The plain-text form of a snippet, matches in [brackets]."""
    return "".join(f"[{text}]" if is_match else text for text, is_match in segments)


def merge_adjacent(text: str, spans: list[Span]) -> list[Span]:
    """Spans separated only by spaces or punctuation joined, so a phrase is one match."""
    merged: list[Span] = []
    for s, e in spans:
        if merged and not WORD.search(text, merged[-1][1], s):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def concordance(text: str, spans: list[Span], context_words: int = 6) -> list[tuple[str, str, str]]:
    """Keyword-in-context lines: (left context, match, right context) for each match."""
    words = [m.span() for m in WORD.finditer(text)]
    starts = [s for s, _ in words]
    lines = []
    for s, e in merge_adjacent(text, spans):
        first = bisect_right(starts, s) - 1
        last = bisect_right(starts, e - 1) - 1
        left = collapse(text[words[max(0, first - context_words)][0] : s]).strip() if first > 0 else ""
        right = collapse(text[e : words[min(len(words) - 1, last + context_words)][1]]).strip() if last + 1 < len(words) else ""
        lines.append((left, collapse(text[s:e]), right))
    return lines
