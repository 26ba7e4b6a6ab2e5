r"""Naive TinyDB: what a simple implementation would do, with stock TinyDB and its JSONStorage.

Usage:
    naive_tinydb.py DB.json import FILE.jsonl     insert_multiple of every line
    naive_tinydb.py DB.json search TERM...        Query().body.search(r'\bTERM\b'), all terms
    naive_tinydb.py DB.json get DOC_ID            get by document id
    naive_tinydb.py DB.json tag DOC_ID TAG        update one document's tags
    naive_tinydb.py DB.json list N                the N newest articles
    naive_tinydb.py DB.json stats                 counts by year and by source
    naive_tinydb.py DB.json check                 read every record and validate its fields

Every command opens the file the stock way, so each one parses the whole JSON file, and
every write serialises all of it again.
"""

import json
import re
import sys
from collections import Counter

from tinydb import Query, TinyDB

path, mode, args = sys.argv[1], sys.argv[2], sys.argv[3:]
db = TinyDB(path)

if mode == "import":
    with open(args[0], encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    db.insert_multiple(records)
    print(len(records))
elif mode == "search":
    article = Query()
    condition = None
    for term in args:
        # A phrase is its words separated by whitespace, in order.
        pattern = r"\b" + r"\s+".join(re.escape(word) for word in term.split()) + r"\b"
        test = article.body.search(pattern, flags=re.IGNORECASE)
        condition = test if condition is None else condition & test
    hits = db.search(condition)
    print(len(hits))
    for doc in hits[:20]:
        print(json.dumps({"id": doc.doc_id, "title": doc["title"], "published": doc["published"]}))
elif mode == "get":
    print(json.dumps(db.get(doc_id=int(args[0])), ensure_ascii=False))
elif mode == "tag":
    tag = args[1]

    def add_tag(doc):
        if tag not in doc["tags"]:
            doc["tags"].append(tag)

    db.update(add_tag, doc_ids=[int(args[0])])
elif mode == "list":
    newest = sorted(db.all(), key=lambda doc: doc.get("published") or "", reverse=True)
    for doc in newest[: int(args[0])]:
        print(json.dumps({"title": doc["title"], "published": doc["published"]}, ensure_ascii=False))
elif mode == "stats":
    docs = db.all()
    print(len(docs))
    print(Counter((doc.get("published") or "????")[:4] for doc in docs).most_common())
    print(Counter(doc.get("source") for doc in docs).most_common())
elif mode == "check":
    bad = sum(
        1
        for doc in db.all()
        if not (isinstance(doc.get("title"), str) and isinstance(doc.get("body"), str) and isinstance(doc.get("tags"), list))
    )
    print(f"{len(db)} records, {bad} invalid")
else:
    sys.exit(f"unknown mode {mode}")
