"""Replace a file so that readers and crashes only ever see the old or the new content.

The order of the steps is the whole point, so it is spelled out:
1. write the new bytes to a temporary file in the same folder (same filesystem, so the
   rename below is atomic);
2. flush and fsync it, so its content is on disk before the name points at it;
3. `os.replace` it over the target: one directory update, atomic on POSIX;
4. fsync the folder, so the new directory entry itself survives a power cut.
If anything fails before step 3, the temporary file is removed and the target is untouched;
once step 3 has run the write has happened, so a failure of step 4 is not reported.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TEMP_PREFIX = ".tmp-"


def temp_path_for(target: Path) -> Path:
    """A fresh temporary name beside `target`, recognisable as ours by its prefix."""
    return target.with_name(f"{TEMP_PREFIX}{target.name}.{os.getpid()}.{secrets.token_hex(4)}")


def fsync_directory(folder: Path) -> None:
    """Make a rename or creation in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, chunks, *, before_replace=None, mode: int = 0o644,
                     sync_folder: bool = True) -> None:
    """Write the byte `chunks` (an iterable) to `target` atomically.

    `before_replace`, if given, is called after the new content is durable and just before
    the rename (the store uses it to keep the old file as a backup). `mode` is the new
    file's, less the umask. A caller writing many files to one folder passes
    `sync_folder=False` and fsyncs the folder once at the end. OSError propagates, with the
    temporary file removed.
    """
    temp = temp_path_for(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        try:
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        os.replace(temp, target)
    except BaseException:
        # BaseException too: a Ctrl-C mid-write must not leave the temporary file behind.
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    if not sync_folder:
        return
    try:
        fsync_directory(target.parent)
    except OSError:
        # The rename has happened: readers already see the new content, and there is no
        # undoing it atomically. Failing now would report "nothing was changed" about a
        # change that was made, so this last step is best effort (some filesystems refuse
        # to fsync a folder at all).
        pass


def writer_is_alive(temp: Path) -> bool:
    """Whether the process that made `temp` (its PID is part of the name) still runs."""
    try:
        pid = int(temp.name.rsplit(".", 2)[-2])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, but is not ours to signal
    return True


def remove_orphaned_temp_files(folders) -> list[Path]:
    """Delete temporary files in `folders` whose writer has died. Needs no lock: a file whose
    writer still runs is left alone (used where writers do not take the archive's lock)."""
    removed = []
    for folder in folders:
        for path in Path(folder).glob(f"{TEMP_PREFIX}*"):
            if writer_is_alive(path):
                continue
            try:
                path.unlink()
                removed.append(path)
            except FileNotFoundError:
                pass
    return removed


def remove_stale_temp_files(folder: Path, target_name: str) -> list[Path]:
    """Delete temporary files a killed writer left beside `target_name`; call under the lock."""
    removed = []
    for path in folder.glob(f"{TEMP_PREFIX}{target_name}.*"):
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed
