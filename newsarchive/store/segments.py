"""Sealed segments: the archive's older articles, in TinyDB files beside the archive file.

One JSON file that holds every article must be rewritten whole by every write, so a tag at
100,000 articles meant writing 400 MB. Instead the archive file keeps only the newest
articles (fewer than `segment_size`) inline, and a table `segments` naming the files that
hold the rest, each a plain TinyDB file of up to `segment_size` articles in
`<archive>.d/segments/`. A write rewrites the archive file and only the segments it
changed.

Segment files are never changed in place: a changed segment is written under a new name
and the archive file, replaced atomically, then points at it. So a crash leaves the old
archive file naming the old, intact segments. The file a new version replaced is *retired*:
the backups (`backups.KEEP` previous archive files) may still name it, so it is deleted
only once every backup is younger than its retirement and no backup file names it.

Each segment has a derived companion, `<name>.keys.json`: a summary of each article (url,
body hash, originals, site), which the importer needs to find duplicates and learn site
furniture, and `delete` to find unused originals, without parsing every segment. It
records the segment file's fingerprint and is recomputed when that no longer matches.

The archive's fingerprint (`fingerprint.py`) is the archive file's, followed by that of
each segment it names: a segment edited by hand makes the index stale, while a segment a
writer has written but not yet named does not.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Any, Iterable, Iterator, NamedTuple

import orjson

from newsarchive.model import has_usable_id, learning_site, originals_of
from newsarchive.store.atomic import write_atomically
from newsarchive.store.fingerprint import file_fingerprint
from newsarchive.store.jsonfile import Tables, serialise_archive

KEYS_SUFFIX = ".keys.json"
# The only names a segment may have: a name read from the archive file is joined to the
# segments folder, so anything else ("../x", "/etc/x") is refused, never opened or deleted.
SEGMENT_NAME = re.compile(r"\d{5,}-[0-9a-f]{12}\.json")
# Articles per sealed segment. Small enough that a write touching one article rewrites a
# few megabytes; large enough that 100,000 articles make only 50 files. The environment
# variable overrides it (for archives of unusually long or short articles, and for tests).
DEFAULT_SEGMENT_SIZE = 2000
SEGMENT_SIZE_VARIABLE = "NEWSARCHIVE_SEGMENT_SIZE"

# Bumped when what a keys file holds changes; a file of another version is recomputed.
KEYS_VERSION = 4


class Summary(NamedTuple):
    """What the importer, `delete` and furniture learning need of every article, kept
    without its text."""

    id: str
    url: str | None
    body_hash: str | None  # None where a record has none (made by hand)
    originals: list[str]  # the sha256 of every original it refers to
    site_key: str | None  # the site furniture learning counts it under (`learning_site`)
    text_page: str | None  # the sha256 of its original when that was a text page
    imported_at: str | None


SUMMARY_TYPES = (str, (str, type(None)), (str, type(None)), list, (str, type(None)), (str, type(None)),
                 (str, type(None)))


def summary_of(record: dict[str, Any]) -> Summary:
    origin = record.get("origin") if isinstance(record.get("origin"), dict) else {}
    text_page = origin.get("sha256") if origin.get("format") == "text" else None
    return Summary(record["id"], record.get("url"), record.get("body_hash"), sorted(originals_of(record)),
                   learning_site(record.get("site"), origin), text_page, record.get("imported_at"))


def configured_segment_size() -> int:
    """The segment size the environment asks for, or the default; ValueError when unusable."""
    value = os.environ.get(SEGMENT_SIZE_VARIABLE, "").strip()
    if not value:
        return DEFAULT_SEGMENT_SIZE
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{SEGMENT_SIZE_VARIABLE} must be a whole number of articles, 1 or more, not {value!r}")
    return int(value)


def is_segment_name(name: str) -> bool:
    return SEGMENT_NAME.fullmatch(name) is not None


def new_segment_name(number: int) -> str:
    """A name no file has had: the number orders segments, the random part keeps every
    version of a segment distinct, so a backup's segment is never overwritten."""
    return f"{number:05d}-{secrets.token_hex(6)}.json"


def keys_path(segment: Path) -> Path:
    return segment.with_name(segment.name[: -len(".json")] + KEYS_SUFFIX)


# -- writing and reading segments --------------------------------------------------------


def write_segment(folder: Path, name: str, records: list[dict[str, Any]]) -> list[str]:
    """Write a new segment file of `records`; returns the ids it holds. Its keys are written
    once the archive file names it (`write_keys`): derived files follow the archive."""
    folder.mkdir(parents=True, exist_ok=True)
    tables: Tables = {"articles": {str(n): r for n, r in enumerate(records, start=1)}}
    write_atomically(folder / name, serialise_archive(tables))
    return [r["id"] for r in records if has_usable_id(r)]


def write_keys(segment: Path, records: Iterable[dict[str, Any]]) -> list[Summary]:
    """Write the summaries of a segment's articles beside it. Derived data: a failure to
    write them is not an error."""
    summaries = [summary_of(r) for r in records if has_usable_id(r)]
    try:
        data = {"version": KEYS_VERSION, "of": file_fingerprint(segment), "keys": [list(s) for s in summaries]}
        write_atomically(keys_path(segment), [orjson.dumps(data)])
    except OSError:
        pass
    return summaries


def read_keys(segment: Path) -> list[Summary] | None:
    """The segment's summaries, or None when they are missing, damaged, or made from
    another version of the segment (edited by hand) or of this format."""
    try:
        data = orjson.loads(keys_path(segment).read_bytes())
        if data["version"] != KEYS_VERSION or data["of"] != file_fingerprint(segment):
            return None
        summaries = [Summary(*entry) for entry in data["keys"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for summary in summaries:
        if not (all(isinstance(value, kind) for value, kind in zip(summary, SUMMARY_TYPES))
                and all(isinstance(digest, str) for digest in summary.originals)):
            return None
    return summaries


def remove_segment(folder: Path, name: str) -> None:
    """Delete a segment file and its keys; a failure leaves a file behind, nothing worse."""
    for path in (folder / name, keys_path(folder / name)):
        try:
            path.unlink()
        except OSError:
            pass


def chunks(records: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Full chunks of `size` records, oldest first; the remainder is left out."""
    for start in range(0, len(records) - len(records) % size, size):
        yield records[start:start + size]


def salvage(data: bytes) -> list[dict[str, Any]]:
    """The documents still readable in a damaged segment file: it is written one document
    per line (`jsonfile.py`), so each line that parses alone is one article kept."""
    found = []
    for line in data.split(b"\n"):
        line = line.strip().rstrip(b",")
        key, colon, document = line.partition(b": ")
        if not colon or not key.startswith(b'"'):
            continue
        try:
            record = orjson.loads(document)
        except orjson.JSONDecodeError:
            continue
        if isinstance(record, dict) and has_usable_id(record):
            found.append(record)
    return found
