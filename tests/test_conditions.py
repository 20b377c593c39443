"""Rule preconditions (``when``): answered once per document for rules that share one (a YAML alias)."""

from __future__ import annotations

from datetime import date

from helpers import source
from newslint.language.model import Condition
from newslint.rules.loader import Loader
from newslint.running.linter import Linter, lint_source

PACK = """
pack: t
rules:
  - id: t-one
    severity: info
    message: m
    description: d
    when: &market {scope: document, words: [sensex]}
    forbid: {words: [alpha]}
  - id: t-two
    severity: info
    message: m
    description: d
    when: *market
    forbid: {words: [beta]}
  - id: t-three
    severity: info
    message: m
    description: d
    when: {scope: document, words: [sensex], min_count: 2}
    forbid: {words: [gamma]}
"""


def _lint(text: str, monkeypatch=None) -> tuple[list[str], int]:
    loader = Loader()
    loader.load_text(PACK, "t.yaml")
    ruleset = loader.finish()
    calls = []
    if monkeypatch is not None:
        original = Condition._holds

        def counting(self, ctx):
            calls.append(self.key)
            return original(self, ctx)

        monkeypatch.setattr(Condition, "_holds", counting)
    result = lint_source(Linter(ruleset, date(2026, 11, 29)), source(text))
    return sorted(f.rule for f in result.findings), len(calls)


def test_shared_precondition_is_evaluated_once_per_document(monkeypatch):
    rules, calls = _lint("The Sensex rose. Alpha, beta and gamma fell.", monkeypatch)
    assert rules == ["t-one", "t-two"]  # t-three needs two mentions
    assert calls == 2  # one for the shared precondition, one for t-three's own


def test_precondition_answers_do_not_leak_between_documents():
    assert _lint("The Sensex rose. Alpha fell.")[0] == ["t-one"]
    assert _lint("Markets rose. Alpha fell.")[0] == []
    assert _lint("Sensex up, Sensex down. Gamma.")[0] == ["t-three"]
