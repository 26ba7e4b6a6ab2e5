"""What `search` does once its command line is read: search, then print the hits in the
chosen format. Free of Click, so the quick way (quick.py) runs the very same code.

Its JSON is written `light` (cli/output.py): with the standard library, not orjson, whose
import would be a fifth of a scripted search.
"""

from __future__ import annotations

import sys
from collections import namedtuple

from newsarchive.cli import EXIT_NOT_FOUND
from newsarchive.cli.output import console, emit_json, emit_jsonl, error_console, message, write_text
from newsarchive.filters import RecordFilter

SEARCH_FORMATS = ("table", "json", "jsonl", "csv", "ids")
SEARCH_SORTS = ("relevance", "newest", "oldest")
FACETS = ("year", "month", "source", "site", "tag", "author")
CSV_COLUMNS = ("id", "title", "published", "source", "site", "score", "snippet")
KWIC_COLUMNS = ("id", "published", "left", "match", "right")


# A named tuple, as RecordFilter is: `dataclasses` would cost every search the import of
# `inspect`. Built by keyword only.
class SearchRequest(namedtuple(
    "SearchRequest",
    "query record_filter sort limit offset exact format facets timeline kwic context_words explain",
    defaults=("", RecordFilter(), "relevance", 20, 0, False, "table", (), False, False, None, False),
)):
    """A search as the command line asked for it, with the command's defaults: `limit` 0
    means every hit, `context_words` None the default for snippets or --kwic."""

    __slots__ = ()


def run_search(archive, request: SearchRequest) -> None:
    """Search `archive` and print the hits; exit EXIT_NOT_FOUND when nothing matched."""
    from newsarchive.search.query import format_tree, parse

    if request.explain:
        from newsarchive.render.results import render_query_tree

        # On stderr: stdout may be JSON for a script.
        error_console().print(render_query_tree(format_tree(parse(request.query))))
    limit = request.limit or None
    with archive.index() as index:
        if request.kwic:
            lines = index.kwic(request.query, request.record_filter, context_words=request.context_words or 6,
                               limit=limit, sort=request.sort, exact=request.exact)
            _print_kwic(lines, request.format)
            if not lines:
                _nothing_found()
            return
        results = index.search(request.query, request.record_filter, sort=request.sort, limit=limit,
                               offset=request.offset, exact=request.exact, facets=request.facets,
                               context_words=request.context_words or 12)
        buckets = index.timeline(request.query, request.record_filter, exact=request.exact) if request.timeline else []
    _print_results(results, buckets, request.format)
    if not results.hits:
        _nothing_found()


def _print_results(results, buckets, format_: str) -> None:
    hits = [hit.to_dict() for hit in results.hits]
    if format_ == "json":
        if results.facets or buckets:
            emit_json({"total": results.total, "hits": hits, "facets": {k: dict(v) for k, v in results.facets.items()},
                       "timeline": dict(buckets)}, light=True)
        else:
            emit_json(hits, light=True)
    elif format_ == "jsonl":
        emit_jsonl(hits, light=True)
    elif format_ == "ids":
        write_text("".join(f"{hit['id']}\n" for hit in hits))
    elif format_ == "csv":
        write_text(_csv(hits, CSV_COLUMNS))
    else:
        from newsarchive.render.results import render_facets, render_hits, render_timeline

        out = console()
        if results.hits:
            out.print(render_hits(results))
        if results.facets:
            out.print(render_facets(results.facets))
        if buckets:
            out.print(render_timeline(buckets))


def _print_kwic(lines, format_: str) -> None:
    rows = [{"id": line.id, "published": line.published, "left": line.left, "match": line.match, "right": line.right}
            for line in lines]
    if format_ == "json":
        emit_json(rows, light=True)
    elif format_ == "jsonl":
        emit_jsonl(rows, light=True)
    elif format_ == "ids":
        write_text("".join(dict.fromkeys(f"{row['id']}\n" for row in rows)))
    elif format_ == "csv":
        write_text(_csv(rows, KWIC_COLUMNS))
    elif lines:
        from newsarchive.render.results import render_kwic

        console().print(render_kwic(lines))


def _csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    """RFC 4180 CSV, every cell neutralised against spreadsheet formula injection."""
    import csv
    import io

    from newsarchive.export.csv import neutralise_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(neutralise_cell("" if row.get(c) is None else str(row.get(c))) for c in columns)
    return out.getvalue()


def _nothing_found() -> None:
    message("No articles match.")
    sys.exit(EXIT_NOT_FOUND)
