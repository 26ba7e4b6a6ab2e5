"""Issue 8: a stateful property test of the archive against a simple in-memory model.

Hypothesis runs random sequences of import (JSON Lines through the Importer), re-import of
a duplicate, tag (of one or several articles), untag, note, edit, delete, reindex and search. After every step the
archive on disk, its search index and the model agree: the same ids, and for each the same
title, body, tags and notes; a search through the index finds what the reference search
finds over the model's records.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, multiple, rule

from newsarchive.archive import Archive
from newsarchive.filters import RecordFilter
from newsarchive.ingest import ImportOptions, Importer
from newsarchive.model import normalise_tags

# Words with distinct stems in English, so a search for one finds exactly its articles.
VOCABULARY = ["harbour", "glacier", "vaccine", "railway", "beekeeping", "drought", "archive", "river",
              "school", "coffee", "measles", "flood", "Zürich", "café", "naïve", "œuvre"]
words = st.sampled_from(VOCABULARY)
tag_names = st.sampled_from(["ccsvi", "to-read", "Health", "UK", "reviewed", "x"])
titles = st.lists(words, min_size=1, max_size=4).map(lambda ws: " ".join(ws).capitalize())
bodies = st.lists(words, min_size=3, max_size=12).map(" ".join)


class ArchiveMachine(RuleBasedStateMachine):
    ids = Bundle("ids")

    segment_size: int | None = None  # the default: these small archives stay one file

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="na-state-"))
        self.archive = Archive(self.folder / "news.json", segment_size=self.segment_size)
        self.model: dict[str, dict] = {}
        self.serial = 0  # makes every generated body unique, so duplicates are only deliberate

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- rules -------------------------------------------------------------------------------

    @rule(target=ids, batch=st.lists(st.tuples(titles, bodies), min_size=1, max_size=5))
    def import_articles(self, batch):
        records = []
        for title, body in batch:
            self.serial += 1
            records.append({"title": title, "body": f"{body} serial{self.serial}"})
        source = self.folder / f"in{self.serial}.jsonl"
        source.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
        report = Importer(self.archive, ImportOptions(format="jsonl")).run([str(source)])
        assert not report.failed and report.archive_error is None and not report.duplicates
        assert len(report.imported) == len(records)
        for entry, record in zip(report.imported, records):
            assert entry["id"] not in self.model
            self.model[entry["id"]] = {"title": record["title"], "body": record["body"], "tags": [], "notes": 0}
        return multiple(*[e["id"] for e in report.imported])

    @rule(article_id=ids)
    def import_a_duplicate(self, article_id):
        if article_id not in self.model:
            return
        source = self.folder / "dup.jsonl"
        source.write_bytes(orjson.dumps({"title": "Another headline", "body": self.model[article_id]["body"]}) + b"\n")
        report = Importer(self.archive, ImportOptions(format="jsonl")).run([str(source)])
        assert report.imported == []
        assert [d["id"] for d in report.duplicates] == [article_id]

    @rule(article_id=ids, tags=st.lists(tag_names, min_size=1, max_size=3))
    def tag(self, article_id, tags):
        if article_id not in self.model:
            return
        self.archive.tag([article_id], tags)
        entry = self.model[article_id]
        entry["tags"] = normalise_tags([*entry["tags"], *tags])

    @rule(article_ids=st.lists(ids, min_size=2, max_size=4, unique=True), tag=tag_names)
    def tag_several(self, article_ids, tag):
        """One write changing several articles (in several segments, once there are some)."""
        present = [i for i in article_ids if i in self.model]
        if not present:
            return
        self.archive.tag(present, [tag])
        for article_id in present:
            entry = self.model[article_id]
            entry["tags"] = normalise_tags([*entry["tags"], tag])

    @rule(article_id=ids, tags=st.lists(tag_names, min_size=1, max_size=2))
    def untag(self, article_id, tags):
        if article_id not in self.model:
            return
        self.archive.tag([article_id], tags, remove=True)
        gone = set(normalise_tags(tags))
        entry = self.model[article_id]
        entry["tags"] = [t for t in entry["tags"] if t not in gone]

    @rule(article_id=ids, text=st.text(min_size=1, max_size=30).filter(lambda t: t.strip()))
    def note(self, article_id, text):
        if article_id not in self.model:
            return
        self.archive.add_note(article_id, text)
        self.model[article_id]["notes"] += 1

    @rule(article_id=ids, title=titles)
    def edit_title(self, article_id, title):
        if article_id not in self.model:
            return
        self.archive.edit(article_id, {"title": title})
        self.model[article_id]["title"] = title

    @rule(article_id=consumes(ids))
    def delete(self, article_id):
        if article_id not in self.model:
            return
        assert self.archive.delete([article_id]) == [article_id]
        del self.model[article_id]

    @rule()
    def reindex(self):
        assert self.archive.reindex() == len(self.model)

    @rule(word=words)
    def search(self, word):
        from newsarchive.search.reference import reference_search

        with self.archive.index() as index:
            found = {hit.id for hit in index.search(word, limit=None).hits}
        expected = reference_search(self._model_records(), word)
        assert found == expected, (word, found ^ expected)

    # -- what must always hold ---------------------------------------------------------------

    def _model_records(self) -> list[dict]:
        """The archive's records, checked against the model first, as the reference sees them."""
        return self.archive.read().records()

    @invariant()
    def archive_matches_model(self):
        if not self.archive.path.exists():
            assert self.model == {}
            return
        stored = {r["id"]: r for r in self.archive.read().records()}
        assert set(stored) == set(self.model)
        for article_id, expected in self.model.items():
            record = stored[article_id]
            assert record["title"] == expected["title"]
            assert record["body"] == expected["body"]
            assert record["tags"] == expected["tags"]
            assert len(record["notes"]) == expected["notes"]

    @invariant()
    def index_matches_model(self):
        if not self.archive.path.exists():
            return
        listed = {r["id"] for r in self.archive.select(RecordFilter())}
        assert listed == set(self.model)
        for article_id, expected in list(self.model.items())[:3]:
            via_index = self.archive.get(article_id)
            assert via_index["title"] == expected["title"] and via_index["tags"] == expected["tags"]


ArchiveMachine.TestCase.settings = settings(
    max_examples=15, stateful_step_count=15, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_archive_state_machine = ArchiveMachine.TestCase


class SegmentedArchiveMachine(ArchiveMachine):
    """The same, with segments of 2 articles: sealing, rewriting and dropping segments."""

    segment_size = 2


SegmentedArchiveMachine.TestCase.settings = ArchiveMachine.TestCase.settings
test_segmented_archive_state_machine = SegmentedArchiveMachine.TestCase


class SlowArchiveMachine(ArchiveMachine):
    pass


SlowArchiveMachine.TestCase.settings = settings(
    max_examples=300, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_archive_state_machine_long = pytest.mark.slow(SlowArchiveMachine.TestCase)
