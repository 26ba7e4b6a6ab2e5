"""The two consoles (stdout for data, stderr for everything else) and machine output.

Rich is imported only when a command actually draws something, so `--help` and the JSON
paths stay fast. Rich itself honours NO_COLOR and drops colour when the stream is not a
terminal; machine formats never go through Rich at all.
"""

from __future__ import annotations

import functools
import sys
from contextlib import nullcontext
from typing import TYPE_CHECKING, Any, Iterable


if TYPE_CHECKING:
    from rich.console import Console

# A bar for two files is noise; from this many steps on, it tells the user something.
PROGRESS_FROM = 5


@functools.cache
def console() -> Console:
    """Where data goes."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


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


def emit_json(value: Any) -> None:
    """Pretty JSON to stdout: stable keys, ISO dates, non-ASCII kept as is, and the
    characters a terminal would act on escaped, exactly as `export --format json` writes."""
    from newsarchive.export.json import dumps

    write_text(dumps(value, indent=True) + "\n")


def emit_jsonl(values: Iterable[Any]) -> None:
    from newsarchive.export.json import dumps

    write_text("".join(dumps(v) + "\n" for v in values))


def message(text: str, *, style: str | None = None) -> None:
    """A line for the person, on stderr. `text` is ours; untrusted parts are escaped by the caller."""
    # soft_wrap: a long path stays on one line, so the message can be grepped and copied.
    error_console().print(text, style=style, markup=False, highlight=False, soft_wrap=True)


def warn(text: str) -> None:
    message(text, style="yellow")


class _Bar:
    """A Rich progress bar driven by the core's (done, total) callbacks, started on demand."""

    def __init__(self, label: str, minimum: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.minimum = minimum
        self.progress = Progress(
            TextColumn(label), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
            console=error_console(), transient=True,
        )
        self.task = None

    def __call__(self, done: int, total: int, *_: object) -> None:
        if total < self.minimum:
            return
        if self.task is None:
            self.progress.start()
            self.task = self.progress.add_task(str(self.minimum), total=total, rate="")
        elapsed = self.progress.tasks[0].elapsed or 0
        rate = f"{done / elapsed:.0f}/s" if elapsed > 0.5 else ""
        self.progress.update(self.task, completed=done, rate=rate)

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.task is not None:
            self.progress.stop()


def progress_bar(label: str, *, enabled: bool, minimum: int = PROGRESS_FROM):
    """A bar on stderr when `enabled` (a terminal, not --quiet), else a no-op context."""
    return _Bar(label, minimum) if enabled else nullcontext(None)
