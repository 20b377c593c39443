"""The page-level table of where each expression and pattern set may match (``candidate_blocks``): it rules out
only blocks where nothing matches, and findings are the same with and without it."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newslint.files.source import decode_source, format_for
from newslint.language import expression_scan
from newslint.language.candidate_blocks import CandidateBlocks
from newslint.language.context import Context
from newslint.language.patternset import PatternSet
from newslint.language.unit_index import Unit
from newslint.parsing.parse import parse_source
from newslint.rules.loader import builtin_rules_dir, load_rules
from newslint.running.linter import Linter

FIXTURES = Path(__file__).parent / "fixtures" / "annotated"


def _paths(step: int) -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.is_file() and format_for(p.name))[::step]


def _document(path: Path) -> Any:
    return parse_source(decode_source(path.read_bytes(), str(path), format_for(path.name)))


def _findings(paths: list[Path]) -> list[tuple[str, str, int, int, str]]:
    linter = Linter(load_rules([]), now=date(2026, 11, 29))
    out = []
    for path in paths:
        out.extend((path.name, f.rule, f.line, f.column, f.message) for f in linter.lint(_document(path)))
    return out


def _without_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CandidateBlocks, "rules_out", lambda self, ps, units: False)
    monkeypatch.setattr(CandidateBlocks, "of_pattern", lambda self, plan: None)


@pytest.fixture(params=["literals", "scan"])
def passes(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """The table from the literal index alone (no database: editable installs), and with a scan database of an
    eighth of the built-in expressions (the wheel's has all of them)."""
    if request.param == "literals":
        expression_scan.reset(tmp_path / "absent.bin")
    else:
        pytest.importorskip("hyperscan")
        from newslint.rules.expression_build import builtin_keys

        path = tmp_path / "scan.bin"
        path.write_bytes(expression_scan.build_database(sorted(builtin_keys(builtin_rules_dir()))[::8]))
        expression_scan.reset(path)
        assert expression_scan.database() is not None
    yield request.param
    expression_scan.reset()


def test_findings_are_the_same_with_and_without_the_table(passes: str, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _paths(12)
    with_table = _findings(paths)
    _without_table(monkeypatch)
    without = _findings(paths)
    assert len(without) > 100
    assert with_table == without


def test_a_set_ruled_out_has_no_occurrence(passes: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern set of the built-in packs, on a sample of the fixtures, in the lists and regions rules ask
    (the document, the body, its sentences one by one, each block): wherever the table rules a set out, the set
    has no match there when asked without the table."""
    ruleset = load_rules([])
    sets = [o for o in gc.get_objects() if isinstance(o, PatternSet)]
    assert len(sets) > 500
    ruled_out = asked = 0
    for path in _paths(40):
        doc = _document(path)
        table_ctx = Context(doc, date(2026, 11, 29), {}, 30.0)
        table = table_ctx.candidates
        lists = [table_ctx.units("document"), table_ctx.units("body")]
        lists += [[u] for u in table_ctx.units("sentence")[:40]]
        lists += [[Unit(b, 0, len(b.text))] for b in doc.blocks if b.text][:40]
        out = [(ps, units) for ps in sets if ps.klass is None for units in lists if table.rules_out(ps, units)]
        asked += len(sets) * len(lists)
        ruled_out += len(out)
        with monkeypatch.context() as patched:
            _without_table(patched)
            plain = Context(doc, date(2026, 11, 29), {}, 30.0)
            for ps, units in out:
                assert ps._raw(plain, units, None, False) == [], (path.name, ps.all_patterns()[0].text)
    assert ruled_out > asked // 2
    assert ruleset.rules
