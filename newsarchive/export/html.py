"""HTML: one self-contained, script-free page per article, and a static archive index.

Pages carry their own style sheet (no external resources, nothing fetched), print styles,
and a Content-Security-Policy meta tag that forbids every script and allows only that
style sheet, by hash. Every piece of article text is `html.escape`d after its control
characters and bidi overrides are removed; a URL becomes a link only when it is http(s).

A directory export is a small static site: the article pages, each linking back to
`index.html`, and the index listing title, date, source and tags. The index is sortable
without JavaScript: each sort order is its own pre-rendered page, linked from the column
headers (`index.html` newest first, `index.by-oldest.html`, `index.by-title.html`,
`index.by-source.html`; article file names never contain a second dot, so these cannot
clash with them).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from typing import Any, Callable, Sequence

from newsarchive.export.fields import (
    body_blocks,
    date_parts,
    human_date,
    list_of,
    note_time,
    notes_of,
    text_of,
    web_url,
)
from newsarchive.export.text import byline, metadata_items
from newsarchive.export.escapes import clean_terminal_text

STYLE = """
:root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5b5b66; --rule: #d8d8dd;
  --paper: #fdfcf9; --accent: #7a2e1b; --quote: #f3efe6; }
@media (prefers-color-scheme: dark) { :root { --ink: #e8e6e1; --muted: #a4a3a0;
  --rule: #3a3a3f; --paper: #1b1b1d; --accent: #e59a7f; --quote: #26252a; } }
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0 auto; padding: 2.5rem 1.25rem 4rem; max-width: 42rem;
  font: 1.125rem/1.65 Charter, "Bitstream Charter", "Iowan Old Style", "Palatino Linotype",
  Palatino, Georgia, "DejaVu Serif", serif; text-rendering: optimizeLegibility;
  overflow-wrap: break-word; hyphens: auto; }
body.index { max-width: 64rem; }
h1, h2, h3, .meta, nav, table, footer, .byline, .source-link {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  "DejaVu Sans", sans-serif; }
h1 { font-size: 2.3rem; line-height: 1.15; margin: 0 0 .75rem; letter-spacing: -.01em; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.25rem 0 .5rem; }
h3 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
p { margin: 0 0 1.1em; }
a { color: var(--accent); text-underline-offset: .15em; }
nav { font-size: .9rem; margin-bottom: 2rem; }
.standfirst { font-size: 1.3rem; line-height: 1.45; color: var(--muted); margin-bottom: 1rem; }
.meta, .byline, .source-link { font-size: .9rem; color: var(--muted); margin: .25rem 0; }
.tag { display: inline-block; padding: 0 .45em; margin-right: .3em; border: 1px solid var(--rule);
  border-radius: .8em; font-size: .85em; }
header { border-bottom: 1px solid var(--rule); padding-bottom: 1.25rem; margin-bottom: 2rem; }
blockquote { margin: 1.5rem 0; padding: .6rem 1.2rem; border-left: 4px solid var(--accent);
  background: var(--quote); font-style: italic; }
blockquote p:last-child { margin-bottom: 0; }
.notes { margin-top: 3rem; border-top: 1px solid var(--rule); font-size: 1rem; }
.notes time { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em;
  color: var(--muted); margin-right: .5em; }
article + article { margin-top: 4rem; border-top: 3px double var(--rule); padding-top: 2rem; }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); }
table { width: 100%; border-collapse: collapse; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .55rem .6rem;
  border-bottom: 1px solid var(--rule); }
th a { text-decoration: none; }
th[aria-sort] a::after { content: " \\25BE"; }
th[aria-sort="ascending"] a::after { content: " \\25B4"; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
@media print {
  html, body { background: #fff; color: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav, .sort-hint { display: none; }
  a { color: #000; text-decoration: none; }
  .source-link a::after { content: " <" attr(href) ">"; }
  h1, h2, h3 { break-after: avoid; }
  p, blockquote { orphans: 3; widows: 3; }
  blockquote { background: none; }
  article + article { break-before: page; border: 0; }
}
""".strip()
_STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
# No script of any kind; the only style is the sheet above; nothing is fetched or sent.
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
INDEX_PAGES: dict[str, str] = {
    "newest": "index.html",
    "oldest": "index.by-oldest.html",
    "title": "index.by-title.html",
    "source": "index.by-source.html",
}
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def esc(text: str) -> str:
    """Article text as HTML: control characters and bidi overrides removed, then escaped."""
    return html.escape(clean_terminal_text(text), quote=True)


def _link(url: str, label: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{esc(label)}</a>'


def _page(title: str, body: str, *, language: str = "", body_class: str = "") -> str:
    lang = f' lang="{language}"' if _LANGUAGE.match(language) else ""
    klass = f' class="{body_class}"' if body_class else ""
    return (
        f"<!DOCTYPE html>\n<html{lang}>\n<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="newsarchive">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{STYLE}</style>\n"
        f"</head>\n<body{klass}>\n{body}</body>\n</html>\n"
    )


def article_html(record: dict[str, Any], *, level: int = 1) -> str:
    """One article as an `<article>` element; its title is an <h{level}>."""
    h, sub = f"h{level}", f"h{level + 1}"
    out = ["<article>\n<header>\n"]
    out.append(f"<{h}>{esc(text_of(record, 'title')) or '(untitled)'}</{h}>\n")
    if subtitle := text_of(record, "subtitle"):
        out.append(f'<p class="standfirst">{esc(subtitle)}</p>\n')
    items = []
    for kind, text in metadata_items(record):
        if kind == "published":
            iso = text_of(record, "published")[:10]
            items.append(f'<time datetime="{esc(iso)}">{esc(text)}</time>' if date_parts(iso) else esc(text))
        elif kind == "tags":
            items.append(" ".join(f'<span class="tag">{esc(t)}</span>' for t in list_of(record, "tags")))
        else:
            items.append(esc(text))
    out.append(f'<p class="meta">{" &middot; ".join(items)}</p>\n')
    if by := byline(record):
        out.append(f'<p class="byline">{esc(by)}</p>\n')
    if url := web_url(record.get("url")):
        out.append(f'<p class="source-link">Original: {_link(url, url)}</p>\n')
    elif raw_url := text_of(record, "url"):
        out.append(f'<p class="source-link">Original address: <code>{esc(raw_url)}</code></p>\n')
    out.append("</header>\n")
    for block in body_blocks(record):
        if block.kind == "heading":
            out.append(f"<{sub}>{esc(block.text)}</{sub}>\n")
        elif block.kind == "quote":
            out.append(f"<blockquote><p>{esc(block.text)}</p></blockquote>\n")
        else:
            out.append(f"<p>{esc(block.text)}</p>\n")
    if notes := notes_of(record):
        out.append(f'<section class="notes">\n<{sub}>Notes</{sub}>\n<ul>\n')
        for at, text in notes:
            stamp = f'<time datetime="{esc(at)}">{esc(note_time(at))}</time>' if at else ""
            out.append(f"<li>{stamp}{esc(text)}</li>\n")
        out.append("</ul>\n</section>\n")
    out.append("</article>\n")
    return "".join(out)


def _footer(record: dict[str, Any]) -> str:
    bits = [f"Archived as {esc(text_of(record, 'id'))}" if text_of(record, "id") else "Archived"]
    if imported := text_of(record, "imported_at"):
        bits.append(f"imported {esc(imported)}")
    return f"<footer>{' &middot; '.join(bits)} &middot; newsarchive</footer>\n"


def export_html_article(record: dict[str, Any], *, index_href: str | None = None) -> str:
    """One article as a complete page; with `index_href`, a link back to the index."""
    nav = f'<nav><a href="{html.escape(index_href, quote=True)}">&larr; Archive index</a></nav>\n' if index_href else ""
    body = nav + article_html(record) + _footer(record)
    return _page(text_of(record, "title") or "(untitled)", body, language=text_of(record, "language"))


def export_html_site_page(record: dict[str, Any]) -> str:
    """An article page of a directory export, linking back to its `index.html`."""
    return export_html_article(record, index_href=INDEX_PAGES["newest"])


def export_html(records: Sequence[dict[str, Any]]) -> str:
    """The stream form: one article as its page, several as one page with a contents list."""
    records = list(records)
    if len(records) == 1:
        return export_html_article(records[0])
    if not records:
        return _page("No articles", "<h1>No articles</h1>\n<p>Nothing matched the export.</p>\n")
    contents = "".join(
        f'<li><a href="#article-{n}">{esc(text_of(r, "title")) or "(untitled)"}</a></li>\n'
        for n, r in enumerate(records, 1)
    )
    articles = "".join(
        article_html(r, level=2).replace("<article>", f'<article id="article-{n}">', 1)
        for n, r in enumerate(records, 1)
    )
    body = f"<h1>{len(records)} articles</h1>\n<nav>\n<ol>\n{contents}</ol>\n</nav>\n{articles}"
    return _page(f"{len(records)} articles", body)


def _sort_key(order: str) -> Callable[[tuple[dict[str, Any], str]], Any]:
    def date_of(record: dict[str, Any]) -> str:
        return text_of(record, "published")[:10] if date_parts(record.get("published")) else ""

    def title_of(record: dict[str, Any]) -> str:
        return text_of(record, "title").casefold()

    if order == "title":
        return lambda pair: (title_of(pair[0]), date_of(pair[0]))
    if order == "source":
        # Articles with no source go last, then the newest first within a source.
        return lambda pair: (not text_of(pair[0], "source"), text_of(pair[0], "source").casefold(),
                             _descending(date_of(pair[0])), title_of(pair[0]))
    if order == "oldest":
        return lambda pair: (not date_of(pair[0]), date_of(pair[0]), title_of(pair[0]))
    return lambda pair: (not date_of(pair[0]), _descending(date_of(pair[0])), title_of(pair[0]))


def _descending(iso_date: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in iso_date)


def export_html_index(
    records: Sequence[dict[str, Any]],
    *,
    sort: str = "newest",
    filenames: Sequence[str] | None = None,
) -> str:
    """The archive index page in one sort order: title (linked), date, source, tags.

    `filenames` are the article pages' names, in the order of `records` (by default, the
    names a directory export gives them). Column headers link to the other orders' pages.
    """
    from newsarchive.export import FILE_EXTENSIONS, article_filenames

    if sort not in INDEX_PAGES:
        raise KeyError(sort)
    records = list(records)
    names = list(filenames) if filenames is not None else article_filenames(records, FILE_EXTENSIONS["html"])
    rows = sorted(zip(records, names), key=_sort_key(sort))

    def header(label: str, order: str, alternative: str | None = None) -> str:
        target = alternative if sort == order and alternative else order
        state = ""
        if sort in (order, alternative):
            state = f' aria-sort="{"descending" if sort == "newest" else "ascending"}"'
        return f'<th scope="col"{state}><a href="{INDEX_PAGES[target]}">{label}</a></th>'

    head = (
        "<tr>" + header("Title", "title") + header("Date", "newest", "oldest")
        + header("Source", "source") + '<th scope="col">Tags</th></tr>\n'
    )
    body_rows = []
    for record, name in rows:
        iso = text_of(record, "published")[:10] if date_parts(record.get("published")) else ""
        date_cell = f'<time datetime="{iso}">{esc(human_date(iso))}</time>' if iso else ""
        tags = " ".join(f'<span class="tag">{esc(t)}</span>' for t in list_of(record, "tags"))
        title = esc(text_of(record, "title")) or "(untitled)"
        body_rows.append(
            f'<tr><td><a href="{html.escape(name, quote=True)}">{title}</a></td>'
            f'<td class="date">{date_cell}</td><td>{esc(text_of(record, "source"))}</td><td>{tags}</td></tr>\n'
        )
    count = f"{len(records)} article{'s' if len(records) != 1 else ''}"
    body = (
        f"<h1>Archive</h1>\n<p class=\"meta\">{count} &middot; sorted by "
        f"{ {'newest': 'date, newest first', 'oldest': 'date, oldest first'}.get(sort, sort)}"
        f'<span class="sort-hint"> &middot; choose a column heading to sort</span></p>\n'
        f"<table>\n<thead>\n{head}</thead>\n<tbody>\n{''.join(body_rows)}</tbody>\n</table>\n"
    )
    return _page("Archive", body, body_class="index")


def export_html_site_index(records: Sequence[dict[str, Any]], filenames: Sequence[str]) -> dict[str, str]:
    """Every sort order's index page of a directory export: {file name: page}."""
    return {page: export_html_index(records, sort=order, filenames=filenames) for order, page in INDEX_PAGES.items()}
