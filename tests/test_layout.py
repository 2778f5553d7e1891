"""Repository layout rules that keep the architecture honest."""

from __future__ import annotations

import ast

from tests.support import REPO

TOP_LEVEL = {"pyproject.toml", "backend", "frontend", "ml", "data", "infrastructure", "docs",
             "tests", "README.md", "Makefile", ".ci", ".gitignore"}


def test_top_level_is_as_agreed() -> None:
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True)
    if tracked.returncode != 0:  # not a git checkout (e.g. an sdist): nothing to check
        return
    tops = {line.split("/", 1)[0] for line in tracked.stdout.splitlines() if line}
    assert tops <= TOP_LEVEL, f"unexpected top-level entries: {tops - TOP_LEVEL}"


def test_ml_never_imports_backend() -> None:
    offenders = []
    for path in (REPO / "ml").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n.split(".")[0] == "backend"]
    assert offenders == []


def test_runtime_state_is_not_tracked() -> None:
    import subprocess

    out = subprocess.run(["git", "ls-files", "data/var", "frontend/node_modules", ".venv"],
                         cwd=REPO, capture_output=True, text=True).stdout.split()
    assert set(out) <= {"data/var/README.md"}
