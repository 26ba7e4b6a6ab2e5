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


def _interrupt_import(db: Path, folder: Path, *, group: bool, after_originals: int, delay: float):
    proc = subprocess.Popen(cli_command(db, "import", folder, "--format", "jsonl", "--json"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env(), start_new_session=True)
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
    report = json.loads(out)
    reported = {entry["id"] for entry in report["imported"]}
    assert report["interrupted"] is True
    assert "Interrupted" in err
    assert f"Imported {len(reported)} article" in err  # the summary says what landed
    assert present == reported  # nothing unreported landed, nothing reported is missing
    assert len(present) % MIN_BATCH == 0  # whole batches only (batches are 1000 here)
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
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
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


@pytest.mark.slow
def test_ctrl_c_never_hangs_a_parallel_import(tmp_path, many_files):
    """Thirty Ctrl-Cs early in a parallel import: each one ends it within seconds, quietly."""
    for attempt in range(30):
        db = tmp_path / f"hang{attempt}" / "news.json"
        code, out, err = _interrupt_import(db, many_files, group=True, after_originals=1, delay=(attempt % 5) / 100)
        assert code in (0, 130), err[-2000:]
        assert "Traceback" not in err
