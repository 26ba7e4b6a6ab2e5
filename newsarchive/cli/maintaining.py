"""Looking after the archive: `stats`, `check`, `reextract` and `dupes`."""

from __future__ import annotations

import sys
from datetime import datetime

import click

from newsarchive.cli import EXIT_ARCHIVE, EXIT_NOT_FOUND, quiet_library_logs
from newsarchive.cli.options import ids_from_arguments
from newsarchive.cli.output import console, emit_json, message, progress_bar, stderr_is_terminal


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
@click.option("--repair", is_flag=True, help="If the archive cannot be read, restore the newest backup that can, "
                                             "and keep what is still readable of damaged segments.")
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
    from newsarchive.verification import check as check_archive
    from newsarchive.verification import repair as restore_backup

    if repair:
        outcome = restore_backup(archive)
        if outcome.already_fine:
            message(f"The archive loads ({outcome.articles} articles); nothing to repair.")
        if outcome.restored_from is not None:
            when = datetime.fromtimestamp(outcome.backup_written_at).isoformat(timespec="seconds")
            message(f"Restored {outcome.articles} articles from {outcome.restored_from} (written {when}); "
                    f"changes made after that are lost. The damaged file is kept as {outcome.damaged_kept_as}.",
                    style="yellow")
        for name in outcome.mended_segments:
            message(f"Mended segment {name}: the articles still readable in it are kept.", style="yellow")
        if outcome.lost_ids:
            message(f"Lost {len(outcome.lost_ids)} article{'s' * (len(outcome.lost_ids) != 1)} that could not be read: "
                    f"{', '.join(outcome.lost_ids)}", style="red")
        if outcome.mended_segments:
            message(f"The archive now holds {outcome.articles} articles.")
    report = check_archive(archive)
    if format_ == "json":
        emit_json({"ok": report.ok, "articles": report.articles, "originals_checked": report.originals_checked,
                   "index": report.index_state, "problems": report.problems})
    else:
        for problem in report.problems:
            message(f"  {problem}", style="red")
        verdict = "OK" if report.ok else f"{len(report.problems)} problem{'s' * (len(report.problems) != 1)}"
        index = {"fresh": "index fresh", "updated": "index was stale and is now up to date",
                 "damaged": "index damaged"}.get(report.index_state, f"index {report.index_state}")
        message(f"{verdict}: {report.articles} articles, {report.originals_checked} originals verified, {index}.",
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
    quiet_library_logs()
    from newsarchive.reextraction import reextract as reextract_articles

    report = reextract_articles(archive, ids_from_arguments(ids) if ids else None)
    if format_ == "json":
        emit_json({"changed": report.changed, "unchanged": report.unchanged,
                   "skipped": [{"id": i, "reason": r} for i, r in report.skipped]})
        return
    for article_id, reason in report.skipped:
        message(f"  skipped {article_id}: {reason}", style="yellow")
    message(f"Re-extracted {len(report.changed) + len(report.unchanged)} articles: "
            f"{len(report.changed)} changed, {len(report.unchanged)} unchanged, {len(report.skipped)} skipped.")


@click.command("dupes")
@click.option("--threshold", type=click.FloatRange(0.1, 1.0), default=0.8, show_default=True,
              help="Estimated share of word 4-grams two bodies must have in common.")
@click.option("--merge", is_flag=True, help="Merge each cluster into its fullest copy, keeping every copy's provenance.")
@click.option("--yes", "-y", is_flag=True, help="With --merge: do not ask first.")
@click.option("--format", "format_", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def dupes(archive, threshold, merge, yes, format_):
    """List clusters of near-duplicate articles: syndicated or updated copies of one story.

    Exits 1 when there are none.

    \b
    Examples:
      newsarchive dupes
      newsarchive dupes --threshold 0.6 --format json
      newsarchive dupes --merge
    """
    from newsarchive.neardupes import merge_copies, near_duplicates

    with progress_bar("Hashing bodies", enabled=stderr_is_terminal() and format_ != "json") as bar:
        clusters = near_duplicates(archive, threshold, progress=bar)
    if format_ == "json":
        emit_json([{"similarity": c.similarity, "articles": [_brief(r) for r in c.records]} for c in clusters])
    elif clusters:
        from newsarchive.render.listing import render_clusters

        console().print(render_clusters(clusters))
    if not clusters:
        message(f"No near-duplicates at similarity {threshold:g} or above.")
        sys.exit(EXIT_NOT_FOUND)
    if merge:
        if not yes:
            click.confirm(f"Merge {len(clusters)} cluster{'s' * (len(clusters) != 1)}?", abort=True, err=True)
        kept = merge_copies(archive, [cluster.ids for cluster in clusters])
        for cluster, record in zip(clusters, kept):
            message(f"Merged {len(cluster.ids)} copies into {record['id']}.")


def _brief(record: dict) -> dict:
    return {key: record.get(key) for key in ("id", "title", "published", "source", "site", "url")}


COMMANDS = [stats, check, reextract, dupes]
