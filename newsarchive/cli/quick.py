"""The quick way: a plain scripted search, answered without importing Click.

`newsarchive search QUERY --format json` is what scripts run, often thousands of times in a
row, and Click's import was about a third of such a search at 100,000 articles (15 of
47 ms; bench/README.md). This module recognises a strict subset of that command line:

    newsarchive [--db PATH] search QUERY [--format F] [--limit N] [--offset N] [--sort S] [--exact]

each option at most once, in either `--opt value` or `--opt=value` form, with values Click
would take for it. It then runs the same code as the `search` command (search_run.py).
Anything else (another option, `--help`, a value Click might read otherwise, a second query
word, shell completion) goes to Click, which reads it the usual way: this module never
reports a usage error of its own, so the two ways cannot disagree on one.
tests/test_cli_quick.py runs command lines both ways and compares.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from newsarchive.cli import DEFAULT_LOCK_TIMEOUT, exit_for, open_archive
from newsarchive.cli.search_run import SEARCH_FORMATS, SEARCH_SORTS, SearchRequest, run_search

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every search
if TYPE_CHECKING:
    from typing import NoReturn

# The archive the command line named (None: the default one), and the search it asks for.
PlainSearch = tuple[Path | None, SearchRequest]

# A count as Click's IntRange(min=0) reads it, in its plainest spelling (" 7" or "+7" go
# to Click). Eighteen digits at most, so that int() never meets its limit on digits.
_COUNT = re.compile(r"[0-9]{1,18}")


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str | None]:
    return lambda value: value if value in choices else None


def _count(value: str) -> int | None:
    return int(value) if _COUNT.fullmatch(value) else None


# Option -> (the SearchRequest field it sets, its value read as Click reads it, or None to
# leave the whole command line to Click).
_VALUED: dict[str, tuple[str, Callable[[str], object]]] = {
    "--format": ("format", _one_of(SEARCH_FORMATS)),
    "--sort": ("sort", _one_of(SEARCH_SORTS)),
    "--limit": ("limit", _count),
    "--offset": ("offset", _count),
}
_FLAGS = {"--exact": "exact"}
# Set by a shell asking Click for completions (README, "Shell completion").
_COMPLETION_VARIABLE = "_NEWSARCHIVE_COMPLETE"


def read_plain_search(args: list[str], environ: Mapping[str, str]) -> PlainSearch | None:
    """The archive named and the search asked for, if `args` are a plain search; else None."""
    # On Windows Click expands ~, variables and wildcards in every argument first.
    if os.name == "nt" or _COMPLETION_VARIABLE in environ:
        return None
    db, rest = _global_options(args)
    if not rest or rest[0] != "search":
        return None
    request = _search_options(rest[1:])
    if request is None:
        return None
    # Click reads --db, else a non-empty NEWSARCHIVE_DB, and rejects a folder or an
    # unreadable file: those it is left to.
    path = db if db is not None else environ.get("NEWSARCHIVE_DB")
    if path == "" or (path is not None and not _plainly_usable(path)):
        return None
    return (Path(path) if path is not None else None), request


def run_plain_search(plain: PlainSearch) -> NoReturn:
    """Run the search as the `search` command would, and exit."""
    db, request = plain
    try:
        run_search(open_archive(db, DEFAULT_LOCK_TIMEOUT), request)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - reported as the Click way reports it
        exit_for(exc)
    sys.exit(0)


def _global_options(args: list[str]) -> tuple[str | None, list[str]]:
    """--db (the one global option taken here) and the arguments after it."""
    if args[:1] == ["--db"] and len(args) > 1:
        return args[1], args[2:]
    if args[:1] and args[0].startswith("--db="):
        return args[0].removeprefix("--db="), args[1:]
    return None, args


def _search_options(args: list[str]) -> SearchRequest | None:
    fields: dict[str, object] = {}
    query: str | None = None
    i = 0
    while i < len(args):
        arg = args[i]
        name, has_value, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _VALUED:
            if not has_value:
                if i + 1 == len(args):
                    return None
                i, value = i + 1, args[i + 1]
            field, read = _VALUED[name]
            parsed = read(value)
            if field in fields or parsed is None:
                return None
            fields[field] = parsed
        elif arg in _FLAGS and _FLAGS[arg] not in fields:
            fields[_FLAGS[arg]] = True
        elif arg.startswith("-") or query is not None:
            return None  # another option, `--`, `-`, or a second query word: Click's to judge
        else:
            query = arg
        i += 1
    if query is None:
        return None
    return SearchRequest(query=query, **fields)  # type: ignore[arg-type]


def _plainly_usable(path: str) -> bool:
    """A subset of what Click's `Path(dir_okay=False)` lets through: a path that is not there
    at all, or a readable file (a dangling link, say, goes to Click)."""
    return not os.path.lexists(path) or (not os.path.isdir(path) and os.access(path, os.R_OK))
