"""The Click group: the global options, and the command list.

Each command lives in a module of its family (importing, reading, curating, maintaining,
searching); this module only names them. A command's module is imported only when that
command runs (or `--help` lists them all): a search pays for the search command alone, not
for the importers' or the readers'.
"""

from __future__ import annotations

from pathlib import Path

import click

from newsarchive import __version__
from newsarchive.cli import DEFAULT_LOCK_TIMEOUT, exit_for, open_archive

# Command name -> "module:function" under newsarchive.cli (`--help` lists them sorted by name).
COMMANDS = {
    "import": "importing:import_",
    "search": "searching:search",
    "reindex": "searching:reindex",
    "show": "reading:show",
    "list": "reading:list_",
    "export": "reading:export",
    "tag": "curating:tag",
    "untag": "curating:untag",
    "tags": "curating:tags_",
    "note": "curating:note",
    "edit": "curating:edit",
    "delete": "curating:delete",
    "stats": "maintaining:stats",
    "check": "maintaining:check",
    "reextract": "maintaining:reextract",
    "dupes": "maintaining:dupes",
}


class ArchiveGroup(click.Group):
    """A group that loads its commands on demand, and turns the core's exceptions into a
    message and the contract's exit code."""

    # The command this process ran, once Click has chosen it (for `main`'s way out).
    ran: str | None = None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            import importlib

            module, name = COMMANDS[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(f"newsarchive.cli.{module}"), name), cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):  # type: ignore[override]
        name, command, rest = super().resolve_command(ctx, args)
        self.ran = command.name if command is not None else None
        return name, command, rest

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise  # Click's own ways out: --help, usage errors, a declined confirmation
        except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - each is reported, none escapes
            exit_for(exc)


@click.group(cls=ArchiveGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="NEWSARCHIVE_DB",
    show_envvar=True,
    help="The archive file (a TinyDB JSON file). Default: archive.json in your user data folder.",
)
@click.option("--lock-timeout", type=click.FloatRange(min=0), default=DEFAULT_LOCK_TIMEOUT, show_default=True,
              help="Seconds to wait for another newsarchive command to release the archive.")
@click.version_option(__version__, prog_name="newsarchive")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, lock_timeout: float) -> None:
    """A command-line archive of news articles.

    Import saved pages (text copies, HTML, WARC, feeds, JSON, CSV, Markdown), search them
    with ranked full-text search, read them in the terminal, and export them.

    \b
    Examples:
      newsarchive import data/
      newsarchive search "river flooding"
      newsarchive show 3f2a9c
      newsarchive export --format md -o notes/
    """
    ctx.obj = open_archive(db, lock_timeout)
