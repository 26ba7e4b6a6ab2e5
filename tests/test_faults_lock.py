"""Issue 8, row 3: another process holds the archive's lock longer than --lock-timeout.

Every write command then gives up with "archive is busy (locked by PID …)" naming the
holder, exits 3, and leaves the archive byte-identical; reads do not need the lock.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.faults_support import article, assert_no_traceback, cli_env, run_cli, seed_archive, archive_state, write_jsonl

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from newsarchive.store.lock import ArchiveLock

    with ArchiveLock(Path(sys.argv[1]), timeout=5):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")


@contextmanager
def lock_held(db: Path, seconds: float = 60):
    """Another process holding the archive's lock; yields its PID."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
    try:
        assert holder.stdout.readline().strip() == b"locked", holder.stderr.read().decode()
        yield holder
    finally:
        holder.kill()
        holder.wait(timeout=30)


@pytest.fixture(scope="module")
def locked_archive(tmp_path_factory):
    """One archive of 3 articles whose lock another process holds for the whole module
    (every command tried on it fails, so they can share it); yields (db, ids, holder)."""
    tmp_path = tmp_path_factory.mktemp("locked")
    db = tmp_path / "locked" / "news.json"
    ids = sorted(seed_archive(db, tmp_path, n=3))
    with lock_held(db, seconds=600) as holder:
        yield db, ids, holder


@pytest.fixture
def archive(tmp_path):
    db = tmp_path / "locked" / "news.json"
    ids = sorted(seed_archive(db, tmp_path, n=3))
    return db, ids


WRITES = [
    ("import", "{new}", "--format", "jsonl"),
    ("tag", "{id}", "busy-tag"),
    ("untag", "{id}", "busy-tag"),
    ("note", "{id}", "a note"),
    ("edit", "{id}", "--title", "A new title"),
    ("delete", "{id}", "--yes"),
    ("reextract", "--all"),
    ("dupes", "--merge"),
]


@pytest.mark.parametrize("command", WRITES, ids=[c[0] for c in WRITES])
def test_write_waits_then_fails_busy_naming_the_holder(tmp_path, locked_archive, command):
    db, ids, holder = locked_archive
    new = write_jsonl(tmp_path / "new.jsonl", [article("new", 0)])
    args = [a.format(new=new, id=ids[0]) for a in command]
    before = archive_state(db)
    started = time.monotonic()
    result = run_cli_with_timeout(db, 0.5, args)
    waited = time.monotonic() - started
    if command[0] == "dupes" and result.returncode in (0, 1):
        return  # nothing to merge: it never needed the lock
    assert result.returncode == 3, result
    assert f"archive is busy (locked by PID {holder.pid}" in result.stderr, result.stderr
    assert_no_traceback(result)
    assert waited >= 0.5
    assert archive_state(db) == before


def run_cli_with_timeout(db: Path, timeout: float, args: list[str]):
    # --lock-timeout is a global option: it goes before the command.
    return run_cli(db, "--lock-timeout", timeout, *args)


def test_reads_work_while_the_lock_is_held(locked_archive):
    db, ids, _ = locked_archive
    listed = run_cli_with_timeout(db, 0.2, ["list", "--format", "json"])
    shown = run_cli_with_timeout(db, 0.2, ["show", ids[0], "--format", "json"])
    exported = run_cli_with_timeout(db, 0.2, ["export", "--format", "jsonl"])
    searched = run_cli_with_timeout(db, 0.2, ["search", "report", "--format", "ids"])
    assert listed.returncode == 0, listed.stderr
    assert shown.returncode == 0, shown.stderr
    assert exported.returncode == 0 and len(exported.stdout.splitlines()) == 3
    assert searched.returncode == 0 and len(searched.stdout.split()) == 3, searched


def test_a_writer_waits_for_a_short_holder_and_then_succeeds(tmp_path, archive):
    db, ids = archive
    new = write_jsonl(tmp_path / "new.jsonl", [article("later", 0)])
    with lock_held(db, seconds=1.0):
        result = run_cli_with_timeout(db, 30, ["import", str(new), "--format", "jsonl"])
    assert result.returncode == 0, result.stderr
    assert "Imported 1 article" in result.stderr


def test_a_dead_holder_does_not_block(tmp_path, archive):
    """flock dies with its holder: a SIGKILLed holder leaves its owner file, not the lock."""
    db, ids = archive
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), "60"], stdout=subprocess.PIPE, env=cli_env())
    assert holder.stdout.readline().strip() == b"locked"
    holder.kill()
    holder.wait()
    result = run_cli_with_timeout(db, 2, ["tag", ids[0], "after-death"])
    assert result.returncode == 0, result.stderr
