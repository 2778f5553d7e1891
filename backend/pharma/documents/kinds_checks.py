"""Section kinds that compare measured values with limits and draw the overall conclusion."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from backend.pharma.documents.context import (
    CheckOutcome,
    Context,
    Kind,
    table_field,
    unknown_placeholders,
)
from backend.pharma.documents.errors import FieldError
from backend.pharma.documents.kinds_basic import row_local
from backend.pharma.documents.model import Block, BulletList, Paragraph, Table
from backend.pharma.documents.templates import FieldSpec, SectionSpec, Template
from backend.pharma.documents.text import fill, format_value
from backend.pharma.units import Quantity, UnitError, parse_quantity

PASS, FAIL, NOT_TESTED = "PASS", "FAIL", "NOT TESTED"
_REL_TOL = 1e-9  # unit conversions must not turn a value exactly at the limit into a failure
_CONCLUSION_LOCALS = ("verdict", "total_count", "failed_count", "failures")


def _literal(bound: Any, value_spec: FieldSpec) -> Any:
    """A limit written in the template: a number, or a quantity for a quantity column."""
    if value_spec.type == "quantity":
        return bound if isinstance(bound, Quantity) else parse_quantity(str(bound))
    if isinstance(bound, bool) or not isinstance(bound, int | float):
        raise ValueError(f"limit {bound!r} must be a number")
    return float(bound)


def _bound(check: Mapping[str, Any], key: str, row: Mapping[str, Any], source: FieldSpec,
           value_spec: FieldSpec) -> tuple[Any, FieldSpec]:
    """A min/max limit: a column of the row when it names one, else a literal from the template."""
    raw = check.get(key)
    column = source.column(raw) if isinstance(raw, str) else None
    if column is not None:
        return row.get(column.name), column
    return (None if raw is None else _literal(raw, value_spec)), value_spec


def _values(check: Mapping[str, Any]) -> list[str]:
    raw = check["value"]
    return [str(v) for v in raw] if isinstance(raw, list) else [str(raw)]


def _number(value: Any, unit: str | None) -> float:
    if isinstance(value, Quantity):
        return value.magnitude(unit or value.unit)
    return float(value)


def _within(measured: list[Any], low: Any, high: Any) -> bool:
    unit = measured[0].unit if isinstance(measured[0], Quantity) else None
    for value in (_number(m, unit) for m in measured):
        slack = _REL_TOL * max(abs(value), 1.0)
        if low is not None and value < _number(low, unit) - slack:
            return False
        if high is not None and value > _number(high, unit) + slack:
            return False
    return True


def _criterion(low: Any, high: Any, low_spec: FieldSpec, high_spec: FieldSpec,
               equals: list[str]) -> str:
    lo, hi = format_value(low, low_spec), format_value(high, high_spec)
    if equals:
        return " or ".join(equals)
    if lo and hi:
        return f"{lo} to {hi}"
    return f"≥ {lo}" if lo else f"≤ {hi}" if hi else "not set"


def evaluate(check: Mapping[str, Any], row: Mapping[str, Any],
             source: FieldSpec) -> tuple[str, str, str] | None:
    """(measured, acceptance criterion, verdict) for one check on one row; None to skip it."""
    specs = [s for s in (source.column(name) for name in _values(check)) if s is not None]
    measured = [row.get(s.name) for s in specs]
    if check.get("skip_empty") and any(m is None for m in measured):
        return None
    equals = [str(e) for e in check.get("equals") or []]
    low, low_spec = _bound(check, "min", row, source, specs[0])
    high, high_spec = _bound(check, "max", row, source, specs[0])
    criterion = _criterion(low, high, low_spec, high_spec, equals)
    if any(m is None for m in measured) or not (equals or low is not None or high is not None):
        return "", criterion, NOT_TESTED  # no value or no limit: unknown, never a pass
    shown = " to ".join(format_value(m, s) for m, s in zip(measured, specs, strict=True))
    ok = all(str(m) in equals for m in measured) if equals else _within(measured, low, high)
    return shown, criterion, PASS if ok else FAIL


def _key(spec: SectionSpec, row: Mapping[str, Any], source: FieldSpec) -> tuple[str, ...]:
    return tuple(format_value(row.get(k), source.column(k)) for k in spec.options.get("key") or [])


def _prepare_checks(spec: SectionSpec, ctx: Context) -> None:
    source = ctx.template.field(str(spec.options["source"]))
    assert source is not None  # checked when the template was loaded
    rows, failures = [], []
    for index, row in enumerate(ctx.values.get(source.name) or [], 1):
        key, local = _key(spec, row, source), row_local(source, row, index)
        for check in spec.options["checks"]:
            outcome = evaluate(check, row, source)
            if outcome is None:
                continue
            label = fill(str(check["label"]), functools.partial(ctx.lookup, local=local))
            shown = outcome[2] if outcome[2] == PASS else f"**{outcome[2]}**"  # stands out
            rows.append((*key, label, outcome[0], outcome[1], shown))
            if outcome[2] != PASS:
                what = f"{' / '.join(key)}: {label}"
                failures.append(f"{what} {outcome[2]} (measured {outcome[0] or 'nothing'}, "
                                f"acceptance {outcome[1] or 'not set'})")
    ctx.cache[spec.id] = tuple(rows)
    ctx.outcomes[spec.id] = CheckOutcome(len(rows), tuple(failures))


def _render_checks(spec: SectionSpec, ctx: Context) -> list[Block]:
    source = ctx.template.field(str(spec.options["source"]))
    assert source is not None
    keys = tuple((source.column(k) or source).label for k in spec.options.get("key") or [])
    blocks = ctx.body(spec.body)
    outcome = ctx.outcomes[spec.id]
    if not outcome.total:  # an optional section without results is left out
        return [*blocks, Paragraph("No results were entered.")] if spec.required else blocks
    blocks.append(Table((*keys, "Parameter", "Measured", "Acceptance criterion", "Result"),
                        ctx.cache[spec.id], str(spec.options.get("caption", ""))))
    if outcome.passed:
        blocks.append(Paragraph(f"**All {outcome.total} checks passed.**"))
    else:
        blocks.append(Paragraph(f"**{len(outcome.failures)} of {outcome.total} checks did not "
                                "pass:**"))
        blocks.append(BulletList(outcome.failures))
    return blocks


def _check_bounds(check: Mapping[str, Any], source: FieldSpec, where: str) -> list[str]:
    values = [source.column(v) for v in _values(check)] if "value" in check else [None]
    first = values[0]
    if first is None or None in values:
        return [f"{where}: 'value' must name columns of '{source.name}'"]
    problems = []
    for key in ("min", "max"):
        raw = check.get(key)
        column = source.column(raw) if isinstance(raw, str) else None
        if column is not None and column.type != first.type:
            problems.append(f"{where}: {key} column '{raw}' must be a {first.type}")
        if raw is None or column is not None:
            continue
        try:
            _literal(raw, first)
        except (ValueError, UnitError) as exc:
            problems.append(f"{where}: {key} {raw!r} is neither a column of '{source.name}' "
                            f"nor a limit value ({exc})")
    if check.get("min") is None and check.get("max") is None and not check.get("equals"):
        problems.append(f"{where}: a check needs min, max or equals")
    return problems


def _check_template(spec: SectionSpec, template: Template) -> list[str]:
    source, problems = table_field(spec, template)
    if source is None:
        return problems
    checks = spec.options.get("checks")
    if not isinstance(checks, list) or not checks:
        return [f"section '{spec.id}': 'checks' must be a non-empty list"]
    problems += [f"section '{spec.id}': no key column '{k}'"
                 for k in spec.options.get("key") or [] if source.column(k) is None]
    for i, check in enumerate(checks):
        where = f"section '{spec.id}' check {i + 1}"
        if not isinstance(check, Mapping) or "label" not in check:
            problems.append(f"{where}: a check is a mapping with a label")
        else:
            problems += _check_bounds(check, source, where)
            names = {f"row.{c.name}" for c in source.columns} | {"index"}
            problems += unknown_placeholders(str(check["label"]), names.__contains__, where)
    return problems


def _row_dimensions(check: Mapping[str, Any], row: Mapping[str, Any], source: FieldSpec,
                    path: str) -> list[FieldError]:
    """Errors for limits whose unit cannot be compared with the measured value."""
    names = _values(check)
    first = row.get(names[0])
    if not isinstance(first, Quantity):
        return []
    value_spec = source.column(names[0])
    assert value_spec is not None
    errors = []
    others = [(n, row.get(n)) for n in names[1:]]
    for key in ("min", "max"):
        raw = check.get(key)
        if isinstance(raw, str) and source.column(raw) is not None:
            others.append((raw, row.get(raw)))
        elif raw is not None:  # a limit fixed in the template: the value's unit must fit it
            limit = _literal(raw, value_spec)
            if limit.dimension != first.dimension:
                errors.append(FieldError(f"{path}.{names[0]}", f"{value_spec.label} {first} "
                                         f"cannot be compared with the limit {limit}"))
    for name, other in others:
        if isinstance(other, Quantity) and other.dimension != first.dimension:
            column = source.column(name)
            label = column.label if column else name
            errors.append(FieldError(
                f"{path}.{name}", f"{label} {other} ({other.dimension}) cannot be compared "
                f"with {value_spec.label} {first} ({first.dimension})"))
    return errors


def _check_inputs(spec: SectionSpec, template: Template,
                  values: Mapping[str, Any]) -> list[FieldError]:
    source = template.field(str(spec.options["source"]))
    assert source is not None
    errors = []
    for i, row in enumerate(values.get(source.name) or []):
        for check in spec.options["checks"]:
            errors += _row_dimensions(check, row, source, f"{source.name}[{i}]")
    return list(dict.fromkeys(errors))  # the same column may be a limit of several checks


def _render_conclusion(spec: SectionSpec, ctx: Context) -> list[Block]:
    outcomes = [ctx.outcomes[s] for s in spec.options.get("from") or [] if s in ctx.outcomes]
    total = sum(o.total for o in outcomes)
    failures = [f for o in outcomes for f in o.failures]
    verdict = PASS if total and not failures else FAIL if failures else NOT_TESTED
    local = {"verdict": verdict, "total_count": str(total), "failed_count": str(len(failures)),
             "failures": failures}
    text = {PASS: "pass", FAIL: "fail", NOT_TESTED: "none"}[verdict]
    fallback = "No results were entered, so no conclusion can be drawn."
    return [*ctx.body(spec.body, local),
            *ctx.body(str(spec.options.get(text, fallback if text == "none" else "")), local)]


def _check_conclusion(spec: SectionSpec, template: Template) -> list[str]:
    where = f"section '{spec.id}'"
    ids = {s.id: s.kind for s in template.sections}
    sources = spec.options.get("from")
    if not isinstance(sources, list) or not sources:
        return [f"{where}: 'from' must list checks sections"]
    problems = [f"{where}: '{s}' is not a checks section" for s in sources
                if ids.get(s) != "checks"]
    allowed = set(_CONCLUSION_LOCALS) | {f.name for f in template.fields}
    for key in ("pass", "fail", "none"):
        problems += unknown_placeholders(str(spec.options.get(key, "")), allowed.__contains__,
                                         f"{where} {key}")
    return problems


CHECKS = Kind(render=_render_checks, check_template=_check_template,
              check_inputs=_check_inputs, prepare=_prepare_checks)
CONCLUSION = Kind(render=_render_conclusion, check_template=_check_conclusion,
                  locals=_CONCLUSION_LOCALS)
