"""The lock that serialises writers in different processes.

A lock file beside the archive is held (flock, through filelock) across a command's whole
read-modify-write. The holder's PID is written to a separate owner file: filelock truncates
the lock file itself when a waiter opens it, so the PID cannot live there.
"""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from newsarchive.errors import ArchiveBusyError

DEFAULT_TIMEOUT = 10.0


class ArchiveLock:
    """A context manager holding the archive's write lock."""

    def __init__(self, archive_path: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.lock_path = archive_path.with_name(archive_path.name + ".lock")
        self.owner_path = archive_path.with_name(archive_path.name + ".lock.owner")
        self.timeout = timeout
        self._lock = FileLock(str(self.lock_path), timeout=timeout)

    def __enter__(self) -> ArchiveLock:
        try:
            self._lock.acquire()
        except Timeout:
            owner = self.owner()
            who = f" (locked by PID {owner})" if owner else ""
            raise ArchiveBusyError(
                f"archive is busy{who}: {self.lock_path} was held for more than {self.timeout:g} s",
                hint="wait for the other newsarchive command to finish, or raise --lock-timeout",
            ) from None
        try:
            self.owner_path.write_text(str(os.getpid()))
        except OSError:
            pass  # the PID is a courtesy for the message above, not part of the lock
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.owner_path.unlink()
        except OSError:
            pass
        self._lock.release()

    def owner(self) -> str | None:
        try:
            return self.owner_path.read_text().strip() or None
        except OSError:
            return None
