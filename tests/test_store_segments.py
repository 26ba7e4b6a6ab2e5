"""Issue 9: the archive split into segment files, so a write rewrites only what it changed.

Segments hold 2,000 articles in use; here they hold 3, so a handful of articles exercises
sealing, rewriting, retiring and repairing. Everything runs through the real CLI on real
files, and the segment files are checked with stock TinyDB.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from tinydb import TinyDB

from newsarchive.store import atomic, backups, segments
from newsarchive.store.tinystore import ArchiveStore, ArchiveView
from newsarchive.store.fingerprint import segments_folder
from newsarchive.store.jsonfile import parse_archive
from tests.faults_support import article, load_articles, write_jsonl

SIZE = 3


@pytest.fixture(autouse=True)
def small_segments(monkeypatch):
    monkeypatch.setattr(segments, "DEFAULT_SEGMENT_SIZE", SIZE)


@pytest.fixture
def archive(run_cli, isolated_archive, tmp_path):
    """Seven articles imported one batch at a time: two sealed segments and one inline."""
    source = write_jsonl(tmp_path / "seven.jsonl", [article("seg", i, url=f"https://example.org/a/{i}") for i in range(7)])
    result = run_cli("import", source, "--format", "jsonl")
    assert result.code == 0, result
    return isolated_archive


def manifest(db: Path) -> dict:
    return json.loads(db.read_text())


def segment_files(db: Path) -> dict[str, str]:
    """Segment number -> file name, as the archive file names them."""
    return {number: doc["file"] for number, doc in manifest(db).get("segments", {}).items()}


def folder(db: Path) -> Path:
    return segments_folder(db)


def ids_in_segment(db: Path, number: str) -> list[str]:
    return manifest(db)["segments"][number]["ids"]


def test_old_articles_are_sealed_into_plain_tinydb_segment_files(archive, run_cli):
    data = manifest(archive)
    assert data["meta"]["1"]["schema_version"] == 2
    assert len(data["articles"]) == 1  # 7 = 2 sealed segments of 3, and 1 inline
    files = segment_files(archive)
    assert sorted(files) == ["1", "2"]
    for number, name in files.items():
        with TinyDB(folder(archive) / name) as db:  # stock TinyDB opens a segment
            stored = db.table("articles").all()
        assert sorted(r["id"] for r in stored) == sorted(ids_in_segment(archive, number))
        assert len(stored) == SIZE
    listed = run_cli("list", "--format", "ids").stdout.split()
    assert len(listed) == 7
    # Every article is readable, wherever it lives.
    assert {run_cli("show", i, "--format", "json").json()["id"] for i in listed} == set(listed)
    assert run_cli("search", "Report seg 0", "--format", "ids").stdout.split()[:1] == [ids_in_segment(archive, "1")[0]]


def test_a_tag_rewrites_only_the_segment_holding_the_article(archive, run_cli):
    before = segment_files(archive)
    untouched = os.stat(folder(archive) / before["2"])
    target = ids_in_segment(archive, "1")[1]
    assert run_cli("tag", target, "segmented").code == 0
    after = segment_files(archive)
    assert after["1"] != before["1"]  # a new version under a new name
    assert after["2"] == before["2"]
    assert os.stat(folder(archive) / after["2"]).st_ino == untouched.st_ino
    assert "segmented" in run_cli("show", target, "--format", "json").json()["tags"]
    assert load_articles(archive)[target]["tags"] == ["segmented"]


def test_one_write_changing_articles_in_several_segments_keeps_every_change(archive, run_cli):
    targets = [ids_in_segment(archive, "1")[0], ids_in_segment(archive, "2")[2], run_cli("list", "--format", "ids").stdout.split()[0]]
    assert run_cli("tag", *targets, "everywhere").code == 0
    stored = load_articles(archive)
    assert all(stored[t]["tags"] == ["everywhere"] for t in targets)
    assert sum(r["tags"] == ["everywhere"] for r in stored.values()) == len(set(targets))


def test_retired_segments_stay_while_a_backup_names_them(archive, run_cli):
    target = ids_in_segment(archive, "1")[0]
    for n in range(6):
        assert run_cli("tag", target, f"round{n}").code == 0
        # Every backup still opens whole: the segments it names were kept.
        for backup in backups.backup_paths(archive):
            view = ArchiveView(archive, parse_archive(backup.read_bytes(), backup))
            view.load_all()
            assert len(view) == 7
    names = {p.name for p in folder(archive).iterdir() if segments.is_segment_name(p.name)}
    # The two live segments, and the versions of segment 1 the three backups name.
    assert len(names) <= 2 + backups.KEEP
    assert set(segment_files(archive).values()) <= names


def test_delete_empties_and_drops_a_segment(archive, run_cli):
    doomed = ids_in_segment(archive, "2")
    assert run_cli("delete", *doomed, "--yes").code == 0
    assert sorted(segment_files(archive)) == ["1"]
    assert len(run_cli("list", "--format", "ids").stdout.split()) == 4
    for gone in doomed:
        assert run_cli("show", gone).code == 1


def test_duplicates_are_found_in_sealed_segments_with_or_without_their_keys(archive, run_cli, tmp_path):
    again = write_jsonl(tmp_path / "again.jsonl", [article("seg", i, url=f"https://example.org/a/{i}") for i in range(7)])
    first = run_cli("import", again, "--format", "jsonl", "--json").json()
    assert len(first["duplicates"]) == 7 and not first["imported"]
    for keys in folder(archive).glob("*" + segments.KEYS_SUFFIX):
        keys.unlink()  # derived: recomputed from the segment itself
    second = run_cli("import", again, "--format", "jsonl", "--json").json()
    assert len(second["duplicates"]) == 7 and not second["imported"]
    assert len(list(folder(archive).glob("*" + segments.KEYS_SUFFIX))) == 2


def test_a_segment_edited_by_hand_is_seen_by_the_next_search(archive, run_cli):
    assert run_cli("search", "zebracorn").code == 1  # the index is built, and fresh
    path = folder(archive) / segment_files(archive)["1"]
    path.write_text(path.read_text().replace("Report seg number 1", "Zebracorn seg number 1"))
    found = run_cli("search", "zebracorn", "--format", "ids")
    assert found.code == 0, found
    assert found.stdout.split() == [ids_in_segment(archive, "1")[1]]


def test_a_missing_segment_is_reported_with_its_path_and_the_fix(archive, run_cli):
    path = folder(archive) / segment_files(archive)["2"]
    path.unlink()
    result = run_cli("list")
    assert result.code == 3
    assert str(path) in result.stderr and "check --repair" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_repair_keeps_what_is_readable_of_a_damaged_segment(archive, run_cli):
    names = segment_files(archive)
    first, *lost = ids_in_segment(archive, "2")
    damaged = folder(archive) / names["2"]
    lines = damaged.read_bytes().split(b"\n")
    # Cut inside the second article: the first stays readable line by line, the rest is lost.
    damaged.write_bytes(b"\n".join(lines[:3]) + b"\n" + lines[3][:40])
    check = run_cli("check")
    assert check.code == 3 and str(damaged) in check.stderr
    repaired = run_cli("check", "--repair")
    assert repaired.code == 0, repaired
    assert f"Mended segment {names['2']}" in repaired.stderr
    assert "Lost 2 articles" in repaired.stderr and all(i in repaired.stderr for i in lost)
    articles = load_articles(archive)
    assert len(articles) == 5 and first in articles
    assert run_cli("check").code == 0
    assert len(run_cli("list", "--format", "ids").stdout.split()) == 5


def test_check_repair_restores_a_damaged_archive_file_and_its_segments_stay(archive, run_cli):
    target = ids_in_segment(archive, "2")[0]
    assert run_cli("tag", target, "lost-in-repair").code == 0
    archive.write_bytes(archive.read_bytes()[:100])  # the archive file itself is truncated
    assert run_cli("list").code == 3
    repaired = run_cli("check", "--repair")
    assert repaired.code == 0, repaired
    assert "Restored 7 articles from" in repaired.stderr
    articles = load_articles(archive)
    assert len(articles) == 7
    assert articles[target]["tags"] == []  # the write after the backup is what was lost
    assert run_cli("check").code == 0


def test_a_segment_whose_ids_were_changed_by_hand_is_reported_and_relisted(archive, run_cli):
    path = folder(archive) / segment_files(archive)["1"]
    gone = ids_in_segment(archive, "1")[0]
    text = path.read_text()
    path.write_text(text.replace(f'"id":"{gone}"', '"id":"feedfacecafe"'))
    assert run_cli("tag", gone, "x").code == 1  # not found, not a crash
    check = run_cli("check")
    assert check.code == 3 and "does not hold the articles the archive file lists" in check.stderr
    assert run_cli("check", "--repair").code == 0
    assert "feedfacecafe" in ids_in_segment(archive, "1") and gone not in ids_in_segment(archive, "1")
    assert run_cli("check").code == 0
    assert run_cli("show", "feedfacecafe", "--format", "json").code == 0


def test_a_one_file_archive_is_split_on_its_first_write(run_cli, isolated_archive, tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "DEFAULT_SEGMENT_SIZE", 1000)
    source = write_jsonl(tmp_path / "seven.jsonl", [article("old", i) for i in range(7)])
    assert run_cli("import", source, "--format", "jsonl").code == 0
    assert manifest(isolated_archive)["meta"]["1"]["schema_version"] == 1
    assert "segments" not in manifest(isolated_archive)
    monkeypatch.setattr(segments, "DEFAULT_SEGMENT_SIZE", SIZE)
    some = run_cli("list", "--format", "ids").stdout.split()[0]
    assert run_cli("tag", some, "split").code == 0
    assert sorted(segment_files(isolated_archive)) == ["1", "2"]
    assert len(load_articles(isolated_archive)) == 7
    assert run_cli("check").code == 0


def test_stock_tinydb_readers_of_the_old_schema_are_refused_politely(archive):
    # A newsarchive that knows only schema 1 would miss the segments' articles; the schema
    # number is what stops it. This one reads schema 2, and refuses anything newer.
    data = manifest(archive)
    data["meta"]["1"]["schema_version"] = 3
    archive.write_text(json.dumps(data))
    with pytest.raises(Exception, match="newer newsarchive"):
        ArchiveStore(archive).read()


class FailingOs:
    """`os` for the store's modules: the Nth call of one kind fails."""

    def __init__(self, kind: str, at: int) -> None:
        self.kind, self.at, self.calls, self.failed = kind, at, 0, False

    def __getattr__(self, name: str):
        real = getattr(os, name)
        if name != self.kind:
            return real

        def call(*args, **kwargs):
            self.calls += 1
            if self.calls == self.at:
                self.failed = True
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(*args, **kwargs)

        return call


@pytest.mark.parametrize("kind", ["write", "replace"])
def test_a_failing_write_of_a_segmented_archive_changes_nothing(archive, run_cli, monkeypatch, tmp_path, kind):
    """Each write or rename of an import that seals a new segment fails in turn: either the
    import failed and the archive holds what it held, or it landed whole."""
    source = write_jsonl(tmp_path / "more.jsonl", [article("more", i) for i in range(4)])
    for n in range(1, 40):
        before = load_articles(archive)
        failing = FailingOs(kind, n)
        monkeypatch.setattr(atomic, "os", failing)
        monkeypatch.setattr(backups, "os", failing)
        result = run_cli("import", source, "--format", "jsonl")
        monkeypatch.setattr(atomic, "os", os)
        monkeypatch.setattr(backups, "os", os)
        after = load_articles(archive)
        if not failing.failed:
            assert result.code == 0
            assert len(after) == len(before) + 4
            return
        assert len(after) in (len(before), len(before) + 4), (kind, n)
        if len(after) == len(before):
            assert result.code == 3, (kind, n, result)
            assert after == before
        else:
            # Landed (the fault hit a derived file written after the archive): undo it.
            assert run_cli("delete", *(set(after) - set(before)), "--yes").code == 0
        assert run_cli("check").code == 0, (kind, n)
    pytest.fail("the import never got past the injected faults")


def test_delete_keeps_a_shared_original_and_parses_only_the_segments_it_changes(archive, run_cli, monkeypatch):
    from newsarchive.store import tinystore
    from newsarchive.store.originals import OriginalsStore

    (digest,) = OriginalsStore(archive).all_digests()  # one JSONL file: one original for all seven
    parsed: list[str] = []
    real_parse = tinystore.parse_archive
    monkeypatch.setattr(tinystore, "parse_archive", lambda data, path: parsed.append(Path(path).name) or real_parse(data, path))
    victim = ids_in_segment(archive, "1")[0]
    assert run_cli("delete", victim, "--yes").code == 0
    segment_2 = segment_files(archive)["2"]
    assert segment_2 not in parsed  # its summaries came from its keys file
    assert OriginalsStore(archive).has(digest)  # six articles still refer to it
    rest = run_cli("list", "--format", "ids").stdout.split()
    assert run_cli("delete", *rest, "--yes").code == 0
    assert not OriginalsStore(archive).has(digest)


@pytest.mark.parametrize("value", ["0", "two thousand", "-5"])
def test_an_unusable_segment_size_is_refused_with_the_fix(run_cli, monkeypatch, tmp_path, value):
    monkeypatch.setenv(segments.SEGMENT_SIZE_VARIABLE, value)
    source = write_jsonl(tmp_path / "one.jsonl", [article("x", 1)])
    result = run_cli("import", source, "--format", "jsonl")
    assert result.code == 3
    assert "NEWSARCHIVE_SEGMENT_SIZE must be a whole number" in result.stderr
    assert "unset NEWSARCHIVE_SEGMENT_SIZE" in result.stderr


def test_an_interrupt_before_the_rename_is_known_not_to_have_landed(archive, monkeypatch):
    """A Ctrl-C after new segment files are written but before the archive file is
    replaced: the transaction must not claim a write that did not happen."""
    store = ArchiveStore(archive, segment_size=SIZE)
    before = load_articles(archive)

    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr(backups, "rotate_in", interrupted)
    records = [dict(article("late", i), id=f"{i:012x}", tags=[], notes=[]) for i in range(4)]
    with pytest.raises(KeyboardInterrupt):
        with store.transaction() as txn:
            txn.insert(records)  # seals a new segment, written before the rename
    assert txn.committed is False
    assert load_articles(archive) == before


def test_names_in_the_archive_file_never_reach_outside_the_segments_folder(archive, run_cli, tmp_path):
    precious = tmp_path / "elsewhere" / "precious.json"
    precious.parent.mkdir()
    precious.write_text("{}")
    data = manifest(archive)
    data["meta"]["1"]["retired"] = [{"file": str(precious), "at": -10}, {"file": "../../elsewhere/precious.json", "at": -10}]
    archive.write_text(json.dumps(data))
    assert run_cli("tag", ids_in_segment(archive, "1")[0], "x").code == 0
    assert precious.exists()  # never deleted, only forgotten
    data = manifest(archive)
    data["segments"]["1"]["file"] = "../../elsewhere/precious.json"
    archive.write_text(json.dumps(data))
    refused = run_cli("list")
    assert refused.code == 3 and "table 'segments' is damaged" in refused.stderr


def test_a_keys_file_that_lies_does_not_cost_an_original(archive, run_cli):
    from newsarchive.store.originals import OriginalsStore

    (digest,) = OriginalsStore(archive).all_digests()
    for keys in folder(archive).glob("*" + segments.KEYS_SUFFIX):
        data = json.loads(keys.read_text())
        for entry in data["keys"]:
            entry[3] = []  # "refers to no original"
        keys.write_text(json.dumps(data))
    inline = manifest(archive)["articles"]["7"]["id"] if "7" in manifest(archive)["articles"] else next(
        doc["id"] for doc in manifest(archive)["articles"].values())
    assert run_cli("delete", inline, "--yes").code == 0
    assert OriginalsStore(archive).has(digest)  # the segments' own bytes still name it
    assert run_cli("check").code == 0


def test_a_keys_file_of_the_wrong_shape_is_recomputed(archive, run_cli, tmp_path):
    for keys in folder(archive).glob("*" + segments.KEYS_SUFFIX):
        data = json.loads(keys.read_text())
        data["keys"] = [[["not", "an", "id"], 1, 2, "x", 3, 4, 5] for _ in data["keys"]]
        keys.write_text(json.dumps(data))
    again = write_jsonl(tmp_path / "again.jsonl", [article("seg", i, url=f"https://example.org/a/{i}") for i in range(7)])
    result = run_cli("import", again, "--format", "jsonl", "--json")
    assert result.code == 1 or result.code == 0, result
    assert len(result.json()["duplicates"]) == 7


def test_a_backup_put_back_by_hand_keeps_the_segments_other_backups_name(archive, run_cli):
    target = ids_in_segment(archive, "1")[0]
    for n in range(3):
        assert run_cli("tag", target, f"r{n}").code == 0
    # Put back the oldest backup by hand, then keep writing: the retired list of that older
    # version does not know the files the other backups name.
    oldest = backups.backup_paths(archive)[-1]
    archive.write_bytes(oldest.read_bytes())
    for n in range(5):
        assert run_cli("tag", target, f"s{n}").code == 0
        for backup in backups.backup_paths(archive):
            view = ArchiveView(archive, parse_archive(backup.read_bytes(), backup))
            view.load_all()  # every segment every backup names is still there


def test_a_failure_after_the_rename_reports_the_write_as_done(archive, run_cli, monkeypatch):
    def refuse(folder, name):
        raise PermissionError(13, "Permission denied")

    target = ids_in_segment(archive, "1")[0]
    for n in range(4):  # enough writes for a retired file to expire
        monkeypatch.setattr(segments, "remove_segment", refuse)
        result = run_cli("tag", target, f"t{n}")
        assert result.code == 0, result
    assert load_articles(archive)[target]["tags"] == ["t0", "t1", "t2", "t3"]


def test_segment_files_nothing_names_are_removed_by_the_next_writer(archive, run_cli):
    orphan = folder(archive) / segments.new_segment_name(9)
    orphan.write_text('{"articles": {}}')
    segments.keys_path(orphan).write_text("{}")
    stray_keys = folder(archive) / "00042-0123456789ab.keys.json"
    stray_keys.write_text("{}")
    assert run_cli("tag", ids_in_segment(archive, "1")[0], "x").code == 0
    assert not orphan.exists() and not segments.keys_path(orphan).exists() and not stray_keys.exists()


def test_a_segment_written_but_not_yet_named_leaves_the_index_fresh(archive, run_cli, monkeypatch):
    from newsarchive.search import index as search_index

    assert run_cli("search", "report").code == 0  # the index is built and fresh
    (folder(archive) / segments.new_segment_name(9)).write_text('{"articles": {}}')
    synced = []
    monkeypatch.setattr(search_index.SearchIndex, "sync", lambda self, *a, **k: synced.append(1))
    assert run_cli("search", "report").code == 0
    assert synced == []


def test_stats_counts_segments_not_their_derived_keys(archive, run_cli):
    figures = run_cli("stats", "--format", "json").json()
    expected = archive.stat().st_size + sum(p.stat().st_size for p in folder(archive).iterdir()
                                            if segments.is_segment_name(p.name))
    assert figures["archive_bytes"] == expected


def test_check_and_reindex_put_right_a_keys_file_that_lies(archive, run_cli):
    path = next(folder(archive).glob("*" + segments.KEYS_SUFFIX))
    truthful = path.read_text()
    data = json.loads(truthful)
    data["keys"][0][1] = "https://example.org/somewhere-else"
    path.write_text(json.dumps(data))
    assert run_cli("check").code == 0
    assert json.loads(path.read_text())["keys"] == json.loads(truthful)["keys"]
    path.write_text(json.dumps(data))
    assert run_cli("reindex").code == 0
    assert json.loads(path.read_text())["keys"] == json.loads(truthful)["keys"]
