"""ArchiveStore: the TinyDB archive file, read whole and written whole, atomically, under a lock.

This is the only module that imports tinydb. TinyDB's stock JSONStorage rewrites the file
in place (a crash leaves it corrupt) and writes once per operation; here TinyDB works on an
in-memory snapshot instead, and a transaction writes the snapshot back once, through
`atomic.write_atomically`, when the command's work succeeded. Documents keep TinyDB's own
integer ids, so stock TinyDB opens the file as it is; a map from article id to document id,
built once per snapshot, makes a lookup by article id a dictionary access.
"""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from tinydb import TinyDB
from tinydb.storages import Storage

from newsarchive import __version__
from newsarchive.errors import AmbiguousIdError, ArchiveError, NotFoundError
from newsarchive.model import utc_now
from newsarchive.store import backups
from newsarchive.store.atomic import remove_orphaned_temp_files, remove_stale_temp_files, write_atomically
from newsarchive.store.fingerprint import file_fingerprint, fingerprint_of, sidecar_of
from newsarchive.store.jsonfile import Tables, parse_archive, serialise_archive
from newsarchive.store.lock import DEFAULT_TIMEOUT, ArchiveLock
from newsarchive.store.originals import OriginalsStore

CommitHook = Callable[["Changes", Optional[str], Optional[str]], None]
SCHEMA_VERSION = 1
ARTICLES = "articles"
META = "meta"


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


class ArchiveView:
    """Read access to one snapshot of the archive."""

    def __init__(self, path: Path, tables: Tables) -> None:
        self.path = path
        self._storage_tables = tables
        self.db = TinyDB(tables, storage=SnapshotStorage)
        self.articles = self.db.table(ARTICLES)
        self._check_schema()
        self._doc_ids = {doc["id"]: int(doc_id) for doc_id, doc in tables.get(ARTICLES, {}).items() if "id" in doc}

    def _check_schema(self) -> None:
        version = self.meta().get("schema_version", SCHEMA_VERSION)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise ArchiveError(
                f"archive {self.path} was written by a newer newsarchive (schema {version}; "
                f"this is {__version__}, schema {SCHEMA_VERSION}); it was left untouched",
                hint="upgrade newsarchive to read it",
            )

    def meta(self) -> dict[str, Any]:
        doc = self.db.table(META).get(doc_id=1)
        return dict(doc) if doc else {}

    def __len__(self) -> int:
        return len(self._doc_ids)

    def ids(self) -> set[str]:
        return set(self._doc_ids)

    def get(self, article_id: str) -> dict[str, Any] | None:
        doc_id = self._doc_ids.get(article_id)
        doc = self.articles.get(doc_id=doc_id) if doc_id is not None else None
        return dict(doc) if doc is not None else None

    def resolve(self, id_or_prefix: str) -> str:
        """The full id an id or unique id prefix names; NotFoundError or AmbiguousIdError."""
        ids = self._doc_ids
        if id_or_prefix in ids:
            return id_or_prefix
        matches = sorted(i for i in ids if i.startswith(id_or_prefix)) if id_or_prefix else []
        if not matches:
            raise NotFoundError(f"no article with id {id_or_prefix!r} in {self.path}", hint="`newsarchive list` shows the ids")
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (" ..." if len(matches) > 5 else "")
            raise AmbiguousIdError(f"id prefix {id_or_prefix!r} matches {len(matches)} articles: {shown}", hint="give more characters of the id")
        return matches[0]

    def records(self) -> list[dict[str, Any]]:
        """Every article record, in insertion order (copies the caller may change)."""
        return [dict(doc) for doc in self.stored_records()]

    def stored_records(self) -> Iterable[dict[str, Any]]:
        """The stored records themselves, without copying: for reading only, fast at scale."""
        return self.db.storage.read().get(ARTICLES, {}).values()


class ArchiveTransaction(ArchiveView):
    """A snapshot that may be changed; the store writes it back once, if it changed."""

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
        """Add new records in one TinyDB operation; their ids must be free."""
        records = [dict(r) for r in records]
        clashes = [r["id"] for r in records if r["id"] in self._doc_ids]
        if clashes:
            raise ValueError(f"ids already in the archive: {', '.join(clashes[:5])}")
        if records:
            doc_ids = self.articles.insert_multiple(records)
            for record, doc_id in zip(records, doc_ids):
                self._doc_ids[record["id"]] = doc_id
                self.changes.upserted[record["id"]] = record

    def replace(self, record: dict[str, Any]) -> None:
        """Replace the stored record with the same id by `record`, whole."""
        article_id = record["id"]
        if article_id not in self._doc_ids:
            raise NotFoundError(f"no article with id {article_id!r} in {self.path}")
        # Straight into the snapshot: TinyDB's update() rebuilds the whole table for each
        # call, which made tagging every article of a large archive quadratic.
        self._raw_articles()[str(self._doc_ids[article_id])] = dict(record)
        self._mark_changed()
        self.changes.upserted[article_id] = dict(record)

    def remove(self, article_ids: Iterable[str]) -> None:
        ids = [i for i in article_ids if i in self._doc_ids]
        if ids:
            table = self._raw_articles()
            for article_id in ids:
                del table[str(self._doc_ids.pop(article_id))]
                self.changes.upserted.pop(article_id, None)
                self.changes.deleted.add(article_id)
            self._mark_changed()

    def _raw_articles(self) -> dict[str, Any]:
        return self.db.storage.read().setdefault(ARTICLES, {})  # type: ignore[attr-defined]

    def _mark_changed(self) -> None:
        self.db.storage.changed = True  # type: ignore[attr-defined]
        self.articles.clear_cache()

    @property
    def changed(self) -> bool:
        return self.db.storage.changed  # type: ignore[attr-defined]

    def tables(self) -> Tables:
        return self.db.storage.read()


class ArchiveStore:
    """The archive file at `path`: snapshots to read, transactions to write."""

    def __init__(self, path: Path, *, lock_timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    @property
    def sidecar(self) -> Path:
        """The folder beside the archive for derived and kept files (index, originals, backups)."""
        return sidecar_of(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    def fingerprint(self) -> str | None:
        """Changes whenever the file is replaced or edited; None when there is no archive yet."""
        try:
            return file_fingerprint(self.path)
        except OSError as exc:
            raise _io_error(self.path, "read", exc) from None

    def read(self) -> ArchiveView:
        """The archive as it is now. No lock: writers replace the file atomically, so a read
        sees one whole version."""
        return self.read_with_fingerprint()[0]

    def read_with_fingerprint(self) -> tuple[ArchiveView, str | None]:
        """The archive and the fingerprint of exactly the version read."""
        tables, fingerprint = self._load()
        return ArchiveView(self.path, tables), fingerprint

    @contextmanager
    def transaction(self, on_commit: CommitHook | None = None) -> Iterator[ArchiveTransaction]:
        """Lock, load, let the caller change the snapshot, and write it back once.

        If the caller's block raises, nothing is written. If the write fails (disk full,
        read-only), ArchiveError is raised and the archive on disk is byte-identical.
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
            remove_orphaned_temp_files([self.sidecar])
            OriginalsStore(self.path).remove_orphaned_temp_files()
            tables, before = self._load()
            txn = ArchiveTransaction(self.path, tables)
            yield txn
            if txn.changed or not self.path.exists():
                try:
                    self._commit(txn)
                except OSError as exc:
                    raise _io_error(self.path, "write", exc) from None
                except BaseException:
                    # Interrupted (Ctrl-C) during the write: the new version landed if and
                    # only if the rename happened, which replaced the file we loaded.
                    txn.committed = self._fingerprint_now() != before
                    raise
                txn.committed = True
                if on_commit is not None and txn.changes:
                    try:
                        on_commit(txn.changes, before, self.fingerprint())
                    except Exception as exc:  # noqa: BLE001
                        # The archive is written: raising now would report a landed write as a
                        # failed one. What on_commit keeps (the search index) is derived and
                        # checked against the archive's fingerprint before use, so a copy that
                        # failed to follow (disk full, say) is rebuilt by the next read.
                        txn.follow_error = exc
        finally:
            lock.__exit__()

    def _fingerprint_now(self) -> str | None:
        try:
            return self.fingerprint()
        except ArchiveError:
            return None

    def _ensure_folder(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _io_error(self.path.parent, "create the folder for", exc) from None

    def _load(self) -> tuple[Tables, str | None]:
        """The tables, and the fingerprint of the very file they were read from (taken from
        the open descriptor, so a concurrent replace cannot pair one version's fingerprint
        with another's content)."""
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
        return parse_archive(data, self.path), fingerprint_of(st)

    def _commit(self, txn: ArchiveTransaction) -> None:
        tables = txn.tables()
        meta = tables.setdefault(META, {})
        meta.setdefault("1", {"schema_version": SCHEMA_VERSION, "created_at": utc_now()})
        meta["1"].update(schema_version=SCHEMA_VERSION, written_by=f"newsarchive {__version__}")
        tables.setdefault(ARTICLES, {})
        write_atomically(
            self.path,
            serialise_archive(tables),
            before_replace=lambda: backups.rotate_in(self.path),
        )


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
