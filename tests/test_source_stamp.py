"""In a development install the result cache's fingerprint follows newslint's own source files: an edited
module or rule file (same version) sends the run to another cache folder, so its old entries are not reused."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from newslint.rules.loader import Loader
from newslint.running import source_stamp as stamp_module
from newslint.running.cache import ResultCache, fingerprint
from newslint.running.linter import Linter
from newslint.running.one_file import CheckSettings, Target
from newslint.running.source_stamp import PACKAGE, compute_stamp, is_development_install, source_stamp

RULES = """\
pack: house
rules:
  - id: house-assured
    severity: error
    message: "Do not promise returns: {match}"
    description: Promises of returns are forbidden.
    forbid: {words: [guaranteed returns]}
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of a source tree's shape: ``src/newslint`` with a few modules and a data file, and ``rules/``."""
    package = tmp_path / "src" / "newslint"
    (package / "running").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    for name in ("__init__.py", "running/__init__.py", "running/cache.py"):
        shutil.copyfile(PACKAGE / name, package / name)
    (package / "language").mkdir()
    (package / "language" / "forms.json").write_text("{}", encoding="utf-8")
    (package / "__pycache__" / "cache.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "sebi.yaml").write_text(RULES, encoding="utf-8")
    return package


def _later(path: Path, seconds: int = 5) -> None:
    seen = path.stat()
    os.utime(path, ns=(seen.st_atime_ns, seen.st_mtime_ns + seconds * 1_000_000_000))


def test_this_checkout_is_a_development_install_with_a_stamp():
    assert is_development_install(PACKAGE)
    assert len(source_stamp()) == 32 and source_stamp() is source_stamp()  # computed once per process


@pytest.mark.parametrize("edit", ["module-mtime", "module-size", "rule-file-mtime", "data-file", "new-module"])
def test_an_edit_changes_the_stamp(tree: Path, edit: str):
    before = compute_stamp(tree)
    assert compute_stamp(tree) == before  # nothing changed: the same stamp
    if edit == "module-mtime":
        _later(tree / "running" / "cache.py")
    elif edit == "module-size":
        path = tree / "running" / "cache.py"
        seen = path.stat()
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        os.utime(path, ns=(seen.st_atime_ns, seen.st_mtime_ns))  # the same time, another size
    elif edit == "rule-file-mtime":
        _later(tree.parent.parent / "rules" / "sebi.yaml")
    elif edit == "data-file":
        _later(tree / "language" / "forms.json")
    else:
        (tree / "running" / "extra.py").write_text("X = 1\n", encoding="utf-8")
    assert compute_stamp(tree) != before


def test_bytecode_and_other_files_do_not_change_the_stamp(tree: Path):
    before = compute_stamp(tree)
    _later(tree / "__pycache__" / "cache.cpython-311.pyc")
    (tree / "notes.txt").write_text("scratch", encoding="utf-8")
    assert compute_stamp(tree) == before


def test_a_wheel_has_no_stamp(tree: Path):
    (tree / "_builtin_rules").mkdir()
    assert not is_development_install(tree) and compute_stamp(tree) == ""


def test_a_cache_entry_is_not_reused_after_a_module_is_touched(tree: Path, tmp_path: Path, monkeypatch):
    """The whole path: a result cached under one stamp is found again until a module's mtime changes."""
    monkeypatch.setattr(stamp_module, "PACKAGE", tree)
    monkeypatch.setattr(stamp_module, "_stamps", {})
    loader = Loader()
    loader.load_text(RULES, "r.yaml")
    ruleset = loader.finish()
    settings = CheckSettings(now=date(2025, 1, 1))
    linter = Linter(ruleset, date(2025, 1, 1))
    article = tmp_path / "a.md"
    article.write_text("# T\n\nWe offer guaranteed returns.\n", encoding="utf-8")
    target = Target(article, article.name, "markdown")
    root = tmp_path / ".newslint_cache"

    first = fingerprint(ruleset, linter, settings)
    ResultCache(root, first).lint(linter, target, settings)
    assert fingerprint(ruleset, linter, settings) == first
    assert ResultCache(root, first).lookup(target, settings) is not None  # the entry is reused

    _later(tree / "running" / "cache.py")  # an edit in the source tree, same version
    monkeypatch.setattr(stamp_module, "_stamps", {})  # a new process
    second = fingerprint(ruleset, linter, settings)
    assert second != first
    assert ResultCache(root, second).lookup(target, settings) is None  # not reused: linted afresh
