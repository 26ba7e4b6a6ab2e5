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


def console_commands() -> list[str]:
    """The `$ ` lines of the README's console blocks, in order."""
    blocks = re.findall(r"```console\n(.+?)```", README, re.DOTALL)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ ")]


def test_every_readme_example_runs(tmp_path):
    """The command sections' examples, run in order as a shell would, on the sample data."""
    commands = console_commands()
    assert len(commands) >= 20
    (tmp_path / "data").symlink_to(ROOT / "data")
    lines = [
        f'newsarchive() {{ "{sys.executable}" -m newsarchive "$@"; }}',
        f'export NEWSARCHIVE_DB="{tmp_path}/archive.json" NO_COLOR=1',
    ]
    for command in commands:
        lines.append(command)
        lines.append(f'rc=$?; if [ $rc -ne 0 ]; then echo "README example failed with $rc: {shlex.quote(command)}"; exit 1; fi')
    script = tmp_path / "readme.sh"
    script.write_text("\n".join(lines) + "\n")
    result = subprocess.run(["bash", str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert (tmp_path / "exports" / "site" / "index.html").exists()
