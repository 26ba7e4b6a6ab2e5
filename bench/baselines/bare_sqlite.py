"""Floors for `show`, `list` and `stats`: the same reads straight from the CLI's SQLite index.

Usage: bare_sqlite.py INDEX.sqlite row ID | recent N | stats

Finds the ordinary table that holds one row per article (the one with an `id` column, and
`published` for recent/stats), then reads one row by id, the N newest rows, or counts by
year and by source. Prints what it read as JSON.
"""

import json
import sqlite3
import sys

path, mode = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def columns(table):
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]


tables = {
    name: columns(name)
    for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    if sql and "VIRTUAL TABLE" not in sql.upper()
}
need = {"row": {"id"}, "recent": {"id", "published"}, "stats": {"published"}}[mode]
candidates = [t for t, cols in tables.items() if need <= set(cols)]
if not candidates:
    sys.exit(f"no table with columns {sorted(need)} in {path}: {tables}")
# The article table is the widest of those that qualify.
table = max(candidates, key=lambda t: len(tables[t]))
db.row_factory = sqlite3.Row

if mode == "row":
    row = db.execute(f'SELECT * FROM "{table}" WHERE id = ?', (sys.argv[3],)).fetchone()
    print(json.dumps(dict(row) if row else None, ensure_ascii=False, default=str))
elif mode == "recent":
    rows = db.execute(f'SELECT * FROM "{table}" ORDER BY published DESC LIMIT ?', (int(sys.argv[3]),))
    for row in rows:
        print(json.dumps(dict(row), ensure_ascii=False, default=str))
else:
    stats = {"articles": db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]}
    stats["years"] = dict(db.execute(f'SELECT substr(published, 1, 4), count(*) FROM "{table}" GROUP BY 1').fetchall())
    if "source" in tables[table]:
        stats["sources"] = dict(db.execute(f'SELECT source, count(*) FROM "{table}" GROUP BY 1').fetchall())
    print(json.dumps(stats, ensure_ascii=False))
