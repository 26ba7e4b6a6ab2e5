"""`tag`, `untag`, `tags`, `note`, `edit` and `delete` through the CLI."""

import json

import pytest


@pytest.fixture
def ids(run_cli, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"title": f"Story {n}", "body": f"Body number {n}."}) + "\n" for n in range(3)))
    run_cli("import", dump)
    return sorted(r["id"] for r in run_cli("list", "--format", "json").json())


def record(run_cli, article_id):
    return run_cli("show", article_id, "--format", "json").json()


def test_tag_one_article_with_several_tags(run_cli, ids):
    result = run_cli("tag", ids[0], "Flood", "river")
    assert result.code == 0
    assert record(run_cli, ids[0])["tags"] == ["flood", "river"]


def test_tag_several_articles(run_cli, ids):
    run_cli("tag", ids[0], ids[1], "pair")
    assert [record(run_cli, i)["tags"] for i in ids] == [["pair"], ["pair"], []]


def test_tag_ids_from_stdin(run_cli, ids):
    result = run_cli("tag", "-", "batch", input="\n".join(ids[1:]) + "\n")
    assert result.code == 0
    assert run_cli("tags", "--format", "json").json() == [{"tag": "batch", "count": 2}]


def test_untag(run_cli, ids):
    run_cli("tag", ids[0], "a", "b")
    run_cli("untag", ids[0], "a")
    assert record(run_cli, ids[0])["tags"] == ["b"]


def test_tag_unknown_id_changes_nothing(run_cli, ids, isolated_archive):
    before = isolated_archive.read_bytes()
    result = run_cli("tag", "zzzzzz", "x")
    assert result.code == 1
    assert isolated_archive.read_bytes() == before


def test_tags_with_none_exits_1(run_cli, ids):
    result = run_cli("tags")
    assert result.code == 1
    assert "No tags yet" in result.stderr


def test_note_is_timestamped(run_cli, ids):
    assert run_cli("note", ids[0], "Compare with the follow-up").code == 0
    (note,) = record(run_cli, ids[0])["notes"]
    assert note["text"] == "Compare with the follow-up"
    assert note["at"].endswith("+00:00")


def test_empty_note_is_a_usage_error(run_cli, ids):
    assert run_cli("note", ids[0], "  ").code == 2


def test_edit_keeps_history(run_cli, ids):
    result = run_cli("edit", ids[0], "--published", "2010-10-12", "--author", "Ann Lee", "--format", "json")
    edited = result.json()
    assert edited["published"] == "2010-10-12"
    assert edited["authors"] == ["Ann Lee"]
    assert [h["field"] for h in edited["history"]] == ["published", "authors"]
    assert edited["history"][0]["old"] is None


def test_edit_refuses_a_bad_date(run_cli, ids):
    result = run_cli("edit", ids[0], "--published", "2010-02-30")
    assert result.code == 2
    assert "is not a date as YYYY-MM-DD" in result.stderr


def test_edit_with_nothing_to_change(run_cli, ids):
    assert run_cli("edit", ids[0]).code == 2


def test_delete_asks_and_respects_no(run_cli, ids):
    result = run_cli("delete", ids[0], input="n\n")
    assert result.code == 1  # Click's abort
    assert len(run_cli("list", "--format", "json").json()) == 3


def test_delete_with_yes_removes_articles_and_unused_originals(run_cli, ids, isolated_archive):
    assert run_cli("delete", *ids, "--yes").code == 0
    assert run_cli("list", "--format", "json").json() == []
    assert not list((isolated_archive.parent / "news.json.d" / "originals").glob("*/*.gz"))


def test_delete_keeps_an_original_still_in_use(run_cli, ids, isolated_archive):
    run_cli("delete", ids[0], "--yes")
    assert len(list((isolated_archive.parent / "news.json.d" / "originals").glob("*/*.gz"))) == 1


def test_edit_wants_a_whole_date_and_a_language_code(run_cli, ids):
    """Regression (review): `--published 2024` became 2024-01-01; `--language English` was kept."""
    assert run_cli("edit", ids[0], "--published", "2024").code == 2
    result = run_cli("edit", ids[0], "--language", "English")
    assert result.code == 2 and "two-letter ISO 639-1 code" in result.stderr
    assert run_cli("edit", ids[0], "--language", "DE", "--format", "json").json()["language"] == "de"


def test_tags_never_carry_terminal_escapes(run_cli, tmp_path):
    dump = tmp_path / "t.jsonl"
    dump.write_text(json.dumps({"title": "T", "body": "B b.", "tags": ["\x1b]0;PWNED\x07\x1b[31mred"]}) + "\n")
    run_cli("import", dump)
    listing = run_cli("tags").stdout
    assert "\x1b" not in listing and "\x07" not in listing


def test_a_mistyped_id_is_not_taken_for_a_tag(run_cli, ids, isolated_archive):
    before = isolated_archive.read_bytes()
    result = run_cli("tag", ids[0], "0123456789ab", "rivers")
    assert result.code == 1 and "no article with id '0123456789ab'" in result.stderr
    assert isolated_archive.read_bytes() == before
