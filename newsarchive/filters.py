"""Which articles a command is about: the filters `list`, `export` and `search` share.

A `RecordFilter` holds the options a user gave (dates, sources, tags) and answers for one
record at a time; `select` applies it and the sort order to a list of records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from newsarchive.model import normalise_tag

SORTS = ("newest", "oldest")


@dataclass(frozen=True)
class RecordFilter:
    since: str | None = None  # publication date, YYYY-MM-DD, inclusive
    until: str | None = None
    imported_since: str | None = None
    sources: tuple[str, ...] = ()  # any of these (case-insensitive)
    tags: tuple[str, ...] = ()  # all of these

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
            have = set(record.get("tags") or [])
            if not all(normalise_tag(t) in have for t in self.tags):
                return False
        return True


def sort_key(record: dict[str, Any]) -> tuple[str, str]:
    """Publication date, then import time: undated articles sort as the oldest."""
    return (record.get("published") or "", record.get("imported_at") or "")


def select(records: Iterable[dict[str, Any]], record_filter: RecordFilter, *, sort: str = "newest",
           limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    chosen = sorted((r for r in records if record_filter.matches(r)), key=sort_key, reverse=(sort == "newest"))
    end = None if limit is None else offset + limit
    return chosen[offset:end]
