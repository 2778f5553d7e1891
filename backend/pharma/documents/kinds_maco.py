"""Section kinds backed by the MACO engine: the acceptance-limit calculation and the worst case.

Nothing here computes a limit itself; every number printed comes from `backend.pharma.maco`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from backend.pharma.documents.context import Context, Kind, table_field
from backend.pharma.documents.errors import FieldError
from backend.pharma.documents.kinds_basic import column_sum
from backend.pharma.documents.model import (
    Block,
    BulletList,
    Calculation,
    CalculationStep,
    Paragraph,
    Table,
)
from backend.pharma.documents.templates import SectionSpec, Template
from backend.pharma.documents.text import format_value
from backend.pharma.maco import (
    MacoError,
    MacoInputs,
    MacoResult,
    MissingInputError,
    PdeFactors,
    ProductProfile,
    RankedProduct,
    SamplingLimits,
    Step,
    compute_maco,
    rank_worst_case,
    sampling_limits,
)

_ENGINE = ("mbs_next", "tdd_prev", "ldd_next", "pde_prev", "noael_prev", "ld50_prev",
           "ppm_limit", "body_weight", "ld50_body_weight", "safety_factor", "ld50_safety_factor")
_FACTORS = ("pde_f1", "pde_f2", "pde_f3", "pde_f4", "pde_f5")
_SAMPLING = ("total_area", "swab_area", "rinse_volume", "rinsed_area", "visual_limit")
_PARAMS = (*_ENGINE, *_FACTORS, *_SAMPLING)
_PRODUCT_COLUMNS = ("name", "solubility", "cleanability", "pde", "min_therapeutic_dose")
MACO_PROVIDES = ("maco_value", "maco_criterion", "surface_limit", "swab_limit", "rinse_limit")


def _params(spec: SectionSpec, template: Template) -> dict[str, str]:
    """Engine input name -> template field name (same name unless `params` maps it)."""
    mapped = {str(k): str(v) for k, v in (spec.options.get("params") or {}).items()}
    return {p: mapped.get(p, p) for p in _PARAMS if template.field(mapped.get(p, p))}


def _given(spec: SectionSpec, template: Template, values: Mapping[str, Any]) -> dict[str, Any]:
    given = {p: values.get(f) for p, f in _params(spec, template).items()}
    given = {p: v for p, v in given.items() if v is not None}
    source = str(spec.options.get("total_area_from", ""))
    if "total_area" not in given and "." in source:
        table, column = source.split(".", 1)
        total = column_sum(values.get(table) or [], column)
        if total is not None:
            given["total_area"] = total
    return given


def _compute(given: Mapping[str, Any]) -> tuple[MacoResult, SamplingLimits | None]:
    """The engine's MACO and, when a total area is known, its sampling limits."""
    kwargs = {p: given[p] for p in _ENGINE if p in given}
    if "pde_f1" in given:
        kwargs["pde_factors"] = PdeFactors(*(given[f] for f in _FACTORS if f in given))
    result = compute_maco(MacoInputs(**kwargs))
    if "total_area" not in given:
        return result, None
    return result, sampling_limits(result.maco, given["total_area"], **{
        p: given[p] for p in _SAMPLING[1:] if p in given})


def _fields_for(exc: MacoError, params: Mapping[str, str], fallback: str) -> list[str]:
    """The template fields an engine error is about, so the user sees it next to the input."""
    names = list(exc.missing) if isinstance(exc, MissingInputError) else [str(exc)]
    found = []
    for text in names:
        factor = re.search(r"\bF([1-5])\b", text)
        # The input an engine message names first is the one it is about.
        where = {p: m.start() for p in params if (m := re.search(rf"\b{p}\b", text))}
        hits = sorted(where, key=where.__getitem__)
        if factor and not hits:
            hits = [f"pde_f{factor.group(1)}"]
        if "pde_factors" in text:
            hits = ["pde_f1"]
        found.append(params.get(hits[0], hits[0]) if hits else fallback)
    return list(dict.fromkeys(found))


def _check_maco(spec: SectionSpec, template: Template,
                values: Mapping[str, Any]) -> list[FieldError]:
    params = _params(spec, template)
    try:
        _compute(_given(spec, template, values))
    except MacoError as exc:
        where = _fields_for(exc, params, params.get("mbs_next", spec.id))
        return [FieldError(f, str(exc)) for f in where]
    return []


def _steps(steps: tuple[Step, ...]) -> tuple[CalculationStep, ...]:
    return tuple(CalculationStep(s.label, s.formula, s.substitution, s.result_text) for s in steps)


def _prepare_maco(spec: SectionSpec, ctx: Context) -> None:
    given = _given(spec, ctx.template, ctx.values)
    result, limits = _compute(given)
    ctx.cache[spec.id] = (given, result, limits)
    ctx.computed.update(maco_value=str(result.maco), maco_criterion=str(result.governing))
    if limits is not None:
        for name in ("surface_limit", "swab_limit", "rinse_limit"):
            value = getattr(limits, name)
            ctx.computed[name] = "" if value is None else str(value)


def _inputs_table(spec: SectionSpec, ctx: Context, given: Mapping[str, Any]) -> Table:
    params = _params(spec, ctx.template)
    rows = []
    for name, value in given.items():
        field = ctx.template.field(params.get(name, name))
        label = field.label if field else "Total shared product-contact area (sum of equipment)"
        rows.append((label, name, format_value(value, field)))
    return Table(("Input", "Symbol", "Value"), tuple(rows), "MACO inputs")


def _limits_blocks(limits: SamplingLimits, given: Mapping[str, Any]) -> list[Block]:
    rows = [("Surface limit", "µg/cm²", str(limits.surface_limit))]
    if limits.swab_limit is not None:
        rows.append((f"Swab limit (swab area {given['swab_area']})", "µg per swab",
                     str(limits.swab_limit)))
    if limits.rinse_limit is not None:
        rows.append((f"Rinse limit (rinse volume {given['rinse_volume']})", "µg/mL",
                     str(limits.rinse_limit)))
    if limits.visual_limit is not None:
        rows.append(("Visible-residue limit", "µg/cm²", str(limits.visual_limit)))
    blocks: list[Block] = [
        Calculation("Swab, rinse and surface limits", _steps(limits.steps)),
        Table(("Acceptance limit", "Unit", "Value"), tuple(rows), "Chemical acceptance limits")]
    if limits.note:
        blocks.append(Paragraph(f"Note on visual inspection: {limits.note}."))
    return blocks


def _render_maco(spec: SectionSpec, ctx: Context) -> list[Block]:
    given, result, limits = ctx.cache[spec.id]
    blocks = [*ctx.body(spec.body), _inputs_table(spec, ctx, given)]
    for r in result.results:
        blocks.append(Calculation(f"{str(r.criterion).capitalize()} criterion ({r.basis})",
                                  _steps(r.steps)))
    blocks.append(Calculation("Governing MACO", _steps(result.trace[-1:])))
    blocks.append(Paragraph(f"**Governing criterion: {result.governing}. "
                            f"MACO = {result.maco}.**"))
    if limits is None:
        blocks.append(Paragraph("No product-contact area was given, so no swab or rinse "
                                "limits are derived."))
        return blocks
    return blocks + _limits_blocks(limits, given)


def _check_maco_template(spec: SectionSpec, template: Template) -> list[str]:
    params = _params(spec, template)
    return [] if "mbs_next" in params else [
        f"section '{spec.id}': the MACO kind needs an mbs_next field (or params mapping)"]


def _profile(row: Mapping[str, Any]) -> ProductProfile:
    """A product-matrix row as the engine's ProductProfile (the engine validates it)."""
    values: dict[str, Any] = {c: row.get(c) for c in _PRODUCT_COLUMNS}
    grade = values["cleanability"]  # numbers arrive as floats; the engine wants an int 1–5
    if isinstance(grade, float) and grade.is_integer():
        values["cleanability"] = int(grade)
    values["name"] = values["name"] or ""
    return ProductProfile(**values)


def _profiles(rows: list[Mapping[str, Any]]) -> list[ProductProfile]:
    return [_profile(r) for r in rows]


def _check_worst_case(spec: SectionSpec, template: Template,
                      values: Mapping[str, Any]) -> list[FieldError]:
    source = str(spec.options["source"])
    rows = values.get(source) or []
    errors = []
    for i, row in enumerate(rows):
        try:
            _profiles([row])
        except MacoError as exc:
            column = next((c for c in _PRODUCT_COLUMNS if c in str(exc)), "name")
            errors.append(FieldError(f"{source}[{i}].{column}", str(exc)))
    if rows and not errors:
        try:
            rank_worst_case(_profiles(rows))
        except MacoError as exc:
            errors.append(FieldError(source, str(exc)))
    return errors


def _prepare_worst_case(spec: SectionSpec, ctx: Context) -> None:
    rows = ctx.values.get(str(spec.options["source"])) or []
    ranking = rank_worst_case(_profiles(rows)) if rows else ()
    ctx.cache[spec.id] = ranking
    if ranking:
        ctx.computed.update(worst_case_product=ranking[0].name, worst_case_rpn=str(ranking[0].rpn))


def _render_worst_case(spec: SectionSpec, ctx: Context) -> list[Block]:
    ranking: tuple[RankedProduct, ...] = ctx.cache[spec.id]
    blocks = ctx.body(spec.body)
    if not ranking:
        return blocks
    rows = tuple((str(r.rank), r.name, f"{r.hazard}/5", f"{r.solubility}/5",
                  f"{r.cleanability}/5", str(r.rpn)) for r in ranking)
    top = ranking[0]
    return [*blocks, Table(("Rank", "Product", "Hazard", "Solubility", "Cleanability", "RPN"),
                           rows, "Worst-case ranking: RPN = hazard × solubility × cleanability"),
            Paragraph(f"**Worst-case product: {top.name} (RPN {top.rpn}).** Rationale:"),
            BulletList(top.reasons)]


def _check_worst_case_template(spec: SectionSpec, template: Template) -> list[str]:
    source, problems = table_field(spec, template)
    if source is not None:
        problems += [f"section '{spec.id}': products table needs a '{c}' column"
                     for c in _PRODUCT_COLUMNS[:3] if source.column(c) is None]
    return problems


MACO = Kind(render=_render_maco, check_template=_check_maco_template, check_inputs=_check_maco,
            prepare=_prepare_maco, provides=MACO_PROVIDES)
WORST_CASE = Kind(render=_render_worst_case, check_template=_check_worst_case_template,
                  check_inputs=_check_worst_case, prepare=_prepare_worst_case,
                  provides=("worst_case_product", "worst_case_rpn"))
