"""Curating articles: `tag`, `untag`, `tags`, `note`, `edit` and `delete`.

Each command is one atomic write of the archive, however many articles it touches.
"""

from __future__ import annotations

import re
import sys

import click

from newsarchive.cli import EXIT_NOT_FOUND
from newsarchive.cli.options import full_date, ids_from_arguments, language_code
from newsarchive.cli.output import console, emit_json, message
from newsarchive.errors import AmbiguousIdError, NotFoundError
from newsarchive.model import public_record


# A later word is read as another id only when it names one this precisely; shorter words
# are tags, so a tag such as "cafe" is never mistaken for an id prefix.
MIN_PREFIX_FOR_EXTRA_IDS = 6
ID_SHAPED = re.compile(r"[0-9a-f]{12}(?:-\d+)?")


def _split_ids_and_tags(archive, words: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """`ID... TAG...`: the first word is an id (or - for ids on stdin); following words are
    ids while they name an article, then the rest are tags."""
    if words[0] == "-":
        ids, rest = ids_from_arguments(["-"]), list(words[1:])
    else:
        view = archive.read()
        ids, rest = [words[0]], list(words[1:])
        while len(rest) > 1 and len(rest[0]) >= MIN_PREFIX_FOR_EXTRA_IDS and _names_article(view, rest[0]):
            ids.append(rest.pop(0))
    if not rest:
        raise click.UsageError("give at least one ID and one TAG")
    mistyped = [word for word in rest if ID_SHAPED.fullmatch(word)]
    if mistyped:
        # Twelve hex digits are an id someone mistyped, not a tag anyone means.
        raise NotFoundError(f"no article with id {mistyped[0]!r}", hint="`newsarchive list --format ids` shows the ids")
    return ids, rest


def _names_article(view, word: str) -> bool:
    try:
        view.resolve(word)
    except (NotFoundError, AmbiguousIdError):
        return False
    return True


@click.command("tag")
@click.argument("words", nargs=-1, required=True, metavar="ID... TAG...")
@click.pass_obj
def tag(archive, words):
    """Tag articles. The first word is an id (or - to read ids from stdin, one per line);
    the words after it are more ids while they name articles, then tags.

    \b
    Examples:
      newsarchive tag 3f2a9c ccsvi
      newsarchive tag 3f2a9c 81be04 to-read
      newsarchive search "vein" --format ids | newsarchive tag - ccsvi vascular
    """
    ids, tags = _split_ids_and_tags(archive, words)
    changed = archive.tag(ids, tags)
    message(f"Tagged {len(changed)} article{'s' * (len(changed) != 1)}: {', '.join(tags)}")


@click.command("untag")
@click.argument("words", nargs=-1, required=True, metavar="ID... TAG...")
@click.pass_obj
def untag(archive, words):
    """Remove tags from articles (ids and tags read as for `tag`).

    \b
    Examples:
      newsarchive untag 3f2a9c to-read
      newsarchive list --tag to-read --format ids | newsarchive untag - to-read
    """
    ids, tags = _split_ids_and_tags(archive, words)
    changed = archive.tag(ids, tags, remove=True)
    message(f"Untagged {len(changed)} article{'s' * (len(changed) != 1)}")


@click.command("tags")
@click.option("--format", "format_", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def tags_(archive, format_):
    """List the tags in use, with how many articles carry each.

    \b
    Example:
      newsarchive tags
    """
    counts = archive.tag_counts()
    if format_ == "json":
        emit_json([{"tag": name, "count": n} for name, n in counts])
    else:
        from rich.table import Table
        from rich.text import Text

        table = Table(box=None, header_style="bold", pad_edge=False)
        table.add_column("tag")
        table.add_column("articles", justify="right")
        from newsarchive.render.sanitize import clean_terminal_text

        for name, n in counts:
            table.add_row(Text(clean_terminal_text(name)), str(n))
        if counts:
            console().print(table)
    if not counts:
        message("No tags yet. Add one with `newsarchive tag ID TAG`.")
        sys.exit(EXIT_NOT_FOUND)


@click.command("note")
@click.argument("article_id")
@click.argument("text", required=False)
@click.option("--edit", "use_editor", is_flag=True, help="Write the note in $EDITOR.")
@click.pass_obj
def note(archive, article_id, text, use_editor):
    """Add a timestamped note to an article.

    \b
    Examples:
      newsarchive note 3f2a9c "Compare with the 2012 follow-up"
      newsarchive note 3f2a9c --edit
    """
    if use_editor:
        text = click.edit(text or "", extension=".txt")
    if not text or not text.strip():
        raise click.UsageError("the note is empty; give TEXT or use --edit")
    archive.add_note(article_id, text)
    message("Note added.")


@click.command("edit")
@click.argument("article_id")
@click.option("--title")
@click.option("--subtitle")
@click.option("--published", callback=full_date, metavar="DATE", help="YYYY-MM-DD.")
@click.option("--source")
@click.option("--site")
@click.option("--section")
@click.option("--reviewer")
@click.option("--url")
@click.option("--language", metavar="CODE", callback=language_code, help="ISO 639-1, e.g. en.")
@click.option("--author", "authors", multiple=True, help="Replace the authors (repeatable).")
@click.option("--clear", "cleared", multiple=True, metavar="FIELD",
              type=click.Choice(["subtitle", "published", "source", "site", "section", "reviewer", "url", "language", "authors"]),
              help="Empty a field (repeatable).")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def edit(archive, article_id, format_, cleared, authors, **fields):
    """Correct an article's metadata; every change is kept in its history.

    \b
    Examples:
      newsarchive edit 3f2a9c --published 2010-10-12 --source "WebMD UK Health News"
      newsarchive edit 3f2a9c --author "Jane Doe" --author "Ann Lee"
      newsarchive edit 3f2a9c --clear reviewer
    """
    changes = {name: value for name, value in fields.items() if value is not None}
    if authors:
        changes["authors"] = list(authors)
    for name in cleared:
        changes[name] = [] if name == "authors" else None
    if not changes:
        raise click.UsageError("nothing to change; give at least one option such as --title")
    record = archive.edit(article_id, changes)
    if format_ == "json":
        emit_json(public_record(record))
    else:
        message(f"Changed {', '.join(changes)} of {record['id']}.")


@click.command("delete")
@click.argument("ids", nargs=-1, required=True)
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@click.pass_obj
def delete(archive, ids, yes):
    """Delete articles (and originals no other article uses). Asks first unless --yes.

    \b
    Examples:
      newsarchive delete 3f2a9c
      newsarchive list --tag spam --format ids | newsarchive delete - --yes
    """
    wanted = ids_from_arguments(ids)
    view = archive.read()
    records = [view.get(view.resolve(i)) for i in wanted]
    if not yes:
        from newsarchive.render.sanitize import clean_terminal_text

        for record in records:
            message(f"  {record['id']}  {clean_terminal_text(record['title'])}")
        if not sys.stdin.isatty() and "-" in ids:
            raise click.UsageError("ids came from stdin, so there is no one to ask; add --yes")
        click.confirm(f"Delete {len(records)} article{'s' * (len(records) != 1)}?", abort=True, err=True)
    removed = archive.delete([r["id"] for r in records])
    message(f"Deleted {len(removed)} article{'s' * (len(removed) != 1)}.")


COMMANDS = [tag, untag, tags_, note, edit, delete]
