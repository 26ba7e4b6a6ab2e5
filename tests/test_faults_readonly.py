"""Issue 8, row 7 (and issue 3's read-only folder): a read-only archive or archive folder.

Reads work; every write exits 3 naming the path and leaves the archive byte-identical.
Three ways in, so the row is covered whoever runs the suite:
- permissions (chmod), which root ignores, so skipped as root;
- a read-only mount (a tmpfs remounted read-only), which binds root too; skipped where
  mounting is not allowed;
- EACCES and EROFS injected into the store's own calls, which works everywhere.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from pathlib import Path

import pytest

from newsarchive.store import atomic
from tests.faults_support import (
    archive_state,
    article,
    assert_no_traceback,
    load_articles,
    run_cli,
    run_in_process,
    seed_archive,
    write_jsonl,
)

READS = [("list", "--format", "json"), ("show", "{id}", "--format", "json"), ("export", "--format", "jsonl"),
         ("stats",), ("tags",)]
WRITES = [("import", "{new}", "--format", "jsonl"), ("tag", "{id}", "ro"), ("note", "{id}", "a note"),
          ("edit", "{id}", "--title", "T"), ("delete", "{id}", "--yes")]


def _check_reads_work(db: Path, *, in_process: bool = False) -> None:
    ids = sorted(load_articles(db))
    before = archive_state(db)
    run = run_in_process if in_process else run_cli
    for command in READS:
        args = [a.format(id=ids[0]) for a in command]
        result = run(db, *args)
        # `tags` exits 1 when no article is tagged: that is "nothing found", not a failure.
        assert result.returncode in ((0, 1) if command[0] == "tags" else (0,)), (args, result)
        assert_no_traceback(result)
    assert archive_state(db) == before


def _check_writes_refused(tmp_path: Path, db: Path, reason: str, *, in_process: bool = False) -> None:
    ids = sorted(load_articles(db))
    new = write_jsonl(tmp_path / "new.jsonl", [article("new", 0)])
    before = archive_state(db)
    run = run_in_process if in_process else run_cli
    for command in WRITES:
        args = [a.format(new=new, id=ids[0]) for a in command]
        result = run(db, *args)
        assert result.returncode == 3, (args, result)
        assert reason in result.stderr, (args, result.stderr)
        assert str(db.parent) in result.stderr, (args, result.stderr)  # names the path
        assert "archive is busy" not in result.stderr  # a read-only lock file is not a busy one
        assert_no_traceback(result)
        assert archive_state(db) == before, f"{args} changed the archive"


# -- permissions -----------------------------------------------------------------------------


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions (see the mount tests)")
def test_read_only_folder(tmp_path):
    db = tmp_path / "ro" / "news.json"
    seed_archive(db, tmp_path, n=3)
    mode = db.parent.stat().st_mode
    db.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        _check_writes_refused(tmp_path, db, "Permission denied")
        _check_reads_work(db)
    finally:
        db.parent.chmod(mode)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions (see the mount tests)")
def test_read_only_archive_file_and_lock(tmp_path):
    db = tmp_path / "ro" / "news.json"
    seed_archive(db, tmp_path, n=3)
    paths = [db, db.with_name(db.name + ".lock"), db.parent]
    modes = [p.stat().st_mode for p in paths]
    for p in paths[:2]:
        p.chmod(stat.S_IRUSR)
    db.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        _check_writes_refused(tmp_path, db, "Permission denied")
        _check_reads_work(db)
    finally:
        for p, m in zip(reversed(paths), reversed(modes)):
            p.chmod(m)


# -- a read-only mount (works as root) ---------------------------------------------------------


@pytest.fixture
def read_only_mount(tmp_path):
    """A tmpfs holding an archive of 3 articles, remounted read-only; yields the archive path."""
    if os.geteuid() != 0:
        pytest.skip("mounting needs root (the permission tests cover other users)")
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        db = mount_point / "news.json"
        seed_archive(db, tmp_path, n=3)
        done = subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], capture_output=True)
        assert done.returncode == 0, done.stderr
        yield db
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_read_only_filesystem_refuses_writes(tmp_path, read_only_mount):
    _check_writes_refused(tmp_path, read_only_mount, "Read-only file system")


def test_read_only_filesystem_still_reads(read_only_mount):
    _check_reads_work(read_only_mount)


def test_read_only_filesystem_with_a_fresh_archive_path(tmp_path, read_only_mount):
    """A new archive on a read-only filesystem: the import fails with exit 3, naming it."""
    db = read_only_mount.parent / "other" / "news.json"
    new = write_jsonl(tmp_path / "new.jsonl", [article("new", 0)])
    result = run_cli(db, "import", new, "--format", "jsonl")
    assert result.returncode == 3, result
    assert "Read-only file system" in result.stderr
    assert str(db.parent) in result.stderr
    assert_no_traceback(result)


def test_read_only_filesystem_lists_a_missing_archive_as_empty(read_only_mount):
    db = read_only_mount.parent / "other" / "news.json"
    listed = run_cli(db, "list", "--format", "json")
    assert listed.returncode == 1 and listed.stdout.strip() == "[]", listed


# -- injected EACCES / EROFS (works for everyone) -------------------------------------------


class RefusingOs:
    """`os` for atomic.py in which creating a file fails as on a read-only place."""

    def __init__(self, error: int) -> None:
        self.error = error

    def __getattr__(self, name):
        real = getattr(os, name)
        if name != "open":
            return real

        def refuse(path, flags, *args, **kwargs):
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                raise OSError(self.error, os.strerror(self.error), str(path))
            return real(path, flags, *args, **kwargs)

        return refuse


@pytest.mark.parametrize("error", [errno.EACCES, errno.EROFS, errno.EPERM])
def test_injected_refusal_to_write(tmp_path, monkeypatch, error):
    db = tmp_path / "inj" / "news.json"
    seed_archive(db, tmp_path, n=3)
    monkeypatch.setattr(atomic, "os", RefusingOs(error))
    _check_writes_refused(tmp_path, db, os.strerror(error), in_process=True)
    _check_reads_work(db, in_process=True)
    result = run_in_process(db, "tag", sorted(load_articles(db))[0], "x")
    hint = {errno.EACCES: "permissions", errno.EPERM: "permissions", errno.EROFS: "read-only"}[error]
    assert hint in result.stderr, result.stderr
