"""Score the text-page importer on the shared corpus, next to two baselines.

For each text style made by bench/text_corpus.py (html-text, inscriptis, w3m) every page
goes through the real importer (`extract_text_file`, as `import --format text` runs it)
and its body is scored against the corpus gold with ../shared/corpus/metric.py. Beside it,
on the same text: "everything kept" (the whole page) and "jusText on lines" (each line a
paragraph, jusText's classifier with the English stop-word list; "jusText ¶" gives it
blank-line paragraphs instead, fairer to w3m's wrapped lines). "+learned" is the
importer again with what the archive would learn from the site's other pages: lines found
on 3 or more pages of the same site (by canonical domain) passed as furniture, as
`reextract` does once those pages are in the archive.

The pages are split so tuning cannot overfit silently: pages whose number (R110 -> 110) % 5 == 0 are
held out (never looked at while tuning), the rest are the tuned part. Both are printed.

The gold of 148 pages runs on into the reader comments, after a line that starts with
"!@#$%^&*()". The importer keeps the article alone (DESIGN.md: body is "the article text
alone"), so a second line scores every method against the article part of the gold.

Title accuracy: the extracted title matches the HTML's og:title or <title> after
normalising case, spacing and punctuation, or is contained in the <title> (which often
carries " - Site name"). Date accuracy: over pages whose HTML states a publication date
(article:published_time and similar), and over those of them whose text shows that date.

Run (a few minutes on 2 cores):

    .venv/bin/python bench/text_corpus.py       # once: makes bench/out/
    .venv/bin/python bench/textpage_eval.py     # prints the table
    .venv/bin/python bench/textpage_eval.py --style w3m --worst 10   # the worst pages of one style
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from multiprocessing import Pool
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
SHARED = BENCH.parent.parent / "shared" / "corpus"
OUT = BENCH / "out"
STYLES = ("html-text", "inscriptis", "w3m")


def load_metric():
    spec = importlib.util.spec_from_file_location("corpus_metric", SHARED / "metric.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


COMMENTS_MARKER = "!@#$%^&*()"


def article_part(gold_text: str) -> str:
    """The gold without the reader comments the corpus appends after its marker line."""
    return gold_text.split(COMMENTS_MARKER, 1)[0]


def page_number(page_id: str) -> int:
    """The number in a page id ("R110" -> 110)."""
    return int(re.sub(r"\D", "", page_id) or 0)


def held_out(page_id: str) -> bool:
    return page_number(page_id) % 5 == 0


def normalise_title(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def title_right(predicted: str | None, meta: dict) -> bool | None:
    """None when the HTML states no title; else whether the extracted one matches it."""
    wanted = [normalise_title(meta.get("og_title")), normalise_title(meta.get("title"))]
    wanted = [w for w in wanted if w]
    if not wanted:
        return None
    got = normalise_title(predicted)
    if not got:
        return False
    if got in wanted:
        return True
    return len(got) >= 12 and any(got in w for w in wanted)


def justext_lines(text: str, *, paragraphs: bool = False) -> str:
    """jusText's verdict on a text page, each line (or each blank-line paragraph) a <p>."""
    import html

    import justext

    units = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)] if paragraphs else text.splitlines()
    page = "<html><body>" + "".join(f"<p>{html.escape(unit)}</p>" for unit in units if unit.strip()) + "</body></html>"
    paragraphs = justext.justext(page, justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def site_furniture(style: str, ids: list[str]) -> dict[str, frozenset[str]]:
    """For each page, the lines found on 3 or more pages of its site (as the archive learns them)."""
    from newsarchive.extract.textpage import learnable_lines

    domains: dict[str, list[str]] = {}
    for page_id in ids:
        meta = json.loads((OUT / "meta" / f"{page_id}.json").read_text(encoding="utf-8"))
        if meta.get("domain"):
            domains.setdefault(meta["domain"], []).append(page_id)
    learned: dict[str, frozenset[str]] = {}
    for pages in domains.values():
        if len(pages) < 3:
            continue
        counts: dict[str, int] = {}
        for page_id in pages:
            text = (OUT / "text" / style / f"{page_id}.txt").read_text(encoding="utf-8")
            for line in learnable_lines(text):
                counts[line] = counts.get(line, 0) + 1
        furniture = frozenset(line for line, n in counts.items() if n >= 3)
        for page_id in pages:
            learned[page_id] = furniture
    return learned


def run_one(job: tuple[str, str, frozenset[str]]) -> dict:
    from newsarchive.errors import BadInputError
    from newsarchive.extract import ExtractContext
    from newsarchive.extract.dates import find_dates
    from newsarchive.extract.textpage import extract_text_file

    style, page_id, furniture = job
    path = OUT / "text" / style / f"{page_id}.txt"
    data = path.read_bytes()
    text = data.decode("utf-8")
    meta = json.loads((OUT / "meta" / f"{page_id}.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    try:
        article = next(extract_text_file(data, ExtractContext(path=str(path))))
        body, title, published = article.body, article.title, article.published
    except BadInputError:
        body, title, published = "", None, None
    elapsed = time.perf_counter() - started
    learned = body
    if furniture:
        try:
            learned = next(extract_text_file(data, ExtractContext(path=str(path), furniture=furniture))).body
        except BadInputError:
            learned = ""
    shown = None
    if meta.get("date"):
        shown = any(d == meta["date"] for dayfirst in (True, False) for _, _, d in find_dates(text, dayfirst=dayfirst))
    return {
        "style": style,
        "id": page_id,
        "ours": body,
        "learned": learned,
        "all": text,
        "justext": justext_lines(text),
        "justext_p": justext_lines(text, paragraphs=True),
        "title_ok": title_right(title, meta),
        "date": meta.get("date"),
        "date_ok": published == meta.get("date") if meta.get("date") else None,
        "date_shown": shown,
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", choices=STYLES, action="append", help="only this style (repeatable)")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst tuned pages of each style")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if not (OUT / "meta").exists():
        sys.exit("bench/out/ is missing: run bench/text_corpus.py first")
    metric = load_metric()
    gold = {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in (SHARED / "dragnet" / "gold").glob("*.txt")}
    ids = sorted(gold)
    styles = args.style or [s for s in STYLES if (OUT / "text" / s).exists()]
    jobs = []
    for style in styles:
        learned = site_furniture(style, ids)
        jobs += [(style, page_id, learned.get(page_id, frozenset())) for page_id in ids if (OUT / "text" / style / f"{page_id}.txt").exists()]
    with Pool(args.processes) as pool:
        results = pool.map(run_one, jobs, chunksize=10)

    print(f"{'style':<11} {'part':<9} {'method':<10} {'F1':>6} {'prec':>6} {'recall':>6}   pages")
    for style in styles:
        rows = [r for r in results if r["style"] == style]
        for part, chosen in (("tuned", [r for r in rows if not held_out(r["id"])]), ("held-out", [r for r in rows if held_out(r["id"])])):
            for method in ("ours", "learned", "all", "justext", "justext_p"):
                f1, p, r = metric.score((gold[row["id"]], row[method]) for row in chosen)
                name = {"ours": "newsarch", "learned": "+learned", "all": "all kept", "justext": "jusText", "justext_p": "jusText ¶"}[method]
                print(f"{style:<11} {part:<9} {name:<10} {f1:6.3f} {p:6.3f} {r:6.3f}   {len(chosen)}")
            # The corpus's gold runs on into the reader comments after a marker line on 148
            # pages; our body is the article alone (DESIGN.md), so we also score against the
            # article part of the gold.
            article_only = []
            for method in ("ours", "learned", "all", "justext"):
                f1, _, _ = metric.score((article_part(gold[row["id"]]), row[method]) for row in chosen)
                article_only.append(f"{method} {f1:.3f}")
            print(f"{'':<21} vs article part of gold (comments cut): " + ", ".join(article_only))
            titled = [row["title_ok"] for row in chosen if row["title_ok"] is not None]
            dated = [row for row in chosen if row["date_ok"] is not None]
            shown = [row for row in dated if row["date_shown"]]
            print(
                f"{'':<21} title {sum(titled)}/{len(titled)} = {sum(titled) / max(1, len(titled)):.1%}"
                f"   date {sum(r['date_ok'] for r in dated)}/{len(dated)} stated"
                f", {sum(r['date_ok'] for r in shown)}/{len(shown)} = {sum(r['date_ok'] for r in shown) / max(1, len(shown)):.1%} shown"
            )
        times = sorted(r["seconds"] for r in rows)
        print(f"{'':<21} extraction: median {1000 * times[len(times) // 2]:.1f} ms, max {1000 * times[-1]:.0f} ms per page")
        if args.worst:
            tuned = [r for r in rows if not held_out(r["id"])]
            scored = sorted(tuned, key=lambda row: metric.score([(gold[row["id"]], row["ours"])])[0])
            for row in scored[: args.worst]:
                f1, p, r = metric.score([(gold[row["id"]], row["ours"])])
                print(f"    {style} {row['id']}: F1 {f1:.2f} P {p:.2f} R {r:.2f}")


if __name__ == "__main__":
    main()
