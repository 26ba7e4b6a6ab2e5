"""Score the HTML importer against the Dragnet gold text, next to plain trafilatura.

Run from the repository root (needs ../shared beside the checkout, or pass the corpus dir):

    .venv/bin/python bench/html_eval.py [CORPUS_DIR] [--processes 1] [--losses 20]

Every page of CORPUS_DIR/dragnet/html goes through `extract_html` and, side by side,
through `trafilatura.extract` twice: with its defaults (which include reader comments) and
with `include_comments=False`. The score is the corpus's own metric.py (imported from its
path): F1, precision and recall of word 4-gram shingles. Pages whose id's digits are
divisible by 5 are held out (never looked at while tuning) and reported apart from the rest.

The gold marks the headline and reader comments as content (Dragnet's "content and
comments" gold), while our record keeps the headline in `title`, the article alone in
`body` and reader comments in `extra["comments"]`; the record's text (all three) is scored,
then the body with comments, then the body alone. The gold separates the comments it marks
from the article with a `!@#$%^&*()  COMMENTS` line, so the body alone (and trafilatura
without comments) is also scored against the article part only: the fair measure of a body
that by design holds no comments. To show where the gap to the whole gold lies, the body,
the title with the body (most golds open with the headline), the record's text and both
trafilatura runs are scored against the whole gold, apart on the pages whose gold has no
comments mark and on those whose gold has one; the title with the body on all pages too.
Then the pages where our body loses most to trafilatura without comments on the article
part, tuned pages only. Some gold files are UTF-16: they are read by their BOM, and the
naive reading (UTF-8, else CP1252) is scored as well, because the corpus README's reference
figure was.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsarchive.errors import BadInputError  # noqa: E402
from newsarchive.extract import ExtractContext  # noqa: E402
from newsarchive.extract.html import extract_html  # noqa: E402

# Dragnet's gold puts this line between the article and the reader comments it marks.
COMMENTS_MARK = re.compile(r"!@#\$%\^&\*+\(\)\s*COMMENTS")


class PageResult(NamedTuple):
    page_id: str
    title: str
    body: str
    comments: str
    plain: str  # trafilatura.extract with its defaults
    plain_no_comments: str  # trafilatura.extract(include_comments=False)
    ours_seconds: float
    plain_seconds: float
    plain_no_comments_seconds: float


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


def article_part(gold: str) -> str:
    """The gold before its comments mark: the article text alone."""
    return COMMENTS_MARK.split(gold, maxsplit=1)[0]


def held_out(page_id: str) -> bool:
    digits = re.sub(r"\D", "", page_id)
    return bool(digits) and int(digits) % 5 == 0


def run_page(path: Path) -> PageResult:
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
    started = time.process_time()
    plain_no_comments = trafilatura.extract(data, include_comments=False) or ""
    theirs_no_comments = time.process_time() - started
    return PageResult(path.stem, title, body, comments, plain, plain_no_comments, ours, theirs, theirs_no_comments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--losses", type=int, default=15, help="tuned pages to list where our body loses most")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    metric = load_metric(corpus)
    pages = sorted((corpus / "dragnet" / "html").glob("*.html"))
    started = time.perf_counter()
    with Pool(args.processes) as pool:
        results: list[PageResult] = pool.map(run_page, pages, chunksize=4)
    wall = time.perf_counter() - started
    gold_dir = corpus / "dragnet" / "gold"

    def row(label: str, pairs: list[tuple[str, str]]) -> None:
        f1, precision, recall = metric.score(pairs)
        print(f"  {label:<48} F1 {f1:.4f}  precision {precision:.4f}  recall {recall:.4f}  ({len(pairs)} pages)")

    def join(*parts: str) -> str:
        return "\n\n".join(part for part in parts if part)

    parts = (("all", lambda i: True), ("tuned", lambda i: not held_out(i)), ("held-out", held_out))
    for naive in (False, True):
        print(f"gold read {'naively (UTF-8, else CP1252)' if naive else 'by its BOM (UTF-16 where marked)'}:")
        for part, keep in parts if not naive else parts[:1]:
            print(f" {part}:")
            chosen = [r for r in results if keep(r.page_id)]
            gold = {r.page_id: read_gold(gold_dir / f"{r.page_id}.txt", naive=naive) for r in chosen}
            row("newsarchive title + body + comments", [(gold[r.page_id], join(r.title, r.body, r.comments)) for r in chosen])
            row("newsarchive body + comments", [(gold[r.page_id], join(r.body, r.comments)) for r in chosen])
            row("newsarchive body alone", [(gold[r.page_id], r.body) for r in chosen])
            row("trafilatura.extract defaults (with comments)", [(gold[r.page_id], r.plain) for r in chosen])
            row("trafilatura.extract include_comments=False", [(gold[r.page_id], r.plain_no_comments) for r in chosen])
            if naive:
                continue
            print("   against the gold's article part (before its comments mark):")
            row("newsarchive body alone", [(article_part(gold[r.page_id]), r.body) for r in chosen])
            row("newsarchive title + body", [(article_part(gold[r.page_id]), join(r.title, r.body)) for r in chosen])
            row(
                "trafilatura.extract include_comments=False",
                [(article_part(gold[r.page_id]), r.plain_no_comments) for r in chosen],
            )
            # Where the gap to the whole gold lies: the pages whose gold marks reader comments
            # (which a body holds none of by design) apart from those whose gold is the
            # article alone (where only the headline, kept in the title, is missing).
            marks = {r.page_id: bool(COMMENTS_MARK.search(gold[r.page_id])) for r in chosen}
            groups = (
                ("without a comments mark", [r for r in chosen if not marks[r.page_id]]),
                ("with a comments mark", [r for r in chosen if marks[r.page_id]]),
            )
            for group, members in groups:
                print(f"   against the whole gold, pages {group}:")
                for label, text in (
                    ("newsarchive body alone", lambda r: r.body),
                    ("newsarchive title + body", lambda r: join(r.title, r.body)),
                    ("newsarchive title + body + comments", lambda r: join(r.title, r.body, r.comments)),
                    ("trafilatura.extract include_comments=False", lambda r: r.plain_no_comments),
                    ("trafilatura.extract defaults (with comments)", lambda r: r.plain),
                ):
                    row(label, [(gold[r.page_id], text(r)) for r in members])
            print("   against the whole gold, all pages:")
            row("newsarchive title + body", [(gold[r.page_id], join(r.title, r.body)) for r in chosen])
    marked = sum(1 for r in results if COMMENTS_MARK.search(read_gold(gold_dir / f"{r.page_id}.txt")))
    print(f"gold files with reader comments marked: {marked} of {len(results)}")

    def page_f1(gold: str, text: str) -> tuple[float, float, float]:
        counts = metric.page_counts(gold, text)
        precision, recall = metric._prec(*counts), metric._rec(*counts)
        return (2 * precision * recall / (precision + recall) if precision + recall else 0.0), precision, recall

    losses = []
    for r in results:
        if held_out(r.page_id):
            continue
        gold = article_part(read_gold(gold_dir / f"{r.page_id}.txt"))
        ours, theirs = page_f1(gold, r.body), page_f1(gold, r.plain_no_comments)
        losses.append((ours[0] - theirs[0], r.page_id, ours, theirs))
    losses.sort()
    worse = sum(1 for loss in losses if loss[0] < -0.01)
    better = sum(1 for loss in losses if loss[0] > 0.01)
    print(
        f"tuned pages, our body against trafilatura include_comments=False on the article part: "
        f"worse on {worse}, better on {better} (by more than 0.01 F1); the worst {args.losses}:"
    )
    for difference, page_id, ours, theirs in losses[: args.losses]:
        print(
            f"  {page_id:>5} {difference:+.3f}  ours F1 {ours[0]:.2f} P {ours[1]:.2f} R {ours[2]:.2f}"
            f"  trafilatura F1 {theirs[0]:.2f} P {theirs[1]:.2f} R {theirs[2]:.2f}"
        )

    # The gold usually opens with the headline: a rough check of the titles we chose.
    words = lambda text: " ".join(re.findall(r"\w+", (text or "").lower()))  # noqa: E731
    titled = [r for r in results if r.title]
    found = sum(1 for r in titled if words(r.title) in words(read_gold(gold_dir / f"{r.page_id}.txt")[:600]))
    print(f"titles found in the first 600 characters of the gold: {found} of {len(titled)}")
    # CPU time, not wall time: other work on the machine must not count against us.
    per_page = lambda seconds: sum(seconds) / len(results) * 1000  # noqa: E731
    print(
        f"CPU time per page: newsarchive {per_page(r.ours_seconds for r in results):.1f} ms, "
        f"trafilatura defaults {per_page(r.plain_seconds for r in results):.1f} ms, "
        f"without comments {per_page(r.plain_no_comments_seconds for r in results):.1f} ms; "
        f"wall {wall:.1f} s for all three on {args.processes} processes"
    )


if __name__ == "__main__":
    main()
