"""Fill `{{name}}` placeholders and turn the small Markdown-ish body syntax into blocks.

Body syntax: blank lines separate paragraphs; `- ` and `1. ` lines make lists; `### ` makes a
subheading; `**bold**` inline. A line `- {{items}}` (or `1. {{items}}`) with a list value
becomes one item per element. A line that refers to an empty value is left out, which is how
optional content disappears without conditionals in the template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from backend.pharma.documents.fields import is_empty
from backend.pharma.documents.model import Block, BulletList, Paragraph, Subheading
from backend.pharma.documents.templates import PLACEHOLDER, FieldSpec
from backend.pharma.units import Quantity, format_number

_ORDERED = re.compile(r"^\d+\.\s+")
_EXPAND = re.compile(r"^(- |\d+\.\s+)\{\{\s*([A-Za-z_][\w.]*)\s*\}\}\s*$")


def format_value(value: Any, spec: FieldSpec | None = None) -> str:
    """A typed value as printed: numbers with their unit, dates ISO, lists joined."""
    if is_empty(value):
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        unit = spec.unit if spec is not None else ""
        sep = "" if unit in ("", "%") else " "
        return f"{format_number(value)}{sep}{unit}"
    if isinstance(value, Quantity | date):
        return str(value)
    if isinstance(value, list):
        return "; ".join(format_value(v) for v in value if not isinstance(v, dict))
    return str(value)


def fill(text: str, lookup: Callable[[str], str]) -> str:
    """Replace every placeholder with its printed value (one pass: values are not re-read)."""
    return PLACEHOLDER.sub(lambda m: lookup(m.group(1)), text)


def _expand_lines(body: str, values: Mapping[str, Any], lookup: Callable[[str], str]) -> list[str]:
    """Expand list placeholders into items and drop lines that refer to empty values."""
    lines: list[str] = []
    for line in body.splitlines():
        names = PLACEHOLDER.findall(line)
        expand = _EXPAND.match(line.strip())
        if expand and isinstance(values.get(expand.group(2)), list):
            marker = "- " if expand.group(1) == "- " else "1. "
            lines += [marker + str(item) for item in values[expand.group(2)]]
        elif not any(lookup(n) == "" for n in names):
            lines.append(fill(line, lookup))
    return lines


def _chunk_blocks(chunk: list[str]) -> list[Block]:
    """Blocks for consecutive non-blank lines: subheadings, lists and one paragraph."""
    blocks: list[Block] = []
    para: list[str] = []
    items: list[str] = []
    ordered = False

    def flush() -> None:
        """Close the open paragraph or list."""
        if para:
            blocks.append(Paragraph(" ".join(para)))
            para.clear()
        if items:
            blocks.append(BulletList(tuple(items), ordered))
            items.clear()

    for line in (raw.strip() for raw in chunk):
        is_bullet, is_number = line.startswith("- "), bool(_ORDERED.match(line))
        if line.startswith("### "):
            flush()
            blocks.append(Subheading(line[4:].strip()))
        elif is_bullet or is_number:
            if para or (items and ordered != is_number):
                flush()
            ordered = is_number
            items.append(line[2:].strip() if is_bullet else _ORDERED.sub("", line))
        else:
            if items:
                flush()
            para.append(line)
    flush()
    return blocks


def render_body(body: str, values: Mapping[str, Any], lookup: Callable[[str], str]) -> list[Block]:
    """Blocks for a template body after its placeholders are filled."""
    text = "\n".join(_expand_lines(body, values, lookup))
    blocks: list[Block] = []
    chunk: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            chunk.append(line)
        elif chunk:
            blocks += _chunk_blocks(chunk)
            chunk = []
    return blocks
