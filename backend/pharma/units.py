"""Quantities that carry their unit, with conversions inside one dimension and named errors.

Each unit belongs to one dimension and has a factor to that dimension's base unit:
mass → mg, area → cm², volume → mL, mass fraction → kg/kg (so 1 mg/kg = 1 ppm = 1e-6),
surface density → µg/cm², mass concentration → µg/mL (= mg/L).
Daily doses are carried as masses ("mg/day" is accepted and means mg) and NOAELs as mass
fractions ("mg/kg/day" means mg/kg): the "per day" cancels in every MACO formula.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

MASS = "mass"
AREA = "area"
VOLUME = "volume"
MASS_FRACTION = "mass fraction"
SURFACE_DENSITY = "surface density"
MASS_CONCENTRATION = "mass concentration"

# canonical symbol -> (dimension, factor to the dimension's base unit)
_UNITS: dict[str, tuple[str, float]] = {
    "ng": (MASS, 1e-6),
    "µg": (MASS, 1e-3),
    "mg": (MASS, 1.0),
    "g": (MASS, 1e3),
    "kg": (MASS, 1e6),
    "mm²": (AREA, 1e-2),
    "cm²": (AREA, 1.0),
    "m²": (AREA, 1e4),
    "in²": (AREA, 6.4516),
    "µL": (VOLUME, 1e-3),
    "mL": (VOLUME, 1.0),
    "L": (VOLUME, 1e3),
    "ppb": (MASS_FRACTION, 1e-9),
    "mg/kg": (MASS_FRACTION, 1e-6),
    "g/kg": (MASS_FRACTION, 1e-3),
    "%": (MASS_FRACTION, 1e-2),
    "ng/cm²": (SURFACE_DENSITY, 1e-3),
    "µg/cm²": (SURFACE_DENSITY, 1.0),
    "mg/cm²": (SURFACE_DENSITY, 1e3),
    "mg/m²": (SURFACE_DENSITY, 0.1),
    "ng/mL": (MASS_CONCENTRATION, 1e-3),
    "µg/L": (MASS_CONCENTRATION, 1e-3),
    "µg/mL": (MASS_CONCENTRATION, 1.0),
    "mg/L": (MASS_CONCENTRATION, 1.0),
    "mg/mL": (MASS_CONCENTRATION, 1e3),
    "g/L": (MASS_CONCENTRATION, 1e3),
}

# Extra spellings (after normalisation) that name a canonical unit.
_ALIASES: dict[str, str] = {
    "ppm": "mg/kg",
    "Kg": "kg",
    "ug/g": "mg/kg",
    "mg/kg/day": "mg/kg",
    "mg/kg/d": "mg/kg",
    "mg/kgbw/day": "mg/kg",
    "mg/kg/bw/day": "mg/kg",
    "mg/day": "mg",
    "mg/d": "mg",
    "ug/day": "µg",
    "g/day": "g",
}


def _normalise(unit: str) -> str:
    """Reduce a spelling to a lookup key: ASCII micro, "mcg" as "ug", no spaces or powers."""
    key = unit.strip().replace("\u00b5", "u").replace("\u03bc", "u")  # micro sign, Greek mu
    key = re.sub(r"\bmcg", "ug", key)
    key = key.replace("²", "2").replace("^2", "2").replace("**2", "2")
    return re.sub(r"\s+", "", key)


# Case matters (Mg would be megagram, a factor 1e9 away), so only the litre gets both cases.
_LOOKUP: dict[str, str] = {
    key: symbol
    for spelling, symbol in [*((s, s) for s in _UNITS), *_ALIASES.items()]
    for key in (_normalise(spelling), _normalise(spelling).replace("L", "l"))
}


class UnitError(ValueError):
    """An unknown unit, a conversion across dimensions, or a value a quantity cannot hold."""


def canonical_unit(unit: str) -> str:
    """Return the canonical symbol for a unit spelling (e.g. "ug/cm2" → "µg/cm²")."""
    if not isinstance(unit, str) or not unit.strip():
        raise UnitError(f"unit must be a non-empty string, got {unit!r}")
    symbol = _LOOKUP.get(_normalise(unit))
    if symbol is None:
        raise UnitError(f"unknown unit {unit!r}; known units: {', '.join(_UNITS)}")
    return symbol


def dimension_of(unit: str) -> str:
    """Return the dimension name of a unit (e.g. "mass", "area")."""
    return _UNITS[canonical_unit(unit)][0]


def format_number(value: float) -> str:
    """Format a number with six significant digits, without exponents for everyday magnitudes."""
    if value == 0:
        return "0"
    text = f"{value:.6g}"
    if "e" in text and 1e-6 <= abs(value) < 1e12:
        decimals = max(0, 5 - math.floor(math.log10(abs(value))))
        text = f"{value:.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True)
class Quantity:
    """A finite, non-negative value with a unit; the unit is stored in canonical spelling."""

    value: float
    unit: str

    def __post_init__(self) -> None:
        # bool is an int subclass; True mg is a bug, not a quantity.
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise UnitError(f"quantity value must be a number, got {self.value!r}")
        if not math.isfinite(self.value):
            raise UnitError(f"quantity value must be finite, got {self.value!r} {self.unit}")
        if self.value < 0:
            raise UnitError(f"quantity value must not be negative, got {self.value!r} {self.unit}")
        object.__setattr__(self, "value", float(self.value))
        object.__setattr__(self, "unit", canonical_unit(self.unit))

    @property
    def dimension(self) -> str:
        """The dimension of this quantity's unit."""
        return _UNITS[self.unit][0]

    def to(self, unit: str) -> Quantity:
        """Convert to another unit of the same dimension."""
        target = canonical_unit(unit)
        dim, factor = _UNITS[target]
        if dim != self.dimension:
            raise UnitError(
                f"cannot convert {self.unit} ({self.dimension}) to {target} ({dim})"
            )
        return Quantity(self.value * _UNITS[self.unit][1] / factor, target)

    def magnitude(self, unit: str) -> float:
        """Return the bare number of this quantity expressed in the given unit."""
        return self.to(unit).value

    def __str__(self) -> str:
        sep = "" if self.unit == "%" else " "
        return f"{format_number(self.value)}{sep}{self.unit}"


def parse_quantity(text: str) -> Quantity:
    """Parse "0.1 kg", "4ug/cm2" or "1e-3 mg" into a Quantity."""
    match = re.fullmatch(r"\s*([0-9.]+(?:[eE][-+]?[0-9]+)?)\s*(.+?)\s*", text or "")
    if match is None:
        raise UnitError(f"cannot read a quantity from {text!r}; expected e.g. '0.1 kg'")
    try:
        value = float(match.group(1))
    except ValueError:
        raise UnitError(f"cannot read a number from {text!r}") from None
    return Quantity(value, match.group(2))
