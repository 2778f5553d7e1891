"""Account, token and API-key schemas."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from backend.models.user import Role


def _email(value: str) -> str:
    # No DNS look-ups (no network at run time); `.test` domains allowed for staging set-ups.
    try:
        return validate_email(value, check_deliverability=False, test_environment=True).normalized
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from None


Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
Password = Annotated[str, Field(min_length=10, max_length=256)]
Code = Annotated[str, StringConstraints(pattern=r"^\d{6}$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]

SCOPES: dict[str, str] = {
    "jobs:read": "Read your background jobs",
    "jobs:write": "Start and cancel your background jobs",
    "drugs:read": "Search the drug database and read drug pages",
    "interactions:check": "Run interaction checks",
    "pharma:maco": "Compute MACO cleaning limits and rank worst-case products (pharma accounts)",
    "pharma:documents": "Generate QA documents without storing them (pharma accounts)",
}


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class UserCreate(_In):
    email: Email
    password: Password
    display_name: Name | None = None


class UserRead(BaseModel):
    id: uuid.UUID
    email: str
    display_name: str | None
    role: Role
    is_active: bool
    mfa_enabled: bool
    created_at: datetime


class AdminUserRead(UserRead):
    failed_logins: int
    locked_until: datetime | None


class AdminUserUpdate(_In):
    role: Role | None = None
    is_active: bool | None = None


class AdminUserPage(BaseModel):
    items: list[AdminUserRead]
    total: int
    limit: int
    offset: int


class LoginRequest(_In):
    email: Annotated[str, Field(min_length=3, max_length=254)]
    password: Annotated[str, Field(min_length=1, max_length=256)]
    totp_code: Code | None = None


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int
    refresh_expires_in: int


class RefreshRequest(_In):
    refresh_token: Annotated[str, Field(min_length=10, max_length=200)]


class PasswordChange(_In):
    current_password: Annotated[str, Field(min_length=1, max_length=256)]
    new_password: Password


class AccountDelete(_In):
    """Deleting an account needs the password again (and the authenticator code with MFA)."""

    password: Annotated[str, Field(min_length=1, max_length=256)]
    totp_code: Annotated[str, StringConstraints(pattern=r"^\d{6}$")] | None = None


class AccountDeleted(BaseModel):
    erased: dict[str, int] = Field(description="How many rows of each kind were erased.")


class PasswordReset(_In):
    token: Annotated[str, Field(min_length=10, max_length=200)]
    new_password: Password


class ResetTokenRead(BaseModel):
    token: str
    expires_at: datetime


class MfaSetupRead(BaseModel):
    secret: str
    otpauth_uri: str


class MfaCode(_In):
    code: Code


class MfaDisable(_In):
    password: Annotated[str, Field(min_length=1, max_length=256)]
    code: Code


class ApiKeyCreate(_In):
    name: Name
    scopes: list[str] = Field(min_length=1, max_length=len(SCOPES))


class ApiKeyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="Shown once; store it now.")


class ScopeRead(BaseModel):
    scope: str
    description: str


class BreakGlassCreate(_In):
    patient_id: uuid.UUID
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=15,
                                             max_length=1000)]
    minutes: int = Field(60, ge=5, le=240)


class BreakGlassRead(BaseModel):
    id: uuid.UUID
    patient_id: uuid.UUID
    expires_at: datetime
