"""The store: atomic transactions, the file format, schema version, locking, backups, originals."""

import gzip
import json
import os
import tracemalloc

import pytest

from newsarchive.errors import AmbiguousIdError, ArchiveBusyError, ArchiveError, NotFoundError
from newsarchive.store.tinystore import ArchiveStore
from newsarchive.store.backups import backup_paths, repair
from newsarchive.store.lock import ArchiveLock
from newsarchive.store.originals import OriginalsStore, sha256_of


def record(article_id: str, **fields) -> dict:
    return {"id": article_id, "title": f"Title {article_id}", "body": "Body text.", **fields}


@pytest.fixture
def store(tmp_path):
    return ArchiveStore(tmp_path / "sub" / "news.json", lock_timeout=0.2)


def test_a_missing_archive_reads_as_empty_and_is_not_created(store):
    assert len(store.read()) == 0
    assert not store.path.exists()


def test_transaction_writes_a_plain_tinydb_file(store):
    with store.transaction() as txn:
        txn.insert([record("a1"), record("b2")])
    data = json.loads(store.path.read_text())
    assert {d["id"] for d in data["articles"].values()} == {"a1", "b2"}
    assert data["meta"]["1"]["schema_version"] == 1
    # One document per line keeps the file readable and diffable.
    assert store.path.read_text().count("\n") >= 6


def test_the_file_opens_with_stock_tinydb(store):
    from tinydb import TinyDB

    with store.transaction() as txn:
        txn.insert([record("a1")])
    with TinyDB(store.path) as db:
        assert db.table("articles").all()[0]["title"] == "Title a1"


def test_a_failing_block_writes_nothing(store):
    with store.transaction() as txn:
        txn.insert([record("a1")])
    before = store.path.read_bytes()
    with pytest.raises(RuntimeError):
        with store.transaction() as txn:
            txn.insert([record("b2")])
            raise RuntimeError("boom")
    assert store.path.read_bytes() == before


def test_a_transaction_that_changes_nothing_does_not_rewrite(store):
    with store.transaction() as txn:
        txn.insert([record("a1")])
    fingerprint = store.fingerprint()
    with store.transaction() as txn:
        txn.get("a1")
    assert store.fingerprint() == fingerprint


def test_replace_and_remove_are_tracked_as_changes(store):
    with store.transaction() as txn:
        txn.insert([record("a1"), record("b2")])
    with store.transaction() as txn:
        txn.replace(record("a1", title="New"))
        txn.remove(["b2"])
        assert set(txn.changes.upserted) == {"a1"}
        assert txn.changes.deleted == {"b2"}
    view = store.read()
    assert view.get("a1")["title"] == "New"
    assert view.get("b2") is None


def test_replace_drops_fields_the_new_record_lacks(store):
    with store.transaction() as txn:
        txn.insert([record("a1", subtitle="old")])
    with store.transaction() as txn:
        txn.replace(record("a1"))
    assert "subtitle" not in store.read().get("a1")


def test_ids_resolve_by_unique_prefix(store):
    with store.transaction() as txn:
        txn.insert([record("abc111"), record("abd222")])
    view = store.read()
    assert view.resolve("abc") == "abc111"
    with pytest.raises(AmbiguousIdError, match="matches 2 articles"):
        view.resolve("ab")
    with pytest.raises(NotFoundError, match="no article with id 'zz'"):
        view.resolve("zz")


def test_a_newer_schema_is_refused_and_left_alone(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"articles": {}, "meta": {"1": {"schema_version": 99}}}')
    before = store.path.read_bytes()
    with pytest.raises(ArchiveError, match="newer newsarchive"):
        store.read()
    with pytest.raises(ArchiveError):
        with store.transaction():
            pass
    assert store.path.read_bytes() == before


@pytest.mark.parametrize(
    "content, reason",
    [
        (b'{"articles": {"a": {"id": "a"', "not valid JSON at byte offset"),
        (b'{"articles": {}}garbage', "not valid JSON at byte offset 16"),
        (b"[1, 2]", "not an object of tables"),
        (b'{"articles": {"a": "x"}}', "table 'articles' is not an object of documents"),
        (b'{"articles": {"\xff": {}}}', "invalid UTF-8 at byte offset 15"),
    ],
)
def test_a_broken_file_is_refused_with_the_offset_and_never_overwritten(store, content, reason):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    with pytest.raises(ArchiveError, match=reason) as caught:
        with store.transaction() as txn:
            txn.insert([record("a1")])
    assert str(store.path) in str(caught.value)
    assert store.path.read_bytes() == content


def test_stale_temp_files_are_removed_by_the_next_writer(store):
    store.path.parent.mkdir(parents=True)
    stale = store.path.with_name(f".tmp-{store.path.name}.123.abcd")
    stale.write_text("half")
    with store.transaction() as txn:
        txn.insert([record("a1")])
    assert not stale.exists()


def test_a_held_lock_makes_writers_fail_with_the_holder_pid(store):
    store.path.parent.mkdir(parents=True)
    with ArchiveLock(store.path, timeout=1):
        with pytest.raises(ArchiveBusyError, match=rf"archive is busy \(locked by PID {os.getpid()}\)"):
            with store.transaction():
                pass


def test_backups_rotate_and_keep_three(store):
    for n in range(5):
        with store.transaction() as txn:
            txn.insert([record(f"id{n}")])
    backups = backup_paths(store.path)
    assert len(backups) == 3
    newest = json.loads(backups[0].read_text())
    assert {d["id"] for d in newest["articles"].values()} == {"id0", "id1", "id2", "id3"}


def test_repair_restores_the_newest_backup_that_loads(store):
    for n in range(3):
        with store.transaction() as txn:
            txn.insert([record(f"id{n}")])
    store.path.write_bytes(b"{ broken")
    report = repair(store)
    assert report.articles == 2
    assert report.damaged_kept_as.read_bytes() == b"{ broken"
    assert set(store.read().ids()) == {"id0", "id1"}


def test_originals_are_content_addressed_and_verified(tmp_path):
    originals = OriginalsStore(tmp_path / "news.json")
    digest = originals.put(b"page bytes")
    assert digest == sha256_of(b"page bytes")
    assert originals.get(digest) == b"page bytes"
    assert originals.put(b"page bytes") == digest  # stored once
    assert originals.verify(digest) is None
    originals.path_for(digest).write_bytes(gzip.compress(b"page bytes, altered"))
    assert originals.verify(digest) == "content does not match its sha256"
    originals.path_for(digest).write_bytes(gzip.compress(b"page bytes")[:-6])  # cut short
    assert originals.verify(digest).startswith("unreadable")
    originals.path_for(digest).write_bytes(b"not gzip")
    assert originals.verify(digest).startswith("unreadable")
    originals.remove(digest)
    assert originals.verify(digest) == "missing"


def test_a_large_original_is_verified_without_holding_it_whole(tmp_path):
    """An original may be a dump of hundreds of megabytes: `check` hashes it as it reads."""
    originals = OriginalsStore(tmp_path / "news.json")
    data = bytes(range(256)) * (12 * 1024 * 1024 // 256)  # 12 MB, a dozen read chunks
    digest = originals.put(data)
    assert originals.verify(digest) is None
    tracemalloc.start()
    try:
        assert originals.verify(digest) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # a few read buffers; decompressed whole it was over 24 MB
