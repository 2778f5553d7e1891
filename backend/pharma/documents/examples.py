"""Render the shipped example of every document type to Markdown and PDF.

Usage: `python -m backend.pharma.documents.examples OUTDIR`.

Inputs come from data/seed/pharma/examples/<type>.json (fictional company and equipment).
Writes <type>.md and <type>.pdf into OUTDIR and prints, per type, the time to build the
document and export it to DOCX and PDF.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from backend.pharma.documents.builder import build
from backend.pharma.documents.catalog import TEMPLATE_DIR, default_templates
from backend.pharma.documents.docx_export import to_docx
from backend.pharma.documents.markdown import to_markdown
from backend.pharma.documents.pdf_export import to_pdf

EXAMPLES_DIR = TEMPLATE_DIR.parent / "examples"


def example_inputs(doc_type: str) -> dict[str, Any]:
    """The shipped example inputs of one document type."""
    data: dict[str, Any] = json.loads((EXAMPLES_DIR / f"{doc_type}.json").read_text("utf-8"))
    return data


def render_examples(out_dir: Path) -> dict[str, float]:
    """Write every type's example as Markdown and PDF; seconds for build + DOCX + PDF per type."""
    out_dir.mkdir(parents=True, exist_ok=True)
    timings = {}
    for doc_type in sorted(default_templates()):
        inputs = example_inputs(doc_type)
        start = time.perf_counter()
        doc = build(doc_type, inputs)
        to_docx(doc)
        pdf = to_pdf(doc)
        timings[doc_type] = time.perf_counter() - start
        (out_dir / f"{doc_type}.md").write_text(to_markdown(doc), encoding="utf-8")
        (out_dir / f"{doc_type}.pdf").write_bytes(pdf)
    return timings


def main(argv: list[str]) -> int:
    """Entry point; returns the process exit code."""
    if len(argv) != 1:
        print("usage: python -m backend.pharma.documents.examples OUTDIR", file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    for doc_type, seconds in render_examples(out_dir).items():
        size = (out_dir / f"{doc_type}.pdf").stat().st_size
        print(f"{doc_type:38s} build+docx+pdf {seconds * 1000:7.1f} ms   pdf {size / 1024:6.1f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
