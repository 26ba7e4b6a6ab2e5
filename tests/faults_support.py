"""Shared helpers for the fault tests (issue 8): run the real CLI, make inputs, inspect the archive.

The fault tests run `python -m newsarchive` as a subprocess, so a kill, a signal or a
resource limit hits a real process exactly as it would hit a user's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson

from newsarchive.store.atomic import TEMP_PREFIX


def cli_command(db: Path, *args: Any) -> list[str]:
    return [sys.executable, "-m", "newsarchive", "--db", str(db), *[str(a) for a in args]]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_COLOR="1", PAGER="cat", COLUMNS="200")
    env.pop("FORCE_COLOR", None)
    env.pop("NEWSARCHIVE_DEBUG", None)
    return env


def run_cli(db: Path, *args: Any, input: bytes | None = None, timeout: float = 120,
            **popen: Any) -> subprocess.CompletedProcess:
    """Run `newsarchive --db DB ARGS...` to completion; stdout and stderr as text."""
    result = subprocess.run(cli_command(db, *args), input=input, capture_output=True, timeout=timeout,
                            env=popen.pop("env", cli_env()), **popen)
    result.stdout = result.stdout.decode("utf-8", "replace")
    result.stderr = result.stderr.decode("utf-8", "replace")
    return result


def run_in_process(db: Path, *args: Any, input: bytes | None = None) -> subprocess.CompletedProcess:
    """The same command through Click's CliRunner: much quicker, for the runs that are set-up
    or where a real process adds nothing."""
    from click.testing import CliRunner

    from newsarchive.cli.app import cli

    arguments = ["--db", str(db), *[str(a) for a in args]]
    result = CliRunner().invoke(cli, arguments, input=input, catch_exceptions=False)
    return subprocess.CompletedProcess(arguments, result.exit_code, result.stdout, result.stderr)


def article(tag: str, n: int, **extra: Any) -> dict[str, Any]:
    """A valid JSONL article whose title and body are unique to (tag, n)."""
    return {"title": f"Report {tag} number {n}",
            "body": f"This is the body of report {tag} {n}. It has words about item {n} of batch {tag}.",
            **extra}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def load_articles(db: Path) -> dict[str, dict[str, Any]]:
    """The archive's articles by id, through the store's own loader (raises ArchiveError)."""
    from newsarchive.store.tinystore import ArchiveStore

    return {r["id"]: r for r in ArchiveStore(db).read().records()}


def temp_files(db: Path) -> list[Path]:
    """Temporary files of an atomic write anywhere beside the archive or in its sidecar."""
    found = [p for p in db.parent.glob(f"{TEMP_PREFIX}*")]
    sidecar = db.with_name(db.name + ".d")
    if sidecar.exists():
        found += [p for p in sidecar.rglob(f"{TEMP_PREFIX}*")]
    return found


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every regular file under `folder` with its content, to compare a whole archive folder."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.name.endswith(".lock") and not p.name.endswith(".lock.owner")}


def archive_state(db: Path) -> dict[str, bytes]:
    """The archive file and its backups, byte for byte: what "nothing was changed" compares.

    Kept originals are left out: an import stores an original before its batch is written,
    so a batch refused by the archive may leave an unreferenced original behind (harmless;
    reported in issue 8's notes)."""
    state = {p.name: p.read_bytes() for p in db.parent.glob(db.name + "*") if p.is_file()
             and not p.name.endswith((".lock", ".lock.owner"))}
    backups = db.with_name(db.name + ".d") / "backups"
    if backups.exists():
        state.update({f"backups/{p.name}": p.read_bytes() for p in backups.iterdir() if p.is_file()})
    return state


def seed_archive(db: Path, tmp: Path, n: int = 5, tag: str = "seed") -> dict[str, dict[str, Any]]:
    """An archive with `n` articles imported through the CLI; returns them by id."""
    source = write_jsonl(tmp / f"{tag}.jsonl", [article(tag, i) for i in range(n)])
    result = run_in_process(db, "import", source, "--format", "jsonl", "--json")
    assert result.returncode == 0, result.stderr
    return load_articles(db)


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr
