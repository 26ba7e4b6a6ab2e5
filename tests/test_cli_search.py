"""`search` and `reindex` end to end: output formats, exit codes, errors, and a fresh index."""

import csv
import io
import json

import pytest

ROWS = [
    {"title": "Veins in the neck and MS", "body": "Narrowed veins were found in many patients.", "published": "2010-10-12",
     "source": "Health Wire", "tags": ["ms"]},
    {"title": "River levels fall in Zürich", "body": "The vein of the river runs through the old town.",
     "published": "2012-05-01", "source": "Alpine Post"},
    {"title": "Budget day", "body": "=HYPERLINK(\"http://evil\") The minister spoke about taxes.",
     "published": "2015-01-01", "source": "Capital Daily"},
]


@pytest.fixture
def ids(run_cli, tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    assert run_cli("import", dump).code == 0
    return {r["title"]: r["id"] for r in run_cli("list", "--format", "json").json()}


def search_ids(run_cli, *args):
    return run_cli("search", *args, "--format", "ids").stdout.split()


def test_json_hits_have_the_promised_keys(run_cli, ids):
    (hit,) = run_cli("search", "narrowed", "--format", "json").json()
    assert set(hit) >= {"id", "title", "published", "source", "score", "snippet"}
    assert "[Narrowed]" in hit["snippet"]


def test_stemming_and_diacritics(run_cli, ids):
    assert set(search_ids(run_cli, "vein")) == {ids["Veins in the neck and MS"], ids["River levels fall in Zürich"]}
    assert search_ids(run_cli, "zurich") == [ids["River levels fall in Zürich"]]
    assert search_ids(run_cli, "vein", "--exact") == [ids["River levels fall in Zürich"]]


def test_title_matches_rank_first(run_cli, ids):
    assert search_ids(run_cli, "veins")[0] == ids["Veins in the neck and MS"]


def test_filters_and_fields(run_cli, ids):
    assert search_ids(run_cli, "vein", "--since", "2011") == [ids["River levels fall in Zürich"]]
    assert search_ids(run_cli, "vein", "--tag", "ms") == [ids["Veins in the neck and MS"]]
    assert search_ids(run_cli, "source:alpine") == [ids["River levels fall in Zürich"]]


def test_nothing_found_exits_1_with_an_empty_array(run_cli, ids):
    result = run_cli("search", "nonexistentword", "--format", "json")
    assert result.code == 1
    assert result.json() == []


def test_a_bad_query_exits_2_pointing_at_the_place(run_cli, ids):
    result = run_cli("search", '"unclosed phrase')
    assert result.code == 2
    assert result.stderr.startswith("Error: ")
    assert "^" in result.stderr


def test_ids_pipe_into_tag(run_cli, ids):
    found = run_cli("search", "vein", "--format", "ids").stdout
    assert run_cli("tag", "-", "vascular", input=found).code == 0
    assert run_cli("tags", "--format", "json").json()[0] == {"tag": "vascular", "count": 2}


def test_csv_neutralises_formulas(run_cli, ids):
    rows = list(csv.reader(io.StringIO(run_cli("search", "minister", "--format", "csv").stdout)))
    assert rows[0][:2] == ["id", "title"]
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_facets_and_timeline_in_json(run_cli, ids):
    result = run_cli("search", "vein", "--facet", "source", "--timeline", "--format", "json").json()
    assert result["total"] == 2
    assert result["facets"]["source"] == {"Health Wire": 1, "Alpine Post": 1}
    assert set(result["timeline"]) >= {"2010", "2012"}


def test_kwic_lines(run_cli, ids):
    lines = run_cli("search", "vein", "--kwic", "--format", "json").json()
    assert {line["match"].lower() for line in lines} == {"veins", "vein"}


def test_explain_prints_the_tree_on_stderr_and_keeps_json_clean(run_cli, ids):
    result = run_cli("search", "vein OR river", "--explain", "--format", "json")
    assert "OR" in result.stderr
    assert len(result.json()) == 2


def test_a_hand_edit_of_the_archive_is_seen_at_once(run_cli, ids, isolated_archive):
    """The index is never trusted when the archive changed behind its back."""
    assert search_ids(run_cli, "budget") == [ids["Budget day"]]
    data = json.loads(isolated_archive.read_text())
    for doc in data["articles"].values():
        if doc["title"] == "Budget day":
            doc["title"] = "Spending review"
    isolated_archive.write_text(json.dumps(data))
    assert search_ids(run_cli, "title:budget") == []
    assert search_ids(run_cli, "title:spending") == [ids["Budget day"]]


def test_writes_keep_the_index_in_step(run_cli, ids):
    run_cli("tag", ids["Budget day"], "economy")
    assert search_ids(run_cli, "tag:economy") == [ids["Budget day"]]
    run_cli("delete", ids["Budget day"], "--yes")
    assert search_ids(run_cli, "minister") == []


def test_reindex_rebuilds_a_damaged_index(run_cli, ids, isolated_archive):
    index = isolated_archive.parent / "news.json.d" / "index.sqlite"
    search_ids(run_cli, "vein")
    index.write_bytes(b"this is not sqlite")
    assert len(search_ids(run_cli, "vein")) == 2  # a damaged index is rebuilt on its own
    result = run_cli("reindex")
    assert result.code == 0 and "Indexed 3 articles." in result.stderr


def test_reads_work_where_the_index_cannot_be_kept(run_cli, isolated_archive):
    """Regression (review): an archive whose folder cannot hold the index (read-only, or a
    file in the way) could not be read at all; the index is then built in memory."""
    isolated_archive.parent.mkdir(parents=True, exist_ok=True)
    isolated_archive.write_text(json.dumps({"articles": {"1": {
        "id": "abc123def456", "title": "Flood barrier tested", "body": "The barrier rose in ten minutes.",
        "tags": [], "notes": [], "authors": [], "headings": [], "origin": {}}}}))
    (isolated_archive.parent / "news.json.d").write_text("a file where the folder should be")
    assert search_ids(run_cli, "barrier") == ["abc123def456"]
    assert run_cli("show", "abc123", "--format", "json").json()["title"] == "Flood barrier tested"


def test_reading_a_missing_archive_creates_nothing(run_cli, tmp_path):
    missing = tmp_path / "typo" / "archive.json"
    result = run_cli("--db", missing, "list", "--format", "json")
    assert result.code == 1 and result.json() == []
    assert not (tmp_path / "typo").exists()


def test_a_record_damaged_by_hand_does_not_break_reads(run_cli, ids, isolated_archive):
    data = json.loads(isolated_archive.read_text())
    data["articles"]["999"] = {"title": "no id here", "body": "b"}
    isolated_archive.write_text(json.dumps(data))
    assert len(search_ids(run_cli, "vein")) == 2
    result = run_cli("check")
    assert result.code == 3 and "id is missing or empty" in result.stderr


def test_highlight_marks_what_search_matches_stems_included(run_cli, ids, isolated_archive):
    """`show --highlight` uses the search's own matching: "veins" marks "vein" too."""
    from newsarchive.archive import Archive

    archive = Archive(isolated_archive)
    record = archive.get(ids["River levels fall in Zürich"])
    assert archive.matched_words(record, "veins") == ["vein"]
    assert archive.matched_words(record, "zurich") == ["Zürich"]
    assert run_cli("show", record["id"], "--format", "rich", "--highlight", "veins", "--no-pager").code == 0


def test_source_filter_folds_case_beyond_ascii(run_cli, tmp_path):
    """Regression (review): `--source "élan presse"` missed "Élan Presse" in list and search."""
    dump = tmp_path / "e.jsonl"
    dump.write_text(json.dumps({"title": "Tide tables", "body": "New tide tables.", "source": "Élan Presse"}) + "\n")
    run_cli("import", dump)
    assert len(run_cli("list", "--source", "élan presse", "--format", "json").json()) == 1
    assert len(search_ids(run_cli, "tide", "--source", "ÉLAN PRESSE")) == 1


def test_read_commands_in_a_real_process_deliver_all_output_and_their_exit_codes(run_cli, ids, isolated_archive):
    """Read-only commands leave the process without the interpreter's shutdown (for speed):
    every byte of output must still arrive, with the contract's exit codes, into a pipe too."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "NEWSARCHIVE_DB": str(isolated_archive), "NO_COLOR": "1"}

    def run(*args, shell_tail=""):
        if shell_tail:
            command = " ".join([sys.executable, "-m", "newsarchive", *args]) + shell_tail
            return subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=env, timeout=60)
        return subprocess.run([sys.executable, "-m", "newsarchive", *args], capture_output=True, text=True, env=env,
                              timeout=60)

    found = run("search", "vein", "--format", "json")
    assert found.returncode == 0, found.stderr
    assert {hit["id"] for hit in json.loads(found.stdout)} == {ids["Veins in the neck and MS"], ids["River levels fall in Zürich"]}
    nothing = run("search", "zzznothing", "--format", "json")
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (1, "[]\n", "No articles match.\n")
    bad = run("search", "(vein", "--format", "json")
    assert bad.returncode == 2 and bad.stdout == "" and "Error:" in bad.stderr
    table = run("search", "vein")
    assert table.returncode == 0 and "Veins in the neck and MS" in table.stdout and "2 articles found" in table.stdout
    listed = run("list", "--format", "jsonl")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == len(ROWS)
    piped = run("search", "vein", "--format", "ids", shell_tail=" | head -c 3")
    assert "Traceback" not in piped.stderr and "BrokenPipe" not in piped.stderr


def test_the_first_read_after_a_large_import_shows_a_bar_on_a_terminal(tmp_path):
    """Bringing the index up to date after a big import takes a minute at 100,000 articles:
    on a terminal the read says so with a bar (on stderr), and stdout carries the hits alone."""
    import os
    import pty
    import subprocess
    import sys
    import threading

    dump = tmp_path / "many.jsonl"
    dump.write_text("".join(json.dumps({"title": f"Report {i}", "body": f"River report number {i}."}) + "\n"
                            for i in range(2100)))
    env = {**os.environ, "NEWSARCHIVE_DB": str(tmp_path / "big" / "news.json"), "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    subprocess.run([sys.executable, "-m", "newsarchive", "import", str(dump), "--quiet"], env=env, check=True,
                   capture_output=True, timeout=120)

    def search_with_a_terminal_for_stderr() -> tuple[subprocess.CompletedProcess, bytes]:
        controller, terminal = pty.openpty()
        drawn = bytearray()

        def read_terminal() -> None:  # concurrently, so that a full terminal buffer never blocks the child
            while True:
                try:
                    chunk = os.read(controller, 4096)
                except OSError:  # the child has gone and closed its side
                    return
                if not chunk:
                    return
                drawn.extend(chunk)

        reader = threading.Thread(target=read_terminal)
        reader.start()
        done = subprocess.run([sys.executable, "-m", "newsarchive", "search", "report", "--format", "ids"], env=env,
                              stdout=subprocess.PIPE, stderr=terminal, timeout=120)
        os.close(terminal)
        reader.join(timeout=30)
        os.close(controller)
        return done, bytes(drawn)

    first, drawn = search_with_a_terminal_for_stderr()
    assert first.returncode == 0 and len(first.stdout.split()) == 20
    assert b"Updating the search index" in drawn
    again, drawn = search_with_a_terminal_for_stderr()  # the index is fresh now
    assert again.stdout == first.stdout and b"Updating" not in drawn
