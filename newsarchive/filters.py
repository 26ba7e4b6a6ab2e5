"""Which articles a command is about: the filters `list`, `export` and `search` share.

A `RecordFilter` holds the options a user gave (dates, sources, tags). The search index
turns it into SQL; `matches` answers for one record in hand (e.g. articles named by id).
"""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing on every search
if TYPE_CHECKING:
    from typing import Any

SORTS = ("newest", "oldest")


# A named tuple, not a dataclass: every search loads this module, and `dataclasses` imports
# `inspect` (with ast, dis and tokenize), 4-5 ms of a 35 ms scripted search.
class RecordFilter(namedtuple("RecordFilter", "since until imported_since sources tags",
                              defaults=(None, None, None, (), ()))):
    """since, until: the publication date, YYYY-MM-DD, inclusive. imported_since: the same for
    the import date. sources: any of these (case-insensitive). tags: all of these."""

    __slots__ = ()

    # For type checkers and readers only: the fields are the named tuple's.
    since: str | None
    until: str | None
    imported_since: str | None
    sources: tuple[str, ...]
    tags: tuple[str, ...]

    def matches(self, record: dict[str, Any]) -> bool:
        published = record.get("published")
        if self.since and (not published or published < self.since):
            return False
        if self.until and (not published or published > self.until):
            return False
        if self.imported_since and (record.get("imported_at") or "")[:10] < self.imported_since:
            return False
        if self.sources:
            source = (record.get("source") or "").casefold()
            if source not in {s.casefold() for s in self.sources}:
                return False
        if self.tags:
            # Imported here: `model` is heavy to load, and a search never needs it.
            from newsarchive.model import normalise_tag

            have = set(record.get("tags") or [])
            if not all(normalise_tag(t) in have for t in self.tags):
                return False
        return True
