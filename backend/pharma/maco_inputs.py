"""MACO inputs: constants, named errors, printable steps and validated input records."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from backend.pharma.units import MASS, MASS_FRACTION, Quantity, format_number

DEFAULT_SAFETY_FACTOR = 1 / 1000  # oral products; 1/100 topical, 1/10 000 parenteral are common
LD50_EMPIRICAL_FACTOR = 0.0005  # Layton 1987: NOEL ≈ LD50 / 2000, with LD50 in mg/kg
F1_BY_SPECIES = {"dog": 2.0, "rabbit": 2.5, "monkey": 3.0, "rat": 5.0, "other": 10.0,
                 "mouse": 12.0}  # ICH Q3C(R8) appendix 3
_FACTOR_RANGES = {  # (low, high, why) per EMA 2014 / ICH Q3C
    "f1": (2.0, 12.0, "extrapolation between species"),
    "f2": (1.0, 10.0, "variability between individuals; 10 unless justified"),
    "f3": (1.0, 10.0, "short study duration"),
    "f4": (1.0, 10.0, "severity of the toxicity"),
    "f5": (1.0, 10.0, "a LOEL instead of a NOEL"),
}
FIELDS = {  # name -> (dimension, what it is); used for validation and error messages
    "mbs_next": (MASS, "minimum batch size of the next product"),
    "tdd_prev": (MASS, "smallest therapeutic daily dose of the previous product"),
    "ldd_next": (MASS, "largest daily dose of the next product"),
    "pde_prev": (MASS, "PDE of the previous product, per day"),
    "noael_prev": (MASS_FRACTION, "NOAEL of the previous product, mg/kg/day"),
    "pde_factors": ("", "F1–F5 adjustment factors for the NOAEL"),
    "ld50_prev": (MASS_FRACTION, "LD50 of the previous product, mg/kg"),
    "ppm_limit": (MASS_FRACTION, "general concentration limit in the next product"),
    "body_weight": (MASS, "body weight for the PDE"),
    "ld50_body_weight": (MASS, "body weight for the LD50 fallback"),
}


class MacoError(ValueError):
    """Base class for MACO input errors."""


class MissingInputError(MacoError):
    """Inputs a requested calculation needs are absent; `missing` names them."""

    def __init__(self, message: str, missing: Sequence[str]) -> None:
        super().__init__(message)
        self.missing = tuple(missing)


def describe_missing(what: str, missing: Sequence[str]) -> str:
    """'<what> needs: name (description), ...' for an error message."""
    described = ", ".join(f"{m} ({FIELDS[m][1]})" if m in FIELDS else m for m in missing)
    return f"{what} needs: {described}"


class InvalidInputError(MacoError):
    """An input is present but unusable: wrong dimension, zero, out of range or inconsistent."""



@dataclass(frozen=True)
class Step:
    """One printable calculation step: formula, the numbers substituted, and the result."""

    label: str
    formula: str
    substitution: str
    result: Quantity
    result_text: str

    def __str__(self) -> str:
        return f"{self.label}: {self.formula} = {self.substitution} = {self.result_text}"


def make_step(
    label: str, formula: str, substitution: str, result: Quantity, suffix: str = ""
) -> Step:
    """A Step whose result text is the result plus an optional suffix (e.g. "/day")."""
    return Step(label, formula, substitution, result, f"{result}{suffix}")


def check_quantity(
    name: str, value: object, dimension: str, what: str, allow_zero: bool = False
) -> None:
    """Reject a non-Quantity, a wrong dimension, or a zero where zero makes no sense."""
    if not isinstance(value, Quantity):
        raise InvalidInputError(f"{name} ({what}) must be a Quantity, got {value!r}")
    if value.dimension != dimension:
        raise InvalidInputError(f"{name} ({what}) must be a quantity of {dimension}, got {value}")
    if value.value == 0 and not allow_zero:
        raise InvalidInputError(f"{name} ({what}) must be greater than zero, got {value}")


def check_number(name: str, value: object, low: float, high: float, why: str) -> float:
    """Reject a non-number or one outside [low, high]; return it as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInputError(f"{name} must be a finite number, got {value!r}")
    if not low <= value <= high:
        raise InvalidInputError(
            f"{name} must be between {format_number(low)} and {format_number(high)} ({why}), "
            f"got {format_number(value)}"
        )
    return float(value)


@dataclass(frozen=True)
class PdeFactors:
    """The F1–F5 adjustment factors; F1 has no default because it depends on the test species."""

    f1: float
    f2: float = 10.0
    f3: float = 1.0
    f4: float = 1.0
    f5: float = 1.0

    def __post_init__(self) -> None:
        for name, (low, high, why) in _FACTOR_RANGES.items():
            value = getattr(self, name)
            checked = check_number(f"PDE factor {name.upper()}", value, low, high, why)
            object.__setattr__(self, name, checked)

    @classmethod
    def for_species(cls, species: str, **others: float) -> PdeFactors:
        """Build factors with F1 taken from the ICH Q3C table for a test species."""
        f1 = F1_BY_SPECIES.get(species.strip().lower())
        if f1 is None:
            known = ", ".join(F1_BY_SPECIES)
            raise InvalidInputError(f"no F1 for species {species!r}; known: {known}")
        return cls(f1=f1, **others)

    @property
    def product(self) -> float:
        """F1·F2·F3·F4·F5."""
        return self.f1 * self.f2 * self.f3 * self.f4 * self.f5


@dataclass(frozen=True)
class MacoInputs:
    """Everything the criteria may use; leave out what is unknown, each criterion needs its own."""

    mbs_next: Quantity | None = None
    tdd_prev: Quantity | None = None
    ldd_next: Quantity | None = None
    pde_prev: Quantity | None = None
    noael_prev: Quantity | None = None
    pde_factors: PdeFactors | None = None
    ld50_prev: Quantity | None = None
    safety_factor: float = DEFAULT_SAFETY_FACTOR
    ppm_limit: Quantity = field(default_factory=lambda: Quantity(10, "mg/kg"))
    body_weight: Quantity = field(default_factory=lambda: Quantity(50, "kg"))
    ld50_body_weight: Quantity = field(default_factory=lambda: Quantity(70, "kg"))
    ld50_safety_factor: float = 1000.0  # APIC: 10–100 topical, 100–1000 oral, 1000–10 000 i.v.

    def __post_init__(self) -> None:
        for name, (dimension, what) in FIELDS.items():
            value = getattr(self, name)
            if name == "pde_factors":
                if value is not None and not isinstance(value, PdeFactors):
                    raise InvalidInputError(f"pde_factors must be PdeFactors, got {value!r}")
            elif value is not None:
                check_quantity(name, value, dimension, what)
        check_number("safety_factor", self.safety_factor, 1e-6, 1.0, "a fraction of the dose")
        check_number("ld50_safety_factor", self.ld50_safety_factor, 10.0, 10_000.0,
                      "by route of administration, APIC 2016")

