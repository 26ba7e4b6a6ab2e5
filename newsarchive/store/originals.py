"""The original bytes of every import, compressed and content-addressed beside the archive.

An original lives at `<archive>.d/originals/<first two hex>/<sha256>.gz`. Its name is the
sha256 of the uncompressed bytes, so storing the same file twice stores it once, and
`check` can verify fixity by hashing it again.
"""

from __future__ import annotations

import gzip
import hashlib
import zlib
from pathlib import Path
from typing import Iterator

from newsarchive.store.atomic import remove_orphaned_temp_files, write_atomically

# From this size on, originals are compressed at the fastest level.
LARGE_ORIGINAL = 8 * 1024 * 1024
# Compressed this much at a time, so a 400 MB dump is never held compressed in memory too.
CHUNK = 1024 * 1024
# zlib's window bits for a gzip container (with a header whose time is 0).
GZIP_CONTAINER = 16 + zlib.MAX_WBITS


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class OriginalsStore:
    """Put, get, verify and remove originals by their sha256."""

    def __init__(self, archive: Path) -> None:
        self.archive = archive
        self.folder = archive.with_name(archive.name + ".d") / "originals"

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.folder / sha256[:2] / f"{sha256}.gz"

    def put(self, data: bytes, sha256: str | None = None) -> str:
        """Store `data` (once) and return its sha256."""
        digest = sha256 or sha256_of(data)
        target = self.path_for(digest)
        if not target.exists():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                # Big dumps get the fastest level: level 6 costs a minute on a 400 MB file
                # for a few per cent.
                level = 6 if len(data) < LARGE_ORIGINAL else 1
                write_atomically(target, _gzip_chunks(data, level))
            except OSError as exc:
                # A full disk or a read-only folder is the archive's failure, not the input's.
                from newsarchive.store.tinystore import _io_error

                raise _io_error(self.archive, "keep the original beside", exc) from None
        return digest

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()

    def get(self, sha256: str) -> bytes:
        """The original bytes; FileNotFoundError when they were never kept."""
        return gzip.decompress(self.path_for(sha256).read_bytes())

    def verify(self, sha256: str) -> str | None:
        """None when the original is intact, else what is wrong with it."""
        # Hashed as it is read: an original may be a dump of hundreds of megabytes.
        digest = hashlib.sha256()
        try:
            with gzip.open(self.path_for(sha256), "rb") as original:
                while chunk := original.read(CHUNK):
                    digest.update(chunk)
        except FileNotFoundError:
            return "missing"
        except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
            return f"unreadable ({exc})"
        return None if digest.hexdigest() == sha256 else "content does not match its sha256"

    def remove(self, sha256: str) -> None:
        try:
            self.path_for(sha256).unlink()
        except FileNotFoundError:
            pass

    def remove_orphaned_temp_files(self) -> list[Path]:
        """Temporary files of writers killed mid-put, gone. Originals are written outside the
        archive's lock, so only files whose writing process has died are removed."""
        if not self.folder.exists():
            return []
        return remove_orphaned_temp_files(p for p in self.folder.iterdir() if p.is_dir())

    def all_digests(self) -> set[str]:
        return {p.name[:-3] for p in self.folder.glob("*/*.gz")} if self.folder.exists() else set()


def _gzip_chunks(data: bytes, level: int) -> Iterator[bytes]:
    """`data` as a gzip file, compressed a chunk at a time; the header carries no time, so
    the bytes are a function of the content alone."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, GZIP_CONTAINER)
    view = memoryview(data)
    for start in range(0, len(data), CHUNK):
        yield compressor.compress(view[start:start + CHUNK])
    yield compressor.flush()
