"""MACO, worst-case ranking and stateless rendering for the API: text in, engine, numbers out.

The engines (`maco`, `documents`) stay pure; this module parses the typed quantities, maps engine
errors to field-level 422s and shapes the results.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from backend.core.errors import AppError
from backend.pharma import maco, render
from backend.pharma.calculator_schemas import (
    CriterionRead,
    MacoCreate,
    MacoRead,
    QuantityRead,
    RankedProductRead,
    SamplingIn,
    SamplingRead,
    StepRead,
    WorstCaseCreate,
    WorstCaseRead,
)
from backend.pharma.schemas import ExportFormat
from backend.pharma.units import Quantity, UnitError, parse_quantity

T = TypeVar("T")
_QUANTITIES = ("mbs_next", "ldd_next", "tdd_prev", "pde_prev", "noael_prev", "ld50_prev",
               "ppm_limit", "body_weight", "ld50_body_weight")


class _Problems:
    """Collects every field problem so the caller sees them all at once."""

    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.items.append({"field": field, "message": message})

    def quantity(self, field: str, text: str | None) -> Quantity | None:
        if text is None:
            return None
        try:
            return parse_quantity(text)
        except UnitError as exc:
            self.add(field, str(exc))
            return None

    def error(self) -> AppError:
        return AppError(422, "invalid_maco_inputs", "The MACO inputs cannot be used", self.items)


def _engine(call: Callable[[], T], problems: _Problems) -> T:
    """Run an engine call; its named errors become field problems (raised as one 422)."""
    try:
        return call()
    except maco.MissingInputError as exc:
        for name in exc.missing:
            problems.add(name, str(exc))
    except (maco.MacoError, UnitError) as exc:
        problems.add("inputs", str(exc))
    raise problems.error()


def _q(value: Quantity) -> QuantityRead:
    return QuantityRead(value=value.value, unit=value.unit, text=str(value))


def _steps(steps: tuple[maco.Step, ...]) -> list[StepRead]:
    return [StepRead(label=s.label, formula=s.formula, substitution=s.substitution,
                     result=s.result_text) for s in steps]


def _factors(data: MacoCreate, problems: _Problems) -> maco.PdeFactors | None:
    f = data.pde_factors
    if f is None:
        return None
    others = {"f2": f.f2, "f3": f.f3, "f4": f.f4, "f5": f.f5}
    if f.f1 is None and not f.species:
        problems.add("pde_factors.f1", "give the test species or F1")
        return None
    try:
        return (maco.PdeFactors(f1=f.f1, **others) if f.f1 is not None
                else maco.PdeFactors.for_species(str(f.species), **others))
    except maco.MacoError as exc:
        problems.add("pde_factors", str(exc))
        return None


def _inputs(data: MacoCreate, problems: _Problems) -> maco.MacoInputs:
    given: dict[str, Any] = {n: problems.quantity(n, getattr(data, n)) for n in _QUANTITIES}
    # Unset optional settings keep the engine's defaults (10 ppm, 50 kg, 1/1000 ...).
    given = {k: v for k, v in given.items() if v is not None}
    for name in ("safety_factor", "ld50_safety_factor"):
        if getattr(data, name) is not None:
            given[name] = getattr(data, name)
    factors = _factors(data, problems)
    if factors is not None:
        given["pde_factors"] = factors
    if problems.items:
        raise problems.error()
    return _engine(lambda: maco.MacoInputs(**given), problems)


def _sampling(result: maco.MacoResult, data: SamplingIn,
              problems: _Problems) -> SamplingRead:
    areas = {n: problems.quantity(f"sampling.{n}", getattr(data, n))
             for n in ("total_area", "swab_area", "rinse_volume", "rinsed_area", "visual_limit")}
    if problems.items:
        raise problems.error()
    total = areas.pop("total_area")
    assert total is not None  # required by the schema
    limits = _engine(lambda: maco.sampling_limits(result.maco, total, **areas), problems)
    optional = {n: _q(v) if v is not None else None for n, v in (
        ("swab_limit", limits.swab_limit), ("rinse_limit", limits.rinse_limit),
        ("visual_limit", limits.visual_limit))}
    return SamplingRead(calculated_surface_limit=_q(limits.calculated_surface_limit),
                        surface_limit=_q(limits.surface_limit), **optional,
                        visual_cap_applied=limits.visual_cap_applied, note=limits.note,
                        steps=_steps(limits.steps))


def compute(data: MacoCreate) -> MacoRead:
    """Every applicable criterion, the governing (lowest) one, and optional sampling limits."""
    problems = _Problems()
    inputs = _inputs(data, problems)
    result = _engine(lambda: maco.compute_maco(inputs, data.criteria), problems)
    sampling = _sampling(result, data.sampling, problems) if data.sampling else None
    return MacoRead(
        maco=_q(result.maco), governing=str(result.governing),
        criteria=[CriterionRead(criterion=str(r.criterion), maco=_q(r.maco), basis=r.basis,
                                steps=_steps(r.steps)) for r in result.results],
        trace=_steps(result.trace), sampling=sampling)


def worst_case(data: WorstCaseCreate) -> WorstCaseRead:
    """Products ranked worst first by hazard × solubility × cleanability, with reasons."""
    problems = _Problems()
    profiles = []
    for i, p in enumerate(data.products):
        solubility = problems.quantity(f"products[{i}].solubility", p.solubility)
        pde = problems.quantity(f"products[{i}].pde", p.pde)
        dose = problems.quantity(f"products[{i}].min_therapeutic_dose", p.min_therapeutic_dose)
        if solubility is not None:
            profiles.append((p.name, solubility, p.cleanability, pde, dose))
    if problems.items:
        raise problems.error()
    built = [_engine(partial(maco.ProductProfile, *args), problems) for args in profiles]
    ranked = _engine(lambda: maco.rank_worst_case(built), problems)
    return WorstCaseRead(ranking=[RankedProductRead(
        rank=r.rank, name=r.name, rpn=r.rpn, hazard=r.hazard, solubility=r.solubility,
        cleanability=r.cleanability, reasons=list(r.reasons)) for r in ranked])


def render_document(doc_type: str, title: str | None, inputs: dict[str, Any],
                    fmt: ExportFormat) -> bytes:
    """Validate and render a document without storing it."""
    valid = render.validate_inputs(doc_type, inputs)
    meta = {"title": title} if title else None
    return render.export(doc_type, valid, meta, fmt)
