"""MACO criteria (health-based, dose-based, 10 ppm), their minimum and the full trace."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from backend.pharma.maco_inputs import (
    DEFAULT_SAFETY_FACTOR,
    LD50_EMPIRICAL_FACTOR,
    InvalidInputError,
    MacoInputs,
    MissingInputError,
    PdeFactors,
    Step,
    describe_missing,
    make_step,
)
from backend.pharma.units import Quantity, format_number


class Criterion(StrEnum):
    """A MACO criterion; declaration order breaks ties (health-based is preferred by EMA)."""

    HEALTH = "health-based"
    DOSE = "dose-based"
    PPM10 = "10 ppm"

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
    step = make_step(
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
    step = make_step(f"{format_number(limit.magnitude('mg/kg'))} ppm MACO", "limit × MBS_next",
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
    step = make_step("PDE", "NOAEL × BW / (F1·F2·F3·F4·F5)",
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
        make_step("NOEL from LD50", "LD50 × BW × 0.0005",
              f"{format_number(ld50_mg_kg)} mg/kg × {format_number(bw)} kg × 0.0005", noel, "/day"),
        make_step("ADI", "NOEL / SF", f"{noel}/day / {format_number(safety_factor)}", adi, "/day"),
    )


def maco_health_based(
    pde_prev: Quantity, mbs_next: Quantity, ldd_next: Quantity, basis: str = "PDE given",
    earlier: tuple[Step, ...] = (),
) -> CriterionResult:
    """MACO = PDE_prev × MBS_next / LDD_next."""
    MacoInputs(pde_prev=pde_prev, mbs_next=mbs_next, ldd_next=ldd_next)
    pde, ldd = pde_prev.magnitude("mg"), ldd_next.magnitude("mg")
    maco = Quantity(pde * mbs_next.magnitude("mg") / ldd, "mg")
    step = make_step("Health-based MACO", "PDE_prev × MBS_next / LDD_next",
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
        raise MissingInputError(describe_missing("a MACO calculation", ["mbs_next"]), ["mbs_next"])
    problems = [(c, m) for c in wanted if (m := _missing(inputs, c))]
    if problems:
        raise MissingInputError(
            "; ".join(describe_missing(f"the {c} criterion", m) for c, m in problems),
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
    conclusion = make_step("MACO", "lowest of the criteria", "min(" + ", ".join(
        f"{r.maco} [{r.criterion}]" for r in results) + ")", lowest.maco,
        f", governed by the {lowest.criterion} criterion")
    trace = (*(s for r in results for s in r.steps), conclusion)
    return MacoResult(tuple(results), lowest, trace)
