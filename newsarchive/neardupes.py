"""Near-duplicate articles across the archive: the derived signature file, the clusters, and
merging a cluster into one article.

Each body's MinHash signature (`extract.neardup`) is kept in a JSON file beside the
archive, with the body hash it was computed from, so only new or changed bodies are hashed
again. Like the search index it is derived data: deleting it costs a recomputation, never
a record. Clusters are the connected groups of articles whose estimated similarity reaches
the threshold: the same wire story on two sites, or an updated copy of an article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

import orjson

from newsarchive.extract.neardup import DEFAULT_THRESHOLD, NearDuplicateIndex, signature
from newsarchive.model import normalise_tags, public_record
from newsarchive.store.atomic import write_atomically

if TYPE_CHECKING:
    from newsarchive.archive import Archive
    from newsarchive.store.tinystore import ArchiveView

FILE_NAME = "neardup.json"
Progress = Callable[[int, int], None]


@dataclass
class Cluster:
    """Articles that are near-copies of each other; `similarity` is the weakest link found."""

    ids: list[str]
    similarity: float
    records: list[dict[str, Any]] = field(default_factory=list)


class NearDuplicateFile:
    """The signatures of every body in the archive, kept in step incrementally."""

    def __init__(self, sidecar: Path) -> None:
        self.path = sidecar / FILE_NAME
        self.index = NearDuplicateIndex()
        self.hashes: dict[str, str] = {}
        self._changed = False
        self._load()

    def _load(self) -> None:
        try:
            data = orjson.loads(self.path.read_bytes())
            self.index = NearDuplicateIndex.from_data(data["index"])
            self.hashes = {str(k): str(v) for k, v in data["hashes"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            # Missing, damaged or of another version: start empty and recompute.
            self.index, self.hashes = NearDuplicateIndex(), {}

    def missing(self, records: Iterable[dict[str, Any]]) -> int:
        """How many records have no signature for their current body."""
        return sum(1 for r in records if self.hashes.get(r["id"]) != r.get("body_hash"))

    def sync(self, records: list[dict[str, Any]], progress: Progress | None = None,
             body_of: Callable[[str], str] | None = None) -> None:
        """Add signatures for new or changed bodies; forget deleted articles. `records` need
        only "id" and "body_hash" when `body_of` gives the body of those that changed."""
        present = {r["id"] for r in records}
        for gone in [i for i in self.hashes if i not in present]:
            self.index.remove(gone)
            del self.hashes[gone]
            self._changed = True
        todo = [r for r in records if self.hashes.get(r["id"]) != r.get("body_hash")]
        for done, record in enumerate(todo, start=1):
            body = body_of(record["id"]) if body_of is not None else record.get("body") or ""
            self.add(record["id"], record.get("body_hash") or "", signature(body))
            if progress and (done % 200 == 0 or done == len(todo)):
                progress(done, len(todo))

    def follow(self, view: ArchiveView, progress: Progress | None = None, *, limit: int | None = None) -> bool:
        """Bring the signatures in step with the archive `view`, reading bodies only for the
        articles whose signature is missing or out of date (so a large archive whose
        signatures are kept is not parsed whole). False, doing nothing, when more than
        `limit` are missing."""
        keys = [{"id": s.id, "body_hash": s.body_hash} for s in view.summaries()]
        if limit is not None and self.missing(keys) > limit:
            return False
        self.sync(keys, progress, body_of=lambda article_id: (view.get(article_id) or {}).get("body") or "")
        return True

    def add(self, article_id: str, body_hash: str, sig: list[int]) -> None:
        self.index.add(article_id, sig)
        self.hashes[article_id] = body_hash
        self._changed = True

    def save(self) -> None:
        """Keep the signatures for next time. A failure (disk full, read-only) is not an error:
        this is derived data, and the next run computes what is missing."""
        if not self._changed:
            return
        data = {"hashes": self.hashes, "index": self.index.to_data()}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, [orjson.dumps(data)])
        except OSError:
            return
        self._changed = False

    def clusters(self, threshold: float = DEFAULT_THRESHOLD) -> list[Cluster]:
        """Connected groups of near-duplicates, largest first."""
        parent: dict[str, str] = {}

        def root(node: str) -> str:
            while parent.get(node, node) != node:
                parent[node] = parent.get(parent[node], parent[node])
                node = parent[node]
            return node

        weakest: dict[str, float] = {}
        for article_id in self.hashes:
            for other, score in self.index.candidates(self.index.signature_of(article_id), threshold=threshold):
                if other == article_id:
                    continue
                a, b = root(article_id), root(other)
                if a != b:
                    parent[b] = a
                    weakest[a] = min(weakest.get(a, 1.0), weakest.pop(b, 1.0), score)
                else:
                    weakest[a] = min(weakest.get(a, 1.0), score)
        groups: dict[str, list[str]] = {}
        for article_id in parent:
            groups.setdefault(root(article_id), []).append(article_id)
        for top, members in groups.items():
            if top not in members:
                members.append(top)
        found = [Cluster(sorted(members), round(weakest.get(top, 1.0), 3)) for top, members in groups.items()]
        return sorted(found, key=lambda c: (-len(c.ids), -c.similarity, c.ids))


def near_duplicates(archive: Archive, threshold: float, progress: Progress | None = None) -> list[Cluster]:
    """Clusters of near-duplicate articles in the archive, each with its records."""
    view = archive.read()
    finder = NearDuplicateFile(archive.store.sidecar)
    finder.follow(view, progress)
    finder.save()
    clusters = finder.clusters(threshold)
    for cluster in clusters:
        cluster.records = [public_record(view.get(i) or {"id": i}) for i in cluster.ids]
    return clusters


def merge_copies(archive: Archive, groups: list[list[str]]) -> list[dict[str, Any]]:
    """Merge each group of copies of one article into its fullest copy, in one write.

    The kept article gains the others' tags and notes, and `origin["copies"]` lists each
    merged copy's id, url, site, source, date and origin; the copies are removed.
    """
    from newsarchive.archive import resolve_all

    kept = []
    with archive.transaction() as txn:
        for ids in groups:
            records = [txn.get(i) for i in resolve_all(txn, ids)]
            if len(records) < 2:
                raise ValueError("merging needs at least two articles")
            keeper = _merged(records)
            txn.replace(keeper)
            txn.remove([r["id"] for r in records if r["id"] != keeper["id"]])
            kept.append(public_record(keeper))
    return kept


def _merged(records: list[dict[str, Any]]) -> dict[str, Any]:
    """The fullest of `records`, carrying the others' tags, notes and provenance."""
    keeper = dict(max(records, key=lambda r: (r.get("word_count", 0), r.get("imported_at", ""))))
    origin = dict(keeper.get("origin") or {})
    copies = list(origin.get("copies", []))
    for other in records:
        if other["id"] == keeper["id"]:
            continue
        copies.append({key: other.get(key) for key in ("id", "url", "site", "source", "published", "title")}
                      | {"origin": other.get("origin")})
        copies.extend((other.get("origin") or {}).get("copies", []))
    origin["copies"] = copies
    keeper["origin"] = origin
    keeper["tags"] = normalise_tags([t for r in records for t in r.get("tags", [])])
    keeper["notes"] = sorted((n for r in records for n in r.get("notes", [])), key=lambda n: n["at"])
    return keeper
