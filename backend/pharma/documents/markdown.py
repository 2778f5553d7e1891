"""to_markdown(doc): the document as GitHub-flavoured Markdown (previews, diffs, examples)."""

from __future__ import annotations

from backend.pharma.documents.model import (
    Block,
    BulletList,
    Document,
    Paragraph,
    Subheading,
    Table,
)

CALC_COLUMNS = ("Step", "Formula", "Substitution", "Result")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>") or " "


def _table(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], caption: str) -> str:
    lines = [f"*{caption}*", ""] if caption else []
    lines.append("| " + " | ".join(_cell(c) for c in columns) + " |")
    lines.append("|" + "---|" * len(columns))
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Subheading):
        return f"**{block.text}**"
    if isinstance(block, BulletList):
        marks = [f"{i}." if block.ordered else "-" for i in range(1, len(block.items) + 1)]
        return "\n".join(f"{m} {item}" for m, item in zip(marks, block.items, strict=True))
    if isinstance(block, Table):
        return _table(block.columns, block.rows, block.caption)
    rows = tuple((s.label, s.formula, s.substitution, s.result) for s in block.steps)
    return _table(CALC_COLUMNS, rows, f"Calculation: {block.title}")


def to_markdown(doc: Document) -> str:
    """Title, metadata table, numbered sections and a footer line with ID and version."""
    parts = [f"# {doc.title}"]
    if doc.subtitle:
        parts.append(f"*{doc.subtitle}*")
    if doc.metadata:
        parts.append(_table(("Field", "Value"), doc.metadata, ""))
    for section in doc.sections:
        parts.append(f"{'#' * (section.level + 1)} {section.title}")
        parts += [_block(b) for b in section.blocks]
    parts.append(f"---\n\n*{doc.footer}*")
    return "\n\n".join(parts) + "\n"
