"""Near-duplicate detection: MinHash signatures and the LSH index (issue 6, item 7)."""

from __future__ import annotations

import json
import random
import time

import pytest

from newsarchive.extract.neardup import SIGNATURE_SIZE, NearDuplicateIndex, shingles, signature, similarity

STORY = (
    "The county council has approved a plan to turn the disused railway line between the two market towns "
    "into a path for walkers and cyclists, after a consultation in which most of the eight hundred replies "
    "were in favour. Work on the first section, from the old station yard to the river bridge, is due to "
    "start in the spring and should take about six months, the council said. Farmers along the route had "
    "asked for stock-proof fencing and gates at each crossing, and the plan now includes both. A local "
    "cycling club said the path would give children a safe way to reach the secondary school without using "
    "the main road, where two accidents were reported last year. The project is paid for by a national "
    "active travel grant and a smaller contribution from the parish councils along the line."
)


def vary(text: str, changes: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = rng.choice(["river", "bridge", "market", "green", "hill"])
    return " ".join(words)


def fresh(seed: int, words: int = 140) -> str:
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(3000)]
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def true_jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_signature_is_stable_and_case_and_punctuation_blind():
    sig = signature(STORY)
    assert len(sig) == SIGNATURE_SIZE and all(0 <= v < 2**32 for v in sig)
    assert signature(STORY) == sig
    assert signature(STORY.upper().replace(",", " ;")) == sig


def test_signature_of_a_known_body_does_not_change_between_versions():
    """Stored signatures must stay comparable: blake2b, not Python's salted hash()."""
    # Pinned values: a change here makes every stored index stale (bump DATA_VERSION).
    assert signature("one two three four five")[:6] == [2776267545, 3971189452, 3971189452, 3971189452, 2776267545, 2776267545]


def test_estimate_tracks_the_true_jaccard():
    for changes in (0, 2, 5, 10, 25):
        copy = vary(STORY, changes)
        estimate = similarity(signature(STORY), signature(copy))
        assert abs(estimate - true_jaccard(STORY, copy)) < 0.15, changes


def test_syndicated_copy_with_other_furniture_is_a_candidate():
    index = NearDuplicateIndex()
    index.add("original", signature(STORY))
    index.add("other", signature(fresh(3)))
    copy = "Shared from the Wire. " + vary(STORY, 1) + " Follow us for more local news."
    found = index.candidates(signature(copy))
    assert [article_id for article_id, _ in found] == ["original"]
    assert found[0][1] >= 0.8


def test_unrelated_bodies_are_not_candidates():
    index = NearDuplicateIndex()
    for n in range(200):
        index.add(f"a{n}", signature(fresh(n)))
    assert index.candidates(signature(STORY)) == []
    assert index.candidates(signature(fresh(10_000))) == []


def test_threshold_is_respected_and_results_are_sorted():
    index = NearDuplicateIndex(threshold=0.5, bands=32)
    index.add("same", signature(STORY))
    index.add("close", signature(vary(STORY, 4)))
    index.add("farther", signature(vary(STORY, 12, seed=2)))
    found = index.candidates(signature(STORY))
    scores = [score for _, score in found]
    assert found[0] == ("same", 1.0)
    assert scores == sorted(scores, reverse=True)
    assert all(score >= 0.5 for score in scores)
    assert [i for i, _ in index.candidates(signature(STORY), threshold=0.99)] == ["same"]


def test_remove_and_replace():
    index = NearDuplicateIndex()
    index.add("x", signature(STORY))
    index.add("x", signature(fresh(1)))
    assert len(index) == 1 and index.candidates(signature(STORY)) == []
    index.remove("x")
    index.remove("never-added")
    assert len(index) == 0 and "x" not in index
    assert index.candidates(signature(fresh(1))) == []


def test_short_and_empty_bodies():
    assert signature("") == [0] * SIGNATURE_SIZE
    short = signature("Flood warning")
    assert similarity(short, signature("flood WARNING")) == 1.0
    assert similarity(short, signature("Drought warning")) < 0.5


def test_to_data_is_plain_json_and_round_trips():
    index = NearDuplicateIndex(threshold=0.7)
    index.add("a", signature(STORY))
    index.add("b", signature(fresh(5)))
    data = json.loads(json.dumps(index.to_data()))
    again = NearDuplicateIndex.from_data(data)
    assert len(again) == 2 and again.threshold == 0.7
    assert again.candidates(signature(vary(STORY, 1))) == index.candidates(signature(vary(STORY, 1)))


@pytest.mark.parametrize("data", [{}, {"version": 99}, [], {"version": 1, "signature_size": 64, "shingle_words": 4}])
def test_from_data_refuses_other_layouts(data):
    with pytest.raises(ValueError):
        NearDuplicateIndex.from_data(data)


def test_lookups_do_not_scan_the_whole_index():
    index = NearDuplicateIndex()
    signatures = [signature(fresh(n, 60)) for n in range(3000)]
    for n, sig in enumerate(signatures):
        index.add(f"a{n}", sig)
    queries = [signature(fresh(100_000 + n, 60)) for n in range(200)]
    started = time.process_time()
    for sig in queries:
        index.candidates(sig)
    assert (time.process_time() - started) / len(queries) < 0.005


def test_signature_of_gives_back_what_was_filed():
    index = NearDuplicateIndex()
    sig = signature(STORY)
    index.add("a", sig)
    assert index.signature_of("a") == sig
    with pytest.raises(KeyError):
        index.signature_of("missing")
