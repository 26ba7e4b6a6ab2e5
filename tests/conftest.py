"""Shared test set-up: every test gets its own archive path, so none touches a real archive."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_archive(tmp_path, monkeypatch):
    """Point NEWSARCHIVE_DB at a fresh temp file and keep colour and pagers out of output."""
    db = tmp_path / "archive" / "news.json"
    monkeypatch.setenv("NEWSARCHIVE_DB", str(db))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PAGER", "cat")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return db


def requires_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the calling test where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path


class CliResult:
    """What one run of the CLI gave: exit code, stdout, stderr, and stdout parsed as JSON."""

    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr

    def json(self):
        import json

        return json.loads(self.stdout)

    def __repr__(self) -> str:
        return f"CliResult(code={self.code}, stdout={self.stdout[:500]!r}, stderr={self.stderr[:500]!r})"


@pytest.fixture
def run_cli():
    """Run `newsarchive ARGS...` in-process (Click's CliRunner) against the test's archive."""
    from click.testing import CliRunner

    from newsarchive.cli.app import cli

    def run(*args: str, input: str | bytes | None = None) -> CliResult:
        runner = CliRunner()
        result = runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run
