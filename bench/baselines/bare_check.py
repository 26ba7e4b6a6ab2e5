"""Floor for `check`: parse every JSON file of the archive with orjson and validate each record.

Usage: bare_check.py ARCHIVE_DIR

Reads every *.json under the folder (one TinyDB file or many shards), and checks that each
record has the DESIGN.md fields with the right types. No fixity of originals, no index.
"""

import sys
from pathlib import Path

import orjson

TEXT = ("title", "body")
LISTS = ("authors", "tags")
records = bad = 0
for path in sorted(Path(sys.argv[1]).rglob("*.json")):
    try:
        data = orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError:
        continue  # not a TinyDB file (a stray JSON file beside the archive)
    if not isinstance(data, dict):
        continue
    for table in data.values():
        if not isinstance(table, dict):
            continue
        for record in table.values():
            records += 1
            if not isinstance(record, dict) or not all(isinstance(record.get(k), str) for k in TEXT):
                bad += 1
            elif not all(isinstance(record.get(k), list) for k in LISTS):
                bad += 1
print(f"{records} records, {bad} invalid")
