"""Score the HTML importer against the Dragnet gold text, next to plain trafilatura.

Run from the repository root (needs ../shared beside the checkout, or pass the corpus dir):

    .venv/bin/python bench/html_eval.py [CORPUS_DIR] [--processes 2]

Every page of CORPUS_DIR/dragnet/html goes through `extract_html` and, side by side,
through `trafilatura.extract` with its defaults. The score is the corpus's own metric.py
(imported from its path): F1, precision and recall of word 4-gram shingles. Pages whose
id's digits are divisible by 5 are held out (never looked at while tuning) and reported
apart from the rest.

The gold marks the headline and reader comments as content (Dragnet's "content and
comments" gold), while our record keeps the headline in `title`, the article alone in
`body` and reader comments in `extra["comments"]`; the record's text (all three) is scored,
then the body with comments, then the body alone. Some gold files are UTF-16: they are read by their BOM, and the naive reading
(UTF-8, else CP1252) is scored as well, because the corpus README's reference figure was.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsarchive.errors import BadInputError  # noqa: E402
from newsarchive.extract import ExtractContext  # noqa: E402
from newsarchive.extract.html import extract_html  # noqa: E402


def load_metric(corpus: Path):
    spec = importlib.util.spec_from_file_location("corpus_metric", corpus / "metric.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(path: Path, *, naive: bool = False) -> str:
    data = path.read_bytes()
    if not naive and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def held_out(page_id: str) -> bool:
    digits = re.sub(r"\D", "", page_id)
    return bool(digits) and int(digits) % 5 == 0


def run_page(path: Path) -> tuple[str, str, str, str, float, float, str]:
    import trafilatura

    data = path.read_bytes()
    started = time.process_time()
    title = body = comments = ""
    try:
        for item in extract_html(data, ExtractContext(path=str(path))):
            if not isinstance(item, BadInputError):
                title, body, comments = item.title, item.body, item.extra.get("comments", "")
    except BadInputError:
        pass
    ours = time.process_time() - started
    started = time.process_time()
    plain = trafilatura.extract(data) or ""
    theirs = time.process_time() - started
    return path.stem, body, comments, plain, ours, theirs, title


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    metric = load_metric(corpus)
    pages = sorted((corpus / "dragnet" / "html").glob("*.html"))
    started = time.perf_counter()
    with Pool(args.processes) as pool:
        results = pool.map(run_page, pages, chunksize=4)
    wall = time.perf_counter() - started

    def row(label: str, pairs: list[tuple[str, str]]) -> None:
        f1, precision, recall = metric.score(pairs)
        print(f"  {label:<44} F1 {f1:.4f}  precision {precision:.4f}  recall {recall:.4f}  ({len(pairs)} pages)")

    for naive in (False, True):
        print(f"gold read {'naively (UTF-8, else CP1252)' if naive else 'by its BOM (UTF-16 where marked)'}:")
        for part, keep in (("all", lambda i: True), ("tuned", lambda i: not held_out(i)), ("held-out", held_out)):
            print(f" {part}:")
            chosen = [r for r in results if keep(r[0])]
            gold = {r[0]: read_gold(corpus / "dragnet" / "gold" / f"{r[0]}.txt", naive=naive) for r in chosen}
            row(
                "newsarchive title + body + comments",
                [(gold[i], "\n\n".join(filter(None, (r[6], b, c)))) for r in chosen for i, b, c in [r[:3]]],
            )
            row("newsarchive body + comments", [(gold[i], "\n\n".join(filter(None, (b, c)))) for i, b, c, *_ in chosen])
            row("newsarchive body alone", [(gold[i], b) for i, b, *_ in chosen])
            row("trafilatura.extract defaults", [(gold[i], plain) for i, _, _, plain, *_ in chosen])
    # The gold usually opens with the headline: a rough check of the titles we chose.
    words = lambda text: " ".join(re.findall(r"\w+", (text or "").lower()))  # noqa: E731
    titled = [r for r in results if r[6]]
    found = sum(1 for r in titled if words(r[6]) in words(read_gold(corpus / "dragnet" / "gold" / f"{r[0]}.txt")[:600]))
    print(f"titles found in the first 600 characters of the gold: {found} of {len(titled)}")
    ours = sum(r[4] for r in results) / len(results) * 1000
    theirs = sum(r[5] for r in results) / len(results) * 1000
    # CPU time, not wall time: other work on the machine must not count against us.
    print(
        f"CPU time per page: newsarchive {ours:.1f} ms, trafilatura {theirs:.1f} ms; "
        f"wall {wall:.1f} s for both on {args.processes} processes"
    )


if __name__ == "__main__":
    main()
