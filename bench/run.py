"""Run every newsarchive benchmark at a chosen size and print one table, with baselines.

    .venv/bin/python bench/run.py                    # 1k articles, medians of 5 runs
    .venv/bin/python bench/run.py --size 10k
    .venv/bin/python bench/run.py --sizes 1k,10k,100k --runs 5    # scaling curves

Every figure is the median wall time of whole processes (start to exit), and the peak
resident memory of that process, read from outside it: each run is spawned (posix_spawn,
a fork/exec) and reaped with os.wait4, whose rusage carries the child's ru_maxrss.

Beside each figure, measured in the same run and interleaved with it (run 1 of every
column, then run 2, ...), so a noisy machine disturbs all columns alike:

    bare     a bare Python process doing the same underlying work: the floor
             (bench/baselines/bare_*.py: the same FTS5 query on the CLI's own index,
             orjson parse and one JSON write for import, one row read for show, ...)
    TinyDB   naive TinyDB: stock JSONStorage, insert_multiple, Query().body.search()
             (bench/baselines/naive_tinydb.py)
    rg       ripgrep counting matching files over the bodies written once as text files

Searches use the corpus's marker words, and every count (newsarchive, bare FTS5, TinyDB,
rg) is checked against the manifest: a mismatch is printed as a WARNING.

A command the CLI does not have yet (usage error, or a crash on start) is shown as n/a,
with the reason under the table. Results also go to bench/corpora/<size>/results.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shlex
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

BENCH = Path(__file__).resolve().parent
BASELINES = BENCH / "baselines"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/generate.py, beside this file)

PYTHON = sys.executable
TITLES = {"newsarchive": "newsarchive", "bare": "bare", "tinydb": "naive TinyDB", "rg": "rg"}
TIMED_QUERIES = ("rare", "mid", "common", "phrase")
SEARCH_LIMIT = 20


# --- spawning and measuring -------------------------------------------------------------


@dataclass
class Sample:
    seconds: float
    peak_mb: float
    status: int


# The measuring process. A child's ru_maxrss starts at the RSS of the process that forked
# it (Linux records the old address space's high-water mark at exec, and a vfork child
# shares its parent's), so children are started by this small Python process, not by the
# runner, whose own peak can be hundreds of MB. The floor it leaves is printed (/bin/true).
LAUNCHER = r"""
import os, sys, time
scale = 1 if sys.platform == "darwin" else 1024
flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
for line in sys.stdin.buffer:
    out, err, *argv = [part.decode() for part in line.rstrip(b"\n").split(b"\0")]
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, out or os.devnull, flags, 0o644),
        (os.POSIX_SPAWN_OPEN, 2, err, flags, 0o644),
    ]
    try:
        started = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions, setpgroup=0)
        sys.stdout.write(f"P {pid}\n")
        sys.stdout.flush()
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - started
        reply = f"{os.waitstatus_to_exitcode(status)} {seconds!r} {usage.ru_maxrss * scale}"
    except OSError as exc:
        reply = f"E {exc}"
    sys.stdout.write(reply + "\n")
    sys.stdout.flush()
"""


class Launcher:
    """Spawns each measured command (posix_spawn, a fork/exec) and reaps it with os.wait4."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [PYTHON, "-S", "-I", "-c", LAUNCHER], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def run(self, argv: list[str], stdout: Path | None, stderr: Path) -> Sample:
        """Wall time from spawn to exit, and the child's own peak RSS."""
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write("\0".join([str(stdout or ""), str(stderr), *argv]) + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline().strip()
        if reply.startswith("P "):
            # Each child leads its own process group, so an interrupted run can be ended whole.
            child = int(reply[2:])
            try:
                reply = self.process.stdout.readline().strip()
            except BaseException:
                with contextlib.suppress(OSError):
                    os.killpg(child, signal.SIGKILL)
                raise
        if reply.startswith("E "):
            raise FileNotFoundError(reply[2:], argv[0])
        status, seconds, peak = reply.split()
        return Sample(float(seconds), int(peak) / 2**20, int(status))

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


# A CLI that lacks a command, or crashes on start, is n/a, whatever its exit code says.
NOT_THERE = ("No such command", "No such option", "internal error", "Traceback (most recent call last)")


@dataclass
class Column:
    """The samples of one operation in one column (newsarchive or a baseline)."""

    samples: list[Sample] = field(default_factory=list)
    failure: str | None = None  # why the column shows n/a
    runs_wanted: int = 0

    @property
    def median(self) -> float | None:
        return statistics.median(s.seconds for s in self.samples) if self.samples and not self.failure else None

    @property
    def peak_mb(self) -> float | None:
        return max(s.peak_mb for s in self.samples) if self.samples and not self.failure else None


@dataclass
class Operation:
    name: str
    columns: dict[str, Column] = field(default_factory=dict)
    note: str = ""
    key: str = ""  # the same at every size, for the scaling table

    def __post_init__(self) -> None:
        self.key = self.key or self.name


@dataclass
class Task:
    """One column of one operation: the command, and what to do before and after each run."""

    op: Operation
    column: str
    argv: Callable[[int], list[str]] | list[str]
    runs: int
    before: Callable[[int], None] | None = None
    ok: tuple[int, ...] = (0,)
    check: Callable[[str], str | None] | None = None  # given run 1's stdout, returns a warning

    def command(self, run: int) -> list[str]:
        return self.argv(run) if callable(self.argv) else self.argv


class Bench:
    """One size: its corpus, its work folder, the measured operations and the warnings."""

    def __init__(self, size: int, args: argparse.Namespace) -> None:
        self.size = size
        self.args = args
        self.runs = args.runs
        self.naive_runs = args.naive_runs or (args.runs if size < 100_000 else 1)
        self.import_runs = args.import_runs or (args.runs if size < 100_000 else min(args.runs, 3))
        self.corpus = generate.corpus_dir(size, args.seed)
        self.work = self.corpus / "run"
        self.cli = shlex.split(args.cli) if args.cli else find_cli()
        self.env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"}
        self.env.update(COLUMNS="120", LINES="40", PAGER="cat")
        # Python writes the bytecode of what it imports (and pip installs it compiled); a shell
        # that forbids it would make every timed run recompile each module edited since the
        # last write, a cost no user meets.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.operations: list[Operation] = []
        self.warnings: list[str] = []
        self.facts: dict[str, object] = {}
        self.rg = shutil.which("rg")
        self.import_ok = False

    # -- helpers

    def log(self, message: str) -> None:
        print(f"[{self.size_label}] {message}", file=sys.stderr, flush=True)

    @property
    def size_label(self) -> str:
        return generate.size_label(self.size)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        print(f"\n!!! WARNING [{self.size_label}]: {message}\n", file=sys.stderr, flush=True)

    def operation(self, name: str, note: str = "", key: str = "") -> Operation:
        op = Operation(name, note=note, key=key)
        self.operations.append(op)
        return op

    def na(self, name: str, why: str) -> Operation:
        op = self.operation(name)
        op.columns["newsarchive"] = Column(failure=why)
        return op

    def cli_argv(self, db: Path, *args: str) -> list[str]:
        return [*self.cli, "--db", str(db), *args]

    def python(self, script: str, *args: object) -> list[str]:
        return [PYTHON, str(BASELINES / script), *map(str, args)]

    def run_once(self, argv: list[str], stdout: Path | None = None) -> tuple[Sample, str]:
        """An untimed helper run; returns the sample and its stderr text."""
        err = self.work / "stderr.txt"
        sample = self.launcher.run(argv, stdout, err)
        return sample, err.read_text(errors="replace")

    def measure(self, tasks: list[Task]) -> None:
        """Interleave the tasks' runs: run 1 of each in turn, then run 2, ..."""
        for task in tasks:
            task.op.columns.setdefault(task.column, Column(runs_wanted=task.runs))
        for run in range(max(task.runs for task in tasks)):
            for task in tasks:
                column = task.op.columns[task.column]
                if run >= task.runs or column.failure:
                    continue
                if task.before:
                    task.before(run)
                out = self.work / "stdout.txt" if run == 0 and task.check else None
                err = self.work / "stderr.txt"
                try:
                    sample = self.launcher.run(task.command(run), out, err)
                except FileNotFoundError as exc:
                    column.failure = f"{exc.filename} not found"
                    continue
                message = err.read_text(errors="replace")
                if sample.status not in task.ok or (sample.status and any(m in message for m in NOT_THERE)):
                    column.failure = f"exit {sample.status}: {last_line(message)}"
                    continue
                column.samples.append(sample)
                if out is not None:
                    warning = task.check(out.read_text(errors="replace"))
                    if warning:
                        self.warn(f"{task.op.name}, {TITLES[task.column]}: {warning}")

    # -- the benchmark

    def prepare(self) -> None:
        manifest_path = self.corpus / "manifest.json"
        manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
        if (
            manifest.get("generator_version") != generate.GENERATOR_VERSION
            or manifest.get("size") != self.size
            or not (self.corpus / "articles.jsonl").exists()
        ):
            self.log(f"generating {self.size} articles in {self.corpus}")
            manifest = generate.generate(self.size, self.corpus, self.args.seed)
        if len(manifest["extra"]) < self.import_runs:
            manifest = generate.add_extra_batches(self.corpus, self.import_runs)
        self.manifest = manifest
        self.articles = self.corpus / "articles.jsonl"
        self.queries = {q["name"]: q for q in manifest["articles"]["queries"]}
        self.texts = self.corpus / "texts"
        done = self.texts / ".complete"
        if self.rg and not (done.exists() and done.read_text() == manifest["articles"]["sha256"]):
            self.log("writing bodies as text files for rg")
            write_texts(self.articles, self.texts, manifest["articles"]["sha256"])
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)

    def run(self) -> None:
        self.prepare()
        self.launcher = Launcher(self.env)
        try:
            floor = self.launcher.run(["true"], None, self.work / "stderr.txt")
            self.facts["peak MB floor (/bin/true)"] = round(floor.peak_mb, 1)
            self.measure_all()
        finally:
            self.launcher.close()

    def measure_all(self) -> None:
        self.log(f"newsarchive = {shlex.join(self.cli)}; runs {self.runs}, naive TinyDB runs {self.naive_runs}")
        self.bench_import()
        self.bench_reads(self.work / "archive")
        self.bench_more(self.work / "archive")

    def bench_import(self) -> None:
        op = self.operation(f"import {self.size:,} (JSONL)", key="import N (JSONL)")
        self.first = self.operation(f"first search after import {self.size:,}", note="1 run", key="first search after import N")
        # Measured last (they change the archive), listed here.
        extra = self.manifest["extra_size"]
        self.more = self.operation(f"import {extra:,} more (a new batch each run)", key="import 1,000 more")
        self.after = self.operation("first search after it (rare, json)", note="with the index update")
        fresh = self.work / "cli-import"
        naive = self.work / "naive.json"

        def clear_cli(run: int) -> None:
            shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir()

        def clear_naive(run: int) -> None:
            naive.unlink(missing_ok=True)

        self.log(f"import: {self.import_runs} runs")
        self.measure(
            [
                Task(op, "newsarchive", self.cli_argv(fresh / "news.json", "import", str(self.articles)),
                     self.import_runs, clear_cli, ok=(0, 1)),
                Task(op, "bare", self.python("bare_import.py", self.articles, self.work / "bare.json"), self.import_runs),
                Task(op, "tinydb", self.python("naive_tinydb.py", naive, "import", self.articles),
                     self.import_runs, clear_naive),
            ]
        )
        archive = self.work / "archive"
        if fresh.exists():
            fresh.rename(archive)
        mine = op.columns["newsarchive"]
        if not mine.failure and not any(p.is_file() for p in archive.rglob("*")):
            mine.failure = "import wrote no archive"
        (self.work / "bare.json").unlink(missing_ok=True)
        self.import_ok = not op.columns["newsarchive"].failure
        if not self.import_ok:
            self.log(f"no archive was built ({op.columns['newsarchive'].failure}): the CLI's rows are n/a")
            return
        self.facts["archive folder MB after import"] = folder_mb(archive)

    def bench_more(self, archive: Path) -> None:
        """Import 1,000 more, then search, once per run: each run a new batch, on the same archive.

        The archive is never copied: the index trusts the archive file's identity (size,
        mtime, inode), so a copy would look changed and be re-indexed whole, which no user
        importing a batch meets. The archive grows by 1,000 a run (N+1,000 ... N+5,000).
        """
        more, after = self.more, self.after
        if not self.import_ok:
            more.columns["newsarchive"] = Column(failure="no archive (import is n/a)")
            after.columns["newsarchive"] = Column(failure="no archive (import is n/a)")
        db = archive / "news.json"
        naive = self.work / "naive.json"
        batch = lambda run: self.corpus / f"extra-{run + 1}.jsonl"  # noqa: E731
        rare = self.queries["rare"]
        tasks = [
            Task(more, "bare", lambda run: self.python("bare_import.py", batch(run), self.work / "bare.json"), self.import_runs),
            Task(more, "tinydb", lambda run: self.python("naive_tinydb.py", naive, "import", batch(run)), self.import_runs),
        ]
        if self.import_ok:
            search = ["search", rare["query"], "--format", "json", "--limit", str(SEARCH_LIMIT)]
            tasks[:0] = [
                Task(more, "newsarchive", lambda run: self.cli_argv(db, "import", str(batch(run))), self.import_runs, ok=(0, 1)),
                Task(after, "newsarchive", self.cli_argv(db, *search), self.import_runs, ok=(0, 1)),
                Task(after, "bare", lambda run: self.python("bare_fts.py", find_index(archive), rare["query"], "--limit", SEARCH_LIMIT),
                     self.import_runs),
            ]
        self.log(f"import 1,000 more, then search: {self.import_runs} runs")
        self.measure(tasks)
        (self.work / "bare.json").unlink(missing_ok=True)

    def bench_reads(self, archive: Path) -> None:
        db = archive / "news.json"
        naive = self.work / "naive.json"
        cli_ok = self.import_ok
        why = "no archive (import is n/a)"

        # The first search may build or refresh the index: one run of its own, not a search row's.
        first = self.first
        if cli_ok:
            rare = self.queries["rare"]["query"]
            self.measure([Task(first, "newsarchive", self.cli_argv(db, "search", rare, "--format", "json"), 1, ok=(0, 1))])
        else:
            first.columns["newsarchive"] = Column(failure=why)
        index = find_index(archive) if cli_ok else None
        if cli_ok and index is None:
            self.warn(f"no *.sqlite index beside {db}: the bare FTS5 floor is n/a")
        if index is not None:
            self.facts[f"{index.name} MB after first search"] = round(index.stat().st_size / 2**20, 1)
        article_id = self.find_article_id(db) if cli_ok else None

        op = self.operation("--help")
        self.measure(
            [
                Task(op, "newsarchive", [*self.cli, "--help"], self.runs),
                Task(op, "bare", self.python("bare_startup.py"), self.runs),
            ]
        )

        if cli_ok:
            self.check_counts(db, index)
        naive_search: dict[str, Column] = {}
        rg_search: dict[str, Column] = {}
        for view in ("json", "table"):
            for name in TIMED_QUERIES:
                query = self.queries[name]
                op = self.operation(f"search {name} --format {view}")
                tasks = []
                if cli_ok:
                    tasks.append(
                        Task(op, "newsarchive",
                             self.cli_argv(db, "search", query["query"], "--format", view, "--limit", str(SEARCH_LIMIT)),
                             self.runs, ok=(0, 1))
                    )
                else:
                    op.columns["newsarchive"] = Column(failure=why)
                if index is not None:
                    tasks.append(Task(op, "bare", self.python("bare_fts.py", index, query["query"], "--limit", SEARCH_LIMIT), self.runs))
                if view == "json":
                    tasks.append(
                        Task(op, "tinydb", self.python("naive_tinydb.py", naive, "search", *query["terms"]), self.naive_runs,
                             check=expect_first_line(query["expected"]))
                    )
                    if self.rg and len(query["terms"]) == 1:
                        tasks.append(
                            Task(op, "rg", ["rg", "-c", "-i", "-w", "-F", query["terms"][0], str(self.texts)], self.runs,
                                 ok=(0, 1), check=expect_lines(query["expected"]))
                        )
                else:
                    # The table view searches the same thing: its baselines are the json row's.
                    op.columns["tinydb"] = naive_search[name]
                    if name in rg_search:
                        op.columns["rg"] = rg_search[name]
                self.log(f"search {name} {view}")
                if tasks:
                    self.measure(tasks)
                if view == "json":
                    naive_search[name] = op.columns.get("tinydb", Column(failure="not run"))
                    if "rg" in op.columns:
                        rg_search[name] = op.columns["rg"]

        reads = [
            ("show ID", ["show", article_id], ("bare_sqlite.py", index, "row", article_id), ("get", 1)),
            ("list --limit 20", ["list", "--limit", "20"], ("bare_sqlite.py", index, "recent", 20), ("list", 20)),
            ("stats", ["stats"], ("bare_sqlite.py", index, "stats"), ("stats",)),
            ("check", ["check"], ("bare_check.py", archive), ("check",)),
        ]
        for name, cli_args, bare, naive_args in reads:
            op = self.operation(name)
            tasks = []
            if not cli_ok:
                op.columns["newsarchive"] = Column(failure=why)
            elif name == "show ID" and article_id is None:
                op.columns["newsarchive"] = Column(failure="no article id found (list and search gave none)")
            else:
                tasks.append(Task(op, "newsarchive", self.cli_argv(db, *cli_args), self.runs))
            if None not in bare:
                tasks.append(Task(op, "bare", self.python(*bare), self.runs))
            tasks.append(Task(op, "tinydb", self.python("naive_tinydb.py", naive, *naive_args), self.naive_runs))
            self.log(name)
            self.measure(tasks)

        # Writes last, so the reads above ran on the archive exactly as imported.
        op = self.operation("tag ID x", note="a new tag each run")
        tasks = [Task(op, "tinydb", lambda run: self.python("naive_tinydb.py", naive, "tag", 1, f"bench{run}"), self.naive_runs)]
        if cli_ok and article_id:
            tasks.insert(0, Task(op, "newsarchive", lambda run: self.cli_argv(db, "tag", article_id, f"bench{run}"), self.runs))
        else:
            op.columns["newsarchive"] = Column(failure=why if not cli_ok else "no article id found")
        self.log("tag")
        self.measure(tasks)

    def find_article_id(self, db: Path) -> str | None:
        out = self.work / "ids.json"
        for args in (["list", "--limit", "1", "--format", "json"], ["search", self.queries["common"]["query"], "--format", "json"]):
            sample, _ = self.run_once(self.cli_argv(db, *args), out)
            if sample.status == 0:
                records = as_records(out.read_text(errors="replace"))
                if records and isinstance(records[0], dict) and records[0].get("id"):
                    return str(records[0]["id"])
        self.warn("could not read an article id from `list --format json` or `search --format json`")
        return None

    def check_counts(self, db: Path, index: Path | None) -> None:
        """Every manifest query, through newsarchive (json, no limit) and bare FTS5."""
        out = self.work / "count.json"
        limit = str(self.size + 10)
        for query in self.manifest["articles"]["queries"]:
            sample, err = self.run_once(self.cli_argv(db, "search", query["query"], "--format", "json", "--limit", limit), out)
            if sample.status in (0, 1):
                records = as_records(out.read_text(errors="replace"))
                if records is None:
                    self.warn(f"search {query['query']!r}: output is not JSON")
                elif len(records) != query["expected"]:
                    self.warn(
                        f"search {query['query']!r} ({query['name']}): newsarchive found {len(records)}, "
                        f"the manifest says {query['expected']}"
                    )
            else:
                self.log(f"count check skipped for {query['query']!r}: exit {sample.status}: {last_line(err)}")
            if index is not None:
                sample, err = self.run_once(self.python("bare_fts.py", index, query["query"], "--count"), out)
                found = out.read_text().strip() if sample.status == 0 else f"error ({last_line(err)})"
                if found != str(query["expected"]):
                    self.warn(
                        f"bare FTS5 {query['query']!r} ({query['name']}) on the CLI's index found {found}, "
                        f"the manifest says {query['expected']}"
                    )

    def result(self) -> dict:
        return {
            "size": self.size,
            "runs": self.runs,
            "naive_runs": self.naive_runs,
            "import_runs": self.import_runs,
            "facts": self.facts,
            "warnings": self.warnings,
            "operations": [
                {
                    "name": op.name,
                    "note": op.note,
                    "columns": {
                        name: {
                            "median_s": col.median,
                            "peak_mb": col.peak_mb,
                            "runs": len(col.samples),
                            "failure": col.failure,
                        }
                        for name, col in op.columns.items()
                    },
                }
                for op in self.operations
            ],
        }


# --- small helpers ----------------------------------------------------------------------


def find_cli() -> list[str]:
    script = Path(PYTHON).parent / "newsarchive"
    return [str(script)] if script.exists() else [PYTHON, "-m", "newsarchive"]


def find_index(folder: Path) -> Path | None:
    """The CLI's SQLite index beside the archive JSON: the largest *.sqlite* file."""
    found = [
        p
        for p in folder.rglob("*.sqlite*")
        if p.is_file() and not p.name.endswith(("-wal", "-shm", "-journal"))
    ]
    return max(found, key=lambda p: p.stat().st_size) if found else None


def folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def write_texts(articles: Path, texts: Path, digest: str) -> None:
    """Each body as its own text file (1,000 to a folder), for ripgrep to search."""
    import orjson

    shutil.rmtree(texts, ignore_errors=True)
    with open(articles, "rb") as lines:
        for n, line in enumerate(lines):
            if n % 1000 == 0:
                folder = texts / f"{n // 1000:04d}"
                folder.mkdir(parents=True)
            (folder / f"{n:07d}.txt").write_text(orjson.loads(line)["body"], encoding="utf-8")
    (texts / ".complete").write_text(digest)  # which articles.jsonl these bodies are from


def last_line(text: str) -> str:
    """The line of stderr that says what went wrong: the error line, else the last one."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith("error") or "Error:" in line]
    return (errors or lines or ["(no message)"])[-1][:160]


def as_records(text: str) -> list | None:
    """Search output as a list: a JSON array, an object holding one, or JSON lines."""
    text = text.strip()
    if not text:
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        try:
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError:
            return None
    if isinstance(data, dict):
        for key in ("results", "hits", "articles", "records"):
            if isinstance(data.get(key), list):
                return data[key]
        return [data]
    return data if isinstance(data, list) else None


def expect_first_line(expected: int) -> Callable[[str], str | None]:
    def check(out: str) -> str | None:
        first = out.splitlines()[0].strip() if out.strip() else ""
        return None if first == str(expected) else f"found {first or 'nothing'}, the manifest says {expected}"

    return check


def expect_lines(expected: int) -> Callable[[str], str | None]:
    def check(out: str) -> str | None:
        found = len([line for line in out.splitlines() if line.strip()])
        return None if found == expected else f"found {found} files, the manifest says {expected}"

    return check


# --- the report -------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
        ram = f"{memory:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        ram = "RAM unknown"
    rg = shutil.which("rg")
    rg_version = subprocess.run([rg, "--version"], capture_output=True, text=True).stdout.split("\n")[0] if rg else "rg absent"
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {rg_version}"
    )


def version_of(repo: Path) -> str:
    """The commit measured, and whether the work tree differed from it."""
    try:
        commit = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%h %s"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no", "newsarchive"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "commit unknown (no git)"
    return f"commit {commit[:80]}" + (" (with uncommitted changes in newsarchive/)" if dirty else "")


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def megabytes(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def ratio(mine: float | None, base: float | None) -> str:
    if mine is None or base is None or base <= 0:
        return "n/a"
    return f"{mine / base:.2f}×"


def table(bench: Bench) -> str:
    head = (
        "| operation | newsarchive s | peak MB | bare s (MB) | ×bare | naive TinyDB s (MB) | ×TinyDB | rg s (MB) | ×rg |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = [head]
    footnotes: list[tuple[str, str]] = []
    for op in bench.operations:
        mine = op.columns.get("newsarchive", Column(failure="not run"))
        cells = [op.name + (f" ({op.note})" if op.note else ""), seconds(mine.median), megabytes(mine.peak_mb)]
        for name in ("bare", "tinydb", "rg"):
            col = op.columns.get(name)
            if col is None or col.median is None:
                cells += ["–" if col is None else "n/a", "–" if col is None else "n/a"]
                if col is not None and col.failure:
                    footnotes.append((f"{op.name}, {TITLES[name]}", col.failure))
                continue
            runs = len(col.samples)
            mark = f" [{runs} run{'s' if runs > 1 else ''}]" if runs != bench.runs else ""
            cells += [f"{seconds(col.median)} ({megabytes(col.peak_mb)}){mark}", ratio(mine.median, col.median)]
        if mine.failure:
            footnotes.append((f"{op.name}, newsarchive", mine.failure))
        rows.append("| " + " | ".join(cells) + " |")
    lines = ["\n".join(rows)]
    # One line per reason, naming the rows it explains.
    reasons: dict[str, list[str]] = {}
    for where, why in footnotes:
        reasons.setdefault(why, []).append(where)
    for why, where in reasons.items():
        lines.append(f"n/a: {why} ({'; '.join(dict.fromkeys(where))})")
    return "\n\n".join(lines)


def scaling_table(benches: list[Bench]) -> str:
    labels = [b.size_label for b in benches]
    head = "| operation | " + " | ".join(f"{label} s (×bare)" for label in labels) + " |"
    rows = [head, "|---|" + "---:|" * len(labels)]
    keys = list(dict.fromkeys(op.key for b in benches for op in b.operations))
    for key in keys:
        cells = [key]
        for b in benches:
            op = next((o for o in b.operations if o.key == key), None)
            if op is None:
                cells.append("–")
                continue
            mine = op.columns.get("newsarchive", Column(failure="not run"))
            bare = op.columns.get("bare")
            cells.append(f"{seconds(mine.median)} ({ratio(mine.median, bare.median if bare else None)})")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1k", help="articles: 1k, 10k, 100k or a number (default 1k)")
    parser.add_argument("--sizes", help="several sizes, e.g. 1k,10k,100k, for scaling curves")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument("--naive-runs", type=int, help="runs of naive TinyDB reads and writes (default: --runs, 1 from 100k up)")
    parser.add_argument("--import-runs", type=int, help="runs of each import (default: --runs, at most 3 from 100k up)")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--cli", help="the command to benchmark (default: the venv's newsarchive)")
    args = parser.parse_args(argv)
    # A plain `kill` runs the clean-up (ending the measured child) as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes = [generate.parse_size(s) for s in (args.sizes or args.size).split(",")]

    started = datetime.now(timezone.utc)
    print(f"# newsarchive benchmarks, {started:%Y-%m-%d %H:%M} UTC\n")
    print(f"Machine: {machine()}\n")
    print(f"newsarchive: {version_of(BENCH.parent)}\n")
    benches = []
    for size in sizes:
        bench = Bench(size, args)
        bench.run()
        benches.append(bench)
        result = bench.result() | {"machine": machine(), "started": started.isoformat()}
        (bench.corpus / "results.json").write_text(json.dumps(result, indent=2) + "\n")
        part = bench.manifest["articles"]
        facts = ", ".join(f"{k} {v}" for k, v in bench.facts.items())
        print(
            f"## {size:,} articles ({part['words'] / size:.0f} words each, JSONL {part['bytes'] / 2**20:.0f} MB; "
            f"medians of {bench.runs} runs, imports {bench.import_runs}, naive TinyDB reads and writes {bench.naive_runs})"
            f"{': ' + facts if facts else ''}\n"
        )
        print(table(bench) + "\n", flush=True)
        for warning in bench.warnings:
            print(f"**WARNING**: {warning}\n")
    if len(benches) > 1:
        print("## Scaling (newsarchive median s, and its ratio to the bare floor)\n")
        print(scaling_table(benches) + "\n")
    total = sum(len(b.warnings) for b in benches)
    if total:
        print(f"!!! {total} WARNING(S): result counts or set-up did not match; see above.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
