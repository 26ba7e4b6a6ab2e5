"""Property test: the FTS5 index returns exactly the ids the slow reference evaluator returns."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.search.index import Filters, SearchIndex
from newsarchive.search.reference import reference_search

# Inflections, diacritics and words that stem differently in different languages.
VOCABULARY = [
    "vein", "veins", "blood", "river", "rivers", "running", "run", "runs", "flood", "flooded",
    "Zürich", "Zurich", "café", "cafe", "Häuser", "Haus", "maison", "maisons", "bank", "the",
    "covid-19", "nation", "national", "STRAßE", "strasse",
]  # fmt: skip
NAMES = ["Jane Smith", "Hans Müller", "Ana Gómez", "Li Wei"]
SOURCES = ["Reuters", "NZZ", "Le Monde", "El País"]
TAGS = ["health", "weather", "covid", "city"]
FIELDS = ["title", "subtitle", "body", "source", "site", "section", "author", "reviewer", "tag", "note"]

SMALL = ["alpha", "beta", "rivers", "river", "Zürich", "zurich"]


def texts(vocabulary):
    return st.lists(st.sampled_from(vocabulary), min_size=0, max_size=12).map(" ".join)


text = texts(VOCABULARY)


@st.composite
def records(draw, vocabulary=VOCABULARY):
    text = texts(vocabulary)
    n = draw(st.integers(min_value=1, max_value=6))
    found = []
    for i in range(n):
        found.append(
            {
                "id": f"id{i:03d}",
                "title": draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=4).map(" ".join)),
                "subtitle": draw(st.none() | text),
                "body": draw(text),
                "authors": draw(st.lists(st.sampled_from(NAMES), max_size=2, unique=True)),
                "source": draw(st.none() | st.sampled_from(SOURCES)),
                "site": draw(st.none() | st.sampled_from(SOURCES)),
                "section": draw(st.none() | st.sampled_from(["Health news", "World"])),
                "reviewer": draw(st.none() | st.sampled_from(NAMES)),
                "published": draw(st.none() | st.sampled_from(["2019-03-01", "2020-07-15", "2024-01-31"])),
                "language": draw(st.sampled_from([None, "en", "de", "fr", "es", "ja"])),
                "tags": draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True)),
                "notes": [{"at": "2025-01-01T00:00:00+00:00", "text": t} for t in draw(st.lists(text, max_size=1))],
                "imported_at": "2025-01-01T00:00:00+00:00",
            }
        )
    return found


word = st.sampled_from(VOCABULARY + ["smith", "reuters", "health", "news", "monde"])
prefix = st.sampled_from(["vei", "riv", "run", "flo", "zur", "caf", "hau", "nat", "str", "he", "sm"]).map(lambda p: p + "*")
phrase = st.lists(word, min_size=2, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"')
near = st.tuples(st.lists(word, min_size=2, max_size=3), st.integers(min_value=0, max_value=4)).map(
    lambda t: f"NEAR({' '.join(t[0])}, {t[1]})"
)
atom = st.one_of(word, word, prefix, phrase, near)
fielded = st.tuples(st.sampled_from(FIELDS), atom).map(lambda t: f"{t[0]}:{t[1]}")
leaf = st.one_of(atom, atom, fielded)


def combine(children):
    return st.one_of(
        st.lists(children, min_size=2, max_size=3).map(lambda xs: " ".join(f"({x})" for x in xs)),
        st.lists(children, min_size=2, max_size=3).map(lambda xs: " OR ".join(f"({x})" for x in xs)),
        children.map(lambda x: f"NOT ({x})"),
        st.tuples(children, children).map(lambda t: f"({t[0]}) -({t[1]})"),
    )


queries = st.recursive(leaf, combine, max_leaves=5)

_INDEX_DIR = Path(tempfile.mkdtemp(prefix="newsarchive-property-"))
_INDEX = SearchIndex(_INDEX_DIR / "search.sqlite")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archive=records(), query=queries, exact=st.booleans())
def test_index_agrees_with_reference(archive, query, exact):
    _INDEX.rebuild(archive, "fingerprint")
    results = _INDEX.search(query, limit=None, exact=exact)
    expected = reference_search(archive, query, exact=exact)
    assert {h.id for h in results.hits} == expected, query
    assert results.total == len(expected)


@settings(max_examples=40, deadline=None)
@given(archive=records(), changed=records(), query=queries)
def test_incremental_sync_agrees_with_reference(archive, changed, query):
    """After sync to a different archive the index answers as if rebuilt from it."""
    _INDEX.rebuild(archive, "one")
    changed = [dict(r, id=f"id{i + 2:03d}") for i, r in enumerate(changed)]  # overlaps, adds, drops
    stats = _INDEX.sync(changed, "two")
    assert _INDEX.fingerprint() == "two"
    assert stats.added + stats.updated + stats.unchanged == len(changed)
    results = _INDEX.search(query, limit=None)
    assert {h.id for h in results.hits} == reference_search(changed, query)


small_word = st.sampled_from(SMALL)
small_near = st.tuples(st.lists(small_word, min_size=2, max_size=3), st.integers(min_value=0, max_value=4)).map(
    lambda t: f"NEAR({' '.join(t[0])}, {t[1]})"
)
small_phrase = st.lists(small_word, min_size=2, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"')
small_queries = st.recursive(st.one_of(small_word, small_near, small_phrase), combine, max_leaves=3)


@settings(max_examples=100, deadline=None)
@given(archive=records(SMALL), query=small_queries, exact=st.booleans())
def test_near_and_phrases_agree_on_a_small_vocabulary(archive, query, exact):
    """A vocabulary of six words, so that phrases and NEAR groups often match, and narrowly."""
    _INDEX.rebuild(archive, "fingerprint")
    results = _INDEX.search(query, limit=None, exact=exact)
    assert {h.id for h in results.hits} == reference_search(archive, query, exact=exact), query


filters = st.builds(
    Filters,
    since=st.none() | st.sampled_from(["2019", "2020-01-01", "2024-01-31"]),
    until=st.none() | st.sampled_from(["2019-12", "2020-07-15", "2023"]),
    sources=st.lists(st.sampled_from(SOURCES + ["reuters", "nobody"]), max_size=2),
    tags=st.lists(st.sampled_from(TAGS), max_size=2, unique=True),
)


def passes(record: dict, f: Filters) -> bool:
    """The filters' meaning, spelled out in Python."""
    published = record["published"]
    until = {"2019-12": "2019-12-31", "2023": "2023-12-31"}.get(f.until, f.until)
    if f.since and (published is None or published < f.since):
        return False
    if until and (published is None or published > until):
        return False
    if f.sources and (record["source"] or "").lower() not in {s.lower() for s in f.sources}:
        return False
    return all(tag in record["tags"] for tag in f.tags)


@settings(max_examples=60, deadline=None)
@given(archive=records(), query=st.one_of(st.just(""), queries), chosen=filters, sort=st.sampled_from(["newest", "oldest"]))
def test_filters_and_date_order_agree_with_python(archive, query, chosen, sort):
    _INDEX.rebuild(archive, "fingerprint")
    results = _INDEX.search(query, chosen, sort=sort, limit=None)
    expected = [r for r in archive if r["id"] in reference_search(archive, query) and passes(r, chosen)]
    dated = sorted((r for r in expected if r["published"]), key=lambda r: r["published"], reverse=sort == "newest")
    assert {h.id for h in results.hits} == {r["id"] for r in expected}
    assert [h.published for h in results.hits] == [r["published"] for r in dated] + [None] * (len(expected) - len(dated))
