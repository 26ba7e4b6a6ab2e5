"""ArchiveStore: the TinyDB archive, written atomically, under a lock, only where it changed.

This is the only module that imports tinydb. TinyDB's stock JSONStorage rewrites the file
in place (a crash leaves it corrupt) and writes once per operation; here TinyDB works on an
in-memory snapshot instead, and a transaction writes back once, through
`atomic.write_atomically`, when the command's work succeeded. Documents keep TinyDB's own
integer ids, so stock TinyDB opens every file as it is; a map from article id to document
id, built once per snapshot, makes a lookup by article id a dictionary access.

Past `segment_size` articles the older ones move into segment files (`segments.py`): the
archive file then holds the newest articles and the list of segments with their ids, and a
write rewrites the archive file plus the segments it changed, never the whole archive.
"""

from __future__ import annotations

import errno
import functools
import itertools
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from tinydb import TinyDB
from tinydb.storages import Storage

from newsarchive import __version__
from newsarchive.errors import AmbiguousIdError, ArchiveError, NotFoundError, SegmentMissingError
from newsarchive.model import has_usable_id, utc_now
from newsarchive.store import backups, segments
from newsarchive.store.atomic import remove_orphaned_temp_files, remove_stale_temp_files, write_atomically
from newsarchive.store.fingerprint import (
    archive_fingerprint,
    file_fingerprint,
    fingerprint_of,
    fingerprint_with,
    own_part,
    segments_folder,
    sidecar_of,
)
from newsarchive.store.jsonfile import Tables, parse_archive, serialise_archive
from newsarchive.store.lock import DEFAULT_TIMEOUT, ArchiveLock
from newsarchive.store.originals import OriginalsStore

CommitHook = Callable[["Changes", Optional[str], Optional[str]], None]
# Schema 1: every article in the archive file. Schema 2: older articles in segment files
# (`segments.py`), which a reader of schema 1 would not see, so it must refuse the file.
ONE_FILE_SCHEMA = 1
SEGMENTED_SCHEMA = 2
SCHEMA_VERSION = SEGMENTED_SCHEMA  # the newest this version reads
ARTICLES = "articles"
META = "meta"
SEGMENTS = "segments"
# Lookups by id that scan the segments' id lists before a map of them is built.
SCANNED_LOOKUPS = 8
# Reads of the whole archive retry when a writer replaced it meanwhile.
READ_ATTEMPTS = 5


class SnapshotStorage(Storage):
    """TinyDB storage over tables already in memory; writes only mark the snapshot changed."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.changed = False

    def read(self) -> Tables:
        return self.tables

    def write(self, data: Tables) -> None:
        self.tables = data
        self.changed = True


@dataclass
class Changes:
    """What a transaction changed, for keeping derived indexes in step without a rescan."""

    upserted: dict[str, dict[str, Any]] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.upserted or self.deleted)


class _Part:
    """The articles of one TinyDB file in memory: the archive file's own, or a segment's."""

    def __init__(self, tables: Tables) -> None:
        self.db = TinyDB(tables, storage=SnapshotStorage)
        self.table = self.db.table(ARTICLES)
        self.doc_ids = {doc["id"]: int(doc_id) for doc_id, doc in tables.get(ARTICLES, {}).items()
                        if has_usable_id(doc)}

    def raw(self) -> dict[str, Any]:
        return self.db.storage.read().setdefault(ARTICLES, {})  # type: ignore[attr-defined]

    def get(self, article_id: str) -> dict[str, Any] | None:
        doc_id = self.doc_ids.get(article_id)
        doc = self.table.get(doc_id=doc_id) if doc_id is not None else None
        return dict(doc) if doc is not None else None

    def insert(self, records: list[dict[str, Any]]) -> None:
        for record, doc_id in zip(records, self.table.insert_multiple(records)):
            self.doc_ids[record["id"]] = doc_id

    def replace(self, record: dict[str, Any]) -> None:
        # Straight into the snapshot: TinyDB's update() rebuilds the whole table for each
        # call, which made tagging every article of a large archive quadratic.
        self.raw()[str(self.doc_ids[record["id"]])] = dict(record)
        self.mark_changed()

    def remove(self, article_id: str) -> None:
        del self.raw()[str(self.doc_ids.pop(article_id))]
        self.mark_changed()

    def mark_changed(self) -> None:
        self.db.storage.changed = True  # type: ignore[attr-defined]
        self.table.clear_cache()

    @property
    def changed(self) -> bool:
        return self.db.storage.changed  # type: ignore[attr-defined]


def _summaries(part: _Part) -> Iterator[segments.Summary]:
    return (segments.summary_of(r) for r in part.raw().values() if has_usable_id(r))


class ArchiveView:
    """Read access to one version of the archive: the archive file's tables, and its
    segments (`segments.py`), each parsed only when an article in it is needed."""

    def __init__(self, path: Path, tables: Tables) -> None:
        self.path = path
        self.head = _Part(tables)
        self._tables = self.head.db.storage.read()  # type: ignore[attr-defined]
        self._check_schema()
        self._loaded: dict[str, _Part] = {}
        self._kept_summaries: dict[str, list[segments.Summary]] = {}
        self._lookups = 0

    def _check_schema(self) -> None:
        version = self.meta().get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise ArchiveError(
                f"archive {self.path} was written by a newer newsarchive (schema {version}; "
                f"this is {__version__}, schema {SCHEMA_VERSION}); it was left untouched",
                hint="upgrade newsarchive to read it",
            )
        table = self._tables.get(SEGMENTS, {})
        if not all(isinstance(doc.get("file"), str) and segments.is_segment_name(doc["file"])
                   and isinstance(doc.get("ids"), list) for doc in table.values()):
            raise ArchiveError(f"cannot read archive {self.path}: its table 'segments' is damaged; "
                               f"it was left untouched",
                               hint="run `newsarchive check --repair` to restore the last good backup")

    @property
    def _segment_docs(self) -> dict[str, dict[str, Any]]:
        # Looked up each time: a commit may add the table (sealing) or drop it.
        return self._tables.get(SEGMENTS, {})

    def segment_files(self) -> list[str]:
        """The names of the segment files this version is made of."""
        return [doc["file"] for doc in self._segment_docs.values()]

    def retired(self) -> list[dict[str, Any]]:
        """Replaced segment files kept for the backups: {"file", "at": generation}. An entry
        that is not well formed is left out: it is never deleted, only forgotten."""
        entries = self.meta().get("retired", [])
        if not isinstance(entries, list):
            return []
        return [dict(e) for e in entries if isinstance(e, dict) and isinstance(e.get("file"), str)
                and segments.is_segment_name(e["file"]) and isinstance(e.get("at"), int)]

    def _segment_of(self, article_id: str) -> str | None:
        """The number of the segment holding an article. The first few lookups scan the
        segments' id lists; a command that looks up many builds a map (100,000 entries
        cost 20 ms, more than a tag or a note needs to pay)."""
        self._lookups += 1
        if self._lookups <= SCANNED_LOOKUPS:
            return next((n for n, doc in self._segment_docs.items() if article_id in doc["ids"]), None)
        return self._home.get(article_id)

    @functools.cached_property
    def _home(self) -> dict[str, str]:
        return {article_id: number for number, doc in self._segment_docs.items() for article_id in doc["ids"]}

    @property
    def segmented(self) -> bool:
        return bool(self._segment_docs)

    def meta(self) -> dict[str, Any]:
        doc = self.head.db.table(META).get(doc_id=1)
        return dict(doc) if doc else {}

    def __len__(self) -> int:
        return len(self.head.doc_ids) + sum(len(doc["ids"]) for doc in self._segment_docs.values())

    def ids(self) -> set[str]:
        return set(self.head.doc_ids).union(*(doc["ids"] for doc in self._segment_docs.values()))

    def _part_of(self, article_id: str) -> _Part | None:
        if article_id in self.head.doc_ids:
            return self.head
        number = self._segment_of(article_id)
        if number is None:
            return None
        part = self._segment(number)
        # A segment edited by hand may no longer hold what the archive file lists.
        return part if article_id in part.doc_ids else None

    def _segment(self, number: str) -> _Part:
        part = self._loaded.get(number)
        if part is None:
            path = segments_folder(self.path) / self._segment_docs[number]["file"]
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                raise SegmentMissingError(
                    f"cannot read archive {self.path}: its segment {path} is missing",
                    hint="if another command was writing the archive, run this one again; "
                         "otherwise run `newsarchive check --repair`") from None
            except OSError as exc:
                raise _io_error(path, "read", exc) from None
            part = self._loaded[number] = _Part(parse_archive(data, path))
        return part

    def get(self, article_id: str) -> dict[str, Any] | None:
        part = self._part_of(article_id)
        return part.get(article_id) if part is not None else None

    def resolve(self, id_or_prefix: str) -> str:
        """The full id an id or unique id prefix names; NotFoundError or AmbiguousIdError."""
        if id_or_prefix in self.head.doc_ids:
            return id_or_prefix
        if self._segment_of(id_or_prefix) is not None:
            return self._held(id_or_prefix)
        matches = sorted(i for i in self.ids() if i.startswith(id_or_prefix)) if id_or_prefix else []
        if not matches:
            raise NotFoundError(f"no article with id {id_or_prefix!r} in {self.path}",
                                hint="`newsarchive list` shows the ids")
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (" ..." if len(matches) > 5 else "")
            raise AmbiguousIdError(f"id prefix {id_or_prefix!r} matches {len(matches)} articles: {shown}",
                                   hint="give more characters of the id")
        return self._held(matches[0])

    def _held(self, article_id: str) -> str:
        """`article_id`, if the archive really holds it (a segment edited by hand may not)."""
        if self._part_of(article_id) is None:
            raise NotFoundError(f"article {article_id} is listed in {self.path}, but its segment no longer holds it",
                                hint="run `newsarchive check --repair`")
        return article_id

    def records(self) -> list[dict[str, Any]]:
        """Every article record, oldest segment first (copies the caller may change)."""
        return [dict(doc) for doc in self.stored_records()]

    def stored_records(self) -> Iterable[dict[str, Any]]:
        """The stored records themselves, without copying: for reading only. Parses every
        segment; use `summaries` where urls, body hashes and originals are enough."""
        return itertools.chain(*(self._segment(n).raw().values() for n in self._segment_numbers()),
                               self.head.raw().values())

    def disagreeing_segments(self) -> list[str]:
        """Segment files whose ids are not those the archive file lists for them (edited by
        hand); parses every segment."""
        return [doc["file"] for number, doc in self._segment_docs.items()
                if set(self._segment(number).doc_ids) != set(doc["ids"])]

    def segments_agree(self) -> bool:
        return not self.disagreeing_segments()

    def load_all(self) -> None:
        for number in self._segment_numbers():
            self._segment(number)

    def _segment_numbers(self) -> list[str]:
        return sorted(self._segment_docs, key=int)

    def summaries(self) -> Iterator[segments.Summary]:
        """A summary (url, body hash, originals) of every article, without parsing the
        segments whose summaries are kept beside them."""
        for number in self._segment_numbers():
            part = self._loaded.get(number)
            if part is not None:
                yield from _summaries(part)
                continue
            if number not in self._kept_summaries:
                path = segments_folder(self.path) / self._segment_docs[number]["file"]
                found = segments.read_keys(path)
                if found is None:
                    # Missing or stale: recomputed, and written for next time (a derived
                    # file, a pure function of the segment, so no lock is needed).
                    found = segments.write_keys(path, self._segment(number).raw().values())
                self._kept_summaries[number] = found
            yield from self._kept_summaries[number]
        yield from _summaries(self.head)


class ArchiveTransaction(ArchiveView):
    """A version that may be changed; the store writes back what changed, once."""

    def __init__(self, path: Path, tables: Tables) -> None:
        super().__init__(path, tables)
        self.changes = Changes()
        # Set when the write landed but the on_commit hook (the index following) failed.
        self.follow_error: Exception | None = None
        # True once this transaction's version is the archive on disk, even if an exception
        # (a Ctrl-C after the rename) then leaves the `with` block: callers that count what
        # landed check it in a `finally`.
        self.committed = False

    def insert(self, records: Iterable[dict[str, Any]]) -> None:
        """Add new records (to the archive file's own table); their ids must be free."""
        # Not copied here: TinyDB stores a copy of each, and a bulk import must not hold three.
        records = list(records)
        taken = self.ids()
        clashes = [r["id"] for r in records if r["id"] in taken]
        if clashes:
            raise ValueError(f"ids already in the archive: {', '.join(clashes[:5])}")
        if records:
            self.head.insert(records)
            for record in records:
                self.changes.upserted[record["id"]] = record

    def replace(self, record: dict[str, Any]) -> None:
        """Replace the stored record with the same id by `record`, whole."""
        part = self._part_of(record["id"])
        if part is None:
            raise NotFoundError(f"no article with id {record['id']!r} in {self.path}")
        part.replace(record)
        self.changes.upserted[record["id"]] = dict(record)

    def remove(self, article_ids: Iterable[str]) -> None:
        for article_id in article_ids:
            part = self._part_of(article_id)
            if part is None:
                continue
            number = None if part is self.head else self._segment_of(article_id)
            part.remove(article_id)
            if number is not None:
                # The segment's entry is rewritten on commit; until then it must agree.
                self._segment_docs[number]["ids"].remove(article_id)
                if "_home" in self.__dict__:
                    del self._home[article_id]
            self.changes.upserted.pop(article_id, None)
            self.changes.deleted.add(article_id)

    def mend_segments(self) -> tuple[list[str], list[str]]:
        """Make every segment readable and agree with the archive file's list of its ids:
        a segment that cannot be parsed keeps the documents still readable line by line
        (`segments.salvage`), and a list that disagrees with its segment is rewritten.
        Returns (the segment files mended, the ids lost); the write happens on commit."""
        mended, lost = [], []
        for number in self._segment_numbers():
            doc = self._segment_docs[number]
            try:
                part = self._segment(number)
            except ArchiveError:
                path = segments_folder(self.path) / doc["file"]
                try:
                    data = path.read_bytes()
                except OSError:
                    data = b""
                found = segments.salvage(data)
                part = self._loaded[number] = _Part({ARTICLES: {str(n): r for n, r in enumerate(found, start=1)}})
                part.mark_changed()
            if set(part.doc_ids) != set(doc["ids"]):
                lost += [i for i in doc["ids"] if i not in part.doc_ids]
                part.mark_changed()
            if part.changed:
                mended.append(doc["file"])
        return mended, lost

    @property
    def changed(self) -> bool:
        return self.head.changed or any(part.changed for part in self._loaded.values())

    def changed_segments(self) -> dict[str, _Part]:
        return {number: part for number, part in self._loaded.items() if part.changed}

    def tables(self) -> Tables:
        return self._tables


class ArchiveStore:
    """The archive file at `path`: snapshots to read, transactions to write."""

    def __init__(self, path: Path, *, lock_timeout: float = DEFAULT_TIMEOUT, segment_size: int | None = None) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        # Read when the store is made (not imported), so tests can make segments small.
        try:
            self.segment_size = segment_size or segments.configured_segment_size()
        except ValueError as exc:
            raise ArchiveError(str(exc), hint=f"unset {segments.SEGMENT_SIZE_VARIABLE} to use the default, "
                                              f"{segments.DEFAULT_SEGMENT_SIZE}") from None

    @property
    def sidecar(self) -> Path:
        """The folder beside the archive for derived and kept files (index, originals, backups)."""
        return sidecar_of(self.path)

    @property
    def segments_folder(self) -> Path:
        return segments_folder(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    def fingerprint(self, known: str | None = None) -> str | None:
        """The archive's fingerprint now, without parsing it (see
        `archive_fingerprint`); None when there is no archive yet."""
        try:
            return archive_fingerprint(self.path, known)
        except OSError as exc:
            raise _io_error(self.path, "read", exc) from None

    def read(self) -> ArchiveView:
        """The archive as it is now, its segments parsed when needed. No lock: writers
        replace files atomically and never change a segment file in place."""
        tables, _ = self._load()
        return ArchiveView(self.path, tables)

    def read_with_fingerprint(self) -> tuple[ArchiveView, str | None]:
        """The whole archive, every segment parsed, and the fingerprint of exactly the
        version read: if a writer replaced anything meanwhile, it is read again."""
        for attempt in range(READ_ATTEMPTS):
            tables, fingerprint = self._load()
            view = ArchiveView(self.path, tables)
            try:
                view.load_all()
            except SegmentMissingError:
                if attempt == READ_ATTEMPTS - 1:
                    raise
                continue  # retired by a writer after we read the archive file
            if not view.segmented or self._fingerprint_of(view) == fingerprint:
                return view, fingerprint
        # Writers kept replacing it: this version's fingerprint, already stale, makes the
        # next reader of the index read the archive again rather than trust this one.
        return view, fingerprint

    @contextmanager
    def transaction(self, on_commit: CommitHook | None = None) -> Iterator[ArchiveTransaction]:
        """Lock, load, let the caller change the snapshot, and write back what changed, once.

        If the caller's block raises, nothing is written. If the write fails (disk full,
        read-only), ArchiveError is raised and the archive on disk is as it was.
        `on_commit(changes, fingerprint_before, fingerprint_after)` runs after a write, still
        under the lock, so derived files can follow the archive without racing other writers.
        """
        self._ensure_folder()
        lock = ArchiveLock(self.path, timeout=self.lock_timeout)
        try:
            lock.__enter__()
        except OSError as exc:
            raise _io_error(lock.lock_path, "lock", exc) from None
        try:
            # A writer killed mid-write leaves a temporary file; it was never the archive.
            remove_stale_temp_files(self.path.parent, self.path.name)
            # Files kept beside the archive (originals, derived files) are not all written
            # under the lock, so only the temporary files of writers that died are removed.
            remove_orphaned_temp_files([self.sidecar, self.segments_folder])
            OriginalsStore(self.path).remove_orphaned_temp_files()
            tables, before = self._load()
            txn = ArchiveTransaction(self.path, tables)
            self._remove_orphaned_segments(txn)
            yield txn
            if txn.changed or not self.path.exists():
                try:
                    self._commit(txn)
                except OSError as exc:
                    raise _io_error(self.path, "write", exc) from None
                except BaseException:
                    # Interrupted (Ctrl-C) during the write: the new version landed if and
                    # only if the rename replaced the archive file we loaded (new segment
                    # files alone are not a new version).
                    txn.committed = self._file_fingerprint_now() != own_part(before)
                    raise
                txn.committed = True
                if on_commit is not None and txn.changes:
                    try:
                        on_commit(txn.changes, before, self._fingerprint_of(txn))
                    except Exception as exc:  # noqa: BLE001
                        # The archive is written: raising now would report a landed write as a
                        # failed one. What on_commit keeps (the search index) is derived and
                        # checked against the archive's fingerprint before use, so a copy that
                        # failed to follow (disk full, say) is rebuilt by the next read.
                        txn.follow_error = exc
        finally:
            lock.__exit__()

    def refresh_keys(self, view: ArchiveView) -> int:
        """Rewrite each segment's derived keys file that is missing or disagrees with the
        segment (`view` parsed whole); returns how many were rewritten."""
        rewritten = 0
        for number, doc in view._segment_docs.items():
            path = self.segments_folder / doc["file"]
            records = list(view._segment(number).raw().values())
            if segments.read_keys(path) != [segments.summary_of(r) for r in records if has_usable_id(r)]:
                segments.write_keys(path, records)
                rewritten += 1
        return rewritten

    def mentioned(self, view: ArchiveView, words: set[str]) -> set[str]:
        """Which of `words` appear anywhere in the archive file or the segments `view`
        names, searched as bytes: the last check before something they might name (an
        original) is deleted on the word of derived summaries."""
        found: set[str] = set()
        for path in [self.path, *(self.segments_folder / name for name in view.segment_files())]:
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                continue
            found |= {word for word in words - found if word.encode() in data}
        return found

    def _file_fingerprint_now(self) -> str | None:
        try:
            return file_fingerprint(self.path)
        except OSError:
            return None

    def _fingerprint_of(self, view: ArchiveView) -> str | None:
        """The archive's fingerprint now, for the segments `view` names."""
        own = self._file_fingerprint_now()
        return None if own is None else fingerprint_with(own, self.path, view.segment_files())

    def _ensure_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _io_error(self.path.parent, "create the folder for", exc) from None

    def _load(self) -> tuple[Tables, str | None]:
        """The archive file's tables, and the archive's fingerprint for the very file they
        were read from (its part is taken from the open descriptor, so a concurrent replace
        cannot pair one version's fingerprint with another's content)."""
        try:
            with open(self.path, "rb") as handle:
                st = os.fstat(handle.fileno())
                data = handle.read()
        except FileNotFoundError:
            return {}, None
        except IsADirectoryError:
            raise ArchiveError(f"cannot read archive {self.path}: it is a folder, not a file",
                               hint="give --db the path of a .json file") from None
        except OSError as exc:
            raise _io_error(self.path, "read", exc) from None
        tables = parse_archive(data, self.path)
        names = [doc.get("file") for doc in tables.get(SEGMENTS, {}).values() if isinstance(doc, dict)]
        return tables, fingerprint_with(fingerprint_of(st), self.path, [n for n in names if isinstance(n, str)])

    # -- writing -----------------------------------------------------------------------------

    def _commit(self, txn: ArchiveTransaction) -> None:
        """Write what `txn` changed, in the one order that a crash at any point survives:

        1. changed segments, each under a new name (the old file stays as it was);
        2. once the archive file holds `segment_size` articles, those sealed into new
           segments;
        3. the archive file, replaced atomically: this rename is the moment the new
           version exists, and what it replaced becomes backup number 1;
        4. then, best effort: retired segment files no backup can name any more, and the
           derived keys of the new segments.
        A failure before 3 leaves the previous version whole (plus unnamed segment files,
        removed by the next writer); a failure in 4 only leaves files behind.
        """
        tables = txn.tables()
        info = tables.setdefault(META, {}).setdefault("1", {"schema_version": 1, "created_at": utc_now()})
        generation = int(info.get("generation", 0)) + 1
        retired = txn.retired()
        table = tables.setdefault(SEGMENTS, {})
        written = self._write_changed_segments(txn, table, retired, generation)
        written += self._seal(tables, table)
        # A replaced file may be named by the backups (the previous archive files): it goes
        # once every backup is a version written after it was retired.
        expired = [entry for entry in retired if generation - entry["at"] >= backups.KEEP]
        info.update(schema_version=SEGMENTED_SCHEMA if table else ONE_FILE_SCHEMA,
                    written_by=f"newsarchive {__version__}")
        if table or retired:
            info.update(generation=generation, retired=[e for e in retired if e not in expired])
        if not table:
            del tables[SEGMENTS]
        write_atomically(self.path, serialise_archive(tables), before_replace=lambda: backups.rotate_in(self.path))
        try:
            live = {doc["file"] for doc in table.values()}
            self._remove_unless_named({e["file"] for e in expired} - live)
            for name, records in written:
                segments.write_keys(self.segments_folder / name, records)
        except OSError:
            # The new version exists: reporting "nothing was changed" now would be false. A
            # file left behind is removed by the next writer; keys are recomputed when missing.
            pass

    def _write_changed_segments(self, txn: ArchiveTransaction, table: Tables, retired: list[dict[str, Any]],
                                generation: int) -> list[tuple[str, list[dict[str, Any]]]]:
        """Each changed segment under a new name; an emptied one is dropped from `table`."""
        written = []
        for number, part in sorted(txn.changed_segments().items()):
            retired.append({"file": table[number]["file"], "at": generation})
            records = list(part.raw().values())
            if records:
                name = segments.new_segment_name(int(number))
                table[number] = {"file": name, "ids": segments.write_segment(self.segments_folder, name, records)}
                written.append((name, records))
            else:
                del table[number]
        return written

    def _seal(self, tables: Tables, table: Tables) -> list[tuple[str, list[dict[str, Any]]]]:
        """Move the archive file's articles, oldest first, into new segments of
        `segment_size`, once there are that many; fewer stay in the archive file."""
        head = tables.setdefault(ARTICLES, {})
        if len(head) < self.segment_size:
            return []
        items = list(head.items())
        written = []
        for chunk in segments.chunks([doc for _, doc in items], self.segment_size):
            number = max((int(n) for n in table), default=0) + 1
            name = segments.new_segment_name(number)
            table[str(number)] = {"file": name, "ids": segments.write_segment(self.segments_folder, name, chunk)}
            written.append((name, chunk))
        tables[ARTICLES] = dict(items[sum(len(chunk) for _, chunk in written):])
        return written

    def _remove_orphaned_segments(self, view: ArchiveView) -> None:
        """Under the lock: delete segment files that nothing names (written by a writer that
        failed or was killed before its rename, or by a version `check --repair` set aside)."""
        try:
            present = {entry.name for entry in os.scandir(self.segments_folder)}
        except OSError:
            return
        known = set(view.segment_files()) | {e["file"] for e in view.retired()}
        names = {name for name in present if segments.is_segment_name(name)}
        keys = {name for name in present if name.endswith(segments.KEYS_SUFFIX)}
        self._remove_unless_named(names - known)
        # Keys whose segment is gone (removed, or never written) are useless.
        for name in keys:
            segment = name[: -len(segments.KEYS_SUFFIX)] + ".json"
            if segment not in present:
                segments.remove_segment(self.segments_folder, segment)

    def _remove_unless_named(self, names: set[str]) -> None:
        """Delete these segment files, except any a backup names as one of its segments (a
        backup put back by hand may belong to another history than the retired list knows).
        The backups are searched as bytes, not parsed: a segment entry is written as
        {"file": NAME, "ids": [...]}, a retired one as {"file": NAME, "at": N}."""
        if not names:
            return
        for backup in backups.backup_paths(self.path):
            try:
                data = backup.read_bytes()
            except OSError:
                return  # cannot tell: keep everything
            names = {name for name in names
                     if f'{name}","ids"'.encode() not in data and f'{name}", "ids"'.encode() not in data}
        for name in names:
            segments.remove_segment(self.segments_folder, name)


def _io_error(path: Path, action: str, exc: OSError) -> ArchiveError:
    reason = exc.strerror or str(exc)
    hints = {
        errno.ENOSPC: "free some disk space and run the command again",
        errno.EFBIG: "the file size limit was reached; raise it (ulimit -f) and run again",
        errno.EROFS: "the filesystem is read-only; point --db at a writable place",
        errno.EACCES: "check the permissions of the archive and its folder",
        errno.EPERM: "check the permissions of the archive and its folder",
    }
    return ArchiveError(
        f"cannot {action} archive {path}: {reason}; nothing was changed",
        hint=hints.get(exc.errno or 0),
    )
