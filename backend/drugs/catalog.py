"""The drug catalogue: ingredients, names and curated facts loaded from data/seed (pure).

`ingredients.csv` and `names.csv` are built by `python -m ml.drugdb.build`; curated facts are
the reviewed YAML files. This module only reads files, so the interaction engine, the seed
command and tests share one picture of the data.
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from backend.drugs.curated import CuratedDrug
from ml.drugdb.names import normalise


class CatalogError(ValueError):
    """Seed data is missing, stale or invalid."""


@dataclass(frozen=True)
class Ingredient:
    key: str
    name: str
    origin: str
    chembl_ids: tuple[str, ...] = ()
    approval_year: int | None = None
    drugbank_id: str = ""
    mesh_id: str = ""
    smiles: str = ""


@dataclass(frozen=True)
class NameEntry:
    key: str
    kind: str  # preferred | salt | synonym | brand | alias
    source: str


@dataclass
class Vocabulary:
    classes: dict[str, str]
    tags: dict[str, str]


@dataclass(eq=False)  # identity hash: one loaded catalogue is one cache key
class Catalog:
    ingredients: dict[str, Ingredient]
    names: dict[str, list[NameEntry]]
    curated: dict[str, CuratedDrug]  # ingredient key -> facts
    vocabulary: Vocabulary
    by_name: dict[str, str] = field(default_factory=dict)  # ingredient name -> key

    def __post_init__(self) -> None:
        self.by_name = {ing.name: key for key, ing in self.ingredients.items()}

    def synonyms(self, key: str) -> list[tuple[str, str]]:
        """(name, kind) pairs naming an ingredient, preferred first."""
        order = {"preferred": 0, "alias": 1, "brand": 2, "synonym": 3, "salt": 4}
        found = {(n, e.kind) for n, entries in self.names.items() for e in entries if e.key == key}
        return sorted(found, key=lambda item: (order.get(item[1], 9), item[0]))


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise CatalogError(f"{path} is missing: run `python -m ml.drugdb.build`")
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def load_vocabulary(seed_dir: Path) -> Vocabulary:
    doc = yaml.safe_load((seed_dir / "interactions" / "vocabulary.yaml").read_text())
    return Vocabulary(classes=dict(doc["classes"]), tags=dict(doc["tags"]))


def load_curated(folder: Path, vocabulary: Vocabulary) -> list[CuratedDrug]:
    drugs, errors = [], []
    for path in sorted(folder.glob("*.yaml")):
        try:
            drug = CuratedDrug.model_validate(yaml.safe_load(path.read_text()))
        except Exception as exc:  # pydantic or YAML error: report every bad file at once
            errors.append(f"{path.name}: {exc}")
            continue
        bad = drug.check_vocabulary(set(vocabulary.classes), set(vocabulary.tags))
        if bad:
            errors.append(f"{path.name}: unknown {', '.join(bad)}")
        drugs.append(drug)
    if errors:
        raise CatalogError("invalid curated drug files:\n" + "\n".join(errors))
    return drugs


def load_catalog(seed_dir: Path) -> Catalog:
    """Read and cross-check the whole drug seed."""
    drugs_dir = seed_dir / "drugs"
    vocabulary = load_vocabulary(seed_dir)
    ingredients = {
        row["key"]: Ingredient(
            key=row["key"], name=row["name"], origin=row["origin"],
            chembl_ids=tuple(filter(None, row["chembl_ids"].split(";"))),
            approval_year=int(row["approval_year"]) if row["approval_year"] else None,
            drugbank_id=row["drugbank_id"], mesh_id=row["mesh_id"], smiles=row["smiles"])
        for row in _read_csv(drugs_dir / "ingredients.csv")
    }
    names: dict[str, list[NameEntry]] = defaultdict(list)
    for row in _read_csv(drugs_dir / "names.csv"):
        names[row["name"]].append(NameEntry(row["key"], row["kind"], row["source"]))
    catalog = Catalog(ingredients, dict(names), {}, vocabulary)
    for drug in load_curated(drugs_dir / "curated", vocabulary):
        key = catalog.by_name.get(normalise(drug.name))
        if key is None:
            raise CatalogError(f"curated drug {drug.name!r} is not in ingredients.csv: "
                               "rebuild with `python -m ml.drugdb.build`")
        catalog.curated[key] = drug
    return catalog


@functools.cache
def cached_catalog(seed_dir: Path) -> Catalog:
    """One catalogue per process (the seed is read-only at run time)."""
    return load_catalog(seed_dir)
