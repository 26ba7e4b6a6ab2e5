"""Search benchmark: `SearchIndex.search` in a whole process against a bare FTS5 process.

    .venv/bin/python bench/search_bench.py --size 100000 [--runs 5] [--dir bench/out/search]

Generates N synthetic articles (Zipf vocabulary with some accented words, ~600-word bodies
with curly quotes and dashes, 25 years of dates, 25 sources, authors, tags, marker words at
known frequencies), builds the index once (kept in
--dir for the next run), then for each query times, side by side in one run:

- bare:   a Python process that opens the same index and runs the same FTS5 MATCH
          expression (`ORDER BY rank LIMIT 20`), printing the rows;
- search: a Python process calling `SearchIndex.search(...)` and printing the hits as JSON
          (snippets included), which is what `search --format json` does minus Click.

Each figure is the median wall time of --runs whole-process runs (after one warm-up), with
the peak resident set size of the process taken from the kernel (wait4) and the median CPU
time (user + system), which is steadier than wall time on a busy machine. It also times
`apply()` and `sync()` of 1,000 new articles into the index, and checks the marker counts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsarchive.search.index import SearchIndex  # noqa: E402
from newsarchive.search.query import MatchContext, parse, to_match  # noqa: E402

SOURCES = [f"{name} News" for name in (
    "Harbour", "Valley", "Northern", "City", "Coast", "Evening", "Morning", "County", "Metro", "Daily",
    "Weekly", "Capital", "River", "Highland", "Lowland", "Island", "Border", "Western", "Eastern", "Southern",
    "Central", "Union", "Federal", "Global", "Local",
)]  # fmt: skip
TAGS = ["health", "politics", "weather", "economy", "science", "sport", "culture", "crime", "education", "travel"]
# Marker words and the share of articles whose body holds each one (checked after the build).
MARKERS = {"zqcommon": 0.40, "zqregular": 0.05, "zqrare": 0.001}
SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vo", "bri", "den", "sul", "ar", "eth", "on", "pra", "qui", "ne", "st"]


def vocabulary(size: int, rng: random.Random) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.03:  # some accented words, as real text has ("café", "Zürich")
            word = word.replace("e", "é", 1).replace("u", "ü", 1)
        words[word] = None
    return list(words)


def generate(n: int, seed: int = 7, start: int = 0) -> list[dict]:
    """N deterministic articles; `start` shifts the ids so more can be generated later."""
    rng = random.Random(seed + start)
    vocab = vocabulary(40_000, random.Random(seed))
    weights = [1 / (rank + 1) for rank in range(len(vocab))]  # Zipf, s = 1
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    authors = [f"{rng.choice(['Ana', 'Ben', 'Chloe', 'Dev', 'Eva', 'Finn', 'Gita', 'Hugo'])} {w.title()}" for w in vocab[100:400]]
    records = []
    for i in range(start, start + n):
        body_words = rng.choices(vocab, cum_weights=cum, k=600)
        for marker, share in MARKERS.items():
            if rng.random() < share:
                body_words[rng.randrange(600)] = marker
        # Real text is rarely pure ASCII: curly quotes and dashes in every paragraph.
        paragraphs = [
            " ".join(body_words[j : j + 25]).capitalize() + " — “" + " ".join(body_words[j + 25 : j + 60]) + ".”"
            for j in range(0, 600, 60)
        ]
        year = 2000 + rng.randrange(25)
        records.append(
            {
                "id": f"{i:012x}",
                "title": " ".join(rng.choices(vocab[:5000], k=rng.randint(5, 10))).capitalize(),
                "subtitle": " ".join(rng.choices(vocab, cum_weights=cum, k=15)).capitalize(),
                "authors": [rng.choice(authors)],
                "source": rng.choice(SOURCES),
                "site": rng.choice(SOURCES),
                "section": rng.choice(["World", "Health", "Business", "Local"]),
                "reviewer": None,
                "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "url": f"https://example.org/{i}",
                "language": "en",
                "tags": rng.sample(TAGS, rng.randint(0, 2)),
                "notes": [],
                "headings": [],
                "body": "\n\n".join(paragraphs),
                "word_count": 600,
                "imported_at": "2025-06-01T12:00:00+00:00",
                "origin": {"path": f"gen/{i}.txt", "format": "text", "sha256": "0" * 64, "extractor": "bench"},
            }
        )
    return records


BARE = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 20", (sys.argv[2],)).fetchall()
print(rows)
"""

SEARCH = """
import json, sys
from newsarchive.search.index import SearchIndex
index = SearchIndex(sys.argv[1])
results = index.search(sys.argv[2], limit=20)
print(json.dumps({"total": results.total, "hits": [h.to_dict() for h in results.hits]}, ensure_ascii=False))
"""

APPLY = """
import sys, time, pickle
from newsarchive.search.index import SearchIndex
records = pickle.load(open(sys.argv[2], "rb"))
t = time.perf_counter()
index = SearchIndex(sys.argv[1])
index.{method}
index.close()
print(time.perf_counter() - t)
"""


# Children are started from this small launcher, not from the benchmark process: a forked
# child's peak RSS counts the parent's pages until exec, which would hide the real figure.
LAUNCHER = """
import json, os, subprocess, sys, time
args, runs = json.loads(sys.argv[1]), int(sys.argv[2])
times, peaks, cpus = [], [], []
for i in range(runs + 1):
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=sys.argv[3])
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        sys.exit(proc.stderr.read().decode())
    if i:  # the first run warms the page cache
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
        cpus.append(usage.ru_utime + usage.ru_stime)
print(json.dumps([times, peaks, cpus]))
"""


def measure(args: list[str], runs: int) -> tuple[float, float, float]:
    """Median wall seconds, largest peak RSS (MB) and median CPU seconds over `runs` runs."""
    import json

    out = subprocess.run(
        [sys.executable, "-c", LAUNCHER, json.dumps(args), str(runs), str(ROOT)], capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(f"{args} failed:\n{out.stderr}")
    times, peaks, cpus = json.loads(out.stdout)
    return statistics.median(times), max(peaks), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench" / "out" / "search")
    parser.add_argument("--rebuild", action="store_true", help="build the index even if one is kept")
    args = parser.parse_args()
    python = sys.executable
    # An installed package has its bytecode compiled; this checkout may run with
    # PYTHONDONTWRITEBYTECODE, which would charge every run for compiling the modules.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "newsarchive")], check=True, stdout=subprocess.DEVNULL)
    folder = args.dir / str(args.size)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "index.sqlite"

    if args.rebuild or not path.exists() or SearchIndex(path).count() != args.size:
        t = time.perf_counter()
        records = generate(args.size)
        generated = time.perf_counter() - t
        t = time.perf_counter()
        index = SearchIndex(path)
        index.reset()
        index.rebuild(records, f"bench-{args.size}")
        index.close()
        built = time.perf_counter() - t
        del records
        print(f"generated {args.size:,} articles in {generated:.1f} s; index built in {built:.1f} s")
    size_mb = sum(p.stat().st_size for p in folder.glob("index.sqlite*")) / 2**20
    print(f"index: {path} ({size_mb:.0f} MB)")

    index = SearchIndex(path)
    for marker, share in MARKERS.items():
        got = index.search(marker, limit=0).total
        print(f"marker {marker}: {got:,} hits (expected about {share * args.size:,.0f})")

    queries = ["zqrare", "zqregular", "zqcommon", '"zqcommon ka"', "zqregular -zqcommon", "title:lo*"]
    print(f"\n{'query':<24}{'bare ms':>9}{'search ms':>11}{'ratio':>7}{'bare MB':>9}{'search MB':>11}"
          f"{'bare cpu':>10}{'search cpu':>12}{'cpu ratio':>11}")
    for query in queries:
        ctx = MatchContext(index._languages(), index._stem)
        expr = to_match(parse(query), ctx)
        bare_t, bare_mb, bare_cpu = measure([python, "-c", BARE, str(path), expr], args.runs)
        ours_t, ours_mb, ours_cpu = measure([python, "-c", SEARCH, str(path), query], args.runs)
        print(
            f"{query:<24}{bare_t * 1000:>9.1f}{ours_t * 1000:>11.1f}{ours_t / bare_t:>7.2f}{bare_mb:>9.1f}{ours_mb:>11.1f}"
            f"{bare_cpu * 1000:>10.1f}{ours_cpu * 1000:>12.1f}{ours_cpu / bare_cpu:>11.2f}"
        )
    python_t, _, python_cpu = measure([python, "-c", "pass"], args.runs)
    print(f"{'(python -c pass)':<24}{python_t * 1000:>9.1f}{'':>38}{python_cpu * 1000:>10.1f}")
    index.close()

    # Writes: 1,000 new articles, applied (as after an import) and synced (as after a hand edit).
    import pickle

    extra = generate(1000, start=args.size)
    pickled = folder / "extra.pickle"
    pickled.write_bytes(pickle.dumps(extra))
    ids = [r["id"] for r in extra]
    apply_code = APPLY.replace("{method}", "apply(records, [], 'bench-apply')")
    out = subprocess.run([python, "-c", apply_code, str(path), str(pickled)], capture_output=True, text=True, cwd=ROOT)
    print(f"\napply 1,000 new articles: {float(out.stdout):.2f} s (in process, including open and commit)")
    undo = SearchIndex(path)
    undo.apply([], ids, f"bench-{args.size}")
    undo.close()
    # sync: the full archive plus 1,000 new; every record is hashed to find what changed.
    everything = generate(args.size) + extra
    pickled.write_bytes(pickle.dumps(everything))
    del everything
    sync_code = APPLY.replace("{method}", "sync(records, 'bench-sync')")
    out = subprocess.run([python, "-c", sync_code, str(path), str(pickled)], capture_output=True, text=True, cwd=ROOT)
    print(f"sync {args.size:,} + 1,000 new articles: {float(out.stdout):.2f} s (in process, records already in memory)")
    undo = SearchIndex(path)
    undo.apply([], ids, f"bench-{args.size}")
    undo.close()
    pickled.unlink()


if __name__ == "__main__":
    main()
