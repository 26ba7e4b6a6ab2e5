"""How words are cut, folded and stemmed, identically for the index, queries and the reference.

A word is a run of letters and digits, which is also what SQLite's unicode61 tokenizer keeps
as a token, so the words Python writes into the index are the tokens FTS5 sees. Folding
removes case and diacritics ("Zürich" and "ZURICH" both become "zurich"); stemming then
reduces each folded word to its Snowball stem in the article's language ("veins" -> "vein").

snowballstemmer is imported only when a word has to be stemmed: the query path usually finds
its stems in the index's own table and never pays for the import.
"""

from __future__ import annotations

import re
import unicodedata
# typing costs ~2 ms to import; annotations here are strings, so only checkers need it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

WORD = re.compile(r"[^\W_]+")

# ISO 639-1 code -> Snowball algorithm. The first seven are what the text importer detects;
# the others cost nothing to support when a record names them.
STEMMERS = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "da": "danish",
    "sv": "swedish",
    "no": "norwegian",
    "fi": "finnish",
    "ru": "russian",
    "ro": "romanian",
    "hu": "hungarian",
    "tr": "turkish",
    "ca": "catalan",
}
ALIASES = {"nb": "no", "nn": "no"}
DEFAULT_LANGUAGE = "en"  # records whose language is unknown are stemmed as English
NO_STEMMING = "none"  # the key for languages Snowball does not know: words are kept whole

# Letters that carry no decomposition in Unicode, so NFKD alone would leave them unfolded;
# and the soft hyphen, which hyphenated pages put between the syllables of long words
# ("Regie\u00adrung"): a reader sees one word, and so does the search.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "\u00ad": ""}
)


def fold(text: str) -> str:
    """Lower-case `text` and strip its diacritics: "Zürich" -> "zurich", "Straße" -> "strasse"."""
    text = text.casefold()
    if text.isascii():
        return text
    # Folding works character by character, so only the non-ASCII ones need the work, and
    # each is folded once per process (articles repeat their quotes, dashes and accents).
    return _NON_ASCII.sub(_fold_match, text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_FOLDED: dict[str, str] = {}


def _fold_match(match: re.Match[str]) -> str:
    ch = match.group()
    folded = _FOLDED.get(ch)
    if folded is None:
        decomposed = unicodedata.normalize("NFKD", ch)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_UNDECOMPOSED)
        _FOLDED[ch] = folded = folded.casefold()  # NFKD can yield capitals ("ℌ" -> "H")
    return folded


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    folded = fold(text)
    if not folded.isascii():
        # Punctuation and spaces beyond ASCII (curly quotes, dashes, no-break spaces) become
        # plain spaces; text that is then ASCII is cut by the fast path below.
        spaced = _NON_ASCII_SEPARATORS.sub(" ", folded)
        if not spaced.isascii():
            return WORD.findall(folded)
        folded = spaced
    # The same words as WORD finds, twice as fast: every ASCII character that is not a letter
    # or a digit becomes a space, and the text is split on spaces.
    return folded.translate(_ASCII_SEPARATORS).split()


_NON_ASCII_SEPARATORS = re.compile(r"[^\x00-\x7f\w]+")
_ASCII_SEPARATORS = {i: " " for i in range(128) if not chr(i).isalnum()}


def language_key(language: str | None) -> str:
    """The stemmer a record's `language` selects: an ISO code, or "none" for no stemming."""
    if not language:
        return DEFAULT_LANGUAGE
    code = language.strip().lower().replace("_", "-").split("-")[0]
    code = ALIASES.get(code, code)
    return code if code in STEMMERS else NO_STEMMING


class Stemmer:
    """Stems folded words for one language, remembering every answer (vocabularies are Zipfian)."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.cache: dict[str, str] = {}
        self._algorithm: Any = None

    def stem(self, word: str) -> str:
        stem = self.cache.get(word)
        if stem is None:
            stem = self.cache[word] = self._compute(word)
        return stem

    def stem_all(self, folded_words: list[str]) -> list[str]:
        cache = self.cache
        try:
            return list(map(cache.__getitem__, folded_words))  # the usual case: every word known
        except KeyError:
            for word in folded_words:
                if word not in cache:
                    cache[word] = self._compute(word)
            return list(map(cache.__getitem__, folded_words))

    def _compute(self, word: str) -> str:
        if self.key == NO_STEMMING:
            return word
        if self._algorithm is None:
            import snowballstemmer  # lazy: costs ~10 ms, and most queries never need it

            self._algorithm = snowballstemmer.stemmer(STEMMERS[self.key])
        # A stem is re-folded because some algorithms put accents back; never empty.
        return fold(self._algorithm.stemWord(word)) or word


_STEMMERS: dict[str, Stemmer] = {}


def stemmer(key: str) -> Stemmer:
    """The shared, caching stemmer for a language key."""
    found = _STEMMERS.get(key)
    if found is None:
        found = _STEMMERS[key] = Stemmer(key)
    return found


# The searchable fields of a record, by query field name. Prose is stemmed; names are not.
PROSE_FIELDS = ("title", "subtitle", "body", "note")
NAME_FIELDS = ("source", "site", "section", "author", "reviewer", "tag")
FIELDS = PROSE_FIELDS + NAME_FIELDS
DEFAULT_FIELDS = ("title", "subtitle", "body")


def field_texts(record: dict[str, Any]) -> dict[str, str]:
    """The text of each searchable field; lists are joined one item per line."""

    def joined(values: Any) -> str:
        return "\n".join(str(v) for v in values or [] if v)

    return {
        "title": record.get("title") or "",
        "subtitle": record.get("subtitle") or "",
        "body": record.get("body") or "",
        "note": joined(n.get("text") for n in record.get("notes") or [] if isinstance(n, dict)),
        "source": record.get("source") or "",
        "site": record.get("site") or "",
        "section": record.get("section") or "",
        "author": joined(record.get("authors")),
        "reviewer": record.get("reviewer") or "",
        "tag": joined(record.get("tags")),
    }
