"""Floor for `import`: parse a JSONL file with orjson and write the records as one JSON file.

Usage: bare_import.py INPUT.jsonl OUTPUT.json

The output has TinyDB's layout ({"_default": {"1": record, ...}}) and is written to a
temporary file then renamed, as any safe writer must; no ids, validation or index.
"""

import os
import sys

import orjson

source, target = sys.argv[1], sys.argv[2]
with open(source, "rb") as lines:
    records = {str(n): orjson.loads(line) for n, line in enumerate(lines, 1) if line.strip()}
tmp = target + ".tmp"
with open(tmp, "wb") as out:
    out.write(orjson.dumps({"_default": records}))
os.replace(tmp, target)
print(len(records))
