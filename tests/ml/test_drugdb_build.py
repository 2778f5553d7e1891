"""The drug seed is reproducible from packaged data and keyed by parent InChIKey."""

from __future__ import annotations

import csv

import yaml

from ml.drugdb.build import build, parent_key
from ml.drugdb.names import normalise, strip_forms, strip_salts
from tests.support import REPO

SEED = REPO / "data" / "seed" / "drugs"


def rows(path) -> list[dict[str, str]]:
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def test_salts_collapse_to_one_parent_key() -> None:
    free_base = parent_key("CN(C)C(=N)NC(=N)N")
    salt = parent_key("CN(C)C(=N)NC(=N)N.Cl")
    assert free_base is not None and salt is not None
    assert free_base[0] == salt[0] == "XZWYZXLIPXDOLR-UHFFFAOYSA-N"  # metformin
    assert parent_key("not a smiles") is None


def test_name_normalisation() -> None:
    assert normalise("  Tylenol®  Extra-Strength ") == "tylenol extra strength"
    assert strip_forms("metformin 500 mg tablets") == "metformin"
    assert strip_forms("amoxicillin 250mg/5ml oral suspension") == "amoxicillin"
    assert strip_salts("sertraline hydrochloride") == "sertraline"
    assert strip_salts("potassium chloride") == "potassium chloride"  # nothing left: keep it


def test_rebuild_of_a_slice_matches_the_shipped_seed(tmp_path) -> None:
    report = build(tmp_path, limit=80, curated_dir=tmp_path / "no-curated")
    assert report["ingredients"] > 40
    shipped = {r["key"]: r for r in rows(SEED / "ingredients.csv")}
    for row in rows(tmp_path / "ingredients.csv"):
        assert row["key"] in shipped, row
        assert shipped[row["key"]]["smiles"] == row["smiles"]
        shipped_ids = set(shipped[row["key"]]["chembl_ids"].split(";"))
        assert set(row["chembl_ids"].split(";")) <= shipped_ids


def test_shipped_seed_is_fresh_for_every_curated_drug() -> None:
    names = {r["name"] for r in rows(SEED / "names.csv")}
    for path in sorted((SEED / "curated").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text())
        for name in [doc["name"], *(doc.get("aliases") or [])]:
            assert normalise(str(name)) in names, f"{path.name}: {name} not in the seed: rebuild"


def test_seed_counts_meet_the_promise() -> None:
    ingredients = rows(SEED / "ingredients.csv")
    assert len(ingredients) >= 1700
    assert len({r["key"] for r in ingredients}) == len(ingredients)
    assert len(list((SEED / "curated").glob("*.yaml"))) >= 300
