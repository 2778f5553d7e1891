"""Benchmark: pharma document generation per type (build + DOCX + PDF), from the shipped examples.

Run: `.venv/bin/python -m tests.bench.documents` (part of `make bench`). Prints the median and
the slowest of five runs per type, in milliseconds, on this machine.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from backend.pharma.documents.examples import render_examples

RUNS = 5


def main() -> None:
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        render_examples(Path(tmp))  # warm-up: template loading, fonts, imports
        for _ in range(RUNS):
            for doc_type, seconds in render_examples(Path(tmp)).items():
                samples.setdefault(doc_type, []).append(seconds * 1000)
    for doc_type, ms in sorted(samples.items()):
        print(f"{doc_type:38s} build+docx+pdf median {statistics.median(ms):7.1f} ms  "
              f"max {max(ms):7.1f} ms  (n={RUNS})")


if __name__ == "__main__":
    main()
