"""Property-based fuzzing of the whole OpenAPI schema of the real app with Schemathesis.

Every operation gets positive (schema-valid) and negative (schema-violating) requests, sent
through Schemathesis' ASGI transport, signed in once as an admin and once as a patient.
Checks: no 5xx (`not_a_server_error`) and every documented response matches its schema
(`response_schema_conformance`). `status_code_conformance` does not hold: the schema documents
404/409/413/422/500 for every route (backend.core.errors.ERROR_RESPONSES) but not the 400,
401, 403 and 429 the API also answers (e.g. 403 for a patient on admin routes).

The app here is not the `app` fixture: Schemathesis runs ASGI apps on its own event-loop
thread, and database connections cannot cross event loops, so this test builds its own app
(its lifespan runs on that thread), makes its users on a short-lived loop first, and empties
the tables afterwards.

Exclusions: none. Nothing generated can end the caller's session: logout, password change
and MFA need the refresh token, the password or a TOTP code, which the generator never has;
key revocation and admin user changes name random IDs. The test asserts the session is still
valid at the end.

Measured (derandomized, so stable while the schema stays the same), on the 67 operations of
2026-12-08: 1,150 cases per role and stack, 4,600 over both roles and both stacks, in about
85 s on 2 cores (so not marked slow). Operations without inputs have no negative cases.
Run with `pytest -s` to see the counts and the answers by status.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance
from schemathesis.python.asgi import shutdown_lifespans

from backend.config import Settings
from backend.database import Database
from backend.main import create_app
from backend.models import Role
from tests import factories
from tests.support import in_thread, truncate_all

MAX_EXAMPLES = 10  # per operation and generation mode
CHECKS = [not_a_server_error, response_schema_conformance]
FUZZ_SETTINGS = hypothesis_settings(
    max_examples=MAX_EXAMPLES, derandomize=True, database=None, deadline=None,
    phases=[Phase.generate],  # no shrinking: a failure is reported as generated
    suppress_health_check=list(HealthCheck),
)


@dataclass
class Fuzz:
    schema: schemathesis.BaseSchema
    headers: dict[Role, dict[str, str]]


async def _make_users(settings: Settings) -> dict[Role, dict[str, str]]:
    app = create_app(settings)
    try:
        return {role: (await factories.make_user(app, role)).headers
                for role in (Role.admin, Role.patient)}
    finally:
        await app.state.db.dispose()


async def _empty_tables(settings: Settings) -> None:
    db = Database(settings)
    try:
        await truncate_all(db)
    finally:
        await db.dispose()


@pytest.fixture
def fuzz(settings: Settings) -> Iterator[Fuzz]:
    headers = in_thread(asyncio.run, _make_users(settings))
    app = create_app(settings)
    try:
        yield Fuzz(schemathesis.openapi.from_asgi("/api/openapi.json", app), headers)
    finally:
        shutdown_lifespans()  # closes the app's database, cache and rate limiter
        in_thread(asyncio.run, _empty_tables(settings))


def _fuzz(operation: schemathesis.APIOperation, mode: GenerationMode,
          headers: dict[str, str], statuses: Counter[int]) -> None:
    """Send this operation's generated cases, counting the answers by status."""

    @FUZZ_SETTINGS
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        response = case.call_and_validate(headers=headers, checks=CHECKS)
        statuses[response.status_code] += 1

    run()


def _takes_input(operation: schemathesis.APIOperation) -> bool:
    raw = operation.definition.raw
    return bool(raw.get("parameters") or raw.get("requestBody"))


@pytest.mark.parametrize("role", [Role.admin, Role.patient], ids=lambda r: r.value)
def test_whole_api_under_fuzzing(fuzz: Fuzz, role: Role) -> None:
    headers = fuzz.headers[role]
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    operations = [result.ok() for result in fuzz.schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _fuzz(operation, mode, headers, statuses)
            except Unsatisfiable:
                # An operation without parameters or body has no schema-violating request.
                if mode is GenerationMode.POSITIVE or _takes_input(operation):
                    failures.append(f"{operation.label} [{mode.value}]: nothing generated")
            except Exception as exc:  # collect every operation's failure, then report all
                failures.append(f"{operation.label} [{mode.value}]: {type(exc).__name__}: {exc}")
    print(f"\nschemathesis [{role.value}]: {statuses.total()} cases over {len(operations)} "
          f"operations; by status: {dict(sorted(statuses.items()))}")
    me = fuzz.schema["/api/v1/auth/me"]["GET"].Case().call(headers=headers)
    assert me.status_code == 200, "the fuzzing ended the caller's session"
    assert not failures, "\n\n".join(failures)
