"""Reciprocal-rank fusion of ranked lists (Cormack, Clarke and Büttcher, SIGIR 2009) (pure)."""

from __future__ import annotations

from collections.abc import Sequence

RRF_K = 60  # the constant of the original paper; it damps the weight of the very top ranks


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], *, k: int = RRF_K,
                           weights: Sequence[float] | None = None,
                           limit: int | None = None) -> list[tuple[str, float]]:
    """IDs by Σ weight / (k + rank), best first; ties keep the order of first appearance."""
    if k < 1:
        raise ValueError("k must be at least 1")
    if weights is not None and len(weights) != len(rankings):
        raise ValueError("give one weight per ranking")
    scores: dict[str, float] = {}
    for which, ranking in enumerate(rankings):
        weight = 1.0 if weights is None else weights[which]
        for rank, item in enumerate(dict.fromkeys(ranking), start=1):  # duplicates count once
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    order = {item: i for i, item in enumerate(scores)}
    fused = sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    return fused if limit is None else fused[:limit]
