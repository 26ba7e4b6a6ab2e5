"""Reading the archive: `show`, `list` and `export`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from newsarchive.cli import EXIT_NOT_FOUND
from newsarchive.cli.options import filter_options, ids_from_arguments
from newsarchive.cli.output import console, emit_json, emit_jsonl, message, stdout_is_terminal, write_bytes, write_text
from newsarchive.filters import SORTS

SHOW_FORMATS = ("rich", "text", "md", "html", "json")
LIST_FORMATS = ("table", "json", "jsonl", "ids")
EXPORT_FORMATS = ("text", "md", "html", "json", "jsonl", "csv", "bibtex", "ris", "csl-json")


def print_paged(renderable, *, pager: bool) -> None:
    """Print a Rich renderable, through a pager when it is taller than the terminal."""
    out = console()
    if pager and out.is_terminal:
        with out.capture() as captured:
            out.print(renderable)
        if captured.get().count("\n") > out.height:
            # less needs -R to show colours; keep the user's own LESS if set.
            os.environ.setdefault("LESS", "-R")
            with out.pager(styles=True):
                out.print(renderable)
            return
    out.print(renderable)


@click.command("show")
@click.argument("article_id")
@click.option("--format", "format_", type=click.Choice(SHOW_FORMATS),
              help="rich (the reader view, default on a terminal), text (default in a pipe), md, html or json.")
@click.option("--original", is_flag=True, help="Print the original file as it was imported.")
@click.option("--highlight", metavar="QUERY", help="Highlight these words in the article.")
@click.option("--no-pager", is_flag=True, help="Never page long articles.")
@click.pass_obj
def show(archive, article_id, format_, original, highlight, no_pager):
    """Show one article, formatted for reading. ID may be a unique prefix of the id.

    \b
    Examples:
      newsarchive show 3f2a9c
      newsarchive show 3f2a9c --format json | jq .title
      newsarchive show 3f2a9c --highlight "vein narrowing"
      newsarchive show 3f2a9c --original > page.txt
    """
    if original:
        data = archive.original(article_id)
        if stdout_is_terminal():
            # Raw bytes could carry escape sequences into the terminal; a file gets them as is.
            from newsarchive.extract.decode import decode_text
            from newsarchive.render.sanitize import clean_terminal_text

            write_text(clean_terminal_text(decode_text(data)))
        else:
            write_bytes(data)
        return
    record = archive.get(article_id)
    format_ = format_ or ("rich" if stdout_is_terminal() else "text")
    if format_ == "json":
        emit_json(record)
    elif format_ == "text":
        from newsarchive.render.article import article_as_plain_text

        write_text(article_as_plain_text(record))
    elif format_ in ("md", "html"):
        from newsarchive.export import export_records

        write_text(export_records(format_, [record]))
    else:
        from newsarchive.render.article import render_article

        # The words the query really matches (stemmed, folded, as search finds them).
        terms = archive.matched_words(record, highlight) if highlight else ()
        print_paged(render_article(record, highlight=terms), pager=not no_pager)


@click.command("list")
@filter_options
@click.option("--sort", type=click.Choice(SORTS), default="newest", show_default=True, help="Order by publication date.")
@click.option("--limit", type=click.IntRange(min=0), help="At most this many articles (0: all).")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@click.option("--format", "format_", type=click.Choice(LIST_FORMATS), default="table", show_default=True)
@click.pass_obj
def list_(archive, record_filter, sort, limit, offset, format_):
    """List articles, newest first, optionally filtered.

    Exits 1 when no article matches (JSON output is then []).

    \b
    Examples:
      newsarchive list --limit 20
      newsarchive list --since 2010 --until 2012 --source "WebMD UK Health News"
      newsarchive list --tag ccsvi --format ids | newsarchive tag - reviewed
    """
    records = archive.select(record_filter, sort=sort, limit=limit or None, offset=offset)
    if format_ == "json":
        emit_json([_summary(r) for r in records])
    elif format_ == "jsonl":
        emit_jsonl(_summary(r) for r in records)
    elif format_ == "ids":
        write_text("".join(f"{r['id']}\n" for r in records))
    elif records:
        from newsarchive.render.listing import render_article_table

        console().print(render_article_table(records))
    if not records:
        message("No articles match.")
        sys.exit(EXIT_NOT_FOUND)


def _summary(record: dict) -> dict:
    """What `list` prints of a record: everything but the body, which `show` is for."""
    return {k: v for k, v in record.items() if k != "body"}


@click.command("export")
@click.argument("ids", nargs=-1)
@click.option("--query", "-q", metavar="QUERY", help="Export the articles this search finds.")
@filter_options
@click.option("--format", "format_", type=click.Choice(EXPORT_FORMATS), default="json", show_default=True)
@click.option("--output", "-o", metavar="PATH",
              help="A file, or a folder (ending in / or existing) for one file per article. Default: stdout.")
@click.pass_obj
def export(archive, ids, query, record_filter, format_, output):
    """Export articles: by id, by --query, by filters, or the whole archive.

    \b
    Examples:
      newsarchive export --format json > archive.json
      newsarchive export 3f2a9c 81be04 --format bibtex -o refs.bib
      newsarchive export --tag ccsvi --format html -o site/
      newsarchive export --query "vaccine" --format csv -o vaccines.csv
    """
    records = _chosen(archive, ids, query, record_filter)
    try:
        _write_export(format_, records, output)
    except OSError as exc:
        if output is None:
            raise  # stdout: reported by the group as output that could not be written
        raise click.FileError(output, hint=exc.strerror or str(exc)) from None


def _write_export(format_: str, records: list[dict], output: str | None) -> None:
    from newsarchive.export import export_records, export_to_directory

    # The trailing slash is the user's way of saying "a folder"; Path() would drop it.
    as_folder = output is not None and (output.endswith(("/", os.sep)) or os.path.isdir(output))
    output = Path(output) if output is not None else None
    if as_folder:
        written = export_to_directory(format_, records, output)
        message(f"Wrote {len(written)} file{'s' * (len(written) != 1)} to {output}")
    elif output is not None:
        from newsarchive.store.atomic import write_atomically

        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(output, [export_records(format_, records).encode("utf-8")])
        message(f"Wrote {len(records)} article{'s' * (len(records) != 1)} to {output}")
    else:
        write_text(export_records(format_, records))


def _chosen(archive, ids, query, record_filter) -> list[dict]:
    if ids:
        records = archive.get_many(ids_from_arguments(ids))
        return [r for r in records if record_filter.matches(r)]
    if query:
        from newsarchive.cli.searching import search_ids

        return archive.get_many(search_ids(archive, query, record_filter))
    return archive.select(record_filter, sort="oldest")


COMMANDS = [show, list_, export]
