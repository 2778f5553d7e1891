"""Interaction knowledge: rules, curated pairs, allergy groups and condition cautions (pure).

Loaded from data/seed/interactions/*.yaml and validated against the vocabulary, so a misspelt
class, tag or drug name fails loudly instead of silently switching a rule off.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from backend.drugs.catalog import Catalog
from ml.drugdb.names import normalise


class Severity(IntEnum):
    none = 0
    minor = 1
    moderate = 2
    major = 3
    contraindicated = 4


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSpec(_Strict):
    id: str
    group: str = ""  # rules of one group describe one risk: a pair keeps only the worst of them
    a: list[str]
    b: list[str]
    severity: str
    mechanism: str
    advice: str
    source: str
    # Skip the rule when both drugs match one of these selectors: e.g. two insulins of one
    # basal-bolus regimen are a single planned treatment, not an interaction.
    unless_both: list[str] = []


class DuplicateSpec(_Strict):
    severity: str
    classes: list[str]


class PairSpec(_Strict):
    a: str
    b: str
    severity: str
    mechanism: str
    advice: str
    source: str


class CautionSpec(_Strict):
    condition: str
    match: list[str]
    severity: str
    message: str
    advice: str
    source: str


class CrossSpec(_Strict):
    allergy: str
    match: list[str]
    severity: str
    message: str
    advice: str
    source: str


class GroupSpec(_Strict):
    label: str
    synonyms: list[str] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class DrugProfile:
    """What the engine knows about one ingredient."""

    key: str
    name: str
    classes: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    curated: bool = False

    def matches(self, selectors: list[str]) -> bool:
        for selector in selectors:
            kind, _, value = selector.partition(":")
            if (kind == "class" and value in self.classes) or (
                    kind == "tag" and value in self.tags) or (
                    kind == "drug" and value == self.name):
                return True
        return False


@dataclass
class Knowledge:
    rules: list[RuleSpec]
    duplicates: DuplicateSpec
    pairs: dict[frozenset[str], PairSpec]
    groups: dict[str, GroupSpec]
    cross: list[CrossSpec]
    conditions: dict[str, GroupSpec]
    cautions: list[CautionSpec]
    profiles: dict[str, DrugProfile] = field(default_factory=dict)

    def profile(self, key: str, name: str) -> DrugProfile:
        return self.profiles.get(key) or DrugProfile(key, name)


class KnowledgeError(ValueError):
    """The interaction knowledge files are inconsistent."""


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text()) if path.exists() else {}


def _check_selectors(where: str, selectors: list[str], catalog: Catalog) -> list[str]:
    errors = []
    for selector in selectors:
        kind, _, value = selector.partition(":")
        ok = ((kind == "class" and value in catalog.vocabulary.classes)
              or (kind == "tag" and value in catalog.vocabulary.tags)
              or (kind == "drug" and value in catalog.by_name))
        if not ok:
            errors.append(f"{where}: unknown selector {selector!r}")
    return errors


def _severity_errors(where: str, value: str) -> list[str]:
    return [] if value in Severity.__members__ else [f"{where}: bad severity {value!r}"]


def load_knowledge(seed_dir: Path, catalog: Catalog) -> Knowledge:
    """Read and validate all interaction knowledge against the catalogue."""
    folder = seed_dir / "interactions"
    rules_doc = _yaml(folder / "rules.yaml")
    allergy_doc = _yaml(folder / "allergies.yaml") or {}
    condition_doc = _yaml(folder / "conditions.yaml") or {}
    pairs_doc = _yaml(folder / "pairs.yaml") or {}
    knowledge = Knowledge(
        rules=[RuleSpec.model_validate(r) for r in rules_doc["rules"]],
        duplicates=DuplicateSpec.model_validate(rules_doc["duplicates"]),
        pairs={},
        groups={k: GroupSpec.model_validate(v)
                for k, v in (allergy_doc.get("groups") or {}).items()},
        cross=[CrossSpec.model_validate(c) for c in allergy_doc.get("cross_reactivity") or []],
        conditions={k: GroupSpec.model_validate(v)
                    for k, v in (condition_doc.get("conditions") or {}).items()},
        cautions=[CautionSpec.model_validate(c) for c in condition_doc.get("cautions") or []],
    )
    errors = _validate(knowledge, catalog)
    for spec in (PairSpec.model_validate(p) for p in pairs_doc.get("pairs") or []):
        keys = [catalog.by_name.get(normalise(n)) for n in (spec.a, spec.b)]
        if None in keys:
            errors.append(f"pair {spec.a}/{spec.b}: drug not in catalogue")
            continue
        errors += _severity_errors(f"pair {spec.a}/{spec.b}", spec.severity)
        knowledge.pairs[frozenset(k for k in keys if k)] = spec
    if errors:
        raise KnowledgeError("invalid interaction knowledge:\n" + "\n".join(errors))
    for key, drug in catalog.curated.items():
        knowledge.profiles[key] = DrugProfile(
            key, catalog.ingredients[key].name, frozenset(drug.classes),
            frozenset(drug.interaction_tags.items), curated=True)
    return knowledge


def _validate(k: Knowledge, catalog: Catalog) -> list[str]:
    errors: list[str] = []
    for rule in k.rules:
        errors += _check_selectors(f"rule {rule.id}", rule.a + rule.b + rule.unless_both,
                                   catalog)
        errors += _severity_errors(f"rule {rule.id}", rule.severity)
    errors += _check_selectors("duplicates", [f"class:{c}" for c in k.duplicates.classes], catalog)
    for name, group in k.groups.items():
        errors += _check_selectors(f"allergy group {name}", group.members, catalog)
    for cross in k.cross:
        if cross.allergy not in k.groups:
            errors.append(f"cross-reactivity: unknown allergy group {cross.allergy!r}")
        errors += _check_selectors(f"allergy {cross.allergy}", cross.match, catalog)
        errors += _severity_errors(f"allergy {cross.allergy}", cross.severity)
    for caution in k.cautions:
        if caution.condition not in k.conditions:
            errors.append(f"caution: unknown condition {caution.condition!r}")
        errors += _check_selectors(f"condition {caution.condition}", caution.match, catalog)
        errors += _severity_errors(f"condition {caution.condition}", caution.severity)
    return errors


@functools.cache
def cached_knowledge(seed_dir: Path, catalog: Catalog) -> Knowledge:
    return load_knowledge(seed_dir, catalog)
