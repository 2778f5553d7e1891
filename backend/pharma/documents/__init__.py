"""Pure generator for pharma QA documents: YAML templates in, Markdown/DOCX/PDF out.

Pipeline: `validate(type, inputs)` → `build(type, inputs)` → `to_markdown` / `to_docx` /
`to_pdf`. Templates live in data/seed/pharma/templates/<type>.yaml; a new document type is a
new YAML file. No web or database imports here.
"""

from __future__ import annotations

from backend.pharma.documents.builder import build
from backend.pharma.documents.catalog import (
    KINDS,
    TEMPLATE_DIR,
    default_templates,
    get_template,
    list_types,
    load_templates,
)
from backend.pharma.documents.docx_export import to_docx
from backend.pharma.documents.errors import DocumentInputError, FieldError
from backend.pharma.documents.markdown import to_markdown
from backend.pharma.documents.model import (
    BulletList,
    Calculation,
    CalculationStep,
    Document,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from backend.pharma.documents.pdf_export import to_pdf
from backend.pharma.documents.templates import Template, TemplateError
from backend.pharma.documents.validation import ValidatedInput, validate

__all__ = [
    "KINDS",
    "TEMPLATE_DIR",
    "BulletList",
    "Calculation",
    "CalculationStep",
    "Document",
    "DocumentInputError",
    "FieldError",
    "Paragraph",
    "Section",
    "Subheading",
    "Table",
    "Template",
    "TemplateError",
    "ValidatedInput",
    "build",
    "default_templates",
    "get_template",
    "list_types",
    "load_templates",
    "to_docx",
    "to_markdown",
    "to_pdf",
    "validate",
]
