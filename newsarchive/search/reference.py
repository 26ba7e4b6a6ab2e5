"""A slow, obviously correct evaluator of the query language over a list of records, for tests.

It shares only the word handling (`search.text`) and the parser with the index, and reads
the semantics straight off the tree:

- a word matches a field when the field holds a word with the same stem in the record's
  language (the same folded word with `exact`); a `prefix*` when a folded word starts so;
- a phrase matches when its words stand one after the other inside one field; a quoted
  phrase compares folded words unstemmed, as does a `prefix*`;
- NEAR matches when one field holds an occurrence of every item such that the last item to
  start begins at most N words after the first item to end (FTS5's rule);
- no field means title, subtitle or body; AND, OR and NOT are the set operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import product
from typing import Any

from newsarchive.search.query import And, Field, Near, Node, Not, Or, Phrase, Term, parse
from newsarchive.search.text import DEFAULT_FIELDS, NAME_FIELDS, field_texts, language_key, stemmer, words


class _Document:
    def __init__(self, record: dict[str, Any]) -> None:
        self.id = record["id"]
        self.lang = language_key(record.get("language"))
        self.exact = {name: words(text) for name, text in field_texts(record).items()}
        stem = stemmer(self.lang).stem
        self.stemmed = {
            name: (tokens if name in NAME_FIELDS else [stem(w) for w in tokens]) for name, tokens in self.exact.items()
        }


def _occurrences(tokens: Sequence[str], pattern: Sequence[str], prefix: bool) -> list[tuple[int, int]]:
    """(start, end) word positions where `pattern` occurs; its last word may be a prefix."""
    n = len(pattern)
    last = n - 1

    def same(token: str, i: int) -> bool:
        return token.startswith(pattern[i]) if prefix and i == last else token == pattern[i]

    first = pattern[0]
    if n == 1 and prefix:
        starts = [i for i, token in enumerate(tokens) if token.startswith(first)]
    else:
        starts = [i for i, token in enumerate(tokens) if token == first]
    return [
        (start, start + n)
        for start in starts
        if start + n <= len(tokens) and all(same(tokens[start + i], i) for i in range(1, n))
    ]


def _item_occurrences(doc: _Document, item: Term | Phrase, field: str, exact: bool) -> list[tuple[int, int]]:
    folded = words(item.text)
    use_stems = not exact and not item.unstemmed and field not in NAME_FIELDS
    if use_stems:
        stem = stemmer(doc.lang).stem
        return _occurrences(doc.stemmed[field], [stem(w) for w in folded], False)
    return _occurrences(doc.exact[field], folded, item.prefix)


def _near_in_field(doc: _Document, near: Near, field: str, exact: bool) -> bool:
    # Every item must be searched the same way (stemmed or not): FTS5 checks NEAR in one column.
    unstemmed = any(item.unstemmed for item in near.items)
    lists = [_item_occurrences(doc, item, field, exact or unstemmed) for item in near.items]
    if not all(lists):
        return False
    return any(max(s for s, _ in combo) - min(e for _, e in combo) <= near.distance for combo in product(*lists))


def _matches(doc: _Document, node: Node, fields: tuple[str, ...], exact: bool) -> bool:
    if isinstance(node, (Term, Phrase)):
        return any(_item_occurrences(doc, node, f, exact) for f in fields)
    if isinstance(node, Near):
        return any(_near_in_field(doc, node, f, exact) for f in fields)
    if isinstance(node, Field):
        return _matches(doc, node.child, (node.name,), exact)
    if isinstance(node, Not):
        return not _matches(doc, node.child, fields, exact)
    if isinstance(node, And):
        return all(_matches(doc, child, fields, exact) for child in node.children)
    if isinstance(node, Or):
        return any(_matches(doc, child, fields, exact) for child in node.children)
    raise TypeError(f"not a query node: {node!r}")


class Reference:
    """The records, cut into words once, ready for many queries."""

    def __init__(self, records: Iterable[dict[str, Any]]) -> None:
        self.docs = [_Document(r) for r in records]

    def search(self, query: str, *, exact: bool = False) -> set[str]:
        """The ids of the records matching `query`; a blank query matches every record."""
        node = parse(query)
        if node is None:
            return {d.id for d in self.docs}
        return {d.id for d in self.docs if _matches(d, node, DEFAULT_FIELDS, exact)}


def reference_search(records: Iterable[dict[str, Any]], query: str, *, exact: bool = False) -> set[str]:
    """The ids of the records matching `query`; a blank query matches every record."""
    return Reference(records).search(query, exact=exact)
