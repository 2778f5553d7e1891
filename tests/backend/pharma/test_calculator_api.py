"""MACO, worst-case and stateless rendering over the API, with JWTs and scoped API keys."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document as Docx
from pypdf import PdfReader

from backend.models import Role
from tests.factories import TestUser, make_user
from tests.support import REPO

BASE = "/api/v1/pharma"
WORKED = {"mbs_next": "0.1 kg", "tdd_prev": "45 mg", "ldd_next": "100 mg"}  # product.md


@pytest.fixture
async def qa(app) -> TestUser:
    return await make_user(app, Role.pharma)


async def _key(anon_client, user: TestUser, scopes: list[str]) -> dict[str, str]:
    r = await anon_client.post("/api/v1/auth/api-keys", headers=user.headers,
                               json={"name": "ci", "scopes": scopes})
    assert r.status_code == 201, r.text
    return {"authorization": f"Bearer {r.json()['key']}"}


async def test_worked_example_lowest_criterion_governs(anon_client, qa) -> None:
    r = await anon_client.post(f"{BASE}/maco", headers=qa.headers, json=WORKED)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["governing"] == "10 ppm"
    assert body["maco"] == {"value": pytest.approx(1.0), "unit": "mg", "text": "1 mg"}
    by = {c["criterion"]: c["maco"]["value"] for c in body["criteria"]}
    assert by == pytest.approx({"dose-based": 45.0, "10 ppm": 1.0})
    assert body["trace"][-1]["result"].startswith("1 mg")
    assert body["sampling"] is None


async def test_health_based_from_noael_with_swab_and_rinse(anon_client, qa) -> None:
    # PDE = 10 mg/kg/day × 50 kg / (F1 5 for rat × F2 10) = 10 mg/day, so the health-based
    # MACO = 10 mg/day × 200 kg / 500 mg/day = 4 kg; dose-based 20 g; 10 ppm 2 g governs.
    payload = {"mbs_next": "200 kg", "ldd_next": "500 mg", "tdd_prev": "50 mg",
               "noael_prev": "10 mg/kg", "pde_factors": {"species": "rat"},
               "sampling": {"total_area": "50000 cm2", "swab_area": "100 cm2",
                            "rinse_volume": "20 L"}}
    body = (await anon_client.post(f"{BASE}/maco", headers=qa.headers, json=payload)).json()
    by = {c["criterion"]: c["maco"]["value"] for c in body["criteria"]}
    assert by["health-based"] == pytest.approx(10 * 200e6 / 500)
    assert by["dose-based"] == pytest.approx(50 * 200e6 * 0.001 / 500)  # 20 000 mg
    assert by["10 ppm"] == pytest.approx(2000.0)
    assert body["governing"] == "10 ppm"
    sampling = body["sampling"]
    # 2000 mg = 2e6 µg over 50 000 cm² = 40 µg/cm²; × 100 cm² = 4000 µg per swab.
    assert sampling["surface_limit"]["value"] == pytest.approx(40.0)
    assert sampling["swab_limit"]["value"] == pytest.approx(4000.0)
    assert sampling["rinse_limit"]["value"] == pytest.approx(2e6 / 20_000)  # µg/mL


@pytest.mark.parametrize(("payload", "field"), [
    ({**WORKED, "mbs_next": "0.1 parsecs"}, "mbs_next"),
    ({**WORKED, "mbs_next": "100 cm2"}, "inputs"),  # an area is not a batch size
    ({"tdd_prev": "45 mg", "ldd_next": "100 mg"}, "mbs_next"),
    ({**WORKED, "noael_prev": "5 mg/kg"}, "pde_factors"),  # NOAEL without F1–F5
    ({**WORKED, "pde_factors": {"f2": 10}}, "pde_factors.f1"),
    ({**WORKED, "sampling": {"total_area": "100 cm2", "swab_area": "200 cm2"}}, "inputs"),
    ({**WORKED, "criteria": ["made-up"]}, "inputs"),
])
async def test_bad_inputs_are_field_errors(anon_client, qa, payload, field) -> None:
    r = await anon_client.post(f"{BASE}/maco", headers=qa.headers, json=payload)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_maco_inputs"
    assert field in [d["field"] for d in error["details"]]


async def test_worst_case_ranking_explains_itself(anon_client, qa) -> None:
    products = [
        {"name": "Easy", "solubility": "100 mg/mL", "cleanability": 1, "pde": "50 mg"},
        {"name": "Potent", "solubility": "0.05 mg/mL", "cleanability": 4, "pde": "0.005 mg"},
    ]
    r = await anon_client.post(f"{BASE}/worst-case", headers=qa.headers,
                               json={"products": products})
    assert r.status_code == 200, r.text
    ranking = r.json()["ranking"]
    assert [p["name"] for p in ranking] == ["Potent", "Easy"]
    assert ranking[0]["rpn"] == ranking[0]["hazard"] * ranking[0]["solubility"] * 4
    assert any("RPN" in reason for reason in ranking[0]["reasons"])
    dup = await anon_client.post(f"{BASE}/worst-case", headers=qa.headers,
                                 json={"products": [products[0], products[0]]})
    assert dup.status_code == 422


async def test_render_without_storing(anon_client, qa) -> None:
    inputs = json.loads((REPO / "data/seed/pharma/examples/sop.json").read_text())
    pdf = await anon_client.post(f"{BASE}/render", headers=qa.headers,
                                 json={"type": "sop", "inputs": inputs})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Purpose" in text and inputs["document_number"] in text
    docx = await anon_client.post(f"{BASE}/render", headers=qa.headers,
                                  json={"type": "sop", "inputs": inputs, "format": "docx"})
    headings = [p.text for p in Docx(io.BytesIO(docx.content)).paragraphs]
    assert any("Procedure" in h for h in headings)
    bad = await anon_client.post(f"{BASE}/render", headers=qa.headers,
                                 json={"type": "sop", "inputs": {}})
    assert bad.status_code == 422 and bad.json()["error"]["details"]
    listed = await anon_client.get(f"{BASE}/documents", headers=qa.headers)
    assert listed.json()["total"] == 0  # nothing was stored


async def test_api_keys_need_the_pharma_scope(anon_client, qa) -> None:
    good = await _key(anon_client, qa, ["pharma:maco"])
    assert (await anon_client.post(f"{BASE}/maco", headers=good, json=WORKED)).status_code == 200
    wrong = await _key(anon_client, qa, ["drugs:read"])
    assert (await anon_client.post(f"{BASE}/maco", headers=wrong, json=WORKED)).status_code \
        == 403
    assert (await anon_client.post(f"{BASE}/render", headers=good,
                                   json={"type": "sop", "inputs": {}})).status_code == 403


async def test_patients_cannot_use_pharma_tools(app, anon_client) -> None:
    patient = await make_user(app, Role.patient)
    r = await anon_client.post(f"{BASE}/maco", headers=patient.headers, json=WORKED)
    assert r.status_code == 403
