"""The layering the stream work builds on: no import circle, and the edges depend only inward.

Imports are read from the source (``ast``), including those under ``TYPE_CHECKING``: a circle that
only type checkers see still ties the modules together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("pipeline", "bridges", "storage", "web")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Our modules that ``name`` imports (``from pkg import mod`` counts as ``pkg.mod``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module in known and module != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("edge", ["web", "storage"])
def test_edges_never_import_the_app_or_its_wiring(edge):
    forbidden = {"pipeline.app", "pipeline.commands", "pipeline.topics", "pipeline.__main__"}
    graph = _graph()
    offenders = {
        module: sorted(graph[module] & forbidden)
        for module in graph
        if module.split(".")[0] == edge and graph[module] & forbidden
    }
    assert offenders == {}


def test_errors_and_settings_are_leaves():
    graph = _graph()
    assert graph["pipeline.errors"] == set()
    settings = {name for name in graph if name.startswith("pipeline.settings")}
    for name in settings:
        assert graph[name] <= settings | {"pipeline.errors"}, name


def test_cores_import_no_service_layer():
    graph = _graph()
    service = {"pipeline.app", "pipeline.settings", "pipeline.wiring", "pipeline.offline"}
    for name, targets in graph.items():
        if name.startswith(("pipeline.analysis", "pipeline.templates")):
            bad = {
                t for t in targets if t.startswith(tuple(service)) or t.split(".")[0] != "pipeline"
            }
            assert bad == set(), name


def test_nothing_loads_state_with_code_execution():
    # pickle, marshal and shelve execute code (or break) on load; state is versioned plain data.
    banned = {"pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
    found = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(name, a.name) for a in node.names if a.name.split(".")[0] in banned]
            elif (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.split(".")[0] in banned
            ):
                found.append((name, node.module))
    assert found == []
