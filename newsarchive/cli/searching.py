"""`search` and `reindex`: ranked full-text search over the derived index.

The search command reads its command line here; what it then does is in search_run.py,
which the quick way (quick.py) shares.
"""

from __future__ import annotations

import click

from newsarchive.cli.options import filter_options
from newsarchive.cli.output import message
from newsarchive.cli.search_run import FACETS, SEARCH_FORMATS, SEARCH_SORTS, SearchRequest, run_search

DEFAULTS = SearchRequest()


@click.command("search")
@click.argument("query", required=False, default=DEFAULTS.query)
@filter_options
@click.option("--sort", type=click.Choice(SEARCH_SORTS), default=DEFAULTS.sort, show_default=True)
@click.option("--limit", type=click.IntRange(min=0), default=DEFAULTS.limit, show_default=True,
              help="At most this many hits (0: all).")
@click.option("--offset", type=click.IntRange(min=0), default=DEFAULTS.offset,
              help="Skip this many hits first (for paging).")
@click.option("--exact", is_flag=True, help="No stemming: 'veins' does not find 'vein'.")
@click.option("--format", "format_", type=click.Choice(SEARCH_FORMATS), default=DEFAULTS.format, show_default=True,
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
    run_search(archive, SearchRequest(
        query=query, record_filter=record_filter, sort=sort, limit=limit, offset=offset, exact=exact, format=format_,
        facets=tuple(facets), timeline=timeline, kwic=kwic, context_words=context_words, explain=explain,
    ))


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
