"""Benchmark: interaction checks and bulk pair scoring on the shipped knowledge.

- 10-drug check (engine, names already typed by a user: resolution + 45 pairs): p50/p95.
- `lumen interactions pairs FILE --json` on 2,000 rows, as a subprocess (includes start-up and
  loading the catalogue): wall time.
- Checker quality on data/seed/eval/interactions.csv.
Run: `make bench` (or `python -m tests.bench.interactions`).
"""

from __future__ import annotations

import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from backend.drugs.catalog import load_catalog
from backend.drugs.resolver import Resolver
from backend.interactions.engine import check
from backend.interactions.evaluation import evaluate, read_labelled
from backend.interactions.knowledge import load_knowledge
from tests.support import REPO

SEED = REPO / "data" / "seed"
RUNS = 500


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_check(resolver: Resolver, knowledge: object, names: list[str]) -> None:
    rng = random.Random(7)
    times = []
    for _ in range(RUNS):
        drugs = rng.sample(names, 10)
        start = time.perf_counter()
        check(drugs, resolver, knowledge)  # type: ignore[arg-type]
        times.append((time.perf_counter() - start) * 1000)
    print(f"10-drug check (n={RUNS}): p50 {statistics.median(times):.2f} ms, "
          f"p95 {pct(times, 0.95):.2f} ms, max {max(times):.2f} ms")


def bench_pairs_cli(names: list[str]) -> None:
    rng = random.Random(11)
    noisy = [*names, "ibuprofin", "Advil", "Tylenol", "metformin 500 mg", "notadrug"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.csv"
        with path.open("w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["drug_a", "drug_b"])
            writer.writerows((rng.choice(noisy), rng.choice(noisy)) for _ in range(2000))
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "backend.cli.main", "interactions", "pairs",
                              str(path), "--json"], cwd=REPO, capture_output=True, text=True)
        took = time.perf_counter() - start
    assert out.returncode == 0, out.stderr
    print(f"lumen interactions pairs, 2,000 rows: {took:.2f} s wall (incl. start-up)")


def main() -> None:
    start = time.perf_counter()
    catalog = load_catalog(SEED)
    knowledge = load_knowledge(SEED, catalog)
    resolver = Resolver(catalog)
    print(f"load catalogue + knowledge: {time.perf_counter() - start:.2f} s; "
          f"{len(catalog.ingredients)} ingredients, {sum(map(len, catalog.names.values()))} "
          f"names, {len(catalog.curated)} curated, {len(knowledge.rules)} rules, "
          f"{len(knowledge.pairs)} curated pairs")
    names = sorted(d.name for d in catalog.curated.values())
    bench_check(resolver, knowledge, names)
    bench_pairs_cli(names)
    figures = evaluate(read_labelled(SEED / "eval" / "interactions.csv"), resolver,
                       knowledge).figures()
    print("evaluation: " + ", ".join(f"{k} {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
