"""MACO engine for cleaning validation: every applicable criterion, the lowest wins, with a trace.

Sources: EU GMP Part I ch. 3 and 5 and Annex 15; EMA guideline on setting health-based exposure
limits in shared facilities (EMA/CHMP/CVMP/SWP/169430/2012, 2014) for the PDE; ICH Q3C(R8)
appendix 3 for the F1–F5 factors; APIC "Guidance on aspects of cleaning validation in API
plants" (2016) and Layton et al., Regul. Toxicol. Pharmacol. 7:96–112 (1987) for the LD50
fallback; USP <General Notices> 5.30 descriptive solubility terms for the worst-case ranking.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from backend.pharma.units import (
    AREA,
    MASS,
    MASS_CONCENTRATION,
    MASS_FRACTION,
    SURFACE_DENSITY,
    VOLUME,
    Quantity,
    format_number,
)

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
_FIELDS = {  # name -> (dimension, what it is); used for validation and error messages
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


def _needs(what: str, missing: Sequence[str]) -> str:
    """'<what> needs: name (description), ...' for an error message."""
    described = ", ".join(f"{m} ({_FIELDS[m][1]})" if m in _FIELDS else m for m in missing)
    return f"{what} needs: {described}"


class InvalidInputError(MacoError):
    """An input is present but unusable: wrong dimension, zero, out of range or inconsistent."""


class Criterion(StrEnum):
    """A MACO criterion; declaration order breaks ties (health-based is preferred by EMA)."""

    HEALTH = "health-based"
    DOSE = "dose-based"
    PPM10 = "10 ppm"


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


def _step(label: str, formula: str, substitution: str, result: Quantity, suffix: str = "") -> Step:
    return Step(label, formula, substitution, result, f"{result}{suffix}")


def _check(name: str, value: object, dimension: str, what: str, allow_zero: bool = False) -> None:
    """Reject a non-Quantity, a wrong dimension, or a zero where zero makes no sense."""
    if not isinstance(value, Quantity):
        raise InvalidInputError(f"{name} ({what}) must be a Quantity, got {value!r}")
    if value.dimension != dimension:
        raise InvalidInputError(f"{name} ({what}) must be a quantity of {dimension}, got {value}")
    if value.value == 0 and not allow_zero:
        raise InvalidInputError(f"{name} ({what}) must be greater than zero, got {value}")


def _check_number(name: str, value: object, low: float, high: float, why: str) -> float:
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
            checked = _check_number(f"PDE factor {name.upper()}", value, low, high, why)
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
        for name, (dimension, what) in _FIELDS.items():
            value = getattr(self, name)
            if name == "pde_factors":
                if value is not None and not isinstance(value, PdeFactors):
                    raise InvalidInputError(f"pde_factors must be PdeFactors, got {value!r}")
            elif value is not None:
                _check(name, value, dimension, what)
        _check_number("safety_factor", self.safety_factor, 1e-6, 1.0, "a fraction of the dose")
        _check_number("ld50_safety_factor", self.ld50_safety_factor, 10.0, 10_000.0,
                      "by route of administration, APIC 2016")


@dataclass(frozen=True)
class CriterionResult:
    """One criterion's MACO in mg, the basis it used and its steps."""

    criterion: Criterion
    maco: Quantity
    basis: str
    steps: tuple[Step, ...]


def _mbs_text(mbs: Quantity) -> str:
    # Shown in mg (the unit that makes the formula balance) and as entered, for the reader.
    return f"{mbs.to('mg')} ({mbs.to('kg')})"


def maco_dose_based(
    tdd_prev: Quantity, mbs_next: Quantity, ldd_next: Quantity,
    safety_factor: float = DEFAULT_SAFETY_FACTOR,
) -> CriterionResult:
    """MACO = TDD_prev × MBS_next × SF / LDD_next."""
    MacoInputs(tdd_prev=tdd_prev, mbs_next=mbs_next, ldd_next=ldd_next, safety_factor=safety_factor)
    tdd, ldd, mbs = tdd_prev.magnitude("mg"), ldd_next.magnitude("mg"), mbs_next.magnitude("mg")
    maco = Quantity(tdd * mbs * safety_factor / ldd, "mg")
    step = _step(
        "Dose-based MACO", "TDD_prev × MBS_next × SF / LDD_next",
        f"{format_number(tdd)} mg/day × {_mbs_text(mbs_next)} × {format_number(safety_factor)}"
        f" / {format_number(ldd)} mg/day", maco,
    )
    return CriterionResult(Criterion.DOSE, maco, f"SF {format_number(safety_factor)}", (step,))


def maco_10ppm(mbs_next: Quantity, limit: Quantity | None = None) -> CriterionResult:
    """MACO = 10 mg/kg × MBS_next (the concentration limit is configurable)."""
    limit = limit if limit is not None else Quantity(10, "mg/kg")
    MacoInputs(mbs_next=mbs_next, ppm_limit=limit)
    maco = Quantity(limit.magnitude("mg/kg") * mbs_next.magnitude("kg"), "mg")
    step = _step(f"{format_number(limit.magnitude('mg/kg'))} ppm MACO", "limit × MBS_next",
                 f"{limit.to('mg/kg')} × {mbs_next.to('kg')}", maco)
    basis = f"{limit.to('mg/kg')} in the next product"
    return CriterionResult(Criterion.PPM10, maco, basis, (step,))


def pde_from_noael(
    noael: Quantity, factors: PdeFactors, body_weight: Quantity | None = None
) -> tuple[Quantity, Step]:
    """PDE = NOAEL × body weight / (F1·F2·F3·F4·F5), in mg/day."""
    body_weight = body_weight if body_weight is not None else Quantity(50, "kg")
    MacoInputs(noael_prev=noael, pde_factors=factors, body_weight=body_weight)
    bw = body_weight.magnitude("kg")
    pde = Quantity(noael.magnitude("mg/kg") * bw / factors.product, "mg")
    f = [format_number(x) for x in (factors.f1, factors.f2, factors.f3, factors.f4, factors.f5)]
    step = _step("PDE", "NOAEL × BW / (F1·F2·F3·F4·F5)",
                 f"{format_number(noael.magnitude('mg/kg'))} mg/kg/day × {format_number(bw)} kg"
                 f" / ({' × '.join(f)})", pde, "/day")
    return pde, step


def adi_from_ld50(
    ld50: Quantity, body_weight: Quantity | None = None, safety_factor: float = 1000.0
) -> tuple[Quantity, tuple[Step, Step]]:
    """LD50 fallback (Layton 1987, APIC 2016): NOEL = LD50 × BW × 0.0005; ADI = NOEL / SF."""
    body_weight = body_weight if body_weight is not None else Quantity(70, "kg")
    MacoInputs(ld50_prev=ld50, ld50_body_weight=body_weight, ld50_safety_factor=safety_factor)
    ld50_mg_kg, bw = ld50.magnitude("mg/kg"), body_weight.magnitude("kg")
    noel = Quantity(ld50_mg_kg * bw * LD50_EMPIRICAL_FACTOR, "mg")
    adi = Quantity(noel.value / safety_factor, "mg")
    return adi, (
        _step("NOEL from LD50", "LD50 × BW × 0.0005",
              f"{format_number(ld50_mg_kg)} mg/kg × {format_number(bw)} kg × 0.0005", noel, "/day"),
        _step("ADI", "NOEL / SF", f"{noel}/day / {format_number(safety_factor)}", adi, "/day"),
    )


def maco_health_based(
    pde_prev: Quantity, mbs_next: Quantity, ldd_next: Quantity, basis: str = "PDE given",
    earlier: tuple[Step, ...] = (),
) -> CriterionResult:
    """MACO = PDE_prev × MBS_next / LDD_next."""
    MacoInputs(pde_prev=pde_prev, mbs_next=mbs_next, ldd_next=ldd_next)
    pde, ldd = pde_prev.magnitude("mg"), ldd_next.magnitude("mg")
    maco = Quantity(pde * mbs_next.magnitude("mg") / ldd, "mg")
    step = _step("Health-based MACO", "PDE_prev × MBS_next / LDD_next",
                 f"{format_number(pde)} mg/day × {_mbs_text(mbs_next)}"
                 f" / {format_number(ldd)} mg/day", maco)
    return CriterionResult(Criterion.HEALTH, maco, basis, (*earlier, step))


def _health(inputs: MacoInputs, mbs: Quantity, ldd: Quantity) -> CriterionResult:
    """Health-based MACO from the best toxicology given: PDE, else NOAEL, else LD50."""
    if inputs.pde_prev is not None:
        return maco_health_based(inputs.pde_prev, mbs, ldd)
    if inputs.noael_prev is not None and inputs.pde_factors is not None:
        pde, step = pde_from_noael(inputs.noael_prev, inputs.pde_factors, inputs.body_weight)
        return maco_health_based(pde, mbs, ldd, "PDE from NOAEL (EMA 2014)", (step,))
    assert inputs.ld50_prev is not None  # _missing() guarantees one source is present
    adi, steps = adi_from_ld50(inputs.ld50_prev, inputs.ld50_body_weight, inputs.ld50_safety_factor)
    return maco_health_based(adi, mbs, ldd, "ADI from LD50 (APIC 2016 fallback)", steps)


def _triggered(inputs: MacoInputs) -> list[Criterion]:
    """The criteria whose distinguishing input was given."""
    toxicology = (inputs.pde_prev, inputs.noael_prev, inputs.ld50_prev)
    return [c for c, given in ((Criterion.HEALTH, any(v is not None for v in toxicology)),
                               (Criterion.DOSE, inputs.tdd_prev is not None),
                               (Criterion.PPM10, inputs.mbs_next is not None)) if given]


def _criteria(requested: Iterable[Criterion | str]) -> list[Criterion]:
    """Requested criteria as members, in tie-break order; unknown names are an error."""
    try:
        chosen = {Criterion(c) for c in requested}
    except ValueError as exc:
        raise InvalidInputError(f"{exc}; known criteria: {', '.join(Criterion)}") from None
    if not chosen:
        raise InvalidInputError("criteria is empty; leave it out to compute every given criterion")
    return [c for c in Criterion if c in chosen]


def _missing(inputs: MacoInputs, criterion: Criterion) -> list[str]:
    """The inputs this criterion needs that are absent."""
    needs = {Criterion.HEALTH: ["mbs_next", "ldd_next"], Criterion.PPM10: ["mbs_next"],
             Criterion.DOSE: ["tdd_prev", "mbs_next", "ldd_next"]}[criterion]
    missing = [n for n in needs if getattr(inputs, n) is None]
    if criterion is Criterion.HEALTH:
        pde, noael = inputs.pde_prev, inputs.noael_prev
        if pde is None and noael is None and inputs.ld50_prev is None:
            missing.append("pde_prev or noael_prev or ld50_prev")
        elif pde is None and noael is not None and inputs.pde_factors is None:
            missing.append("pde_factors")  # a NOAEL without factors is a half-finished PDE
    return missing


@dataclass(frozen=True)
class MacoResult:
    """All computed criteria, the lowest (governing) one and the full trace."""

    results: tuple[CriterionResult, ...]
    lowest: CriterionResult
    trace: tuple[Step, ...]

    @property
    def maco(self) -> Quantity:
        """The governing (lowest) MACO in mg."""
        return self.lowest.maco

    @property
    def governing(self) -> Criterion:
        """The criterion that gave the lowest MACO."""
        return self.lowest.criterion

    def trace_lines(self) -> list[str]:
        """The trace as printable lines, one per step."""
        return [str(step) for step in self.trace]


def compute_maco(
    inputs: MacoInputs, criteria: Iterable[Criterion | str] | None = None
) -> MacoResult:
    """Compute each requested (default: each given) criterion and take the lowest."""
    wanted = _criteria(criteria) if criteria is not None else _triggered(inputs)
    if not wanted:
        raise MissingInputError(_needs("a MACO calculation", ["mbs_next"]), ["mbs_next"])
    problems = [(c, m) for c in wanted if (m := _missing(inputs, c))]
    if problems:
        raise MissingInputError(
            "; ".join(_needs(f"the {c} criterion", m) for c, m in problems),
            list(dict.fromkeys(n for _, m in problems for n in m)),
        )
    mbs, ldd = inputs.mbs_next, inputs.ldd_next
    assert mbs is not None  # every criterion needs it, checked above
    results: list[CriterionResult] = []
    for criterion in wanted:
        if criterion is Criterion.HEALTH:
            assert ldd is not None
            results.append(_health(inputs, mbs, ldd))
        elif criterion is Criterion.DOSE:
            assert inputs.tdd_prev is not None and ldd is not None
            results.append(maco_dose_based(inputs.tdd_prev, mbs, ldd, inputs.safety_factor))
        else:
            results.append(maco_10ppm(mbs, inputs.ppm_limit))
    lowest = min(results, key=lambda r: r.maco.value)  # min() keeps the first on ties
    conclusion = _step("MACO", "lowest of the criteria", "min(" + ", ".join(
        f"{r.maco} [{r.criterion}]" for r in results) + ")", lowest.maco,
        f", governed by the {lowest.criterion} criterion")
    trace = (*(s for r in results for s in r.steps), conclusion)
    return MacoResult(tuple(results), lowest, trace)


def _check_area(name: str, area: Quantity, total_area: Quantity) -> Quantity:
    """Validate a sampled area; one larger than the whole shared train is inconsistent."""
    _check(name, area, AREA, "sampled area")
    if area.magnitude("cm²") > total_area.magnitude("cm²"):
        raise InvalidInputError(f"{name} {area} is larger than total_area {total_area}")
    return area


@dataclass(frozen=True)
class SamplingLimits:
    """Surface, swab and rinse acceptance limits derived from one MACO, with their steps."""

    calculated_surface_limit: Quantity  # µg/cm², MACO / total area
    surface_limit: Quantity  # µg/cm², after the visual-residue cap when one was given
    swab_limit: Quantity | None  # µg per swab
    rinse_limit: Quantity | None  # µg/mL
    visual_limit: Quantity | None  # µg/cm², the visible-residue limit reported alongside
    visual_cap_applied: bool
    note: str
    steps: tuple[Step, ...]


def sampling_limits(
    maco: Quantity, total_area: Quantity, *, swab_area: Quantity | None = None,
    rinse_volume: Quantity | None = None, rinsed_area: Quantity | None = None,
    visual_limit: Quantity | None = None,
) -> SamplingLimits:
    """Swab = MACO × A_swab / A_total; rinse = MACO × (A_rinsed / A_total) / V; optional cap."""
    if rinsed_area is not None and rinse_volume is None:
        raise MissingInputError(_needs("a rinse limit", ["rinse_volume"]), ["rinse_volume"])
    _check("maco", maco, MASS, "maximum allowable carryover", allow_zero=True)
    _check("total_area", total_area, AREA, "total shared product-contact area")
    mac, total = maco.to("µg"), total_area.to("cm²")
    calculated = Quantity(mac.value / total.value, "µg/cm²")
    steps = [_step("Surface limit", "MACO / A_total", f"{mac} / {total}", calculated)]
    surface, capped, note = calculated, False, ""
    if visual_limit is not None:
        _check("visual_limit", visual_limit, SURFACE_DENSITY, "visible-residue limit")
        capped = calculated.value > visual_limit.magnitude("µg/cm²")
        surface = visual_limit.to("µg/cm²") if capped else calculated
        steps.append(_step("Visual-residue cap", "min(calculated, visible-residue limit)",
                           f"min({calculated}, {visual_limit.to('µg/cm²')})", surface))
        # Below the visible-residue limit a clean look proves nothing: analytics must show it.
        note = ("capped: the visible-residue limit is the stricter criterion" if capped else
                "below the visible-residue limit: visual inspection alone cannot show compliance")
    swab = rinse = None
    if swab_area is not None:
        a_swab = _check_area("swab_area", swab_area, total_area).to("cm²")
        swab = Quantity(surface.value * a_swab.value, "µg")
        formula, numbers = (
            ("capped surface limit × A_swab", f"{surface} × {a_swab}") if capped
            else ("MACO × A_swab / A_total", f"{mac} × {a_swab} / {total}"))
        steps.append(_step("Swab limit", formula, numbers, swab, " per swab"))
    if rinse_volume is not None:
        _check("rinse_volume", rinse_volume, VOLUME, "volume of the rinse")
        rinsed = _check_area("rinsed_area", rinsed_area or total_area, total_area).to("cm²")
        volume = rinse_volume.to("mL")
        rinse = Quantity(surface.value * rinsed.value / volume.value, "µg/mL")
        formula, numbers = (
            ("capped surface limit × A_rinsed / V_rinse", f"{surface} × {rinsed} / {volume}")
            if capped
            else ("MACO × (A_rinsed / A_total) / V_rinse",
                  f"{mac} × ({rinsed} / {total}) / {volume}"))
        steps.append(_step("Rinse limit", formula, numbers, rinse))
    visual = visual_limit.to("µg/cm²") if visual_limit is not None else None
    return SamplingLimits(calculated, surface, swab, rinse, visual, capped, note, tuple(steps))


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
        _check("solubility", self.solubility, MASS_CONCENTRATION, f"solubility {what}", True)
        if isinstance(self.cleanability, bool) or self.cleanability not in (1, 2, 3, 4, 5):
            raise InvalidInputError(f"cleanability {what} must be an integer 1–5, "
                                    f"got {self.cleanability!r}")
        if self.pde is None and self.min_therapeutic_dose is None:
            raise MissingInputError(_needs(f"ranking {self.name}", ["pde or min_therapeutic_dose"]),
                                    ["pde", "min_therapeutic_dose"])
        for name in ("pde", "min_therapeutic_dose"):
            if getattr(self, name) is not None:
                _check(name, getattr(self, name), MASS, f"{name} {what}")


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
        raise MissingInputError(_needs("worst-case selection", ["products"]), ["products"])
    names = [p.name for p in products]
    if len(set(names)) != len(names):
        raise InvalidInputError(f"product names must be unique, got {names}")
    scored = sorted((_score(p) for p in products), key=lambda item: item[0])
    return tuple(replace(r, rank=i) for i, (_, r) in enumerate(scored, start=1))
