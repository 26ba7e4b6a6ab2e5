"""The two consoles (stdout for data, stderr for everything else) and machine output.

Rich is imported only when a command actually draws something, so `--help` and the JSON
paths stay fast. Rich itself honours NO_COLOR and drops colour when the stream is not a
terminal; machine formats never go through Rich at all.
"""

from __future__ import annotations

import functools
import sys
from typing import TYPE_CHECKING, Any, Iterable

import orjson

if TYPE_CHECKING:
    from rich.console import Console


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
    """Pretty JSON to stdout: stable keys, ISO dates, non-ASCII kept as is."""
    write_bytes(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")


def emit_jsonl(values: Iterable[Any]) -> None:
    write_bytes(b"".join(orjson.dumps(v) + b"\n" for v in values))


def message(text: str, *, style: str | None = None) -> None:
    """A line for the person, on stderr. `text` is ours; untrusted parts are escaped by the caller."""
    # soft_wrap: a long path stays on one line, so the message can be grepped and copied.
    error_console().print(text, style=style, markup=False, highlight=False, soft_wrap=True)


def warn(text: str) -> None:
    message(text, style="yellow")
