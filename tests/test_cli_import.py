"""`newsarchive import` end to end: sources, formats, duplicates, dry runs, the summary, exit codes."""

import json
import os
import shutil

from tests.conftest import FIXTURES, ROOT

DATA = ROOT / "data"
STRUCTURED = FIXTURES / "structured"


def test_importing_the_sample_data_imports_every_page(run_cli, isolated_archive):
    result = run_cli("import", DATA)
    pages = len(list(DATA.glob("*.txt")))
    assert result.code == 0, result
    assert f"Imported {pages} articles from {pages} files; 0 failed." in result.stderr
    listed = run_cli("list", "--format", "json").json()
    assert len(listed) == pages
    assert all(r["origin"]["format"] == "text" for r in listed)


def test_importing_again_skips_duplicates(run_cli):
    run_cli("import", DATA)
    again = run_cli("import", DATA)
    assert again.code == 0
    assert "Imported 0 articles" in again.stderr and "duplicates skipped" in again.stderr


def test_on_duplicate_update_keeps_id_tags_and_notes(run_cli, tmp_path):
    page = tmp_path / "a.jsonl"
    page.write_text('{"title": "Old title", "body": "The same body.", "url": "https://ex.org/a"}\n')
    run_cli("import", page)
    (record,) = run_cli("list", "--format", "json").json()
    run_cli("tag", record["id"], "kept")
    page.write_text('{"title": "New title", "body": "A corrected body.", "url": "https://ex.org/a?utm_source=rss"}\n')
    result = run_cli("import", page, "--on-duplicate", "update")
    assert result.code == 0 and "updated 1" in result.stderr
    (updated,) = run_cli("list", "--format", "json").json()
    assert updated["id"] == record["id"]
    assert updated["title"] == "New title"
    assert updated["tags"] == ["kept"]


def test_on_duplicate_keep_both_gives_a_new_id(run_cli, tmp_path):
    page = tmp_path / "a.jsonl"
    page.write_text('{"title": "T", "body": "The same body."}\n')
    run_cli("import", page)
    run_cli("import", page, "--on-duplicate", "keep-both")
    ids = [r["id"] for r in run_cli("list", "--format", "json").json()]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_dry_run_changes_nothing_and_says_what_would_happen(run_cli, isolated_archive):
    result = run_cli("import", DATA, "--dry-run")
    assert result.code == 0
    assert "Would import" in result.stderr
    assert not isolated_archive.exists()


def test_tags_and_source_apply_to_every_article(run_cli):
    run_cli("import", STRUCTURED / "articles.json", "--tag", "Harbour", "--tag", "review", "--source", "Test Wire")
    records = run_cli("list", "--format", "json").json()
    assert {r["source"] for r in records} == {"Test Wire"}
    assert all({"harbour", "review"} <= set(r["tags"]) for r in records)


def test_stdin_is_read_with_a_dash(run_cli):
    result = run_cli("import", "-", "--format", "jsonl", input='{"title": "From stdin", "body": "Piped body."}\n')
    assert result.code == 0
    assert run_cli("list", "--format", "json").json()[0]["origin"]["path"] == "-"


def test_a_broken_jsonl_line_is_reported_and_the_rest_imported(run_cli):
    result = run_cli("import", STRUCTURED / "articles.jsonl")
    assert result.code == 1
    assert "articles.jsonl:2: not valid JSON" in result.stderr
    assert "Imported 2 articles from 1 file" in result.stderr
    assert len(run_cli("list", "--format", "json").json()) == 2


def test_a_missing_path_fails_but_the_others_are_imported(run_cli):
    result = run_cli("import", "no/such/file.txt", STRUCTURED / "articles.csv")
    assert result.code == 1
    assert "failed: no/such/file.txt: no such file or folder" in result.stderr
    assert len(run_cli("list", "--format", "json").json()) == 2


def test_failures_leave_the_archive_byte_identical(run_cli, isolated_archive, tmp_path):
    run_cli("import", STRUCTURED / "articles.csv")
    before = isolated_archive.read_bytes()
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("import", tmp_path / "empty.txt", STRUCTURED / "no-title.csv")
    assert result.code == 1
    assert "empty.txt: the file is empty" in result.stderr
    assert "no-title.csv: the CSV header has no title column" in result.stderr
    assert isolated_archive.read_bytes() == before


def test_folders_globs_and_symlink_loops(run_cli, tmp_path):
    folder = tmp_path / "in" / "deeper"
    folder.mkdir(parents=True)
    shutil.copy(STRUCTURED / "articles.csv", folder / "a.csv")
    (folder / "loop").symlink_to(tmp_path / "in")
    result = run_cli("import", tmp_path / "in")
    assert result.code == 0, result
    assert "from 1 file;" in result.stderr
    again = run_cli("import", str(tmp_path / "in" / "**" / "*.csv"))
    assert "2 duplicates skipped" in again.stderr


def test_json_report_for_scripts(run_cli):
    result = run_cli("import", STRUCTURED / "articles.jsonl", "--json")
    report = result.json()
    assert [e["title"] for e in report["imported"]] == ["First line story", "Third line story"]
    assert report["failed"][0]["line"] == 2


def test_originals_are_kept_and_shown(run_cli, tmp_path):
    run_cli("import", STRUCTURED / "articles.csv")
    record = run_cli("list", "--format", "json").json()[0]
    shown = run_cli("show", record["id"], "--original")
    assert shown.stdout == (STRUCTURED / "articles.csv").read_text()


def test_an_unknown_format_is_a_usage_error(run_cli):
    result = run_cli("import", DATA, "--format", "pdf")
    assert result.code == 2
    assert "Invalid value for '--format'" in result.stderr


def test_import_summary_counts_are_json_serialisable(run_cli):
    result = run_cli("import", STRUCTURED / "articles.json", "--json", "--dry-run")
    assert json.loads(result.stdout)["dry_run"] is True


def test_on_duplicate_update_keeps_corrections_and_the_import_time(run_cli, tmp_path):
    """Regression (review): an update silently undid `edit` and reset imported_at."""
    page = tmp_path / "a.jsonl"
    page.write_text('{"title": "Old title", "body": "The same body.", "url": "https://ex.org/a", "published": "2020-01-01"}\n')
    run_cli("import", page)
    (record,) = run_cli("list", "--format", "json").json()
    run_cli("edit", record["id"], "--title", "Corrected title")
    page.write_text('{"title": "New title", "body": "A new body.", "url": "https://ex.org/a", "published": "2020-01-02"}\n')
    run_cli("import", page, "--on-duplicate", "update")
    updated = run_cli("show", record["id"], "--format", "json").json()
    assert updated["title"] == "Corrected title"
    assert updated["published"] == "2020-01-02"
    assert updated["body"] == "A new body."
    assert updated["imported_at"] == record["imported_at"]
    assert updated["origin"]["previous"]["sha256"] == record["origin"]["sha256"]


def test_an_original_removed_before_its_record_lands_is_reported_not_lost(run_cli, monkeypatch, isolated_archive):
    """Regression (review): a delete running meanwhile could remove an original an import had
    just kept; the record then pointed at nothing. Now the import checks under the lock."""
    from newsarchive.store.originals import OriginalsStore

    put = OriginalsStore.put

    def put_then_lose(self, data, sha256=None):
        digest = put(self, data, sha256)
        self.remove(digest)  # what the concurrent delete did
        return digest

    monkeypatch.setattr(OriginalsStore, "put", put_then_lose)
    result = run_cli("import", STRUCTURED / "articles.csv")
    assert result.code == 1
    assert "its original was removed by a delete running at the same time" in result.stderr
    assert not isolated_archive.exists() or run_cli("list", "--format", "json").json() == []


def test_a_file_name_that_is_not_utf8_is_imported_and_recorded_with_its_bytes_escaped(run_cli, tmp_path):
    """Old archives hold Latin-1 file names; their stray bytes reach Python as lone
    surrogates, which JSON cannot hold (the store refused them, a crash reported as a bug)."""
    folder = tmp_path / "latin1"
    folder.mkdir()
    page = b"River report\n\nThe river rose by two metres overnight, residents of the old town said.\n"
    (folder / os.fsdecode(b"caf\xe9.txt")).write_bytes(page)
    (folder / os.fsdecode(b"bad\xe9.jsonl")).write_bytes(b"{not json\n")
    result = run_cli("import", folder, "--json")
    assert result.code == 1, result  # the broken dump failed; the page did not
    report = result.json()
    assert [entry["path"] for entry in report["imported"]] == [str(folder / "caf\\xe9.txt")]
    assert report["failed"][0]["path"].endswith("bad\\xe9.jsonl")
    listed = run_cli("list", "--format", "json").json()
    assert [row["title"] for row in listed] == ["River report"]


def test_an_untitled_note_under_a_name_that_is_not_utf8_takes_the_escaped_name(run_cli, tmp_path):
    """A Markdown note with no title is titled by its file name; a name that is not UTF-8
    used to put lone surrogates into the record, which failed the whole import."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / os.fsdecode(b"untitled\xff.md")).write_bytes(
        b"---\ndate: 2020-01-02\n---\nJust a body of text here, with words enough to make an article body.\n")
    (folder / "other.jsonl").write_text(json.dumps({"title": "Other", "body": "Another article in the same run."}) + "\n")
    result = run_cli("import", folder)
    assert result.code == 0, result
    assert sorted(row["title"] for row in run_cli("list", "--format", "json").json()) == ["Other", "untitled\\xff"]
    explained = run_cli("import", "--explain", folder / os.fsdecode(b"untitled\xff.md"), "--json")
    assert explained.code == 0, explained
    assert explained.json()[0]["path"].endswith("untitled\\xff.md")
