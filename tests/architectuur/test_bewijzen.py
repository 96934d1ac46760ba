"""Proofs about the proofs: a test that expects the database to refuse something names
the constraint or trigger it expects, so another refusal cannot make it pass."""

from __future__ import annotations

import ast
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _raises_integrity_error(tree: ast.AST):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "raises"
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id == "IntegrityError"
        ):
            yield node


def _ons(match: str, bron: str) -> bool:
    """A constraint's name, or a trigger's message (its fixed part, before the ': %s'),
    as our models and migrations write it; or PostgreSQL's own name of a unique key."""
    return match.split(": ")[0] in bron or bool(re.fullmatch(r"\w+_(key|pkey|fkey)", match))


def test_every_expected_integrity_error_names_its_constraint():
    bron = "\n".join(  # the project's own code: models, migrations, triggers' SQL
        path.read_text()
        for pattern in ("*/**/*.py", "*/**/*.sql")
        for path in ROOT.glob(pattern)
        if path.parts[len(ROOT.parts)] not in {"tests", ".venv"}
    )
    gevonden, problemen = 0, []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in _raises_integrity_error(ast.parse(path.read_text())):
            gevonden += 1
            match = next((k.value for k in node.keywords if k.arg == "match"), None)
            plek = f"{path.relative_to(ROOT)}:{node.lineno}"
            if match is None:
                problemen.append(f"{plek}: no match= with the constraint's name")
            elif not (isinstance(match, ast.Constant) and isinstance(match.value, str)):
                continue  # a parameter: its values are the constraints' names
            elif not _ons(match.value, bron):
                problemen.append(f"{plek}: {match.value!r} is no constraint or trigger of ours")
    assert gevonden >= 20, "the scan finds too few: check the pattern"
    assert not problemen, "\n".join(problemen)
