"""Time near-duplicate lookups: 1,000 new bodies against an index of 100,000.

    .venv/bin/python bench/neardup_bench.py [--size 100000] [--new 1000] [--words 300]

Bodies are synthetic (random words from a 20,000-word vocabulary, Zipf-like). Half of the
new bodies are planted near-duplicates of indexed ones: the same story with a new
opening and closing line (furniture of another site) and about 1% of words changed, as a
syndicated or lightly updated copy would be. The other half are fresh. Printed: the time to
build the index, the time for the 1,000 lookups (signature plus candidates), how many
planted duplicates were found, and how many fresh bodies were wrongly matched.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsarchive.extract.neardup import NearDuplicateIndex, shingles, signature  # noqa: E402


def make_vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(size)]


def make_body(rng: random.Random, vocabulary: list[str], words: int) -> str:
    # Zipf-like: common words recur across bodies, as "the" and "said" do in news.
    picks = [vocabulary[min(int(rng.paretovariate(1.1)) - 1, len(vocabulary) - 1)] if rng.random() < 0.4
             else rng.choice(vocabulary) for _ in range(words)]
    return " ".join(picks)


def near_copy(rng: random.Random, body: str, vocabulary: list[str]) -> str:
    words = body.split()
    for _ in range(max(1, len(words) // 100)):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return "Read more from our partners. " + " ".join(words) + " Copyright the other site."


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(7)
    vocabulary = make_vocabulary(rng)

    started = time.perf_counter()
    bodies = [make_body(rng, vocabulary, args.words) for _ in range(args.size)]
    print(f"generated {args.size:,} bodies of {args.words} words in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    index = NearDuplicateIndex()
    for number, body in enumerate(bodies):
        index.add(f"a{number}", signature(body))
    build = time.perf_counter() - started
    print(f"built the index of {len(index):,} in {build:.1f} s ({build / args.size * 1000:.2f} ms per body)")

    planted = {f"n{k}": f"a{rng.randrange(args.size)}" for k in range(args.new // 2)}
    new = {key: near_copy(rng, bodies[int(target[1:])], vocabulary) for key, target in planted.items()}
    new.update({f"f{k}": make_body(rng, vocabulary, args.words) for k in range(args.new - len(planted))})
    true_similarity = [jaccard(new[key], bodies[int(target[1:])]) for key, target in list(planted.items())[:50]]

    started = time.perf_counter()
    found = {key: index.candidates(signature(body)) for key, body in new.items()}
    lookup = time.perf_counter() - started

    hits = sum(1 for key, target in planted.items() if any(i == target for i, _ in found[key]))
    false = sum(1 for key in new if key.startswith("f") and found[key])
    print(f"{len(new):,} new bodies against {len(index):,}: {lookup:.2f} s ({lookup / len(new) * 1000:.2f} ms each)")
    print(f"planted near-duplicates found: {hits} of {len(planted)} "
          f"(true Jaccard of the copies {min(true_similarity):.2f}..{max(true_similarity):.2f}); "
          f"fresh bodies wrongly matched: {false} of {len(new) - len(planted)}")
    started = time.perf_counter()
    data = index.to_data()
    rebuilt = NearDuplicateIndex.from_data(data)
    print(f"to_data + from_data round trip: {time.perf_counter() - started:.1f} s, {len(rebuilt):,} signatures")


if __name__ == "__main__":
    main()
