"""BM25 sparse vectors, the in-memory BM25 index and reciprocal-rank fusion."""

from __future__ import annotations

import math

import pytest

from ml.kb.fusion import reciprocal_rank_fusion
from ml.kb.sparse import Bm25Index, document_vector, query_vector, term_index, tokenize


def test_tokenize_folds_case_accents_plurals_and_function_words() -> None:
    assert tokenize("The Infections and Coughing in Naïve patients") == [
        "infection", "cough", "naive", "patient"]
    assert "not" in tokenize("not painful")  # negation is meaning, not noise


def test_term_index_is_stable_and_31_bit() -> None:
    assert term_index("asthma") == term_index("asthma")
    assert 0 <= term_index("asthma") < 2**31
    assert term_index("asthma") != term_index("eczema")


def test_bm25_weight_saturates_with_term_frequency() -> None:
    once = document_vector("wheeze " + "x " * 20)
    many = document_vector("wheeze " * 10 + "x " * 11)
    w = term_index("wheeze")
    w1 = once.values[once.indices.index(w)]
    w10 = many.values[many.indices.index(w)]
    assert w1 < w10 < 2.2  # (k1 + 1) is the ceiling


def test_index_ranks_the_rare_matching_term_first_and_filters() -> None:
    index = Bm25Index()
    docs = {"asthma": "asthma wheeze inhaler", "cold": "cough sneeze cold",
            "flu": "cough fever aches", "gout": "toe pain uric acid"}
    for doc_id, text in docs.items():
        index.upsert(doc_id, document_vector(text))
    hits = index.search(query_vector("wheeze and cough"), limit=3)
    assert hits[0][0] == "asthma"  # "wheeze" is in one document, "cough" in two
    assert {d for d, _ in hits} == {"asthma", "cold", "flu"}
    assert [d for d, _ in index.search(query_vector("cough"), allowed=["flu"])] == ["flu"]
    index.delete(["asthma"])
    assert "asthma" not in {d for d, _ in index.search(query_vector("wheeze"))}
    assert index.idf(term_index("cough")) == pytest.approx(math.log(1 + (3 - 2 + .5) / 2.5))


def test_reupsert_replaces_the_old_vector() -> None:
    index = Bm25Index()
    index.upsert("d", document_vector("migraine"))
    index.upsert("d", document_vector("eczema"))
    assert index.search(query_vector("migraine")) == []


def test_rrf_by_hand_and_ties() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "a", "d"]], k=60)
    scores = dict(fused)
    assert scores["a"] == pytest.approx(1 / 61 + 1 / 62) == scores["b"]
    assert [d for d, _ in fused][:2] == ["a", "b"]  # tie: first seen first
    assert scores["d"] == pytest.approx(1 / 63)


def test_rrf_weights_duplicates_and_limit() -> None:
    fused = reciprocal_rank_fusion([["a", "a", "b"], ["b"]], weights=[1.0, 3.0], limit=1)
    assert fused == [("b", pytest.approx(1 / 62 + 3 / 61))]
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([["a"]], weights=[1, 2])
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([["a"]], k=0)
