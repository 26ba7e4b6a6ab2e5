"""The `newsarchive` command: global options, the command list, and exit codes in one place.

Each command lives in a module of its family (importing, reading, curating, maintaining,
searching); this module only names them and maps the core's exceptions to the exit
codes of DESIGN.md: 1 nothing found or some inputs failed, 2 usage, 3 archive unusable
(and 70 for a bug of ours, 130 for Ctrl-C).

A command's module is imported only when that command runs (or `--help` lists them all):
a search pays for the search command alone, not for the importers' or the readers'.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from newsarchive import __version__
from newsarchive.errors import (
    AmbiguousIdError,
    ArchiveError,
    BadInputError,
    NewsArchiveError,
    NotFoundError,
    QueryError,
    ValidationError,
)

EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_ARCHIVE = 3
EXIT_INTERRUPTED = 130
# A bug of ours: a code of its own (BSD's EX_SOFTWARE), so that a script never reads a crash
# as "nothing found".
EXIT_INTERNAL = 70
# The output (or another file outside the archive) could not be written: a full disk behind
# `> file`, say. BSD's EX_IOERR: neither "nothing found" nor a bug.
EXIT_IO = 74
# Commands that only read the archive (the index they may bring up to date is committed and
# closed before they print). Once one has printed, the interpreter's orderly shutdown, which
# collects and frees every object and module, has nothing left to finish: these exit without
# it, 5-10 ms sooner (a fifth of a scripted search). Commands that write keep the full exit.
READ_ONLY_COMMANDS = frozenset({"search", "show", "list", "stats", "tags"})


def default_db() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsarchive", appauthor=False)) / "archive.json"


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
        except NewsArchiveError as exc:
            fail(exc)
        except ValueError as exc:
            # The core raises ValueError for a bad value given on the command line.
            _print_error(str(exc), None)
            sys.exit(EXIT_USAGE)
        except KeyboardInterrupt:
            _print_error("interrupted; nothing more was written", None)
            sys.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise  # Click's own ways out: --help, usage errors, a declined confirmation
        except BrokenPipeError:
            # The reader of our output went away (`| head`): not an error worth a traceback.
            sys.stderr.close()
            sys.exit(0)
        except OSError as exc:
            # The archive's own files raise ArchiveError; what is left is our output or a
            # file the user named (a full disk behind `> file`).
            _output_failed(exc)
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("NEWSARCHIVE_DEBUG"):
                raise
            _print_error(f"internal error: {exc.__class__.__name__}: {exc}",
                         "this is a bug in newsarchive; run again with NEWSARCHIVE_DEBUG=1 for the traceback and report it")
            sys.exit(EXIT_INTERNAL)


def fail(exc: NewsArchiveError) -> None:
    """Print `exc` and exit with its code."""
    code = EXIT_NOT_FOUND
    if isinstance(exc, ArchiveError):
        code = EXIT_ARCHIVE
    elif isinstance(exc, (QueryError, AmbiguousIdError, ValidationError)):
        code = EXIT_USAGE
    elif isinstance(exc, (NotFoundError, BadInputError)):
        code = EXIT_NOT_FOUND
    text = str(exc)
    if isinstance(exc, QueryError) and exc.position is not None:
        text += f"\n  {exc.query}\n  {' ' * exc.position}^"
    _print_error(text, exc.hint)
    sys.exit(code)


def quiet_library_logs() -> None:
    """Libraries (warcio, trafilatura) log their own complaints; what matters reaches the user
    as our messages, so their logs go nowhere unless debugging. Called by the commands that
    run those libraries, so the others do not pay for importing logging."""
    import logging

    if os.environ.get("NEWSARCHIVE_DEBUG"):
        logging.basicConfig(level=logging.DEBUG)
    else:
        logging.getLogger().addHandler(logging.NullHandler())


def _print_error(text: str, hint: str | None) -> None:
    from newsarchive.render.sanitize import clean_terminal_text

    click.echo(f"Error: {clean_terminal_text(text)}", err=True)
    if hint:
        click.echo(f"Hint: {hint}", err=True)


@click.group(cls=ArchiveGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="NEWSARCHIVE_DB",
    show_envvar=True,
    help="The archive file (a TinyDB JSON file). Default: archive.json in your user data folder.",
)
@click.option("--lock-timeout", type=click.FloatRange(min=0), default=10.0, show_default=True,
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
    from newsarchive.archive import Archive

    ctx.obj = Archive(db or default_db(), lock_timeout=lock_timeout)


def main() -> None:
    # A file size limit (ulimit -f) must surface as an error we can report, not kill us.
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        try:
            cli.main(prog_name="newsarchive")
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        finally:
            # Flush now, so a closed pipe is noticed here rather than in interpreter shutdown.
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except OSError as exc:
                _output_failed(exc)
    except SystemExit as exc:  # Click ends every run this way
        if cli.ran is None or cli.ran in READ_ONLY_COMMANDS:  # None: no command ran (--help, --version)
            _exit_at_once(exc.code)
        raise


def _output_failed(exc: OSError) -> None:
    """Say that writing failed, and exit EXIT_IO. What stdout still buffers cannot be
    delivered, so it is dropped rather than retried at exit."""
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until the process exits
    except OSError:
        pass
    _print_error(f"cannot write the output: {exc.strerror or exc}", "free some space, or write somewhere else")
    sys.exit(EXIT_IO)


def _exit_at_once(code: object) -> None:
    """Exit as `sys.exit(code)` would, without the interpreter's shutdown."""
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            pass  # the reader went away, or the stream is closed: nothing left to deliver
    os._exit(code)
