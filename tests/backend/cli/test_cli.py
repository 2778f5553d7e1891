"""The `lumen` command: reserved names, lazy imports, db upgrade, jobs with a progress bar."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support import REPO, worker_env

RESERVED = ["serve", "worker", "beat", "db", "admin", "audit", "keys", "kb", "eval", "interactions",
            "fetch", "datagen", "train", "serve-model", "genomepath", "jobs", "up"]
SUBCOMMANDS = {"db": ["upgrade"], "admin": ["create", "reset-password"], "audit": ["verify"],
               "keys": ["rotate"], "kb": ["ingest"],
               "eval": ["rag", "triage"], "interactions": ["pairs"], "train": ["run", "eval"],
               "genomepath": ["train", "eval", "predict"]}


def lumen(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "backend.cli.main", *args], cwd=REPO,
                          capture_output=True, text=True, env=env, timeout=timeout)


def test_help_lists_every_reserved_name() -> None:
    out = lumen("--help")
    assert out.returncode == 0
    for name in RESERVED:
        assert f" {name} " in out.stdout, name
    for group, subs in SUBCOMMANDS.items():
        sub_out = lumen(group, "--help").stdout
        for sub in subs:
            assert f" {sub} " in sub_out, f"{group} {sub}"


@pytest.mark.parametrize(("args", "name"), [
    (["kb", "ingest"], "kb ingest"), (["fetch", "pubchem"], "fetch"),
    (["train", "run"], "train run"), (["genomepath", "predict", "--x", "1"], "genomepath predict"),
])
def test_reserved_commands_say_they_are_not_ready(args: list[str], name: str) -> None:
    out = lumen(*args)
    assert out.returncode == 2
    assert f"lumen {name}: not available yet" in out.stderr


def test_cli_module_imports_no_heavy_packages() -> None:
    code = ("import sys, backend.cli.main; "
            "heavy = [m for m in ('fastapi','sqlalchemy','celery','uvicorn','torch','kombu') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_db_upgrade_creates_schema(tmp_path) -> None:
    env = worker_env_for(tmp_path)
    out = lumen("db", "upgrade", env=env)
    assert out.returncode == 0, out.stderr
    import sqlite3

    tables = {r[0] for r in sqlite3.connect(tmp_path / "lumen.sqlite").execute(
        "select name from sqlite_master where type='table'")}
    assert {"job", "alembic_version"} <= tables


def worker_env_for(data_dir) -> dict:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("LUMEN_")}
    env.update(LUMEN_DATA_DIR=str(data_dir), LUMEN_ENVIRONMENT="development")
    return env


def test_jobs_start_rejects_bad_params(settings) -> None:
    out = lumen("jobs", "start", "system.self_check", "-p", "steps=0", env=worker_env(settings))
    assert out.returncode == 2 and "Invalid job params" in out.stderr


@pytest.mark.slow
def test_jobs_start_follows_progress_to_the_end(settings, worker) -> None:
    out = lumen("jobs", "start", "system.self_check", "-p", "steps=3", "-p", "step_seconds=0.1",
                env=worker_env(settings))
    assert out.returncode == 0, out.stderr + out.stdout
    assert "succeeded" in out.stdout and "100%" in out.stdout
    result = json.loads(out.stdout[out.stdout.index("{"):])
    assert result["steps"] == 3
    listed = lumen("jobs", "list", env=worker_env(settings))
    assert "system.self_check" in listed.stdout and "succeeded" in listed.stdout


def test_admin_create_then_sign_in_and_audit_verify(tmp_path) -> None:
    env = worker_env_for(tmp_path)
    assert lumen("db", "upgrade", env=env).returncode == 0
    made = lumen("admin", "create", "--email", "boss@example.test", "--password",
                 "boss-password-1", env=env)
    assert made.returncode == 0, made.stderr
    dup = lumen("admin", "create", "--email", "BOSS@example.test", "--password",
                "boss-password-1", env=env)
    assert dup.returncode == 2 and "exists" in dup.stderr
    weak = lumen("admin", "create", "--email", "x@example.test", "--password", "short", env=env)
    assert weak.returncode == 2
    token = lumen("admin", "reset-password", "boss@example.test", env=env)
    assert token.returncode == 0 and len(token.stdout.strip()) > 20
    ok = lumen("audit", "verify", env=env)
    assert ok.returncode == 0 and "2 events checked" in ok.stdout, ok.stdout + ok.stderr
    import sqlite3

    conn = sqlite3.connect(tmp_path / "lumen.sqlite")
    conn.execute("UPDATE audit_event SET action = 'tampered' WHERE seq = 1")
    conn.commit()
    conn.close()
    bad = lumen("audit", "verify", env=env)
    assert bad.returncode == 1
