"""The derived search index: ranking, stemming, folding, fields, filters, facets, upkeep."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.errors import AmbiguousIdError, QueryError
from newsarchive.search.index import Filters, SearchIndex, SyncStats


def article(id_: str, title: str, body: str = "", **fields) -> dict:
    record = {
        "id": id_,
        "title": title,
        "subtitle": None,
        "authors": [],
        "source": None,
        "site": None,
        "section": None,
        "reviewer": None,
        "published": None,
        "url": None,
        "language": "en",
        "tags": [],
        "notes": [],
        "headings": [],
        "body": body,
        "word_count": len(body.split()),
        "imported_at": "2025-01-01T00:00:00+00:00",
        "origin": {},
    }
    record.update(fields)
    return record


@pytest.fixture
def index(tmp_path):
    found = SearchIndex(tmp_path / "search.sqlite")
    yield found
    found.close()


def ids(results) -> list[str]:
    return [hit.id for hit in results.hits]


def filler(n: int) -> str:
    return " ".join(f"filler{i}" for i in range(n))


CORPUS = [
    article("aaa000000001", "Leg veins and circulation", "A vein carries blood back to the heart. " + filler(30),
            published="2019-05-01", source="Health Daily", site="healthdaily.example", tags=["health", "vascular"],
            authors=["Jane Smith"], subtitle="Doctors on varicose veins"),
    article("aaa000000002", "Storms in Zürich", "Zürich saw flooding as the river Limmat rose. " + filler(20),
            published="2021-02-10", source="Swiss Wire", site="swisswire.example", tags=["weather"],
            authors=["Hans Müller"], language="de"),
    article("bbb000000003", "Markets calm", "Traders in Zurich and London were calm. Blood pressure of traders "
            "was not measured. " + filler(10), published="2021-03-15", source="health daily", tags=["economy", "health"],
            authors=["Jane Smith", "Ana Gómez"], notes=[{"at": "2025-01-02T00:00:00+00:00", "text": "check the quotes"}]),
    article("ccc000000004", "Häuser am Fluss", "Die Häuser am Fluss wurden überflutet.", language="de",
            published="2023-07-01", section="Regional", reviewer="Dr. Klein"),
    article("ddd000000005", "Undated note on circulation", "Circulation matters. " + filler(5)),
]  # fmt: skip


@pytest.fixture
def corpus(index):
    index.rebuild(CORPUS, "fp-1")
    return index


def test_fresh_index_is_empty_and_unsynced(index):
    assert index.fingerprint() is None
    assert index.count() == 0
    assert index.search("anything").total == 0


def test_rebuild_records_the_fingerprint(corpus):
    assert corpus.fingerprint() == "fp-1"
    assert corpus.count() == 5


def test_stemming_finds_other_forms_and_exact_does_not(corpus):
    assert ids(corpus.search("veins")) == ["aaa000000001"]
    assert ids(corpus.search("vein")) == ["aaa000000001"]
    assert ids(corpus.search("vein", exact=True)) == ["aaa000000001"]  # the body says "vein"
    assert corpus.search("carry", exact=True).total == 0
    assert ids(corpus.search("carry")) == ["aaa000000001"]


def test_quoted_phrases_are_exact_words_stay_stemmed(corpus):
    assert ids(corpus.search('"a vein carries"')) == ["aaa000000001"]
    assert ids(corpus.search('"a veins carry"')) == []
    assert ids(corpus.search("a veins carry")) == ["aaa000000001"]
    assert ids(corpus.search('"Veins"')) == ["aaa000000001"]  # the title and subtitle say "veins"
    assert ids(corpus.search('body:"veins"')) == []  # the body only says "vein"


def test_stemming_follows_the_record_language(corpus):
    # German: "Haus" and "Häuser" share a stem in the German stemmer, not in the English one.
    assert ids(corpus.search("Haus")) == ["ccc000000004"]
    assert ids(corpus.search("überflutet")) == ids(corpus.search("uberfluten")) == ["ccc000000004"]


def test_case_and_diacritics_are_folded(corpus):
    assert set(ids(corpus.search("zurich"))) == {"aaa000000002", "bbb000000003"}
    assert set(ids(corpus.search("ZÜRICH"))) == {"aaa000000002", "bbb000000003"}
    assert ids(corpus.search("muller", limit=5)) == []  # authors are not searched without author:
    assert ids(corpus.search("author:muller")) == ["aaa000000002"]


def test_a_word_split_by_soft_hyphens_is_found_whole(index):
    # (a hyphenated page's text keeps a soft hyphen between the syllables of long words)
    index.rebuild([article("soft00000000", "Council news", "The Regie\u00adrung met. " + filler(10))], "fp")
    assert ids(index.search("Regierung")) == ["soft00000000"]


def test_field_weights_put_title_above_subtitle_above_body(index):
    index.rebuild(
        [
            article("body00000000", "Something else", "The glacier moved. " + filler(10)),
            article("subt00000000", "Another thing", filler(10), subtitle="A glacier story"),
            article("titl00000000", "Glacier retreat measured", filler(10)),
            article("none00000000", "Unrelated", filler(10)),
        ],
        "fp",
    )
    assert ids(index.search("glacier")) == ["titl00000000", "subt00000000", "body00000000"]


def test_exact_title_comes_first(index):
    index.rebuild(
        [
            article("many00000000", "Flood defences and the river", "flood defences " * 30),
            article("exact0000000", "Flood defences", "A short piece. " + filler(80)),
        ],
        "fp",
    )
    assert ids(index.search("flood defences")) == ["exact0000000", "many00000000"]
    assert ids(index.search('"Flood Defences"')) == ["exact0000000", "many00000000"]
    # Paging keeps the order: the exact title is hit 1 of 2.
    assert ids(index.search("flood defences", limit=1)) == ["exact0000000"]
    assert ids(index.search("flood defences", limit=1, offset=1)) == ["many00000000"]
    # A headline pasted as it stands, punctuation and all, still finds its article first.
    index.apply([article("colon0000000", "Floods: what the defences did - and didn't do", filler(5))], [], "fp2")
    assert ids(index.search("Floods: what the defences did - and didn't do"))[0] == "colon0000000"
    # Without it, BM25 alone ranks the article that repeats the words first.
    assert ids(index.search("flood defences river")) == ["many00000000"]


def test_phrases_boolean_prefix_near(corpus):
    assert ids(corpus.search('"blood pressure"')) == ["bbb000000003"]
    assert set(ids(corpus.search("blood OR flooding"))) == {"aaa000000001", "aaa000000002", "bbb000000003"}
    assert ids(corpus.search("blood -traders")) == ["aaa000000001"]
    assert ids(corpus.search("blood NOT traders")) == ["aaa000000001"]
    assert set(ids(corpus.search("circul*"))) == {"aaa000000001", "ddd000000005"}
    assert ids(corpus.search("NEAR(traders calm, 3)")) == ["bbb000000003"]
    # london(4) .. measured(13): eight words stand between them.
    assert ids(corpus.search("NEAR(london measured, 7)")) == []
    assert ids(corpus.search("NEAR(london measured, 8)")) == ["bbb000000003"]


def test_pure_negation_lists_everything_else(corpus):
    assert set(ids(corpus.search("-blood", limit=None))) == {"aaa000000002", "ccc000000004", "ddd000000005"}
    assert set(ids(corpus.search("blood OR -circulation", limit=None))) == {
        "aaa000000001", "aaa000000002", "bbb000000003", "ccc000000004"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("title:circulation", {"aaa000000001", "ddd000000005"}),
        ("subtitle:varicose", {"aaa000000001"}),
        ("body:heart", {"aaa000000001"}),
        ("source:daily", {"aaa000000001", "bbb000000003"}),
        ("site:swisswire", {"aaa000000002"}),
        ("section:regional", {"ccc000000004"}),
        ("author:gomez", {"bbb000000003"}),
        ('author:"jane smith"', {"aaa000000001", "bbb000000003"}),
        ("reviewer:klein", {"ccc000000004"}),
        ("tag:health", {"aaa000000001", "bbb000000003"}),
        ("note:quotes", {"bbb000000003"}),
        ("title:(markets OR storms)", {"aaa000000002", "bbb000000003"}),
        ("blood -title:markets", {"aaa000000001"}),
    ],
)
def test_fields(corpus, query, expected):
    assert set(ids(corpus.search(query, limit=None))) == expected


def test_filters(corpus):
    assert set(ids(corpus.search("", Filters(since="2021-01-01")))) == {"aaa000000002", "bbb000000003", "ccc000000004"}
    assert set(ids(corpus.search("", Filters(until="2021")))) == {"aaa000000001", "aaa000000002", "bbb000000003"}
    assert ids(corpus.search("", Filters(since="2021-03", until="2021-03"))) == ["bbb000000003"]
    assert set(ids(corpus.search("blood", Filters(sources=["HEALTH DAILY"])))) == {"aaa000000001", "bbb000000003"}
    assert ids(corpus.search("", Filters(sources=["Swiss Wire", "nobody"]))) == ["aaa000000002"]
    assert ids(corpus.search("", Filters(tags=["health", "Economy"]))) == ["bbb000000003"]
    assert corpus.search("", Filters(imported_since="2026-01-01")).total == 0
    assert corpus.search("", Filters(imported_since="2024-12-31")).total == 5
    assert ids(corpus.search("circulation", Filters(since="2000-01-01"))) == ["aaa000000001"]


def test_sorting_by_date_puts_undated_last(corpus):
    newest = ids(corpus.search("", sort="newest", limit=None))
    assert newest == ["ccc000000004", "bbb000000003", "aaa000000002", "aaa000000001", "ddd000000005"]
    oldest = ids(corpus.search("", sort="oldest", limit=None))
    assert oldest == ["aaa000000001", "aaa000000002", "bbb000000003", "ccc000000004", "ddd000000005"]
    assert ids(corpus.search("zurich", sort="oldest")) == ["aaa000000002", "bbb000000003"]
    with pytest.raises(ValueError):
        corpus.search("x", sort="sideways")


def test_paging_and_total(corpus):
    page = corpus.search("", sort="oldest", limit=2, offset=2)
    assert page.total == 5
    assert ids(page) == ["bbb000000003", "ccc000000004"]
    beyond = corpus.search("zurich", limit=5, offset=10)
    assert beyond.total == 2 and beyond.hits == []


def test_facets_count_every_hit_not_just_the_page(corpus):
    results = corpus.search("", limit=1, facets=("year", "month", "source", "site", "tag", "author"))
    assert len(results.hits) == 1 and results.total == 5
    assert results.facets["year"] == [("2019", 1), ("2021", 2), ("2023", 1)]
    assert results.facets["month"] == [("2019-05", 1), ("2021-02", 1), ("2021-03", 1), ("2023-07", 1)]
    assert results.facets["source"][0] == ("Health Daily", 1) or ("health daily", 1) in results.facets["source"]
    assert sorted(results.facets["source"]) == [("Health Daily", 1), ("Swiss Wire", 1), ("health daily", 1)]
    assert results.facets["tag"][0] == ("health", 2)
    assert results.facets["author"][0] == ("Jane Smith", 2)
    assert ("swisswire.example", 1) in results.facets["site"]
    narrowed = corpus.search("blood", facets=("tag",))
    assert narrowed.facets["tag"] == [("health", 2), ("economy", 1), ("vascular", 1)]
    with pytest.raises(ValueError, match="unknown facet"):
        corpus.search("blood", facets=("colour",))


def test_snippets_mark_the_matches(index):
    body = "Opening words here. " + filler(40) + " The veins of the leg carry blood upward. " + filler(40)
    index.rebuild([article("snip00000000", "Circulation", body)], "fp")
    hit = index.search("vein blood", context_words=4).hits[0]
    assert ("veins", True) in hit.snippet and ("blood", True) in hit.snippet
    assert hit.snippet_text == (
        "… filler37 filler38 filler39 The [veins] of the leg carry [blood] upward. filler0 filler1 filler2 …"
    )
    assert hit.to_dict()["snippet"] == hit.snippet_text
    assert set(hit.to_dict()) == {"id", "title", "published", "source", "site", "score", "snippet"}
    assert hit.score > 0
    phrase = index.search('"leg carry"', context_words=2).hits[0]
    assert phrase.snippet_text == "… of the [leg carry] blood upward …"
    # A title-only match shows the opening words.
    title_only = index.search("title:circulation", context_words=2).hits[0]
    assert title_only.snippet_text == "Opening words here. filler0 …"


def test_snippet_of_non_ascii_text(corpus):
    hit = corpus.search("zurich", context_words=3, sort="oldest").hits[0]
    assert hit.id == "aaa000000002"
    assert hit.snippet[0] == ("Zürich", True)


def test_kwic_lines(index):
    index.rebuild(
        [
            article("kw1000000000", "One", "First the river rose. Later the river fell again slowly.", published="2020-01-01"),
            article("kw2000000000", "Two", "No river here? Rivers, yes.", published="2021-01-01"),
        ],
        "fp",
    )
    lines = index.kwic("river", context_words=2, sort="oldest")
    assert [(line.left, line.match, line.right) for line in lines] == [
        ("First the", "river", "rose. Later"),
        ("Later the", "river", "fell again"),
        ("No", "river", "here? Rivers"),
        ("river here?", "Rivers", ", yes"),
    ]
    assert lines[0].id == "kw1000000000" and lines[0].published == "2020-01-01"
    assert len(index.kwic("river", limit=3)) == 3
    phrase = index.kwic('"the river rose"', context_words=1)
    # A phrase gives one line per occurrence of the whole phrase, not of its words.
    assert [(x.left, x.match, x.right) for x in phrase] == [("First", "the river rose", ". Later")]
    assert index.kwic("") == []


def test_timeline_by_year_with_gaps_or_by_month(index):
    index.rebuild(
        [
            article("t1", "a", "flood", published="2010-03-01"),
            article("t2", "b", "flood", published="2013-05-01"),
            article("t3", "c", "flood", published="2013-06-01"),
            article("t4", "d", "flood"),
        ],
        "fp",
    )
    assert index.timeline("flood") == [("2010", 1), ("2011", 0), ("2012", 0), ("2013", 2)]
    assert index.timeline("flood", Filters(since="2013")) == [("2013-05", 1), ("2013-06", 1)]
    assert index.timeline("nothing") == []


def test_sync_touches_only_what_changed(corpus):
    changed = [dict(r) for r in CORPUS]
    changed[0]["title"] = "Leg arteries"  # updated
    del changed[4]  # deleted
    changed.append(article("eee000000006", "Brand new", "fresh words"))  # added
    stats = corpus.sync(changed, "fp-2")
    assert stats == SyncStats(added=1, updated=1, deleted=1, unchanged=3)
    assert stats.changed
    assert corpus.fingerprint() == "fp-2"
    assert ids(corpus.search("arteries")) == ["aaa000000001"]
    assert ids(corpus.search('title:"leg veins"')) == []
    assert ids(corpus.search("fresh")) == ["eee000000006"]
    assert corpus.get("ddd000000005") is None
    assert corpus.count() == 5
    again = corpus.sync(changed, "fp-3")
    assert again == SyncStats(unchanged=5) and not again.changed


def test_apply_upserts_and_deletes(corpus):
    edited = dict(CORPUS[1], tags=["weather", "alps"], title="Storms in Bern")
    corpus.apply([edited, article("fff000000007", "Late arrival", "glacier")], ["ddd000000005"], "fp-9")
    assert corpus.fingerprint() == "fp-9"
    assert ids(corpus.search("bern")) == ["aaa000000002"]
    assert ids(corpus.search("title:zurich")) == []
    assert ids(corpus.search("tag:alps")) == ["aaa000000002"]
    assert ids(corpus.search("glacier")) == ["fff000000007"]
    assert corpus.search("circulation", limit=None).total == 1
    assert ("alps", 1) in corpus.tag_counts()
    assert corpus.get("aaa000000002")["title"] == "Storms in Bern"


def test_long_writes_report_their_progress(index):
    """The CLI draws a bar from these calls (the first read after a large import)."""
    many = [article(f"p{i:011d}", f"Title {i}", f"body words {i}") for i in range(1200)]
    told: list[tuple[int, int]] = []
    index.rebuild(many, "fp-1", lambda done, total: told.append((done, total)))
    assert told == [(500, 1200), (1000, 1200), (1200, 1200)]
    told.clear()
    changed = [dict(r, title="Changed") if i % 2 else r for i, r in enumerate(many)]
    index.sync(changed, "fp-2", lambda done, total: told.append((done, total)))
    assert told == [(500, 600), (600, 600)]
    assert index.search("title:changed", limit=None).total == 600


def test_get_by_id_and_prefix(corpus):
    assert corpus.get("bbb000000003")["title"] == "Markets calm"
    assert corpus.get("ccc")["id"] == "ccc000000004"
    assert corpus.get("zzz") is None
    assert corpus.get("") is None
    with pytest.raises(AmbiguousIdError) as caught:
        corpus.get("aaa")
    assert "aaa000000001" in str(caught.value) and "aaa000000002" in str(caught.value)
    assert caught.value.hint


def test_stored_records_come_back_whole(corpus):
    assert corpus.get("bbb000000003") == CORPUS[2]
    listed = corpus.list_records(Filters(tags=["health"]), sort="oldest")
    assert [r["id"] for r in listed] == ["aaa000000001", "bbb000000003"]
    assert listed[0] == CORPUS[0]
    assert len(corpus.list_records(limit=2, offset=4)) == 1


def test_stats_and_tag_counts(corpus):
    stats = corpus.stats()
    assert stats["articles"] == 5
    assert stats["words"] == sum(r["word_count"] for r in CORPUS)
    assert stats["by_year"] == [("2019", 1), ("2021", 2), ("2023", 1), ("unknown", 1)]
    assert ("unknown", 2) in stats["by_source"]
    assert corpus.tag_counts()[0] == ("health", 2)
    assert dict(stats["by_language"]) == {"en": 3, "de": 2}


def test_bad_queries_raise_query_error(corpus):
    with pytest.raises(QueryError) as caught:
        corpus.search('flood "river')
    assert caught.value.position == 6


def test_corrupt_file_is_rebuilt_empty(tmp_path):
    path = tmp_path / "search.sqlite"
    path.write_bytes(b"this is not a database at all" * 200)
    index = SearchIndex(path)
    assert index.fingerprint() is None and index.count() == 0
    index.rebuild(CORPUS, "fp")
    index.close()
    assert SearchIndex.open_or_reset(path).fingerprint() == "fp"


def test_old_schema_is_rebuilt_empty(tmp_path):
    path = tmp_path / "search.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE docs(id TEXT)")
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    index = SearchIndex.open_or_reset(path)
    assert index.fingerprint() is None
    index.rebuild(CORPUS[:1], "fp")
    assert index.count() == 1


def test_reset_empties_a_working_index(corpus):
    corpus.reset()
    assert corpus.count() == 0 and corpus.fingerprint() is None


def test_words_no_article_holds_are_stemmed_on_demand(corpus):
    # "circulations" was never indexed, so its stem comes from the stemmer, not the table.
    assert set(ids(corpus.search("circulations"))) == {"aaa000000001", "ddd000000005"}


def test_match_spans_for_show_highlight(corpus):
    record = corpus.get("aaa000000001")
    spans = corpus.match_spans(record, 'veins "the heart" -blood title:leg')
    body = record["body"]
    assert [body[s:e] for s, e in spans["body"]] == ["vein", "the heart"]
    assert [record["title"][s:e] for s, e in spans["title"]] == ["Leg", "veins"]
    assert [record["subtitle"][s:e] for s, e in spans["subtitle"]] == ["veins"]
    assert corpus.match_spans(record, "veins", exact=True)["body"] == []


def test_processes_creating_the_index_at_once_all_succeed(tmp_path):
    import threading

    path = tmp_path / "race.sqlite"
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            SearchIndex(path).close()
        except BaseException as exc:  # noqa: BLE001 - the test reports whatever went wrong
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert SearchIndex(path).count() == 0


def test_real_news_text_agrees_with_the_reference(tmp_path):
    """Real article text (../shared corpus): random words, phrases, booleans, NEAR and title
    queries give the reference's ids, stemmed and exact."""
    import random

    from newsarchive.search.reference import Reference
    from tests.conftest import requires_shared

    gold = sorted(requires_shared("corpus", "dragnet", "gold").glob("*.txt"))[:200]
    records = []
    for i, path in enumerate(gold):
        title, _, body = path.read_text(encoding="utf-8", errors="replace").strip().partition("\n")
        records.append(article(f"real{i:04d}", title.strip() or "untitled", body.strip()))
    index = SearchIndex(tmp_path / "real.sqlite")
    index.rebuild(records, "fp")
    reference = Reference(records)
    rng = random.Random(5)

    def word(r: dict, at: int) -> str:
        found = r["body"].split()[at].strip('"()*,.;:!?-')
        return found if any(ch.isalnum() for ch in found) else "news"

    checked = 0
    for _ in range(60):
        r = rng.choice(records)
        if len(r["body"].split()) < 10:
            continue
        j = rng.randrange(len(r["body"].split()) - 3)
        w1, w2, w3 = word(r, j), word(r, j + 1), word(r, j + 2)
        query = rng.choice(
            [w1, f'"{w1} {w2} {w3}"', f"{w1} OR {w3}", f"{w1} -{w2}", f"NEAR({w1} {w3}, 3)", f"title:{w2}"]
        )
        for exact in (False, True):
            assert {h.id for h in index.search(query, limit=None, exact=exact).hits} == reference.search(query, exact=exact), query
            checked += 1
    assert checked > 80


def test_listing_more_records_than_sqlite_takes_parameters(index):
    many = [article(f"m{i:06d}", f"Title {i}", "word") for i in range(12_000)]
    index.rebuild(many, "fp")
    assert len(index.list_records()) == 12_000
    assert index.search("word", limit=None).total == 12_000


def test_repeated_ids_do_not_break_the_index(index):
    index.rebuild([article("dup", "First", "alpha"), article("dup", "Second", "beta")], "fp")
    assert index.count() == 1 and index.get("dup")["title"] == "First"
    index.apply([article("dup", "Third", "gamma"), article("dup", "Fourth", "delta")], [], "fp2")
    assert index.get("dup")["title"] == "Fourth"
    assert [h.id for h in index.search("delta").hits] == ["dup"]
    assert index.search("alpha OR gamma").total == 0


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))) | st.text(alphabet="aZé9_-’“” \t\n.,ßØ\u00a0\u2028Жx"))
def test_words_are_the_runs_of_letters_and_digits(text):
    """`words` cuts ASCII text by translation, faster than the pattern; the words are the same."""
    from newsarchive.search.text import WORD, fold, words

    assert words(text) == WORD.findall(fold(text))
