"""Learning a site's furniture from the archive itself.

A line that recurs on many pages of one site (its menu, its newsletter box, its footer) is
furniture even when it reads like prose. This module counts, per site, the normalised
lines of the text pages the archive holds (from their kept originals) plus the pages being
imported, and hands the text-page extractor the lines seen on enough pages. It keeps no
state of its own: everything is derived from the originals, so it is never stale.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from newsarchive.errors import BadInputError
from newsarchive.extract.decode import decode_text
from newsarchive.extract.textpage import learnable_lines
from newsarchive.store.originals import OriginalsStore
from newsarchive.store.segments import Summary

# A line on this many pages of a site (other than the page itself) is the site's furniture.
MIN_PAGES = 3
# The most pages of one site read from the originals; the newest are the likeliest to share
# the site's current template.
MAX_PAGES_PER_SITE = 40


def site_key(site: str | None) -> str | None:
    return " ".join(site.casefold().split()) if site else None


class SiteFurniture:
    """Counts of normalised lines per site, from archived text pages and pages added here."""

    def __init__(self, originals: OriginalsStore, articles: Iterable[Summary]) -> None:
        """`articles`: the archive's article summaries (`ArchiveView.summaries()`)."""
        self.originals = originals
        self._digests: dict[str, list[str]] = {}
        for article in sorted(articles, key=lambda a: a.imported_at or "", reverse=True):
            key = site_key(article.site_key)
            if key and article.text_page:
                digests = self._digests.setdefault(key, [])
                if article.text_page not in digests and len(digests) < MAX_PAGES_PER_SITE:
                    digests.append(article.text_page)
        self._counts: dict[str, Counter] = {}
        self._pages: dict[str, set[str]] = {}

    def _site_counts(self, key: str) -> Counter:
        if key not in self._counts:
            counts: Counter = Counter()
            seen: set[str] = set()
            for digest in self._digests.get(key, []):
                lines = _lines_of_original(self.originals, digest)
                if lines is not None:
                    counts.update(lines)
                    seen.add(digest)
            self._counts[key] = counts
            self._pages[key] = seen
        return self._counts[key]

    def add_page(self, site: str | None, sha256: str, lines: set[str]) -> None:
        """Count a page being imported, once."""
        key = site_key(site)
        if not key:
            return
        counts = self._site_counts(key)
        if sha256 not in self._pages[key]:
            self._pages[key].add(sha256)
            counts.update(lines)

    def furniture_for(self, site: str | None, page_lines: set[str], sha256: str) -> frozenset[str]:
        """The page's lines that other pages of its site repeat often enough to be furniture."""
        key = site_key(site)
        if not key:
            return frozenset()
        counts = self._site_counts(key)
        own = 1 if sha256 in self._pages[key] else 0
        return frozenset(line for line in page_lines if counts[line] - own >= MIN_PAGES)


def _lines_of_original(originals: OriginalsStore, digest: str) -> set[str] | None:
    try:
        return learnable_lines(decode_text(originals.get(digest)))
    except (OSError, EOFError, BadInputError):
        return None
