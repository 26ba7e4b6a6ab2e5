"""Which articles a command is about: the filters `list`, `export` and `search` share.

A `RecordFilter` holds the options a user gave (dates, sources, tags). The search index
turns it into SQL; `matches` answers for one record in hand (e.g. articles named by id).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
            # Imported here: `model` is heavy to load, and a search never needs it.
            from newsarchive.model import normalise_tag

            have = set(record.get("tags") or [])
            if not all(normalise_tag(t) in have for t in self.tags):
                return False
        return True
