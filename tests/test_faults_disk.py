"""Issue 8, rows 4 and 5: a full disk, the file size limit, and failing writes, fsyncs and renames.

Whatever fails, the import ends with exit 3 and the reason, the archive is byte-identical,
and no temporary file is left behind. Row 5 injects the failure into the store's own calls
(the Nth os.write, os.fsync or os.replace, for every N an import makes); row 4 makes it
real: RLIMIT_FSIZE in a child process, and a small tmpfs filled to the brim.
"""

from __future__ import annotations

import errno
import os
import resource
import stat
import subprocess
from pathlib import Path

import pytest

from newsarchive.store import atomic, backups
from newsarchive.store.originals import OriginalsStore, sha256_of
from tests.faults_support import (
    archive_state,
    article,
    assert_no_traceback,
    load_articles,
    run_cli,
    run_in_process,
    seed_archive,
    temp_files,
    write_jsonl,
)


# -- row 5: the Nth call fails -----------------------------------------------------------


class FaultyOs:
    """Stands in for `os` inside the store's modules: counts calls, and fails the Nth of one kind."""

    COUNTED = ("write", "fsync", "replace")

    def __init__(self, fail: str | None = None, at: int = 0, error: int = errno.EIO, archive: Path | None = None) -> None:
        self.fail, self.at, self.error, self.archive = fail, at, error, archive
        self.calls = {name: 0 for name in self.COUNTED}
        self.failed = False
        self.failed_on_folder = False  # the fsync that failed was a folder's, after a rename
        self.archive_written = False  # the archive itself had been replaced when the fault hit
        self.failed_late = False  # the fault hit after the archive was written (derived files)

    def __getattr__(self, name: str):
        real = getattr(os, name)
        if name not in self.COUNTED:
            return real

        def call(*args, **kwargs):
            self.calls[name] += 1
            if name == self.fail and self.calls[name] == self.at:
                self.failed = True
                self.failed_on_folder = name == "fsync" and stat.S_ISDIR(os.fstat(args[0]).st_mode)
                self.failed_late = self.archive_written or self.failed_on_folder
                raise OSError(self.error, os.strerror(self.error))
            result = real(*args, **kwargs)
            if name == "replace" and self.archive is not None and Path(args[1]) == self.archive:
                self.archive_written = True
            return result

        return call


@pytest.fixture
def faulty_os(monkeypatch):
    """Install a FaultyOs into atomic.py and backups.py (the only modules that write)."""

    def install(**kwargs) -> FaultyOs:
        faulty = FaultyOs(**kwargs)
        monkeypatch.setattr(atomic, "os", faulty)
        monkeypatch.setattr(backups, "os", faulty)
        return faulty

    return install


def _import_in_process(db: Path, source: Path):
    # In-process (Click's runner), so that the faulty `os` installed by the test is the one used.
    return run_in_process(db, "import", source, "--format", "jsonl")


@pytest.fixture
def prepared(tmp_path):
    """An archive with 5 articles (and a backup), and a file of 30 new ones to import."""
    db = tmp_path / "faulty" / "news.json"
    seed_archive(db, tmp_path, n=5)
    write_jsonl(tmp_path / "second.jsonl", [article("second", i) for i in range(3)])
    assert run_cli(db, "import", tmp_path / "second.jsonl", "--format", "jsonl").returncode == 0
    source = write_jsonl(tmp_path / "new.jsonl", [article("new", i) for i in range(30)])
    return db, source


@pytest.mark.parametrize("kind,error", [("write", errno.ENOSPC), ("fsync", errno.EIO), ("replace", errno.EACCES)])
def test_every_nth_call_failing_leaves_the_archive_as_it_was(prepared, faulty_os, monkeypatch, kind, error):
    db, source = prepared
    counting = faulty_os()
    result = _import_in_process(db, source)
    assert result.returncode == 0, result
    total = counting.calls[kind]
    assert total >= 2, counting.calls  # the import really goes through these calls

    # Start again from the archive as it was, and fail each call in turn.
    imported = load_articles(db)
    new_ids = {i for i, r in imported.items() if r["title"].startswith("Report new")}
    assert run_in_process(db, "delete", *sorted(new_ids), "--yes").returncode == 0
    originals = OriginalsStore(db)
    digest = sha256_of(source.read_bytes())
    n = 0
    while True:
        n += 1
        monkeypatch.undo()
        # A refused import may leave its original behind; remove it, so that every run
        # goes through the same calls, the original's write included.
        originals.remove(digest)
        before = archive_state(db)
        articles_before = load_articles(db)
        faulty = faulty_os(fail=kind, at=n, error=error, archive=db)
        result = _import_in_process(db, source)
        monkeypatch.undo()
        if not faulty.failed:
            # Past the last call of this kind: the import went through, and every N was tried.
            assert result.returncode == 0, result
            # (Runs differ a little: derived files are written only when they change.)
            assert n > min(total, 3), (n, total)
            break
        if faulty.failed_late:
            # The archive's rename had happened (the fault hit a folder fsync, or a derived
            # file written after the archive): the write is done, and is reported as done.
            assert result.returncode == 0, result
            if len(load_articles(db)) == len(articles_before) + 30:
                assert run_in_process(db, "delete", *sorted(set(load_articles(db)) - set(articles_before)),
                                      "--yes").returncode == 0
            continue
        assert result.returncode == 3, f"{kind} #{n}: {result}"
        assert "nothing was changed" in result.stderr, result.stderr
        assert os.strerror(error) in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert archive_state(db)[db.name] == before[db.name], f"{kind} #{n} changed the archive"
        assert load_articles(db) == articles_before
        assert temp_files(db) == [], f"{kind} #{n} left {temp_files(db)}"
        for backup in backups.backup_paths(db):
            assert load_articles_from(backup) is not None  # every backup kept still loads


def load_articles_from(path: Path):
    from newsarchive.store.jsonfile import parse_archive

    return parse_archive(path.read_bytes(), path)


@pytest.mark.parametrize("kind", ["write", "fsync", "replace"])
def test_nth_call_failing_during_edits(prepared, faulty_os, monkeypatch, kind):
    """Tag, note and edit are single writes: every failure leaves the archive as it was."""
    db, _ = prepared
    target = sorted(load_articles(db))[0]
    for args in (["tag", target, "faulty"], ["note", target, "a note"], ["edit", target, "--title", "New"]):
        n = 1
        while True:
            before = db.read_bytes()
            faulty = faulty_os(fail=kind, at=n, archive=db)
            result = run_in_process(db, *args)
            monkeypatch.undo()
            if not faulty.failed or faulty.failed_late:
                # The write went through (a folder fsync after the rename is best effort):
                # every earlier N has been tried.
                assert result.returncode == 0, result
                assert db.read_bytes() != before
                break
            assert result.returncode == 3, f"{args[0]} with {kind} #{n}: {result}"
            assert db.read_bytes() == before
            assert temp_files(db) == []
            n += 1
        assert n > 1, f"{args[0]} never called {kind}"


def test_directory_fsync_failing_after_the_rename_is_not_reported_as_nothing_changed(prepared, monkeypatch):
    """Issue 8: once os.replace has run, the new archive is in place; a failing fsync of the
    folder must not make the command claim that nothing changed (exit 3) while it did."""
    db, source = prepared
    real_fsync_directory = atomic.fsync_directory

    def failing(folder):
        if Path(folder) == db.parent:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_fsync_directory(folder)

    monkeypatch.setattr(atomic, "fsync_directory", failing)
    before = db.read_bytes()
    result = _import_in_process(db, source)
    changed = db.read_bytes() != before
    assert (result.returncode == 0 and changed) or (result.returncode == 3 and not changed), result


# -- row 4: the file size limit (a real EFBIG in a child process) --------------------------


def _limit_file_size(limit: int):
    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


@pytest.mark.parametrize("headroom", [0, 100, 4096, 20_000])
def test_file_size_limit_mid_write(tmp_path, headroom):
    db = tmp_path / "limited" / "news.json"
    seed_archive(db, tmp_path, n=20)
    source = write_jsonl(tmp_path / "big.jsonl", [article("big", i, extra="x" * 300) for i in range(200)])
    before = archive_state(db)
    limit = db.stat().st_size + headroom
    result = run_cli(db, "import", source, "--format", "jsonl", preexec_fn=_limit_file_size(limit))
    assert result.returncode == 3, result
    assert "File too large" in result.stderr, result.stderr
    assert "ulimit" in result.stderr  # the hint says what to do
    assert str(db.parent) in result.stderr
    assert_no_traceback(result)
    assert archive_state(db)[db.name] == before[db.name]
    assert temp_files(db) == []
    # And without the limit, the same import goes through.
    assert run_cli(db, "import", source, "--format", "jsonl").returncode == 0
    assert len(load_articles(db)) == 220


# -- row 4: a real full disk (a small tmpfs; needs root and permission to mount) ------------


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB tmpfs, unmounted afterwards; skipped where mounting is not allowed."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path, leave: int) -> None:
    """Fill the filesystem of `folder` until about `leave` bytes are free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with open(folder / "filler", "wb") as handle:
        try:
            handle.write(b"\0" * max(0, free - leave))
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.mark.parametrize("leave", [0, 8192, 65536])
def test_disk_full(tmp_path, small_disk, leave):
    db = small_disk / "news.json"
    seed_archive(db, tmp_path, n=20)
    _fill(small_disk, leave)
    _import_refused_then_accepted(tmp_path, db, small_disk)


@pytest.mark.parametrize("leave", [0, 8192, 65536, 200_000])
def test_disk_full_with_a_search_index(tmp_path, small_disk, leave):
    """The same, with the derived search index beside the archive (a read creates it): the
    index is written after the archive, and must never turn a landed write into an error."""
    db = small_disk / "news.json"
    seed_archive(db, tmp_path, n=20)
    assert run_in_process(db, "list", "--format", "ids").returncode == 0
    _fill(small_disk, leave)
    source = write_jsonl(tmp_path / "big.jsonl", [article("big", i, extra="y" * 400) for i in range(300)])
    result = run_cli(db, "import", source, "--format", "jsonl")
    assert_no_traceback(result)
    landed = len(load_articles(db))
    assert (result.returncode, landed) in ((3, 20), (0, 320)), result
    assert temp_files(db) == []
    (small_disk / "filler").unlink()
    listed = run_cli(db, "list", "--format", "ids")
    assert listed.returncode == 0 and len(listed.stdout.split()) == landed, listed


def _import_refused_then_accepted(tmp_path: Path, db: Path, small_disk: Path) -> None:
    source = write_jsonl(tmp_path / "big.jsonl", [article("big", i, extra="y" * 400) for i in range(300)])
    before = archive_state(db)
    result = run_cli(db, "import", source, "--format", "jsonl")
    assert result.returncode == 3, result
    assert "No space left on device" in result.stderr, result.stderr
    assert "free some disk space" in result.stderr
    assert_no_traceback(result)
    assert archive_state(db)[db.name] == before[db.name]
    assert temp_files(db) == []
    assert len(load_articles(db)) == 20
    # Free the space and the same import goes through.
    (small_disk / "filler").unlink()
    result = run_cli(db, "import", source, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert len(load_articles(db)) == 320


def test_index_failing_after_the_archive_landed(tmp_path, monkeypatch):
    """The search index follows the archive after the archive's write. If that update fails
    (a full disk hits SQLite as "database or disk is full"), the articles have landed: the
    import must say so (exit 0, counted), and the next read brings the index up to date."""
    import sqlite3

    from newsarchive.search.index import SearchIndex

    db = tmp_path / "idx" / "news.json"
    seed_archive(db, tmp_path, n=5)
    assert run_in_process(db, "list", "--format", "ids").returncode == 0  # the index now exists

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SearchIndex, "apply", full)
    source = write_jsonl(tmp_path / "more.jsonl", [article("more", i) for i in range(3)])
    result = run_in_process(db, "import", source, "--format", "jsonl")
    landed = len(load_articles(db))
    monkeypatch.undo()
    assert_no_traceback(result)
    assert landed == 8
    assert result.returncode == 0, result
    assert "Imported 3 articles" in result.stderr
    listed = run_in_process(db, "list", "--format", "ids")
    assert len(listed.stdout.split()) == 8
