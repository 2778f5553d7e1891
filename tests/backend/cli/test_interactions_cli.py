"""`lumen interactions pairs` and `lumen eval interactions`."""

from __future__ import annotations

import csv
import json

from backend.interactions.evaluation import read_labelled
from tests.backend.cli.test_cli import lumen
from tests.support import REPO

EVAL = REPO / "data" / "seed" / "eval" / "interactions.csv"


def test_pairs_prints_json_in_input_order(tmp_path) -> None:
    path = tmp_path / "pairs.csv"
    rows = [("drug_a", "drug_b"), ("Zocor", "clarithromycin"), ("paracetamol", "amoxicillin"),
            ("notadrug-xyz", "warfarin"), ("warfarin", "Advil")]
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    out = lumen("interactions", "pairs", str(path), "--json")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert [(g["drug_a"], g["drug_b"]) for g in got] == rows[1:]
    assert set(got[0]) == {"drug_a", "drug_b", "resolved_a", "resolved_b", "severity",
                           "mechanism"}
    assert (got[0]["resolved_a"], got[0]["severity"]) == ("simvastatin", "contraindicated")
    assert "CYP3A4" in got[0]["mechanism"]
    assert got[1]["severity"] == "none" and got[1]["mechanism"] == ""
    assert got[2]["resolved_a"] == "unknown" and got[2]["severity"] == "none"
    assert got[3]["resolved_b"] == "ibuprofen" and got[3]["severity"] == "major"


def test_pairs_rejects_missing_file(tmp_path) -> None:
    out = lumen("interactions", "pairs", str(tmp_path / "nope.csv"), "--json")
    assert out.returncode == 2


def test_eval_set_is_big_enough_and_sourced() -> None:
    rows = read_labelled(EVAL)
    assert len(rows) >= 200
    positives = [r for r in rows if r["expected"] in {"moderate", "major", "contraindicated"}]
    assert len(positives) >= 100 and len(rows) - len(positives) >= 60
    assert all(r["source"].strip() for r in rows)
    pairs = {frozenset((r["drug_a"], r["drug_b"])) for r in rows}
    assert len(pairs) == len(rows), "duplicate pairs in the evaluation set"


def test_eval_reports_sensitivity_and_false_alarms() -> None:
    out = lumen("eval", "interactions", "--json")
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    assert figures["rows"] >= 200 and figures["unresolved"] == 0
    assert figures["cried_wolf"] == 0  # a minor or unknown pair is never reported as major
    assert figures["sensitivity"] >= 0.9
    assert figures["false_alarm_rate"] <= 0.1
