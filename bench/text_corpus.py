"""Turn the shared corpus's HTML pages into whole-page text copies, in seven styles.

A text-page copy is what an archivist gets from a browser, a text dump or a crawler: every
visible line of the page, furniture included. We make seven kinds, because each tool lays a
page out differently and the extractor must cope with all of them:

    html-text    the `html-text` package (one line per block, blank lines between)
    inscriptis   the `inscriptis` package (CSS-aware layout, indentation, tables)
    w3m          `w3m -dump` from Debian's w3m (a text browser: wrapped at 100 columns)
    lynx         `lynx -dump` from Debian's lynx, as it comes: every link numbered ("[12]Home")
                 and the addresses listed under "References" at the end
    markdown     the `markdownify` package, as crawlers save pages: Markdown links with their
                 addresses, pictures, "#" headings (scripts and styles left out, as a browser does)
    pandoc       `pandoc -t markdown` from Debian's pandoc: its own Markdown, wrapped at 72
                 columns, with "::: {.class}" lines for <div>s, "{#id}" attributes, HTML it
                 cannot say in Markdown, and a page laid out in a table drawn as a grid
    alt-text     html-text's copy with each picture's alt text on a line of its own, the shape
                 of the seed page (its "doctor and female patient" is a photo's alt text) and of
                 a browser's "save as text"; like a browser, it prints nothing of <noscript>

The first three were chosen before any tuning; lynx and markdown were added later, as
converters the importer had never been tuned on, and pandoc after them, once the markup
pass had been made to read its output (on scratch copies of the tuned pages only).
alt-text came last (session 9), because the seed, and so the pages it stands for, print the
pictures' alt text bare, as no other style does.

Beside the text it records what the HTML itself states about the page (its <title>,
og:title, the headlines it marks up as <h1> or itemprop="headline", article:published_time
and similar), for the title and date accuracy figures,
and the site it came from (canonical address, else the host its links name most), so
the evaluation can let pages of one site teach each other their furniture.

Output is cached under bench/out/ (git-ignored):

    bench/out/text/<style>/<id>.txt
    bench/out/meta/<id>.json

Run (a few minutes on 2 cores, pandoc being the slowest; existing files are kept unless --force):

    .venv/bin/python bench/text_corpus.py [--force]

Needs `apt-get install w3m lynx pandoc` for those three styles, and the bench extra
(`pip install -e '.[bench]'`) for the others; a style whose tool is missing is skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from multiprocessing import Pool
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dragnet"
OUT = BENCH / "out"
STYLES = ("html-text", "inscriptis", "w3m", "lynx", "markdown", "pandoc", "alt-text")
# The styles made by a program on the PATH rather than a Python package.
COMMANDS = {
    "w3m": ["w3m", "-dump", "-T", "text/html", "-cols", "100", "-I", "UTF-8", "-O", "UTF-8"],
    "lynx": ["lynx", "-dump", "-stdin", "-width=100", "-assume_charset=utf-8", "-display_charset=utf-8"],
    "pandoc": ["pandoc", "--from", "html", "--to", "markdown"],
}

CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
# Meta properties that state a publication date, most specific first.
DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "datecreated",
    "og:published_time",
    "vr:published_time",
    "http://ogp.me/ns/article#published_time",
    "displaydate",
    "pdate",
    "ptime",
    "published",
    "publish_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "dcterms.created",
    "originalpublicationdate",
)


def page_ids() -> list[str]:
    return sorted(p.stem for p in (CORPUS / "html").glob("*.html"))


def decode_html(data: bytes) -> str:
    """The HTML as text: its declared charset, else UTF-8, else CP1252."""
    match = CHARSET.search(data[:4000])
    names = [match.group(1).decode("ascii", "replace")] if match else []
    for name in names + ["utf-8", "cp1252"]:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", "replace")


def html_meta(html: str) -> dict[str, str | None]:
    """<title>, og:title and the first stated publication date (YYYY-MM-DD) of a page."""
    import datetime

    import lxml.html
    from dateutil import parser as dateparser

    try:
        # (told the encoding: else lxml would follow the page's <meta charset> and
        # misread the UTF-8 it is given when the page declared another)
        tree = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception:
        return {"domain": None, "title": None, "og_title": None, "headlines": [], "date": None}
    title = tree.findtext(".//title")
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    headlines = []
    for node in tree.xpath('//h1 | //*[@itemprop="headline"]'):
        text = " ".join(node.text_content().split()) or " ".join((node.get("content") or "").split())
        if text and text not in headlines:
            headlines.append(text)
    for node in tree.xpath('//*[@itemprop="datePublished"]'):
        metas.setdefault("datepublished", node.get("content") or node.get("datetime") or node.text_content())
    date = None
    for key in DATE_KEYS:
        value = (metas.get(key) or "").strip()
        if not value:
            continue
        try:
            # (a value with no year, "10:30", would otherwise take today's)
            parsed = dateparser.parse(value, fuzzy=False, default=datetime.datetime(1, 1, 1))
        except (ValueError, OverflowError):
            continue
        if parsed and 1990 <= parsed.year <= 2030:
            date = parsed.date().isoformat()
            break
    return {
        "domain": page_domain(tree, metas),
        "title": " ".join(title.split()) if title else None,
        "og_title": " ".join(metas["og:title"].split()) if metas.get("og:title") else None,
        "headlines": headlines[:5],
        "date": date,
    }


def page_domain(tree, metas: dict[str, str]) -> str | None:
    """The site a page came from: its canonical address, else the host its links name most."""
    from collections import Counter
    from urllib.parse import urlsplit

    def host(url: str | None) -> str | None:
        name = urlsplit(url or "").hostname or ""
        return name[4:] if name.startswith("www.") else (name or None)

    for node in tree.xpath('//link[@rel="canonical"]'):
        if host(node.get("href")):
            return host(node.get("href"))
    if host(metas.get("og:url")):
        return host(metas.get("og:url"))
    hosts = Counter(h for h in (host(a.get("href")) for a in tree.iter("a")) if h)
    return hosts.most_common(1)[0][0] if hosts else None


def render(style: str, html: str, path: Path) -> str:
    if style == "html-text":
        import html_text

        return html_text.extract_text(html, guess_layout=True)
    if style == "inscriptis":
        from inscriptis import get_text

        return get_text(html)
    if style == "markdown":
        return _markdown(html)
    if style == "alt-text":
        return _with_alt_text(html)
    result = subprocess.run(COMMANDS[style], input=html.encode("utf-8"), capture_output=True, timeout=60)
    return result.stdout.decode("utf-8", "replace")


def _markdown(html: str) -> str:
    from markdownify import MarkdownConverter

    class PageConverter(MarkdownConverter):
        def convert_script(self, el, text, *args, **kwargs):  # code, not page text
            return ""

        convert_style = convert_noscript = convert_script

    return PageConverter(heading_style="ATX").convert(html)


def _with_alt_text(html: str) -> str:
    import html_text
    import lxml.html

    tree = html_text.parse_html(html)
    # A browser runs the page's scripts, so it prints nothing of <noscript>: neither the
    # fallback copy of each lazily loaded picture nor a tracker's pixel ("Quantcast").
    for fallback in list(tree.iter("noscript")):
        fallback.drop_tree()
    for picture in list(tree.iter("img")):
        alt = " ".join((picture.get("alt") or "").split())
        if alt:
            # A paragraph of its own: a browser prints a picture's alt text where the picture
            # stood, and pictures mostly stand apart from the text around them.
            line = lxml.html.Element("p")
            line.text, line.tail = alt, picture.tail
            picture.getparent().replace(picture, line)
    return html_text.extract_text(tree, guess_layout=True)


def available(style: str) -> bool:
    if style in COMMANDS:
        return shutil.which(COMMANDS[style][0]) is not None
    module = {"html-text": "html_text", "inscriptis": "inscriptis", "markdown": "markdownify", "alt-text": "html_text"}[style]
    return importlib.util.find_spec(module) is not None


def build_one(job: tuple[str, bool]) -> str:
    page_id, force = job
    source = CORPUS / "html" / f"{page_id}.html"
    html = decode_html(source.read_bytes())
    meta_path = OUT / "meta" / f"{page_id}.json"
    if force or not meta_path.exists() or "headlines" not in json.loads(meta_path.read_text(encoding="utf-8")):
        meta_path.write_text(json.dumps(html_meta(html), ensure_ascii=False), encoding="utf-8")
    for style in STYLES:
        if not available(style):
            continue
        target = OUT / "text" / style / f"{page_id}.txt"
        if force or not target.exists():
            try:
                text = render(style, html, source)
            except Exception as error:  # a tool failing on one page must not stop the run
                print(f"{style} {page_id}: {error}", file=sys.stderr)
                text = ""
            target.write_text(text, encoding="utf-8")
    return page_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild files that already exist")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent")
    for style in STYLES:
        if available(style):
            (OUT / "text" / style).mkdir(parents=True, exist_ok=True)
        else:
            print(f"{style}: its tool is not installed; that style is skipped", file=sys.stderr)
    (OUT / "meta").mkdir(parents=True, exist_ok=True)
    ids = page_ids()
    with Pool(2) as pool:
        for n, _ in enumerate(pool.imap_unordered(build_one, [(i, args.force) for i in ids], chunksize=8), 1):
            if n % 100 == 0:
                print(f"{n}/{len(ids)}", file=sys.stderr)
    print(f"{len(ids)} pages -> {OUT / 'text'}")


if __name__ == "__main__":
    main()
