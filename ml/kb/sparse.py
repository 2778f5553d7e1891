"""BM25-style sparse vectors: the lexical half of hybrid retrieval (pure).

Document side: each term's BM25 saturation weight tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl));
query side: weight 1 per distinct term. The IDF factor is left to the index (Qdrant's `idf`
modifier on the sparse vector, or `Bm25Index` here), so vectors stay valid as the corpus grows.
Terms map to stable indices by hashing, so no vocabulary needs shipping or updating.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

K1 = 1.2
B = 0.75
AVG_DOC_WORDS = 120.0  # about the mean chunk length at the default chunk size
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Function words only: clinical words such as "pain", "not" or "no" carry meaning here.
STOPWORDS = frozenset(str.split("""
a an and are as at be been by can could do does for from has have how i if in into is it its
me my of on or our so than that the their them then there these they this to was we were what
when where which who why will with would you your
"""))


@dataclass(frozen=True)
class SparseVector:
    indices: tuple[int, ...]
    values: tuple[float, ...]


def _stem(token: str) -> str:
    """A light plural/-ing stem: 'infections' → 'infection', 'coughing' → 'cough'."""
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("es", "e"), ("s", "")):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3 and not token.endswith("ss"):
            return token[: len(token) - len(suffix)] + keep
    return token


def tokenize(text: str) -> list[str]:
    """Lower-case, accent-free word stems without function words."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [_stem(t.replace("'", "")) for t in _TOKEN.findall(folded) if t not in STOPWORDS]


def term_index(term: str) -> int:
    """Stable 31-bit index of a term (the same in every process and release)."""
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=4).digest(), "big") >> 1


def _vector(weights: dict[int, float]) -> SparseVector:
    items = sorted(weights.items())
    return SparseVector(tuple(i for i, _ in items), tuple(v for _, v in items))


def document_vector(text: str, avg_words: float = AVG_DOC_WORDS) -> SparseVector:
    """BM25 term-frequency weights for one passage."""
    counts = Counter(tokenize(text))
    length = sum(counts.values())
    norm = K1 * (1 - B + B * length / avg_words)
    weights: dict[int, float] = {}
    for term, tf in counts.items():
        index = term_index(term)
        weights[index] = weights.get(index, 0.0) + tf * (K1 + 1) / (tf + norm)
    return _vector(weights)


def query_vector(text: str) -> SparseVector:
    """One unit weight per distinct query term."""
    return _vector({term_index(t): 1.0 for t in set(tokenize(text))})


class Bm25Index:
    """An in-memory inverted index over document vectors, with IDF at query time."""

    def __init__(self) -> None:
        self.postings: dict[int, dict[str, float]] = {}
        self.docs: dict[str, SparseVector] = {}

    def upsert(self, doc_id: str, vector: SparseVector) -> None:
        self.delete([doc_id])
        self.docs[doc_id] = vector
        for index, value in zip(vector.indices, vector.values, strict=True):
            self.postings.setdefault(index, {})[doc_id] = value

    def delete(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            old = self.docs.pop(doc_id, None)
            for index in old.indices if old else ():
                posting = self.postings[index]
                posting.pop(doc_id, None)
                if not posting:
                    del self.postings[index]

    def idf(self, index: int) -> float:
        n, df = len(self.docs), len(self.postings.get(index, ()))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: SparseVector, limit: int = 10,
               allowed: Sequence[str] | None = None) -> list[tuple[str, float]]:
        """Top documents by BM25 score; `allowed` restricts to those IDs (a filter)."""
        keep = set(allowed) if allowed is not None else None
        scores: dict[str, float] = {}
        for index, weight in zip(query.indices, query.values, strict=True):
            idf = self.idf(index)
            for doc_id, value in self.postings.get(index, {}).items():
                if keep is None or doc_id in keep:
                    scores[doc_id] = scores.get(doc_id, 0.0) + weight * idf * value
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
