"""Issue 8, row 2: several writers and a reader at the same time.

Four processes import 50 articles each into one archive at once while a reader keeps
listing and exporting it. The lock serialises the writers, so all 200 articles land with
unique ids; atomic replacement means the reader only ever sees whole versions, so its
output always parses, and the count it sees never goes down.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import orjson
import pytest

from tests.faults_support import article, cli_command, cli_env, load_articles, run_cli, temp_files, write_jsonl

WRITERS = 4
PER_WRITER = 50

# One writer process: PER_WRITER separate imports of one article each, through the library,
# so the writers contend for the lock hundreds of times within a few seconds.
WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from newsarchive.archive import Archive
    from newsarchive.ingest import ImportOptions, Importer

    db, folder = Path(sys.argv[1]), Path(sys.argv[2])
    for path in sorted(folder.glob("*.jsonl")):
        report = Importer(Archive(db, lock_timeout=60), ImportOptions(format="jsonl")).run([str(path)])
        if report.archive_error or report.failed or len(report.imported) != 1:
            sys.exit(f"{path}: {report.as_dict()} {report.archive_error}")
""")

# One reader process: read the raw file and the store's view over and over until told to stop.
READER = textwrap.dedent("""
    import sys, orjson
    from pathlib import Path
    from newsarchive.store.tinystore import ArchiveStore

    db, stop = Path(sys.argv[1]), Path(sys.argv[2])
    reads, last = 0, 0
    while not stop.exists():
        try:
            raw = db.read_bytes()
        except FileNotFoundError:
            continue
        tables = orjson.loads(raw)  # a half-written file would fail here
        count = len(ArchiveStore(db).read())
        if count < last:
            sys.exit(f"the archive went back from {last} to {count} articles")
        last, reads = count, reads + 1
    print(reads)
""")


def _writer_inputs(tmp_path: Path, writer: int, per_file: bool) -> Path:
    folder = tmp_path / f"writer{writer}"
    records = [article(f"w{writer}", i) for i in range(PER_WRITER)]
    if per_file:
        for i, record in enumerate(records):
            write_jsonl(folder / f"{i:03d}.jsonl", [record])
    else:
        write_jsonl(folder / "all.jsonl", records)
    return folder


def test_four_library_writers_and_a_raw_reader(tmp_path):
    """200 lock-serialised writes from 4 processes; the raw file always parses."""
    db = tmp_path / "shared" / "news.json"
    stop = tmp_path / "stop"
    folders = [_writer_inputs(tmp_path, w, per_file=True) for w in range(WRITERS)]
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(f)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
               for f in folders]
    try:
        for proc in writers:
            _, err = proc.communicate(timeout=240)
            assert proc.returncode == 0, err.decode()
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err.decode()
    assert int(out) > 0  # the reader really read while the writers wrote

    records = load_articles(db)
    assert len(records) == WRITERS * PER_WRITER
    titles = {r["title"] for r in records.values()}
    assert titles == {article(f"w{w}", i)["title"] for w in range(WRITERS) for i in range(PER_WRITER)}
    assert temp_files(db) == []


def test_four_cli_imports_and_a_cli_reader(tmp_path):
    """4 `import` commands started together, while `list`, `export` and `search` loop."""
    db = tmp_path / "shared" / "news.json"
    folders = [_writer_inputs(tmp_path, w, per_file=False) for w in range(WRITERS)]
    writers = [subprocess.Popen(cli_command(db, "--lock-timeout", "120", "import", f / "all.jsonl", "--format", "jsonl",
                                            "--json", "-q"),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
               for f in folders]
    reads, last = 0, 0
    deadline = time.monotonic() + 120
    while any(p.poll() is None for p in writers) or reads < 6:
        assert time.monotonic() < deadline, "the writers did not finish"
        command = [("list", "--format", "json"), ("export", "--format", "jsonl"),
                   ("search", "report", "--format", "json", "--limit", "0")][reads % 3]
        result = run_cli(db, *command)
        # Exit 1 is finding nothing yet (the archive may not exist): JSON output is then [].
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
        if command[0] == "export":
            count = len([orjson.loads(line) for line in result.stdout.splitlines() if line])
        else:
            count = len(json.loads(result.stdout))
        assert count >= last, f"the archive went back from {last} to {count} articles"
        last, reads = count, reads + 1

    reported = set()
    for proc in writers:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
        ids = [entry["id"] for entry in json.loads(out)["imported"]]
        assert len(ids) == PER_WRITER
        reported.update(ids)
    records = load_articles(db)
    assert len(reported) == WRITERS * PER_WRITER
    assert set(records) == reported
    assert temp_files(db) == []


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(5))
def test_four_library_writers_repeated(tmp_path, round_):
    test_four_library_writers_and_a_raw_reader(tmp_path)
