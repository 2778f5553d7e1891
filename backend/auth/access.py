"""Who may call a route: declared next to each route with `**access(...)`.

`access(Role.admin)` allows admins; `access(Role.patient, Role.admin, scope="jobs:read")`
allows those roles and API keys carrying the scope; `access(public=True)` allows anyone.
The declaration is also written into the OpenAPI document (`x-access`), where a test checks
that every operation has one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import Depends, Request

from backend.core.errors import AppError
from backend.models.user import Role

ALL_ROLES = tuple(Role)


@dataclass(frozen=True)
class Principal:
    """The authenticated caller."""

    user_id: uuid.UUID
    role: Role
    via: Literal["jwt", "api_key"]
    scopes: frozenset[str] = field(default_factory=frozenset)  # API keys only
    api_key_id: uuid.UUID | None = None


class Unauthorized(AppError):
    def __init__(self, message: str = "Authentication required", code: str = "unauthorized"):
        super().__init__(401, code, message)


class Forbidden(AppError):
    def __init__(self, message: str = "Not allowed") -> None:
        super().__init__(403, "forbidden", message)


async def optional_principal(request: Request) -> Principal | None:
    """The caller from the Authorization header, or None when there is none."""
    if hasattr(request.state, "principal"):
        cached: Principal | None = request.state.principal
        return cached
    header = request.headers.get("authorization")
    principal = None
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("Use 'Authorization: Bearer <token>'")
        from backend.auth.sessions import resolve_bearer

        principal = await resolve_bearer(request, token.strip())
    request.state.principal = principal
    return principal


async def current_principal(
    principal: Annotated[Principal | None, Depends(optional_principal)],
) -> Principal:
    if principal is None:
        raise Unauthorized()
    return principal


class _Rule:
    def __init__(self, roles: tuple[Role, ...], scope: str | None) -> None:
        self.roles = roles
        self.scope = scope

    async def __call__(
        self, principal: Annotated[Principal, Depends(current_principal)]
    ) -> Principal:
        if principal.role not in self.roles:
            raise Forbidden(f"Requires role: {', '.join(r.value for r in self.roles)}")
        if principal.via == "api_key":
            if self.scope is None:
                raise Forbidden("This endpoint is not available to API keys")
            if self.scope not in principal.scopes:
                raise Forbidden(f"API key lacks scope {self.scope!r}")
        return principal


def access(*roles: Role, scope: str | None = None, public: bool = False) -> dict[str, Any]:
    """Route keyword arguments declaring who may call it (see module docstring)."""
    from backend.core.nul_guard import reject_nul

    if public:
        return {"dependencies": [Depends(reject_nul)],
                "openapi_extra": {"x-access": {"public": True}}}
    allowed = roles or ALL_ROLES
    rule = _Rule(tuple(allowed), scope)
    return {
        # The access decision first: a refused caller gets 403 whatever the request holds.
        "dependencies": [Depends(rule), Depends(reject_nul)],
        "openapi_extra": {"x-access": {"roles": [r.value for r in allowed], "scope": scope}},
    }


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(optional_principal)]
