"""Interaction engine: drugs (+ optional profile) → findings with severity, mechanism, advice.

Pure functions over a loaded catalogue and knowledge; no web or database code. A curated pair
is authoritative for its exact pair; otherwise class/mechanism rules apply, and within one rule
group (one kind of risk) a pair keeps only its worst finding so a single risk is not reported
three times.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Literal

from backend.drugs.resolver import Candidate, Resolution, Resolver
from backend.interactions.knowledge import DrugProfile, Knowledge, Severity
from ml.drugdb.names import normalise

MIN_DRUGS, MAX_DRUGS = 2, 20
FindingKind = Literal["drug-drug", "drug-allergy", "drug-condition"]
Basis = Literal["curated-pair", "class-rule", "duplicate", "same-ingredient", "allergy",
                "condition"]
_ALLERGY_NOISE = {"allergy", "allergies", "allergic", "to", "intolerance", "intolerant",
                  "reaction", "sensitivity", "hypersensitivity"}


@dataclass(frozen=True)
class Profile:
    """Optional patient context: free-text names as the patient entered them."""

    medications: tuple[str, ...] = ()
    allergies: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckedDrug:
    query: str
    origin: Literal["input", "profile"]
    resolution: Resolution
    covered: bool  # we hold curated interaction knowledge for it


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    severity: Severity
    drugs: tuple[str, ...]
    mechanism: str
    advice: str
    source: str
    basis: Basis
    rule: str = ""
    subject: str = ""  # the allergy group or condition label


@dataclass(frozen=True)
class PairResult:
    a: str
    b: str
    severity: Severity
    findings: tuple[Finding, ...]


@dataclass
class Report:
    drugs: list[CheckedDrug]
    findings: list[Finding]
    pairs: list[PairResult]
    unrecognised_allergies: list[str] = field(default_factory=list)
    unrecognised_conditions: list[str] = field(default_factory=list)

    @property
    def highest(self) -> Severity:
        return max((f.severity for f in self.findings), default=Severity.none)


class CheckError(ValueError):
    """The request cannot be checked (too few or too many drugs)."""


def _rule_findings(a: DrugProfile, b: DrugProfile, k: Knowledge) -> list[Finding]:
    best: dict[str, Finding] = {}
    for rule in k.rules:
        forward = a.matches(rule.a) and b.matches(rule.b)
        if not (forward or (a.matches(rule.b) and b.matches(rule.a))):
            continue
        if any(a.matches([s]) and b.matches([s]) for s in rule.unless_both):
            continue
        finding = Finding("drug-drug", Severity[rule.severity], (a.name, b.name), rule.mechanism,
                          rule.advice, rule.source, "class-rule", rule.id)
        group = rule.group or rule.id
        if group not in best or finding.severity > best[group].severity:
            best[group] = finding
    shared = sorted((a.classes & b.classes) & set(k.duplicates.classes))
    if shared:
        label = ", ".join(c.replace("_", " ") for c in shared)
        best["duplicate"] = Finding(
            "drug-drug", Severity[k.duplicates.severity], (a.name, b.name),
            f"Duplicate therapy: both are {label} drugs, adding side effects without benefit.",
            "Check that both are really intended; usually only one is needed.",
            "Class duplication (WHO ATC classification)", "duplicate", "duplicate-class")
    return list(best.values())


def check_pair(a: DrugProfile, b: DrugProfile, k: Knowledge) -> PairResult:
    """All findings for one pair of ingredients."""
    if a.key == b.key:
        findings = [Finding("drug-drug", Severity.moderate, (a.name, b.name),
                            f"Same active ingredient entered twice ({a.name}).",
                            "Take only one product containing it, or you may exceed the safe dose.",
                            "Ingredient identity (parent InChIKey)", "same-ingredient",
                            "same-ingredient")]
    elif (pair := k.pairs.get(frozenset((a.key, b.key)))) is not None:
        findings = [] if pair.severity == "none" else [Finding(
            "drug-drug", Severity[pair.severity], (a.name, b.name), pair.mechanism, pair.advice,
            pair.source, "curated-pair", "pair")]
    else:
        findings = _rule_findings(a, b, k)
    findings.sort(key=lambda f: -f.severity)
    top = findings[0].severity if findings else Severity.none
    return PairResult(a.name, b.name, top, tuple(findings))


def _allergy_groups(text: str, resolver: Resolver, k: Knowledge) -> tuple[set[str], str | None]:
    """Allergy groups and the specific ingredient key a free-text allergy refers to."""
    norm = " ".join(w for w in normalise(text).split() if w not in _ALLERGY_NOISE)
    groups = {g for g, spec in k.groups.items()
              if norm in {normalise(s) for s in spec.synonyms} or norm == normalise(g)}
    key = None
    if not groups:
        found = resolver.resolve(norm) if norm else None
        if found is not None and found.key is not None:
            key = found.key
            drug = k.profile(key, found.name or "")
            groups = {g for g, spec in k.groups.items() if drug.matches(spec.members)}
    return groups, key


def _allergy_findings(drug: DrugProfile, allergies: list[tuple[str, set[str], str | None]],
                      k: Knowledge) -> list[Finding]:
    out = []
    for text, groups, key in allergies:
        if key == drug.key:
            out.append(Finding("drug-allergy", Severity.contraindicated, (drug.name,),
                               f"You listed an allergy to {drug.name}.",
                               "Do not take it; tell your pharmacist or doctor.",
                               "Patient-reported allergy", "allergy", "listed-allergy", text))
            continue
        best: Finding | None = None
        for cross in k.cross:
            if cross.allergy in groups and drug.matches(cross.match):
                f = Finding("drug-allergy", Severity[cross.severity], (drug.name,), cross.message,
                            cross.advice, cross.source, "allergy", f"allergy-{cross.allergy}",
                            k.groups[cross.allergy].label)
                if best is None or f.severity > best.severity:
                    best = f
        if best is not None:
            out.append(best)
    return out


def _conditions(texts: tuple[str, ...], k: Knowledge) -> tuple[dict[str, str], list[str]]:
    found: dict[str, str] = {}
    unknown = []
    for text in texts:
        norm = normalise(text)
        ids = [c for c, spec in k.conditions.items()
               if norm == normalise(c) or norm in {normalise(s) for s in spec.synonyms}]
        if ids:
            found.update(dict.fromkeys(ids, text))
        else:
            unknown.append(text)
    return found, unknown


def _condition_findings(drug: DrugProfile, conditions: dict[str, str],
                        k: Knowledge) -> list[Finding]:
    best: dict[str, Finding] = {}
    for caution in k.cautions:
        if caution.condition in conditions and drug.matches(caution.match):
            f = Finding("drug-condition", Severity[caution.severity], (drug.name,),
                        caution.message, caution.advice, caution.source, "condition",
                        f"condition-{caution.condition}", k.conditions[caution.condition].label)
            if caution.condition not in best or f.severity > best[caution.condition].severity:
                best[caution.condition] = f
    return list(best.values())


def _resolve_all(queries: list[str], origin: Literal["input", "profile"], resolver: Resolver,
                 k: Knowledge) -> list[CheckedDrug]:
    out = []
    for query in queries:
        res = resolver.resolve(query)
        covered = res.key is not None and res.key in k.profiles
        out.append(CheckedDrug(query, origin, res, covered))
    return out


def check(queries: list[str], resolver: Resolver, k: Knowledge,
          profile: Profile | None = None) -> Report:
    """Check 2–20 drugs (names, brands or IDs), optionally against a patient profile."""
    profile = profile or Profile()
    has_context = bool(profile.medications or profile.allergies or profile.conditions)
    if not queries or len(queries) > MAX_DRUGS or (len(queries) < MIN_DRUGS and not has_context):
        # One drug is enough when there is a profile to check it against.
        raise CheckError(f"give between {MIN_DRUGS} and {MAX_DRUGS} drugs")
    drugs = _resolve_all(queries, "input", resolver, k)
    drugs += _resolve_all(list(profile.medications), "profile", resolver, k)
    known = [(d, k.profile(d.resolution.key, d.resolution.name or ""))
             for d in drugs if d.resolution.key]
    pairs = [check_pair(pa, pb, k)
             for (da, pa), (db, pb) in itertools.combinations(known, 2)
             if "input" in (da.origin, db.origin)]
    findings = [f for p in pairs for f in p.findings]
    allergies = [(t, *_allergy_groups(t, resolver, k)) for t in profile.allergies]
    conditions, unknown_conditions = _conditions(profile.conditions, k)
    for d, p in known:
        if d.origin == "input":
            findings += _allergy_findings(p, allergies, k)
            findings += _condition_findings(p, conditions, k)
    findings.sort(key=lambda f: (-f.severity, f.kind, f.drugs))
    unknown_allergies = [t for t, groups, key in allergies if not groups and key is None]
    return Report(drugs, findings, pairs, unknown_allergies, unknown_conditions)


def candidates_of(drug: CheckedDrug) -> tuple[Candidate, ...]:
    return drug.resolution.candidates
