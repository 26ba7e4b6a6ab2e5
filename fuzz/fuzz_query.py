"""Fuzz the search query parser: `python fuzz/fuzz_query.py [libFuzzer flags]`.

Each input is decoded as UTF-8 (with surrogates kept, as a terminal could pass them) and
parsed. A crash is any exception other than QueryError, a QueryError whose position lies
outside the query, or a parsed tree that `to_match` cannot compile for FTS5.
"""

from __future__ import annotations

import os
import sys

import atheris
from corpus_args import add_default_corpus  # fuzz/ is the script folder, so on sys.path

with atheris.instrument_imports(include=["newsarchive"]):
    from newsarchive.errors import QueryError
    from newsarchive.search import query as query_module


def check_one(text: str) -> None:
    """The parser's contract; also used by the regression tests."""
    try:
        tree = query_module.parse(text)
    except QueryError as exc:
        assert exc.position is None or 0 <= exc.position <= len(text), (exc.position, len(text))
        return
    query_module.format_tree(tree)
    if tree is None:
        return
    for exact in (False, True):
        ctx = query_module.MatchContext(languages=("en", "de"), stem=_stem, exact=exact)
        match = query_module.to_match(tree, ctx)
        if match is not None:
            # FTS5 itself must accept what the compiler wrote: nothing typed reaches its syntax.
            _fts().execute("SELECT rowid FROM fts WHERE fts MATCH ?", (match,)).fetchall()


def _stem(language: str, word: str) -> str:
    from newsarchive.search.text import stemmer

    return stemmer(language).stem(word)


_CONNECTION = None


def _fts():
    """An empty FTS5 table with the index's own columns."""
    global _CONNECTION
    if _CONNECTION is None:
        import sqlite3

        from newsarchive.search.index import FTS_COLUMNS

        _CONNECTION = sqlite3.connect(":memory:")
        _CONNECTION.execute(f"CREATE VIRTUAL TABLE fts USING fts5({', '.join(FTS_COLUMNS)})")
        _CONNECTION.execute("INSERT INTO fts(rowid, " + ", ".join(FTS_COLUMNS) + ") VALUES (1, "
                            + ", ".join("'vein flooding zurich'" for _ in FTS_COLUMNS) + ")")
    return _CONNECTION


# Crashes already found and turned into regression tests (tests/test_cli_errors.py); set
# FUZZ_SKIP_KNOWN=1 to look past them for new ones until they are fixed.
SKIP_KNOWN = bool(os.environ.get("FUZZ_SKIP_KNOWN"))


def one_input(data: bytes) -> None:
    try:
        check_one(data.decode("utf-8", "surrogateescape"))
    except Exception as exc:
        # Fixed now (groups deeper than 20 are a QueryError); kept for crashes found later.
        if not (SKIP_KNOWN and "parser stack overflow" in str(exc)):
            raise


def main() -> None:
    add_default_corpus("query")
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
