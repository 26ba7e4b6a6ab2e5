"""`show`, `list`, `export`, `stats` and `check` through the CLI."""

import json

import pytest

from tests.conftest import FIXTURES

STRUCTURED = FIXTURES / "structured"


@pytest.fixture
def archive_ids(run_cli, tmp_path):
    dump = tmp_path / "dump.jsonl"
    rows = [
        {"title": "Flood barrier tested", "body": "The barrier rose in ten minutes.", "published": "2012-03-01",
         "source": "Coast Courier", "tags": ["flood"]},
        {"title": "Vaccine clinic opens", "body": "Nurses gave 400 doses on the first day.", "published": "2015-06-30",
         "source": "Valley Health", "tags": ["vaccine", "health"]},
        {"title": "Undated note", "body": "A page with no date at all."},
    ]
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert run_cli("import", dump).code == 0
    return {r["title"]: r["id"] for r in run_cli("list", "--format", "json").json()}


def test_list_is_newest_first_with_undated_last(run_cli, archive_ids):
    titles = [r["title"] for r in run_cli("list", "--format", "json").json()]
    assert titles == ["Vaccine clinic opens", "Flood barrier tested", "Undated note"]
    oldest = [r["title"] for r in run_cli("list", "--format", "json", "--sort", "oldest").json()]
    # Undated articles go last in either order: their place in time is unknown.
    assert oldest == ["Flood barrier tested", "Vaccine clinic opens", "Undated note"]


def test_list_filters(run_cli, archive_ids):
    def titles(*args):
        return [r["title"] for r in run_cli("list", "--format", "json", *args).json()]

    assert titles("--since", "2013") == ["Vaccine clinic opens"]
    assert titles("--until", "2012-03") == ["Flood barrier tested"]
    assert titles("--source", "coast courier") == ["Flood barrier tested"]
    assert titles("--tag", "vaccine", "--tag", "health") == ["Vaccine clinic opens"]
    assert titles("--limit", "1", "--offset", "1") == ["Flood barrier tested"]


def test_list_with_no_match_exits_1_and_prints_an_empty_array(run_cli, archive_ids):
    result = run_cli("list", "--format", "json", "--tag", "nothing")
    assert result.code == 1
    assert result.json() == []


def test_list_rejects_an_impossible_date(run_cli, archive_ids):
    result = run_cli("list", "--since", "2012-13")
    assert result.code == 2
    assert "there is no month 13" in result.stderr


def test_list_ids_and_table(run_cli, archive_ids):
    ids = run_cli("list", "--format", "ids").stdout.split()
    assert set(ids) == set(archive_ids.values())
    table = run_cli("list").stdout
    assert "Flood barrier tested" in table and "\x1b[" not in table


def test_show_json_is_the_record(run_cli, archive_ids):
    article_id = archive_ids["Flood barrier tested"]
    record = run_cli("show", article_id[:6], "--format", "json").json()
    assert record["id"] == article_id
    assert record["published"] == "2012-03-01"
    assert record["word_count"] == 6


def test_show_text_in_a_pipe_by_default(run_cli, archive_ids):
    result = run_cli("show", archive_ids["Vaccine clinic opens"])
    assert result.code == 0
    assert "Vaccine clinic opens" in result.stdout and "Nurses gave 400 doses" in result.stdout


def test_show_unknown_id_exits_1_with_a_hint(run_cli, archive_ids):
    result = run_cli("show", "ffffffffff")
    assert result.code == 1
    assert "Error: no article with id 'ffffffffff'" in result.stderr
    assert "Hint: `newsarchive list` shows the ids" in result.stderr



@pytest.mark.parametrize("given", [b"\xff\xfe", "café".encode()])
def test_show_of_an_id_no_archive_can_hold_is_not_found(tmp_path, given):
    """Stray bytes from a non-UTF-8 shell used to stop SQLite with a usage error (exit 2)."""
    import subprocess

    from tests.faults_support import cli_command, cli_env, seed_archive

    db = tmp_path / "a" / "news.json"
    seed_archive(db, tmp_path, n=2)
    result = subprocess.run([*cli_command(db, "show"), given], capture_output=True, env=cli_env(), timeout=60)
    assert result.returncode == 1, result.stderr
    assert b"no article with id" in result.stderr


def test_export_json_and_jsonl(run_cli, archive_ids):
    records = run_cli("export", "--format", "json").json()
    assert len(records) == 3
    lines = run_cli("export", "--format", "jsonl", "--tag", "flood").stdout.splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Flood barrier tested"]


def test_export_empty_archive_is_an_empty_array(run_cli):
    result = run_cli("export", "--format", "json")
    assert result.code == 0 and result.json() == []


def test_export_by_id_to_a_file_and_a_folder(run_cli, archive_ids, tmp_path):
    article_id = archive_ids["Flood barrier tested"]
    out = tmp_path / "one.json"
    assert run_cli("export", article_id, "-o", out).code == 0
    assert json.loads(out.read_text())[0]["id"] == article_id
    folder = tmp_path / "site"
    folder.mkdir()
    assert run_cli("export", "--format", "html", "-o", folder).code == 0
    assert (folder / "index.html").exists()
    assert len(list(folder.glob(f"{article_id}-*.html"))) == 1


def test_stats(run_cli, archive_ids):
    figures = run_cli("stats", "--format", "json").json()
    assert figures["articles"] == 3
    assert dict(figures["by_year"]) == {"2015": 1, "2012": 1, "unknown": 1}
    assert ["flood", 1] in figures["by_tag"]
    assert "articles" in run_cli("stats").stdout


def test_check_passes_then_catches_a_damaged_original(run_cli, archive_ids, isolated_archive):
    ok = run_cli("check", "--format", "json").json()
    assert ok["ok"] and ok["articles"] == 3 and ok["originals_checked"] == 1
    original = next((isolated_archive.parent / "news.json.d" / "originals").glob("*/*.gz"))
    original.write_bytes(b"tampered")
    result = run_cli("check")
    assert result.code == 3
    assert "unreadable" in result.stderr


def test_check_repair_restores_a_backup(run_cli, archive_ids, isolated_archive):
    run_cli("tag", archive_ids["Undated note"], "later")  # a second write, so a backup exists
    isolated_archive.write_bytes(b'{"articles": {')
    broken = run_cli("list")
    assert broken.code == 3
    assert f"cannot read archive {isolated_archive}: not valid JSON at byte offset" in broken.stderr
    repaired = run_cli("check", "--repair")
    assert repaired.code == 0, repaired
    assert "Restored 3 articles" in repaired.stderr
    assert len(run_cli("list", "--format", "json").json()) == 3


def test_export_to_a_new_folder_named_with_a_trailing_slash(run_cli, archive_ids, tmp_path):
    """Regression: click.Path dropped the slash and a file was written instead of a folder."""
    target = tmp_path / "new-site"
    assert run_cli("export", "--format", "md", "-o", f"{target}/").code == 0
    assert target.is_dir() and len(list(target.glob("*.md"))) == 3


def test_exports_and_show_carry_no_internal_keys(run_cli, archive_ids):
    article_id = archive_ids["Flood barrier tested"]
    assert "body_hash" not in run_cli("show", article_id, "--format", "json").json()
    assert all("body_hash" not in r for r in run_cli("export", "--format", "json").json())


def test_an_internal_error_has_an_exit_code_of_its_own(monkeypatch, run_cli):
    """A bug must not read as "nothing found" (1) to a script: it exits 70, with a hint."""
    from newsarchive.archive import Archive

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(Archive, "select", broken)
    result = run_cli("list")
    assert result.code == 70
    assert "internal error: RuntimeError: simulated bug" in result.stderr
    assert "NEWSARCHIVE_DEBUG=1" in result.stderr
