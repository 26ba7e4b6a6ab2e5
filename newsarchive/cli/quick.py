"""The quick way: a plain scripted search, answered without importing Click.

`newsarchive search QUERY --format json` is what scripts run, often thousands of times in a
row, and Click's import is a third of such a search at 100,000 articles (17 of 47 ms; see
bench/README.md). This module recognises a strict subset of that command line:

    newsarchive [--db PATH] search QUERY [--format F] [--limit N] [--offset N] [--sort S] [--exact]

each option at most once, in either `--opt value` or `--opt=value` form, with the values
Click would accept for it. It then runs the same code as the `search` command
(search_run.py). Anything else (another option, `--help`, a value Click would reject, a
second query word, shell completion) returns None and goes to Click, which reads it the
usual way: this module never reports a usage error of its own, so the two ways cannot
disagree on one. tests/test_cli_quick.py runs command lines both ways and compares.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from newsarchive.cli.search_run import SEARCH_FORMATS, SEARCH_SORTS, SearchRequest

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every search
if TYPE_CHECKING:
    from typing import NoReturn

# Option -> (the SearchRequest field it sets, the values Click would take for it).
# Counts: Click's IntRange(min=0) takes these (and more, such as " 7": those go to Click).
# Eighteen digits at most, so that int() never meets its limit on digits.
_COUNT = re.compile(r"[0-9]{1,18}")
_VALUED = {
    "--format": ("format", frozenset(SEARCH_FORMATS).__contains__),
    "--sort": ("sort", frozenset(SEARCH_SORTS).__contains__),
    "--limit": ("limit", _COUNT.fullmatch),
    "--offset": ("offset", _COUNT.fullmatch),
}
_FLAGS = {"--exact": "exact"}
# Set by a shell asking Click for completions (README, "Shell completion").
_COMPLETION_VARIABLE = "_NEWSARCHIVE_COMPLETE"


# The archive the command line named (None: the default one), and the search it asks for.
PlainSearch = tuple[Path | None, SearchRequest]


def plain_search(args: list[str], environ: Mapping[str, str]) -> PlainSearch | None:
    """The archive named and the search asked for, if `args` are a plain search; else None."""
    if _COMPLETION_VARIABLE in environ:
        return None
    db, rest = _global_options(args)
    if not rest or rest[0] != "search":
        return None
    request = _search_options(rest[1:])
    if request is None:
        return None
    # Click reads --db, else a non-empty NEWSARCHIVE_DB, and rejects a directory or an
    # unreadable file: those it is left to.
    path = db if db is not None else environ.get("NEWSARCHIVE_DB")
    if path == "" or (path is not None and not _usable_archive_path(path)):
        return None
    return (Path(path) if path is not None else None), request


def run_plain_search(plain: PlainSearch) -> NoReturn:
    """Run the search as the `search` command would, and exit."""
    import sys

    from newsarchive.archive import Archive
    from newsarchive.cli import DEFAULT_LOCK_TIMEOUT, default_db, exit_for
    from newsarchive.cli.search_run import run_search

    db, request = plain
    try:
        run_search(Archive(db or default_db(), lock_timeout=DEFAULT_LOCK_TIMEOUT), request)
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
    queries: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        name, has_value, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _VALUED:
            if not has_value:
                if i + 1 == len(args):
                    return None
                i, value = i + 1, args[i + 1]
            field, accepted = _VALUED[name]
            if field in fields or not accepted(value):
                return None
            fields[field] = int(value) if field in ("limit", "offset") else value
        elif arg in _FLAGS and _FLAGS[arg] not in fields:
            fields[_FLAGS[arg]] = True
        elif arg.startswith("-") or queries:
            return None  # another option, `--`, `-`, or a second query word: Click's to judge
        else:
            queries.append(arg)
        i += 1
    if not queries:
        return None
    return SearchRequest(query=queries[0], **fields)  # type: ignore[arg-type]


def _usable_archive_path(path: str) -> bool:
    """What Click's `Path(dir_okay=False)` lets through: a path that does not exist yet,
    or one that is not a directory and can be read."""
    try:
        is_folder = os.path.isdir(path)
        exists = os.path.lexists(path)
    except (OSError, ValueError):
        return False
    return not exists or (not is_folder and os.access(path, os.R_OK))
