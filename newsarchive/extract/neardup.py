"""Near-duplicate bodies (the same wire story on two sites, an updated article), found fast.

Each body becomes a MinHash signature over its word 4-gram shingles: the estimated Jaccard
similarity of two bodies is the share of signature positions where they agree. Signatures
use one-permutation hashing (each shingle's 64-bit hash picks one of SIGNATURE_SIZE bins and
competes for that bin's minimum), densified so short bodies fill every bin: one hash per
shingle instead of one per shingle per position, which keeps pure Python fast.

`NearDuplicateIndex` files each signature under LSH bands (16 bands of 8 positions), so a
lookup touches only the bodies that agree on a whole band with the new one, never the whole
archive; those candidates are then scored on the full signature. Hashes are blake2b, not
Python's salted `hash()`, so signatures are the same on every run and machine, and the index
can be saved as plain JSON data (`to_data`/`from_data`).
"""

from __future__ import annotations

import base64
import hashlib
import random
import re
import sys
from array import array
from collections.abc import Iterable
from typing import Any

SIGNATURE_SIZE = 128
SHINGLE_WORDS = 4
DEFAULT_BANDS = 16
DEFAULT_THRESHOLD = 0.8
DATA_VERSION = 1

WORD = re.compile(r"\w+")
_BIN_SHIFT = 64 - (SIGNATURE_SIZE.bit_length() - 1)
_VALUE_MASK = 0xFFFFFFFF
_EMPTY = 1 << 32
# For each bin, a fixed order of the other bins to borrow from when it is empty (the
# "optimal densification" of Shrivastava, 2017). Seeded, so the same on every run.
_PROBES = [[j for j in random.Random(i).sample(range(SIGNATURE_SIZE), SIGNATURE_SIZE) if j != i] for i in range(SIGNATURE_SIZE)]


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def shingles(body: str) -> set[str]:
    """The body's word 4-grams, case-folded; a body shorter than that is one shingle."""
    words = WORD.findall(body.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(body: str) -> list[int]:
    """The MinHash signature of a body: SIGNATURE_SIZE integers below 2**32."""
    bins = [_EMPTY] * SIGNATURE_SIZE
    for shingle in shingles(body):
        value = _hash64(shingle)
        slot = value >> _BIN_SHIFT
        low = value & _VALUE_MASK
        if low < bins[slot]:
            bins[slot] = low
    if all(value == _EMPTY for value in bins):
        return [0] * SIGNATURE_SIZE
    filled = [value for value in bins]
    for index, value in enumerate(bins):
        if value == _EMPTY:
            for probe in _PROBES[index]:
                if bins[probe] != _EMPTY:
                    filled[index] = bins[probe]
                    break
    return filled


def similarity(first: Iterable[int], second: Iterable[int]) -> float:
    """Estimated Jaccard similarity of two signatures' bodies."""
    pairs = list(zip(first, second))
    return sum(1 for a, b in pairs if a == b) / len(pairs) if pairs else 0.0


class NearDuplicateIndex:
    """Signatures filed by LSH band; `candidates` finds those similar to a new one."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, bands: int = DEFAULT_BANDS) -> None:
        if SIGNATURE_SIZE % bands:
            raise ValueError(f"bands must divide {SIGNATURE_SIZE}")
        self.threshold = threshold
        self.bands = bands
        self.rows = SIGNATURE_SIZE // bands
        self._signatures: dict[str, array] = {}
        # One dict per band: hash of the band's values -> the ids filed there.
        self._buckets: list[dict[int, list[str]]] = [{} for _ in range(bands)]

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._signatures

    def _band_keys(self, values: array | list[int]) -> list[int]:
        rows = self.rows
        return [hash(tuple(values[b * rows : (b + 1) * rows])) for b in range(self.bands)]

    def add(self, article_id: str, sig: list[int]) -> None:
        """File a signature under `article_id`, replacing any it had."""
        if len(sig) != SIGNATURE_SIZE:
            raise ValueError(f"a signature has {SIGNATURE_SIZE} values, not {len(sig)}")
        self._file(article_id, array("I", sig))

    def _file(self, article_id: str, values: array) -> None:
        if article_id in self._signatures:
            self.remove(article_id)
        self._signatures[article_id] = values
        for band, key in zip(self._buckets, self._band_keys(values)):
            band.setdefault(key, []).append(article_id)

    def remove(self, article_id: str) -> None:
        """Forget an id; unknown ids are ignored."""
        values = self._signatures.pop(article_id, None)
        if values is None:
            return
        for band, key in zip(self._buckets, self._band_keys(values)):
            ids = band.get(key)
            if ids is not None:
                ids.remove(article_id)
                if not ids:
                    del band[key]

    def signature_of(self, article_id: str) -> list[int]:
        """The signature filed under `article_id` (KeyError when there is none)."""
        return list(self._signatures[article_id])

    def candidates(self, sig: list[int], *, threshold: float | None = None) -> list[tuple[str, float]]:
        """(id, estimated Jaccard) of filed bodies at or above the threshold, most similar first."""
        limit = self.threshold if threshold is None else threshold
        seen: set[str] = set()
        for band, key in zip(self._buckets, self._band_keys(sig)):
            seen.update(band.get(key, ()))
        scored = [(article_id, similarity(sig, self._signatures[article_id])) for article_id in seen]
        return sorted(((i, s) for i, s in scored if s >= limit), key=lambda pair: (-pair[1], pair[0]))

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-able data: settings and each signature as base64 of 32-bit little-endian values."""
        return {
            "version": DATA_VERSION,
            "signature_size": SIGNATURE_SIZE,
            "shingle_words": SHINGLE_WORDS,
            "threshold": self.threshold,
            "bands": self.bands,
            "signatures": {article_id: _encode(values) for article_id, values in self._signatures.items()},
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> NearDuplicateIndex:
        """Rebuild an index from `to_data()`; ValueError when the data is from another layout."""
        if (
            not isinstance(data, dict)
            or data.get("version") != DATA_VERSION
            or data.get("signature_size") != SIGNATURE_SIZE
            or data.get("shingle_words") != SHINGLE_WORDS
        ):
            raise ValueError("near-duplicate index data of another version; rebuild it from the archive")
        index = cls(threshold=float(data.get("threshold", DEFAULT_THRESHOLD)), bands=int(data.get("bands", DEFAULT_BANDS)))
        for article_id, encoded in dict(data.get("signatures", {})).items():
            index._file(str(article_id), _decode(encoded))
        return index


def _encode(values: array) -> str:
    raw = values.tobytes() if sys.byteorder == "little" else _swapped(values).tobytes()
    return base64.b64encode(raw).decode("ascii")


def _decode(text: str) -> array:
    values = array("I")
    values.frombytes(base64.b64decode(text))
    if sys.byteorder != "little":
        values.byteswap()
    if len(values) != SIGNATURE_SIZE:
        raise ValueError("a stored signature has the wrong length; rebuild the index")
    return values


def _swapped(values: array) -> array:
    copy = array("I", values)
    copy.byteswap()
    return copy
