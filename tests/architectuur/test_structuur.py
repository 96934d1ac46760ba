"""The structure of the code as a contract (README, "Architecture"): layers, one home per
import, and sizes a reader can take in. `lint-imports` checks the layers themselves in
`make lint` (CI); these tests check what it cannot."""

from __future__ import annotations

import ast
import inspect
import pathlib
import tomllib

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTRACT = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
MAX_MODULE = 600
MAX_VIEW = 30


def project_apps() -> list[str]:
    """The project's own apps: the installed apps that live in this repository."""
    return [
        config.name
        for config in apps.get_app_configs()
        if pathlib.Path(config.path).resolve().parent == ROOT
    ]


def project_modules() -> list[pathlib.Path]:
    """Code of the apps, without migrations and demo data (which may be long)."""
    return [
        path
        for app in project_apps()
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and path.name != "demo.py"
    ]


def _layer_names() -> set[str]:
    names = set()
    for layer in CONTRACT["contracts"][0]["layers"]:
        for part in layer.replace(":", "|").split("|"):
            names.add(part.strip().strip("()"))
    return names


def test_every_app_is_placed_in_the_layer_contract():
    missing_root = set(project_apps()) - set(CONTRACT["root_packages"])
    missing_layer = set(project_apps()) - _layer_names()
    assert not missing_root, f"add to root_packages in pyproject.toml: {missing_root}"
    assert not missing_layer, f"place in the layers in pyproject.toml: {missing_layer}"


def _app_of(module: str) -> str | None:
    top = module.split(".")[0]
    return top if top in project_apps() else None


def test_no_app_imports_another_inside_a_function():
    """An import inside a function to get around a cycle means the layering is wrong
    (STYLE.md): the code moves up, or the higher app registers an extension."""
    found = []
    for path in project_modules():
        own = path.relative_to(ROOT).parts[0]
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and inner.module:
                    names = [inner.module]
                elif isinstance(inner, ast.Import):
                    names = [alias.name for alias in inner.names]
                else:
                    continue
                for name in names:
                    other = _app_of(name)
                    if other and other != own:
                        found.append(f"{path.relative_to(ROOT)}:{inner.lineno} imports {name}")
    assert not found, "\n".join(found)


def test_no_module_is_longer_than_a_reader_takes_in():
    long = {
        str(path.relative_to(ROOT)): n
        for path in project_modules()
        if (n := len(path.read_text().splitlines())) > MAX_MODULE
    }
    assert not long, f"split into a package (at most {MAX_MODULE} lines): {long}"


def _views(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from _views(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_no_view_function_is_longer_than_thirty_lines():
    """Views parse input, call the domain and respond; what is longer belongs in forms,
    services or selectors."""
    long = []
    for route, view in _views():
        view = inspect.unwrap(getattr(view, "view_class", view))
        module = inspect.getmodule(view)
        if module is None or _app_of(module.__name__) is None or inspect.isclass(view):
            continue
        lines, _ = inspect.getsourcelines(view)
        body = [line for line in lines if not line.lstrip().startswith("@")]
        if len(body) > MAX_VIEW:
            long.append(f"{module.__name__}.{view.__name__} ({route}): {len(body)} lines")
    assert not long, "\n".join(long)


@pytest.mark.parametrize("app", project_apps())
def test_every_app_says_in_its_docstring_where_it_sits(app):
    doc = (apps.get_app_config(app).module.__doc__ or "").strip()
    assert "Layer" in doc or "layer" in doc, f"{app}/__init__.py: say where the app sits"
