"""Score the text-page importer on the shared corpus, next to two baselines.

For each text style made by bench/text_corpus.py (html-text, inscriptis, w3m, lynx, markdown) every page
goes through the real importer (`extract_text_file`, as `import --format text` runs it)
and its body is scored against the corpus gold with ../shared/corpus/metric.py. Beside it,
on the same text: "everything kept" (the whole page) and "jusText on lines" (each line a
paragraph, jusText's classifier with the English stop-word list; "jusText ¶" gives it
blank-line paragraphs instead, fairer to w3m's wrapped lines). "+learned" is the
importer again with what the archive would learn from the site's other pages: its lines
found on 3 or more other pages of the same site (by canonical domain) passed as
furniture, as `reextract` does once those pages are in the archive.

The pages are split so tuning cannot overfit silently: pages whose number (R110 -> 110) % 5 == 0 are
held out (never looked at while tuning), the rest are the tuned part. Both are printed.

The gold of 148 pages runs on into the reader comments, after a line that starts with
"!@#$%^&*()". The importer keeps the article alone (DESIGN.md: body is "the article text
alone"), so a second line scores every method against the article part of the gold.
Against the whole gold, a perfect article-only body scores F1 0.910 (precision 1, recall
0.836) on the tuned part: that is the ceiling of the first line for an importer that
leaves comments out.

Gold files are read by their encoding: two of them are UTF-16 (with a byte-order mark),
which an earlier version read as UTF-8 and so scored every method 0 on them.

Title accuracy: the extracted title, after normalising case, spacing and punctuation,
equals what the HTML states as the headline: its og:title or <title>; either of them
without the parts that name the site ("Headline - Site", "Site | Headline", "Site »
Blog Archive » Headline"), a part naming the site when it recurs in the titles of the
same domain's pages, spells the host name, calls itself a blog, magazine or ".com", or is
the page's own <h1> and shorter than the rest of the title (a blog's masthead: "William
Gibson on Assholes - Bob Sutton" under <h1>Bob Sutton</h1>; the length condition keeps a
headline that is also the <h1> from being taken for the site, and so does another part
that spells the host name: "Halloween Safety Game – Teachers Love SMART Boards" under
<h1>Halloween Safety Game</h1> was judged wrong before);
or an <h1> / itemprop="headline" that is not the site's name and shares a third of its
words with the <title> (the headline as the page shows it, often shorter than the
<title>). Compared without spaces, since a <title> that drops a dash or an apostrophe
between two words runs them together ("Chads World 15Flash" for the page's "Chad’s World
15–Flash"); a part is matched to the host name without its accents ("Néojaponisme" on
neojaponisme.com); and a part naming the site inside the title takes the site's tagline
after it off with it ("Headline : VMblog.com - Virtualization News for Everyone"); a part of
three words or fewer between the headline and the site's name at the end, set off by the
same separator (not a colon), is the name of a blog or section of the site ("Headline |
Bad Astronomy | Discover Magazine"). None of these accepts a site's name or a headline
cut short. An earlier version accepted any
title of 12 characters or more contained in the <title>: it rejected right headlines
shorter than that ("What a life" under "Brainy Gamer: What a life") and accepted the
site's name ("Schneier on Security") and headlines cut short.

Date accuracy: over pages whose HTML states a publication date (article:published_time
and similar), and over those of them whose text shows that date to a reader: read after
the markup pass, so that a date inside a link's address (a Markdown link's target, lynx's
list of addresses) does not count as shown.

Run (a few minutes on 2 cores):

    .venv/bin/python bench/text_corpus.py       # once: makes bench/out/
    .venv/bin/python bench/textpage_eval.py     # prints the table
    .venv/bin/python bench/textpage_eval.py --style w3m --worst 10   # the worst tuned pages of one style
                                                                      # (by F1 against the article part)
    .venv/bin/python bench/textpage_eval.py --style w3m --title-misses  # its tuned pages with a wrong title
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
import unicodedata
from multiprocessing import Pool
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
SHARED = BENCH.parent.parent / "shared" / "corpus"
OUT = BENCH / "out"
STYLES = ("html-text", "inscriptis", "w3m", "lynx", "markdown", "pandoc", "alt-text")


def load_metric():
    spec = importlib.util.spec_from_file_location("corpus_metric", SHARED / "metric.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


COMMENTS_MARKER = "!@#$%^&*()"


def read_gold(path: Path) -> str:
    """A gold file as text: most are UTF-8, a few UTF-16 with a byte-order mark, a few CP1252."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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


# Where a <title> joins the headline to the site's name: "Headline - Site", "Site | Headline",
# "Site: Headline", "Site » Blog Archive » Headline".
TITLE_SEPARATORS = re.compile(r"\s+[-|«»–—·~:/›>]+\s+|\s*(?:::|\|)\s*|:\s+|\s+:(?=\w)")
# Labels of a host name that say nothing about the site's name.
GENERIC_HOST_LABELS = frozenset(
    "www blog blogs com org net edu gov co uk us ca au in de fr info biz io tv fm me news "
    "blogspot typepad wordpress posterous tumblr squarespace livejournal".split()
)


# Words that mark a title part as the site's name ("Curious Cat Management Blog",
# "Néojaponisme » Blog Archive", "Discover Magazine", "VMblog.com").
SITE_WORDS = frozenset("blog blogs archive magazine official com net org".split())


def title_chunks(title: str | None) -> list[str]:
    """The parts a <title> is made of, normalised: "A - B | C" -> ["a", "b", "c"]."""
    return [c for c in (normalise_title(part) for part in TITLE_SEPARATORS.split(title or "")) if c]


def site_name_chunks(metas: dict[str, dict]) -> dict[str, set[str]]:
    """For each domain, the title parts that name the site rather than a page: a part found
    in the titles of two or more of its pages, and of at least two in five of them (a
    recurring column name, "The Morning Wrap", is on fewer)."""
    counts: dict[str, dict[str, int]] = {}
    pages: dict[str, int] = {}
    for meta in metas.values():
        chunks = title_chunks(meta.get("title"))
        if len(chunks) < 2 or not meta.get("domain"):
            continue
        pages[meta["domain"]] = pages.get(meta["domain"], 0) + 1
        seen = counts.setdefault(meta["domain"], {})
        for chunk in set(chunks):
            seen[chunk] = seen.get(chunk, 0) + 1
    return {
        domain: {c for c, n in seen.items() if n >= 2 and 5 * n >= 2 * pages[domain]}
        for domain, seen in counts.items()
    }


def site_likeness(chunk: str, domain: str | None, recurring: set[str]) -> float:
    """How surely a normalised title part names the site (0 when it does not): 2 when it
    recurs on the site's other pages, 0.5 when it says "blog", "magazine", ".com" and the
    like in eight words or fewer, else the share of its letters that spell the host
    name ("Brainy Gamer" on brainygamer.com: 1.0; "Hacker Monthly Blog" on
    hackermonthly.com: 0.76), counted from 0.4 up."""
    if chunk in recurring:
        return 2.0
    # (a host name has no accents: "Néojaponisme" on neojaponisme.com)
    letters = re.sub(r"\W|_", "", without_accents(chunk))
    worded = 0.5 if len(chunk.split()) <= 8 and SITE_WORDS & set(chunk.split()) else 0.0
    labels = [label.replace("-", "") for label in (domain or "").casefold().split(".") if label not in GENERIC_HOST_LABELS]
    if len(letters) >= 4 and letters in "".join(labels):
        return 1.0
    share = max((len(label) / len(letters) for label in labels if len(label) >= 5 and label in letters), default=0.0)
    return max(share if share >= 0.4 else 0.0, worded)


def without_accents(text: str) -> str:
    """The text with its letters' accents dropped ("néo" -> "neo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def names_site(chunk: str, domain: str | None, recurring: set[str]) -> bool:
    return site_likeness(chunk, domain, recurring) > 0


def inner_site_part(chunks: list[str], domain: str | None, recurring: set[str]) -> int | None:
    """Where, after the headline, a part naming the site stands with the site's tagline after
    it ("Headline : VMblog.com - Virtualization News for Everyone"): the index of that part,
    or None. (Its first part is the headline's, and stays.)"""
    return next((i for i in range(1, len(chunks) - 1) if names_site(chunks[i], domain, recurring)), None)


def section_off(title: str, domain: str | None, recurring: set[str]) -> list[str]:
    """The headline of a <title> that names a blog or section of the site between the
    headline and the site's name at its end, set off by the same separator as the site's
    name ("Headline | Bad Astronomy | Discover Magazine"): the part of three words or fewer
    before the part naming the site is the section's name, not the headline's."""
    pieces = re.split(f"({TITLE_SEPARATORS.pattern})", title)
    parts, seps = [], []
    for i in range(0, len(pieces), 2):
        text = normalise_title(pieces[i])
        if text:
            parts.append(text)
            seps.append(pieces[i + 1].strip() if i + 1 < len(pieces) else "")
    # (not at a colon, which headlines use too: "Geoffrey Mutai: 2:04:15, misses WR")
    if len(parts) >= 3 and seps[-3] == seps[-2] and ":" not in seps[-2] and len(parts[-2].split()) <= 3:
        if names_site(parts[-1], domain, recurring):
            return [" ".join(parts[:-2])]
    return []


def page_headlines(meta: dict, recurring: set[str]) -> list[str]:
    """What a page's HTML states as its headline, normalised, with its site's name taken off.

    The <title> and og:title as they are, and without the parts that name the site; and
    the <h1>/itemprop="headline" texts, when they are not the site's name and share at
    least a third of their words with the <title> or og:title (a blog's <h1> is often
    its name, a page's last <h1> "Comments").
    """
    wanted: list[str] = []
    domain = meta.get("domain")
    titles = [t for t in (meta.get("og_title"), meta.get("title")) if t]
    headings = {normalise_title(h) for h in meta.get("headlines") or []}
    # The page's <h1> as a title part shorter than the rest is its masthead; not when
    # another part spells the host name or recurs in the site's titles: then the <h1> is
    # the headline and the rest the site's name and tagline ("Halloween Safety Game –
    # Teachers Love SMART Boards" under <h1>Halloween Safety Game</h1> on
    # teacherslovesmartboards.com). ("Blog Archive" names no site in particular.)
    mastheads = {c for title in titles for chunks in [title_chunks(title)] for c in chunks
                 if c in headings and 2 * len(c.split()) < sum(len(other.split()) for other in chunks)
                 and not any(site_likeness(other, domain, recurring) >= 1.0 for other in chunks if other != c)}
    for title in titles:
        wanted.append(normalise_title(title))
        chunks = title_chunks(title)
        # Take the site's parts off the ends, the surer one first (a headline may name the
        # site too: "Hacker Monthly #1 is here - Hacker Monthly Blog"); every step is a
        # fair headline, "Ask Slashdot: Question" as well as "Question".
        while len(chunks) > 1:
            first, last = (site_likeness(chunks[i], domain, recurring | mastheads) for i in (0, -1))
            if not first and not last:
                inner = inner_site_part(chunks, domain, recurring | mastheads)
                if inner is None:
                    break
                chunks = chunks[:inner]
            else:
                chunks = chunks[:-1] if last >= first else chunks[1:]
            wanted.append(" ".join(chunks))
        wanted += section_off(title, domain, recurring | mastheads)
    title_words = set(" ".join(normalise_title(t) for t in titles).split())
    for headline in meta.get("headlines") or []:
        text = normalise_title(headline)
        words = set(text.split())
        if not words or text in mastheads or names_site(text, domain, recurring):
            continue
        if len(words & title_words) * 3 >= len(words):
            wanted.append(text)
    return [w for w in dict.fromkeys(wanted) if w]


def title_right(predicted: str | None, meta: dict, recurring: set[str] = frozenset()) -> bool | None:
    """None when the HTML states no title; else whether the extracted one is the page's
    headline (see `page_headlines`), after normalising case, spacing and punctuation."""
    wanted = page_headlines(meta, set(recurring))
    if not wanted:
        return None
    # (compared without spaces: a <title> that drops a dash or an apostrophe between two
    # words runs them together, "Chads World 15Flash" for "Chad’s World 15–Flash")
    return normalise_title(predicted).replace(" ", "") in {w.replace(" ", "") for w in wanted}


def justext_lines(text: str, *, paragraphs: bool = False) -> str:
    """jusText's verdict on a text page, each line (or each blank-line paragraph) a <p>."""
    import html

    import justext

    units = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)] if paragraphs else text.splitlines()
    page = "<html><body>" + "".join(f"<p>{html.escape(unit)}</p>" for unit in units if unit.strip()) + "</body></html>"
    paragraphs = justext.justext(page, justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def site_furniture(style: str, ids: list[str]) -> dict[str, frozenset[str]]:
    """For each page, its lines found on MIN_PAGES (3) or more *other* pages of its site, as
    the archive learns them (`SiteFurniture.furniture_for` leaves the page itself out of
    the count). An earlier version counted the page itself, so a line on three pages of a
    site was furniture for each of them: looser than what `reextract` would pass."""
    from newsarchive.extract.textpage import learnable_lines
    from newsarchive.learning import MIN_PAGES

    domains: dict[str, list[str]] = {}
    for page_id in ids:
        meta = json.loads((OUT / "meta" / f"{page_id}.json").read_text(encoding="utf-8"))
        if meta.get("domain"):
            domains.setdefault(meta["domain"], []).append(page_id)
    learned: dict[str, frozenset[str]] = {}
    for pages in domains.values():
        lines = {page_id: learnable_lines((OUT / "text" / style / f"{page_id}.txt").read_text(encoding="utf-8")) for page_id in pages}
        counts: dict[str, int] = {}
        for page_lines in lines.values():
            for line in page_lines:
                counts[line] = counts.get(line, 0) + 1
        for page_id in pages:
            learned[page_id] = frozenset(line for line in lines[page_id] if counts[line] - 1 >= MIN_PAGES)
    return learned


def date_shown(text: str, date: str) -> bool:
    """Whether the text copy shows the date, in a form the importer reads, as a reader sees
    the page: a date inside a link's address, or in lynx's list of them, is not shown."""
    from newsarchive.extract.dates import find_dates
    from newsarchive.extract.textmarkup import plain_text

    seen = plain_text(text)
    return any(found == date for dayfirst in (True, False) for _, _, found in find_dates(seen, dayfirst=dayfirst))


def run_one(job: tuple[str, str, frozenset[str], frozenset[str]]) -> dict:
    from newsarchive.errors import BadInputError
    from newsarchive.extract import ExtractContext
    from newsarchive.extract.textpage import extract_text_file

    style, page_id, furniture, recurring = job
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
        shown = date_shown(text, meta["date"])
    return {
        "style": style,
        "id": page_id,
        "ours": body,
        "learned": learned,
        "all": text,
        "justext": justext_lines(text),
        "justext_p": justext_lines(text, paragraphs=True),
        "title": title,
        "wanted_titles": page_headlines(meta, set(recurring)),
        "title_ok": title_right(title, meta, recurring),
        "date": meta.get("date"),
        "date_ok": published == meta.get("date") if meta.get("date") else None,
        "date_shown": shown,
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", choices=STYLES, action="append", help="only this style (repeatable)")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst tuned pages of each style")
    parser.add_argument("--title-misses", action="store_true", help="list the tuned pages of each style whose title is wrong")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    if not (OUT / "meta").exists():
        sys.exit("bench/out/ is missing: run bench/text_corpus.py first")
    metric = load_metric()
    gold = {p.stem: read_gold(p) for p in (SHARED / "dragnet" / "gold").glob("*.txt")}
    ids = sorted(gold)
    metas = {page_id: json.loads((OUT / "meta" / f"{page_id}.json").read_text(encoding="utf-8")) for page_id in ids}
    site_chunks = site_name_chunks(metas)
    styles = args.style or [s for s in STYLES if (OUT / "text" / s).exists()]
    jobs = []
    for style in styles:
        learned = site_furniture(style, ids)
        jobs += [
            (style, page_id, learned.get(page_id, frozenset()), frozenset(site_chunks.get(metas[page_id].get("domain"), ())))
            for page_id in ids
            if (OUT / "text" / style / f"{page_id}.txt").exists()
        ]
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
            # (ranked against the article part of the gold, the figure the body is judged by)
            scored = sorted(tuned, key=lambda row: metric.score([(article_part(gold[row["id"]]), row["ours"])])[0])
            for row in scored[: args.worst]:
                f1, p, r = metric.score([(article_part(gold[row["id"]]), row["ours"])])
                print(f"    {style} {row['id']}: F1 {f1:.2f} P {p:.2f} R {r:.2f}")
        if args.title_misses:
            for row in rows:
                if row["title_ok"] is False and not held_out(row["id"]):
                    print(f"    {style} {row['id']}: title {row['title']!r}, wanted {row['wanted_titles'][:2]}")


if __name__ == "__main__":
    main()
