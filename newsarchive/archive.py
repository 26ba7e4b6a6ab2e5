"""Archive: the library API every command calls, over the store, the originals and the index.

The CLI stays thin by asking this class for what a command needs: a transaction that also
keeps the derived search index in step, records by id or prefix, and curation (tags, notes,
edits, deletion). Re-extraction, near-duplicates and verification live in their own modules
(`reextraction`, `neardupes`, `verification`) and work through this class. Nothing here
knows about terminals.
"""

from __future__ import annotations

import functools
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from newsarchive.errors import NotFoundError
from newsarchive.store.fingerprint import archive_fingerprint, segments_folder, sidecar_of

# The record model and the originals are loaded where they are used: a search answered from
# a fresh index needs neither, and every import shows in a scripted search's time.
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every search
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

    from newsarchive.filters import RecordFilter
    from newsarchive.search.index import SearchIndex
    from newsarchive.store.originals import OriginalsStore
    from newsarchive.store.tinystore import ArchiveStore, ArchiveTransaction, ArchiveView, Changes


# The index's fingerprint for an archive that has no file yet.
EMPTY_ARCHIVE = "empty"
# SQLite's name for a database that lives in memory only.
IN_MEMORY = ":memory:"


class Archive:
    """One archive file and everything kept beside it."""

    def __init__(self, path: Path, *, lock_timeout: float | None = None, segment_size: int | None = None,
                 index_progress: Callable[[int, int], None] | None = None) -> None:
        """`lock_timeout`: seconds a write waits for another process; `segment_size`:
        articles per segment file (`store/segments.py`); None for the defaults.
        `index_progress` is told (done, total) while a read brings the search index up to
        date with many articles (the first read after a large import)."""
        self.path = Path(path).expanduser()
        self.lock_timeout = lock_timeout
        self.segment_size = segment_size
        self.index_progress = index_progress

    @functools.cached_property
    def originals(self) -> OriginalsStore:
        from newsarchive.store.originals import OriginalsStore

        return OriginalsStore(self.path)

    @functools.cached_property
    def store(self) -> ArchiveStore:
        # Loaded on first use: reads that the index answers never load TinyDB.
        from newsarchive.store.tinystore import ArchiveStore

        options = {} if self.lock_timeout is None else {"lock_timeout": self.lock_timeout}
        return ArchiveStore(self.path, segment_size=self.segment_size, **options)

    # -- reading ---------------------------------------------------------------------------

    def read(self) -> ArchiveView:
        return self.store.read()

    def get(self, id_or_prefix: str) -> dict[str, Any]:
        """One record by id or unique id prefix, from the index (no parse of the archive)."""
        from newsarchive.model import public_record

        with self.index() as index:
            record = index.get(id_or_prefix)
        if record is None:
            raise NotFoundError(f"no article with id {id_or_prefix!r} in {self.path}", hint="`newsarchive list` shows the ids")
        return public_record(record)

    def get_many(self, ids: list[str]) -> list[dict[str, Any]]:
        """Records by id or unique prefix, in order, through one index connection."""
        from newsarchive.model import public_record

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
        from newsarchive.model import public_record

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
        figures["archive_bytes"] = self._bytes_on_disk()
        figures["originals"] = len(originals)
        figures["originals_bytes"] = sum(self.originals.path_for(d).stat().st_size for d in originals)
        return figures

    def _bytes_on_disk(self) -> int:
        """The archive file and the segment files beside it (the versions kept for the
        backups included; derived keys files not)."""
        from newsarchive.store.segments import is_segment_name

        folder = segments_folder(self.path)
        files = [self.path, *(p for p in folder.glob("*.json") if is_segment_name(p.name))]
        total = 0
        for path in files:
            try:
                total += path.stat().st_size
            except FileNotFoundError:
                pass
        return total

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(self, after_write: Callable[[], None] | None = None) -> Iterator[ArchiveTransaction]:
        """A store transaction: the archive is written once, when the block succeeds, and the
        search index follows it. `after_write` runs once the write has landed, still under
        the lock (for clean-up that must not race another writer)."""

        def landed(changes: Changes, before: str | None, after: str | None) -> None:
            self._index_follows(changes, before, after)
            if after_write is not None:
                after_write()

        with self.store.transaction(on_commit=landed) as txn:
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

        if not self.path.exists():
            # No archive yet (or a mistyped --db): answer from an empty index in memory
            # rather than leave an index folder beside a file that does not exist.
            return _index_in_memory([], EMPTY_ARCHIVE)
        try:
            index = SearchIndex.open_or_reset(self.index_path)
            synced = index.fingerprint()
            if self._fingerprint(known=synced) != synced:
                view, fingerprint = self.store.read_with_fingerprint()
                index.sync(indexable(view), fingerprint or EMPTY_ARCHIVE, self.index_progress)
            return index
        except (OSError, sqlite3.OperationalError):
            # A read-only archive folder (or medium): reading must still work, so the index
            # is built in memory for this one command.
            view, fingerprint = self.store.read_with_fingerprint()
            return _index_in_memory(indexable(view), fingerprint or EMPTY_ARCHIVE)

    def _fingerprint(self, known: str | None) -> str | None:
        """The archive's fingerprint now, taking the segments to check from `known` (what
        the index was synced with), so that no read parses the archive file."""
        try:
            return archive_fingerprint(self.path, known)
        except OSError:
            return self.store.fingerprint(known)  # raises the archive error, worded as everywhere

    def reindex(self) -> int:
        """Rebuild the search index (and any segment summary that disagrees with its segment)
        from the archive; returns the number of articles."""
        from newsarchive.search.index import SearchIndex

        view, fingerprint = self.store.read_with_fingerprint()
        with SearchIndex.open_or_reset(self.index_path) as index:
            index.reset()
            index.rebuild(indexable(view), fingerprint or EMPTY_ARCHIVE, self.index_progress)
        self.store.refresh_keys(view)  # the other derived files: the segments' summaries
        return len(view)

    def tag(self, ids: list[str], tags: list[str], *, remove: bool = False) -> list[str]:
        """Add (or remove) tags on articles; returns the full ids changed."""
        from newsarchive.model import normalise_tags

        wanted = normalise_tags(tags)
        changed = []
        with self.transaction() as txn:
            for article_id in resolve_all(txn, ids):
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
        from newsarchive.model import utc_now

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
        from newsarchive.model import count_words, is_iso_date, utc_now, validate_record

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
        from newsarchive.model import originals_of

        unused: set[str] = set()

        def remove_unused_originals() -> None:
            # Under the lock: an import recording one of these originals waits its turn, and
            # then finds it gone and says so (ingest checks), instead of losing it silently.
            # The summaries said no article refers to these; the archive's own bytes must
            # agree before an original, which nothing can rebuild, is deleted.
            for digest in unused - self.store.mentioned(txn, unused):
                self.originals.remove(digest)

        with self.transaction(after_write=remove_unused_originals) as txn:
            full_ids = resolve_all(txn, ids)
            digests = set().union(*(originals_of(txn.get(i) or {}) for i in full_ids))
            txn.remove(full_ids)
            unused.update(digests - set().union(*(set(k.originals) for k in txn.summaries())))
        return full_ids

def indexable(view: ArchiveView) -> list[dict[str, Any]]:
    """The records the index can hold: a record damaged by hand (no string id) is left to
    `check` to report, not allowed to break every read."""
    from newsarchive.model import has_usable_id

    return [r for r in view.stored_records() if has_usable_id(r)]


def _index_in_memory(records: list[dict[str, Any]], fingerprint: str) -> SearchIndex:
    from newsarchive.search.index import SearchIndex

    index = SearchIndex(Path(IN_MEMORY))
    index.rebuild(records, fingerprint)
    return index


def resolve_all(view: ArchiveView, ids: list[str]) -> list[str]:
    """Full ids for ids or prefixes, in order, each once; NotFoundError names the first unknown."""
    seen: dict[str, None] = {}
    for given in ids:
        seen.setdefault(view.resolve(given), None)
    return list(seen)
