"""`search` and `reindex`: ranked full-text search over the derived index."""

from __future__ import annotations

import sys

import click

from newsarchive.cli import EXIT_NOT_FOUND
from newsarchive.cli.options import filter_options
from newsarchive.cli.output import console, emit_json, emit_jsonl, error_console, message, write_text

SEARCH_FORMATS = ("table", "json", "jsonl", "csv", "ids")
SEARCH_SORTS = ("relevance", "newest", "oldest")
FACETS = ("year", "month", "source", "site", "tag", "author")
CSV_COLUMNS = ("id", "title", "published", "source", "site", "score", "snippet")
KWIC_COLUMNS = ("id", "published", "left", "match", "right")


@click.command("search")
@click.argument("query", required=False, default="")
@filter_options
@click.option("--sort", type=click.Choice(SEARCH_SORTS), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True, help="At most this many hits (0: all).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many hits first (for paging).")
@click.option("--exact", is_flag=True, help="No stemming: 'veins' does not find 'vein'.")
@click.option("--format", "format_", type=click.Choice(SEARCH_FORMATS), default="table", show_default=True,
              help="ids prints one id per line, to pipe into export, tag or show.")
@click.option("--facet", "facets", multiple=True, type=click.Choice(FACETS), help="Count the hits by this (repeatable).")
@click.option("--timeline", is_flag=True, help="Draw hits per year (or month) as a bar chart.")
@click.option("--kwic", is_flag=True, help="A keyword-in-context concordance: one line per occurrence.")
@click.option("--context", "context_words", type=click.IntRange(min=1, max=100), default=None,
              help="Words shown on each side of a match (snippets and --kwic).")
@click.option("--explain", is_flag=True, help="Show how the query was parsed, then search.")
@click.pass_obj
def search(archive, query, record_filter, sort, limit, offset, exact, format_, facets, timeline, kwic,
           context_words, explain):
    """Search the archive, best matches first.

    \b
    Query language:
      flood barrier          both words (AND is implied)
      "flood barrier"        the exact phrase
      flood OR flooding      either word;  NOT, or -word, excludes
      (river OR sea) -tide   parentheses group
      vaccin*                words starting with vaccin
      NEAR(river levels, 5)  both words within 5 words of each other
      title:flood            in a field: title subtitle body source site section
                             author reviewer tag note
    Stemming finds other forms (veins -> vein); case and accents are ignored.

    \b
    Examples:
      newsarchive search "river flooding" --since 2010
      newsarchive search 'title:vaccine OR "flu jab"' --format json
      newsarchive search flood --facet year --facet source
      newsarchive search vaccine --kwic --context 6
      newsarchive search vein --format ids | newsarchive tag - vascular
    """
    from newsarchive.search.query import format_tree, parse

    if explain:
        from newsarchive.render.results import render_query_tree

        # On stderr: stdout may be JSON for a script.
        error_console().print(render_query_tree(format_tree(parse(query))))
    with archive.index() as index:
        if kwic:
            lines = index.kwic(query, record_filter, context_words=context_words or 6, limit=limit or None,
                               sort=sort, exact=exact)
            _print_kwic(lines, format_)
            if not lines:
                _nothing_found()
            return
        results = index.search(query, record_filter, sort=sort, limit=limit or None, offset=offset, exact=exact,
                               facets=facets, context_words=context_words or 12)
        buckets = index.timeline(query, record_filter, exact=exact) if timeline else []
    _print_results(results, buckets, format_)
    if not results.hits:
        _nothing_found()


def _print_results(results, buckets, format_: str) -> None:
    hits = [hit.to_dict() for hit in results.hits]
    if format_ == "json":
        if results.facets or buckets:
            emit_json({"total": results.total, "hits": hits, "facets": {k: dict(v) for k, v in results.facets.items()},
                       "timeline": dict(buckets)})
        else:
            emit_json(hits)
    elif format_ == "jsonl":
        emit_jsonl(hits)
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
        emit_json(rows)
    elif format_ == "jsonl":
        emit_jsonl(rows)
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


def search_ids(archive, query: str, record_filter) -> list[str]:
    """The ids of every article the query finds (for `export --query`)."""
    with archive.index() as index:
        results = index.search(query, record_filter, limit=None)
    return [hit.id for hit in results.hits]


@click.command("reindex")
@click.pass_obj
def reindex(archive):
    """Rebuild the search index from the archive.

    The index is derived data beside the archive and is kept up to date automatically;
    rebuild it after restoring files by hand, or if `check` reports it damaged.

    \b
    Example:
      newsarchive reindex
    """
    count = archive.reindex()
    message(f"Indexed {count} article{'s' * (count != 1)}.")


COMMANDS = [search, reindex]
