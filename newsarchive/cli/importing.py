"""`import`: bring files into the archive, with a progress bar and a summary."""

from __future__ import annotations

import sys
import click

from newsarchive.cli import EXIT_INTERRUPTED, EXIT_NOT_FOUND, fail, quiet_library_logs
from newsarchive.cli.output import console, emit_json, message, progress_bar, stderr_is_terminal
from newsarchive.errors import BadInputError
from newsarchive.extract import FORMATS
from newsarchive.model import DUPLICATE_POLICIES

# Per-file lines of the summary, per kind; a bulk re-import would otherwise print thousands.
LISTED_PER_KIND = 10


@click.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "format_", type=click.Choice(["auto", *FORMATS]), default="auto", show_default=True,
              help="Input format; auto sniffs each file's content.")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Tag every imported article (repeatable).")
@click.option("--source", help="Credit every imported article to this source.")
@click.option("--on-duplicate", type=click.Choice(DUPLICATE_POLICIES), default="skip", show_default=True,
              help="What to do with an article already archived (same URL or same body).")
@click.option("--dry-run", is_flag=True, help="Change nothing; report what would happen.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-file lines; failures still print.")
@click.option("--json", "json_", is_flag=True, help="Print the report as JSON on stdout.")
@click.option("--explain", is_flag=True,
              help="Import nothing; show, for each block of each text page, whether it is kept and why.")
@click.pass_obj
def import_(archive, paths, format_, tags, source, on_duplicate, dry_run, quiet, json_, explain):
    """Import articles from files, folders (recursive), globs, or - for stdin.

    Formats: plain-text page copies, HTML, WARC/ARC, RSS/Atom, Markdown with front
    matter, JSON, JSON Lines and CSV. A file that cannot be imported is reported with the
    reason and skipped; the rest are imported all the same (exit 1 if any failed).

    \b
    Examples:
      newsarchive import data/
      newsarchive import 'saved/**/*.html' --tag ccsvi
      newsarchive import dump.jsonl --on-duplicate update
      cat page.txt | newsarchive import - --format text
      newsarchive import crawl.warc.gz --dry-run
      newsarchive import page.txt --explain
    """
    if explain:
        _explain(archive, paths, json_)
        return
    from newsarchive.ingest import ImportOptions, Importer

    quiet_library_logs()

    options = ImportOptions(format=format_, tags=tags, source=source, on_duplicate=on_duplicate, dry_run=dry_run)
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    importer = Importer(archive, options)
    show_bar = not quiet and not json_ and stderr_is_terminal()
    with progress_bar("Importing", enabled=show_bar) as progress:
        report = importer.run(list(paths), stdin=stdin, progress=progress)
    if json_:
        emit_json(report.as_dict())
    _print_summary(report, quiet=quiet)
    if report.archive_error is not None:
        fail(report.archive_error)
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if report.failed:
        sys.exit(EXIT_NOT_FOUND)


def _explain(archive, paths: tuple[str, ...], json_: bool) -> None:
    """Show the text-page extractor's decisions for each page; change nothing."""
    from dataclasses import asdict

    from newsarchive.inputs import expand_inputs, recorded_path
    from newsarchive.reextraction import explain_page

    pages = []
    for item in expand_inputs(list(paths)):
        if isinstance(item, BadInputError):
            raise item
        pages.append((item.path, explain_page(archive, item.read(), path=item.path)))
    if json_:
        emit_json([{"path": recorded_path(path), "blocks": [asdict(d) for d in decisions]} for path, decisions in pages])
        return
    from newsarchive.render.explain import render_block_decisions

    for path, decisions in pages:
        console().print(render_block_decisions(path, decisions))


def _more(entries: list, kind: str) -> None:
    if len(entries) > LISTED_PER_KIND:
        message(f"  … and {len(entries) - LISTED_PER_KIND} more {kind} (--json lists them all)", style="dim")


def _print_summary(report, *, quiet: bool) -> None:
    from newsarchive.render.sanitize import clean_terminal_text as clean

    verb = "Would import" if report.dry_run else "Imported"
    parts = [f"{verb} {len(report.imported)} article{'s' * (len(report.imported) != 1)} "
             f"from {report.files} file{'s' * (report.files != 1)}"]
    if report.updated:
        parts.append(f"{'would update' if report.dry_run else 'updated'} {len(report.updated)}")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} duplicate{'s' * (len(report.duplicates) != 1)} skipped")
    if report.near_duplicates:
        parts.append(f"{len(report.near_duplicates)} near-duplicate{'s' * (len(report.near_duplicates) != 1)} "
                     "flagged (see `newsarchive dupes`)")
    if report.skipped:
        parts.append("skipped " + ", ".join(f"{n} {reason}" for reason, n in sorted(report.skipped.items())))
    parts.append(f"{len(report.failed)} failed")
    if not quiet:
        for entry in report.duplicates[:LISTED_PER_KIND]:
            message(f"  duplicate: {clean(entry['path'] or '-')} ({entry['reason']} as {entry['id']})", style="dim")
        _more(report.duplicates, "duplicates")
        for entry in report.near_duplicates[:LISTED_PER_KIND]:
            similar = ", ".join(f"{s['id']} ({s['similarity']:.0%})" for s in entry["similar_to"][:3])
            message(f"  near-duplicate: {entry['id']} {clean(entry['title'])} ~ {similar}", style="dim")
        _more(report.near_duplicates, "near-duplicates")
    if not report.near_duplicates_checked and not quiet:
        message("  (near-duplicates not checked: too many bodies to hash during an import; "
                "`newsarchive dupes` hashes them once, and later imports check as they go)", style="dim")
    for error in report.failed:
        message(f"  failed: {clean(str(error))}", style="red")
    if report.interrupted:
        message("Interrupted: the batch in progress was not written; the articles counted below are in the archive.",
                style="yellow")
    message("; ".join(parts) + ".", style="bold" if not report.failed else "yellow")


COMMANDS = [import_]
