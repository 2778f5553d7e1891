"""The rendered document: ordered sections of paragraphs, lists, tables and calculation blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; `**bold**` is the only inline markup."""

    text: str


@dataclass(frozen=True)
class Subheading:
    """A run-in heading inside a section (not numbered)."""

    text: str


@dataclass(frozen=True)
class BulletList:
    """A bulleted (or numbered, when `ordered`) list."""

    items: tuple[str, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    """A table with a header row; every row has one cell per column."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class CalculationStep:
    """One line of a calculation: what it is, the formula, the numbers and the result."""

    label: str
    formula: str
    substitution: str
    result: str


@dataclass(frozen=True)
class Calculation:
    """A calculation block, shown in full so a reviewer can check it by hand."""

    title: str
    steps: tuple[CalculationStep, ...]


Block = Paragraph | Subheading | BulletList | Table | Calculation


@dataclass(frozen=True)
class Section:
    """A numbered section: heading, level (1 = top) and its blocks in order."""

    id: str
    number: str
    heading: str
    level: int
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        """The heading with its number, as printed."""
        return f"{self.number} {self.heading}"

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The section's paragraphs."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        """The section's tables."""
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def calculations(self) -> list[Calculation]:
        """The section's calculation blocks."""
        return [b for b in self.blocks if isinstance(b, Calculation)]


@dataclass(frozen=True)
class Document:
    """A built document; every field is already text or a date, so exporters only lay it out."""

    type: str
    title: str
    subtitle: str
    document_id: str
    version: str
    date: date
    metadata: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def section(self, section_id: str) -> Section:
        """The section with this template id; KeyError when it was left out."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    @property
    def footer(self) -> str:
        """Title, document ID and version, as printed in every page footer."""
        return f"{self.title} | {self.document_id} | Version {self.version}"
