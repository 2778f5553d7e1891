"""Section kinds for plain text, tables from inputs and signature blocks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from backend.pharma.documents.context import Context, Kind, table_field, unknown_placeholders
from backend.pharma.documents.model import Block, Table
from backend.pharma.documents.templates import FieldSpec, SectionSpec, Template
from backend.pharma.documents.text import fill, format_value
from backend.pharma.units import Quantity, UnitError


def _render_text(spec: SectionSpec, ctx: Context) -> list[Block]:
    return ctx.body(spec.body)


def _columns(spec: SectionSpec, source: FieldSpec) -> list[tuple[str, str]]:
    """(header, cell template) pairs; a bare column name means that column with its label."""
    if source.type == "list":
        return [("No.", "{{index}}"), (source.label, "{{row.item}}")]
    out = []
    for column in spec.options.get("columns") or [c.name for c in source.columns]:
        if isinstance(column, str):
            found = source.column(column)
            out.append((found.label if found else column, f"{{{{row.{column}}}}}"))
        else:
            out.append((str(column.get("label", "")), str(column.get("value", ""))))
    return out


def _check_table(spec: SectionSpec, template: Template) -> list[str]:
    where = f"section '{spec.id}'"
    rows = spec.options.get("rows")
    if rows is not None:
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            return [f"{where}: 'rows' must be a list of lists"]
        width = len(spec.options.get("columns") or [])
        bad = [r for r in rows if len(r) != width]
        return [f"{where}: every literal row needs {width} cells"] if bad else []
    source, problems = table_field(spec, template, types=("table", "list"))
    if source is None:
        return problems
    names = {f"row.{c.name}" for c in source.columns} | {"index", "row.item"}
    for column in spec.options.get("columns") or []:
        if isinstance(column, str) and source.column(column) is None:
            problems.append(f"{where}: no column '{column}' in '{source.name}'")
        elif isinstance(column, Mapping):
            problems += unknown_placeholders(
                f"{column.get('label', '')} {column.get('value', '')}",
                lambda n: n in names or template.field(n) is not None, where)
    total = spec.options.get("total")
    found = source.column(str(total)) if total else None
    if total and (found is None or found.type not in ("number", "quantity")):
        problems.append(f"{where}: 'total' must name a number or quantity column")
    return problems


def column_sum(rows: Sequence[Mapping[str, Any]], column: str) -> Any:
    """Sum of a number or quantity column in the first given unit; None when all are empty."""
    given = [r[column] for r in rows if r.get(column) is not None]
    if not given:
        return None
    if isinstance(given[0], Quantity):
        unit = given[0].unit
        try:
            return Quantity(sum(q.magnitude(unit) for q in given), unit)
        except UnitError:
            return None  # mixed dimensions: validation reports them; no total is printed
    return sum(given)


def _cells(ctx: Context, columns: list[tuple[str, str]], local: dict[str, Any]) -> tuple[str, ...]:
    return tuple(fill(template, lambda n: ctx.lookup(n, local)) for _, template in columns)


def row_local(source: FieldSpec, row: Any, index: int) -> dict[str, Any]:
    """Printed values of one row as `row.<column>` placeholders, plus its 1-based `index`."""
    if source.type == "list":
        return {"index": str(index), "row.item": row}
    local: dict[str, Any] = {"index": str(index)}
    for column in source.columns:
        local[f"row.{column.name}"] = format_value(row.get(column.name), column)
    return local


def _render_table(spec: SectionSpec, ctx: Context) -> list[Block]:
    blocks = ctx.body(spec.body)
    caption = fill(str(spec.options.get("caption", "")), ctx.lookup)
    if "rows" in spec.options:
        headers = tuple(str(c) for c in spec.options.get("columns") or [])
        literal = tuple(tuple(fill(str(cell), ctx.lookup) for cell in row)
                        for row in spec.options["rows"])
        return [*blocks, Table(headers, literal, caption)]
    source = ctx.template.field(str(spec.options["source"]))
    assert source is not None  # checked when the template was loaded
    data = ctx.values.get(source.name) or []
    if not data:
        empty = spec.options.get("empty")
        return [*blocks, *ctx.body(str(empty))] if empty else blocks
    columns = _columns(spec, source)
    rows = [_cells(ctx, columns, row_local(source, row, i)) for i, row in enumerate(data, 1)]
    if total := spec.options.get("total"):
        column = source.column(str(total))
        local = {f"row.{total}": format_value(column_sum(data, str(total)), column)}
        cells = list(_cells(ctx, columns, local))
        cells[0] = cells[0] or "Total"
        rows.append(tuple(cells))
    headers = tuple(fill(h, ctx.lookup) for h, _ in columns)
    return [*blocks, Table(headers, tuple(rows), caption)]


def _check_signatures(spec: SectionSpec, template: Template) -> list[str]:
    if spec.options.get("source") is None:
        return []
    source, problems = table_field(spec, template)
    if source is not None and source.column("role") is None:
        problems.append(f"section '{spec.id}': the signature table needs a 'role' column")
    return problems


def _render_signatures(spec: SectionSpec, ctx: Context) -> list[Block]:
    blocks = ctx.body(spec.body)
    people = ctx.values.get(str(spec.options.get("source", "")), None) or [
        {"role": role} for role in spec.options.get("roles") or
        ["Prepared by", "Reviewed by", "Approved by (Quality Assurance)"]]
    # Signature and date stay blank: they are written by hand or by the e-signature workflow.
    rows = tuple((format_value(p.get("role")), format_value(p.get("name")),
                  format_value(p.get("function")), "", "") for p in people)
    blocks.append(Table(("Role", "Name", "Function", "Signature", "Date"), rows,
                        "Approval signatures"))
    signed = ctx.extra.get("signatures") or []
    if signed:
        blocks.append(Table(("Meaning", "Signed by", "Signed at (UTC)"), tuple(
            (str(s.get("meaning", "")), str(s.get("name", "")), str(s.get("signed_at", "")))
            for s in signed), "Electronic signatures (21 CFR Part 11)"))
    return blocks


TEXT = Kind(render=_render_text)
TABLE = Kind(render=_render_table, check_template=_check_table)
SIGNATURES = Kind(render=_render_signatures, check_template=_check_signatures)
