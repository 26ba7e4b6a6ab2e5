"""Archive: the library API every command calls, over the store, the originals and the index.

The CLI stays thin by asking this class for what a command needs: a transaction that also
keeps the derived search index in step, records by id or prefix, curation (tags, notes,
edits, deletion) and verification. Nothing here knows about terminals.
"""

from __future__ import annotations

import functools
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from newsarchive.errors import BadInputError, NotFoundError
from newsarchive.filters import RecordFilter
from newsarchive.model import (
    count_words,
    is_iso_date,
    normalise_tags,
    public_record,
    utc_now,
    validate_record,
    with_new_content,
)
from newsarchive.store.fingerprint import file_fingerprint, sidecar_of
from newsarchive.store.originals import OriginalsStore

if TYPE_CHECKING:
    from newsarchive.neardupes import Cluster
    from newsarchive.search.index import SearchIndex
    from newsarchive.store.backups import RepairReport
    from newsarchive.store.tinystore import ArchiveStore, ArchiveTransaction, ArchiveView, Changes


# The index's fingerprint for an archive that has no file yet.
EMPTY_ARCHIVE = "empty"
# SQLite's name for a database that lives in memory only.
IN_MEMORY = ":memory:"


@dataclass
class ReextractReport:
    """What `reextract` did: ids changed, unchanged, and skipped with the reason."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class CheckReport:
    """What `check` found; `ok` when nothing."""

    articles: int = 0
    problems: list[str] = field(default_factory=list)
    originals_checked: int = 0
    index_state: str = "fresh"

    @property
    def ok(self) -> bool:
        return not self.problems


class Archive:
    """One archive file and everything kept beside it."""

    def __init__(self, path: Path, *, lock_timeout: float | None = None) -> None:
        """`lock_timeout`: seconds a write waits for another process; None for the default."""
        self.path = Path(path).expanduser()
        self.lock_timeout = lock_timeout
        self.originals = OriginalsStore(self.path)

    @functools.cached_property
    def store(self) -> ArchiveStore:
        # Loaded on first use: reads that the index answers never load TinyDB.
        from newsarchive.store.tinystore import ArchiveStore

        if self.lock_timeout is None:
            return ArchiveStore(self.path)
        return ArchiveStore(self.path, lock_timeout=self.lock_timeout)

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> ArchiveView:
        return self.store.read()

    def get(self, id_or_prefix: str) -> dict[str, Any]:
        """One record by id or unique id prefix, from the index (no parse of the archive)."""
        with self.index() as index:
            record = index.get(id_or_prefix)
        if record is None:
            raise NotFoundError(f"no article with id {id_or_prefix!r} in {self.path}", hint="`newsarchive list` shows the ids")
        return public_record(record)

    def get_many(self, ids: list[str]) -> list[dict[str, Any]]:
        """Records by id or unique prefix, in order, through one index connection."""
        with self.index() as index:
            records = []
            for given in ids:
                record = index.get(given)
                if record is None:
                    raise NotFoundError(f"no article with id {given!r} in {self.path}",
                                        hint="`newsarchive list` shows the ids")
                records.append(public_record(record))
        return records

    def matched_words(self, record: dict[str, Any], query: str) -> list[str]:
        """The words of `record` a search for `query` matches, stems and folding included
        (so "veins" finds "vein" here as in search); raises QueryError."""
        with self.index() as index:
            spans = index.match_spans(record, query)
        return sorted({record[name][start:end] for name, found in spans.items() for start, end in found})

    def select(self, record_filter: RecordFilter, *, sort: str = "newest", limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        """Records passing the filter, by publication date, from the index."""
        with self.index() as index:
            return [public_record(r) for r in index.list_records(record_filter, sort=sort, limit=limit, offset=offset)]

    def original(self, id_or_prefix: str) -> bytes:
        record = self.get(id_or_prefix)
        digest = (record.get("origin") or {}).get("sha256")
        if not digest:
            raise NotFoundError(f"article {record['id']} has no original recorded")
        try:
            return self.originals.get(digest)
        except FileNotFoundError:
            raise NotFoundError(f"the original of article {record['id']} is not kept beside the archive "
                                f"(it was imported before originals were kept, or deleted)") from None

    def tag_counts(self) -> list[tuple[str, int]]:
        """Tags in use with their article counts, most used first."""
        with self.index() as index:
            return index.tag_counts()

    def stats(self) -> dict[str, Any]:
        """Counts by year, source and tag (from the index), and sizes on disk."""
        with self.index() as index:
            figures = index.stats()
        originals = self.originals.all_digests()
        # Newest year first; articles of unknown date last.
        years = figures["by_year"]
        figures["by_year"] = sorted((y for y in years if y[0] != "unknown"), reverse=True) + [
            y for y in years if y[0] == "unknown"]
        figures["archive_bytes"] = self.path.stat().st_size if self.path.exists() else 0
        figures["originals"] = len(originals)
        figures["originals_bytes"] = sum(self.originals.path_for(d).stat().st_size for d in originals)
        return figures

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[ArchiveTransaction]:
        """A store transaction: the archive is written once, when the block succeeds, and the
        search index follows it."""
        with self.store.transaction(on_commit=self._index_follows) as txn:
            yield txn

    # -- the derived search index ----------------------------------------------------------

    @property
    def index_path(self) -> Path:
        return sidecar_of(self.path) / "index.sqlite"

    def _index_follows(self, changes: Changes, before: str | None, after: str | None) -> None:
        """Apply a write's changes to the index, if the index matched the archive before it.

        Runs under the archive's lock. A stale or missing index is left for the next read to
        bring up to date from the archive itself.
        """
        if not self.index_path.exists() or after is None:
            return
        from newsarchive.search.index import SearchIndex

        with SearchIndex.open_or_reset(self.index_path) as index:
            if index.fingerprint() == before:
                index.apply(list(changes.upserted.values()), sorted(changes.deleted), after)

    def index(self) -> SearchIndex:
        """The search index, brought up to date first if the archive changed since it was
        last synced (including a change made by hand to the JSON file)."""
        from newsarchive.search.index import SearchIndex

        fingerprint = self._fingerprint()
        if fingerprint is None:
            # No archive yet (or a mistyped --db): answer from an empty index in memory
            # rather than leave an index folder beside a file that does not exist.
            return _index_in_memory([], EMPTY_ARCHIVE)
        try:
            index = SearchIndex.open_or_reset(self.index_path)
            if index.fingerprint() != fingerprint:
                view, fingerprint = self.store.read_with_fingerprint()
                index.sync(_indexable(view), fingerprint or EMPTY_ARCHIVE)
            return index
        except (OSError, sqlite3.OperationalError):
            # A read-only archive folder (or medium): reading must still work, so the index
            # is built in memory for this one command.
            view, fingerprint = self.store.read_with_fingerprint()
            return _index_in_memory(_indexable(view), fingerprint or EMPTY_ARCHIVE)

    def _fingerprint(self) -> str | None:
        try:
            return file_fingerprint(self.path)
        except OSError:
            return self.store.fingerprint()  # raises the archive error, worded as everywhere

    def reindex(self) -> int:
        """Rebuild the search index from the archive; returns the number of articles."""
        from newsarchive.search.index import SearchIndex

        view, fingerprint = self.store.read_with_fingerprint()
        with SearchIndex.open_or_reset(self.index_path) as index:
            index.reset()
            index.rebuild(_indexable(view), fingerprint or EMPTY_ARCHIVE)
        return len(view)

    def tag(self, ids: list[str], tags: list[str], *, remove: bool = False) -> list[str]:
        """Add (or remove) tags on articles; returns the full ids changed."""
        wanted = normalise_tags(tags)
        changed = []
        with self.transaction() as txn:
            for article_id in _resolve_all(txn, ids):
                record = txn.get(article_id)
                assert record is not None
                current = record.get("tags", [])
                new = [t for t in current if t not in wanted] if remove else normalise_tags([*current, *wanted])
                if new != current:
                    record["tags"] = new
                    txn.replace(record)
                    changed.append(article_id)
        return changed

    def add_note(self, id_or_prefix: str, text: str) -> dict[str, str]:
        note = {"at": utc_now(), "text": text.strip()}
        if not note["text"]:
            raise ValueError("a note needs some text")
        with self.transaction() as txn:
            record = txn.get(txn.resolve(id_or_prefix))
            assert record is not None
            record["notes"] = [*record.get("notes", []), note]
            txn.replace(record)
        return note

    def edit(self, id_or_prefix: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Correct metadata; each change is recorded in the article's history."""
        with self.transaction() as txn:
            record = txn.get(txn.resolve(id_or_prefix))
            assert record is not None
            now = utc_now()
            for name, value in changes.items():
                if name == "published" and value is not None and not is_iso_date(value):
                    raise ValueError(f"published must be a date as YYYY-MM-DD, not {value!r}")
                if record.get(name) != value:
                    record.setdefault("history", []).append({"at": now, "field": name, "old": record.get(name), "new": value})
                    record[name] = value
            record["word_count"] = count_words(record.get("body", ""))
            problems = validate_record(record)
            if problems:
                raise ValueError("; ".join(problems))
            txn.replace(record)
        return record

    def delete(self, ids: list[str]) -> list[str]:
        """Remove articles, and the originals no remaining article refers to."""
        with self.transaction() as txn:
            full_ids = _resolve_all(txn, ids)
            digests = set().union(*(_originals_of(txn.get(i) or {}) for i in full_ids))
            txn.remove(full_ids)
            still_used = set().union(*(_originals_of(r) for r in txn.records()))
        for digest in digests - still_used:
            if digest:
                self.originals.remove(digest)
        return full_ids

    def reextract(self, ids: list[str] | None = None) -> ReextractReport:
        """Run extraction again on the kept originals (all articles when `ids` is None).

        Pages imported early improve as the archive learns their site's furniture. Fields a
        person corrected with `edit` keep the correction.
        """
        from newsarchive.extract import ExtractContext
        from newsarchive.extract.decode import decode_text
        from newsarchive.extract.textpage import learnable_lines
        from newsarchive.ingest import body_hash, extract_again
        from newsarchive.learning import SiteFurniture

        report = ReextractReport()
        with self.transaction() as txn:
            records = [txn.get(i) for i in _resolve_all(txn, ids)] if ids else txn.records()
            furniture = SiteFurniture(self.originals, txn.records())
            for record in records:
                assert record is not None
                origin = record.get("origin") or {}
                digest, fmt = origin.get("sha256"), origin.get("format")
                if not digest or not fmt or not self.originals.has(digest):
                    report.skipped.append((record["id"], "no original kept"))
                    continue
                data = self.originals.get(digest)
                learned: frozenset[str] = frozenset()
                if fmt == "text":
                    learned = furniture.furniture_for(record.get("site"), learnable_lines(decode_text(data)), digest)
                context = ExtractContext(path=origin.get("path") or "-", furniture=learned)
                fresh = extract_again(data, fmt, context, record=origin.get("record", 0))
                if isinstance(fresh, BadInputError):
                    report.skipped.append((record["id"], fresh.message))
                    continue
                updated = with_new_content(record, fresh.to_record())
                if record.get("url"):
                    # A text page knows no url; the one the archive was given stays.
                    updated["url"] = record["url"]
                updated["body_hash"] = body_hash(updated["body"])
                if learned:
                    updated["origin"] = {**origin, "learned_furniture_lines": len(learned)}
                if updated == record or validate_record(updated):
                    report.unchanged.append(record["id"])
                    continue
                txn.replace(updated)
                report.changed.append(record["id"])
        return report

    def explain_text_page(self, data: bytes, *, path: str = "-") -> list[Any]:
        """The text-page extractor's decision for each block of a page, with the furniture
        this archive has learnt for the page's site applied, as an import would."""
        from newsarchive.extract.decode import decode_text
        from newsarchive.extract.textpage import explain_text_page, extract_text_page, learnable_lines
        from newsarchive.learning import SiteFurniture
        from newsarchive.store.originals import sha256_of

        text = decode_text(data, path=path)
        learned: frozenset[str] = frozenset()
        if self.path.exists():
            try:
                site = extract_text_page(text).site
            except BadInputError:
                site = None
            furniture = SiteFurniture(self.originals, self.read().stored_records())
            learned = furniture.furniture_for(site, learnable_lines(text), sha256_of(data))
        return explain_text_page(text, furniture=learned)

    # -- near-duplicates -------------------------------------------------------------------

    def near_duplicates(self, threshold: float, progress: Callable[[int, int], None] | None = None) -> list[Cluster]:
        """Clusters of near-duplicate articles, each with its records."""
        from newsarchive.neardupes import NearDuplicateFile

        view = self.read()
        finder = NearDuplicateFile(self.store.sidecar)
        finder.sync(view.records(), progress)
        finder.save()
        clusters = finder.clusters(threshold)
        for cluster in clusters:
            cluster.records = [public_record(view.get(i) or {"id": i}) for i in cluster.ids]
        return clusters

    def merge(self, groups: list[list[str]]) -> list[dict[str, Any]]:
        """Merge each group of copies of one article into its fullest copy, in one write.

        The kept article gains the others' tags and notes, and `origin["copies"]` lists each
        merged copy's id, url, site, source, date and origin; the copies are removed.
        """
        kept = []
        with self.transaction() as txn:
            for ids in groups:
                records = [txn.get(i) for i in _resolve_all(txn, ids)]
                if len(records) < 2:
                    raise ValueError("merging needs at least two articles")
                keeper = _merged(records)
                txn.replace(keeper)
                txn.remove([r["id"] for r in records if r["id"] != keeper["id"]])
                kept.append(public_record(keeper))
        return kept

    # -- verifying -------------------------------------------------------------------------

    def check(self, *, originals: bool = True) -> CheckReport:
        """Load the archive, validate every record, verify every original's fixity, and make
        sure the search index holds what the archive holds."""
        view, fingerprint = self.store.read_with_fingerprint()
        report = CheckReport(articles=len(view))
        report.index_state = self._check_index(view, fingerprint or EMPTY_ARCHIVE, report)
        for record in view.stored_records():
            for problem in validate_record(record):
                report.problems.append(f"article {record.get('id', '?')}: {problem}")
        if originals:
            # Every import keeps its original, so one that is gone is lost fixity, not a choice.
            for digest in sorted(set().union(*(_originals_of(r) for r in view.stored_records()))):
                report.originals_checked += 1
                trouble = self.originals.verify(digest)
                if trouble:
                    report.problems.append(f"original {digest}: {trouble}")
        return report

    def _check_index(self, view: ArchiveView, fingerprint: str, report: CheckReport) -> str:
        """'fresh', 'updated' (it was stale and has been synced), or 'damaged' (a problem)."""
        from newsarchive.search.index import SearchIndex

        try:
            index = SearchIndex.open_or_reset(self.index_path)
        except (OSError, sqlite3.OperationalError):
            return "not kept (the archive's folder is read-only)"
        with index:
            if index.fingerprint() != fingerprint:
                index.sync(_indexable(view), fingerprint)
                return "updated"
            if index.count() != len(view):
                report.problems.append(f"the search index holds {index.count()} articles but the archive has "
                                       f"{len(view)}; run `newsarchive reindex`")
                return "damaged"
        return "fresh"

    def repair(self) -> RepairReport:
        """Restore the newest backup that loads, keeping the damaged file aside; say what was lost."""
        from newsarchive.store.backups import restore_newest_backup

        return restore_newest_backup(self.store)


def _merged(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The fullest of `records`, carrying the others' tags, notes and provenance."""
    keeper = dict(max(records, key=lambda r: (r.get("word_count", 0), r.get("imported_at", ""))))
    origin = dict(keeper.get("origin") or {})
    copies = list(origin.get("copies", []))
    for other in records:
        if other["id"] == keeper["id"]:
            continue
        copies.append({key: other.get(key) for key in ("id", "url", "site", "source", "published", "title")}
                      | {"origin": other.get("origin")})
        copies.extend((other.get("origin") or {}).get("copies", []))
    origin["copies"] = copies
    keeper["origin"] = origin
    keeper["tags"] = normalise_tags([t for r in records for t in r.get("tags", [])])
    keeper["notes"] = sorted((n for r in records for n in r.get("notes", [])), key=lambda n: n["at"])
    return keeper


def _indexable(view: ArchiveView) -> list[dict[str, Any]]:
    """The records the index can hold: a record damaged by hand (no string id) is left to
    `check` to report, not allowed to break every read."""
    return [r for r in view.stored_records() if isinstance(r.get("id"), str) and r["id"]]


def _index_in_memory(records: list[dict[str, Any]], fingerprint: str) -> SearchIndex:
    from newsarchive.search.index import SearchIndex

    index = SearchIndex(Path(IN_MEMORY))
    index.rebuild(records, fingerprint)
    return index


def _originals_of(record: dict[str, Any]) -> set[str]:
    """The sha256 of every original a record refers to, its merged copies' included."""
    origin = record.get("origin") or {}
    digests = {origin.get("sha256")} | {(c.get("origin") or {}).get("sha256") for c in origin.get("copies", [])}
    return {d for d in digests if d}


def _resolve_all(view: ArchiveView, ids: list[str]) -> list[str]:
    """Full ids for ids or prefixes, in order, each once; NotFoundError names the first unknown."""
    seen: dict[str, None] = {}
    for given in ids:
        seen.setdefault(view.resolve(given), None)
    return list(seen)
