"""The section kinds and the template catalogue: load a folder of YAML templates and check them."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from backend.pharma.documents.context import Kind, unknown_placeholders
from backend.pharma.documents.errors import DocumentInputError, FieldError
from backend.pharma.documents.kinds_basic import SIGNATURES, TABLE, TEXT
from backend.pharma.documents.kinds_checks import CHECKS, CONCLUSION
from backend.pharma.documents.kinds_maco import MACO, WORST_CASE
from backend.pharma.documents.templates import (
    FieldSpec,
    Template,
    TemplateError,
    parse_common,
    parse_template,
)

KINDS: dict[str, Kind] = {"text": TEXT, "table": TABLE, "signatures": SIGNATURES,
                          "checks": CHECKS, "conclusion": CONCLUSION, "maco": MACO,
                          "worst_case": WORST_CASE}
TEMPLATE_DIR = Path(__file__).resolve().parents[3] / "data" / "seed" / "pharma" / "templates"
COMMON_FILE = "_common.yaml"  # files starting with "_" are shared parts, not document types


def _field_problems(field: FieldSpec, template: Template) -> list[str]:
    if field.below is None:
        return []
    other = template.field(field.below)
    if other is None or other.type != field.type or field.type != "number":
        return [f"field '{field.name}': 'below' must name another number field"]
    return []


def check_template(template: Template) -> list[str]:
    """Problems with a parsed template: unknown kinds, fields or placeholders."""
    problems = [p for f in template.fields for p in _field_problems(f, template)]
    kinds = [KINDS.get(s.kind) for s in template.sections]
    provided = {name for kind in kinds if kind is not None for name in kind.provides}
    for section, kind in zip(template.sections, kinds, strict=True):
        where = f"section '{section.id}'"
        if kind is None:
            problems.append(f"{where}: unknown kind '{section.kind}'; known: {', '.join(KINDS)}")
            continue
        if section.when is not None and template.field(section.when) is None:
            problems.append(f"{where}: 'when' names no field '{section.when}'")
        allowed = provided | set(kind.locals) | {f.name for f in template.fields}
        problems += unknown_placeholders(section.body, allowed.__contains__, where)
        problems += kind.check_template(section, template)
    return problems


def load_template(path: Path, common: tuple[FieldSpec, ...] = ()) -> Template:
    """Parse and check one template file; TemplateError lists every problem found."""
    template = parse_template(path, common)
    problems = check_template(template)
    if problems:
        raise TemplateError(f"{path.name}: " + "; ".join(problems))
    return template


def load_templates(directory: Path | str | None = None) -> dict[str, Template]:
    """Every `<type>.yaml` in a folder (default: the shipped templates), keyed by type."""
    folder = Path(directory) if directory is not None else TEMPLATE_DIR
    common_path = folder / COMMON_FILE
    if not common_path.exists():  # a folder of extra types shares the shipped header fields
        common_path = TEMPLATE_DIR / COMMON_FILE
    common = parse_common(common_path) if common_path.exists() else ()
    paths = sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))
    return {t.type: t for t in (load_template(p, common) for p in paths)}


@functools.cache
def default_templates() -> Mapping[str, Template]:
    """The shipped templates, loaded once per process."""
    return load_templates()


def get_template(doc_type: str, templates: Mapping[str, Template] | None = None) -> Template:
    """The template for a type; an unknown type is an input error on the `type` field."""
    catalogue = default_templates() if templates is None else templates
    if not isinstance(doc_type, str) or doc_type not in catalogue:
        known = ", ".join(sorted(catalogue))
        raise DocumentInputError([FieldError("type", f"unknown document type {doc_type!r}; "
                                                     f"known: {known}")])
    return catalogue[doc_type]


def list_types(templates: Mapping[str, Template] | None = None) -> list[dict[str, Any]]:
    """Each type's id, title, description and input fields, for a form or an API."""
    catalogue = default_templates() if templates is None else templates
    return [catalogue[t].describe() for t in sorted(catalogue)]
