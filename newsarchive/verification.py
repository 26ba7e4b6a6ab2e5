"""`check` and `check --repair`: is the archive readable, valid, intact, and indexed?

Fixity is what archivists check: every kept original must still hash to the sha256 its
records name. The derived search index must hold what the archive holds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsarchive.archive import EMPTY_ARCHIVE, indexable
from newsarchive.model import originals_of, validate_record

if TYPE_CHECKING:
    from newsarchive.archive import Archive
    from newsarchive.store.backups import RepairReport
    from newsarchive.store.tinystore import ArchiveView


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


def check(archive: Archive, *, originals: bool = True) -> CheckReport:
    """Load the archive, validate every record, verify every original's fixity, and make
    sure the search index holds what the archive holds."""
    view, fingerprint = archive.store.read_with_fingerprint()
    report = CheckReport(articles=len(view))
    report.index_state = _check_index(archive, view, fingerprint or EMPTY_ARCHIVE, report)
    # The segments' summaries are derived like the index: put right, not reported.
    archive.store.refresh_keys(view)
    for name in view.disagreeing_segments():
        report.problems.append(f"segment {name} does not hold the articles the archive file lists for it "
                               f"(edited by hand?); run `newsarchive check --repair`")
    for record in view.stored_records():
        for problem in validate_record(record):
            report.problems.append(f"article {record.get('id', '?')}: {problem}")
    if originals:
        # Every import keeps its original, so one that is gone is lost fixity, not a choice.
        for digest in sorted(set().union(*(originals_of(r) for r in view.stored_records()))):
            report.originals_checked += 1
            trouble = archive.originals.verify(digest)
            if trouble:
                report.problems.append(f"original {digest}: {trouble}")
    return report


def _check_index(archive: Archive, view: ArchiveView, fingerprint: str, report: CheckReport) -> str:
    """'fresh', 'updated' (it was stale and has been synced), or 'damaged' (a problem)."""
    from newsarchive.search.index import SearchIndex

    try:
        index = SearchIndex.open_or_reset(archive.index_path)
    except (OSError, sqlite3.OperationalError):
        return "not kept (the archive's folder is read-only)"
    with index:
        if index.fingerprint() != fingerprint:
            index.sync(indexable(view), fingerprint)
            return "updated"
        if index.count() != len(view):
            report.problems.append(f"the search index holds {index.count()} articles but the archive has "
                                   f"{len(view)}; run `newsarchive reindex`")
            return "damaged"
    return "fresh"


def repair(archive: Archive) -> RepairReport:
    """Restore a damaged archive file from its newest good backup and mend damaged segments,
    keeping every damaged file aside; say what was lost."""
    from newsarchive.store.backups import repair as repair_store

    return repair_store(archive.store)
