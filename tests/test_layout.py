"""The package layout is the pipeline: each stage imports only the stages below it, and nothing imports in a circle.

An article goes: ``files`` (read, decode) -> ``parsing`` (HTML, Markdown) into a ``document`` -> rules written in
the rule ``language`` -> ``checks`` (one module per check kind) -> ``rules`` (rule files loaded and validated) ->
``config`` -> ``running`` (one document, one file, many files, cache, suppression, fixes) -> ``output`` formats ->
the faces on top (``cli``, and the Python API / editor server beside it). ``document`` sits below ``parsing``
because it is what parsing produces.

Imports inside functions count (a lazy import upward is still an upward dependency); imports under
``if TYPE_CHECKING:`` do not (they exist for annotations only).
"""

from __future__ import annotations

import ast
from pathlib import Path

import newslint

SRC = Path(newslint.__file__).resolve().parent

# Lowest first. A package not listed here fails the test: place it on purpose.
LAYERS = ["files", "document", "parsing", "language", "checks", "rules", "config", "running", "output"]
TOP = {"cli", "api", "server", "__init__", "__main__"}  # faces: they may import anything below


def module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path, *, top_level_only: bool = False) -> set[str]:
    """The newslint modules a file imports (``from a.b import c`` counts ``a.b`` and, if it is a module, ``a.b.c``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(node: ast.AST, depth: int) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other, depth)
                continue
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and top_level_only:
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.startswith("newslint"))
            elif isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("newslint"):
                assert child.level == 0, f"{path}: relative import (the project uses absolute imports)"
                found.add(child.module)
                for alias in child.names:
                    found.add(f"{child.module}.{alias.name}")
            visit(child, depth + 1)

    visit(tree, 0)
    return found


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in SRC.rglob("*.py")}


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_package_has_a_place_in_the_pipeline():
    stages = {stage(m) for m in all_modules()}
    unknown = stages - set(LAYERS) - TOP
    assert not unknown, f"packages with no layer: {sorted(unknown)}; add them to LAYERS or TOP in {__file__}"


def test_no_stage_imports_a_stage_above_it():
    modules = all_modules()
    wrong = []
    for name, path in sorted(modules.items()):
        own = stage(name)
        if own in TOP:
            continue
        for target in sorted(imports_of(path)):
            if target not in modules or target == "newslint":
                continue
            other = stage(target)
            if other in TOP or LAYERS.index(other) > LAYERS.index(own):
                wrong.append(f"{name} ({own}) imports {target} ({other})")
    assert not wrong, "upward imports:\n" + "\n".join(wrong)


def test_no_import_cycles():
    """Imports form no cycle, lazy ones (inside functions) included (Tarjan's strongly connected components)."""
    modules = all_modules()
    graph = {
        name: sorted(t for t in imports_of(path) if t in modules and t != name and t != "newslint")
        for name, path in modules.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles: list[list[str]] = []
    counter = [0]

    def connect(v: str) -> None:  # recursion depth is bounded by the number of modules
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    assert not cycles, f"import cycles: {cycles}"


def test_the_layering_test_sees_an_upward_import(tmp_path):
    """The checker itself works: a lazy import of the CLI from inside a function is found."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from newslint.cli.app import app\n"
        "def f():\n    from newslint.running.linter import Linter\n",
        encoding="utf-8",
    )
    assert "newslint.running.linter" in imports_of(sample)
    assert "newslint.cli.app" not in imports_of(sample)
    assert "newslint.running.linter" not in imports_of(sample, top_level_only=True)
