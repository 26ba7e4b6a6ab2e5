"""The language of a page, told from its stop words, and the stop-word lists themselves.

jusText ships well-kept stop-word lists for many languages; we use seven of them as data.
A page's language is the list its words hit most often, with words shared by several lists
counted fractionally so that "a", "de" or "in" do not decide on their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ISO 639-1 code -> jusText's name for the list.
LANGUAGES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Fewer stop-word hits than this and we do not guess.
MIN_HITS = 4.0
MIN_SHARE = 0.12
# Enough tokens to be sure; the rest of a long page would only cost time.
SAMPLE_TOKENS = 4000
SAMPLE_CHARS = 60_000
# How far into a page to look for that much prose: past the scripts a text browser prints
# at the top of some pages, but never through the whole of a 20 MB dump.
SCAN_CHARS = 1_000_000
# A paragraph is the page's prose when this share of its words, at least, are plain words
# (with their punctuation): not code, addresses, markup or encoded images.
MIN_PLAIN_SHARE = 0.75
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
LETTER = re.compile(r"[^\W\d_]")
PUNCTUATION = ".,;:!?\"'«»„“”‘’()-–—…*"


@lru_cache(maxsize=None)
def stop_words(code: str) -> frozenset[str]:
    """The lower-case stop words of a language (ISO 639-1); English for an unknown code."""
    import justext

    name = LANGUAGES.get(code, "English")
    words = set()
    for word in justext.get_stoplist(name):
        # jusText keeps a few forms with leading quotes or brackets; we match bare words.
        bare = word.strip("\"'()[]").lower()
        if bare and TOKEN.fullmatch(bare):
            words.add(bare)
    if code == "de":
        words.discard("the")
    return frozenset(words)


@lru_cache(maxsize=1)
def _weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((language, weight), ...): shared words weigh less in each language."""
    owners: dict[str, list[str]] = {}
    for code in LANGUAGES:
        for word in stop_words(code):
            owners.setdefault(word, []).append(code)
    return {word: tuple((code, 1.0 / len(codes)) for code in codes) for word, codes in owners.items()}


def _prose_sample(text: str) -> str:
    """The page's first SAMPLE_CHARS of prose: its paragraphs that are not code (the whole
    text when none is prose).

    A text browser prints a page's inline scripts as they are, and on some pages 100 KB of
    them come before the first sentence; counted as words, they left a German page with
    no language, so its paragraphs were measured against English stop words and dropped.
    (Paragraphs, not lines: pandoc wraps a script into short lines, some of them words.)
    """
    kept: list[str] = []
    size = 0
    for paragraph in PARAGRAPH_BREAK.split(text[:SCAN_CHARS]):
        if not _prose(paragraph):
            continue
        kept.append(paragraph)
        size += len(paragraph) + 2
        if size >= SAMPLE_CHARS:
            break
    return "\n\n".join(kept) if kept else text


def _prose(paragraph: str) -> bool:
    # (words without a letter, a table's "|" or a rule's "+----+", count for neither side)
    words = [word for word in paragraph.split() if LETTER.search(word)]
    plain = sum(1 for word in words if TOKEN.fullmatch(word.strip(PUNCTUATION)))
    return plain >= MIN_PLAIN_SHARE * len(words)


def language_scores(text: str) -> dict[str, float]:
    """Weighted stop-word hits per language, over the first few thousand words of `text`."""
    weights = _weights()
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for n, match in enumerate(TOKEN.finditer(text[:SAMPLE_CHARS])):
        if n >= SAMPLE_TOKENS:
            break
        for code, weight in weights.get(match.group().lower(), ()):
            scores[code] += weight
    return scores


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of `text` (en, de, fr, es, it, pt, nl), or None."""
    sample = _prose_sample(text)
    # (a page whose prose says too little, a short one or one that is mostly links, is
    # judged on all its words)
    return _language_of(sample) or (_language_of(text) if sample != text else None)


def _language_of(text: str) -> str | None:
    scores = language_scores(text)
    best = max(scores, key=scores.__getitem__)
    total = sum(1 for _ in zip(range(SAMPLE_TOKENS), TOKEN.finditer(text[:SAMPLE_CHARS])))
    if scores[best] < MIN_HITS or (total and scores[best] / total < MIN_SHARE):
        return None
    return best
