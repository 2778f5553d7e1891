"""Name → ingredient resolution tolerant of brands, salts, strengths, case and misspellings (pure).

Order: exact name; name without strengths/forms; without salt words; a unique longer name that
starts with the query ("dabigatran" → "dabigatran etexilate"); then fuzzy matching. Anything
that could mean two ingredients comes back as candidates, never as a guess.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from backend.drugs.catalog import Catalog
from ml.drugdb.names import normalise, strip_forms, strip_salts

Status = Literal["exact", "corrected", "ambiguous", "unknown"]
FUZZY_ACCEPT = 88.0  # a single best match at or above this is taken as a spelling correction
FUZZY_CANDIDATE = 75.0  # matches above this are offered as candidates
MAX_QUERY = 200


@dataclass(frozen=True)
class Candidate:
    key: str
    name: str
    matched: str
    score: float


@dataclass(frozen=True)
class Resolution:
    query: str
    status: Status
    key: str | None = None
    name: str | None = None
    matched: str | None = None
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)

    @property
    def resolved(self) -> bool:
        return self.key is not None


class Resolver:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.index: dict[str, set[str]] = {
            n: {e.key for e in es} for n, es in catalog.names.items()}
        self.kinds = {(n, e.key): e.kind for n, es in catalog.names.items() for e in es}
        for name, key in catalog.by_name.items():
            self.index.setdefault(name, set()).add(key)
            self.kinds[(name, key)] = "preferred"
        self.choices = sorted(self.index)

    def _hit(self, query: str, norm: str, how: Status) -> Resolution | None:
        keys = self.index.get(norm)
        if not keys:
            return None
        preferred = {k for k in keys if self.kinds.get((norm, k)) in {"preferred", "alias"}}
        if len(keys) > 1 and len(preferred) == 1:
            keys = preferred  # an ingredient's own name beats another's synonym of it
        if len(keys) == 1:
            key = next(iter(keys))
            return Resolution(query, how, key, self.catalog.ingredients[key].name, norm)
        return self._ambiguous(query, [(norm, 100.0)])

    def _ambiguous(self, query: str, matches: list[tuple[str, float]]) -> Resolution:
        seen: dict[str, Candidate] = {}
        for matched, score in matches:
            for key in sorted(self.index[matched]):
                if key not in seen:
                    seen[key] = Candidate(key, self.catalog.ingredients[key].name, matched, score)
        if not seen:
            return Resolution(query, "unknown")
        ranked = sorted(seen.values(), key=lambda c: (-c.score, c.name))[:8]
        return Resolution(query, "ambiguous", candidates=tuple(ranked))

    def _prefix(self, query: str, norm: str) -> Resolution | None:
        if len(norm) < 4:
            return None
        starts = [n for n in self.choices if n.startswith(norm + " ")]
        keys = {k for n in starts for k in self.index[n]}
        if len(keys) == 1:
            key = next(iter(keys))
            return Resolution(query, "corrected", key, self.catalog.ingredients[key].name,
                              min(starts, key=len))
        if keys:
            return self._ambiguous(query, [(n, 90.0) for n in starts])
        return None

    def _fuzzy(self, query: str, norm: str) -> Resolution:
        if len(norm) < 4:
            return Resolution(query, "unknown")
        found = process.extract(norm, self.choices, scorer=fuzz.ratio, limit=10,
                                score_cutoff=FUZZY_CANDIDATE)
        if not found:
            return Resolution(query, "unknown")
        best_name, best_score, _ = found[0]
        best_keys = self.index[best_name]
        rivals = [f for f in found[1:] if self.index[f[0]] != best_keys
                  and f[1] >= best_score - 4]
        if best_score >= FUZZY_ACCEPT and len(best_keys) == 1 and not rivals:
            key = next(iter(best_keys))
            return Resolution(query, "corrected", key, self.catalog.ingredients[key].name,
                              best_name)
        return self._ambiguous(query, [(name, score) for name, score, _ in found])

    def resolve(self, query: str) -> Resolution:
        """Resolve one user-typed drug name."""
        norm = normalise(query[:MAX_QUERY])
        if not norm:
            return Resolution(query, "unknown")
        for form, how in ((norm, "exact"), (strip_forms(norm), "exact"),
                          (strip_salts(strip_forms(norm)), "exact")):
            if form:
                hit = self._hit(query, form, how)  # type: ignore[arg-type]
                if hit is not None:
                    return hit
        base = strip_salts(strip_forms(norm)) or norm
        return self._prefix(query, base) or self._fuzzy(query, base)

    def suggest(self, query: str, limit: int = 10) -> list[Candidate]:
        """Autocomplete: names starting with the query, then fuzzy matches; one per ingredient."""
        norm = normalise(query[:MAX_QUERY])
        if not norm:
            return []
        out: dict[str, Candidate] = {}
        for name in self.choices:
            if name.startswith(norm):
                for key in self.index[name]:
                    out.setdefault(key, Candidate(key, self.catalog.ingredients[key].name,
                                                  name, 100.0))
        ranked = sorted(out.values(), key=lambda c: (c.key not in self.catalog.curated,
                                                     len(c.matched), c.name))
        if len(ranked) < limit and len(norm) >= 3:
            for name, score, _ in process.extract(norm, self.choices, scorer=fuzz.WRatio,
                                                  limit=limit * 2, score_cutoff=80):
                for key in self.index[name]:
                    if key not in out:
                        out[key] = Candidate(key, self.catalog.ingredients[key].name, name, score)
                        ranked.append(out[key])
        return ranked[:limit]


@functools.cache
def resolver_for(catalog: Catalog) -> Resolver:
    return Resolver(catalog)
