"""Drug search/page and interaction-check endpoints, on both stacks, with JWTs and API keys."""

from __future__ import annotations

from backend.models import Role
from tests.factories import make_user


async def test_search_finds_brands_and_misspellings(app, anon_client) -> None:
    patient = await make_user(app, Role.patient)
    found = await anon_client.get("/api/v1/drugs/search", params={"q": "advil"},
                                  headers=patient.headers)
    assert found.status_code == 200, found.text
    assert found.json()["items"][0]["name"] == "ibuprofen"
    fuzzy = (await anon_client.get("/api/v1/drugs/search", params={"q": "ibuprofin"},
                                   headers=patient.headers)).json()
    assert "ibuprofen" in [i["name"] for i in fuzzy["items"]]


async def test_drug_page_has_sourced_facts(client) -> None:
    key = (await client.get("/api/v1/drugs/search", params={"q": "warfarin"})).json()["items"][0]
    page = await client.get(f"/api/v1/drugs/{key['key']}")
    assert page.status_code == 200
    body = page.json()
    assert body["curated"] and body["facts"]["side_effects"]["serious"]
    source_ids = {s["id"] for s in body["facts"]["sources"]}
    refs = body["facts"]["side_effects"]["source"]
    assert set([refs] if isinstance(refs, str) else refs) <= source_ids
    assert "coumadin" in {n["name"] for n in body["names"]}
    assert "not medical advice" in body["disclaimer"]


async def test_drug_page_errors_are_clean(client) -> None:
    assert (await client.get("/api/v1/drugs/NOSUCHKEY-XXXX")).status_code == 404
    assert (await client.get("/api/v1/drugs/bad key!")).status_code == 422
    assert (await client.get("/api/v1/drugs/search", params={"q": ""})).status_code == 422
    assert (await client.get("/api/v1/drugs/search", params={"q": "x" * 500})).status_code == 422


async def test_check_requires_sign_in(anon_client) -> None:
    r = await anon_client.post("/api/v1/interactions/check", json={"drugs": ["a", "b"]})
    assert r.status_code == 401


async def test_check_reports_severity_mechanism_and_advice(app, anon_client) -> None:
    patient = await make_user(app, Role.patient)
    r = await anon_client.post("/api/v1/interactions/check", headers=patient.headers,
                               json={"drugs": ["Coumadin", "Advil", "paracetamol"]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["highest"] in {"major", "contraindicated"}
    top = body["findings"][0]
    assert set(top["drugs"]) == {"warfarin", "ibuprofen"}
    assert top["mechanism"] and top["advice"] and top["source"]
    assert body["counts"]["major"] >= 1
    assert "not medical advice" in body["disclaimer"]
    assert [d["status"] for d in body["drugs"]] == ["exact", "exact", "exact"]


async def test_check_with_profile_allergy_and_condition(client) -> None:
    r = await client.post("/api/v1/interactions/check", json={
        "drugs": ["amoxicillin", "ibuprofen"],
        "profile": {"allergies": ["penicillin"], "conditions": ["CKD"], "medications": []}})
    assert r.status_code == 200, r.text
    kinds = {f["kind"] for f in r.json()["findings"]}
    assert {"drug-allergy", "drug-condition"} <= kinds


async def test_check_validates_input(client) -> None:
    for body in ({"drugs": []}, {"drugs": ["a"] * 21}, {"drugs": "warfarin"},
                 {"drugs": ["warfarin", ""]}, {"drugs": ["x" * 201, "y"]},
                 {"drugs": ["a", "b"], "extra": 1}, {"drugs": ["warfarin"]}):
        r = await client.post("/api/v1/interactions/check", json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]["code"] in {"validation_error", "invalid_request"}


async def test_public_api_with_scoped_key(client, anon_client) -> None:
    created = await client.post("/api/v1/auth/api-keys", json={
        "name": "pharmacy-system", "scopes": ["drugs:read", "interactions:check"]})
    assert created.status_code == 201, created.text
    h = {"Authorization": f"Bearer {created.json()['key']}"}
    assert (await anon_client.get("/api/v1/drugs/search", params={"q": "zocor"},
                                  headers=h)).status_code == 200
    r = await anon_client.post("/api/v1/interactions/check", headers=h,
                               json={"drugs": ["clarithromycin", "simvastatin"]})
    assert r.status_code == 200 and r.json()["highest"] == "contraindicated"
    narrow = await client.post("/api/v1/auth/api-keys",
                               json={"name": "ro", "scopes": ["drugs:read"]})
    h2 = {"Authorization": f"Bearer {narrow.json()['key']}"}
    r2 = await anon_client.post("/api/v1/interactions/check", headers=h2,
                                json={"drugs": ["clarithromycin", "simvastatin"]})
    assert r2.status_code == 403
