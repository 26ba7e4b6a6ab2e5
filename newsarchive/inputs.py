"""What `import PATH...` means: files, folders (recursive), globs and `-` for stdin.

Each argument expands to `InputFile`s, or to a BadInputError for one that cannot be used
(missing, unreadable, too large), so one bad path never stops the others. Folders are
walked following links, but a folder already visited (a symlink loop) is not entered again.
"""

from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from newsarchive.errors import BadInputError

# Larger inputs are refused before they are read: a page is never this big, and a dump
# this big is better split. Structured and WARC files may be much larger than pages.
MAX_PAGE_BYTES = 10 * 1024 * 1024
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
PAGE_FORMATS = ("text", "html", "markdown")

# Saved pages come with a "<name>_files" folder of images and scripts: not articles.
SAVED_PAGE_ASSETS_SUFFIX = "_files"


def recorded_path(path: str) -> str:
    """`path` as the archive and the reports write it. A file name that is not UTF-8 reaches
    Python with its stray bytes as lone surrogates, which JSON cannot hold: they are written
    as \\xNN instead (the file's bytes are kept whole among the originals)."""
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file system gave (from a JSON dump's own text)
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True)
class InputFile:
    """One input to import: a path on disk, or stdin's bytes."""

    path: str
    data: bytes | None = None  # set for stdin; files are read when their turn comes

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        try:
            size = os.path.getsize(self.path)
            if size > MAX_FILE_BYTES:
                raise BadInputError(f"the file is too large ({size / 2**20:.0f} MB; the limit is "
                                    f"{MAX_FILE_BYTES / 2**30:.0f} GB)", path=self.path, hint="split it into smaller files")
            with open(self.path, "rb") as handle:
                return handle.read()
        except PermissionError:
            raise BadInputError("permission denied", path=self.path, hint="check the file's permissions") from None
        except IsADirectoryError:
            raise BadInputError("is a folder", path=self.path) from None
        except OSError as exc:
            raise BadInputError(exc.strerror or str(exc), path=self.path) from None


def expand_inputs(arguments: list[str], *, stdin: bytes | None = None) -> Iterator[InputFile | BadInputError]:
    """The files the arguments name, in a stable order, each once."""
    seen: set[str] = set()
    for argument in arguments:
        if argument == "-":
            yield InputFile("-", stdin if stdin is not None else sys.stdin.buffer.read())
            continue
        if os.path.isdir(argument):
            paths: Iterator[str] = _walk(argument)
        elif os.path.exists(argument) or os.path.islink(argument):
            paths = iter([argument])
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                yield BadInputError("no file matches this pattern", path=argument)
            paths = (p for m in matches for p in (_walk(m) if os.path.isdir(m) else [m]))
        else:
            yield BadInputError("no such file or folder", path=argument, hint="check the path")
            continue
        for path in paths:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield InputFile(path)


def _walk(folder: str) -> Iterator[str]:
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited:
            dirs[:] = []  # a symlink brought us back to a folder already walked
            continue
        visited.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _is_saved_page_assets(root, d, files))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _is_saved_page_assets(root: str, folder: str, files: list[str]) -> bool:
    if not folder.endswith(SAVED_PAGE_ASSETS_SUFFIX):
        return False
    stem = folder[: -len(SAVED_PAGE_ASSETS_SUFFIX)]
    return any(Path(name).stem == stem for name in files)
