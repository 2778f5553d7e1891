"""Interaction engine on the shipped knowledge: must-never-miss, no crying wolf, generalisation."""

from __future__ import annotations

import pytest

from backend.drugs.resolver import Resolver
from backend.interactions.engine import CheckError, Profile, check, check_pair
from backend.interactions.knowledge import Knowledge, Severity

# ONC high-priority list (Phansalkar 2012) families, each with several members.
MUST_NEVER_MISS = [
    ("phenelzine", "sertraline"), ("tranylcypromine", "fluoxetine"), ("phenelzine", "tramadol"),
    ("selegiline", "venlafaxine"), ("moclobemide", "citalopram"), ("linezolid", "sertraline"),
    ("phenelzine", "pseudoephedrine"), ("tranylcypromine", "phenylephrine"),
    ("phenelzine", "dexamfetamine"), ("rasagiline", "pseudoephedrine"),
    ("warfarin", "ibuprofen"), ("warfarin", "naproxen"), ("warfarin", "diclofenac"),
    ("apixaban", "ibuprofen"), ("rivaroxaban", "naproxen"), ("warfarin", "aspirin"),
    ("amiodarone", "sotalol"), ("citalopram", "haloperidol"), ("methadone", "ondansetron"),
    ("azithromycin", "citalopram"),
    ("clarithromycin", "simvastatin"), ("itraconazole", "lovastatin"),
    ("ketoconazole", "simvastatin"), ("ritonavir", "simvastatin"), ("posaconazole", "lovastatin"),
    ("methotrexate", "trimethoprim"), ("methotrexate", "sulfamethoxazole"),
    ("spironolactone", "potassium chloride"), ("amiloride", "potassium chloride"),
    ("spironolactone", "lisinopril"), ("eplerenone", "ramipril"), ("triamterene", "losartan"),
    ("tizanidine", "ciprofloxacin"), ("tizanidine", "fluvoxamine"),
    ("ergotamine", "clarithromycin"), ("dihydroergotamine", "ritonavir"),
    ("ergotamine", "itraconazole"),
    ("sildenafil", "nitroglycerin"), ("tadalafil", "isosorbide mononitrate"),
    ("oxycodone", "alprazolam"), ("morphine", "diazepam"),
]

CONTRAINDICATED = [
    ("phenelzine", "sertraline"), ("clarithromycin", "simvastatin"),
    ("tizanidine", "ciprofloxacin"), ("sildenafil", "nitroglycerin"),
    ("ergotamine", "clarithromycin"), ("phenelzine", "pseudoephedrine"),
]

# Combinations patients commonly take with no clinically relevant interaction.
KNOWN_SAFE = [
    ("paracetamol", "amoxicillin"), ("metformin", "atorvastatin"), ("omeprazole", "amoxicillin"),
    ("loratadine", "paracetamol"), ("amlodipine", "metformin"), ("levothyroxine", "paracetamol"),
    ("cetirizine", "ibuprofen"), ("sertraline", "paracetamol"), ("salbutamol", "fluticasone"),
    ("folic acid", "metformin"), ("amoxicillin", "ibuprofen"), ("atorvastatin", "paracetamol"),
    ("montelukast", "cetirizine"), ("lisinopril", "atorvastatin"), ("bisoprolol", "atorvastatin"),
]


def pair(resolver: Resolver, k: Knowledge, a: str, b: str) -> Severity:
    ra, rb = resolver.resolve(a), resolver.resolve(b)
    assert ra.key and rb.key, (a, b, ra, rb)
    return check_pair(k.profile(ra.key, ra.name or ""), k.profile(rb.key, rb.name or ""),
                      k).severity


@pytest.mark.parametrize(("a", "b"), MUST_NEVER_MISS)
def test_must_never_miss_is_major_or_above(resolver: Resolver, knowledge: Knowledge, a: str,
                                           b: str) -> None:
    assert pair(resolver, knowledge, a, b) >= Severity.major
    assert pair(resolver, knowledge, b, a) >= Severity.major  # order does not matter


@pytest.mark.parametrize(("a", "b"), CONTRAINDICATED)
def test_label_contraindications(resolver: Resolver, knowledge: Knowledge, a: str, b: str) -> None:
    assert pair(resolver, knowledge, a, b) == Severity.contraindicated


@pytest.mark.parametrize(("a", "b"), KNOWN_SAFE)
def test_known_safe_pairs_are_minor_or_below(resolver: Resolver, knowledge: Knowledge, a: str,
                                             b: str) -> None:
    assert pair(resolver, knowledge, a, b) <= Severity.minor


def test_class_rules_cover_pairs_nobody_listed(resolver: Resolver, knowledge: Knowledge) -> None:
    # cobicistat is a strong CYP3A4 inhibitor; no curated pair names it with lovastatin.
    a, b = resolver.resolve("cobicistat"), resolver.resolve("lovastatin")
    assert a.key and b.key
    assert frozenset((a.key, b.key)) not in knowledge.pairs
    result = check_pair(knowledge.profile(a.key, "cobicistat"),
                        knowledge.profile(b.key, "lovastatin"), knowledge)
    assert result.severity == Severity.contraindicated
    assert result.findings[0].basis == "class-rule"
    assert "CYP3A4" in result.findings[0].mechanism


def test_one_risk_is_reported_once_per_pair(resolver: Resolver, knowledge: Knowledge) -> None:
    report = check(["sertraline", "venlafaxine"], resolver, knowledge)
    serotonin = [f for f in report.findings if "erotonin" in f.mechanism]
    assert len(serotonin) == 1 and serotonin[0].severity == Severity.major


def test_same_ingredient_twice_is_flagged(resolver: Resolver, knowledge: Knowledge) -> None:
    report = check(["Tylenol", "paracetamol 500 mg"], resolver, knowledge)
    assert report.findings[0].basis == "same-ingredient"
    assert report.highest == Severity.moderate


def test_unknown_drug_gives_no_invented_finding(resolver: Resolver, knowledge: Knowledge) -> None:
    report = check(["zzzzqqqq", "warfarin"], resolver, knowledge)
    assert report.findings == []
    assert report.drugs[0].resolution.status == "unknown"


@pytest.mark.parametrize("drugs", [[], ["warfarin"], ["warfarin"] * 21])
def test_drug_count_is_validated(resolver: Resolver, knowledge: Knowledge,
                                 drugs: list[str]) -> None:
    with pytest.raises(CheckError):
        check(drugs, resolver, knowledge)


def test_profile_medications_are_checked(resolver: Resolver, knowledge: Knowledge) -> None:
    report = check(["ibuprofen"], resolver, knowledge, Profile(medications=("warfarin",)))
    assert report.highest >= Severity.major
    assert {d.origin for d in report.drugs} == {"input", "profile"}


@pytest.mark.parametrize(("allergy", "drug", "low", "high"), [
    ("penicillin", "amoxicillin", Severity.contraindicated, Severity.contraindicated),
    ("Penicillin allergy", "flucloxacillin", Severity.contraindicated, Severity.contraindicated),
    ("allergic to amoxicillin", "piperacillin", Severity.contraindicated,
     Severity.contraindicated),
    ("penicillin", "cefalexin", Severity.moderate, Severity.major),
    ("penicillin", "meropenem", Severity.none, Severity.minor),
    ("sulfa", "sulfamethoxazole", Severity.major, Severity.contraindicated),
    ("sulfa", "furosemide", Severity.none, Severity.minor),
    ("aspirin", "ibuprofen", Severity.major, Severity.contraindicated),
    ("ibuprofen", "ibuprofen", Severity.contraindicated, Severity.contraindicated),
])
def test_allergy_cross_reactivity(resolver: Resolver, knowledge: Knowledge, allergy: str,
                                  drug: str, low: Severity, high: Severity) -> None:
    report = check([drug], resolver, knowledge, Profile(allergies=(allergy,)))
    got = max((f.severity for f in report.findings if f.kind == "drug-allergy"),
              default=Severity.none)
    assert low <= got <= high, report.findings


@pytest.mark.parametrize(("condition", "drug", "low"), [
    ("chronic kidney disease", "ibuprofen", Severity.major),
    ("CKD", "naproxen", Severity.major),
    ("peptic ulcer", "diclofenac", Severity.major),
    ("high blood pressure", "pseudoephedrine", Severity.moderate),
    ("asthma", "propranolol", Severity.major),
    ("pregnancy", "isotretinoin", Severity.contraindicated),
    ("heart failure", "ibuprofen", Severity.major),
])
def test_condition_cautions(resolver: Resolver, knowledge: Knowledge, condition: str, drug: str,
                            low: Severity) -> None:
    report = check([drug], resolver, knowledge, Profile(conditions=(condition,)))
    got = max((f.severity for f in report.findings if f.kind == "drug-condition"),
              default=Severity.none)
    assert got >= low, report.findings


def test_condition_does_not_flag_unrelated_drugs(resolver: Resolver,
                                                 knowledge: Knowledge) -> None:
    report = check(["paracetamol"], resolver, knowledge, Profile(conditions=("hypertension",)))
    assert report.findings == []


def test_unrecognised_profile_entries_are_reported(resolver: Resolver,
                                                   knowledge: Knowledge) -> None:
    report = check(["paracetamol"], resolver, knowledge,
                   Profile(allergies=("qqqq zzzz",), conditions=("blorf syndrome",)))
    assert report.unrecognised_allergies == ["qqqq zzzz"]
    assert report.unrecognised_conditions == ["blorf syndrome"]


def test_basal_and_mealtime_insulin_are_one_regimen(resolver: Resolver,
                                                    knowledge: Knowledge) -> None:
    # Both are tagged hypoglycaemic; `unless_both: [class:insulin]` keeps the rule quiet.
    report = check(["insulin glargine", "insulin aspart"], resolver, knowledge)
    assert report.highest <= Severity.minor, report.findings
    with_su = check(["insulin glargine", "gliclazide"], resolver, knowledge)
    assert with_su.highest == Severity.moderate  # the rule itself still works


@pytest.mark.parametrize(("a", "b", "rule"), [
    ("glipizide", "fluconazole", "cyp2c9-sulfonylurea"),
    ("isotretinoin", "doxycycline", "retinoid-tetracycline"),
    ("gliclazide", "amiodarone", "cyp2c9-sulfonylurea"),
    ("naltrexone", "tramadol", "opioid-antagonist-opioid"),
    ("naltrexone", "morphine", "opioid-antagonist-opioid"),
    ("methotrexate", "flucloxacillin", "methotrexate-penicillin"),
])
def test_mechanism_rules_generalise(resolver: Resolver, knowledge: Knowledge, a: str, b: str,
                                    rule: str) -> None:
    report = check([a, b], resolver, knowledge)
    assert rule in {f.rule for f in report.findings}, report.findings
