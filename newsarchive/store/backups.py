"""A small rotation of the archive's previous versions, kept for `check --repair`.

Keeping a backup costs no copy: just before the new file replaces the old one, the old
file gets a second name (a hard link) in the backups folder, so the old bytes stay on disk
under that name after the rename. Where hard links are not possible, it is copied.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsarchive.store.atomic import write_atomically
from newsarchive.store.jsonfile import parse_archive
from newsarchive.store.lock import ArchiveLock

if TYPE_CHECKING:
    from newsarchive.store.tinystore import ArchiveStore

KEEP = 3


def backups_folder(archive: Path) -> Path:
    return archive.with_name(archive.name + ".d") / "backups"


def backup_paths(archive: Path) -> list[Path]:
    """Existing backups, newest first."""
    folder = backups_folder(archive)
    return [p for n in range(1, KEEP + 1) if (p := folder / f"{archive.name}.{n}").exists()]


def rotate_in(archive: Path) -> None:
    """Make the current archive file backup number 1, shifting older ones along."""
    if not archive.exists():
        return
    folder = backups_folder(archive)
    folder.mkdir(parents=True, exist_ok=True)
    oldest = folder / f"{archive.name}.{KEEP}"
    if oldest.exists():
        oldest.unlink()
    for n in range(KEEP - 1, 0, -1):
        older = folder / f"{archive.name}.{n}"
        if older.exists():
            os.replace(older, folder / f"{archive.name}.{n + 1}")
    newest = folder / f"{archive.name}.1"
    try:
        os.link(archive, newest)
    except OSError:
        shutil.copy2(archive, newest)


def _free_name(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`... whichever does not exist yet."""
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def _keep_as(path: Path, keep: Path) -> None:
    """Give `path` a second name, by hard link or, where that fails, by copy."""
    keep.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(path, keep)
    except OSError:
        shutil.copy2(path, keep)


@dataclass
class RepairReport:
    """What `check --repair` did."""

    restored_from: Path | None = None
    backup_written_at: float | None = None  # what was written after this moment is lost
    damaged_kept_as: Path | None = None
    mended_segments: list[str] = field(default_factory=list)
    lost_ids: list[str] = field(default_factory=list)  # in segments that could not be mended whole
    articles: int = 0
    already_fine: bool = False


def repair(store: ArchiveStore) -> RepairReport:
    """Make the archive readable again, losing as little as possible; nothing is deleted.

    A damaged archive file is replaced by the newest backup whose own file loads (the
    damaged file is kept beside the backups). Then each segment that cannot be read keeps
    the articles still readable in it, line by line, and a segment whose ids disagree with
    the archive file's list of them is listed again; the ids that could not be kept are
    reported. A segment is named by every backup written since it last changed, so for
    most segments there is no older copy to restore: mending is the only repair."""
    from newsarchive.errors import ArchiveError

    report = RepairReport()
    try:
        view = store.read_with_fingerprint()[0]
        if view.segments_agree():
            report.articles = len(view)
            report.already_fine = True
            return report
    except ArchiveError:
        pass
    try:
        store.read()
    except ArchiveError:
        _restore_newest_backup(store, report)
    with store.transaction() as txn:
        report.mended_segments, report.lost_ids = txn.mend_segments()
        report.articles = len(txn)
    return report


def _restore_newest_backup(store: ArchiveStore, report: RepairReport) -> None:
    """Put back the newest backup whose archive file loads, under the lock. The damaged
    file is kept beside the backups, never deleted."""
    from newsarchive.errors import ArchiveError

    with ArchiveLock(store.path, timeout=store.lock_timeout):
        for candidate in backup_paths(store.path):
            try:
                parse_archive(candidate.read_bytes(), candidate)
            except (ArchiveError, OSError):
                continue
            damaged = _free_name(backups_folder(store.path) / f"{store.path.name}.damaged-{int(time.time())}")
            try:
                # The damaged file gets a second name first and the good one then replaces it
                # atomically, so a failure at any point leaves the archive as it was, never
                # missing (a missing archive reads as an empty one).
                _keep_as(store.path, damaged)
                write_atomically(store.path, [candidate.read_bytes()])
            except OSError as exc:
                from newsarchive.store.tinystore import _io_error

                raise _io_error(store.path, "repair", exc) from None
            report.restored_from = candidate
            report.backup_written_at = candidate.stat().st_mtime
            report.damaged_kept_as = damaged
            return
    raise ArchiveError(f"no backup of {store.path} could be read; the archive was left as it is",
                       hint=f"look in {backups_folder(store.path)} and in the damaged file itself")
