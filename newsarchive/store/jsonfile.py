"""The archive's file format: TinyDB's JSON layout, one document per line.

The file is what TinyDB's JSONStorage would hold — {"table": {"doc id": {...}}} — so any
TinyDB program can open it, but it is written one document per line, which keeps it
readable and diffable, and lets the writer stream it in one pass instead of building one
huge string. Parsing uses orjson; every way a file can be broken is reported with the path
and, where there is one, the byte offset.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import orjson

from newsarchive.errors import ArchiveError

Tables = dict[str, dict[str, Any]]


def parse_archive(data: bytes, path: Path) -> Tables:
    """The tables held in `data`, or ArchiveError saying what is wrong and where."""
    if not data.strip():
        # An empty file is what an interrupted `touch` or a new TinyDB leaves: no tables yet.
        return {}
    try:
        tables = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        # orjson checks the UTF-8 too, but only a decode says at which byte it breaks; it is
        # done here, on the error path, to keep a 400 MB load from paying for it.
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as bad:
            raise _corrupt(path, f"invalid UTF-8 at byte offset {bad.start}") from None
        raise _corrupt(path, f"not valid JSON at byte offset {_byte_offset(data, exc.pos)} ({exc.msg})") from None
    if not isinstance(tables, dict):
        start = len(data) - len(data.lstrip())
        raise _corrupt(path, f"the top level (at byte offset {start}) is a JSON {type(tables).__name__}, "
                             f"not an object of tables")
    for name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise _corrupt(path, f"table {name!r} is not an object of documents")
        # TinyDB's document ids are integers; any other key makes the table unusable.
        bad = next((key for key in table if not key.isdigit()), None)
        if bad is not None:
            raise _corrupt(path, f"table {name!r} has a document id that is not a number: {bad[:40]!r}")
    return tables


def serialise_archive(tables: Tables) -> Iterator[bytes]:
    """The file's bytes in chunks, one document per line, tables in a stable order."""
    yield b"{"
    for t, (name, table) in enumerate(sorted(tables.items())):
        yield (b",\n" if t else b"\n") + orjson.dumps(name) + b": {"
        for d, (doc_id, doc) in enumerate(table.items()):
            yield (b",\n  " if d else b"\n  ") + orjson.dumps(str(doc_id)) + b": " + orjson.dumps(doc)
        yield b"\n}" if table else b"}"
    yield b"\n}\n"


def _byte_offset(data: bytes, char_pos: int) -> int:
    """orjson reports a character position; people and `dd` want bytes."""
    try:
        return len(data.decode("utf-8")[:char_pos].encode("utf-8"))
    except UnicodeDecodeError:
        return char_pos


def _corrupt(path: Path, reason: str) -> ArchiveError:
    return ArchiveError(
        f"cannot read archive {path}: {reason}; it was left untouched",
        hint="run `newsarchive check --repair` to restore the last good backup",
    )
