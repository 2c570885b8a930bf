"""Near-duplicate articles: the same wire story republished, lightly edited or truncated.

Each article's text becomes a set of 5-word shingles (lower-cased words); a MinHash signature of
``NUM_HASHES`` values estimates the Jaccard similarity of two sets, and locality-sensitive
hashing (``BANDS`` bands of ``ROWS`` rows) finds the candidates through an indexed table. A
candidate is a near-duplicate when the exact shingle sets have Jaccard ≥ ``JACCARD`` (a lightly
edited copy) or the shorter one is ≥ ``CONTAINMENT`` inside the longer (a truncated copy). Two
bands of two rows catch a pair with Jaccard 0.3 with probability 0.95.

Near-duplicates stay stored and visible; an article's *original* is the earliest (publication
time, then id) of its near-duplicates, and a merged event counts an article in ``num_sources``
only when none of its near-duplicates earlier than itself also reports the event.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE = 5
NUM_HASHES = 64
BANDS, ROWS = 32, 2
JACCARD = 0.5
CONTAINMENT = 0.8
_rng = np.random.default_rng(20240526)
_A = _rng.integers(1, 2**63, NUM_HASHES, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 2**63, NUM_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    grams = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=7).digest(), "big") for g in grams
    }


def signature(found: set[int]) -> np.ndarray:
    """MinHash by multiply-shift hashing: ((a * x + b) mod 2**64) >> 32, a odd."""
    values = (
        np.fromiter(found, dtype=np.uint64, count=len(found)) if found else np.zeros(1, np.uint64)
    )
    mixed = (_A[:, None] * values[None, :] + _B[:, None]) >> np.uint64(32)
    return mixed.min(axis=1)


def bands(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band, bucket) pairs; the bucket is a signed 63-bit hash that SQLite stores as is."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        bucket = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "big", signed=True)
        out.append((band, bucket))
    return out


def similarity(a: set[int], b: set[int]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / len(a | b), common / min(len(a), len(b))


def is_near_duplicate(a: set[int], b: set[int]) -> tuple[bool, float]:
    jaccard, contained = similarity(a, b)
    return (jaccard >= JACCARD or contained >= CONTAINMENT), round(max(jaccard, contained), 4)
