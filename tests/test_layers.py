"""The layers the code keeps: the contracts in pyproject.toml, checked by import-linter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_contract_is_kept() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_code_passes_its_linter_and_formatter() -> None:
    """The rules in pyproject.toml's [tool.ruff] hold on every file, and every file is formatted."""
    ruff = Path(sys.executable).with_name("ruff")
    paths = ["revise", "tests", "benchmarks", "migrations"]
    for command in (["check", "--no-cache"], ["format", "--check", "--no-cache"]):
        result = subprocess.run(
            [str(ruff), *command, *paths],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_sets_one_name_twice() -> None:
    """A constant or function set again lower in its module silently replaces the first for
    every use, above it too; ruff does not see it. Each top-level name is set once."""
    twice = []
    for path in sorted((ROOT / "revise").rglob("*.py")):
        seen: dict[str, int] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [target.id for target in node.targets if isinstance(target, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                names = []
            for name in names:
                if name in seen:
                    twice.append(
                        f"{path.relative_to(ROOT)}: {name} (lines {seen[name]}, {node.lineno})"
                    )
                seen[name] = node.lineno
    assert twice == []
