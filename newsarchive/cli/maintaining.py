"""Looking after the archive: `stats`, `check` and `reextract`."""

from __future__ import annotations

import sys
from datetime import datetime

import click

from newsarchive.cli import EXIT_ARCHIVE
from newsarchive.cli.options import ids_from_arguments
from newsarchive.cli.output import console, emit_json, message


@click.command("stats")
@click.option("--format", "format_", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def stats(archive, format_):
    """Counts by year, source and tag, and the archive's size on disk.

    \b
    Examples:
      newsarchive stats
      newsarchive stats --format json | jq .by_year
    """
    figures = archive.stats()
    if format_ == "json":
        emit_json(figures)
    else:
        from newsarchive.render.listing import render_stats

        console().print(render_stats(figures))


@click.command("check")
@click.option("--repair", is_flag=True, help="If the archive cannot be read, restore the newest backup that can.")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def check(archive, repair, format_):
    """Verify the archive: it loads, every record is valid, every original is intact.

    Exits 3 when anything is wrong.

    \b
    Examples:
      newsarchive check
      newsarchive check --repair
    """
    if repair:
        outcome = archive.repair()
        if outcome.already_fine:
            message(f"The archive loads ({outcome.articles} articles); nothing to repair.")
        else:
            when = datetime.fromtimestamp(outcome.backup_written_at).isoformat(timespec="seconds")
            message(f"Restored {outcome.articles} articles from {outcome.restored_from} (written {when}); "
                    f"changes made after that are lost. The damaged file is kept as {outcome.damaged_kept_as}.",
                    style="yellow")
    report = archive.check()
    if format_ == "json":
        emit_json({"ok": report.ok, "articles": report.articles, "originals_checked": report.originals_checked,
                   "problems": report.problems})
    else:
        for problem in report.problems:
            message(f"  {problem}", style="red")
        verdict = "OK" if report.ok else f"{len(report.problems)} problem{'s' * (len(report.problems) != 1)}"
        message(f"{verdict}: {report.articles} articles, {report.originals_checked} originals verified.",
                style="green" if report.ok else "red")
    if not report.ok:
        sys.exit(EXIT_ARCHIVE)


@click.command("reextract")
@click.argument("ids", nargs=-1)
@click.option("--all", "all_", is_flag=True, help="Every article in the archive.")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def reextract(archive, ids, all_, format_):
    """Run extraction again on the kept originals.

    Text pages improve as the archive holds more pages of their site: lines the site
    repeats on many pages are learnt as furniture. Fields corrected with `edit` are kept.

    \b
    Examples:
      newsarchive reextract --all
      newsarchive reextract 3f2a9c 81be04
    """
    if bool(ids) == all_:
        raise click.UsageError("give article ids, or --all")
    report = archive.reextract(ids_from_arguments(ids) if ids else None)
    if format_ == "json":
        emit_json({"changed": report.changed, "unchanged": report.unchanged,
                   "skipped": [{"id": i, "reason": r} for i, r in report.skipped]})
        return
    for article_id, reason in report.skipped:
        message(f"  skipped {article_id}: {reason}", style="yellow")
    message(f"Re-extracted {len(report.changed) + len(report.unchanged)} articles: "
            f"{len(report.changed)} changed, {len(report.unchanged)} unchanged, {len(report.skipped)} skipped.")


COMMANDS = [stats, check, reextract]
