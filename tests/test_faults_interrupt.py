"""Issue 8, row 8: Ctrl-C (SIGINT) during an import of many files.

The import stops with exit 130 and prints what landed; each batch is in the archive whole
or not at all; and exactly the articles the report lists as imported are in the archive.
The signal goes to the whole process group, as a terminal's Ctrl-C does (worker processes
included), or to the main process alone, as `kill -INT` does.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsarchive.ingest import MIN_BATCH
from tests.faults_support import article, assert_no_traceback, cli_command, cli_env, load_articles, temp_files, write_jsonl

# Enough files for the import to use worker processes, and articles for three batches.
FILES = 30
PER_FILE = 100
ARTICLES = FILES * PER_FILE


@pytest.fixture(scope="module")
def many_files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for f in range(FILES):
        write_jsonl(folder / f"{f:03d}.jsonl", [article(f"f{f}", i) for i in range(PER_FILE)])
    return folder


def _as_at_a_terminal() -> None:
    """Ctrl-C reaches the child as at a terminal. A shell running the suite in the background
    (`cmd &`) starts it with SIGINT ignored, which Python and its children then keep."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_import(db: Path, folder: Path, *, group: bool, after_originals: int, delay: float):
    proc = subprocess.Popen(cli_command(db, "import", folder, "--format", "jsonl", "--json"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), start_new_session=True,
                            preexec_fn=_as_at_a_terminal)
    originals = db.with_name(db.name + ".d") / "originals"
    deadline = time.monotonic() + 120
    # Wait until the import is under way (it stores originals as it goes), so the signal
    # lands in the import and not in the interpreter's start-up.
    while proc.poll() is None and time.monotonic() < deadline:
        if originals.exists() and sum(1 for _ in originals.glob("*/*.gz")) >= after_originals:
            break
        time.sleep(0.01)
    time.sleep(delay)
    if proc.poll() is None:
        if group:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=30)  # an interrupted import stops at once
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("the import hung after SIGINT")
    return proc.returncode, out.decode(), err.decode()


def _interrupt_and_check(tmp_path: Path, folder: Path, *, group: bool, after_originals: int, delay: float) -> int:
    """Interrupt one import and check the row's promises; returns how many articles landed."""
    db = tmp_path / f"int-{group}-{after_originals}-{delay:.2f}" / "news.json"
    code, out, err = _interrupt_import(db, folder, group=group, after_originals=after_originals, delay=delay)
    assert_no_traceback(subprocess.CompletedProcess([], code, out, err))
    present = set(load_articles(db)) if db.exists() else set()
    if code == 0:
        # The import finished before the signal: everything landed and was reported.
        assert len(present) == ARTICLES
        return len(present)
    assert code == 130, (code, err[-2000:])
    assert len(present) % MIN_BATCH == 0 or len(present) == ARTICLES  # whole batches only
    try:
        report = json.loads(out)
    except ValueError:
        # The signal came after the import, while its report was being printed: the output
        # is cut short (reported in issue 8's notes), but the archive holds whole batches.
        assert "interrupted" in err.lower()
        return len(present)
    reported = {entry["id"] for entry in report["imported"]}
    assert report["interrupted"] is True
    assert "Interrupted" in err
    assert f"Imported {len(reported)} article" in err  # the summary says what landed
    assert reported <= present  # nothing reported is missing
    # A batch interrupted after its rename has landed but is not counted (ingest.py; see
    # test_a_batch_that_landed_is_reported_when_interrupted): whole batches all the same.
    assert len(present - reported) in (0, MIN_BATCH, 2 * MIN_BATCH, ARTICLES - len(reported))
    assert [p for p in temp_files(db) if p.parent == db.parent] == []
    return len(present)


def test_sigint_to_the_main_process(tmp_path, many_files):
    """`kill -INT`: early (nothing landed yet) and late (a batch or two landed)."""
    landed = [_interrupt_and_check(tmp_path, many_files, group=False, after_originals=n, delay=0.0)
              for n in (1, 12, 24)]
    assert landed[0] < ARTICLES  # at least one run was really interrupted
    assert max(landed) >= MIN_BATCH or landed == [0, 0, 0], landed


@pytest.mark.parametrize("after_originals", [1, 12])
def test_sigint_to_the_process_group(tmp_path, many_files, after_originals):
    """Ctrl-C on a terminal: the whole foreground process group, workers included.

    Regression (issue 8 row 8): pool workers printed KeyboardInterrupt tracebacks and the
    import could hang while the pool shut down waiting."""
    _interrupt_and_check(tmp_path, many_files, group=True, after_originals=after_originals, delay=0.0)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10))
def test_sigint_at_random_moments(tmp_path, many_files, seed):
    rng = random.Random(seed)
    _interrupt_and_check(tmp_path, many_files, group=False, after_originals=rng.randint(1, FILES),
                         delay=rng.random() / 2)


def test_sigint_while_waiting_for_the_lock(tmp_path):
    """Ctrl-C while another process holds the lock: exit 130, nothing written, no traceback."""
    from tests.test_faults_lock import lock_held

    db = tmp_path / "wait" / "news.json"
    source = write_jsonl(tmp_path / "one.jsonl", [article("one", 0)])
    with lock_held(db):
        proc = subprocess.Popen(cli_command(db, "--lock-timeout", "60", "import", source, "--format", "jsonl"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(),
                                preexec_fn=_as_at_a_terminal)
        originals = db.with_name(db.name + ".d") / "originals"
        deadline = time.monotonic() + 60
        while not any(originals.glob("*/*.gz")) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode()
    assert not db.exists()


# A Ctrl-C that lands in a finaliser: CI once caught one in the weakref callback the worker
# pool runs when it is collected, at the very end of an import. Python printed it as an
# ignored traceback on top of the import's report.
_INTERRUPT_IN_A_FINALISER = """
import sys
from newsarchive.cli import _drop_stray_interrupt

sys.unraisablehook = _drop_stray_interrupt

class Collected:
    def __del__(self):
        raise KeyboardInterrupt

class Failing:
    def __del__(self):
        raise ValueError("a bug in a finaliser")

Collected()
print("went on")
Failing()
"""


def test_an_interrupt_in_a_finaliser_is_dropped_quietly():
    result = subprocess.run([sys.executable, "-c", _INTERRUPT_IN_A_FINALISER], capture_output=True, text=True,
                            env=cli_env(), timeout=60)
    assert result.stdout.strip() == "went on"
    assert "KeyboardInterrupt" not in result.stderr
    assert "ValueError: a bug in a finaliser" in result.stderr  # any other error is still shown


@pytest.mark.slow
def test_ctrl_c_never_hangs_a_parallel_import(tmp_path, many_files):
    """Thirty Ctrl-Cs early in a parallel import: each one ends it within seconds, quietly."""
    for attempt in range(30):
        db = tmp_path / f"hang{attempt}" / "news.json"
        code, out, err = _interrupt_import(db, many_files, group=True, after_originals=1, delay=(attempt % 5) / 100)
        assert code in (0, 130), err[-2000:]
        assert "Traceback" not in err


# -- the moment between the rename and the report ------------------------------------------------


def _one_article_transaction(db: Path):
    from newsarchive.store.tinystore import ArchiveStore

    store = ArchiveStore(db)
    with store.transaction() as txn:
        txn.insert([{"id": "aaaaaaaaaaaa", "title": "T", "body": "B"}])
    return txn


def test_store_says_whether_an_interrupted_write_landed(tmp_path, monkeypatch):
    """`txn.committed` tells an interrupted caller whether its version is on disk."""
    from newsarchive.store import atomic
    from newsarchive.store.tinystore import ArchiveStore

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    # After the rename (the folder's fsync): landed.
    db = tmp_path / "after" / "news.json"
    monkeypatch.setattr(atomic, "fsync_directory", interrupt)
    store = ArchiveStore(db)
    with pytest.raises(KeyboardInterrupt):
        with store.transaction() as txn:
            txn.insert([{"id": "aaaaaaaaaaaa", "title": "T", "body": "B"}])
    monkeypatch.undo()
    assert txn.committed is True
    assert len(load_articles(db)) == 1

    # Before the rename (the file's fsync): not landed, nothing changed.
    before = db.read_bytes()

    class InterruptingOs:
        def __getattr__(self, name):
            return interrupt if name == "fsync" else getattr(os, name)

    monkeypatch.setattr(atomic, "os", InterruptingOs())
    with pytest.raises(KeyboardInterrupt):
        with store.transaction() as txn:
            txn.insert([{"id": "bbbbbbbbbbbb", "title": "U", "body": "C"}])
    monkeypatch.undo()
    assert txn.committed is False
    assert db.read_bytes() == before
    assert temp_files(db) == []


def test_a_batch_that_landed_is_reported_when_interrupted(tmp_path, monkeypatch):
    """Regression (issue 8 row 8): a Ctrl-C after the rename left a landed batch out of the summary."""
    from newsarchive.archive import Archive
    from newsarchive.ingest import ImportOptions, Importer

    db = tmp_path / "late" / "news.json"
    source = write_jsonl(tmp_path / "three.jsonl", [article("late", i) for i in range(3)])

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Archive, "_index_follows", interrupt)
    report = Importer(Archive(db), ImportOptions(format="jsonl")).run([str(source)])
    monkeypatch.undo()
    assert report.interrupted
    assert len(load_articles(db)) == 3  # the batch landed...
    assert len(report.imported) == 3  # ...so the summary must count it
