"""The two consoles (stdout for data, stderr for everything else) and machine output.

Rich is imported only when a command actually draws something, so `--help` and the JSON
paths stay fast. Rich itself honours NO_COLOR and drops colour when the stream is not a
terminal; machine formats never go through Rich at all.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import sys
from contextlib import nullcontext

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every search
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from rich.console import Console

# A bar for two files is noise; from this many steps on, it tells the user something.
PROGRESS_FROM = 5
# Indexing this many articles takes a second or more: below that a bar would only flicker.
INDEX_BAR_FROM = 2000


@functools.cache
def console() -> Console:
    """Where data goes."""
    from rich.console import Console

    class DataConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich exits 1 when the reader goes away (`| head`). That is no error: raise it
            # as the JSON path meets it, so both leave through exit_for with 0.
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return DataConsole(highlight=False, soft_wrap=False)


@functools.cache
def error_console() -> Console:
    """Where messages, progress and summaries go."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def write_bytes(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def write_text(text: str) -> None:
    write_bytes(text.encode("utf-8"))


def json_text(value: Any, *, indent: bool = False, light: bool = False) -> str:
    """`value` as JSON: keys in their order, non-ASCII kept as is, and the characters a
    terminal would act on escaped. Character for character what
    `newsarchive.export.json.dumps` writes (a test holds them equal), except with `light`.

    `light` writes it with the standard library's json instead of orjson, for `search`:
    its output is a page of hits, and importing orjson (which loads dataclasses, inspect
    and uuid) would cost it 6 ms, a fifth of a scripted search. The JSON is the same but
    for how floats below 1e-4 are spelled (2e-06, where orjson writes 2e-6): the same
    numbers. On a whole archive orjson is five times faster, so every other command keeps
    it. Values are what commands print: text, numbers, booleans, None, lists, and dicts
    with text or int keys; dates are written in ISO 8601."""
    if light:
        import json

        text = json.dumps(value, ensure_ascii=False, default=_iso_or_text, indent=2 if indent else None,
                          separators=None if indent else (",", ":"))
    else:
        import orjson

        text = orjson.dumps(value, default=str,
                            option=orjson.OPT_NON_STR_KEYS | (orjson.OPT_INDENT_2 if indent else 0)).decode()
    # These characters can only occur inside JSON strings, where \uXXXX means the same.
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _iso_or_text(value: Any) -> str:
    """A value JSON has no type for, as orjson writes it: dates in ISO 8601, the rest as text."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# Also lone surrogates (a file name that is not UTF-8), which orjson refuses and the
# standard library would pass on to fail at the UTF-8 encoding of the output.
_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def emit_json(value: Any, *, light: bool = False) -> None:
    """Pretty JSON to stdout, as `export --format json` writes it (see json_text for `light`)."""
    write_text(json_text(value, indent=True, light=light) + "\n")


def emit_jsonl(values: Iterable[Any], *, light: bool = False) -> None:
    write_text("".join(json_text(v, light=light) + "\n" for v in values))


def message(text: str, *, style: str | None = None) -> None:
    """A line for the person, on stderr. `text` is ours; untrusted parts are escaped by the caller."""
    # soft_wrap: a long path stays on one line, so the message can be grepped and copied.
    error_console().print(text, style=style, markup=False, highlight=False, soft_wrap=True)


def warn(text: str) -> None:
    message(text, style="yellow")


class _Bar:
    """A Rich progress bar driven by the core's (done, total) callbacks, started on demand
    (Rich's progress module is imported then, not before); with `until_done` it goes as
    soon as done reaches total, so that what the command prints next is not held up."""

    def __init__(self, label: str, minimum: int, *, until_done: bool = False) -> None:
        self.label, self.minimum, self.until_done = label, minimum, until_done
        self.progress = None
        self.task = None

    def __call__(self, done: int, total: int, *_: object) -> None:
        if total < self.minimum:
            return
        if self.progress is None:
            self._start(total)
        elapsed = self.progress.tasks[0].elapsed or 0
        rate = f"{done / elapsed:.0f}/s" if elapsed > 0.5 else ""
        self.progress.update(self.task, completed=done, rate=rate)
        if self.until_done and done >= total:
            self._stop()

    def _start(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
            console=error_console(), transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task(self.label, total=total, rate="")

    def _stop(self) -> None:
        if self.progress is not None and self.progress.live.is_started:
            self.progress.stop()

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()


def progress_bar(label: str, *, enabled: bool, minimum: int = PROGRESS_FROM):
    """A bar on stderr when `enabled` (a terminal, not --quiet), else a no-op context."""
    return _Bar(label, minimum) if enabled else nullcontext(None)


def index_bar() -> _Bar | None:
    """What shows a read bringing the search index up to date with many articles (the first
    read after importing 100,000 takes about a minute): a bar on a terminal, else nothing."""
    return _Bar("Updating the search index", INDEX_BAR_FROM, until_done=True) if stderr_is_terminal() else None
