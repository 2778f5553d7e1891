"""One Settings object for the API, the worker and the CLI (environment prefix ``LUMEN_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRET = "dev-insecure-secret-change-me"  # noqa: S105 - refused outside development


class Settings(BaseSettings):
    """Configuration; every field can be set as ``LUMEN_<NAME>`` or in ``.env``."""

    model_config = SettingsConfigDict(env_prefix="LUMEN_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = Field(
        "development", description="development allows the built-in secret; others refuse it."
    )
    data_dir: Path = Field(REPO_ROOT / "data" / "var", description="Runtime state (DB, broker).")
    database_url: str | None = Field(
        None, description="postgresql+asyncpg://… ; default: SQLite file in data_dir."
    )
    redis_url: str | None = Field(
        None, description="Broker, results, cache; default: file broker in data_dir."
    )
    qdrant_url: str | None = Field(None, description="Qdrant server; default: embedded store.")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible server (vLLM).")
    secret_key: SecretStr = Field(SecretStr(DEFAULT_SECRET), description="Signing key.")
    log_level: str = "INFO"
    log_json: bool = True
    max_body_bytes: int = Field(1_048_576, ge=1024, description="Larger request bodies get 413.")
    ui_dir: Path = Field(REPO_ROOT / "frontend" / "out", description="Built UI served at /.")
    seed_dir: Path = Field(REPO_ROOT / "data" / "seed", description="Shipped reviewed data.")
    worker_concurrency: int = Field(2, ge=1, le=32, description="Worker pool processes.")
    broker_poll_seconds: float = Field(0.2, gt=0, le=10, description="File broker poll interval.")
    job_lease_seconds: float = Field(
        60, gt=0, description="A running job silent this long is stale."
    )
    job_requeue_after_seconds: float = Field(120, gt=0, description="Re-send queued jobs this old.")
    job_max_attempts: int = Field(5, ge=1, le=50)
    job_retry_backoff_seconds: float = Field(2.0, ge=0, description="Base of exponential back-off.")
    sweep_interval_seconds: float = Field(30, gt=0, description="How often beat sweeps jobs.")
    encryption_keys: SecretStr | None = Field(
        None, description="Field keys 'VERSION:BASE64_32_BYTES;…' (highest version encrypts); "
        "default: one key derived from secret_key (development only).")
    access_token_minutes: float = Field(15, gt=0, le=60)
    refresh_token_days: float = Field(14, gt=0, le=90, description="Absolute session lifetime.")
    session_idle_minutes: float = Field(30, gt=0, description="Unused this long: signed out.")
    login_max_failures: int = Field(5, ge=1, description="Failures before the account locks.")
    lockout_seconds: float = Field(60, gt=0, description="First lockout; doubles each time after.")
    login_rate_per_minute: int = Field(20, ge=1, description="Login attempts per IP and account.")
    api_rate_per_minute: int = Field(600, ge=1, description="Requests per user or API key.")

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str | None) -> str | None:
        # People paste plain postgres URLs; the app needs the asyncpg driver.
        if value is None or value == "":
            return None
        for prefix in ("postgres://", "postgresql://", "postgresql+psycopg://"):
            if value.startswith(prefix):
                return "postgresql+asyncpg://" + value[len(prefix) :]
        if not value.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite://")):
            raise ValueError("database_url must be postgresql+asyncpg://… or sqlite+aiosqlite://…")
        return value

    @model_validator(mode="after")
    def _no_default_secret(self) -> Settings:
        if self.environment != "development" and self.secret_key.get_secret_value() in (
            DEFAULT_SECRET,
            "",
        ):
            raise ValueError(
                "LUMEN_SECRET_KEY must be set to a private value outside development"
            )
        return self

    @model_validator(mode="after")
    def _explicit_keys_in_production(self) -> Settings:
        if self.environment == "production" and self.encryption_keys is None:
            raise ValueError("LUMEN_ENCRYPTION_KEYS must be set in production")
        return self

    @property
    def db_url(self) -> str:
        """The SQLAlchemy async URL in use."""
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'lumen.sqlite'}"

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    @property
    def broker_url(self) -> str:
        """Redis when configured, else kombu's SQLAlchemy transport on a SQLite file."""
        if self.redis_url:
            return self.redis_url
        from backend.core.filebroker import broker_url

        return broker_url(str(self.data_dir / "broker.sqlite"))

    @property
    def result_backend(self) -> str:
        return self.redis_url or f"db+sqlite:///{self.data_dir / 'celery-results.sqlite'}"

    def ensure_dirs(self) -> None:
        """Create the runtime folder (never inside the DB or broker code paths)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)


@lru_cache
def load_settings() -> Settings:
    """Settings from the environment, cached for processes that have no app (CLI, worker)."""
    return Settings()
