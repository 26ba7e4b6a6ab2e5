"""The derived search index: a SQLite file (FTS5, WAL) beside the archive, rebuildable at will.

The TinyDB archive is the source of truth. This file holds, per article, the full record as
JSON (so `show` and `list` never parse the archive), a content hash (so `sync` can tell what
changed), the columns filters and facets need, and one row of a contentless FTS5 table.

Words go into FTS5 already folded by `search.text`: prose fields twice, stemmed in the
record's language (`title`, `body`...) and unstemmed (`title_x`, `body_x`...) for `--exact`
and prefix searches. The `lang` column records which stemmer was used, so that a query word
that stems differently in two languages matches each article by its own language's stem.
Every word the index has stemmed is kept in `stems`, which lets a query find its stems, and
a snippet find every surface form of a stem, without importing the stemmer.

The file carries the archive fingerprint it was last synced to; the caller compares it with
the archive's and calls `sync` (or `rebuild`) before trusting a search. A file that is not a
database, or was written by another schema version, is discarded and recreated empty.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from pathlib import Path
# typing costs ~2 ms to import; annotations here are strings, so only checkers need it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

from newsarchive.errors import AmbiguousIdError
from newsarchive.search import highlight
from newsarchive.search.query import (
    And,
    Field,
    MatchContext,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    Term,
    parse,
    positive_leaves,
    title_key,
    to_match,
)
from newsarchive.search.text import DEFAULT_FIELDS, NAME_FIELDS, PROSE_FIELDS, field_texts, language_key, stemmer, words
from newsarchive.search.values import Value

SCHEMA_VERSION = 5  # bump whenever tokenizing, stemming or the tables change
FTS_COLUMNS = (
    "title", "subtitle", "body", "note",
    "title_x", "subtitle_x", "body_x", "note_x",
    "source", "site", "section", "author", "reviewer", "tag",
    "lang",
)  # fmt: skip
# BM25 weights, column by column: title above subtitle above body; `lang` never scores.
FTS_WEIGHTS = (10.0, 4.0, 1.0, 0.5, 10.0, 4.0, 1.0, 0.5, 2.0, 1.0, 1.0, 2.0, 1.0, 2.0, 0.0)
FACETS = ("year", "month", "source", "site", "tag", "author")
SORTS = ("relevance", "newest", "oldest")
BATCH = 500
# Told (done, total) as a long write to the index goes on: the CLI draws a bar with it.
Progress = Callable[[int, int], None]
# FTS5 keeps this many bytes of new tokens in memory before it writes them out as a segment.
# Its default, 1 MB, cuts a bulk build into a segment every ~150 articles and then spends as
# long merging them as tokenizing; 64 MB halves a build's FTS5 time for ~100 MB of memory.
WRITE_BUFFER = 64 << 20

_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE docs(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    published TEXT,
    imported_at TEXT,
    source TEXT,
    site TEXT,
    lang TEXT NOT NULL,
    title_key TEXT,
    words INTEGER NOT NULL
);
-- The full records live apart: docs rows stay small, so joins, sorts and facets over tens
-- of thousands of hits read a few pages instead of every article.
CREATE TABLE records(rowid INTEGER PRIMARY KEY, record TEXT NOT NULL);
CREATE INDEX docs_published ON docs(published);
CREATE INDEX docs_newest ON docs(published IS NOT NULL, published);
CREATE INDEX docs_oldest ON docs(published IS NULL, published);
CREATE INDEX docs_imported ON docs(imported_at);
CREATE INDEX docs_source ON docs(source COLLATE NOCASE);
CREATE INDEX docs_title_key ON docs(title_key);
CREATE INDEX docs_lang ON docs(lang);
CREATE TABLE doc_tags(tag TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(tag, doc)) WITHOUT ROWID;
CREATE INDEX doc_tags_doc ON doc_tags(doc);
CREATE TABLE doc_authors(author TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY(author, doc)) WITHOUT ROWID;
CREATE INDEX doc_authors_doc ON doc_authors(doc);
CREATE TABLE stems(lang TEXT NOT NULL, word TEXT NOT NULL, stem TEXT NOT NULL, PRIMARY KEY(lang, word)) WITHOUT ROWID;
CREATE INDEX stems_by_stem ON stems(lang, stem);
CREATE VIRTUAL TABLE fts USING fts5({", ".join(FTS_COLUMNS)}, content='', tokenize='unicode61 remove_diacritics 0');
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25({", ".join(str(w) for w in FTS_WEIGHTS)})');
"""


class Filters(Value):
    """Restrictions on the metadata: dates are YYYY-MM-DD (or YYYY, YYYY-MM), inclusive;
    `sources` any of them (case-blind), `tags` all of them."""

    __slots__ = ("since", "until", "imported_since", "sources", "tags")

    def __init__(
        self,
        since: str | None = None,
        until: str | None = None,
        imported_since: str | None = None,
        sources: Sequence[str] = (),
        tags: Sequence[str] = (),
    ) -> None:
        self.since, self.until, self.imported_since = since, until, imported_since
        self.sources, self.tags = tuple(sources), tuple(tags)


class Hit(Value):
    """One search result; `snippet` is a list of (text, is_match) segments."""

    __slots__ = ("id", "title", "published", "source", "site", "score", "snippet")

    def __init__(
        self,
        id: str,
        title: str,
        published: str | None,
        source: str | None,
        site: str | None,
        score: float,
        snippet: list[tuple[str, bool]],
    ) -> None:
        self.id, self.title, self.published, self.source, self.site = id, title, published, source, site
        self.score, self.snippet = score, snippet

    @property
    def snippet_text(self) -> str:
        return highlight.marked(self.snippet)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "site": self.site,
            "score": self.score,
            "snippet": self.snippet_text,
        }


class SearchResults(Value):
    """A page of hits, the total over all pages, and facet counts over all hits."""

    __slots__ = ("query", "total", "hits", "facets", "offset", "limit")

    def __init__(
        self,
        query: str,
        total: int,
        hits: list[Hit],
        facets: dict[str, list[tuple[str, int]]] | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> None:
        self.query, self.total, self.hits = query, total, hits
        self.facets = facets if facets is not None else {}
        self.offset, self.limit = offset, limit


class KwicLine(Value):
    """One concordance line: the match with its left and right context."""

    __slots__ = ("id", "left", "match", "right", "published")

    def __init__(self, id: str, left: str, match: str, right: str, published: str | None = None) -> None:
        self.id, self.left, self.match, self.right, self.published = id, left, match, right, published


class SyncStats(Value):
    __slots__ = ("added", "updated", "deleted", "unchanged")

    def __init__(self, added: int = 0, updated: int = 0, deleted: int = 0, unchanged: int = 0) -> None:
        self.added, self.updated, self.deleted, self.unchanged = added, updated, deleted, unchanged

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted)


class _Discard(Exception):
    """The file is not an index of this schema version: it is thrown away and recreated."""


def record_hash(serialised: bytes) -> str:
    import hashlib

    return hashlib.blake2b(serialised, digest_size=16).hexdigest()


def _serialise(record: dict[str, Any]) -> bytes:
    import orjson  # the write path only: the query path decodes with the lighter json module

    return orjson.dumps(record)


class SearchIndex:
    """The search index in one SQLite file. See the module docstring."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = self._connect()
            self._prepare()
        except sqlite3.OperationalError:
            raise  # locked, unreadable, read-only: a condition to report, not a reason to delete
        except (sqlite3.DatabaseError, _Discard):  # not a database, malformed, other schema
            self._discard()
            self._con = self._connect()
            self._prepare()
        self._stem_memo: dict[tuple[str, str], str] = {}

    @classmethod
    def open_or_reset(cls, path: Path | str) -> SearchIndex:
        """Open the index, recreating it empty when the file is damaged or of another version."""
        return cls(path)

    # --- the file --------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            con.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            pass  # a read-only directory: reading still works
        con.execute("PRAGMA synchronous=NORMAL")
        con.execute("PRAGMA temp_store=MEMORY")
        con.create_function("casefold", 1, _casefold, deterministic=True)
        return con

    def _prepare(self) -> None:
        version = self._con.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            self._con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            return
        with self._transaction():
            # Checked again under the write lock: another process may have just created it.
            version = self._con.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                return
            if self._con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise _Discard
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._con.execute(statement)
            self._con.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _discard(self) -> None:
        con = getattr(self, "_con", None)
        if con is not None:
            con.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def reset(self) -> None:
        """Delete the file and start empty (for damage found after opening)."""
        self._discard()
        self._con = self._connect()
        self._prepare()
        self._stem_memo.clear()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._con.in_transaction:
            yield
            return
        self._con.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    # --- keeping up with the archive -------------------------------------------------------

    def fingerprint(self) -> str | None:
        """The archive fingerprint this index was last synced to; None when never built."""
        row = self._con.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        return row[0] if row else None

    def rebuild(self, records: Iterable[dict[str, Any]], fingerprint: str, progress: Progress | None = None) -> None:
        """Replace everything with `records` (streamed in batches, one transaction).
        `progress` is called as (done, total) after each batch when `records` is sized."""
        self._rebuild(records, fingerprint, progress)

    def _rebuild(self, records: Iterable[dict[str, Any]], fingerprint: str, progress: Progress | None = None) -> int:
        con = self._con
        count = 0
        total = len(records) if progress is not None and isinstance(records, Sized) else 0
        with self._transaction(), _no_gc_pauses():
            for table in ("docs", "records", "doc_tags", "doc_authors", "stems", "meta"):
                con.execute(f"DELETE FROM {table}")
            con.execute("INSERT INTO fts(fts) VALUES('delete-all')")
            self._buffer_writes()
            vocabulary = _Vocabulary(table_empty=True)
            batch: list[dict[str, Any]] = []
            rowid = 0
            seen: set[str] = set()
            for record in records:
                if record["id"] in seen:
                    continue  # a hand-edited archive may repeat an id: the first one stands
                seen.add(record["id"])
                batch.append(record)
                count += 1
                if len(batch) >= BATCH:
                    self._insert(batch, rowid, vocabulary)
                    rowid += len(batch)
                    batch = []
                    if total:
                        progress(min(rowid, total), total)  # type: ignore[misc]
            self._insert(batch, rowid, vocabulary)
            self._finish_write(vocabulary, fingerprint)
            # One segment per term makes every later query cheaper; worth it after a bulk load.
            con.execute("INSERT INTO fts(fts) VALUES('optimize')")
        if total:
            progress(total, total)  # type: ignore[misc]
        self._stem_memo.clear()
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:
            pass  # a reader holds the WAL: it is checkpointed later
        return count

    def sync(self, records: Iterable[dict[str, Any]], fingerprint: str, progress: Progress | None = None) -> SyncStats:
        """Bring the index up to date with `records`, touching only what changed;
        `progress` as for `rebuild`, over the articles written."""
        known = dict(self._con.execute("SELECT id, hash FROM docs"))
        if not known:  # nothing to compare with: stream everything in, as a rebuild does
            return SyncStats(added=self._rebuild(records, fingerprint, progress))
        seen: set[str] = set()
        changed: list[dict[str, Any]] = []
        added = unchanged = 0
        for record in records:
            rid = record["id"]
            seen.add(rid)
            old = known.get(rid)
            if old is not None and old == record_hash(_serialise(record)):
                unchanged += 1
                continue
            added += old is None
            changed.append(record)
        gone = [rid for rid in known if rid not in seen]
        self.apply(changed, gone, fingerprint, progress)
        return SyncStats(added=added, updated=len(changed) - added, deleted=len(gone), unchanged=unchanged)

    def apply(self, upserts: Sequence[dict[str, Any]], deleted_ids: Sequence[str], fingerprint: str,
              progress: Progress | None = None) -> None:
        """Record a write the caller made to the archive while this index was fresh;
        `progress` is called as (done, total) over the upserts."""
        con = self._con
        upserts = list({r["id"]: r for r in upserts}.values())  # one row per id, the last given
        vocabulary = _Vocabulary(table_empty=False)
        with self._transaction(), _no_gc_pauses():
            self._buffer_writes()
            self._remove([*deleted_ids, *(r["id"] for r in upserts)])
            start = con.execute("SELECT coalesce(max(rowid), 0) FROM docs").fetchone()[0]
            for i in range(0, len(upserts), BATCH):
                self._insert(upserts[i : i + BATCH], start + i, vocabulary)
                if progress is not None:
                    progress(min(i + BATCH, len(upserts)), len(upserts))
            self._finish_write(vocabulary, fingerprint)
        self._stem_memo.clear()

    def _buffer_writes(self) -> None:
        """Set FTS5's write buffer (kept in the index's own config, so written once)."""
        row = self._con.execute("SELECT v FROM fts_config WHERE k = 'hashsize'").fetchone()
        if row is None or row[0] != WRITE_BUFFER:
            self._con.execute("INSERT INTO fts(fts, rank) VALUES('hashsize', ?)", (WRITE_BUFFER,))

    def _remove(self, ids: Sequence[str]) -> None:
        """Forget these articles (those the index does not hold are ignored)."""
        con = self._con
        columns = ", ".join(FTS_COLUMNS)
        marks = ", ".join("?" * len(FTS_COLUMNS))
        for i in range(0, len(ids), 5000):
            chunk = list(ids[i : i + 5000])
            found = con.execute(
                f"SELECT d.rowid, r.record FROM docs d JOIN records r ON r.rowid = d.rowid "
                f"WHERE d.id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            if not found:
                continue
            # A contentless FTS5 table forgets a row only when told exactly what was indexed.
            con.executemany(
                f"INSERT INTO fts(fts, rowid, {columns}) VALUES('delete', ?, {marks})",
                ((rowid, *_fts_values(json.loads(record))) for rowid, record in found),
            )
            rowids = [(rowid,) for rowid, _ in found]
            con.executemany("DELETE FROM docs WHERE rowid = ?", rowids)
            con.executemany("DELETE FROM records WHERE rowid = ?", rowids)
            con.executemany("DELETE FROM doc_tags WHERE doc = ?", rowids)
            con.executemany("DELETE FROM doc_authors WHERE doc = ?", rowids)

    def _insert(self, records: Sequence[dict[str, Any]], first_rowid: int, vocabulary: _Vocabulary) -> None:
        docs, stored, fts, tags, authors = [], [], [], [], []
        tokenized = [_tokenize_record(record) for record in records]
        if not vocabulary.table_empty:
            self._recall_stems(tokenized, vocabulary)
        for offset, (record, (lang, prose, names)) in enumerate(zip(records, tokenized), start=1):
            rowid = first_rowid + offset
            serialised = _serialise(record)
            values = _fts_row(lang, prose, names, vocabulary.stems.setdefault(lang, {}))
            body_words = record.get("word_count")
            docs.append(
                (
                    rowid,
                    record["id"],
                    record_hash(serialised),
                    record.get("published"),
                    record.get("imported_at"),
                    record.get("source"),
                    record.get("site"),
                    lang,
                    " ".join(prose[0]),  # the title's words: what `title_key` makes of a query
                    body_words if isinstance(body_words, int) else len(prose[2]),
                )
            )
            stored.append((rowid, serialised.decode("utf-8")))
            fts.append((rowid, *values))
            tags.extend((t, rowid) for t in dict.fromkeys(record.get("tags") or []) if isinstance(t, str))
            authors.extend((a, rowid) for a in dict.fromkeys(record.get("authors") or []) if isinstance(a, str))
        con = self._con
        con.executemany("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?,?,?)", docs)
        con.executemany("INSERT INTO records VALUES (?, ?)", stored)
        marks = ", ".join("?" * (len(FTS_COLUMNS) + 1))
        con.executemany(f"INSERT INTO fts(rowid, {', '.join(FTS_COLUMNS)}) VALUES ({marks})", fts)
        con.executemany("INSERT OR IGNORE INTO doc_tags VALUES (?, ?)", tags)
        con.executemany("INSERT OR IGNORE INTO doc_authors VALUES (?, ?)", authors)

    def _recall_stems(self, tokenized: list[tuple[str, list[list[str]], list[str]]], vocabulary: _Vocabulary) -> None:
        """Fill the stemmers' caches from the index's own table, and note the words it lacks.

        A stemmer starts cold in every process, and stemming tens of thousands of words anew
        would dominate a small import; the table remembers every stem the index has used.
        (A write into an empty table skips this: every word it meets is new.)
        """
        for lang, prose, _ in tokenized:
            bucket = vocabulary.batch.setdefault(lang, set())
            for found in prose:
                bucket.update(found)
        for lang, bucket in vocabulary.batch.items():
            checked = vocabulary.checked.setdefault(lang, set())
            fresh = bucket - checked
            checked |= fresh
            new = vocabulary.new.setdefault(lang, set())
            cache = stemmer(lang).cache
            todo = list(fresh)
            for i in range(0, len(todo), 5000):
                chunk = todo[i : i + 5000]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT word, stem FROM stems WHERE lang = ? AND word IN ({marks})"
                found = dict(self._con.execute(sql, (lang, *chunk)))
                cache.update(found)
                new.update(w for w in chunk if w not in found)
        vocabulary.batch.clear()

    def _finish_write(self, vocabulary: _Vocabulary, fingerprint: str) -> None:
        con = self._con
        for lang, known in vocabulary.stems.items():
            new = known if vocabulary.table_empty else vocabulary.new.get(lang, ())
            con.executemany("INSERT OR IGNORE INTO stems VALUES (?, ?, ?)", ((lang, w, known[w]) for w in new))
        languages = ",".join(r[0] for r in con.execute("SELECT DISTINCT lang FROM docs ORDER BY lang"))
        con.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)", (("fingerprint", fingerprint), ("languages", languages))
        )

    # --- reading records -------------------------------------------------------------------

    def count(self) -> int:
        return self._con.execute("SELECT count(*) FROM docs").fetchone()[0]

    def get(self, id_or_prefix: str) -> dict[str, Any] | None:
        """The stored record with this id, or the one id starting with this prefix."""
        key = id_or_prefix.strip()
        if not key or not key.isascii():
            return None  # ids are hex digests; this also keeps stray bytes from a non-UTF-8 shell out of SQLite
        row = self._con.execute(
            "SELECT r.record FROM docs d JOIN records r ON r.rowid = d.rowid WHERE d.id = ?", (key,)
        ).fetchone()
        if row:
            return json.loads(row[0])
        rows = self._con.execute(
            "SELECT d.id, r.record FROM docs d JOIN records r ON r.rowid = d.rowid WHERE d.id >= ? AND d.id < ? "
            "ORDER BY d.id LIMIT 6",
            (key, key + "\U0010ffff"),
        ).fetchall()
        if len(rows) > 1:
            shown = ", ".join(r[0] for r in rows[:5]) + (", ..." if len(rows) > 5 else "")
            raise AmbiguousIdError(
                f"'{key}' is the start of more than one article id: {shown}",
                hint="type more characters of the id",
            )
        return json.loads(rows[0][1]) if rows else None

    def list_records(
        self, filters: Filters = Filters(), *, sort: str = "newest", limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Stored records passing the filters, by publication date."""
        where, params = _filter_sql(filters)
        order = _order(sort if sort != "relevance" else "newest", "d.")
        sql = f"SELECT d.rowid FROM docs d WHERE {' AND '.join(where) or '1'} ORDER BY {order} LIMIT ? OFFSET ?"
        rowids = [r[0] for r in self._con.execute(sql, (*params, -1 if limit is None else limit, offset))]
        return self._records(rowids)

    def stats(self) -> dict[str, Any]:
        """Counts by year, source, tag and language, and the total of words."""
        con = self._con
        articles, total_words = con.execute("SELECT count(*), coalesce(sum(words), 0) FROM docs").fetchone()
        return {
            "articles": articles,
            "words": total_words,
            "by_year": con.execute(
                "SELECT coalesce(substr(published, 1, 4), 'unknown') y, count(*) FROM docs GROUP BY y ORDER BY y"
            ).fetchall(),
            "by_source": con.execute(
                "SELECT coalesce(source, 'unknown') s, count(*) n FROM docs GROUP BY s ORDER BY n DESC, s"
            ).fetchall(),
            "by_tag": self.tag_counts(),
            "by_language": con.execute("SELECT lang, count(*) n FROM docs GROUP BY lang ORDER BY n DESC").fetchall(),
        }

    def tag_counts(self) -> list[tuple[str, int]]:
        return self._con.execute("SELECT tag, count(*) n FROM doc_tags GROUP BY tag ORDER BY n DESC, tag").fetchall()

    # --- searching -------------------------------------------------------------------------

    def search(
        self,
        query: str,
        filters: Filters = Filters(),
        *,
        sort: str = "relevance",
        limit: int | None = 20,
        offset: int = 0,
        exact: bool = False,
        facets: Sequence[str] = (),
        context_words: int = 12,
        facet_limit: int | None = 50,
    ) -> SearchResults:
        """Ranked hits for `query` (blank: every article passing the filters), with snippets.

        Raises `QueryError` for a query that cannot be parsed.
        """
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}")
        if (limit is not None and limit < 0) or offset < 0:
            raise ValueError("limit and offset count hits: 0 or more")
        unknown = [f for f in facets if f not in FACETS]
        if unknown:
            raise ValueError(f"unknown facet {unknown[0]!r}; facets are {', '.join(FACETS)}")
        node = parse(query)
        plan = self._plan(node, exact, filters, dated=sort != "relevance")
        ranked = sort == "relevance" and plan.ranked
        # Hits whose title is the query come first: they head the first pages, and the
        # ranked rows after them leave them out.
        titled = self._exact_titles(node, plan) if ranked else []
        head = titled[offset:] if limit is None else titled[offset : offset + limit]
        rest_offset = max(0, offset - len(titled))
        rest_limit = -1 if limit is None else max(0, limit - len(head))
        skip = f" WHERE rowid NOT IN ({','.join(str(r) for r, _ in titled)})" if titled else ""
        order = "score, rowid" if ranked else _order(sort, "")
        # What follows FROM in the page's query: the titled hits left out, then the order.
        rest = f"{skip} ORDER BY {order}"
        facet_counts: dict[str, list[tuple[str, int]]] = {}
        if facets:
            total, page, facet_counts = self._page_and_facets(plan, rest, rest_limit, rest_offset, facets,
                                                              facet_limit)
        else:
            total, page = self._page(plan, rest, rest_limit, rest_offset)
        if rest_limit == 0:
            page = []
        hits = self._hits(head + page, node, exact, context_words)
        return SearchResults(query, total, hits, facet_counts, offset, limit)

    def _page(self, plan: _Plan, rest: str, limit: int, offset: int) -> tuple[int, list[tuple[int, float]]]:
        """How many hits there are, and the page of them: `limit` (-1: all) rows after
        `offset`, selected and ordered by `rest`."""
        # Counted apart: a count skips the scores, and the page then needs only the best
        # `limit` rows kept while sorting (or comes straight off a date index). A window
        # count over the ranked rows would hold and sort every match: twice as slow.
        total = self._con.execute(f"SELECT count(*) FROM ({plan.sql})", plan.params).fetchone()[0]
        page = self._con.execute(f"SELECT rowid, score FROM ({plan.sql}){rest} LIMIT ? OFFSET ?",
                                 (*plan.params, limit, offset)).fetchall()
        return total, page

    def _page_and_facets(
        self, plan: _Plan, rest: str, limit: int, offset: int, facets: Sequence[str], facet_limit: int | None,
    ) -> tuple[int, list[tuple[int, float]], dict[str, list[tuple[str, int]]]]:
        """As `_page`, with each facet's counts over all the hits."""
        con = self._con
        con.execute("DROP TABLE IF EXISTS temp.hits")
        # The hits, with what the facets group by, gathered in one pass over the matches.
        con.execute(
            "CREATE TEMP TABLE hits AS SELECT h.rowid AS rowid, h.score AS score, d.published AS published, "
            f"d.source AS source, d.site AS site FROM ({plan.sql}) h JOIN docs d ON d.rowid = h.rowid",
            plan.params,
        )
        total = con.execute("SELECT count(*) FROM temp.hits").fetchone()[0]
        page = con.execute(f"SELECT rowid, score FROM temp.hits{rest} LIMIT ? OFFSET ?", (limit, offset)).fetchall()
        facet_counts = {name: self._facet(name, facet_limit) for name in facets}
        con.execute("DROP TABLE temp.hits")
        return total, page, facet_counts

    def kwic(
        self,
        query: str,
        filters: Filters = Filters(),
        *,
        context_words: int = 6,
        limit: int | None = 200,
        sort: str = "relevance",
        exact: bool = False,
    ) -> list[KwicLine]:
        """Keyword-in-context lines, one per occurrence in the bodies of the hits, in hit order."""
        node = parse(query)
        if node is None:
            return []
        plan = self._plan(node, exact, filters, dated=sort != "relevance")
        order = "score, rowid" if sort == "relevance" and plan.ranked else _order(sort, "")
        lines: list[KwicLine] = []
        matchers: dict[str, highlight.WordMatcher] = {}
        batch_offset = 0
        while limit is None or len(lines) < limit:
            rowids = [
                r[0]
                for r in self._con.execute(
                    f"SELECT rowid FROM ({plan.sql}) ORDER BY {order} LIMIT 100 OFFSET ?", (*plan.params, batch_offset)
                )
            ]
            if not rowids:
                break
            batch_offset += len(rowids)
            for record in self._records(rowids):
                lang = language_key(record.get("language"))
                if lang not in matchers:
                    matchers[lang] = self._matcher(node, lang, exact)
                body = record.get("body") or ""
                for left, match, right in highlight.concordance(body, matchers[lang].spans(body), context_words):
                    lines.append(KwicLine(record["id"], left, match, right, record.get("published")))
                    if limit is not None and len(lines) >= limit:
                        return lines
        return lines

    def timeline(self, query: str, filters: Filters = Filters(), *, exact: bool = False) -> list[tuple[str, int]]:
        """Hits per year, or per month when they span less than three years; gaps count zero."""
        plan = self._plan(parse(query), exact, filters)
        rows = self._con.execute(
            f"SELECT substr(d.published, 1, 7) m, count(*) FROM ({plan.sql}) h JOIN docs d ON d.rowid = h.rowid "
            "WHERE d.published IS NOT NULL GROUP BY m ORDER BY m",
            plan.params,
        ).fetchall()
        if not rows:
            return []
        first, last = int(rows[0][0][:4]), int(rows[-1][0][:4])
        if last - first >= 2:
            years: dict[str, int] = {str(y): 0 for y in range(first, last + 1)}
            for month, n in rows:
                years[month[:4]] += n
            return list(years.items())
        months: dict[str, int] = {}
        y, m = first, int(rows[0][0][5:7])
        end = (last, int(rows[-1][0][5:7]))
        while (y, m) <= end:
            months[f"{y:04d}-{m:02d}"] = 0
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        for month, n in rows:
            months[month] = months.get(month, 0) + n
        return list(months.items())

    # --- search internals ------------------------------------------------------------------

    def _languages(self) -> list[str]:
        row = self._con.execute("SELECT value FROM meta WHERE key = 'languages'").fetchone()
        return [x for x in row[0].split(",") if x] if row and row[0] else ["en"]

    def _context(self, node: Node, exact: bool) -> MatchContext:
        languages = self._languages()
        if not exact:
            self._load_stems(node, languages)
        return MatchContext(languages, self._stem, exact)

    def _load_stems(self, node: Node, languages: list[str]) -> None:
        """Fetch the stems of the query's words from the index, in one statement."""
        wanted = {w for leaf in _all_leaves(node) for item in _items(leaf) for w in words(item.text)}
        wanted = {w for w in wanted if any((lang, w) not in self._stem_memo for lang in languages)}
        if not wanted:
            return
        marks = ",".join("?" * len(wanted))
        for lang in languages:  # one lookup per language keeps to the (lang, word) key
            sql = f"SELECT word, stem FROM stems WHERE lang = ? AND word IN ({marks})"
            for word, stem in self._con.execute(sql, (lang, *wanted)):
                self._stem_memo[(lang, word)] = stem

    def _stem(self, lang: str, word: str) -> str:
        stem = self._stem_memo.get((lang, word))
        if stem is None:  # a word no article contains: only now is the stemmer imported
            stem = self._stem_memo[(lang, word)] = stemmer(lang).stem(word)
        return stem

    def _plan(self, node: Node | None, exact: bool, filters: Filters, *, dated: bool = True) -> _Plan:
        """SQL selecting (rowid, score, published) for every hit."""
        where, params = _filter_sql(filters)
        if node is None:
            sql = f"SELECT d.rowid AS rowid, 0.0 AS score, d.published AS published FROM docs d WHERE {' AND '.join(where) or '1'}"
            return _Plan(sql, params, ranked=False)
        ctx = self._context(node, exact)
        match = to_match(node, ctx)
        if match is not None:
            sql = (
                "SELECT f.rowid AS rowid, f.rank AS score, d.published AS published "
                "FROM fts f CROSS JOIN docs d ON d.rowid = f.rowid WHERE f.fts MATCH ?"
            )
            if not where and not dated:
                # No filter and no date order: the join would only slow the ranked query down.
                sql = "SELECT f.rowid AS rowid, f.rank AS score, NULL AS published FROM fts f WHERE f.fts MATCH ?"
            return _Plan(sql + "".join(f" AND {w}" for w in where), [match, *params], ranked=True, match=match)
        condition, cparams = _condition(node, ctx, DEFAULT_FIELDS)
        sql = f"SELECT d.rowid AS rowid, 0.0 AS score, d.published AS published FROM docs d WHERE {' AND '.join([condition, *where])}"
        return _Plan(sql, [*cparams, *params], ranked=False)

    def _exact_titles(self, node: Node | None, plan: _Plan) -> list[tuple[int, float]]:
        """Hits whose title is exactly the query: they come before everything else."""
        key = title_key(node)
        if not key or plan.match is None:
            return []
        found = []
        for (rowid,) in self._con.execute("SELECT rowid FROM docs WHERE title_key = ? LIMIT 20", (key,)).fetchall():
            row = self._con.execute(f"SELECT rowid, score FROM ({plan.sql}) WHERE rowid = ?", (*plan.params, rowid)).fetchone()
            if row:
                found.append((row[0], row[1]))
        return sorted(found, key=lambda r: (r[1], r[0]))

    def _facet(self, name: str, limit: int | None) -> list[tuple[str, int]]:
        cap = "" if limit is None else f" LIMIT {int(limit)}"
        if name in ("year", "month"):
            width = 4 if name == "year" else 7
            sql = f"SELECT substr(published, 1, {width}) k, count(*) FROM temp.hits WHERE published IS NOT NULL GROUP BY k ORDER BY k"
        elif name in ("source", "site"):
            sql = f"SELECT {name} k, count(*) n FROM temp.hits WHERE {name} IS NOT NULL GROUP BY k ORDER BY n DESC, k{cap}"
        else:
            table, column = ("doc_tags", "tag") if name == "tag" else ("doc_authors", "author")
            sql = (
                f"SELECT t.{column} k, count(*) n FROM temp.hits h JOIN {table} t ON t.doc = h.rowid "
                f"GROUP BY k ORDER BY n DESC, k{cap}"
            )
        return [(k, n) for k, n in self._con.execute(sql)]

    def _records(self, rowids: Sequence[int]) -> list[dict[str, Any]]:
        """The stored records for these rowids, in the same order."""
        found: dict[int, str] = {}
        for i in range(0, len(rowids), 10_000):  # within SQLite's limit on parameters
            chunk = list(rowids[i : i + 10_000])
            marks = ",".join("?" * len(chunk))
            found.update(self._con.execute(f"SELECT rowid, record FROM records WHERE rowid IN ({marks})", chunk))
        return [json.loads(found[r]) for r in rowids if r in found]

    def _hits(self, page: list[tuple[int, float]], node: Node | None, exact: bool, context_words: int) -> list[Hit]:
        records = self._records([r for r, _ in page])
        scores = dict(page)
        matchers: dict[str, highlight.WordMatcher] = {}
        hits = []
        rowids = [r for r, _ in page]
        for rowid, record in zip(rowids, records):
            lang = language_key(record.get("language"))
            if lang not in matchers:
                matchers[lang] = self._matcher(node, lang, exact)
            body = record.get("body") or ""
            segments = highlight.snippet(body, matchers[lang].spans(body), context_words)
            score = scores[rowid]
            hits.append(
                Hit(
                    id=record["id"],
                    title=record.get("title") or "",
                    published=record.get("published"),
                    source=record.get("source"),
                    site=record.get("site"),
                    score=round(-score, 6) if score else 0.0,
                    snippet=segments,
                )
            )
        return hits

    def match_spans(self, record: dict[str, Any], query: str, *, exact: bool = False) -> dict[str, list[tuple[int, int]]]:
        """Where the query's words and phrases stand in a record's title, subtitle and body, as
        character spans per field (for `show --highlight`). Raises `QueryError`."""
        node = parse(query)
        lang = language_key(record.get("language"))
        if node is not None and not exact:
            self._load_stems(node, [lang])
        return {
            name: self._matcher(node, lang, exact, name).spans(record.get(name) or "")
            for name in ("title", "subtitle", "body")
        }

    def _matcher(self, node: Node | None, lang: str, exact: bool, field: str = "body") -> highlight.WordMatcher:
        """What to highlight in a field (the body, by default) of an article in language `lang`."""
        items = [
            (item, exact or any(i.unstemmed for i in _items(leaf)))
            for leaf, fields in positive_leaves(node)
            if field in fields
            for item in _items(leaf)
        ]
        stems = {w: self._stem(lang, w) for item, unstemmed in items if not unstemmed for w in words(item.text)}
        forms: dict[str, set[str]] = {}
        if stems:
            wanted = sorted(set(stems.values()))
            marks = ",".join("?" * len(wanted))
            sql = f"SELECT stem, word FROM stems WHERE lang = ? AND stem IN ({marks})"
            for stem, word in self._con.execute(sql, (lang, *wanted)):
                forms.setdefault(stem, set()).add(word)
        patterns = []
        for item, unstemmed in items:
            tokens = words(item.text)
            steps: list[highlight.Step] = []
            for i, token in enumerate(tokens):
                if item.prefix and i == len(tokens) - 1:
                    steps.append((frozenset(), token))
                elif unstemmed:
                    steps.append((frozenset([token]), ""))
                else:
                    steps.append((frozenset({token} | forms.get(stems[token], set())), ""))
            patterns.append(steps)
        return highlight.WordMatcher(patterns)


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Keep Python's cycle collector out of a bulk write. The write allocates millions of
    small lists while the records it reads stay alive, and each collection walks them all
    again: a third of the tokenizing time at 50,000 articles. Nothing here makes cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Vocabulary:
    """The words one write has met, per language, with their stems; which were looked up in
    the stems table, and which the table lacks and must be added."""

    def __init__(self, table_empty: bool) -> None:
        self.table_empty = table_empty
        self.stems: dict[str, dict[str, str]] = {}
        self.batch: dict[str, set[str]] = {}
        self.checked: dict[str, set[str]] = {}
        self.new: dict[str, set[str]] = {}


class _Plan(Value):
    """SQL selecting (rowid, score, published) for every hit, and whether it is ranked."""

    __slots__ = ("sql", "params", "ranked", "match")

    def __init__(self, sql: str, params: list[Any], ranked: bool, match: str | None = None) -> None:
        self.sql, self.params, self.ranked, self.match = sql, params, ranked, match


def _items(leaf: Node) -> tuple[Term | Phrase, ...]:
    if isinstance(leaf, Near):
        return leaf.items
    return (leaf,)  # type: ignore[return-value]


def _all_leaves(node: Node) -> list[Node]:
    """Every term, phrase and NEAR group of the query, negated ones included."""
    found: list[Node] = []

    def walk(n: Node) -> None:
        if isinstance(n, (Term, Phrase, Near)):
            found.append(n)
        elif isinstance(n, (And, Or)):
            for child in n.children:
                walk(child)
        elif isinstance(n, (Not, Field)):
            walk(n.child)

    walk(node)
    return found


def _condition(node: Node, ctx: MatchContext, fields: tuple[str, ...]) -> tuple[str, list[Any]]:
    """A SQL condition on docs `d` for a query FTS5 cannot express in one MATCH."""
    match = to_match(node, ctx, fields)
    if match is not None:
        return "d.rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)", [match]
    if isinstance(node, Field):
        return _condition(node.child, ctx, (node.name,))
    if isinstance(node, Not):
        inner, params = _condition(node.child, ctx, fields)
        return f"NOT ({inner})", params
    parts = [_condition(child, ctx, fields) for child in node.children]  # type: ignore[union-attr]
    joiner = " AND " if isinstance(node, And) else " OR "
    return "(" + joiner.join(f"({sql})" for sql, _ in parts) + ")", [p for _, ps in parts for p in ps]


def _order(sort: str, prefix: str) -> str:
    """Date order, undated last; written to match the docs_newest/docs_oldest indexes, which
    let `list --limit 20` read twenty rows instead of sorting the archive."""
    if sort == "oldest":
        return f"({prefix}published IS NULL), {prefix}published, {prefix}rowid"
    return f"({prefix}published IS NOT NULL) DESC, {prefix}published DESC, {prefix}rowid DESC"


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _filter_sql(filters: Filters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.since:
        where.append("d.published >= ?")
        params.append(filters.since)
    if filters.until:
        until = filters.until
        # A year or a month as the upper bound includes all of it.
        until = until + "-12-31" if len(until) == 4 else until + "-31" if len(until) == 7 else until
        where.append("d.published <= ?")
        params.append(until)
    if filters.imported_since:
        where.append("d.imported_at >= ?")
        params.append(filters.imported_since)
    if filters.sources:
        # Full Unicode case folding, as `RecordFilter.matches` does ("Élan" is "élan"); SQLite's
        # NOCASE folds ASCII only.
        where.append(f"casefold(d.source) IN ({','.join('?' * len(filters.sources))})")
        params.extend(source.casefold() for source in filters.sources)
    for tag in filters.tags:
        where.append("d.rowid IN (SELECT doc FROM doc_tags WHERE tag = ?)")
        params.append(" ".join(tag.split()).lower())
    return where, params


def _tokenize_record(record: dict[str, Any]) -> tuple[str, list[list[str]], list[str]]:
    """A record's language key, the folded words of each prose field, and each name field."""
    texts = field_texts(record)
    prose = [words(texts[name]) for name in PROSE_FIELDS]
    names = [" ".join(words(texts[name])) for name in NAME_FIELDS]
    return language_key(record.get("language")), prose, names


def _fts_row(lang: str, prose: list[list[str]], names: list[str], known: dict[str, str] | None = None) -> list[str]:
    """The FTS5 column values: prose stemmed, prose as is, names, the language key.

    `known` maps the words met so far to their stems; it grows as new words come. A write
    passes its own, so that listing the words it met costs nothing more."""
    stem = stemmer(lang).stem
    known = stemmer(lang).cache if known is None else known
    stemmed = []
    for found in prose:
        try:  # the usual case, once a write is under way: every word known
            stemmed.append(" ".join(map(known.__getitem__, found)))
        except KeyError:
            for word in found:
                if word not in known:
                    known[word] = stem(word)
            stemmed.append(" ".join(map(known.__getitem__, found)))
    exact = [" ".join(found) for found in prose]
    return [*stemmed, *exact, *names, lang]


def _fts_values(record: dict[str, Any]) -> list[str]:
    """The FTS5 column values for a record, exactly as they were (or will be) indexed."""
    return _fts_row(*_tokenize_record(record))
