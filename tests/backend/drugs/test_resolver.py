"""Name resolution: brands, salts, strengths, case, misspellings; ambiguity gives candidates."""

from __future__ import annotations

import pytest

from backend.drugs.resolver import Resolver


@pytest.mark.parametrize(("query", "name"), [
    ("paracetamol", "paracetamol"),
    ("Tylenol", "paracetamol"),
    ("acetaminophen", "paracetamol"),
    ("ADVIL", "ibuprofen"),
    ("  ibuprofen  ", "ibuprofen"),
    ("metformin hydrochloride", "metformin"),
    ("Metformin HCl 500 mg tablets", "metformin"),
    ("atorvastatin calcium", "atorvastatin"),
    ("Lipitor", "atorvastatin"),
    ("Zocor", "simvastatin"),
    ("sertraline 50mg", "sertraline"),
    ("salbutamol", "salbutamol"),
    ("albuterol", "salbutamol"),
    ("Coumadin", "warfarin"),
    ("dabigatran", "dabigatran etexilate"),
    ("cobicistat", "cobicistat"),
])
def test_exact_names_brands_salts_and_strengths(resolver: Resolver, query: str, name: str) -> None:
    found = resolver.resolve(query)
    assert found.status == "exact", found
    assert found.name == name


@pytest.mark.parametrize(("query", "name"), [
    ("ibuprofin", "ibuprofen"),
    ("simvastatn", "simvastatin"),
    ("amoxicilin", "amoxicillin"),
    ("sertralin", "sertraline"),
    ("paracetmol", "paracetamol"),
    ("warfrin", "warfarin"),
    ("metforman", "metformin"),
])
def test_misspellings_and_partial_names_are_corrected(resolver: Resolver, query: str,
                                                      name: str) -> None:
    found = resolver.resolve(query)
    assert found.status == "corrected", found
    assert found.name == name


def test_ambiguous_name_returns_candidates_not_a_guess(resolver: Resolver) -> None:
    found = resolver.resolve("insulin")
    assert found.status == "ambiguous"
    assert found.key is None
    names = {c.name for c in found.candidates}
    assert {"insulin glargine", "insulin aspart"} <= names


@pytest.mark.parametrize("query", ["", "   ", "xq", "zzzzqqqq", "🙂🙂", "a" * 5000,
                                   "'; DROP TABLE drug; --"])
def test_nonsense_is_unknown(resolver: Resolver, query: str) -> None:
    found = resolver.resolve(query)
    assert found.status in {"unknown", "ambiguous"}
    assert found.key is None


def test_same_key_for_brand_and_generic(resolver: Resolver) -> None:
    assert resolver.resolve("Advil").key == resolver.resolve("ibuprofen").key
    assert resolver.resolve("Advil").key == resolver.resolve("ibuprofen sodium").key


def test_suggest_prefers_curated_and_prefix(resolver: Resolver) -> None:
    found = resolver.suggest("warf")
    assert found and found[0].name == "warfarin"
    assert resolver.suggest("") == []


@pytest.mark.parametrize(("query", "name", "ester"), [
    ("prednisolone", "prednisolone", "prednisolone acetate"),
    ("estradiol", "estradiol", "estradiol acetate"),
    ("hydrocortisone", "hydrocortisone", "hydrocortisone acetate"),
    ("dexamethasone", "dexamethasone", "dexamethasone sodium phosphate"),
])
def test_plain_steroid_names_are_not_taken_by_their_esters(resolver: Resolver, query: str,
                                                           name: str, ester: str) -> None:
    plain = resolver.resolve(query)
    assert plain.status == "exact" and plain.name == name, plain
    assert plain.key is not None and not plain.key.startswith("LUMEN-")  # a real InChIKey
    other = resolver.resolve(ester)
    assert other.resolved and other.key != plain.key, other
