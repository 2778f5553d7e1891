"""Authorization matrix generated from the live OpenAPI schema.

Every operation declares who may call it in `x-access` ({roles, scope} or {public: true}, see
backend/auth/access.py). These tests read the schema the running app serves and check, for
every non-public operation:

- roles: each role outside `roles` gets 403 with the standard error body; each role inside
  never gets 401/403 (any other answer, 2xx/404/409/422, is the endpoint's business);
- API keys: a key with the operation's `scope` passes, a key without it gets 403, and an
  operation without a scope refuses every key (access.py: "not available to API keys");
- ownership: every path template with a parameter is declared in OWNED_RESOURCES. For owned
  resources, user B (of the owner's role and of every other allowed role) gets 404 or 403 on
  user A's resource, by JWT and by API key, for every method; A is never refused.

Order of checks, verified in FastAPI 0.165 (fastapi/routing.py, dependencies/utils.py): the
request body is read and JSON-decoded first (malformed JSON is a 422 before anything else);
then `solve_dependencies` runs the route-level `dependencies=[...]` (our access rule, inserted
first) *before* path, query and body parameters are validated. Validation errors are only
collected and raised after all dependencies ran, while the rule's Forbidden propagates at once.
So a refused caller gets 403 whatever the (well-formed JSON) body or path parameters hold; the
matrix asserts exactly that by also sending a wrong-typed body and an invalid path parameter
to refused callers. Allowed callers get plausible bodies (built from the schema, with the
overrides in BODIES), so a 422 there still means the access decision was "yes".
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from unittest import mock

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from backend.auth import tokens
from backend.auth.repository import ApiKeyRepository
from backend.auth.schemas import SCOPES
from backend.jobs import registry as job_registry
from backend.jobs.repository import JobRepository
from backend.models import Drug, Role
from tests import factories
from tests.factories import PASSWORD, make_user, password_hash
from tests.support import REPO

ROLES = list(Role)
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
PARAM = re.compile(r"\{([^}]+)\}")
DENIED = {401, 403}
NO_BODY: Any = object()
ERROR_KEYS = {"code", "message", "details"}
PHARMA_EXAMPLES = REPO / "data" / "seed" / "pharma" / "examples"


# --------------------------------------------------------------------------- the schema


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any]
    doc: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def access(self) -> dict[str, Any]:
        return dict(self.spec.get("x-access", {}))

    @property
    def public(self) -> bool:
        return bool(self.access.get("public"))

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(Role(r) for r in self.access.get("roles", []))

    @property
    def scope(self) -> str | None:
        return self.access.get("scope")

    @property
    def path_params(self) -> list[str]:
        return PARAM.findall(self.path)

    @property
    def body_schema(self) -> dict[str, Any] | None:
        content = self.spec.get("requestBody", {}).get("content", {})
        media = content.get("application/json")
        return None if media is None else media.get("schema", {})


async def load_operations(http: httpx.AsyncClient) -> list[Operation]:
    """Every operation of the schema the app serves right now."""
    doc = (await http.get("/api/openapi.json")).json()
    return [Operation(method.upper(), path, op, doc) for path, ops in doc["paths"].items()
            for method, op in ops.items() if method in HTTP_METHODS]


def deref(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


_STRING_CANDIDATES = ["123456", "ABC-123", "matrix", "2026-01-01", "matrix-value-for-tests"]


def example(doc: dict[str, Any], node: dict[str, Any], name: str = "") -> Any:
    """A small valid value for this JSON schema: required properties only, minimum sizes."""
    node = deref(doc, node)
    if "const" in node:
        return node["const"]
    if node.get("enum"):
        return node["enum"][0]
    for key in ("anyOf", "oneOf"):
        if key in node:
            options = [o for o in node[key] if deref(doc, o).get("type") != "null"]
            return example(doc, (options or node[key])[0], name)
    if "allOf" in node:
        return example(doc, node["allOf"][0], name)
    kind = node.get("type")
    if kind == "object" or "properties" in node:
        props = node.get("properties", {})
        return {k: example(doc, props.get(k, {}), k) for k in node.get("required", [])}
    if kind == "array":
        return [example(doc, node.get("items", {}), name)] * max(node.get("minItems", 1), 1)
    if kind == "integer":
        low = node.get("minimum", node.get("exclusiveMinimum", 0) + 1)
        return int(min(low, node.get("maximum", low)))
    if kind == "number":
        return float(node.get("minimum", 1.0))
    if kind == "boolean":
        return False
    if kind == "string":
        return _example_string(node, name)
    return "matrix"


def _example_string(node: dict[str, Any], name: str) -> str:
    fmt = node.get("format")
    if fmt == "uuid":
        return str(uuid.uuid4())
    if fmt == "email" or name == "email":
        return f"matrix-{uuid.uuid4().hex[:8]}@example.test"
    if fmt == "date-time":
        return "2026-01-01T00:00:00Z"
    if fmt == "date":
        return "2026-01-01"
    low, high = node.get("minLength", 1), node.get("maxLength", 10_000)
    pattern = node.get("pattern")
    for candidate in _STRING_CANDIDATES:
        padded = candidate.ljust(low, "x") if pattern is None else candidate
        if low <= len(padded) <= high and (pattern is None or re.search(pattern, padded)):
            return padded
    raise AssertionError(f"no example string for {node}: add an override to BODIES")


def is_error_body(resp: httpx.Response) -> bool:
    try:
        error = resp.json()["error"]
    except (ValueError, KeyError, TypeError):
        return False
    return isinstance(error, dict) and set(error) == ERROR_KEYS


# --------------------------------------------------------------------------- test environment


@dataclass
class Call:
    method: str
    url: str
    params: dict[str, Any]
    body: Any = NO_BODY


class Env:
    """The app, an anonymous client, and helpers to make users, keys and requests."""

    def __init__(self, app: FastAPI, http: httpx.AsyncClient) -> None:
        self.app = app
        self.http = http

    async def user(self, role: Role) -> factories.TestUser:
        # make_user stores a fresh argon2 hash of a placeholder before replacing it with the
        # shared test hash; skipping that keeps hundreds of users per run cheap.
        async def cached(_: str) -> str:
            return password_hash()

        with mock.patch.object(tokens, "hash_password_async", cached):
            return await make_user(self.app, role)

    async def api_key(self, user: factories.TestUser, scopes: list[str]) -> dict[str, str]:
        """Authorization header for a new key of this user (stored directly: the API that
        creates keys is itself under test here)."""
        full, prefix = tokens.new_api_key()
        async with self.app.state.db.sessionmaker() as s:
            await ApiKeyRepository(s).add(user_id=user.id, name="matrix", prefix=prefix,
                                          key_hash=tokens.digest(full), scopes=sorted(scopes))
            await s.commit()
        return {"Authorization": f"Bearer {full}"}

    async def send(self, call: Call, headers: dict[str, str]) -> httpx.Response:
        kwargs: dict[str, Any] = {"params": call.params, "headers": headers}
        if call.body is not NO_BODY:
            kwargs["json"] = call.body
        return await self.http.request(call.method, call.url, **kwargs)

    async def values_for(self, op: Operation, owner: factories.TestUser) -> dict[str, str]:
        """Path values naming a resource owned by `owner` (or a sample, for shared ones)."""
        if not op.path_params:
            return {}
        entry = OWNED_RESOURCES.get(op.path)
        if entry is None:
            pytest.fail(undeclared_message([op.path]))
        if isinstance(entry, Owned | SharedWorkspace):
            return await entry.create(self, owner)
        return await entry.sample(self)

    async def call_for(self, op: Operation, caller: factories.TestUser,
                       values: dict[str, str]) -> Call:
        """A plausible request: path values filled in, required query params, a valid body."""
        url = op.path
        for name in op.path_params:
            url = url.replace("{" + name + "}", values[name])
        params = {p["name"]: example(op.doc, p.get("schema", {}), p["name"])
                  for p in op.spec.get("parameters", [])
                  if p.get("in") == "query" and p.get("required")}
        params.update(QUERY.get(op.label, {}))
        body = NO_BODY
        if op.label in BODIES:
            body = await BODIES[op.label](self, caller, values)
        elif op.body_schema is not None:
            body = example(op.doc, op.body_schema)
        return Call(op.method, url, params, body)


def garbage_call(op: Operation) -> Call:
    """Invalid path values, query values and a wrong-typed (but well-formed JSON) body."""
    url = PARAM.sub("not-a-valid-id", op.path)
    params = {p["name"]: "\x00not valid" for p in op.spec.get("parameters", [])
              if p.get("in") == "query"}
    return Call(op.method, url, params, ["not", "an", "object"]
                if op.body_schema is not None else NO_BODY)


# --------------------------------------------------------------------------- plausible bodies


BodyFn = Callable[[Env, factories.TestUser, dict[str, str]], Awaitable[Any]]


async def _password_change(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    # The right current password: a wrong one is answered 401 invalid_credentials, which is a
    # business answer, not an access decision (the caller's sessions end; callers are fresh).
    return {"current_password": PASSWORD, "new_password": "another-password-123"}


async def _mfa_disable(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    return {"password": PASSWORD, "code": "123456"}  # right password; MFA is off -> 409


async def _api_key_create(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    return {"name": "matrix", "scopes": sorted(SCOPES)[:1]}


async def _job_create(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    # Job types carry their own role list, checked inside the service (a second, finer
    # layer, tested in auth/test_access.py). A role that may start no type cannot send a
    # valid body at all, so it sends an unknown type and gets 422.
    startable = [t.type for t in job_registry.all_types() if caller.role.value in t.roles]
    if startable:
        return {"type": startable[0], "params": {}}
    return {"type": "matrix.no-such-type", "params": {}}


async def _break_glass(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    patient = await env.user(Role.patient)
    return {"patient_id": str(patient.id), "reason": "Matrix test: unconscious patient in ED"}


async def _interaction_check(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    return {"drugs": ["aspirin", "warfarin"]}


def _pharma_inputs() -> dict[str, Any]:
    return dict(json.loads((PHARMA_EXAMPLES / "sop.json").read_text()))


async def _pharma_create(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    return {"type": "sop", "title": "Matrix SOP", "inputs": _pharma_inputs()}


async def _pharma_update(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    return {"inputs": _pharma_inputs(), "change_note": "matrix"}


async def _pharma_sign(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    # The caller's own (right) password: a wrong one is a 403 reauthentication_failed, a
    # business answer of the signature step, not the route's access decision.
    return {"meaning": "author", "password": PASSWORD}


async def _account_delete(env: Env, caller: factories.TestUser, values: dict[str, str]) -> Any:
    # An empty password is a 422 after the access rule said yes; the right one would really
    # delete the shared caller, and a wrong one is a 401 of the re-authentication step.
    return {"password": ""}


BODIES: dict[str, BodyFn] = {
    "POST /api/v1/auth/password": _password_change,
    "DELETE /api/v1/auth/me": _account_delete,
    "POST /api/v1/auth/mfa/disable": _mfa_disable,
    "POST /api/v1/auth/api-keys": _api_key_create,
    "POST /api/v1/jobs": _job_create,
    "POST /api/v1/admin/break-glass": _break_glass,
    "POST /api/v1/interactions/check": _interaction_check,
    "POST /api/v1/pharma/documents": _pharma_create,
    "PUT /api/v1/pharma/documents/{document_id}/versions/{number}": _pharma_update,
    "POST /api/v1/pharma/documents/{document_id}/versions/{number}/signatures": _pharma_sign,
}
QUERY: dict[str, dict[str, Any]] = {
    "GET /api/v1/drugs/search": {"q": "aspirin"},
}


# --------------------------------------------------------------------------- ownership registry


Values = dict[str, str]


@dataclass(frozen=True)
class Owned:
    """Belongs to one user: any other caller gets 404 (or 403) for every method."""

    create: Callable[[Env, factories.TestUser], Awaitable[Values]]
    seen_by: frozenset[Role] = frozenset()  # roles that see everyone's, by design (documented)
    listed_at: tuple[str, ...] = ()  # collections that must not show it to anyone else
    why: str = ""


@dataclass(frozen=True)
class SharedWorkspace:
    """Created by one user but deliberately visible to every role the operation allows."""

    create: Callable[[Env, factories.TestUser], Awaitable[Values]]
    why: str


@dataclass(frozen=True)
class SharedReference:
    """Reference data readable by every allowed role; read-only (GET) operations only."""

    sample: Callable[[Env], Awaitable[Values]]
    why: str


@dataclass(frozen=True)
class AdminOnly:
    """Every operation on the template is admin-only; the role matrix covers it."""

    sample: Callable[[Env], Awaitable[Values]]
    why: str


async def _own_api_key(env: Env, owner: factories.TestUser) -> Values:
    resp = await env.http.post("/api/v1/auth/api-keys", headers=owner.headers,
                               json={"name": "owned", "scopes": ["jobs:read"]})
    assert resp.status_code == 201, resp.text
    return {"key_id": resp.json()["id"]}


async def _own_job(env: Env, owner: factories.TestUser) -> Values:
    # Stored directly: through the API only admins may start the one job type that exists.
    # Not enqueued: a queued job is enough to read and cancel.
    async with env.app.state.db.sessionmaker() as s:
        job = await JobRepository(s).add(type="system.self_check", params={"steps": 1},
                                          created_by=str(owner.id))
        await s.commit()
    return {"job_id": str(job.id)}


async def _a_patient(env: Env) -> Values:
    return {"user_id": str((await env.user(Role.patient)).id)}


async def _a_drug(env: Env) -> Values:
    async with env.app.state.db.sessionmaker() as s:
        key = await s.scalar(select(Drug.key).order_by(Drug.key).limit(1))
    assert key is not None, "the drug seed is empty"
    return {"key": key}


async def _pharma_document(env: Env, owner: factories.TestUser) -> Values:
    resp = await env.http.post("/api/v1/pharma/documents", headers=owner.headers,
                               json=await _pharma_create(env, owner, {}))
    assert resp.status_code == 201, resp.text
    return {"document_id": resp.json()["id"], "number": "1"}


def _record_ctx(env: Env, session: Any, owner: factories.TestUser) -> Any:
    from backend.auth.access import Principal
    from backend.record.service import RecordCtx

    return RecordCtx(session, env.app.state.settings, Principal(owner.id, owner.role, "jwt"),
                     owner.id)


def _record_item(kind_name: str, body: dict[str, Any]) -> Owned:
    """A patient-record item stored through the service (any role may own one here: the
    role matrix also makes admins owners, and admins cannot create items through the API)."""

    async def create(env: Env, owner: factories.TestUser) -> Values:
        from backend.record import service as record

        kind = getattr(record, kind_name)
        async with env.app.state.db.sessionmaker() as s:
            item = await record.create_item(_record_ctx(env, s, owner), kind,
                                            kind.create.model_validate(body))
            await s.commit()
        return {"item_id": str(item.model_dump()["id"])}

    listing = {"MEDICATION": "medications", "ALLERGY": "allergies", "SYMPTOM": "symptoms"}
    return Owned(create, listed_at=(f"/api/v1/record/{listing[kind_name]}",),
                 why="one patient's record; admins read it only with ?patient_id= under "
                     "break-glass, which the matrix does not grant")


async def _record_export(env: Env, owner: factories.TestUser) -> Values:
    from backend.record.rights import start_export

    async with env.app.state.db.sessionmaker() as s:  # queued only: the download says 409
        job = await start_export(_record_ctx(env, s, owner))
        await s.commit()
    return {"job_id": str(job.id)}


_PHARMA_DOC = SharedWorkspace(
    _pharma_document,
    "QA document workspace: authors, reviewers and approvers are different pharma users "
    "(segregation of duties), so every pharma/admin user reads and works on every document")
_JOB = Owned(_own_job, seen_by=frozenset({Role.admin}), listed_at=("/api/v1/jobs",),
             why="jobs.service.owner_filter: admins (operators) see every job")
_USER = AdminOnly(_a_patient, "user administration; admins manage every account")

# Every path template that takes a path parameter, and whose the resource is. A template
# missing here fails test_every_path_parameter_is_declared: declare it before merging.
OWNED_RESOURCES: dict[str, Owned | SharedWorkspace | SharedReference | AdminOnly] = {
    "/api/v1/auth/api-keys/{key_id}": Owned(_own_api_key, listed_at=("/api/v1/auth/api-keys",)),
    "/api/v1/jobs/{job_id}": _JOB,
    "/api/v1/jobs/{job_id}/cancel": _JOB,
    "/api/v1/admin/users/{user_id}": _USER,
    "/api/v1/admin/users/{user_id}/password-reset": _USER,
    "/api/v1/drugs/{key}": SharedReference(_a_drug, "drug database: reference data for all"),
    "/api/v1/record/medications/{item_id}": _record_item("MEDICATION", {
        "name": "Matrixol", "dose": "1 mg", "schedule": {"times_per_day": 1},
        "start_date": "2025-01-01"}),
    "/api/v1/record/allergies/{item_id}": _record_item("ALLERGY", {"substance": "Matrixin"}),
    "/api/v1/record/symptoms/{item_id}": _record_item("SYMPTOM", {
        "symptom": "matrix ache", "severity": 3, "occurred_at": "2025-01-01T00:00:00Z"}),
    "/api/v1/record/exports/{job_id}": Owned(_record_export, why="one patient's export"),
    **{f"/api/v1/pharma/documents/{{document_id}}{rest}": _PHARMA_DOC for rest in (
        "", "/versions", "/versions/{number}", "/versions/{number}/signatures",
        "/versions/{number}/reject", "/versions/{number}/preview", "/versions/{number}/export",
        "/diff")},
}
# Areas a colleague is wiring up right now: their entries above were written from the router
# source and are not reported stale while the app does not serve them yet. Remove a prefix
# once its routes are merged, so that renamed templates are caught again.
IN_PROGRESS_PREFIXES = ("/api/v1/pharma/",)


def undeclared_message(templates: list[str]) -> str:
    return ("These path templates take a path parameter but are not declared in "
            "OWNED_RESOURCES (tests/backend/security/test_authorization_matrix.py): "
            f"{templates}. Declare each as Owned(factory) (one user's resource: others must "
            "get 404), SharedWorkspace, SharedReference or AdminOnly, so that the ownership "
            "matrix covers it.")


# --------------------------------------------------------------------------- tests


def _describe(who: str, call: Call, resp: httpx.Response) -> str:
    return f"{who}: {call.method} {call.url} -> {resp.status_code} {resp.text[:200]}"


def _forbidden_problem(who: str, call: Call, resp: httpx.Response) -> str | None:
    if resp.status_code == 403 and is_error_body(resp) and \
            resp.json()["error"]["code"] == "forbidden":
        return None
    return _describe(f"{who} expected 403 forbidden", call, resp)


def _allowed_problem(who: str, call: Call, resp: httpx.Response) -> str | None:
    if resp.status_code in DENIED or resp.status_code >= 500:
        return _describe(f"{who} was allowed but got", call, resp)
    if resp.status_code >= 400 and not is_error_body(resp):
        return _describe(f"{who} error without the standard body", call, resp)
    return None


async def test_every_path_parameter_is_declared(anon_client: httpx.AsyncClient) -> None:
    ops = await load_operations(anon_client)
    templates = {op.path for op in ops if op.path_params}
    assert not sorted(templates - OWNED_RESOURCES.keys()), undeclared_message(
        sorted(templates - OWNED_RESOURCES.keys()))
    stale = sorted(t for t in OWNED_RESOURCES.keys() - templates
                   if not t.startswith(IN_PROGRESS_PREFIXES))
    assert not stale, f"OWNED_RESOURCES names templates the API no longer has: {stale}"
    for op in ops:
        entry = OWNED_RESOURCES.get(op.path)
        if isinstance(entry, AdminOnly):
            assert op.roles == {Role.admin}, f"{op.label} is declared AdminOnly: {op.access}"
        if isinstance(entry, SharedReference):
            assert op.method == "GET" and not op.public, \
                f"{op.label}: shared reference data must be read-only and signed-in"


# The matrix checks that declarations are enforced; this checks the declarations themselves
# for the sensitive areas: whatever a new route declares, it cannot open these to more roles.
RESTRICTED_PREFIXES: dict[str, frozenset[Role]] = {
    "/api/v1/admin/": frozenset({Role.admin}),
    "/api/v1/pharma/": frozenset({Role.pharma, Role.admin}),
    # PHI: patients only; admins read under break-glass (checked in backend/record/service.py).
    "/api/v1/record": frozenset({Role.patient, Role.admin}),
}


async def test_sensitive_areas_stay_restricted(anon_client: httpx.AsyncClient) -> None:
    wrong = [f"{op.label}: {op.access}" for op in await load_operations(anon_client)
             for prefix, allowed in RESTRICTED_PREFIXES.items()
             if op.path.startswith(prefix) and (op.public or not op.roles <= allowed)]
    assert not wrong, f"declared wider than the area allows: {wrong}"


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value)
async def test_role_matrix(app: FastAPI, anon_client: httpx.AsyncClient, role: Role) -> None:
    """Refused roles get 403 (even with invalid input); allowed roles are never refused."""
    env = Env(app, anon_client)
    problems: list[str] = []
    checked = 0
    for op in await load_operations(anon_client):
        if op.public:
            continue
        caller = await env.user(role)  # fresh: some operations end the caller's sessions
        checked += 1
        if role in op.roles:
            values = await env.values_for(op, owner=caller)
            call = await env.call_for(op, caller, values)
            problems.append(_allowed_problem(role.value, call, await env.send(call,
                                                                             caller.headers)))
            continue
        # "Own" resources of a refused role may not exist (it cannot create them), so the
        # refused caller tries another user's resource and garbage values.
        owner = await env.user(min(op.roles, key=ROLES.index))
        call = await env.call_for(op, caller, await env.values_for(op, owner=owner))
        for attempt in (call, garbage_call(op)):
            problems.append(_forbidden_problem(role.value, attempt,
                                               await env.send(attempt, caller.headers)))
    assert checked > 0
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value)
async def test_api_key_matrix(app: FastAPI, anon_client: httpx.AsyncClient, role: Role) -> None:
    """Keys need the operation's scope (and an allowed role); scope-less operations refuse
    every key, even one holding all scopes."""
    env = Env(app, anon_client)
    problems: list[str | None] = []
    for op in await load_operations(anon_client):
        if op.public:
            continue
        user = await env.user(role)
        owner = user if role in op.roles else await env.user(min(op.roles, key=ROLES.index))
        call = await env.call_for(op, user, await env.values_for(op, owner=owner))
        every_scope = await env.api_key(user, list(SCOPES))
        if op.scope is None or role not in op.roles:
            who = f"{role.value} key with all scopes"
            problems.append(_forbidden_problem(who, call, await env.send(call, every_scope)))
            continue
        assert op.scope in SCOPES, f"{op.label} declares unknown scope {op.scope!r}"
        others = [s for s in SCOPES if s != op.scope]
        if others:  # refused first: it must not have changed anything
            without = await env.api_key(user, others)
            problems.append(_forbidden_problem(f"{role.value} key without {op.scope}", call,
                                               await env.send(call, without)))
        just_it = await env.api_key(user, [op.scope])
        problems.append(_allowed_problem(f"{role.value} key with {op.scope}", call,
                                         await env.send(call, just_it)))
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


def _destructive_last(ops: list[Operation]) -> list[Operation]:
    return sorted(ops, key=lambda o: o.method == "DELETE")


@pytest.mark.parametrize("owner_role", ROLES, ids=lambda r: r.value)
async def test_ownership_matrix(app: FastAPI, anon_client: httpx.AsyncClient,
                                owner_role: Role) -> None:
    """User B (every allowed role, the owner's included) cannot see or touch A's resource."""
    env = Env(app, anon_client)
    ops = [op for op in await load_operations(anon_client) if not op.public]
    undeclared = sorted({op.path for op in ops if op.path_params} - OWNED_RESOURCES.keys())
    assert not undeclared, undeclared_message(undeclared)
    problems: list[str | None] = []
    for template, entry in OWNED_RESOURCES.items():
        if not isinstance(entry, Owned | SharedWorkspace):
            continue
        mine = _destructive_last([op for op in ops if op.path == template
                                  and owner_role in op.roles])
        if not mine:
            continue
        owner = await env.user(owner_role)
        values = await entry.create(env, owner)
        for other_role in sorted({r for op in mine for r in op.roles}, key=ROLES.index):
            other = await env.user(other_role)
            shared = isinstance(entry, SharedWorkspace) or (
                isinstance(entry, Owned) and other_role in entry.seen_by)
            for op in mine:
                if other_role not in op.roles or (shared and op.method == "DELETE"):
                    continue  # the role matrix covers refused roles; keep A's resource
                call = await env.call_for(op, other, values)
                who = f"{other_role.value} B on {owner_role.value} A's {template}"
                credentials = [other.headers]
                if op.scope is not None:
                    credentials.append(await env.api_key(other, [op.scope]))
                for headers in credentials:
                    resp = await env.send(call, headers)
                    if shared:
                        problems.append(_allowed_problem(who, call, resp)
                                        or _not_found_problem(who, call, resp))
                    elif resp.status_code not in (403, 404) or not is_error_body(resp):
                        problems.append(_describe(f"{who} expected 404/403", call, resp))
            if isinstance(entry, Owned) and not shared:
                for listing in entry.listed_at:
                    resp = await anon_client.get(listing, headers=other.headers)
                    if any(v in resp.text for v in values.values()):
                        problems.append(f"{other_role.value} B sees A's {values} in {listing}")
        for op in mine:  # the owner last: DELETE goes at the very end
            call = await env.call_for(op, owner, values)
            resp = await env.send(call, owner.headers)
            who = f"{owner_role.value} owner on {template}"
            problems.append(_allowed_problem(who, call, resp)
                            or _not_found_problem(who, call, resp))
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


def _not_found_problem(who: str, call: Call, resp: httpx.Response) -> str | None:
    if resp.status_code == 404:
        return _describe(f"{who} cannot find a resource it may see", call, resp)
    return None
