"""The layering of DESIGN.md holds: the core never imports click or rich, and --help stays light."""

import ast
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "newsarchive"
CORE = ("model.py", "errors.py", "filters.py", "inputs.py", "ingest.py", "archive.py", "learning.py", "neardupes.py",
        "reextraction.py", "verification.py", "store", "extract", "search", "export")
UI_LIBRARIES = {"click", "rich"}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def core_files():
    for name in CORE:
        target = PACKAGE / name
        yield from (sorted(target.rglob("*.py")) if target.is_dir() else [target])


@pytest.mark.parametrize("path", list(core_files()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_modules_never_import_click_or_rich(path):
    bad = {m for m in imported_modules(path) if m.split(".")[0] in UI_LIBRARIES}
    bad |= {m for m in imported_modules(path) if m.startswith(("newsarchive.cli", "newsarchive.render"))}
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_only_the_store_module_imports_tinydb():
    users = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if any(m.split(".")[0] == "tinydb" for m in imported_modules(p)))
    assert users == ["store/tinystore.py"]


def test_help_does_not_load_heavy_modules():
    code = (
        "import sys\n"
        "from newsarchive.cli.app import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('rich', 'trafilatura', 'warcio', 'feedparser', 'lxml', 'tinydb') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "HEAVY="


def test_search_as_json_loads_only_what_it_prints(tmp_path):
    """Issue 9: a scripted search must not pay for Rich, TinyDB, the export registry or the
    other commands' modules while the index is fresh."""
    db = tmp_path / "a.json"
    env = {**os.environ, "NEWSARCHIVE_DB": str(db)}
    article = {"title": "River levels rise", "body": "The river rose overnight.", "published": "2024-01-02"}
    subprocess.run([sys.executable, "-m", "newsarchive", "import", "-"], input=json.dumps(article), text=True,
                   env=env, capture_output=True, check=True)
    subprocess.run([sys.executable, "-m", "newsarchive", "search", "river", "--format", "json"], env=env,
                   capture_output=True, check=True)  # brings the index up to date
    code = (
        "import sys\n"
        "from newsarchive.cli.app import cli\n"
        "cli.main(['search', 'river', '--format', 'json'], standalone_mode=False)\n"
        "loaded = [m for m in ('rich', 'tinydb', 'newsarchive.export', 'newsarchive.cli.importing',\n"
        "          'newsarchive.cli.reading', 'newsarchive.cli.curating', 'newsarchive.cli.maintaining',\n"
        "          'snowballstemmer', 'csv') if m in sys.modules]\n"
        "print('LOADED=' + ','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert '"River levels rise"' in out
    assert out.strip().splitlines()[-1] == "LOADED="


def test_every_command_module_command_is_registered():
    """The group loads commands by name on demand; a command added to a module's COMMANDS
    but not to the registry would silently vanish."""
    from newsarchive.cli import curating, importing, maintaining, reading, searching
    from newsarchive.cli.app import COMMANDS, cli

    defined = {command.name for module in (importing, searching, reading, curating, maintaining)
               for command in module.COMMANDS}
    assert set(COMMANDS) == defined
    for name in defined:
        assert cli.get_command(None, name).name == name
