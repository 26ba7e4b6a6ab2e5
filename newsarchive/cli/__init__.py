"""The `newsarchive` command's entry point, and its exit codes in one place.

The Click group and its global options live in `app.py`; each command lives in a module of
its family. This module is kept free of Click, so that `quick.py` can answer a plain
scripted search without importing it (Click's import is a third of such a search), and
holds what both ways share: how a failure is reported, and the exit codes of DESIGN.md:
1 nothing found or some inputs failed, 2 usage, 3 archive unusable (and 70 for a bug of
ours, 74 for output that cannot be written, 130 for Ctrl-C).
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from pathlib import Path

from newsarchive.errors import (
    AmbiguousIdError,
    ArchiveError,
    BadInputError,
    NewsArchiveError,
    NotFoundError,
    QueryError,
    ValidationError,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every search
if TYPE_CHECKING:
    from typing import NoReturn

    from newsarchive.archive import Archive

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

DEFAULT_LOCK_TIMEOUT = 10.0


def default_db() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsarchive", appauthor=False)) / "archive.json"


def open_archive(db: Path | None, lock_timeout: float) -> Archive:
    """The archive the command line named (--db or NEWSARCHIVE_DB), else the default one."""
    from newsarchive.archive import Archive
    from newsarchive.cli.output import index_bar

    return Archive(db or default_db(), lock_timeout=lock_timeout, index_progress=index_bar())


def main() -> None:
    """The console script: a plain search takes the quick way (quick.py), the rest Click's."""
    # A file size limit (ulimit -f) must surface as an error we can report, not kill us.
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    # Started with a standard stream closed (`>&-`, `2>&-`, `<&-`):
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - messages have nowhere to go
    if sys.stdin is None:
        sys.stdin = open(os.devnull)  # noqa: SIM115 - reads as empty
    sys.unraisablehook = _drop_stray_interrupt
    from newsarchive.cli.quick import read_plain_search, run_plain_search

    plain = read_plain_search(sys.argv[1:], os.environ)
    try:
        try:
            if plain is not None:
                run_plain_search(plain)
            else:
                from newsarchive.cli.app import cli

                cli.main(prog_name="newsarchive")
        except KeyboardInterrupt:
            _print_error("interrupted", None)
            sys.exit(EXIT_INTERRUPTED)
        except OSError as exc:  # Click's own output (--help) that could not be written
            exit_for(exc)
        finally:
            # Flush now, so a closed pipe is noticed here rather than in interpreter shutdown.
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except OSError as exc:
                _output_failed(exc.strerror or str(exc))
    except SystemExit as exc:  # both ways end every run this way
        # The exit code is decided: a Ctrl-C from here on has nothing left to stop, and
        # would only print a traceback from the interpreter's shutdown.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if plain is not None or _click_ran_read_only():
            _exit_at_once(exc.code)
        raise


def _drop_stray_interrupt(unraisable: sys.UnraisableHookArgs) -> None:
    """A Ctrl-C can land in code Python cannot raise from: a finaliser, such as the weakref
    callback a worker pool runs when it is collected at the end of an import. Python would
    print it as an ignored traceback and go on; it goes on quietly instead (the work is
    whole either way, and a second Ctrl-C stops it). Python raises an interrupt again from
    within this hook too, so it cannot be passed on from here."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        return
    sys.__unraisablehook__(unraisable)


def exit_for(exc: BaseException) -> NoReturn:
    """Report the exception a command raised, and exit with the contract's code."""
    if isinstance(exc, NewsArchiveError):
        fail(exc)
    if isinstance(exc, KeyboardInterrupt):
        _print_error("interrupted; nothing more was written", None)
        sys.exit(EXIT_INTERRUPTED)
    if isinstance(exc, UnicodeEncodeError) and _is_narrow_output_encoding(exc.encoding):
        # The output's encoding cannot carry the text (an ASCII locale, say): not a usage error.
        _output_failed(f"{exc.encoding} cannot encode {exc.object[exc.start:exc.end]!r}",
                       "use a UTF-8 locale, or set PYTHONIOENCODING=utf-8")
    if isinstance(exc, ValueError):
        # The core raises ValueError for a bad value given on the command line.
        _print_error(str(exc), None)
        sys.exit(EXIT_USAGE)
    if isinstance(exc, BrokenPipeError):
        # The reader of our output went away (`| head`): not an error worth a traceback.
        sys.stderr.close()
        sys.exit(0)
    if isinstance(exc, OSError):
        # The archive's own files raise ArchiveError; what is left is our output or a
        # file the user named (a full disk behind `> file`).
        if exc.errno == errno.EBADF:  # stdout closed at start (_ClosedOutput): no disk to free
            _output_failed(exc.strerror or str(exc), "give the output somewhere to go: a file, a pipe or the terminal")
        _output_failed(exc.strerror or str(exc))
    if os.environ.get("NEWSARCHIVE_DEBUG"):
        raise exc
    _print_error(f"internal error: {exc.__class__.__name__}: {exc}",
                 "this is a bug in newsarchive; run again with NEWSARCHIVE_DEBUG=1 for the traceback and report it")
    sys.exit(EXIT_INTERNAL)


def _is_narrow_output_encoding(encoding: str) -> bool:
    """Whether `encoding` is stdout's, and one that cannot carry every character (UTF-8 can:
    what it cannot encode, lone surrogates, comes from a command line, not from output)."""
    import codecs

    output = getattr(sys.stdout, "encoding", None)
    try:
        name = codecs.lookup(encoding).name
        return output is not None and name == codecs.lookup(output).name and name != "utf-8"
    except LookupError:
        return False


def fail(exc: NewsArchiveError) -> NoReturn:
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

    print(f"Error: {clean_terminal_text(text)}", file=sys.stderr)
    if hint:
        print(f"Hint: {hint}", file=sys.stderr)


def _output_failed(reason: str, hint: str = "free some space, or write somewhere else") -> NoReturn:
    """Say that writing failed, and exit EXIT_IO. What stdout still buffers cannot be
    delivered, so it is dropped rather than retried at exit."""
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until the process exits
    except OSError:
        pass
    _print_error(f"cannot write the output: {reason}", hint)
    sys.exit(EXIT_IO)


class _ClosedOutput(io.TextIOBase):
    """Stands in for a standard output the process was started without: a command that
    prints fails as output that cannot be written (EXIT_IO); one that prints nothing runs."""

    def write(self, text: object) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> _ClosedOutput:  # for bytes, as sys.stdout.buffer
        return self


def _click_ran_read_only() -> bool:
    """Whether the command Click ran only read the archive (or none ran: --help, --version)."""
    from newsarchive.cli.app import cli  # loaded already, unless Ctrl-C came first

    return cli.ran is None or cli.ran in READ_ONLY_COMMANDS


def _exit_at_once(code: object) -> NoReturn:
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
