"""Floor for `check`: parse every JSON file of the archive with orjson and validate each record.

Usage: bare_check.py ARCHIVE_DIR

Reads the archive's TinyDB files under the folder: each top-level *.json (the archive file)
and each segment file in `<archive>.d/segments/` (not the derived keys files, the backups
or other derived JSON), and checks that each record has the DESIGN.md fields with the right
types. No fixity of originals, no index.
"""

import sys
from pathlib import Path

import orjson

TEXT = ("title", "body")
LISTS = ("authors", "tags")
records = bad = 0
folder = Path(sys.argv[1])
archive_files = sorted(folder.glob("*.json")) + sorted(
    p for p in folder.glob("*.json.d/segments/*.json") if not p.name.endswith(".keys.json"))
for path in archive_files:
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
