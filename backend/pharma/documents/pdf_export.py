"""to_pdf(doc): a PDF laid out with reportlab platypus, footer with title, ID, version, page X of Y.

The standard PDF fonts are used (nothing embedded, so files stay small); they cover
Windows-1252, so the few symbols outside it (≤, ≥, →...) are spelled out in ASCII.
"""

from __future__ import annotations

import io
import re
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

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

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
_ASCII = {"≤": "<=", "≥": ">=", "→": "->", "≈": "~", "−": "-", "Δ": "delta ", "✓": "v",
          "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "\u202f": " ", "\u2009": " "}
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _safe(text: str) -> str:
    """Text the standard fonts can draw: known symbols spelled out, anything else as '?'."""
    text = "".join(_ASCII.get(ch, ch) for ch in text)
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _markup(text: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", escape(_safe(text)))


def _styles() -> StyleSheet1:
    styles = getSampleStyleSheet()
    styles.add(ParagraphStyle("Cell", parent=styles["BodyText"], fontSize=7.5, leading=9,
                              spaceBefore=0, spaceAfter=0))
    styles.add(ParagraphStyle("HeadCell", parent=styles["Cell"], fontName="Helvetica-Bold"))
    styles.add(ParagraphStyle("Caption", parent=styles["BodyText"], fontName="Helvetica-Oblique",
                              fontSize=8.5, spaceAfter=2))
    for name, size in (("Title", 18), ("Heading1", 14), ("Heading2", 12), ("Heading3", 10.5)):
        styles[name].fontSize, styles[name].leading = size, size * 1.25
        styles[name].keepWithNext = 1
    styles["Heading1"].spaceBefore = 10
    return styles


def _widths(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> list[float]:
    """Widths in proportion to each column's longest text, but wide enough for its longest word."""
    cells = [[c, *(r[i] for r in rows)] for i, c in enumerate(columns)]
    want = [min(max(len(t) for t in col), 45) + 6 for col in cells]
    # Measured in the bold face (the widest we use) plus the 6 pt cell padding on each side.
    need = [max(stringWidth(_safe(w), "Helvetica-Bold", 7.5) for t in col for w in t.split()
                or [""]) + 13 for col in cells]
    widths = [WIDTH * w / sum(want) for w in want]
    short = [max(n - w, 0.0) for n, w in zip(need, widths, strict=True)]
    spare = [max(w - n, 0.0) for n, w in zip(need, widths, strict=True)]
    if sum(short) and sum(spare) >= sum(short):  # words would break: borrow from roomy columns
        take = sum(short) / sum(spare)
        widths = [w + s - p * take for w, s, p in zip(widths, short, spare, strict=True)]
    return widths


def _table(columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...], caption: str,
           styles: StyleSheet1) -> list[Flowable]:
    data = [[PdfParagraph(_markup(c), styles["HeadCell"]) for c in columns]]
    data += [[PdfParagraph(_markup(c), styles["Cell"]) for c in row] for row in rows]
    # splitInRow: a cell taller than a page (a long textarea) continues on the next page.
    table = PdfTable(data, colWidths=_widths(columns, rows), repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    head = [PdfParagraph(_markup(caption), styles["Caption"])] if caption else []
    return [*head, table, Spacer(1, 6)]


def _block(block: Block, styles: StyleSheet1) -> list[Flowable]:
    if isinstance(block, Paragraph):
        return [PdfParagraph(_markup(block.text), styles["BodyText"])]
    if isinstance(block, Subheading):
        return [PdfParagraph(f"<b>{_markup(block.text)}</b>", styles["BodyText"])]
    if isinstance(block, BulletList):
        items = [ListItem(PdfParagraph(_markup(i), styles["BodyText"])) for i in block.items]
        kind: dict[str, Any] = {"bulletType": "1"} if block.ordered else {"bulletType": "bullet",
                                                                          "start": "•"}
        return [ListFlowable(items, leftIndent=12, bulletFontSize=8, **kind)]
    if isinstance(block, Table):
        return _table(block.columns, block.rows, block.caption, styles)
    assert isinstance(block, Calculation)
    rows = tuple((s.label, s.formula, s.substitution, s.result) for s in block.steps)
    return [KeepTogether(_table(CALC_COLUMNS, rows, f"Calculation: {block.title}", styles))]


class _NumberedCanvas(Canvas):
    """Draws the footer after the last page, when the page count is known."""

    footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the page's state; it is drawn in save(), once the count is known."""
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Draw every kept page with its footer, then write the file."""
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont("Helvetica", 7.5)
            self.setFillColor(colors.grey)
            self.drawString(MARGIN, 10 * mm, _safe(self.footer))
            self.drawRightString(A4[0] - MARGIN, 10 * mm,
                                 f"Page {self._pageNumber} of {len(self._saved)}")
            super().showPage()
        super().save()


def _story(doc: Document, styles: StyleSheet1) -> list[Flowable]:
    story: list[Flowable] = [PdfParagraph(_markup(doc.title), styles["Title"])]
    if doc.subtitle:
        story.append(PdfParagraph(f"<i>{_markup(doc.subtitle)}</i>", styles["BodyText"]))
    if doc.metadata:
        story += _table(("Field", "Value"), doc.metadata, "", styles)
    for section in doc.sections:
        story.append(PdfParagraph(_markup(section.title), styles[f"Heading{section.level}"]))
        for block in section.blocks:
            story += _block(block, styles)
    return story


def to_pdf(doc: Document) -> bytes:
    """The document as PDF bytes; `invariant` keeps the bytes the same for the same Document."""
    buffer = io.BytesIO()
    layout = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=_safe(doc.title), author="LUMEN", subject=_safe(doc.subtitle),
        creator="LUMEN", invariant=1, pageCompression=1)
    canvas_class = type("FooterCanvas", (_NumberedCanvas,), {"footer": doc.footer})
    layout.build(_story(doc, _styles()), canvasmaker=canvas_class)
    return buffer.getvalue()
