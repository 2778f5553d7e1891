"""Measure the checker against our labelled pair set: misses and false alarms (pure)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from backend.drugs.resolver import Resolver
from backend.interactions.engine import PairResult, check_pair
from backend.interactions.knowledge import Knowledge, Severity

POSITIVE = Severity.moderate  # a labelled pair at or above this is an interaction to catch


@dataclass
class PairOutcome:
    drug_a: str
    drug_b: str
    resolved_a: str
    resolved_b: str
    severity: Severity
    mechanism: str


@dataclass
class EvalResult:
    rows: int = 0
    positives: int = 0
    negatives: int = 0
    caught: int = 0  # positives reported at moderate or above
    severe: int = 0  # labelled major/contraindicated
    severe_caught: int = 0  # ... reported at major or above
    false_alarms: int = 0  # negatives reported at moderate or above
    cried_wolf: int = 0  # minor/none pairs reported as major or above
    exact: int = 0
    unresolved: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        return {
            "rows": self.rows, "positives": self.positives, "negatives": self.negatives,
            "sensitivity": round(self.caught / self.positives, 4) if self.positives else 0.0,
            "severe_sensitivity": _ratio(self.severe_caught, self.severe),
            "false_alarm_rate": _ratio(self.false_alarms, self.negatives),
            "cried_wolf": self.cried_wolf,
            "exact_severity_agreement": round(self.exact / self.rows, 4) if self.rows else 0.0,
            "unresolved": len(self.unresolved),
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def assess_pair(a: str, b: str, resolver: Resolver, k: Knowledge) -> PairOutcome:
    ra, rb = resolver.resolve(a), resolver.resolve(b)
    if ra.key is None or rb.key is None:
        return PairOutcome(a, b, ra.name or "unknown", rb.name or "unknown", Severity.none, "")
    result: PairResult = check_pair(k.profile(ra.key, ra.name or ""),
                                    k.profile(rb.key, rb.name or ""), k)
    top = [f.mechanism for f in result.findings if f.severity == result.severity]
    return PairOutcome(a, b, ra.name or "unknown", rb.name or "unknown", result.severity,
                       "; ".join(top))


def read_labelled(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def evaluate(rows: list[dict[str, str]], resolver: Resolver, k: Knowledge) -> EvalResult:
    out = EvalResult()
    for row in rows:
        expected = Severity[row["expected"].strip()]
        got = assess_pair(row["drug_a"], row["drug_b"], resolver, k)
        label = (f"{row.get('id', '')} {row['drug_a']}+{row['drug_b']}: "
                 f"expected {expected.name}, got {got.severity.name}")
        out.rows += 1
        out.exact += got.severity == expected
        if "unknown" in (got.resolved_a, got.resolved_b):
            out.unresolved.append(label)
        if expected >= POSITIVE:
            out.positives += 1
            out.caught += got.severity >= POSITIVE
            if got.severity < POSITIVE:
                out.misses.append(label)
            if expected >= Severity.major:
                out.severe += 1
                out.severe_caught += got.severity >= Severity.major
        else:
            out.negatives += 1
            if got.severity >= POSITIVE:
                out.false_alarms += 1
                out.alarms.append(label)
            out.cried_wolf += got.severity >= Severity.major
    return out
