"""Document templates as data: parse one YAML file per document type into typed specs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from backend.pharma import units

FIELD_TYPES = ("text", "textarea", "number", "quantity", "date", "list", "table", "enum",
               "boolean")
DIMENSIONS = (units.MASS, units.AREA, units.VOLUME, units.MASS_FRACTION, units.SURFACE_DENSITY,
              units.MASS_CONCENTRATION)
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FIELD_KEYS = {"name", "label", "type", "required", "help", "dimension", "unit", "options",
               "columns", "default", "min", "max", "positive", "below", "required_when"}
_SECTION_KEYS = {"id", "heading", "required", "level", "body", "kind", "when"}


class TemplateError(ValueError):
    """A template file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class FieldSpec:
    """One input field of a document type (a table's columns are FieldSpecs too)."""

    name: str
    label: str
    type: str
    required: bool = False
    help: str = ""
    dimension: str | None = None  # quantity: a units.py dimension; None accepts any
    unit: str = ""  # number: the unit it is entered and printed in
    options: tuple[str, ...] = ()  # enum
    columns: tuple[FieldSpec, ...] = ()  # table
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    positive: bool = False  # quantity/number: zero is not allowed either
    below: str | None = None  # number: must be lower than this other field
    required_when: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def column(self, name: str) -> FieldSpec | None:
        """A table column by name, or None."""
        return next((c for c in self.columns if c.name == name), None)

    def describe(self) -> dict[str, Any]:
        """The spec as plain data, for an API listing the inputs a type needs."""
        out: dict[str, Any] = {"name": self.name, "label": self.label, "type": self.type,
                               "required": self.required, "help": self.help}
        extras = {"dimension": self.dimension, "unit": self.unit or None,
                  "options": list(self.options) or None, "default": self.default,
                  "min": self.minimum, "max": self.maximum}
        out.update({k: v for k, v in extras.items() if v is not None})
        if self.columns:
            out["columns"] = [c.describe() for c in self.columns]
        return out


@dataclass(frozen=True)
class SectionSpec:
    """One section of a template; kind-specific settings stay in `options`."""

    id: str
    heading: str
    required: bool = True
    level: int = 1
    body: str = ""
    kind: str = "text"
    when: str | None = None  # include the section only when this field has a value
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Template:
    """A document type: its inputs and its ordered sections."""

    type: str
    title: str
    description: str
    fields: tuple[FieldSpec, ...]
    sections: tuple[SectionSpec, ...]
    source: str = ""
    header: tuple[str, ...] = ()  # the common fields printed in the metadata block

    def field(self, name: str) -> FieldSpec | None:
        """An input field by name, or None."""
        return next((f for f in self.fields if f.name == name), None)

    def describe(self) -> dict[str, Any]:
        """Type id, title, description and fields as plain data."""
        return {"type": self.type, "title": self.title, "description": self.description,
                "fields": [f.describe() for f in self.fields]}


def _need(mapping: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in mapping or mapping[key] in (None, ""):
        raise TemplateError(f"{where}: '{key}' is required")
    return mapping[key]


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TemplateError(f"{where}: expected a number, got {value!r}")
    return float(value)


def parse_field(raw: Any, where: str, nested: bool = False) -> FieldSpec:
    """One field mapping from YAML into a FieldSpec, rejecting unknown keys and types."""
    if not isinstance(raw, Mapping):
        raise TemplateError(f"{where}: a field must be a mapping, got {raw!r}")
    name = str(_need(raw, "name", where))
    where = f"{where} '{name}'"
    if unknown := set(raw) - _FIELD_KEYS:
        raise TemplateError(f"{where}: unknown keys {sorted(unknown)}")
    kind = raw.get("type", "text")
    if kind not in FIELD_TYPES or (nested and kind == "table"):
        raise TemplateError(f"{where}: type must be one of {FIELD_TYPES} (no nested tables)")
    if not _ID.match(name):
        raise TemplateError(f"{where}: names are lower_snake_case")
    dimension = raw.get("dimension")
    if dimension is not None and dimension not in DIMENSIONS:
        raise TemplateError(f"{where}: dimension must be one of {DIMENSIONS}")
    options = tuple(str(o) for o in raw.get("options") or ())
    if kind == "enum" and not options:
        raise TemplateError(f"{where}: an enum needs options")
    columns = tuple(parse_field(c, f"{where} column", nested=True)
                    for c in raw.get("columns") or ())
    if kind == "table" and not columns:
        raise TemplateError(f"{where}: a table needs columns")
    when = {str(k): tuple(str(v) for v in (vs if isinstance(vs, list) else [vs]))
            for k, vs in (raw.get("required_when") or {}).items()}
    return FieldSpec(
        name=name, label=str(raw.get("label") or name.replace("_", " ").capitalize()),
        type=kind, required=bool(raw.get("required", False)), help=str(raw.get("help", "")),
        dimension=dimension, unit=str(raw.get("unit", "")), options=options, columns=columns,
        default=raw.get("default"), minimum=_number(raw.get("min"), where),
        maximum=_number(raw.get("max"), where), positive=bool(raw.get("positive", False)),
        below=raw.get("below"), required_when=when)


def parse_section(raw: Any, where: str) -> SectionSpec:
    """One section mapping; keys other than the common ones become kind options."""
    if not isinstance(raw, Mapping):
        raise TemplateError(f"{where}: a section must be a mapping, got {raw!r}")
    section_id = str(_need(raw, "id", where))
    if not _ID.match(section_id):
        raise TemplateError(f"{where} '{section_id}': ids are lower_snake_case")
    level = raw.get("level", 1)
    if level not in (1, 2, 3):
        raise TemplateError(f"{where} '{section_id}': level must be 1, 2 or 3")
    return SectionSpec(
        id=section_id, heading=str(_need(raw, "heading", f"{where} '{section_id}'")),
        required=bool(raw.get("required", True)), level=level, body=str(raw.get("body") or ""),
        kind=str(raw.get("kind", "text")), when=raw.get("when"),
        options={k: v for k, v in raw.items() if k not in _SECTION_KEYS})


def read_yaml(path: Path) -> Mapping[str, Any]:
    """A YAML file's top-level mapping; a syntax error becomes a TemplateError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TemplateError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(data, Mapping):
        raise TemplateError(f"{path.name}: the top level must be a mapping")
    return data


def parse_common(path: Path) -> tuple[FieldSpec, ...]:
    """The fields every template in a folder shares (document number, version, date...)."""
    return tuple(parse_field(f, f"{path.name} field") for f in read_yaml(path).get("fields") or ())


def parse_template(path: Path, common: tuple[FieldSpec, ...] = ()) -> Template:
    """A template file; `common` fields (document number, version, date...) come first."""
    data, where = read_yaml(path), path.name
    doc_type = str(_need(data, "type", where))
    if doc_type != path.stem:
        raise TemplateError(f"{where}: type '{doc_type}' must match the file name")
    own = [parse_field(f, f"{where} field") for f in data.get("fields") or ()]
    names = {f.name for f in own}
    fields = (*(c for c in common if c.name not in names), *own)  # a template may override
    sections = tuple(parse_section(s, f"{where} section") for s in data.get("sections") or ())
    if not sections:
        raise TemplateError(f"{where}: a template needs sections")
    for label, ids in (("field", [f.name for f in fields]), ("section", [s.id for s in sections])):
        if len(set(ids)) != len(ids):
            raise TemplateError(f"{where}: duplicate {label} names in {ids}")
    return Template(type=doc_type, title=str(_need(data, "title", where)),
                    description=str(data.get("description", "")).strip(), fields=fields,
                    sections=sections, source=str(path),
                    header=tuple(c.name for c in common if c.name in {f.name for f in fields}))
