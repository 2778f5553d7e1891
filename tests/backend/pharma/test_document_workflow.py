"""Pharma documents over the API: versions, review workflow, signatures, exports, audit."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document as Docx
from pypdf import PdfReader
from sqlalchemy import select

from backend.models import AuditEvent, Role
from tests.factories import PASSWORD, TestUser, make_user
from tests.support import REPO

EXAMPLES = REPO / "data" / "seed" / "pharma" / "examples"
BASE = "/api/v1/pharma/documents"


def example(doc_type: str) -> dict:
    return json.loads((EXAMPLES / f"{doc_type}.json").read_text())


async def _create(anon_client, user: TestUser, doc_type: str = "sop") -> dict:
    r = await anon_client.post(BASE, headers=user.headers, json={
        "type": doc_type, "title": f"Test {doc_type}", "inputs": example(doc_type)})
    assert r.status_code == 201, r.text
    return r.json()


async def _sign(anon_client, user: TestUser, doc_id: str, number: int, meaning: str,
                password: str = PASSWORD):
    return await anon_client.post(f"{BASE}/{doc_id}/versions/{number}/signatures",
                                  headers=user.headers,
                                  json={"meaning": meaning, "password": password})


@pytest.fixture
async def team(app) -> dict[str, TestUser]:
    return {name: await make_user(app, Role.pharma) for name in ("author", "reviewer", "approver")}


async def test_create_review_approve_export(app, anon_client, team) -> None:
    doc = await _create(anon_client, team["author"])
    doc_id = doc["id"]
    assert doc["latest"] == {**doc["latest"], "number": 1, "status": "draft"}
    assert (await _sign(anon_client, team["author"], doc_id, 1, "author")).json()["status"] \
        == "in_review"
    assert (await _sign(anon_client, team["reviewer"], doc_id, 1, "reviewer")).status_code == 200
    approved = await _sign(anon_client, team["approver"], doc_id, 1, "approver")
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["status"] == "approved" and body["approved_at"]
    assert [s["meaning"] for s in body["signatures"]] == ["author", "reviewer", "approver"]
    assert {s["content_hash"] for s in body["signatures"]} == {body["content_hash"]}
    pdf = await anon_client.get(f"{BASE}/{doc_id}/versions/1/export", params={"format": "pdf"},
                                headers=team["author"].headers)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "approver" in text.lower()
    docx = await anon_client.get(f"{BASE}/{doc_id}/versions/1/export", params={"format": "docx"},
                                 headers=team["author"].headers)
    headings = [p.text for p in Docx(io.BytesIO(docx.content)).paragraphs
                if p.style.name.startswith("Heading")]
    assert headings
    async with app.state.db.sessionmaker() as s:
        actions = set(await s.scalars(select(AuditEvent.action)))
    assert {"pharma.document.created", "pharma.version.signed_author",
            "pharma.version.signed_approver", "pharma.version.exported"} <= actions


async def test_approved_version_is_immutable_and_changes_make_a_new_version(
        anon_client, team) -> None:
    doc_id = (await _create(anon_client, team["author"]))["id"]
    for who, meaning in (("author", "author"), ("reviewer", "reviewer"),
                         ("approver", "approver")):
        assert (await _sign(anon_client, team[who], doc_id, 1, meaning)).status_code == 200
    edit = await anon_client.put(f"{BASE}/{doc_id}/versions/1", headers=team["author"].headers,
                                 json={"inputs": example("sop")})
    assert edit.status_code == 409 and edit.json()["error"]["code"] == "version_locked"
    v2 = await anon_client.post(f"{BASE}/{doc_id}/versions", headers=team["author"].headers,
                                json={"change_note": "annual review"})
    assert v2.status_code == 201 and v2.json()["number"] == 2
    changed = example("sop")
    first_key = next(k for k, v in changed.items() if isinstance(v, str))
    changed[first_key] = changed[first_key] + " (revised)"
    ok = await anon_client.put(f"{BASE}/{doc_id}/versions/2", headers=team["author"].headers,
                               json={"inputs": changed})
    assert ok.status_code == 200, ok.text
    diff = (await anon_client.get(f"{BASE}/{doc_id}/diff", params={"from": 1, "to": 2},
                                  headers=team["author"].headers)).json()
    assert [f["field"] for f in diff["fields"]] == [first_key]
    assert "(revised)" in diff["markdown_diff"]
    for who, meaning in (("author", "author"), ("reviewer", "reviewer"),
                         ("approver", "approver")):
        assert (await _sign(anon_client, team[who], doc_id, 2, meaning)).status_code == 200
    v1 = (await anon_client.get(f"{BASE}/{doc_id}/versions/1", headers=team["author"].headers))
    assert v1.json()["status"] == "superseded"


async def test_signing_requires_the_password_again(app, anon_client, team) -> None:
    doc_id = (await _create(anon_client, team["author"]))["id"]
    wrong = await _sign(anon_client, team["author"], doc_id, 1, "author", password="nope-nope")
    assert wrong.status_code == 403
    assert wrong.json()["error"]["code"] == "reauthentication_failed"
    version = (await anon_client.get(f"{BASE}/{doc_id}/versions/1",
                                     headers=team["author"].headers)).json()
    assert version["status"] == "draft" and version["signatures"] == []
    async with app.state.db.sessionmaker() as s:
        denied = await s.scalar(select(AuditEvent).where(
            AuditEvent.action == "pharma.signature.reauth_failed"))
    assert denied is not None and denied.outcome == "denied"


async def test_segregation_of_duties(anon_client, team) -> None:
    doc_id = (await _create(anon_client, team["author"]))["id"]
    early = await _sign(anon_client, team["approver"], doc_id, 1, "approver")
    assert early.status_code == 409  # not in review yet
    await _sign(anon_client, team["author"], doc_id, 1, "author")
    self_review = await _sign(anon_client, team["author"], doc_id, 1, "reviewer")
    assert self_review.json()["error"]["code"] == "segregation_of_duties"
    no_review = await _sign(anon_client, team["approver"], doc_id, 1, "approver")
    assert no_review.json()["error"]["code"] == "review_required"
    await _sign(anon_client, team["reviewer"], doc_id, 1, "reviewer")
    reviewer_approves = await _sign(anon_client, team["reviewer"], doc_id, 1, "approver")
    assert reviewer_approves.json()["error"]["code"] == "segregation_of_duties"


async def test_reject_returns_to_draft_and_needs_a_fresh_review(anon_client, team) -> None:
    doc_id = (await _create(anon_client, team["author"]))["id"]
    await _sign(anon_client, team["author"], doc_id, 1, "author")
    await _sign(anon_client, team["reviewer"], doc_id, 1, "reviewer")
    back = await anon_client.post(f"{BASE}/{doc_id}/versions/1/reject",
                                  headers=team["approver"].headers,
                                  json={"reason": "Add the hold times"})
    assert back.status_code == 200 and back.json()["status"] == "draft"
    assert back.json()["next_signature"] == "author"
    # The reason is kept on its own record, and survives the author's next edit.
    edited = await anon_client.put(f"{BASE}/{doc_id}/versions/1", headers=team["author"].headers,
                                   json={"inputs": example("sop"), "change_note": "hold times"})
    assert edited.status_code == 200, edited.text
    assert edited.json()["change_note"] == "hold times"
    [rejection] = edited.json()["rejections"]
    assert rejection["reason"] == "Add the hold times" and rejection["cycle"] == 1
    assert rejection["rejected_by"] == str(team["approver"].id)
    resubmitted = (await _sign(anon_client, team["author"], doc_id, 1, "author")).json()
    assert resubmitted["review_cycle"] == 2 and resubmitted["next_signature"] == "reviewer"
    assert [s["cycle"] for s in resubmitted["signatures"]] == [1, 1, 2]
    stale = await _sign(anon_client, team["approver"], doc_id, 1, "approver")
    assert stale.json()["error"]["code"] == "review_required"  # last cycle's review is spent


async def test_password_guessing_at_signing_is_rate_limited(app, anon_client, team,
                                                            monkeypatch) -> None:
    monkeypatch.setattr(app.state.settings, "login_rate_per_minute", 3)
    doc_id = (await _create(anon_client, team["author"]))["id"]
    codes = [(await _sign(anon_client, team["author"], doc_id, 1, "author",
                          password=f"guess-{i}")).status_code for i in range(5)]
    assert codes[:3] == [403, 403, 403] and codes[3:] == [429, 429]
    right = await _sign(anon_client, team["author"], doc_id, 1, "author")
    assert right.status_code == 429 and right.headers.get("retry-after")


async def test_document_types_describe_their_fields(anon_client, team) -> None:
    types = (await anon_client.get("/api/v1/pharma/document-types",
                                   headers=team["author"].headers)).json()
    cvp = next(t for t in types if t["type"] == "cleaning_validation_protocol")
    fields = {f["name"]: f for f in cvp["fields"]}
    assert fields["document_number"]["required"] is True and fields["document_number"]["help"]
    table = next(f for f in cvp["fields"] if f["type"] == "table")
    assert table["columns"] and all("name" in c for c in table["columns"])
    assert any(f.get("dimension") for f in cvp["fields"] + table["columns"])


async def test_other_roles_and_api_keys_cannot_use_the_workspace(app, anon_client, team,
                                                                 client) -> None:
    doc_id = (await _create(anon_client, team["author"]))["id"]
    for role in (Role.patient, Role.clinician, Role.researcher):
        user = await make_user(app, role)
        assert (await anon_client.get(BASE, headers=user.headers)).status_code == 403
        assert (await anon_client.get(f"{BASE}/{doc_id}", headers=user.headers)).status_code \
            == 403


async def test_invalid_inputs_are_field_errors(anon_client, team) -> None:
    r = await anon_client.post(BASE, headers=team["author"].headers,
                               json={"type": "sop", "title": "x", "inputs": {}})
    assert r.status_code == 422
    assert r.json()["error"]["details"]
    unknown = await anon_client.post(BASE, headers=team["author"].headers,
                                     json={"type": "nope", "title": "x", "inputs": {}})
    assert unknown.status_code == 422


async def test_list_filters(anon_client, team) -> None:
    await _create(anon_client, team["author"], "sop")
    await _create(anon_client, team["author"], "equipment_logbook")
    page = (await anon_client.get(BASE, params={"type": "sop"},
                                  headers=team["reviewer"].headers)).json()
    assert page["total"] == 1 and page["items"][0]["type"] == "sop"
    drafts = (await anon_client.get(BASE, params={"status": "draft", "q": "TEST"},
                                    headers=team["reviewer"].headers)).json()
    assert drafts["total"] == 2
