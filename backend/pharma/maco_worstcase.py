"""Worst-case product selection: rank a shared-equipment matrix by risk priority number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from backend.pharma.maco_inputs import (
    InvalidInputError,
    MissingInputError,
    check_quantity,
    describe_missing,
)
from backend.pharma.units import MASS, MASS_CONCENTRATION, Quantity

# Worst-case ranking: risk priority number RPN = hazard × solubility × cleanability, each 1–5
# (5 = worst), so 125 is the worst possible. Hazard comes from the PDE when known (EMA 2014
# prefers it), else from the minimum therapeutic daily dose as a potency proxy. Ties go to
# the higher hazard, then the harder to clean, then the less soluble, then the name.
_PDE_BANDS = ((0.01, 5), (0.1, 4), (1.0, 3), (10.0, 2))  # mg/day below which the score applies
_DOSE_BANDS = ((1.0, 5), (10.0, 4), (100.0, 3), (1000.0, 2))  # mg/day
_USP_SOLUBILITY = (  # mg/mL at or above which the term applies (1 g solute per N mL solvent)
    (1000.0, "very soluble", 1), (100.0, "freely soluble", 1), (1000 / 30, "soluble", 2),
    (10.0, "sparingly soluble", 3), (1.0, "slightly soluble", 4), (0.1, "very slightly soluble", 5),
    (0.0, "practically insoluble", 5),
)


@dataclass(frozen=True)
class ProductProfile:
    """A product in the shared-equipment matrix; cleanability 1 = easiest, 5 = hardest to clean."""

    name: str
    solubility: Quantity  # in the cleaning solvent, e.g. mg/mL
    cleanability: int
    pde: Quantity | None = None  # mg/day
    min_therapeutic_dose: Quantity | None = None  # mg/day

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidInputError(f"product name must be a non-empty string, got {self.name!r}")
        what = f"of {self.name}"
        check_quantity("solubility", self.solubility, MASS_CONCENTRATION, f"solubility {what}",
                       allow_zero=True)
        if isinstance(self.cleanability, bool) or self.cleanability not in (1, 2, 3, 4, 5):
            raise InvalidInputError(f"cleanability {what} must be an integer 1–5, "
                                    f"got {self.cleanability!r}")
        if self.pde is None and self.min_therapeutic_dose is None:
            message = describe_missing(f"ranking {self.name}", ["pde or min_therapeutic_dose"])
            raise MissingInputError(message, ["pde", "min_therapeutic_dose"])
        for name in ("pde", "min_therapeutic_dose"):
            if getattr(self, name) is not None:
                check_quantity(name, getattr(self, name), MASS, f"{name} {what}")


@dataclass(frozen=True)
class RankedProduct:
    """A product's place in the worst-case ranking, its scores and why."""

    rank: int
    name: str
    rpn: int
    hazard: int
    solubility: int
    cleanability: int
    reasons: tuple[str, ...]


def _band(value: float, bands: tuple[tuple[float, int], ...]) -> int:
    """The score of the first band whose upper limit the value is below; 1 above them all."""
    return next((score for limit, score in bands if value < limit), 1)


def _score(p: ProductProfile) -> tuple[tuple[object, ...], RankedProduct]:
    """A sort key and the unranked scores and reasons for one product."""
    if p.pde is not None:
        hazard = _band(p.pde.magnitude("mg"), _PDE_BANDS)
        why_hazard = f"hazard {hazard}/5: PDE {p.pde.to('mg')}/day"
    else:
        assert p.min_therapeutic_dose is not None
        hazard = _band(p.min_therapeutic_dose.magnitude("mg"), _DOSE_BANDS)
        why_hazard = (f"hazard {hazard}/5: no PDE, potency proxy min. therapeutic dose "
                      f"{p.min_therapeutic_dose.to('mg')}/day")
    mg_ml = p.solubility.magnitude("mg/mL")
    term, sol = next((t, s) for limit, t, s in _USP_SOLUBILITY if mg_ml >= limit)
    rpn = hazard * sol * p.cleanability
    reasons = (why_hazard, f"solubility {sol}/5: {p.solubility.to('mg/mL')} is {term} (USP)",
               f"cleanability {p.cleanability}/5 (5 = hardest to clean)",
               f"RPN = {hazard} × {sol} × {p.cleanability} = {rpn}")
    key = (-rpn, -hazard, -p.cleanability, mg_ml, p.name)
    return key, RankedProduct(0, p.name, rpn, hazard, sol, p.cleanability, reasons)


def rank_worst_case(products: Sequence[ProductProfile]) -> tuple[RankedProduct, ...]:
    """Rank products worst first by RPN = hazard × solubility × cleanability, with reasons."""
    if not products:
        missing = ["products"]
        raise MissingInputError(describe_missing("worst-case selection", missing), missing)
    names = [p.name for p in products]
    if len(set(names)) != len(names):
        raise InvalidInputError(f"product names must be unique, got {names}")
    scored = sorted((_score(p) for p in products), key=lambda item: item[0])
    return tuple(replace(r, rank=i) for i, (_, r) in enumerate(scored, start=1))
