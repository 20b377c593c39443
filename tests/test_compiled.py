"""The compiled build: a wheel compiles the HTML parser with mypyc (``hatch_build.py``).

CI builds that wheel and runs the parser's tests against it with ``NEWSLINT_EXPECT_COMPILED=1`` (see
``.ci/run``); this module makes sure those tests really ran on the compiled modules, and that the build
falls back to pure Python instead of failing when compilation is impossible.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from newslint.cli.app import is_compiled

# Builds wheels and stores (a few seconds each): run by .ci/run's slow stage and its compiled-wheel stage, so
# the default run stays under 90 s.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
COMPILED = (
    "newslint.parsing.html.parser",
    "newslint.parsing.html.elements",
    "newslint.parsing.html.open_elements",
    "newslint.parsing.html.tokenizer",
    "newslint.document.textbuild",
    "newslint.document.positions",
    "newslint.parsing.html.second_pass",
    "newslint.parsing.html.related",
    "newslint.parsing.html.images",
    "newslint.language.unit_index",
)


@pytest.mark.skipif(not os.environ.get("NEWSLINT_EXPECT_COMPILED"), reason="not the compiled build")
@pytest.mark.parametrize("module_name", COMPILED)
def test_parser_modules_are_the_compiled_ones(module_name: str) -> None:
    assert is_compiled(module_name), importlib.import_module(module_name).__file__


def test_version_says_which_parser_runs() -> None:
    from conftest import run_cli

    version = run_cli("--version").stdout.decode()
    expected = "(compiled parser)" if os.environ.get("NEWSLINT_EXPECT_COMPILED") else "(Python parser)"
    assert version.startswith("newslint ") and version.rstrip().endswith(expected), version


def test_source_checkout_runs_the_python_modules() -> None:
    if os.environ.get("NEWSLINT_EXPECT_COMPILED"):
        pytest.skip("the compiled build")
    for name in COMPILED:
        assert not is_compiled(name), f"{name} is compiled in an editable install: stale .so files in src/?"


def load_hook() -> Any:
    pytest.importorskip("hatchling")
    sys.path.insert(0, str(ROOT))
    try:
        return importlib.import_module("hatch_build")
    finally:
        sys.path.remove(str(ROOT))


class Recorder:
    def __init__(self) -> None:
        self.warnings: list[str] = []

    def display_warning(self, message: str) -> None:
        self.warnings.append(message)

    def display_info(self, message: str) -> None:
        pass


def make_hook(monkeypatch: pytest.MonkeyPatch, root: Path = ROOT, scan: bool = False) -> tuple[Any, Any, Recorder]:
    """The build hook, as hatch would call it; without ``scan``, its scan database (a minute to build, tested
    on its own below and by CI's wheel stage) is not built."""
    hook_module = load_hook()
    if not scan:
        monkeypatch.setattr(hook_module.CompileParserHook, "_store_scan", lambda self, build_data: None)
    hook = object.__new__(hook_module.CompileParserHook)
    recorder = Recorder()
    monkeypatch.setattr(hook_module.CompileParserHook, "app", property(lambda self: recorder), raising=False)
    monkeypatch.setattr(hook_module.CompileParserHook, "root", str(root), raising=False)
    monkeypatch.setattr(hook_module.CompileParserHook, "target_name", "wheel", raising=False)
    monkeypatch.delenv("NEWSLINT_PURE_PYTHON", raising=False)
    monkeypatch.delenv("NEWSLINT_REQUIRE_COMPILED", raising=False)
    return hook_module, hook, recorder


STORE_IN_WHEEL = "newslint/language/expressions.bin"


def test_build_falls_back_to_pure_python_when_compiling_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    hook_module, hook, recorder = make_hook(monkeypatch)

    def no_compiler(self: Any) -> dict[str, str]:
        raise RuntimeError("mypyc failed: error: command 'gcc' failed")

    monkeypatch.setattr(hook_module.CompileParserHook, "_compile", no_compiler)
    build_data: dict[str, Any] = {"force_include": {}, "pure_python": True}
    hook.initialize("standard", build_data)
    try:
        # A pure-Python wheel, as without the hook, still with the expression store (data, not code).
        assert build_data["pure_python"] is True and "infer_tag" not in build_data
        [(store, in_wheel)] = build_data["force_include"].items()
        assert in_wheel == STORE_IN_WHEEL and Path(store).stat().st_size > 10_000
        assert recorder.warnings and "not compiled" in recorder.warnings[0] and "gcc" in recorder.warnings[0]
    finally:
        hook.finalize("standard", build_data, "")
    assert not Path(store).exists()  # the build's temporary folder is gone

    monkeypatch.setenv("NEWSLINT_REQUIRE_COMPILED", "1")
    with pytest.raises(RuntimeError, match="gcc"):
        hook.initialize("standard", {"force_include": {}})
    hook.finalize("standard", {}, "")


def test_a_store_that_cannot_be_built_is_left_out(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "src").symlink_to(ROOT / "src")  # the sources, but no rules/ to compile
    _, hook, recorder = make_hook(monkeypatch, tmp_path)
    monkeypatch.setenv("NEWSLINT_PURE_PYTHON", "1")
    build_data: dict[str, Any] = {"force_include": {}}
    hook.initialize("standard", build_data)
    hook.finalize("standard", build_data, "")
    assert build_data == {"force_include": {}}
    assert recorder.warnings and "expression store was not built" in recorder.warnings[0]

    monkeypatch.setenv("NEWSLINT_REQUIRE_COMPILED", "1")
    with pytest.raises(RuntimeError, match="expression store"):
        hook.initialize("standard", {"force_include": {}})
    hook.finalize("standard", {}, "")


def test_the_store_is_built_inside_an_isolated_build_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """As pip builds: an interpreter whose own site-packages lack regex and newslint, reaching regex through a
    sitecustomize on PYTHONPATH that also drops the installing venv's paths (an editable install's src among
    them). Two regressions left the store out there, or failed the build: PYTHONPATH replaced, then src on it."""
    import subprocess
    import venv

    import regex

    venv.create(tmp_path / "bare", with_pip=False)  # no regex, no newslint
    src = str(ROOT / "src")
    custom = tmp_path / "custom"
    custom.mkdir()
    (custom / "sitecustomize.py").write_text(
        f"import sys\nsys.path[:] = [p for p in sys.path if p != {src!r}]\n"
        f"sys.path.append({str(Path(regex.__file__).parent.parent)!r})\n",
        encoding="utf-8",
    )
    bare_python = tmp_path / "bare" / "bin" / "python"
    check = subprocess.run(
        [str(bare_python), "-c", "import regex, sys; print(sys.path)"],
        env={"PYTHONPATH": f"{custom}{os.pathsep}{src}"},
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0 and src not in check.stdout  # the environment is what the test says it is
    monkeypatch.setattr(sys, "executable", str(bare_python))
    monkeypatch.setenv("PYTHONPATH", str(custom))
    _, hook, recorder = make_hook(monkeypatch)
    monkeypatch.setenv("NEWSLINT_PURE_PYTHON", "1")
    build_data: dict[str, Any] = {"force_include": {}}
    hook.initialize("standard", build_data)
    try:
        assert recorder.warnings == []
        assert list(build_data["force_include"].values()) == [STORE_IN_WHEEL]
    finally:
        hook.finalize("standard", build_data, "")


def test_a_scan_database_that_cannot_be_built_is_left_out(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "src").symlink_to(ROOT / "src")  # the sources, but no rules/ to compile
    _, hook, recorder = make_hook(monkeypatch, tmp_path, scan=True)
    hook._work = tmp_path
    build_data: dict[str, Any] = {"force_include": {}}
    hook._store_scan(build_data)
    assert build_data == {"force_include": {}}
    assert recorder.warnings and "scan database was not built" in recorder.warnings[0]
    monkeypatch.setenv("NEWSLINT_REQUIRE_COMPILED", "1")
    with pytest.raises(RuntimeError, match="scan database"):
        hook._store_scan({"force_include": {}})


@pytest.mark.skipif(not os.environ.get("NEWSLINT_EXPECT_COMPILED"), reason="not the compiled build")
def test_the_wheel_scan_database_loads() -> None:
    """The wheel's scan database is there and usable with the installed Hyperscan: a database that silently
    fails to load would only make checks slower, so the wheel stage of CI asserts it."""
    from newslint.language import expression_scan

    database = expression_scan.database()
    assert database is not None, expression_scan.database_path()
    assert database.id_of(r"\bguaranteed\s+returns?\b") >= -1  # answers (the expression may be left out)
    assert len(database._ids) > 500


def test_editable_and_opted_out_builds_are_not_compiled(monkeypatch: pytest.MonkeyPatch) -> None:
    hook_module, hook, _ = make_hook(monkeypatch)
    calls = SimpleNamespace(n=0)

    def compile_counted(self: Any) -> dict[str, str]:
        calls.n += 1
        return {}

    monkeypatch.setattr(hook_module.CompileParserHook, "_compile", compile_counted)
    editable: dict[str, Any] = {"force_include": {}}
    hook.initialize("editable", editable)
    assert editable == {"force_include": {}}  # no store either: an editable install reads the source tree
    monkeypatch.setenv("NEWSLINT_PURE_PYTHON", "1")
    opted_out: dict[str, Any] = {"force_include": {}}
    hook.initialize("standard", opted_out)
    hook.finalize("standard", opted_out, "")
    assert calls.n == 0
