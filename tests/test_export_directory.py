"""Exporting to a directory: one safely named file per article, plus the HTML index (issue 7)."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from newsarchive.export import (
    EXPORTERS,
    FILE_EXTENSIONS,
    article_filename,
    export_records,
    export_to_directory,
)
from tests.conftest import FIXTURES

RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[a-z-]+)+$")


def test_registry_names_every_format_with_a_loadable_function():
    assert set(EXPORTERS) == {"text", "md", "html", "json", "jsonl", "csv", "bibtex", "ris", "csl-json"}
    assert set(FILE_EXTENSIONS) == set(EXPORTERS)
    for fmt in EXPORTERS:
        assert isinstance(export_records(fmt, RECORDS), str)
    with pytest.raises(KeyError):
        export_records("docx", RECORDS)


def test_files_are_named_id_dash_slug():
    assert article_filename(RECORDS[0], "md") == "c613b55b894d-ccsvi-for-ms-in-the-uk.md"
    assert article_filename(RECORDS[1], "html") == "5e1f0a9d77b2-zurichs-100-renewable-plan-costs-benefits-2024-draft.html"
    assert article_filename(dict(RECORDS[0], title="Ωμέγα 東京"), "txt") == "c613b55b894d.txt"
    long = article_filename(dict(RECORDS[0], title="word " * 100), "txt")
    assert len(long) < 90 and not long.endswith("-.txt")


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_one_file_per_article_in_every_format(tmp_path, fmt):
    written = export_to_directory(fmt, RECORDS, tmp_path / "out")
    ext = FILE_EXTENSIONS[fmt]
    articles = [p for p in written if not p.name.startswith("index")]
    assert [p.name for p in articles] == [article_filename(r, ext) for r in RECORDS]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in written)
    for path, record in zip(articles, RECORDS):
        content = path.read_text(encoding="utf-8")
        assert (record["source"] or record["site"]) in content
    if fmt == "json":
        assert json.loads(articles[0].read_text(encoding="utf-8")) == RECORDS[0]


def test_html_directory_is_a_static_site_with_an_index(tmp_path):
    written = export_to_directory("html", RECORDS, tmp_path)
    names = {p.name for p in written}
    assert {"index.html", "index.by-oldest.html", "index.by-title.html", "index.by-source.html"} <= names
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for record in RECORDS:
        assert f'href="{article_filename(record, "html")}"' in index
        page = (tmp_path / article_filename(record, "html")).read_text(encoding="utf-8")
        assert 'href="index.html"' in page


def test_hostile_ids_and_titles_never_leave_the_directory(tmp_path):
    out = tmp_path / "deep" / "out"
    hostile = [
        dict(RECORDS[0], id="../../etc/passwd", title="../../etc/passwd"),
        dict(RECORDS[0], id="/etc/shadow", title="/root/.ssh/authorized_keys"),
        dict(RECORDS[0], id="..", title=".."),
        dict(RECORDS[0], id="", title=""),
        dict(RECORDS[0], id="a\x00b\\c", title="\x1b[31mred\u202e"),
        dict(RECORDS[0], id="-rf", title="--help"),
        dict(RECORDS[0], id="index", title=""),
    ]
    written = export_to_directory("html", hostile, out)
    for path in written:
        assert path.parent == out.resolve()
        assert SAFE_NAME.match(path.name), path.name
        assert not path.name.startswith("-") and "31m" not in path.name
    assert len({p.name for p in written}) == len(written)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert {p.name for p in tmp_path.rglob("*") if p.is_file()} == {p.name for p in written}
    # The same unsafe id twice, or two ids that clean to the same text, still get two files.
    twins = export_to_directory("text", [dict(RECORDS[0], id="a/b"), dict(RECORDS[0], id="a\\b"),
                                         dict(RECORDS[0], id="a/b")], tmp_path / "twins")
    assert len({p.name for p in twins}) == 3


def test_files_get_the_usual_mode_and_no_temporary_file_is_left(tmp_path):
    written = export_to_directory("md", RECORDS, tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_failed_write_leaves_no_half_file_under_the_final_name(tmp_path, monkeypatch):
    target = tmp_path / article_filename(RECORDS[1], "md")
    target.write_text("the earlier export\n", encoding="utf-8")
    calls = {"n": 0}
    real_replace = os.replace

    def failing_replace(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)  # the os module every writer uses
    with pytest.raises(OSError):
        export_to_directory("md", RECORDS, tmp_path)
    assert target.read_text(encoding="utf-8") == "the earlier export\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert (tmp_path / article_filename(RECORDS[0], "md")).read_text(encoding="utf-8").startswith("---\n")


def test_existing_directory_path_types_are_accepted(tmp_path):
    written = export_to_directory("json", RECORDS, str(tmp_path))  # type: ignore[arg-type]
    assert all(isinstance(p, Path) for p in written)


def test_importing_the_registry_is_light_and_exporters_never_load_click_or_rich():
    import subprocess
    import sys

    probe = (
        "import sys, newsarchive.export as e\n"
        "light = not {'orjson', 'yaml', 'rich', 'click'} & set(sys.modules)\n"
        "for fmt in e.EXPORTERS: e.exporter_for(fmt)\n"
        "print(light, sorted(m for m in ('rich', 'click') if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "[]"]
