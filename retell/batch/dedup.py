"""Near-duplicate stories: MinHash signatures over word shingles, found through LSH.

The same story often arrives from several outlets, or twice from one with a
new headline, a photo caption more or a corrected figure. Each article body
becomes the set of its overlapping five-word shingles; datasketch's MinHash
estimates the Jaccard similarity of two such sets from 128 hash values, and
its LSH index finds the stored articles likely to pass the threshold
without comparing against every one. A new article is linked to the
earliest stored original whose estimated similarity reaches the threshold.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

#: Estimated Jaccard similarity of two bodies' shingle sets at which the later one is a
#: duplicate. Chosen on measurements recorded in bench/dedup.py and the CHANGELOG:
#: the same story with a sentence or two changed, added or dropped scores 0.6-0.95,
#: while different stories on the same subject stay below 0.2.
DEFAULT_THRESHOLD = 0.5
PERMUTATIONS = 128
SHINGLE_WORDS = 5
SEED = 1
#: datasketch's hashing scheme, named so that stored signatures are read back the same way.
SCHEME = "affine32"
#: How far below the threshold the LSH index looks for candidates.
LSH_MARGIN = 0.15

_WORD = re.compile(r"\w+(?:['’.]\w+)*")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The overlapping runs of `size` words of a text, in lower case.

    A text shorter than one shingle gives its words joined as a single shingle.
    """
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    """The MinHash signature of a text's shingles."""
    minhash = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    """A signature as bytes for the store."""
    return np.asarray(minhash.hashvalues, dtype="<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    """A signature read back from the store."""
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=PERMUTATIONS, seed=SEED, hashvalues=values, scheme=SCHEME)


class Duplicates:
    """An LSH index over the originals seen so far, in arrival order."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("the duplicate threshold must be above 0 and at most 1")
        self.threshold = threshold
        # LSH misses some pairs just above its threshold; a lower one finds them, and the
        # estimated similarity then decides.
        self.index = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=PERMUTATIONS)
        self.order: dict[str, int] = {}
        # Only the hash values are kept, not the MinHash objects with their permutations,
        # so memory grows by about a kilobyte per original.
        self.values: dict[str, np.ndarray[Any, Any]] = {}

    def add(self, key: str, minhash: MinHash) -> None:
        """Index an original article under its key."""
        self.index.insert(key, minhash)
        self.order[key] = len(self.order)
        self.values[key] = np.array(minhash.hashvalues, copy=True)

    def first_match(self, minhash: MinHash) -> tuple[str, float] | None:
        """The earliest indexed original this signature duplicates, with the similarity."""
        found = []
        for key in self.index.query(minhash):
            similarity = float(np.mean(minhash.hashvalues == self.values[key]))
            if similarity >= self.threshold:
                found.append((self.order[key], key, similarity))
        if not found:
            return None
        _, key, similarity = min(found)
        return key, similarity
