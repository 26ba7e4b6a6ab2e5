"""Issue 8, row 1: SIGKILL at random moments during imports and edits.

Each run starts one write command (an import of a fresh JSONL file, an edit, a tag, a note
or a delete) and kills it with SIGKILL after a random delay, or lets it finish. After every run
the archive must load; everything a completed command reported is present and intact; a
killed command's change is either wholly there or wholly absent (one import is one batch
here, one edit one write); and once the next command has run, no temporary file is left.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import time
from pathlib import Path

import orjson
import pytest

from tests.faults_support import (
    article,
    cli_command,
    cli_env,
    load_articles,
    run_cli,
    run_in_process,
    temp_files,
    write_jsonl,
)

# A sizeable archive makes the write itself take long enough for kills to land inside it.
SEED_ARTICLES = 1500


def _start(db: Path, *args) -> subprocess.Popen:
    return subprocess.Popen(cli_command(db, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=cli_env(), start_new_session=True)


def _kill_after(proc: subprocess.Popen, delay: float) -> tuple[bool, bytes, bytes]:
    """Let `proc` run for `delay` seconds, then SIGKILL it (and any worker it started).
    Returns (finished on its own, stdout, stderr)."""
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    finished = proc.poll() is not None
    if not finished:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    out, err = proc.communicate(timeout=60)
    return finished and proc.returncode is not None and proc.returncode >= 0, out, err


class Model:
    """What the archive must hold: the records completed commands reported, as they left them."""

    def __init__(self, articles: dict[str, dict]) -> None:
        self.articles = {i: self._key(r) for i, r in articles.items()}

    @staticmethod
    def _key(record: dict) -> tuple:
        return (record["title"], record["body"], tuple(record.get("tags", [])), len(record.get("notes", [])))

    def check(self, found: dict[str, dict], skip: str | None = None, may_vanish: bool = False) -> None:
        """`skip`: the article the killed command was changing (or deleting, if `may_vanish`),
        checked by the caller."""
        for article_id, expected in self.articles.items():
            if article_id == skip:
                assert may_vanish or article_id in found, f"article {article_id} vanished while being changed"
                continue
            assert article_id in found, f"article {article_id} reported earlier is missing"
            assert self._key(found[article_id]) == expected, f"article {article_id} changed: {found[article_id]}"


def _kill_loop(tmp_path: Path, runs: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    db = tmp_path / "kill" / "news.json"
    first = write_jsonl(tmp_path / "seed.jsonl", [article("seed", i) for i in range(SEED_ARTICLES)])
    result = run_cli(db, "import", first, "--format", "jsonl", "-q")
    assert result.returncode == 0, result.stderr
    # How long each kind of command takes here, so that the kills land all through its life,
    # most of them late, where the write is.
    started = time.monotonic()
    calibrate = write_jsonl(tmp_path / "calibrate.jsonl", [article("calibrate", i) for i in range(100)])
    assert run_cli(db, "import", calibrate, "--format", "jsonl", "-q").returncode == 0
    import_time = time.monotonic() - started
    started = time.monotonic()
    assert run_cli(db, "tag", next(iter(load_articles(db))), "calibrate").returncode == 0
    edit_time = time.monotonic() - started
    durations = {"import": [import_time], "edit": [edit_time]}
    model = Model(load_articles(db))
    tally = {"killed": 0, "finished": 0, "killed_but_landed": 0}

    for run in range(runs):
        op = rng.choice(["import", "import", "edit", "tag", "note", "delete"])
        target = rng.choice(sorted(model.articles))
        old = load_articles(db)[target]
        if op == "import":
            titles = [article(f"r{run}", i)["title"] for i in range(rng.randint(1, 200))]
            source = write_jsonl(tmp_path / "in" / f"run{run}.jsonl",
                                 [article(f"r{run}", i) for i in range(len(titles))])
            proc = _start(db, "import", source, "--format", "jsonl", "--json", "-q")
        elif op == "edit":
            new_title = f"Edited title {run}"
            proc = _start(db, "edit", target, "--title", new_title)
        elif op == "tag":
            proc = _start(db, "tag", target, f"t{run}")
        elif op == "delete":
            proc = _start(db, "delete", target, "--yes")
        else:
            proc = _start(db, "note", target, f"note {run}")

        kind = "import" if op == "import" else "edit"
        # The typical run time of this kind of command, from the last ones that finished:
        # the load on the machine changes while the loop runs.
        expected = statistics.median(durations[kind][-5:])
        started = time.monotonic()
        finished, out, err = _kill_after(proc, expected * rng.uniform(0.3, 1.0))
        # A kill says only that the command takes longer than the delay: drift up a little,
        # so that the kills keep reaching the end of the command, where the write is.
        durations[kind].append(time.monotonic() - started if finished else expected * 1.1)
        if finished:
            assert proc.returncode == 0, err.decode()
        tally["finished" if finished else "killed"] += 1

        # The archive loads, every time, and holds everything reported so far.
        found = load_articles(db)
        model.check(found, skip=None if op == "import" else target, may_vanish=op == "delete")
        landed_whole = None
        if op == "import":
            present = {r["title"]: i for i, r in found.items() if r["title"] in set(titles)}
            # One import of fewer than a batch of articles lands whole or not at all.
            assert len(present) in (0, len(titles)), f"run {run}: {len(present)} of {len(titles)} articles landed"
            if finished:
                reported = {e["id"] for e in orjson.loads(out)["imported"]}
                assert reported == set(present.values()), f"run {run}: reported {len(reported)}, found {len(present)}"
            landed_whole = bool(present)
            for article_id in present.values():
                model.articles[article_id] = Model._key(found[article_id])
        elif op == "delete":
            gone = target not in found
            if finished:
                assert gone, f"run {run}: delete reported success but {target} is still there"
            else:
                assert gone or Model._key(found[target]) == Model._key(old)
            landed_whole = gone
            if gone:
                del model.articles[target]
        else:
            now = found[target]
            changed = Model._key(now) != Model._key(old)
            if op == "edit":
                assert now["title"] in (old["title"], new_title)
                assert now["body"] == old["body"]
            elif op == "tag":
                assert now["tags"] in (old["tags"], sorted({*old["tags"], f"t{run}"}), [*old["tags"], f"t{run}"])
            else:
                assert len(now["notes"]) in (len(old["notes"]), len(old["notes"]) + 1)
            if finished:
                assert changed, f"run {run}: {op} reported success but changed nothing"
            landed_whole = changed
            model.articles[target] = Model._key(now)
        if not finished and landed_whole:
            tally["killed_but_landed"] += 1
        # The search index (written after the archive, so a kill can leave it behind) is
        # never trusted when stale: what a read lists is what the archive holds.
        listed = run_in_process(db, "list", "--format", "ids")
        assert set(listed.stdout.split()) == set(found), f"run {run}: the index disagrees with the archive"

    # The next command cleans up after the last kill: no temporary file is left anywhere.
    final = write_jsonl(tmp_path / "final.jsonl", [article("final", 0)])
    result = run_cli(db, "import", final, "--format", "jsonl", "-q")
    assert result.returncode == 0, result.stderr
    assert temp_files(db) == [], temp_files(db)
    model.check(load_articles(db))
    check = run_cli(db, "check")
    assert check.returncode == 0, check.stderr
    print(f"kill loop (seed {seed}): {tally}")
    return tally


def test_kill_loop_default(tmp_path):
    tally = _kill_loop(tmp_path, runs=20, seed=8)
    assert tally["killed"] >= 3, tally  # the loop must really kill, not just run commands


def test_kill_loop_segmented(tmp_path, monkeypatch):
    """The same, with segments of 150 articles: kills land while segments are sealed,
    rewritten under new names and retired (issue 9's store)."""
    monkeypatch.setenv("NEWSARCHIVE_SEGMENT_SIZE", "150")  # the spawned commands inherit it
    tally = _kill_loop(tmp_path, runs=20, seed=9)
    assert tally["killed"] >= 3, tally
    assert len(list((tmp_path / "kill" / "news.json.d" / "segments").glob("*.json"))) > 10


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10))
def test_kill_loop_slow(tmp_path, seed):
    """200 runs in all (10 seeds x 20)."""
    tally = _kill_loop(tmp_path, runs=20, seed=1000 + seed)
    assert tally["killed"] >= 5, tally


def test_no_temp_file_survives_a_write_after_a_killed_writer(tmp_path):
    """A temporary file a killed writer left (simulated: same name pattern) is gone after
    the next write, and the archive never read it."""
    db = tmp_path / "a" / "news.json"
    write_jsonl(tmp_path / "one.jsonl", [article("one", 0)])
    assert run_cli(db, "import", tmp_path / "one.jsonl", "--format", "jsonl").returncode == 0
    before = db.read_bytes()
    stale = db.with_name(f".tmp-{db.name}.99999.deadbeef")
    stale.write_bytes(b'{"articles": {"1": {"title": "half wri')
    assert load_articles(db)  # the stale file does not confuse a read
    assert db.read_bytes() == before
    write_jsonl(tmp_path / "two.jsonl", [article("two", 0)])
    assert run_cli(db, "import", tmp_path / "two.jsonl", "--format", "jsonl").returncode == 0
    assert not stale.exists()
    assert len(load_articles(db)) == 2
