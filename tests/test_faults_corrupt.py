"""Issue 8, row 6: a damaged archive file is refused, never overwritten, and repairable.

Every command refuses a truncated file, trailing garbage, a top level that is not an object
and invalid UTF-8 with exit 3, naming the file and the byte offset of the damage; a write
command attempted on it leaves it byte-identical; `check --repair` puts back the newest
backup that loads, keeps the damaged file, and says what was lost.
"""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from newsarchive.store import backups
from tests.faults_support import article, assert_no_traceback, load_articles, run_cli, run_in_process, write_jsonl


@pytest.fixture(scope="module")
def three_versions(tmp_path_factory):
    """An archive written three times (so two backups exist): 2, then 4, then 6 articles."""
    root = tmp_path_factory.mktemp("corrupt")
    db = root / "good" / "news.json"
    for step in range(3):
        source = write_jsonl(root / f"step{step}.jsonl", [article(f"s{step}", i) for i in range(2)])
        assert run_in_process(db, "import", source, "--format", "jsonl").returncode == 0
    return db


@pytest.fixture
def archive(tmp_path, three_versions):
    """A private copy of the three-version archive, with its backups."""
    import shutil

    db = tmp_path / "a" / "news.json"
    db.parent.mkdir()
    db.write_bytes(three_versions.read_bytes())
    # The folder beside it too: backups, the kept originals (`check` verifies them) and
    # derived files, which follow the archive by name.
    shutil.copytree(three_versions.with_name(three_versions.name + ".d"), db.with_name(db.name + ".d"))
    return db


def _truncated(data: bytes) -> tuple[bytes, int | None]:
    cut = len(data) // 2
    return data[:cut], None  # the parser notices at or before the end


def _trailing_garbage(data: bytes) -> tuple[bytes, int | None]:
    return data + b"garbage\n", len(data)


def _not_an_object(data: bytes) -> tuple[bytes, int | None]:
    return b'[{"title": "a list, not tables"}]\n', 0


def _invalid_utf8(data: bytes) -> tuple[bytes, int | None]:
    at = data.index(b"Report")
    return data[:at] + b"\xff\xfe" + data[at + 2:], at


def _string_doc_ids(data: bytes) -> tuple[bytes, int | None]:
    # Documents keyed by article id, as an early version of the store wrote them: TinyDB's
    # document ids are integers, so this is not an archive TinyDB (or we) can use.
    tables = orjson.loads(data)
    tables["articles"] = {doc["id"]: doc for doc in tables["articles"].values()}
    return orjson.dumps(tables), None


def _empty_object_table(data: bytes) -> tuple[bytes, int | None]:
    return b'{"articles": []}', None


DAMAGE = {
    "truncated": _truncated,
    "trailing-garbage": _trailing_garbage,
    "not-an-object": _not_an_object,
    "invalid-utf8": _invalid_utf8,
    "string-doc-ids": _string_doc_ids,
    "table-not-an-object": _empty_object_table,
}

READS = [("list", "--format", "json"), ("export",), ("stats",), ("check",), ("tags",)]
WRITES = [("import", "{new}", "--format", "jsonl"), ("tag", "{id}", "x"), ("note", "{id}", "n"),
          ("edit", "{id}", "--title", "T"), ("delete", "{id}", "--yes")]


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_archive_is_refused_and_never_overwritten(tmp_path, archive, damage):
    good = load_articles(archive)
    some_id = sorted(good)[0]
    damaged, offset = DAMAGE[damage](archive.read_bytes())
    archive.write_bytes(damaged)
    new = write_jsonl(tmp_path / "new.jsonl", [article("new", 0)])
    for number, command in enumerate(READS + WRITES):
        args = [a.format(new=new, id=some_id) for a in command]
        # The first runs as a real process; the rest in-process, which is quicker.
        result = run_cli(archive, *args) if number == 0 else run_in_process(archive, *args)
        assert result.returncode == 3, (args, result)
        assert_no_traceback(result)
        assert f"cannot read archive {archive}" in result.stderr, (args, result.stderr)
        assert "check --repair" in result.stderr  # the hint says how to get out
        if offset is not None:
            assert f"byte offset {offset}" in result.stderr, (args, result.stderr)
        elif damage == "truncated":
            found = int(re.search(r"byte offset (\d+)", result.stderr)[1])
            assert 0 < found <= len(damaged)
        assert archive.read_bytes() == damaged, f"{args} changed the damaged archive"


@pytest.mark.parametrize("damage", DAMAGE)
def test_check_repair_restores_the_newest_good_backup(archive, damage):
    newest_backup = load_articles(backups.backup_paths(archive)[0])  # the version before the last write
    damaged, _ = DAMAGE[damage](archive.read_bytes())
    archive.write_bytes(damaged)

    result = run_cli(archive, "check", "--repair")
    assert result.returncode == 0, result
    assert "Restored 4 articles from" in result.stderr, result.stderr
    assert "changes made after that are lost" in result.stderr
    kept = re.search(r"The damaged file is kept as (\S+?)\.?$", result.stderr, re.M)[1]
    assert Path(kept).read_bytes() == damaged
    assert load_articles(archive) == newest_backup
    # The repaired archive works for writes again.
    assert run_in_process(archive, "tag", sorted(newest_backup)[0], "after-repair").returncode == 0


def test_repair_skips_backups_that_do_not_load(archive):
    paths = backups.backup_paths(archive)
    assert len(paths) == 2
    oldest = load_articles(paths[1])
    paths[0].write_bytes(b'{"articles": {"1": ')  # the newest backup is damaged too
    archive.write_bytes(b"\x00\x00\x00")
    result = run_cli(archive, "check", "--repair")
    assert result.returncode == 0, result
    assert f"Restored 2 articles from {paths[1]}" in result.stderr
    assert load_articles(archive) == oldest


def test_repair_with_no_usable_backup_changes_nothing(archive):
    for path in backups.backup_paths(archive):
        path.write_bytes(b"not json")
    archive.write_bytes(b"{broken")
    result = run_cli(archive, "check", "--repair")
    assert result.returncode == 3, result
    assert "no backup of" in result.stderr
    assert_no_traceback(result)
    assert archive.read_bytes() == b"{broken"


def test_repair_of_a_good_archive_changes_nothing(archive):
    before = archive.read_bytes()
    result = run_cli(archive, "check", "--repair")
    assert result.returncode == 0, result
    assert "nothing to repair" in result.stderr
    assert archive.read_bytes() == before


def test_backups_rotate_and_keep_three(tmp_path):
    db = tmp_path / "rot" / "news.json"
    versions = []
    for step in range(5):
        source = write_jsonl(tmp_path / f"r{step}.jsonl", [article(f"r{step}", 0)])
        assert run_in_process(db, "import", source, "--format", "jsonl").returncode == 0
        versions.append(db.read_bytes())
    paths = backups.backup_paths(db)
    assert len(paths) == backups.KEEP == 3
    # Newest first: the versions before the last, second-last and third-last writes.
    assert [p.read_bytes() for p in paths] == versions[-2::-1][:3]


def test_repair_that_cannot_write_leaves_the_damaged_archive_in_place(archive, monkeypatch):
    """A repair failing half-way (disk full) must not leave the archive path missing, which
    would read as an empty archive; it exits 3 and the damaged file is still there."""
    import errno
    import os

    from newsarchive.store import atomic

    damaged = b"{damaged"
    archive.write_bytes(damaged)

    class FullOs:
        def __getattr__(self, name):
            if name == "write":
                def write(*args):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                return write
            return getattr(os, name)

    monkeypatch.setattr(atomic, "os", FullOs())
    result = run_in_process(archive, "check", "--repair")
    monkeypatch.undo()
    assert result.returncode == 3, result
    assert "No space left on device" in result.stderr
    assert_no_traceback(result)
    assert archive.read_bytes() == damaged


def test_two_repairs_keep_both_damaged_files(archive):
    archive.write_bytes(b"first damage")
    assert run_in_process(archive, "check", "--repair").returncode == 0
    archive.write_bytes(b"second damage")
    assert run_in_process(archive, "check", "--repair").returncode == 0
    kept = sorted(p.read_bytes() for p in backups.backups_folder(archive).glob("*.damaged-*"))
    assert kept == [b"first damage", b"second damage"]
