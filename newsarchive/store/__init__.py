"""The archive on disk: a TinyDB JSON file written atomically under a lock.

`ArchiveStore` (in `tinystore`) is the only way in; the other modules here each do one
part of its job: atomic replacement, the lock, the file format, backups and originals.
"""

from newsarchive.store.tinystore import ArchiveStore, ArchiveTransaction, ArchiveView, Changes

__all__ = ["ArchiveStore", "ArchiveTransaction", "ArchiveView", "Changes"]
