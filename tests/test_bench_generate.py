"""The benchmark corpus generator (bench/generate.py): deterministic, valid JSONL, exact markers.

Issue 9: the benchmark checks search result counts against the manifest, so the counts the
manifest states must be the counts in the files.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
KEYS = ["title", "subtitle", "authors", "source", "site", "section", "published", "url", "language", "tags", "body"]


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    module = importlib.util.module_from_spec(spec)
    # Registered so worker processes can find _render_chunk by name.
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(generate, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    manifest = generate.generate(300, out, seed=3, workers=1, extra=40, batches=2)
    return out, manifest


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_same_seed_gives_identical_files(generate, corpus, tmp_path):
    out, manifest = corpus
    again = generate.generate(300, tmp_path, seed=3, workers=1, extra=40)
    generate.add_extra_batches(tmp_path, 2)
    assert (tmp_path / "articles.jsonl").read_bytes() == (out / "articles.jsonl").read_bytes()
    assert (tmp_path / "extra-1.jsonl").read_bytes() == (out / "extra-1.jsonl").read_bytes()
    assert (tmp_path / "extra-2.jsonl").read_bytes() == (out / "extra-2.jsonl").read_bytes()
    assert again["articles"]["sha256"] == manifest["articles"]["sha256"]


def test_worker_count_does_not_change_output(generate, corpus, tmp_path):
    out, _ = corpus
    generate.generate(1500, tmp_path / "one", seed=3, workers=1, extra=0)
    generate.generate(1500, tmp_path / "two", seed=3, workers=2, extra=0)
    assert (tmp_path / "one" / "articles.jsonl").read_bytes() == (tmp_path / "two" / "articles.jsonl").read_bytes()


def test_another_seed_gives_other_articles(generate, corpus, tmp_path):
    out, _ = corpus
    generate.generate(300, tmp_path, seed=4, workers=1, extra=0)
    assert (tmp_path / "articles.jsonl").read_bytes() != (out / "articles.jsonl").read_bytes()


def test_records_have_the_import_keys_and_types(corpus):
    out, manifest = corpus
    records = read_jsonl(out / "articles.jsonl")
    assert len(records) == manifest["articles"]["articles"] == 300
    for record in records:
        assert list(record) == KEYS
        assert record["title"] and isinstance(record["title"], str)
        assert isinstance(record["authors"], list) and isinstance(record["tags"], list)
        assert all(tag == tag.lower() for tag in record["tags"])
        assert record["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["published"])
        assert "\n\n" in record["body"]
    assert len({r["url"] for r in records}) == len(records)
    assert len({r["source"] for r in records}) >= 15
    words = sum(len(r["body"].split()) for r in records) / len(records)
    assert 450 < words < 800


def test_extra_batches_differ_from_the_main_articles_and_each_other(corpus):
    out, manifest = corpus
    urls = [r["url"] for r in read_jsonl(out / "articles.jsonl")]
    for k, batch in enumerate(manifest["extra"], start=1):
        extra = read_jsonl(out / f"extra-{k}.jsonl")
        assert len(extra) == batch["articles"] == 40
        urls += [r["url"] for r in extra]
    assert len(urls) == len(set(urls)) == 380


@pytest.mark.parametrize("part", ["articles", 0, 1])
def test_marker_counts_match_the_manifest(corpus, part):
    out, manifest = corpus
    section = manifest[part] if part == "articles" else manifest["extra"][part]
    records = read_jsonl(out / section["file"])
    texts = [" ".join([r["title"], r["subtitle"] or "", r["body"]]) for r in records]
    for query in section["queries"]:
        patterns = [re.compile(r"\b" + re.escape(term) + r"\b", re.I) for term in query["terms"]]
        hits = sum(all(p.search(text) for p in patterns) for text in texts)
        assert hits == query["expected"], query
    # Markers live in bodies only, and "zq" starts no ordinary word.
    for record in records:
        assert "zq" not in (record["title"] + (record["subtitle"] or "")).lower()
        assert not re.search(r"\bzq(?!rare\b|mid\b|common\b|alpha\b|beta\b)", record["body"], re.I)


def test_phrase_words_are_adjacent_only_in_phrase_articles(corpus):
    out, manifest = corpus
    bodies = [r["body"] for r in read_jsonl(out / "articles.jsonl")]
    # FTS5 ignores punctuation and paragraph breaks, so adjacency is tested on the tokens.
    tokens = [re.findall(r"\w+", body.lower()) for body in bodies]
    adjacent = sum(any(a == "zqalpha" and b == "zqbeta" for a, b in zip(t, t[1:])) for t in tokens)
    literal = sum("zqalpha zqbeta" in body for body in bodies)
    assert adjacent == literal == manifest["articles"]["phrase_groups"]["phrase"]


def test_size_labels(generate):
    assert generate.parse_size("1k") == 1000
    assert generate.parse_size("100K") == 100_000
    assert generate.parse_size("2500") == 2500
    assert generate.size_label(10_000) == "10k"
    assert generate.size_label(2500) == "2500"
