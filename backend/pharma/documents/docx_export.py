"""to_docx(doc): a Word file with real headings, tables, and title/ID/version/page footer."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, time

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from backend.pharma.documents.markdown import CALC_COLUMNS
from backend.pharma.documents.model import (
    Block,
    BulletList,
    Calculation,
    Document,
    Paragraph,
    Subheading,
    Table,
)

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _runs(paragraph: DocxParagraph, text: str) -> None:
    """Add text to a paragraph, with `**bold**` spans as bold runs."""
    for i, piece in enumerate(_BOLD.split(text)):
        if piece:
            paragraph.add_run(piece).bold = i % 2 == 1


def _table(out: DocxDocument, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...],
           caption: str) -> None:
    if caption:
        out.add_paragraph().add_run(caption).italic = True
    table = out.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, columns, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            _runs(cell.paragraphs[0], text)
    out.add_paragraph()  # Word joins adjacent tables into one without a paragraph between


def _block(out: DocxDocument, block: Block) -> None:
    if isinstance(block, Paragraph):
        _runs(out.add_paragraph(), block.text)
    elif isinstance(block, Subheading):
        out.add_paragraph().add_run(block.text).bold = True
    elif isinstance(block, BulletList):
        style = "List Number" if block.ordered else "List Bullet"
        for item in block.items:
            _runs(out.add_paragraph(style=style), item)
    elif isinstance(block, Table):
        _table(out, block.columns, block.rows, block.caption)
    elif isinstance(block, Calculation):
        rows = tuple((s.label, s.formula, s.substitution, s.result) for s in block.steps)
        _table(out, CALC_COLUMNS, rows, f"Calculation: {block.title}")


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == instruction else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _footer(out: DocxDocument, doc: Document) -> None:
    paragraph = out.sections[0].footer.paragraphs[0]
    paragraph.add_run(f"{doc.footer} | Page ")
    _field(paragraph, " PAGE ")
    paragraph.add_run(" of ")
    _field(paragraph, " NUMPAGES ")
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _properties(out: DocxDocument, doc: Document) -> None:
    stamp = datetime.combine(doc.date, time())  # from the inputs, so the file is reproducible
    props = out.core_properties
    props.title, props.identifier, props.version = doc.title, doc.document_id, doc.version
    props.subject, props.author, props.last_modified_by = doc.subtitle, "LUMEN", "LUMEN"
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1


def _stable_zip(data: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """Rewrite the package with fixed entry times (python-docx stamps them with 'now')."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def to_docx(doc: Document) -> bytes:
    """The document as .docx bytes; the same Document always gives the same bytes."""
    out = docx.Document()
    _properties(out, doc)
    out.add_heading(doc.title, level=0)
    if doc.subtitle:
        out.add_paragraph().add_run(doc.subtitle).italic = True
    if doc.metadata:
        _table(out, ("Field", "Value"), doc.metadata, "")
    for section in doc.sections:
        out.add_heading(section.title, level=section.level)
        for block in section.blocks:
            _block(out, block)
    _footer(out, doc)
    buffer = io.BytesIO()
    out.save(buffer)
    year = max(doc.date.year, 1980)  # the zip format cannot store earlier dates
    return _stable_zip(buffer.getvalue(), (year, doc.date.month, doc.date.day, 0, 0, 0))
