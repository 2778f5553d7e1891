"""`lumen drugs …`, `lumen interactions pairs`, `lumen eval interactions`."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import typer

drugs_app = typer.Typer(help="Drug database.", no_args_is_help=True)


def _engine() -> tuple[Any, Any]:
    from backend.config import load_settings
    from backend.drugs.catalog import load_catalog
    from backend.drugs.resolver import Resolver
    from backend.interactions.knowledge import load_knowledge

    seed_dir = load_settings().seed_dir
    catalog = load_catalog(seed_dir)
    return Resolver(catalog), load_knowledge(seed_dir, catalog)


@drugs_app.command("seed")
def seed(force: bool = typer.Option(False, help="Reload even if the seed is unchanged.")) -> None:
    """Load data/seed/drugs into the database (skipped when unchanged)."""
    from backend.config import load_settings
    from backend.drugs.seed import seed_sync

    typer.echo(json.dumps(seed_sync(load_settings(), force=force)))


@drugs_app.command("build")
def build(limit: int = typer.Option(0, help="First N ChEMBL rows only (0: all).")) -> None:
    """Rebuild ingredients.csv and names.csv from the packaged ChEMBL and name data."""
    from ml.drugdb.build import DEFAULT_OUT
    from ml.drugdb.build import build as run_build

    report = run_build(DEFAULT_OUT, limit or None)
    typer.echo(json.dumps({k: v for k, v in report.items() if k != "conflict_examples"}))


def pairs(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CSV of drug_a,drug_b."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list."),
) -> None:
    """Check each row's pair; print severity and mechanism in input order."""
    from backend.interactions.evaluation import assess_pair

    resolver, knowledge = _engine()
    out = []
    with file.open(newline="") as fh:
        for i, row in enumerate(csv.reader(fh)):
            if len(row) < 2 or (i == 0 and [c.strip().lower() for c in row[:2]]
                                == ["drug_a", "drug_b"]):
                continue
            got = assess_pair(row[0], row[1], resolver, knowledge)
            out.append({"drug_a": row[0], "drug_b": row[1], "resolved_a": got.resolved_a,
                        "resolved_b": got.resolved_b, "severity": got.severity.name,
                        "mechanism": got.mechanism})
    if as_json:
        json.dump(out, sys.stdout)
        sys.stdout.write("\n")
        return
    for item in out:
        typer.echo(f"{item['resolved_a']} + {item['resolved_b']}: {item['severity']}"
                   + (f" — {item['mechanism']}" if item["mechanism"] else ""))


def eval_interactions(
    file: Path = typer.Option(None, help="Labelled CSV (default: data/seed/eval/…)."),
    as_json: bool = typer.Option(False, "--json", help="Print figures as JSON."),
    show: bool = typer.Option(False, help="List misses and false alarms."),
) -> None:
    """Sensitivity and false-alarm rate of the checker on our labelled pairs."""
    from backend.config import load_settings
    from backend.interactions.evaluation import evaluate, read_labelled

    path = file or load_settings().seed_dir / "eval" / "interactions.csv"
    resolver, knowledge = _engine()
    result = evaluate(read_labelled(path), resolver, knowledge)
    figures = result.figures()
    if as_json:
        typer.echo(json.dumps(figures))
    else:
        for key, value in figures.items():
            typer.echo(f"{key:>26}: {value}")
    if show:
        for label in result.misses:
            typer.echo(f"MISS   {label}")
        for label in result.alarms:
            typer.echo(f"ALARM  {label}")
        for label in result.unresolved:
            typer.echo(f"UNRES  {label}")
