"""Interaction checks: resolve names, run the engine, shape the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend.config import Settings
from backend.core.errors import AppError
from backend.drugs import service as drugs
from backend.interactions.engine import CheckError, Profile, Report, check
from backend.interactions.knowledge import Knowledge, Severity, cached_knowledge
from backend.interactions.schemas import (
    CandidateRead,
    CheckedDrugRead,
    FindingRead,
    InteractionCheckCreate,
    InteractionReportRead,
    PairRead,
)

if TYPE_CHECKING:  # the record domain is only needed when a patient asks for it
    from backend.record.summary import RecordSummary

DISCLAIMER = ("This check uses LUMEN's reviewed interaction rules and is not medical advice. "
              "It cannot list every interaction. Do not stop or change a medicine without "
              "talking to your pharmacist or doctor.")


def knowledge(settings: Settings) -> Knowledge:
    return cached_knowledge(settings.seed_dir, drugs.catalog(settings))


def _merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    """Entries of every group once, in order (case-insensitively)."""
    seen: dict[str, str] = {}
    for group in groups:
        for item in group:
            seen.setdefault(item.strip().lower(), item)
    return tuple(seen.values())


def run_check(settings: Settings, data: InteractionCheckCreate,
              record: RecordSummary | None = None) -> InteractionReportRead:
    """Resolve, check and shape; `record` is the patient's own record when they asked for it."""
    typed = data.profile
    profile = None
    if typed is not None or record is not None:
        profile = Profile(
            _merge(tuple(typed.medications) if typed else (), record.medications if record else ()),
            _merge(tuple(typed.allergies) if typed else (), record.allergies if record else ()),
            _merge(tuple(typed.conditions) if typed else (), record.conditions if record else ()))
    try:
        report = check(list(data.drugs), drugs.resolver(settings), knowledge(settings), profile)
    except CheckError as exc:
        raise AppError(422, "invalid_request", str(exc)) from exc
    return to_read(report)


def to_read(report: Report) -> InteractionReportRead:
    counts = {s.name: 0 for s in reversed(Severity) if s is not Severity.none}
    for finding in report.findings:
        counts[finding.severity.name] += 1
    return InteractionReportRead(
        highest=report.highest.name, counts=counts,
        drugs=[CheckedDrugRead(
            query=d.query, origin=d.origin, status=d.resolution.status, key=d.resolution.key,
            name=d.resolution.name, covered=d.covered,
            candidates=[CandidateRead(key=c.key, name=c.name, matched=c.matched)
                        for c in d.resolution.candidates]) for d in report.drugs],
        findings=[FindingRead(kind=f.kind, severity=f.severity.name, drugs=list(f.drugs),
                              subject=f.subject, mechanism=f.mechanism, advice=f.advice,
                              source=f.source, basis=f.basis, rule=f.rule)
                  for f in report.findings],
        pairs=[PairRead(a=p.a, b=p.b, severity=p.severity.name) for p in report.pairs],
        unrecognised_allergies=report.unrecognised_allergies,
        unrecognised_conditions=report.unrecognised_conditions, disclaimer=DISCLAIMER)
