"""Running extraction again on the kept originals, and explaining a text page's blocks.

Both apply what the archive has learnt about the page's site (lines its pages repeat are
furniture), so pages imported early get better as the archive grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsarchive.errors import BadInputError
from newsarchive.extract import ExtractContext
from newsarchive.extract.decode import decode_text
from newsarchive.extract.textpage import BlockDecision, explain_text_page, extract_text_page, learnable_lines
from newsarchive.ingest import body_hash, extract_again
from newsarchive.learning import SiteFurniture
from newsarchive.model import learning_site, validate_record, with_new_content
from newsarchive.store.originals import sha256_of

if TYPE_CHECKING:
    from newsarchive.archive import Archive


@dataclass
class ReextractReport:
    """What `reextract` did: ids changed, unchanged, and skipped with the reason."""

    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def reextract(archive: Archive, ids: list[str] | None = None) -> ReextractReport:
    """Run extraction again on the kept originals (all articles when `ids` is None).

    Fields a person corrected with `edit` keep the correction. One write for all.
    """
    from newsarchive.archive import resolve_all

    report = ReextractReport()
    with archive.transaction() as txn:
        records = [txn.get(i) for i in resolve_all(txn, ids)] if ids else txn.records()
        furniture = SiteFurniture(archive.originals, txn.summaries())
        for record in records:
            assert record is not None
            origin = record.get("origin") or {}
            digest, fmt = origin.get("sha256"), origin.get("format")
            if not digest or not fmt or not archive.originals.has(digest):
                report.skipped.append((record["id"], "no original kept"))
                continue
            data = archive.originals.get(digest)
            learned: frozenset[str] = frozenset()
            if fmt == "text":
                learned = furniture.furniture_for(learning_site(record.get("site"), origin), learnable_lines(decode_text(data)), digest)
            context = ExtractContext(path=origin.get("path") or "-", furniture=learned)
            fresh = extract_again(data, fmt, context, record=origin.get("record", 0))
            if isinstance(fresh, BadInputError):
                report.skipped.append((record["id"], fresh.message))
                continue
            updated = with_new_content(record, fresh.to_record())
            if record.get("url"):
                # A text page knows no url; the one the archive was given stays.
                updated["url"] = record["url"]
            updated["body_hash"] = body_hash(updated["body"])
            # (the site the page is learnt under may have moved with the new extraction)
            fresh_origin = {key: value for key, value in origin.items() if key != "site_key"}
            if fresh.origin.get("site_key"):
                fresh_origin["site_key"] = fresh.origin["site_key"]
            if learned:
                fresh_origin["learned_furniture_lines"] = len(learned)
            if fresh_origin != origin:
                updated["origin"] = fresh_origin
            if updated == record or validate_record(updated):
                report.unchanged.append(record["id"])
                continue
            txn.replace(updated)
            report.changed.append(record["id"])
    return report


def explain_page(archive: Archive, data: bytes, *, path: str = "-") -> list[BlockDecision]:
    """The text-page extractor's decision for each block of a page, with the furniture the
    archive has learnt for the page's site applied, as an import would."""
    text = decode_text(data, path=path)
    learned: frozenset[str] = frozenset()
    if archive.path.exists():
        try:
            page = extract_text_page(text)
            site = learning_site(page.site, page.origin)
        except BadInputError:
            site = None
        furniture = SiteFurniture(archive.originals, archive.read().summaries())
        learned = furniture.furniture_for(site, learnable_lines(text), sha256_of(data))
    return explain_text_page(text, furniture=learned)
