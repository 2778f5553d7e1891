"""Every API route, fed malformed input, answers a clear 4xx with the error body; never a 5xx."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi import FastAPI
from jose import jwt

from backend.models import Role
from tests import factories
from tests.backend.security.test_authorization_matrix import deref, example
from tests.support import REPO

BAD_BODIES = [b"{", b"\x00\x01\x02", b'{"type": "\\u0000"}', b'{"type": 1e309}',
              "{\"type\": \"\U0001f9ea\u202e\"}".encode(),
              b'{"params": {"steps": 99999999999999999999}}',
              b"[" * 2000 + b"]" * 2000, b'{"type": "system.self_check", "params": []}']
BAD_SEGMENTS = ["0", "-1", "%00", "a" * 300, "..%2f..%2fetc", "\u00e9\u0301", "null"]


def _routes(schema: dict) -> list[tuple[str, str]]:
    return [(method.upper(), path) for path, ops in schema["paths"].items() for method in ops]


async def _check(resp: httpx.Response) -> None:
    assert resp.status_code < 500, f"{resp.request.method} {resp.request.url}: {resp.text}"
    if resp.status_code >= 400:
        assert set(resp.json()["error"]) == {"code", "message", "details"}


async def test_no_route_fails_on_malformed_input(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/openapi.json")).json()
    routes = _routes(schema)
    assert len(routes) >= 5
    for method, path in routes:
        for segment in BAD_SEGMENTS:
            url = re.sub(r"\{[^}]+\}", segment, path)
            await _check(await client.request(method, url, params={"limit": "x", "status": "\x00"}))
        url = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
        if method in {"POST", "PUT", "PATCH"}:
            for body in BAD_BODIES:
                for ctype in ("application/json", "text/plain", "multipart/form-data"):
                    await _check(await client.request(method, url, content=body,
                                                      headers={"content-type": ctype}))


@pytest.mark.parametrize("token", ["Bearer", "Bearer \x7f", "Basic Zm9v", "x" * 5000])
async def test_odd_auth_headers_are_harmless(client: httpx.AsyncClient, token: str) -> None:
    resp = await client.get("/api/v1/jobs", headers={"authorization": token})
    await _check(resp)


# --------------------------------------------------------------------------- bad credentials
# Every route, every bad credential: protected routes answer 401 with the error body; public
# routes ignore the header (they never read it) and must not fail either.


def _b64(data: dict[str, Any] | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _bad_tokens(settings: Any, admin: factories.TestUser) -> dict[str, str | bytes]:
    real = settings.secret_key.get_secret_value()
    claims = jwt.get_unverified_claims(admin.access_token)  # a live session's claims
    now = int(time.time())
    expired = {**claims, "iat": now - 7200, "exp": now - 3600}
    return {
        "garbage": "Bearer garbage",
        "bearer-alone": "Bearer",
        "bearer-blank": "Bearer     ",
        "other-scheme": "Basic YWRtaW46YWRtaW4=",
        "no-scheme": admin.access_token,
        "expired-jwt": "Bearer " + jwt.encode(expired, real, "HS256"),
        "forged-jwt": "Bearer " + jwt.encode(claims, "another-secret-key-0123456789", "HS256"),
        "alg-none-jwt": f"Bearer {_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}.",
        "hs512-jwt": "Bearer " + jwt.encode(claims, real, "HS512"),
        "truncated-jwt": "Bearer " + admin.access_token[:-8],
        "refresh-token": "Bearer " + admin.refresh_token,
        "api-key-wrong-prefix": "Bearer lux_deadbeef_" + "A" * 43,
        "api-key-unknown": "Bearer lum_deadbeef_" + "A" * 43,
        "api-key-prefix-only": "Bearer lum_",
        "very-long": "Bearer " + "a" * 100_000,
        "latin1-bytes": b"Bearer \xff\xfe\xe9",
        "control-char": "Bearer abc\x7fdef",
    }


async def _send_everywhere(client: httpx.AsyncClient, schema: dict[str, Any],
                           headers: dict[str, Any]) -> list[tuple[str, httpx.Response]]:
    out = []
    for method, path in _routes(schema):
        url = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
        body = {} if method in {"POST", "PUT", "PATCH"} else None
        resp = await client.request(method, url, json=body, headers=headers)
        out.append((schema["paths"][path][method.lower()]["x-access"].get("public"), resp))
    return out


BAD_TOKEN_NAMES = [
    "garbage", "bearer-alone", "bearer-blank", "other-scheme", "no-scheme", "expired-jwt",
    "forged-jwt", "alg-none-jwt", "hs512-jwt", "truncated-jwt", "refresh-token",
    "api-key-wrong-prefix", "api-key-unknown", "api-key-prefix-only", "very-long",
    "latin1-bytes", "control-char"]


@pytest.mark.parametrize("name", BAD_TOKEN_NAMES)
async def test_bad_credentials_get_401_on_every_route(
        app: FastAPI, anon_client: httpx.AsyncClient, admin: factories.TestUser, name: str) -> None:
    token = _bad_tokens(app.state.settings, admin)[name]
    schema = (await anon_client.get("/api/openapi.json")).json()
    for public, resp in await _send_everywhere(anon_client, schema, {"authorization": token}):
        await _check(resp)
        if not public:
            assert resp.status_code == 401, f"{name}: {resp.request.url} {resp.status_code}"
            assert resp.json()["error"]["code"] in {"unauthorized", "invalid_token"}
    # The real session was never affected by any of it.
    assert (await anon_client.get("/api/v1/auth/me", headers=admin.headers)).status_code == 200


# A token signed with the real key but with malformed claims (non-UUID subject or session,
# no session, no expiry) is not a credential: 401, never a crash, and every token expires.
@pytest.mark.parametrize("change", [{"sub": "not-a-uuid"}, {"sid": None}, {"sid": "x"},
                                    {"exp": None}, {"sub": None}, {"sub": 12345}],
                         ids=["sub-not-uuid", "sid-missing", "sid-not-uuid", "exp-missing",
                              "sub-missing", "sub-int"])
async def test_validly_signed_jwt_with_malformed_claims_gets_401(
        app: FastAPI, anon_client: httpx.AsyncClient, admin: factories.TestUser,
        change: dict[str, Any]) -> None:
    claims = jwt.get_unverified_claims(admin.access_token)
    claims.update(change)
    claims = {k: v for k, v in claims.items() if v is not None}
    token = jwt.encode(claims, app.state.settings.secret_key.get_secret_value(), "HS256")
    resp = await anon_client.get("/api/v1/auth/me", headers={"authorization": f"Bearer {token}"})
    await _check(resp)
    assert resp.status_code == 401


# --------------------------------------------------------------------------- odd unicode
# Bidi override, zero-width and BOM characters, NUL, a combining accent, an emoji, a
# non-character, and (in JSON only, where it can be escaped) a lone surrogate.
ODD_TEXT = ["\u202eevil\u202c", "zero\u200bwidth\u200d", "\ufeffbom", "nul\x00byte",
            "e\u0301", "\U0001f9ea", "\uffff", "\u0000"]
LONE_SURROGATE_JSON = '"lone \\ud800 surrogate"'  # valid JSON text, not encodable as UTF-8


# Valid bodies, so that an odd string in one field reaches the code behind validation.
VALID_BODIES: dict[str, Any] = {
    "POST /api/v1/auth/register": {"email": "odd.person@example.test",
                                   "password": "odd-password-123", "display_name": "Odd"},
    "POST /api/v1/auth/login": {"email": "odd.person@example.test", "password": "wrong"},
    "POST /api/v1/auth/password": {"current_password": "wrong",
                                   "new_password": "odd-password-123"},
    "POST /api/v1/auth/api-keys": {"name": "odd", "scopes": ["jobs:read"]},
    "POST /api/v1/jobs": {"type": "system.self_check", "params": {"steps": 1}},
    "POST /api/v1/admin/break-glass": {"patient_id": "00000000-0000-0000-0000-000000000000",
                                       "reason": "A reason that is long enough"},
    "POST /api/v1/interactions/check": {
        "drugs": ["aspirin", "warfarin"],
        "profile": {"medications": ["ibuprofen"], "allergies": ["penicillin"],
                    "conditions": ["asthma"]}},
    "POST /api/v1/pharma/documents": lambda: {
        "type": "sop", "title": "Odd SOP",
        "inputs": json.loads((REPO / "data/seed/pharma/examples/sop.json").read_text())},
}
MAX_LEAVES = 12  # string fields mutated per body (the pharma inputs alone hold dozens)


def _string_leaves(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [at]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _string_leaves(v, (*at, i))]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _string_leaves(v, (*at, k))]
    return []


def _replaced(value: Any, at: tuple[Any, ...], new: Any) -> Any:
    if not at:
        return new
    copy = list(value) if isinstance(value, list) else dict(value)
    copy[at[0]] = _replaced(value[at[0]], at[1:], new)
    return copy


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m.upper(), p, op) for p, ops in schema["paths"].items() for m, op in ops.items()]


def _body_schema(op: dict[str, Any]) -> dict[str, Any] | None:
    media = op.get("requestBody", {}).get("content", {}).get("application/json")
    return None if media is None else media.get("schema", {})


def _valid_body(schema: dict[str, Any], method: str, path: str, op: dict[str, Any]) -> Any:
    body_schema = _body_schema(op)
    if body_schema is None:
        return None
    body = VALID_BODIES.get(f"{method} {path}", example(schema, body_schema))
    return body() if callable(body) else body


async def test_odd_unicode_in_path_query_and_body(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/openapi.json")).json()
    failures = []

    def note(resp: httpx.Response, what: str) -> None:
        if resp.status_code >= 500 or (resp.status_code >= 400 and not _is_error(resp)):
            failures.append(f"{resp.request.method} {what}: {resp.status_code} "
                            f"{resp.text[:160]}")

    for method, path, op in _operations(schema):
        query_names = [p["name"] for p in op.get("parameters", []) if p["in"] == "query"]
        base = _valid_body(schema, method, path, op)
        zero = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
        for text in ODD_TEXT:
            url = re.sub(r"\{[^}]+\}", quote(text, safe=""), path)
            note(await client.request(method, url, json=base), f"{path} path={text!r}")
            if query_names:
                note(await client.request(method, zero, json=base,
                                          params=dict.fromkeys(query_names, text)),
                     f"{path} query={text!r}")
        # Percent-encoded lone surrogate (not UTF-8) in the path and the query string.
        surrogate = re.sub(r"\{[^}]+\}", "%ED%A0%80", path)
        note(await client.request(method, surrogate, json=base), f"{path} path=surrogate")
        if query_names:
            query = "&".join(f"{n}=%ED%A0%80" for n in query_names)
            note(await client.request(method, f"{zero}?{query}", json=base),
                 f"{path} query=surrogate")
        # One string field at a time, the rest of the body valid.
        for at in _string_leaves(base)[:MAX_LEAVES]:
            for text in ODD_TEXT:
                note(await client.request(method, zero, json=_replaced(base, at, text)),
                     f"{path} body{list(at)}={text!r}")
            marker = "\x01marker\x01"
            raw = json.dumps(_replaced(base, at, marker)).replace(
                json.dumps(marker), LONE_SURROGATE_JSON)
            note(await client.request(method, zero, content=raw.encode(),
                                      headers={"content-type": "application/json"}),
                 f"{path} body{list(at)}=lone surrogate")
    assert not failures, "\n".join(failures)


# PostgreSQL cannot store U+0000 in text or JSON, SQLite can: the edge refuses it on both
# stacks (backend/core/nul_guard.py) instead of a 500 on one and a 201 on the other.


@pytest.mark.parametrize("name", ["nul\x00byte", "\x00"], ids=["embedded", "only"])
async def test_nul_in_text_is_422_on_both_stacks(client: httpx.AsyncClient,
                                                     name: str) -> None:
    resp = await client.post("/api/v1/auth/api-keys", json={"name": name, "scopes": ["jobs:read"]})
    await _check(resp)
    assert resp.status_code == 422, resp.text


def _is_error(resp: httpx.Response) -> bool:
    try:
        return set(resp.json()["error"]) == {"code", "message", "details"}
    except (ValueError, KeyError, TypeError):
        return False


# --------------------------------------------------------------------------- wrong JSON types
WRONG_TYPES: list[Any] = [None, True, 0, -1, 2**63, 1.5, 1e308, "", "x" * 5000, [], [None],
                          {}, {"nested": {"deep": [1]}}]


def _mutations(doc: dict[str, Any], node: dict[str, Any], base: dict[str, Any]
               ) -> list[tuple[str, dict[str, Any]]]:
    """Bodies where one field (top level, or one level down) holds a wrong JSON type."""
    node = deref(doc, node)
    props = node.get("properties", {})
    out = [(name, {**base, name: wrong}) for name in props for wrong in WRONG_TYPES]
    for name, sub in props.items():
        sub_node = deref(doc, sub)
        for option in sub_node.get("anyOf", [sub_node]):
            option = deref(doc, option)
            if option.get("properties"):
                inner = example(doc, option)
                out += [(f"{name}.{inner_name}",
                         {**base, name: {**inner, inner_name: wrong}})
                        for inner_name in option["properties"] for wrong in WRONG_TYPES]
    return out


async def test_wrong_json_types_per_field(app: FastAPI, client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/openapi.json")).json()
    failures = []
    callers: dict[str, dict[str, str]] = {}
    for method, path, op in _operations(schema):
        body_schema = _body_schema(op)
        if body_schema is None:
            continue
        # As admin where admins may call; otherwise as a user of the first allowed role
        # (e.g. patient-only record writes), so the body is what gets judged.
        roles = op.get("x-access", {}).get("roles") or ["admin"]
        role = "admin" if "admin" in roles else roles[0]
        if role not in callers:
            callers[role] = {} if role == "admin" else \
                (await factories.make_user(app, Role(role))).headers
        headers = callers[role]
        url = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
        base = _valid_body(schema, method, path, op)
        for field, body in _mutations(schema, body_schema, base):
            resp = await client.request(method, url, json=body, headers=headers)
            if resp.status_code >= 500 or (resp.status_code >= 400 and not _is_error(resp)):
                failures.append(f"{method} {path} {field}={body!r:.80}: {resp.status_code}")
        for whole in [w for w in WRONG_TYPES if not isinstance(w, dict)]:  # not an object
            resp = await client.request(method, url, json=whole, headers=headers)
            if resp.status_code != 422 or not _is_error(resp):
                failures.append(f"{method} {path} body={whole!r:.40}: {resp.status_code}")
    assert not failures, "\n".join(failures)


# --------------------------------------------------------------------------- huge bodies


async def _chunked(total: int, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        chunk = b" " * min(size, total - sent)
        sent += len(chunk)
        yield chunk


@pytest.mark.parametrize("who", ["admin", "anonymous"])
async def test_bodies_over_the_limit_get_413_on_every_route(
        app: FastAPI, client: httpx.AsyncClient, anon_client: httpx.AsyncClient,
        who: str) -> None:
    http = client if who == "admin" else anon_client
    limit = app.state.settings.max_body_bytes
    schema = (await http.get("/api/openapi.json")).json()
    over = b"{" + b" " * (limit - 1) + b"}"  # limit + 1 bytes of (valid) JSON
    just_fits = b"{" + b" " * (limit - 2) + b"}"
    json_type = {"content-type": "application/json"}
    for method, path, op in _operations(schema):
        url = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
        resp = await http.request(method, url, content=over, headers=json_type)
        assert resp.status_code == 413, f"{method} {path}: {resp.status_code}"
        assert resp.json()["error"]["code"] == "payload_too_large"
        if _body_schema(op) is None:
            continue
        # Streamed without Content-Length: cut off while reading.
        resp = await http.request(method, url, content=_chunked(limit + 1), headers=json_type)
        assert resp.status_code == 413, f"{method} {path} chunked: {resp.status_code}"
        assert _is_error(resp) and resp.json()["error"]["code"] == "payload_too_large"
        resp = await http.request(method, url, content=just_fits, headers=json_type)
        await _check(resp)
        assert resp.status_code != 413, f"{method} {path}: exactly the limit is allowed"
