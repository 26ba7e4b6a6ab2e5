"""Options several commands share: the record filters and the output format."""

from __future__ import annotations

import functools
import re
import sys
from typing import Any, Callable

import click

from newsarchive.filters import RecordFilter

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _date_bound(end: bool) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """Read YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its first (or last) day."""

    def convert(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is None:
            return None
        match = PARTIAL_DATE.match(value.strip())
        if not match:
            raise click.BadParameter(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = int(match[1]), int(match[2] or (12 if end else 1)), match[3]
        if not 1 <= month <= 12:
            raise click.BadParameter(f"{value!r}: there is no month {month}")
        import calendar  # only when a date was given: it costs every search a few ms otherwise

        last = calendar.monthrange(year, month)[1]
        day_n = int(day) if day else (last if end else 1)
        if not 1 <= day_n <= last:
            raise click.BadParameter(f"{value!r}: there is no day {day_n} in that month")
        return f"{year:04d}-{month:02d}-{day_n:02d}"

    return convert


def full_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A complete YYYY-MM-DD: a correction must not invent a day the user did not give."""
    from newsarchive.model import is_iso_date

    if value is not None and not is_iso_date(value.strip()):
        raise click.BadParameter(f"{value!r} is not a date as YYYY-MM-DD")
    return value.strip() if value is not None else None


def language_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[a-z]{2}", value.strip().lower()):
        raise click.BadParameter(f"{value!r} is not a two-letter ISO 639-1 code such as en or de")
    return value.strip().lower() if value is not None else None


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --since/--until/--imported-since/--source/--tag and pass one `record_filter`."""

    @click.option("--since", callback=_date_bound(end=False), metavar="DATE",
                  help="Published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
    @click.option("--until", callback=_date_bound(end=True), metavar="DATE",
                  help="Published on or before DATE.")
    @click.option("--imported-since", callback=_date_bound(end=False), metavar="DATE",
                  help="Imported on or after DATE.")
    @click.option("--source", "sources", multiple=True, metavar="NAME", help="From this source (repeatable: any of them).")
    @click.option("--tag", "tags", multiple=True, metavar="TAG", help="Tagged TAG (repeatable: all of them).")
    @functools.wraps(command)
    def wrapper(*args: Any, since, until, imported_since, sources, tags, **kwargs: Any) -> Any:
        record_filter = RecordFilter(since=since, until=until, imported_since=imported_since,
                                     sources=tuple(sources), tags=tuple(tags))
        return command(*args, record_filter=record_filter, **kwargs)

    return wrapper


def ids_from_arguments(ids: tuple[str, ...] | list[str]) -> list[str]:
    """Ids given on the command line, with `-` read as one id per line (or per word) from stdin."""
    out: list[str] = []
    for given in ids:
        if given == "-":
            out.extend(sys.stdin.read().split())
        else:
            out.append(given)
    if not out:
        raise click.UsageError("no article ids given (stdin was empty)")
    return out
