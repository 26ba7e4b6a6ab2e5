"""Floor for `search`: the same FTS5 query, on the CLI's own SQLite index, in a bare process.

Usage: bare_fts.py INDEX.sqlite QUERY [--limit N | --count]

Finds the FTS5 table in the index, runs QUERY (FTS5 syntax) ranked by bm25 with a snippet
of each hit (where the index keeps the text), reads the hits' rows from the article table
(the widest ordinary table with an `id` column, joined on rowid), and prints them as JSON
lines; --count prints the number of matches.
"""

import json
import sqlite3
import sys

path, query = sys.argv[1], sys.argv[2]
count = "--count" in sys.argv
limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 20

db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
tables = [
    name
    for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    if sql and "VIRTUAL TABLE" in sql.upper() and "FTS5" in sql.upper()
]
if not tables:
    sys.exit(f"no FTS5 table in {path}")
# With several (say one per field group), the largest is the one searched. With one, it is not
# counted: counting a 100,000-row FTS5 table costs the floor ~15 ms of work a search does not do.
table = tables[0] if len(tables) == 1 else max(tables, key=lambda t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
if count:
    print(db.execute(f'SELECT count(*) FROM "{table}" WHERE "{table}" MATCH ?', (query,)).fetchone()[0])
    sys.exit(0)
try:
    rows = db.execute(
        f'SELECT rowid, snippet("{table}", -1, \'[\', \']\', \'...\', 12) FROM "{table}" '
        f'WHERE "{table}" MATCH ? ORDER BY rank LIMIT ?',
        (query, limit),
    ).fetchall()
except sqlite3.OperationalError:  # a contentless index has no text for snippets
    rows = db.execute(
        f'SELECT rowid FROM "{table}" WHERE "{table}" MATCH ? ORDER BY rank LIMIT ?', (query, limit)
    ).fetchall()
articles = [
    name
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    if "id" in [c[1] for c in db.execute(f'PRAGMA table_info("{name}")')]
]
details = {}
if articles and rows:
    table = max(articles, key=lambda t: len(list(db.execute(f'PRAGMA table_info("{t}")'))))
    marks = ",".join("?" * len(rows))
    details = {r[0]: r for r in db.execute(f'SELECT rowid, * FROM "{table}" WHERE rowid IN ({marks})', [r[0] for r in rows])}
for row in rows:
    print(json.dumps([*row, *details.get(row[0], ())[1:]], ensure_ascii=False))
