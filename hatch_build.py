"""Wheel build hook: compile the HTML parser with mypyc, or ship it as pure Python where that cannot be done.

The HTML extractor runs a Python loop once per tag of every page; it is most of a check's time. Compiled
with mypyc (the same source, no change of behaviour; black and mypy ship this way) it parses the shared
corpus about 1.5x faster. Compiling needs mypy (a build requirement) and a working C compiler: when either
fails, the wheel holds the pure-Python modules, which do exactly the same, and the build prints why.

* Editable installs (``pip install -e .``, what the tests use) are never compiled: edits take effect at once.
* ``NEWSLINT_PURE_PYTHON=1`` skips compilation; ``NEWSLINT_REQUIRE_COMPILED=1`` makes a failure fatal
  (for a release build that must not silently fall back).

Compilation happens in a temporary copy of ``src/``: no ``.so`` file is ever left in the source tree, where
it would shadow the ``.py`` files of an editable install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# The modules of the per-tag loop (see src/newslint/parsing/html/parser.py), the second pass over a page's
# blocks and elements, and the TextMap every block's text builds (docs/internals/matching-speed.md, part 15);
# the literal index, whose questions the rules ask about 500 times a finance page (part 16).
# Everything else stays interpreted.
COMPILED_MODULES = (
    "newslint/parsing/html/parser.py",
    "newslint/parsing/html/elements.py",
    "newslint/parsing/html/open_elements.py",
    "newslint/parsing/html/tokenizer.py",
    "newslint/parsing/html/attributes.py",
    "newslint/document/textbuild.py",
    "newslint/document/positions.py",
    "newslint/parsing/html/second_pass.py",
    "newslint/parsing/html/related.py",
    "newslint/parsing/html/images.py",
    "newslint/language/unit_index.py",
)

SETUP_PY = """\
from setuptools import setup
from mypyc.build import mypycify

# Third-party packages need not be in the build environment: their types are not needed to compile.
setup(name="newslint-compiled", ext_modules=mypycify(["--ignore-missing-imports", *{modules!r}], opt_level="3"))
"""


# Runs newslint.rules.expression_build OUT RULES with the source tree (argv[1]) first on sys.path.
STORE_BOOTSTRAP = (
    "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
    "runpy.run_module('newslint.rules.expression_build', run_name='__main__', alter_sys=True)"
)


class CompileParserHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._work = Path(tempfile.mkdtemp(prefix="newslint-build-"))  # removed in finalize()
        self._store_expressions(build_data)
        self._store_scan(build_data)
        if os.environ.get("NEWSLINT_PURE_PYTHON"):
            return
        try:
            built = self._compile()
        except Exception as exc:  # no compiler, no mypy, a mypyc error: the pure-Python wheel is still correct
            if os.environ.get("NEWSLINT_REQUIRE_COMPILED"):
                raise
            self.app.display_warning(f"newslint: the HTML parser was not compiled ({exc}); building pure Python")
            return
        build_data["infer_tag"] = True  # the wheel is now for this interpreter and platform
        build_data["pure_python"] = False
        build_data["force_include"].update(built)
        self.app.display_info(f"newslint: compiled {', '.join(COMPILED_MODULES)} with mypyc")

    def _store_expressions(self, build_data: dict[str, Any]) -> None:
        """Compile the built-in packs' expressions into ``newslint/language/expressions.bin`` (see
        ``newslint/language/expression_store.py``). Without it the wheel is still correct, only slower to start
        matching; ``NEWSLINT_REQUIRE_COMPILED=1`` makes a failure fatal here too."""
        root = Path(self.root)
        self._build_file(build_data, "expressions.bin", "expression store", [str(root / "rules")])

    def _store_scan(self, build_data: dict[str, Any]) -> None:
        """Compile the built-in packs' expressions into one Hyperscan database,
        ``newslint/language/expression_scan.bin`` (see ``newslint/language/expression_scan.py``), with the
        annotated fixtures and the examples as the sample of texts that decides which expressions it leaves out.
        About a minute. Without it the wheel is still correct, only slower on pages where many rules apply;
        ``NEWSLINT_REQUIRE_COMPILED=1`` makes a failure fatal here too."""
        root = Path(self.root)
        samples = [str(root / d) for d in ("tests/fixtures/annotated", "examples") if (root / d).is_dir()]
        self._build_file(build_data, "expression_scan.bin", "scan database", [str(root / "rules"), *samples], "--scan")

    def _build_file(self, build_data: dict[str, Any], name: str, what: str, args: list[str], *mode: str) -> None:
        """Run ``newslint.rules.expression_build [MODE] OUT ARGS...`` and put OUT in the wheel as
        ``newslint/language/NAME``; a failure leaves it out with a warning (fatal with NEWSLINT_REQUIRE_COMPILED).
        The environment stays as the build has it: pip isolates its build environment through PYTHONPATH (a
        sitecustomize that also drops the paths of the installing venv, an editable install's src among them).
        So src goes on sys.path after start-up, not through PYTHONPATH."""
        out = self._work / name
        command = [sys.executable, "-c", STORE_BOOTSTRAP, str(Path(self.root) / "src"), *mode, str(out), *args]
        try:
            run = subprocess.run(
                command, cwd=self._work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900
            )
            failed = (run.stdout.strip().splitlines() or ["no output"])[-1] if run.returncode else ""
        except subprocess.TimeoutExpired:
            failed = "it took more than 15 minutes"
        if failed:
            if os.environ.get("NEWSLINT_REQUIRE_COMPILED"):
                raise RuntimeError(f"the {what} was not built: {failed[:300]}")
            self.app.display_warning(f"newslint: the {what} was not built ({failed[:300]})")
            return
        build_data["force_include"][str(out)] = f"newslint/language/{name}"
        self.app.display_info(f"newslint: {run.stdout.strip().splitlines()[-1]}")

    def _compile(self) -> dict[str, str]:
        """Compile in a temporary copy of ``src``; map each built extension to its place in the wheel."""
        work = self._work / "mypyc"
        src = Path(self.root) / "src"
        shutil.copytree(src / "newslint", work / "newslint", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        (work / "setup.py").write_text(SETUP_PY.format(modules=list(COMPILED_MODULES)), encoding="utf-8")
        env = dict(os.environ, MYPY_CACHE_DIR=str(work / ".mypy_cache"))
        run = subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace", "--build-temp", str(work / "tmp")],
            cwd=work,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if run.returncode:
            last = run.stdout.strip().splitlines()[-1:] or ["no output"]
            raise RuntimeError(f"mypyc failed: {last[0][:300]}")
        # The extensions sit beside their sources, and mypyc's shared runtime at the top (setuptools also
        # leaves copies under build/, which must not reach the wheel).
        built = {}
        for suffix in ("so", "pyd"):  # pyd: Windows
            for path in [*work.glob(f"*.{suffix}"), *(work / "newslint").rglob(f"*.{suffix}")]:
                built[str(path)] = path.relative_to(work).as_posix()
        if not built:
            raise RuntimeError("mypyc produced no extension modules")
        return built

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
