"""Quantities: spellings, conversions both ways, and every UnitError path."""

from __future__ import annotations

import math

import pytest

from backend.pharma.units import (
    AREA,
    MASS,
    MASS_CONCENTRATION,
    MASS_FRACTION,
    SURFACE_DENSITY,
    VOLUME,
    Quantity,
    UnitError,
    canonical_unit,
    dimension_of,
    format_number,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("µg", "µg"), ("\u03bcg", "µg"), ("ug", "µg"), ("mcg", "µg"), (" mcg ", "µg"),
        ("mg", "mg"), ("g", "g"), ("kg", "kg"), ("Kg", "kg"), ("mg/day", "mg"),
        ("cm²", "cm²"), ("cm2", "cm²"), ("cm^2", "cm²"), ("m²", "m²"), ("m2", "m²"),
        ("mL", "mL"), ("ml", "mL"), ("L", "L"), ("l", "L"),
        ("mg/kg", "mg/kg"), ("ppm", "mg/kg"), ("mg/kg/day", "mg/kg"), ("mg/kg bw/day", "mg/kg"),
        ("µg/cm²", "µg/cm²"), ("ug/cm2", "µg/cm²"), ("mcg/cm2", "µg/cm²"),
        ("µg/mL", "µg/mL"), ("ug/ml", "µg/mL"), ("mcg/mL", "µg/mL"), ("mg/L", "mg/L"),
        ("mg/l", "mg/L"),
    ],
)
def test_common_spellings_map_to_one_canonical_unit(spelling: str, canonical: str) -> None:
    assert canonical_unit(spelling) == canonical
    assert Quantity(1, spelling).unit == canonical


def test_quantities_in_different_spellings_are_equal() -> None:
    assert Quantity(5, "mcg") == Quantity(5, "µg") == Quantity(5.0, "ug")


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [("mg", MASS), ("m2", AREA), ("L", VOLUME), ("ppm", MASS_FRACTION),
     ("ug/cm2", SURFACE_DENSITY), ("mg/L", MASS_CONCENTRATION)],
)
def test_dimension_of(unit: str, dimension: str) -> None:
    assert dimension_of(unit) == dimension
    assert Quantity(1, unit).dimension == dimension


@pytest.mark.parametrize(
    ("value", "unit", "target", "expected"),
    [
        (1, "kg", "mg", 1_000_000),  # 1 kg = 1000 g = 1 000 000 mg
        (1500, "µg", "mg", 1.5),  # 1500 µg / 1000
        (2.5, "g", "mg", 2500),
        (0.1, "kg", "g", 100),
        (1, "m²", "cm²", 10_000),  # (100 cm)²
        (250, "mm2", "cm2", 2.5),  # 1 cm² = 100 mm²
        (1, "L", "mL", 1000),
        (10, "ppm", "mg/kg", 10),  # same unit, two names
        (10, "mg/kg", "g/kg", 0.01),
        (4, "µg/cm²", "mg/m²", 40),  # 4 µg/cm² = 0.004 mg × 10 000 cm²/m²
        (5, "mg/L", "µg/mL", 5),  # 5 mg / 1000 mL = 5 µg/mL
        (1, "mg/mL", "µg/mL", 1000),
    ],
)
def test_conversions_both_ways(value: float, unit: str, target: str, expected: float) -> None:
    there = Quantity(value, unit).to(target)
    assert there.value == pytest.approx(expected, rel=1e-12)
    assert there.unit == canonical_unit(target)
    back = there.to(unit)
    assert back.value == pytest.approx(value, rel=1e-12)
    assert back.unit == canonical_unit(unit)


def test_magnitude_returns_the_bare_number() -> None:
    assert Quantity(0.1, "kg").magnitude("mg") == pytest.approx(100_000)


@pytest.mark.parametrize(
    ("source", "target"),
    [("mg", "cm²"), ("cm2", "mL"), ("ppm", "µg/mL"), ("µg/cm²", "µg/mL"), ("kg", "mg/kg")],
)
def test_conversion_across_dimensions_is_a_unit_error(source: str, target: str) -> None:
    with pytest.raises(UnitError, match="cannot convert") as info:
        Quantity(1, source).to(target)
    assert canonical_unit(source) in str(info.value)
    assert canonical_unit(target) in str(info.value)


@pytest.mark.parametrize("unit", ["furlong", "Mg", "ML", "mg/furlong", ""])
def test_unknown_units_are_rejected(unit: str) -> None:
    # "Mg" and "ML" are rejected, not lower-cased: megagram/megalitre would be 1e9 away from mg.
    with pytest.raises(UnitError):
        Quantity(1, unit)
    with pytest.raises(UnitError):
        Quantity(1, "mg").to(unit)


def test_unknown_unit_message_lists_known_units() -> None:
    with pytest.raises(UnitError, match=r"unknown unit 'furlong'.*µg/cm²"):
        canonical_unit("furlong")


def test_non_string_unit_is_rejected() -> None:
    with pytest.raises(UnitError, match="non-empty string"):
        Quantity(1, 5)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [-1, -1e-9, math.nan, math.inf, -math.inf])
def test_negative_and_non_finite_values_are_rejected(value: float) -> None:
    with pytest.raises(UnitError):
        Quantity(value, "mg")


@pytest.mark.parametrize("value", [True, "5", None])
def test_non_numbers_are_rejected(value: object) -> None:
    with pytest.raises(UnitError, match="must be a number"):
        Quantity(value, "mg")  # type: ignore[arg-type]


def test_zero_is_a_valid_quantity() -> None:
    assert Quantity(0, "mg").to("µg").value == 0


def test_quantity_is_frozen() -> None:
    q = Quantity(1, "mg")
    with pytest.raises(AttributeError):
        q.value = 2  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (1, "1"), (45.08, "45.08"), (0.0001, "0.0001"), (1_000_000, "1000000"),
     (100_000, "100000"), (1 / 3, "0.333333"), (2.5e-5, "0.000025")],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


def test_str_shows_value_and_canonical_unit() -> None:
    assert str(Quantity(4, "ug/cm2")) == "4 µg/cm²"
    assert str(Quantity(0.1, "kg")) == "0.1 kg"
    assert str(Quantity(5, "%")) == "5%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0.1 kg", Quantity(0.1, "kg")), ("4ug/cm2", Quantity(4, "µg/cm²")),
     ("1e-3 mg", Quantity(0.001, "mg")), (" 25 cm² ", Quantity(25, "cm²"))],
)
def test_parse_quantity(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["kg", "-1 mg", "1.2.3 mg", "", "5 furlong"])
def test_parse_quantity_errors(text: str) -> None:
    with pytest.raises(UnitError):
        parse_quantity(text)
