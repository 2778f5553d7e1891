from __future__ import annotations

import pytest
from pydantic import ValidationError

from backend.config import DEFAULT_SECRET, Settings


def test_development_runs_on_embedded_defaults(tmp_path) -> None:
    s = Settings(_env_file=None, data_dir=tmp_path)
    assert s.environment == "development"
    assert s.db_url == f"sqlite+aiosqlite:///{tmp_path / 'lumen.sqlite'}"
    assert s.broker_url == f"lumenfile+sqlite:///{tmp_path / 'broker.sqlite'}"
    assert s.result_backend.startswith("db+sqlite:///")
    assert s.is_sqlite


@pytest.mark.parametrize("env", ["production", "test"])
@pytest.mark.parametrize("secret", [None, DEFAULT_SECRET, ""])
def test_default_secret_refused_outside_development(env: str, secret: str | None) -> None:
    kwargs = {} if secret is None else {"secret_key": secret}
    with pytest.raises(ValidationError, match="LUMEN_SECRET_KEY"):
        Settings(_env_file=None, environment=env, **kwargs)


def test_production_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUMEN_ENVIRONMENT", "production")
    monkeypatch.setenv("LUMEN_SECRET_KEY", "s3cret-from-vault")
    monkeypatch.setenv("LUMEN_DATABASE_URL", "postgresql://u:p@db:5432/lumen")
    monkeypatch.setenv("LUMEN_REDIS_URL", "redis://cache:6379/0")
    with pytest.raises(ValidationError, match="LUMEN_ENCRYPTION_KEYS"):
        Settings(_env_file=None)  # production never falls back to derived field keys
    monkeypatch.setenv("LUMEN_ENCRYPTION_KEYS", "1:" + "A" * 43 + "=")
    s = Settings(_env_file=None)
    assert s.db_url == "postgresql+asyncpg://u:p@db:5432/lumen"  # driver added
    assert s.broker_url == s.result_backend == "redis://cache:6379/0"
    assert not s.is_sqlite


def test_env_file_is_read(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("LUMEN_REDIS_URL=redis://from-dotenv:6379/1\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LUMEN_REDIS_URL", raising=False)
    assert Settings().redis_url == "redis://from-dotenv:6379/1"


@pytest.mark.parametrize("url", ["mysql://x/y", "sqlite:///plain.db", "nonsense"])
def test_unsupported_database_urls_rejected(url: str) -> None:
    with pytest.raises(ValidationError, match="database_url"):
        Settings(_env_file=None, database_url=url)


def test_limits_validated() -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, max_body_bytes=10)
    with pytest.raises(ValidationError):
        Settings(_env_file=None, worker_concurrency=0)
