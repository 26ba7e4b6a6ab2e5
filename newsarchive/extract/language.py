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
    scores = language_scores(text)
    best = max(scores, key=scores.__getitem__)
    total = sum(1 for _ in zip(range(SAMPLE_TOKENS), TOKEN.finditer(text[:SAMPLE_CHARS])))
    if scores[best] < MIN_HITS or (total and scores[best] / total < MIN_SHARE):
        return None
    return best
