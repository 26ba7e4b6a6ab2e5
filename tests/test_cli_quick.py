"""The quick way for plain searches (cli/quick.py): it must read a command line exactly as
Click would, or leave it to Click, and answer exactly as the `search` command does."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.cli.quick import read_plain_search
from newsarchive.cli.search_run import SearchRequest

ROWS = [
    {"title": "Veins in the neck and MS", "body": "Narrowed veins were found in many patients.",
     "published": "2010-10-12", "source": "Health Wire"},
    {"title": "River levels fall in Zürich", "body": "The vein of the river runs through the old town.",
     "published": "2012-05-01", "source": "Alpine Post"},
    {"title": "Budget day", "body": "=HYPERLINK(\"http://evil\") The minister spoke about \x1b[31mtaxes.",
     "published": "2015-01-01", "source": "Capital Daily"},
]

# Click's own reading of the same command line, in a process that never takes the quick way.
CLICK_ONLY = "import sys; from newsarchive.cli.app import cli; cli.main(sys.argv[1:], prog_name='newsarchive')"


def click_reads(args: list[str]) -> dict | None:
    """The search options Click reads from `search ARGS`, or None where it refuses them."""
    import click

    from newsarchive.cli.searching import search

    try:
        with search.make_context("search", list(args)) as ctx:
            return ctx.params
    except (click.exceptions.ClickException, click.exceptions.Exit):
        return None


@pytest.mark.parametrize("args, expected", [
    (["search", "vein"], SearchRequest(query="vein")),
    (["search", "vein", "--format", "json", "--limit", "5"], SearchRequest(query="vein", format="json", limit=5)),
    (["search", "--format=ids", "--sort=newest", "vein OR river", "--exact", "--offset", "007"],
     SearchRequest(query="vein OR river", format="ids", sort="newest", exact=True, offset=7)),
    (["search", "", "--limit", "0"], SearchRequest(query="", limit=0)),
])
def test_a_plain_search_is_read_as_click_reads_it(args, expected):
    assert read_plain_search(args, {}) == (None, expected)


@pytest.mark.parametrize("args", [
    [], ["--help"], ["search"], ["search", "--help"], ["search", "-h", "x"], ["--version"],
    ["list", "--format", "json"], ["search", "a", "b"], ["search", "--", "-tide"], ["search", "-tide"],
    ["search", "x", "--format", "JSON"], ["search", "x", "--format"], ["search", "x", "--limit", "-1"],
    ["search", "x", "--limit", " 7"], ["search", "x", "--limit", "٣"], ["search", "x", "--limit", "9" * 19],
    ["search", "x", "--limit", "5", "--limit", "6"], ["search", "x", "--exact", "--exact"],
    ["search", "x", "--exact=yes"], ["search", "x", "--since", "2010"], ["search", "x", "--kwic"],
    ["search", "x", "--explain"], ["--lock-timeout", "1", "search", "x"], ["search", "x", "--db", "a.json"],
    ["--db"], ["--db", "a.json"],
])
def test_anything_else_is_left_to_click(args):
    assert read_plain_search(args, {}) is None


def test_the_archive_is_named_as_click_names_it(tmp_path):
    archive = tmp_path / "a.json"
    assert read_plain_search(["--db", str(archive), "search", "x"], {})[0] == archive
    assert read_plain_search([f"--db={archive}", "search", "x"], {})[0] == archive
    assert read_plain_search(["search", "x"], {"NEWSARCHIVE_DB": str(archive)})[0] == archive
    assert read_plain_search(["--db", str(archive), "search", "x"], {"NEWSARCHIVE_DB": "/elsewhere"})[0] == archive
    # Left to Click, which reports them (or, for the empty variable, uses the default):
    assert read_plain_search(["search", "x"], {"NEWSARCHIVE_DB": ""}) is None
    assert read_plain_search(["--db", str(tmp_path), "search", "x"], {}) is None  # a folder
    assert read_plain_search(["search", "x"], {"_NEWSARCHIVE_COMPLETE": "bash_complete"}) is None


WORDS = st.sampled_from(["vein", "river OR sea", "", "-", "--", "-x", "--format", "--format=json", "--format=csv",
                         "json", "jsonl", "ids", "table", "csv", "JSON", "--limit", "--limit=3", "3", "0", "-1",
                         "--offset", "--offset=2", "--sort", "--sort=oldest", "newest", "relevance", "--exact",
                         "--exact=1", "--since", "2010", "--kwic", "--help", "a=b"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=7))
def test_whatever_the_quick_way_takes_click_reads_the_same(args):
    plain = read_plain_search(["search", *args], {})
    if plain is None:
        return  # left to Click, which is always right
    params = click_reads(args)
    assert params is not None, "the quick way took a command line that Click refuses"
    request = plain[1]
    assert (request.query, request.format, request.limit, request.offset, request.sort, request.exact) == (
        params["query"], params["format_"], params["limit"], params["offset"], params["sort"], params["exact"])
    assert (request.facets, request.timeline, request.kwic, request.context_words, request.explain) == (
        tuple(params["facets"]), params["timeline"], params["kwic"], params["context_words"], params["explain"])


@pytest.fixture
def archive_env(tmp_path, isolated_archive):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    env = {**os.environ, "NEWSARCHIVE_DB": str(isolated_archive), "NO_COLOR": "1", "COLUMNS": "100"}
    subprocess.run([sys.executable, "-m", "newsarchive", "import", str(dump)], env=env, check=True, capture_output=True)
    return env


SEARCHES = [
    ["search", "vein"], ["search", "vein", "--format", "json"], ["search", "vein", "--format=jsonl", "--limit", "1"],
    ["search", "vein", "--format", "ids", "--sort", "oldest"], ["search", "taxes", "--format", "csv"],
    ["search", "veins", "--exact", "--format", "json"], ["search", "vein", "--offset", "1", "--format", "json"],
    ["search", "zzznothing", "--format", "json"], ["search", "zzznothing"], ["search", "(vein", "--format", "json"],
    ["search", "title:", "--format", "ids"], ["search", "vein", "--limit", "x"], ["search", "vein", "--since", "2011"],
]


@pytest.mark.parametrize("args", SEARCHES, ids=" ".join)
def test_the_quick_way_answers_as_click_does(archive_env, args):
    quick = subprocess.run([sys.executable, "-m", "newsarchive", *args], env=archive_env, capture_output=True,
                           timeout=60)
    click = subprocess.run([sys.executable, "-c", CLICK_ONLY, *args], env=archive_env, capture_output=True, timeout=60)
    assert (quick.returncode, quick.stdout, quick.stderr) == (click.returncode, click.stdout, click.stderr)


def test_a_missing_named_archive_is_reported_as_click_reports_it(archive_env, tmp_path):
    args = ["--db", str(tmp_path / "nowhere" / "a.json"), "search", "vein", "--format", "json"]
    quick = subprocess.run([sys.executable, "-m", "newsarchive", *args], env=archive_env, capture_output=True)
    click = subprocess.run([sys.executable, "-c", CLICK_ONLY, *args], env=archive_env, capture_output=True)
    assert (quick.returncode, quick.stdout, quick.stderr) == (click.returncode, click.stdout, click.stderr)
    assert quick.returncode != 0


def test_a_plain_search_loads_neither_click_nor_orjson(archive_env):
    """The point of the quick way (issue 9's search ratio): `-X importtime` lists every module
    the process imported. The index is brought up to date first: updating it reads the archive."""
    subprocess.run([sys.executable, "-m", "newsarchive", "search", "vein"], env=archive_env, capture_output=True)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "newsarchive", "search", "vein", "--format", "json"],
                          env=archive_env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Veins in the neck" in done.stdout
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "newsarchive.search.index" in loaded
    assert not loaded & {"click", "rich", "tinydb", "orjson", "dataclasses", "typing", "newsarchive.cli.app"}
