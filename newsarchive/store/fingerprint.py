"""The identity of one version of the archive: size, modification time and inode of the
archive file, and of each segment file it names (`segments.py`).

Every write replaces the archive file (a new inode) and an edit by hand changes a file's
size or time, so derived files (the search index) compare fingerprints to know whether they
are stale. This module is tiny on purpose: readers check freshness without loading TinyDB
or parsing anything.
"""

from __future__ import annotations

import os
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every search
if TYPE_CHECKING:
    from collections.abc import Iterable


def fingerprint_of(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def file_fingerprint(path: Path) -> str | None:
    """The fingerprint of the file at `path`; None when there is none. OSError propagates."""
    try:
        return fingerprint_of(os.stat(path))
    except FileNotFoundError:
        return None


def sidecar_of(archive: Path) -> Path:
    """The folder beside the archive for derived and kept files (index, originals, backups)."""
    return archive.with_name(archive.name + ".d")


def segments_folder(archive: Path) -> Path:
    return sidecar_of(archive) / "segments"


def fingerprint_with(own: str, archive: Path, names: Iterable[str]) -> str:
    """The archive's fingerprint: the archive file's own (`own`), then each named segment's.
    An archive without segments keeps the plain file fingerprint."""
    folder = segments_folder(archive)
    parts = [own]
    for name in sorted(names):
        try:
            parts.append(f"{name}={fingerprint_of(os.stat(folder / name))}")
        except FileNotFoundError:
            parts.append(f"{name}=missing")
    return ";".join(parts)


def archive_fingerprint(archive: Path, known: str | None = None) -> str | None:
    """The archive's fingerprint now, without parsing anything: the segments it names are
    taken from `known` (a fingerprint taken earlier) when the archive file is the one
    `known` was taken of; otherwise only the archive file's own fingerprint is returned,
    which differs from `known`, as it should. OSError other than a missing file propagates."""
    own = file_fingerprint(archive)
    if own is None:
        return None
    if known is None or known.split(";", 1)[0] != own:
        return own
    return fingerprint_with(own, archive, (part.split("=", 1)[0] for part in known.split(";")[1:]))


def own_part(fingerprint: str | None) -> str | None:
    """The archive file's part of an archive fingerprint."""
    return fingerprint.split(";", 1)[0] if fingerprint else None

