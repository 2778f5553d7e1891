"""MACO criteria, their minimum, sampling limits and worst-case ranking, checked by hand."""

from __future__ import annotations

import math

import pytest

from backend.pharma.maco import (
    F1_BY_SPECIES,
    Criterion,
    InvalidInputError,
    MacoError,
    MacoInputs,
    MissingInputError,
    PdeFactors,
    ProductProfile,
    adi_from_ld50,
    compute_maco,
    maco_10ppm,
    maco_dose_based,
    maco_health_based,
    pde_from_noael,
    rank_worst_case,
    sampling_limits,
)
from backend.pharma.units import Quantity, UnitError


def q(value: float, unit: str) -> Quantity:
    return Quantity(value, unit)


def mg(quantity: Quantity) -> float:
    return quantity.magnitude("mg")


# --- product.md worked check ---------------------------------------------------------------


def test_product_md_worked_check() -> None:
    # 10 ppm: 10 mg/kg × 0.1 kg = 1 mg.
    # Dose: 45 mg/day × 100 000 mg × 0.001 / 100 mg/day = 45 mg.
    # MACO = min(1 mg, 45 mg) = 1 mg, governed by 10 ppm.
    inputs = MacoInputs(mbs_next=q(0.1, "kg"), tdd_prev=q(45, "mg"), ldd_next=q(100, "mg"))
    result = compute_maco(inputs)
    by = {r.criterion: mg(r.maco) for r in result.results}
    assert by == pytest.approx({Criterion.PPM10: 1.0, Criterion.DOSE: 45.0})
    assert mg(result.maco) == pytest.approx(1.0)
    assert result.maco.unit == "mg"
    assert result.governing is Criterion.PPM10
    assert result.lowest.criterion is Criterion.PPM10


def test_worked_check_trace_prints_formulas_numbers_and_units() -> None:
    inputs = MacoInputs(mbs_next=q(0.1, "kg"), tdd_prev=q(45, "mg"), ldd_next=q(100, "mg"))
    lines = compute_maco(inputs).trace_lines()
    assert lines == [
        "Dose-based MACO: TDD_prev × MBS_next × SF / LDD_next = 45 mg/day × 100000 mg (0.1 kg)"
        " × 0.001 / 100 mg/day = 45 mg",
        "10 ppm MACO: limit × MBS_next = 10 mg/kg × 0.1 kg = 1 mg",
        "MACO: lowest of the criteria = min(45 mg [dose-based], 1 mg [10 ppm]) = 1 mg, "
        "governed by the 10 ppm criterion",
    ]
    step = compute_maco(inputs).trace[-2]
    assert step.formula == "limit × MBS_next"
    assert step.substitution == "10 mg/kg × 0.1 kg"
    assert step.result == q(1, "mg")


# --- single criteria --------------------------------------------------------------------------


def test_dose_based_by_hand() -> None:
    # 5 mg/day × 200 kg (2e8 mg) × 1/1000 / 400 mg/day = 1e6 / 400 = 2500 mg.
    result = maco_dose_based(q(5, "mg"), q(200, "kg"), q(400, "mg"))
    assert result.criterion is Criterion.DOSE
    assert mg(result.maco) == pytest.approx(2500)


def test_dose_based_is_unit_independent() -> None:
    # Same as above in g and µg: 0.005 g, 200 000 g, 400 000 µg → still 2500 mg.
    result = maco_dose_based(q(0.005, "g"), q(200_000, "g"), q(400_000, "µg"))
    assert mg(result.maco) == pytest.approx(2500)


def test_dose_based_safety_factor_is_configurable() -> None:
    # Topical SF 1/100: 5 × 2e8 × 0.01 / 400 = 25 000 mg.
    result = maco_dose_based(q(5, "mg"), q(200, "kg"), q(400, "mg"), safety_factor=1 / 100)
    assert mg(result.maco) == pytest.approx(25_000)
    inputs = MacoInputs(mbs_next=q(200, "kg"), tdd_prev=q(5, "mg"), ldd_next=q(400, "mg"),
                        safety_factor=1 / 100)
    assert mg(compute_maco(inputs, [Criterion.DOSE]).maco) == pytest.approx(25_000)


def test_dose_based_scales_the_right_way() -> None:
    # Doubling the previous dose doubles MACO; doubling the next dose halves it.
    base = mg(maco_dose_based(q(5, "mg"), q(200, "kg"), q(400, "mg")).maco)
    assert mg(maco_dose_based(q(10, "mg"), q(200, "kg"), q(400, "mg")).maco) == pytest.approx(
        2 * base)
    assert mg(maco_dose_based(q(5, "mg"), q(200, "kg"), q(800, "mg")).maco) == pytest.approx(
        base / 2)


def test_10ppm_by_hand() -> None:
    # 10 mg/kg × 250 kg = 2500 mg; 10 mg/kg × 0.5 kg (500 g) = 5 mg.
    assert mg(maco_10ppm(q(250, "kg")).maco) == pytest.approx(2500)
    assert mg(maco_10ppm(q(500, "g")).maco) == pytest.approx(5)


def test_10ppm_limit_is_configurable() -> None:
    # 5 ppm × 250 kg = 1250 mg.
    result = maco_10ppm(q(250, "kg"), limit=q(5, "ppm"))
    assert mg(result.maco) == pytest.approx(1250)
    assert result.steps[0].label == "5 ppm MACO"


def test_pde_from_noael_by_hand() -> None:
    # Rat (F1 5), F2 10, short study F3 5: 10 mg/kg/day × 50 kg / (5 × 10 × 5 × 1 × 1)
    # = 500 / 250 = 2 mg/day.
    pde, step = pde_from_noael(q(10, "mg/kg/day"), PdeFactors(f1=5, f3=5))
    assert mg(pde) == pytest.approx(2)
    assert step.substitution == "10 mg/kg/day × 50 kg / (5 × 10 × 5 × 1 × 1)"
    assert step.result_text == "2 mg/day"


def test_pde_body_weight_is_configurable() -> None:
    # 1 mg/kg/day × 70 kg / (2 × 10) = 3.5 mg/day.
    pde, _ = pde_from_noael(q(1, "mg/kg"), PdeFactors(f1=2), body_weight=q(70, "kg"))
    assert mg(pde) == pytest.approx(3.5)


def test_pde_uses_every_factor() -> None:
    # 1000 mg/kg/day × 50 kg / (2 × 10 × 2 × 5 × 10) = 50 000 / 2000 = 25 mg/day.
    pde, _ = pde_from_noael(q(1000, "mg/kg"), PdeFactors(f1=2, f3=2, f4=5, f5=10))
    assert mg(pde) == pytest.approx(25)


def test_health_based_by_hand() -> None:
    # 0.05 mg/day × 50 kg (5e7 mg) / 250 mg/day = 2.5e6 / 250 = 10 000 mg.
    result = maco_health_based(q(0.05, "mg"), q(50, "kg"), q(250, "mg"))
    assert result.criterion is Criterion.HEALTH
    assert mg(result.maco) == pytest.approx(10_000)


def test_ld50_fallback_by_hand() -> None:
    # APIC worked case (SLS): NOEL = 1288 mg/kg × 70 kg × 0.0005 = 45.08 mg/day;
    # parenteral SF 10 000: ADI = 0.004508 mg/day; MACO = 0.004508 × 100 000 mg / 20 = 22.54 mg.
    adi, (noel_step, adi_step) = adi_from_ld50(q(1288, "mg/kg"), safety_factor=10_000)
    assert mg(noel_step.result) == pytest.approx(45.08)
    assert str(adi_step) == "ADI: NOEL / SF = 45.08 mg/day / 10000 = 0.004508 mg/day"
    assert mg(adi) == pytest.approx(0.004508)
    assert "0.0005" in noel_step.formula
    inputs = MacoInputs(mbs_next=q(100, "g"), ldd_next=q(20, "mg"), ld50_prev=q(1288, "mg/kg"),
                        ld50_safety_factor=10_000)
    result = compute_maco(inputs, [Criterion.HEALTH])
    assert mg(result.maco) == pytest.approx(22.54)
    assert "LD50" in result.lowest.basis


def test_ld50_defaults_are_70_kg_and_sf_1000() -> None:
    # 1000 mg/kg × 70 kg × 0.0005 / 1000 = 0.035 mg/day.
    adi, _ = adi_from_ld50(q(1000, "mg/kg"))
    assert mg(adi) == pytest.approx(0.035)


# --- compute_maco -----------------------------------------------------------------------------


def test_every_criterion_and_health_based_governs() -> None:
    # MBS 1000 kg (1e9 mg), LDD 100 mg, TDD 45 mg, NOAEL 0.01 mg/kg/day, mouse (F1 12), F4 10.
    # PDE = 0.01 × 50 / (12 × 10 × 1 × 10 × 1) = 0.5 / 1200 = 0.000416667 mg/day;
    # health = 0.000416667 × 1e9 / 100 = 4166.67 mg;
    # dose = 45 × 1e9 × 0.001 / 100 = 450 000 mg; 10 ppm = 10 mg/kg × 1000 kg = 10 000 mg.
    inputs = MacoInputs(mbs_next=q(1000, "kg"), tdd_prev=q(45, "mg"), ldd_next=q(100, "mg"),
                        noael_prev=q(0.01, "mg/kg/day"),
                        pde_factors=PdeFactors.for_species("mouse", f4=10))
    result = compute_maco(inputs)
    by = {r.criterion: mg(r.maco) for r in result.results}
    assert by == pytest.approx({Criterion.HEALTH: 4166.666667, Criterion.DOSE: 450_000,
                                Criterion.PPM10: 10_000})
    assert result.governing is Criterion.HEALTH
    assert mg(result.maco) == pytest.approx(4166.666667)
    assert [s.label for s in result.trace] == ["PDE", "Health-based MACO", "Dose-based MACO",
                                              "10 ppm MACO", "MACO"]
    assert "governed by the health-based criterion" in result.trace_lines()[-1]


def test_dose_based_governs() -> None:
    # Dose: 1 mg × 1e9 mg × 0.001 / 1000 mg = 1000 mg; 10 ppm: 10 × 1000 kg = 10 000 mg.
    inputs = MacoInputs(mbs_next=q(1000, "kg"), tdd_prev=q(1, "mg"), ldd_next=q(1000, "mg"))
    result = compute_maco(inputs)
    assert result.governing is Criterion.DOSE
    assert mg(result.maco) == pytest.approx(1000)


def test_ties_prefer_health_then_dose() -> None:
    # Health: 0.001 mg/day × 1e5 mg / 100 mg = 1 mg; dose: 1 × 1e5 × 0.001 / 100 = 1 mg;
    # 10 ppm: 10 × 0.1 = 1 mg. All equal: the health-based criterion is named.
    inputs = MacoInputs(mbs_next=q(0.1, "kg"), tdd_prev=q(1, "mg"), ldd_next=q(100, "mg"),
                        pde_prev=q(0.001, "mg"))
    result = compute_maco(inputs)
    assert [mg(r.maco) for r in result.results] == pytest.approx([1, 1, 1])
    assert result.governing is Criterion.HEALTH


def test_given_pde_takes_precedence_over_noael_and_ld50() -> None:
    # Given PDE 1 mg/day: 1 × 1e5 / 100 = 1000 mg (the NOAEL route would give 10 000 mg).
    inputs = MacoInputs(mbs_next=q(0.1, "kg"), ldd_next=q(100, "mg"), pde_prev=q(1, "mg"),
                        noael_prev=q(10, "mg/kg"), pde_factors=PdeFactors(f1=5),
                        ld50_prev=q(100, "mg/kg"))
    health = compute_maco(inputs, [Criterion.HEALTH]).lowest
    assert mg(health.maco) == pytest.approx(1000)
    assert health.basis == "PDE given"


def test_noael_takes_precedence_over_ld50() -> None:
    # NOAEL: 10 × 50 / (5 × 10) = 10 mg/day → 10 × 1e5 / 100 = 10 000 mg.
    inputs = MacoInputs(mbs_next=q(0.1, "kg"), ldd_next=q(100, "mg"),
                        noael_prev=q(10, "mg/kg"), pde_factors=PdeFactors(f1=5),
                        ld50_prev=q(100, "mg/kg"))
    health = compute_maco(inputs, ["health-based"]).lowest
    assert mg(health.maco) == pytest.approx(10_000)
    assert "NOAEL" in health.basis


def test_requested_criteria_limit_the_calculation() -> None:
    inputs = MacoInputs(mbs_next=q(0.1, "kg"), tdd_prev=q(45, "mg"), ldd_next=q(100, "mg"))
    result = compute_maco(inputs, [Criterion.DOSE])
    assert [r.criterion for r in result.results] == [Criterion.DOSE]
    assert mg(result.maco) == pytest.approx(45)


def test_only_batch_size_gives_the_10ppm_criterion() -> None:
    result = compute_maco(MacoInputs(mbs_next=q(2, "kg")))
    assert [r.criterion for r in result.results] == [Criterion.PPM10]
    assert mg(result.maco) == pytest.approx(20)  # 10 mg/kg × 2 kg


# --- compute_maco errors ----------------------------------------------------------------------


def test_dose_criterion_requested_without_ldd_next() -> None:
    inputs = MacoInputs(mbs_next=q(0.1, "kg"), tdd_prev=q(45, "mg"))
    with pytest.raises(MissingInputError, match="dose-based criterion needs: ldd_next") as info:
        compute_maco(inputs, [Criterion.DOSE])
    assert info.value.missing == ("ldd_next",)
    assert "largest daily dose of the next product" in str(info.value)


def test_partial_dose_inputs_are_an_error_not_silently_skipped() -> None:
    with pytest.raises(MissingInputError) as info:
        compute_maco(MacoInputs(mbs_next=q(0.1, "kg"), tdd_prev=q(45, "mg")))
    assert info.value.missing == ("ldd_next",)


def test_missing_inputs_of_several_criteria_are_listed_together() -> None:
    inputs = MacoInputs(tdd_prev=q(45, "mg"), noael_prev=q(1, "mg/kg"))
    with pytest.raises(MissingInputError) as info:
        compute_maco(inputs)
    assert info.value.missing == ("mbs_next", "ldd_next", "pde_factors")
    assert "health-based criterion needs" in str(info.value)
    assert "dose-based criterion needs" in str(info.value)


def test_noael_without_factors_is_missing_pde_factors() -> None:
    inputs = MacoInputs(mbs_next=q(1, "kg"), ldd_next=q(1, "mg"), noael_prev=q(1, "mg/kg"))
    with pytest.raises(MissingInputError, match="pde_factors") as info:
        compute_maco(inputs)
    assert info.value.missing == ("pde_factors",)


def test_health_requested_without_toxicology() -> None:
    inputs = MacoInputs(mbs_next=q(1, "kg"), ldd_next=q(1, "mg"))
    with pytest.raises(MissingInputError, match="pde_prev or noael_prev or ld50_prev"):
        compute_maco(inputs, [Criterion.HEALTH])


def test_no_inputs_at_all() -> None:
    with pytest.raises(MissingInputError, match="mbs_next") as info:
        compute_maco(MacoInputs())
    assert info.value.missing == ("mbs_next",)


def test_10ppm_requested_without_batch_size() -> None:
    with pytest.raises(MissingInputError, match="10 ppm criterion needs: mbs_next"):
        compute_maco(MacoInputs(tdd_prev=q(1, "mg"), ldd_next=q(1, "mg")), [Criterion.PPM10])


@pytest.mark.parametrize("criteria", [["nonsense"], []])
def test_unknown_or_empty_criteria(criteria: list[str]) -> None:
    with pytest.raises(InvalidInputError):
        compute_maco(MacoInputs(mbs_next=q(1, "kg")), criteria)


@pytest.mark.parametrize("name", ["mbs_next", "tdd_prev", "ldd_next", "pde_prev", "noael_prev",
                                  "ld50_prev", "body_weight", "ppm_limit"])
def test_zero_inputs_are_rejected(name: str) -> None:
    unit = "mg/kg" if name in ("noael_prev", "ld50_prev", "ppm_limit") else "mg"
    with pytest.raises(InvalidInputError, match=f"{name} .*greater than zero"):
        MacoInputs(**{name: q(0, unit)})  # type: ignore[arg-type]


def test_negative_doses_cannot_even_be_built() -> None:
    with pytest.raises(UnitError, match="negative"):
        MacoInputs(tdd_prev=q(-45, "mg"))


def test_zero_dose_rejected_by_the_single_criterion_functions() -> None:
    with pytest.raises(InvalidInputError, match="ldd_next"):
        maco_dose_based(q(5, "mg"), q(1, "kg"), q(0, "mg"))
    with pytest.raises(InvalidInputError, match="ldd_next"):
        maco_health_based(q(5, "mg"), q(1, "kg"), q(0, "mg"))
    with pytest.raises(InvalidInputError, match="mbs_next"):
        maco_10ppm(q(0, "kg"))


@pytest.mark.parametrize(
    ("name", "value"),
    [("mbs_next", q(1, "cm²")), ("tdd_prev", q(1, "mg/kg")), ("noael_prev", q(1, "mg")),
     ("ld50_prev", q(1, "µg/mL")), ("body_weight", q(50, "L"))],
)
def test_wrong_dimension_names_the_field(name: str, value: Quantity) -> None:
    with pytest.raises(InvalidInputError, match=f"{name} .*must be a quantity of "):
        MacoInputs(**{name: value})  # type: ignore[arg-type]


def test_bare_numbers_are_rejected() -> None:
    with pytest.raises(InvalidInputError, match=r"tdd_prev .*must be a Quantity"):
        MacoInputs(tdd_prev=45)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="pde_factors must be PdeFactors"):
        MacoInputs(pde_factors=(5, 10, 1, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "value"), [("safety_factor", 0), ("safety_factor", 2),
                                             ("safety_factor", math.nan),
                                             ("ld50_safety_factor", 5),
                                             ("ld50_safety_factor", 100_000)])
def test_safety_factors_out_of_range(name: str, value: float) -> None:
    with pytest.raises(InvalidInputError, match=name):
        MacoInputs(**{name: value})  # type: ignore[arg-type]


def test_errors_share_one_base_class() -> None:
    assert issubclass(MissingInputError, MacoError)
    assert issubclass(InvalidInputError, MacoError)
    assert issubclass(MacoError, ValueError)


# --- PDE factors ------------------------------------------------------------------------------


def test_pde_factor_defaults_and_product() -> None:
    factors = PdeFactors(f1=5)
    assert (factors.f2, factors.f3, factors.f4, factors.f5) == (10, 1, 1, 1)
    assert factors.product == 50  # 5 × 10 × 1 × 1 × 1


def test_f1_by_species_from_ich_q3c() -> None:
    assert F1_BY_SPECIES == {"dog": 2, "rabbit": 2.5, "monkey": 3, "rat": 5, "other": 10,
                             "mouse": 12}
    assert PdeFactors.for_species("Rat").f1 == 5
    assert PdeFactors.for_species("mouse", f3=10).product == 12 * 10 * 10
    with pytest.raises(InvalidInputError, match="no F1 for species 'hamster'"):
        PdeFactors.for_species("hamster")


@pytest.mark.parametrize("f1", [2, 12])
def test_f1_range_bounds_are_inclusive(f1: float) -> None:
    assert PdeFactors(f1=f1).f1 == f1


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [({"f1": 1.9}, "F1"), ({"f1": 13}, "F1"), ({"f1": 5, "f2": 0.5}, "F2"),
     ({"f1": 5, "f2": 11}, "F2"), ({"f1": 5, "f3": 0.5}, "F3"), ({"f1": 5, "f3": 11}, "F3"),
     ({"f1": 5, "f4": 0}, "F4"), ({"f1": 5, "f4": 10.5}, "F4"), ({"f1": 5, "f5": 20}, "F5"),
     ({"f1": math.nan}, "F1"), ({"f1": True}, "F1"), ({"f1": "5"}, "F1")],
)
def test_pde_factors_out_of_range(kwargs: dict[str, float], name: str) -> None:
    with pytest.raises(InvalidInputError, match=f"PDE factor {name}"):
        PdeFactors(**kwargs)


def test_pde_factor_message_gives_range_and_reason() -> None:
    with pytest.raises(InvalidInputError, match=r"F1 must be between 2 and 12 \(extrapolation"):
        PdeFactors(f1=20)


# --- swab and rinse limits --------------------------------------------------------------------


def test_swab_and_rinse_limits_by_hand() -> None:
    # Surface: 10 mg = 10 000 µg / 10 000 cm² = 1 µg/cm².
    # Swab: 10 000 µg × 25 cm² / 10 000 cm² = 25 µg per swab.
    # Rinse: 10 000 µg × (5000 / 10 000) / 500 mL = 10 µg/mL.
    limits = sampling_limits(q(10, "mg"), q(10_000, "cm²"), swab_area=q(25, "cm²"),
                             rinse_volume=q(500, "mL"), rinsed_area=q(5000, "cm²"))
    assert limits.calculated_surface_limit.magnitude("µg/cm²") == pytest.approx(1)
    assert limits.surface_limit == limits.calculated_surface_limit
    assert limits.swab_limit is not None and limits.rinse_limit is not None
    assert limits.swab_limit.magnitude("µg") == pytest.approx(25)
    assert limits.rinse_limit.magnitude("µg/mL") == pytest.approx(10)
    assert limits.visual_cap_applied is False
    assert limits.visual_limit is None and limits.note == ""
    assert [str(s) for s in limits.steps] == [
        "Surface limit: MACO / A_total = 10000 µg / 10000 cm² = 1 µg/cm²",
        "Swab limit: MACO × A_swab / A_total = 10000 µg × 25 cm² / 10000 cm² = 25 µg per swab",
        "Rinse limit: MACO × (A_rinsed / A_total) / V_rinse = 10000 µg × (5000 cm² / 10000 cm²)"
        " / 500 mL = 10 µg/mL",
    ]


def test_sampling_limits_accept_other_units() -> None:
    # Same train in m² and L: 1 m² total, 0.5 m² rinsed, 0.5 L rinse → same limits as above.
    limits = sampling_limits(q(0.01, "g"), q(1, "m2"), swab_area=q(2500, "mm2"),
                             rinse_volume=q(0.5, "L"), rinsed_area=q(0.5, "m2"))
    assert limits.swab_limit is not None and limits.rinse_limit is not None
    assert limits.swab_limit.magnitude("µg") == pytest.approx(25)
    assert limits.rinse_limit.magnitude("mg/L") == pytest.approx(10)


def test_rinse_defaults_to_the_whole_train() -> None:
    # 10 000 µg × (10 000 / 10 000) / 1000 mL = 10 µg/mL.
    limits = sampling_limits(q(10, "mg"), q(10_000, "cm²"), rinse_volume=q(1, "L"))
    assert limits.rinse_limit is not None
    assert limits.rinse_limit.magnitude("µg/mL") == pytest.approx(10)
    assert limits.swab_limit is None


def test_visual_cap_applies_when_the_calculated_limit_is_higher() -> None:
    # Surface: 1 g = 1e6 µg / 10 000 cm² = 100 µg/cm² > 4 µg/cm², so cap at 4.
    # Swab: 4 µg/cm² × 25 cm² = 100 µg; rinse: 4 × 5000 cm² / 500 mL = 40 µg/mL.
    limits = sampling_limits(q(1, "g"), q(10_000, "cm²"), swab_area=q(25, "cm²"),
                             rinse_volume=q(500, "mL"), rinsed_area=q(5000, "cm²"),
                             visual_limit=q(4, "ug/cm2"))
    assert limits.calculated_surface_limit.magnitude("µg/cm²") == pytest.approx(100)
    assert limits.surface_limit == q(4, "µg/cm²")
    assert limits.visual_cap_applied is True
    assert limits.visual_limit == q(4, "µg/cm²")
    assert str(limits.steps[2]) == (
        "Swab limit: capped surface limit × A_swab = 4 µg/cm² × 25 cm² = 100 µg per swab")
    assert limits.swab_limit is not None and limits.rinse_limit is not None
    assert limits.swab_limit.magnitude("µg") == pytest.approx(100)
    assert limits.rinse_limit.magnitude("µg/mL") == pytest.approx(40)
    assert "visible-residue limit is the stricter" in limits.note
    assert "min(100 µg/cm², 4 µg/cm²) = 4 µg/cm²" in str(limits.steps[1])


def test_visual_cap_reported_but_not_applied_when_calculated_is_lower() -> None:
    limits = sampling_limits(q(10, "mg"), q(10_000, "cm²"), swab_area=q(25, "cm²"),
                             visual_limit=q(4, "µg/cm²"))
    assert limits.visual_cap_applied is False
    assert limits.surface_limit.magnitude("µg/cm²") == pytest.approx(1)
    assert limits.swab_limit is not None
    assert limits.swab_limit.magnitude("µg") == pytest.approx(25)
    assert "visual inspection alone cannot show compliance" in limits.note


def test_sampling_chains_from_compute_maco() -> None:
    # Worked check MACO 1 mg over 2 m² (20 000 cm²), 100 cm² swab: 1000 µg × 100 / 20 000 = 5 µg.
    maco = compute_maco(MacoInputs(mbs_next=q(0.1, "kg"))).maco
    limits = sampling_limits(maco, q(2, "m²"), swab_area=q(100, "cm²"))
    assert limits.swab_limit is not None
    assert limits.swab_limit.magnitude("µg") == pytest.approx(5)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"swab_area": q(2, "m2")}, InvalidInputError, "swab_area .* larger than total_area"),
        ({"rinsed_area": q(2, "m2"), "rinse_volume": q(1, "L")}, InvalidInputError,
         "rinsed_area .* larger"),
        ({"rinsed_area": q(1, "m2")}, MissingInputError, "rinse limit needs: rinse_volume"),
        ({"rinse_volume": q(0, "mL")}, InvalidInputError, "rinse_volume .*greater than zero"),
        ({"swab_area": q(0, "cm2")}, InvalidInputError, "swab_area .*greater than zero"),
        ({"swab_area": q(25, "mL")}, InvalidInputError, "swab_area .*must be a quantity of area"),
        ({"visual_limit": q(4, "µg/mL")}, InvalidInputError, "visual_limit"),
    ],
)
def test_sampling_errors(kwargs: dict[str, Quantity], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        sampling_limits(q(10, "mg"), q(1, "m2"), **kwargs)


def test_sampling_rejects_bad_maco_and_total_area() -> None:
    with pytest.raises(InvalidInputError, match=r"total_area .*greater than zero"):
        sampling_limits(q(10, "mg"), q(0, "cm2"))
    with pytest.raises(InvalidInputError, match=r"maco .*must be a quantity of mass"):
        sampling_limits(q(10, "mg/kg"), q(1, "m2"))


# --- worst-case product selection -------------------------------------------------------------


def _matrix() -> list[ProductProfile]:
    return [
        # hazard 5 (PDE 0.005 < 0.01), freely soluble 1, cleanability 2: RPN 10
        ProductProfile("Alpha", q(500, "mg/mL"), cleanability=2, pde=q(0.005, "mg")),
        # hazard 4 (dose 5 mg < 10, no PDE), practically insoluble 5, cleanability 5: RPN 100
        ProductProfile("Beta", q(0.05, "mg/mL"), cleanability=5, min_therapeutic_dose=q(5, "mg")),
        # hazard 3 (PDE 0.5 < 1), slightly soluble 4, cleanability 4: RPN 48
        ProductProfile("Gamma", q(5, "mg/mL"), cleanability=4, pde=q(0.5, "mg")),
        # hazard 2 (PDE 5 < 10), sparingly soluble 3, cleanability 4: RPN 24
        ProductProfile("Delta", q(20, "mg/mL"), cleanability=4, pde=q(5, "mg"),
                       min_therapeutic_dose=q(0.1, "mg")),
    ]


def test_worst_case_ranking_order_and_scores() -> None:
    ranking = rank_worst_case(_matrix())
    assert [(r.rank, r.name, r.rpn) for r in ranking] == [
        (1, "Beta", 100), (2, "Gamma", 48), (3, "Delta", 24), (4, "Alpha", 10)]
    assert [(r.hazard, r.solubility, r.cleanability) for r in ranking] == [
        (4, 5, 5), (3, 4, 4), (2, 3, 4), (5, 1, 2)]


def test_worst_case_reasons() -> None:
    beta, _, delta, alpha = rank_worst_case(_matrix())
    assert beta.reasons == (
        "hazard 4/5: no PDE, potency proxy min. therapeutic dose 5 mg/day",
        "solubility 5/5: 0.05 mg/mL is practically insoluble (USP)",
        "cleanability 5/5 (5 = hardest to clean)",
        "RPN = 4 × 5 × 5 = 100",
    )
    assert alpha.reasons[0] == "hazard 5/5: PDE 0.005 mg/day"
    assert "freely soluble" in alpha.reasons[1]
    # Delta has both: the PDE is used (EMA 2014 prefers it), not the 0.1 mg dose (hazard 5).
    assert delta.hazard == 2 and delta.reasons[0] == "hazard 2/5: PDE 5 mg/day"


def test_worst_case_ties_go_to_higher_hazard_then_harder_to_clean_then_less_soluble() -> None:
    products = [
        # RPN 12 each (hazard × solubility × cleanability): 3 × 2 × 2, 4 × 3 × 1, 4 × 1 × 3,
        # 4 × 1 × 3. Hazard outranks cleanability (LowHazard is harder to clean than HighHazard
        # but ranks below it); the last two tie on everything but solubility (200 < 500 mg/mL).
        ProductProfile("LowHazard", q(50, "mg/mL"), cleanability=2, pde=q(0.5, "mg")),
        ProductProfile("HighHazard", q(20, "mg/mL"), cleanability=1, pde=q(0.05, "mg")),
        ProductProfile("HardToClean", q(500, "mg/mL"), cleanability=3, pde=q(0.05, "mg")),
        ProductProfile("HardLessSoluble", q(200, "mg/mL"), cleanability=3, pde=q(0.05, "mg")),
    ]
    ranking = rank_worst_case(products)
    assert {r.rpn for r in ranking} == {12}
    assert [r.name for r in ranking] == ["HardLessSoluble", "HardToClean", "HighHazard",
                                         "LowHazard"]


@pytest.mark.parametrize(
    ("mg_per_ml", "score", "term"),
    [(1000, 1, "very soluble"), (100, 1, "freely soluble"), (50, 2, "soluble"),
     (20, 3, "sparingly soluble"), (5, 4, "slightly soluble"), (0.5, 5, "very slightly soluble"),
     (0.01, 5, "practically insoluble"), (0, 5, "practically insoluble")],
)
def test_usp_solubility_classes(mg_per_ml: float, score: int, term: str) -> None:
    (ranked,) = rank_worst_case([ProductProfile("P", q(mg_per_ml, "mg/mL"), 1, pde=q(1, "mg"))])
    assert ranked.solubility == score
    assert f"is {term} (USP)" in ranked.reasons[1]


@pytest.mark.parametrize(
    ("pde_mg", "score"), [(0.005, 5), (0.05, 4), (0.5, 3), (5, 2), (50, 1), (0.01, 4)],
)
def test_hazard_bands_from_pde(pde_mg: float, score: int) -> None:
    (ranked,) = rank_worst_case([ProductProfile("P", q(1, "mg/mL"), 1, pde=q(pde_mg, "mg"))])
    assert ranked.hazard == score


@pytest.mark.parametrize(
    ("dose_mg", "score"), [(0.5, 5), (5, 4), (50, 3), (500, 2), (5000, 1)],
)
def test_hazard_bands_from_dose(dose_mg: float, score: int) -> None:
    product = ProductProfile("P", q(1, "mg/mL"), 1, min_therapeutic_dose=q(dose_mg, "mg"))
    assert rank_worst_case([product])[0].hazard == score


def test_worst_case_errors() -> None:
    with pytest.raises(MissingInputError, match="products"):
        rank_worst_case([])
    duplicate = ProductProfile("Same", q(1, "mg/mL"), 1, pde=q(1, "mg"))
    with pytest.raises(InvalidInputError, match="unique"):
        rank_worst_case([duplicate, duplicate])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"cleanability": 0}, InvalidInputError, "cleanability of P must be an integer 1–5"),
        ({"cleanability": 6}, InvalidInputError, "cleanability"),
        ({"cleanability": 2.5}, InvalidInputError, "cleanability"),
        ({"cleanability": True}, InvalidInputError, "cleanability"),
        ({"pde": None}, MissingInputError, "ranking P needs: pde or min_therapeutic_dose"),
        ({"pde": q(0, "mg")}, InvalidInputError, "pde .*greater than zero"),
        ({"pde": q(1, "mg/kg")}, InvalidInputError, "pde .*must be a quantity of mass"),
        ({"solubility": q(1, "mg")}, InvalidInputError, "solubility .*mass concentration"),
        ({"name": " "}, InvalidInputError, "non-empty"),
    ],
)
def test_product_profile_validation(kwargs: dict[str, object], error: type[Exception],
                                    match: str) -> None:
    fields: dict[str, object] = {"name": "P", "solubility": q(1, "mg/mL"), "cleanability": 3,
                                 "pde": q(1, "mg")}
    with pytest.raises(error, match=match):
        ProductProfile(**(fields | kwargs))  # type: ignore[arg-type]
