"""README.md stays true: its quick start runs, and CI runs exactly its test command."""

import re
import shlex
import subprocess
import sys

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
QUICK_START = re.findall(r"```sh\n(.+?)\n```", README, re.DOTALL)[:2]


def test_readme_opens_with_the_two_quick_start_commands():
    assert len(QUICK_START) == 2
    assert "import data/" in QUICK_START[0] and "search" in QUICK_START[0]
    assert "pip install" in QUICK_START[1] and "[test]" in QUICK_START[1]


def test_ci_runs_exactly_the_readme_test_command():
    test_command = QUICK_START[1].split(" && ")[-1]
    ci_script = (ROOT / ".ci" / "run").read_text()
    assert test_command in ci_script
    assert ".[test]" in ci_script and "pip install --quiet --upgrade pip" in ci_script


def test_quick_start_imports_the_samples_and_finds_them(tmp_path):
    """Everything after the install, with this interpreter's newsarchive and a temporary archive."""
    steps = [shlex.split(step) for step in QUICK_START[0].split(" && ") if "newsarchive " in step]
    assert [argv[3] for argv in steps] == ["import", "search"]
    for argv in steps:
        assert argv[1:3] == ["--db", "demo/archive.json"]
        command = [sys.executable, "-m", "newsarchive", "--db", str(tmp_path / "archive.json"), *argv[3:]]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert "flood" in result.stdout.lower()
