"""The archive on disk: a TinyDB JSON file written atomically under a lock.

`tinystore.ArchiveStore` is the only way in; the other modules here each do one part of its
job: atomic replacement (`atomic`), the lock (`lock`), the file format (`jsonfile`),
backups (`backups`) and the kept originals (`originals`). Nothing is imported here, so
using one part does not load TinyDB.
"""
