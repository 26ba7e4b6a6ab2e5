"""Near-duplicates: flagged on import, clustered by `dupes`, merged with provenance kept."""

import json

import pytest

STORY = (
    "The river authority said on Tuesday that the new flood gates at Millbrook had held back the highest "
    "water in forty years, sparing about three hundred homes along the lower town. Engineers had closed "
    "the gates shortly after midnight when gauges upstream showed the level rising by twenty centimetres "
    "an hour. Residents who had moved furniture upstairs overnight returned to find their streets dry. "
    "The gates were built after the floods of 2007 and cost eleven million pounds. Critics had called "
    "them an expensive answer to a rare problem, but the chairman of the residents association said the "
    "night had settled that argument for good. The authority will publish a review of the operation next "
    "month, including the timing of the warnings sent to households by text message and the response of "
    "the volunteer wardens who knocked on doors in the oldest streets near the quay."
)


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture
def syndicated(run_cli, tmp_path):
    first = write_jsonl(tmp_path / "a.jsonl", [
        {"title": "Flood gates hold at Millbrook", "body": STORY, "site": "Valley Times", "url": "https://valley.example/a",
         "tags": ["flood"]},
        {"title": "Council tax frozen", "body": "The council agreed to freeze the tax for another year after a long debate."},
    ])
    assert run_cli("import", first).code == 0
    copy = STORY.replace("on Tuesday", "on Tuesday morning") + " Photographs of the night are on our website."
    second = write_jsonl(tmp_path / "b.jsonl", [
        {"title": "Millbrook flood gates hold back record river", "body": copy, "site": "Wire Daily",
         "url": "https://wire.example/b", "tags": ["wire"]},
    ])
    result = run_cli("import", second, "--json")
    return result


def test_a_syndicated_copy_is_flagged_on_import(syndicated):
    report = syndicated.json()
    (flag,) = report["near_duplicates"]
    assert flag["title"] == "Millbrook flood gates hold back record river"
    assert flag["similar_to"][0]["similarity"] >= 0.8
    assert "1 near-duplicate flagged (see `newsarchive dupes`)" in syndicated.stderr


def test_dupes_lists_the_cluster(run_cli, syndicated):
    clusters = run_cli("dupes", "--format", "json").json()
    assert len(clusters) == 1
    assert {a["site"] for a in clusters[0]["articles"]} == {"Valley Times", "Wire Daily"}
    table = run_cli("dupes").stdout
    assert "%" in table
    assert "Flood gates hold at" in table and "Millbrook" in table


def test_dupes_merge_keeps_every_copys_provenance(run_cli, syndicated):
    assert run_cli("dupes", "--merge", "--yes").code == 0
    records = run_cli("export", "--format", "json").json()
    assert len(records) == 2
    merged = next(r for r in records if r["title"] != "Council tax frozen")
    assert sorted(merged["tags"]) == ["flood", "wire"]
    (copy,) = merged["origin"]["copies"]
    assert copy["url"] in {"https://valley.example/a", "https://wire.example/b"}
    assert copy["origin"]["sha256"]
    assert run_cli("check").code == 0


def test_no_near_duplicates_exits_1(run_cli, tmp_path):
    run_cli("import", write_jsonl(tmp_path / "c.jsonl", [{"title": "Only", "body": STORY}]))
    result = run_cli("dupes", "--format", "json")
    assert result.code == 1 and result.json() == []
