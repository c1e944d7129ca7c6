"""The offline commands live in ``pipeline.offline``; the pure cores do no file or process IO."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parents[3] / "pipeline"
CORES = ("analysis", "templates")
# Modules whose import means file, terminal or process IO (or argument parsing).
IO_MODULES = frozenset(
    {
        "argparse",
        "concurrent",
        "io",
        "multiprocessing",
        "os",
        "pathlib",
        "shutil",
        "subprocess",
        "sys",
        "tempfile",
        "tqdm",
    }
)
IO_BUILTINS = frozenset({"open", "print", "input"})
# Pure functions of those modules that the cores may import by name.
PURE_NAMES = frozenset({("os", "strerror")})


def _core_files() -> list[Path]:
    return sorted(path for core in CORES for path in (PIPELINE / core).glob("*.py"))


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_core_module_does_no_file_or_process_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            module = node.module
            if all((module, alias.name) in PURE_NAMES for alias in node.names):
                continue
            names = [module]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in IO_BUILTINS
        ):
            found.append(f"line {node.lineno}: {node.func.id}()")
            continue
        else:
            continue
        found += [f"line {node.lineno}: import {n}" for n in names if n.split(".")[0] in IO_MODULES]
    assert found == [], f"IO belongs in pipeline/offline/, not in the cores: {found}"


def test_offline_commands_are_wired_to_the_offline_package(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pipeline.commands import OFFLINE_COMMANDS

    assert set(OFFLINE_COMMANDS) == {"templates", "analyze", "simulate"}
    for name, (target, _) in OFFLINE_COMMANDS.items():
        module, _, function = target.partition(":")
        assert module.startswith("pipeline.offline."), target
        entry = getattr(importlib.import_module(module), function)
        with pytest.raises(SystemExit) as exited:
            entry(["--help"])
        assert exited.value.code == 0
        assert capsys.readouterr().out.startswith(f"usage: {name} ")
