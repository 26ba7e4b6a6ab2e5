"""The identity of one version of the archive file: size, modification time and inode.

Every write replaces the file (a new inode) and an edit by hand changes its size or time,
so derived files (the search index) compare fingerprints to know whether they are stale.
This module is tiny on purpose: readers check freshness without loading TinyDB.
"""

from __future__ import annotations

import os
from pathlib import Path


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
