"""The shipped validated form of the built-in packs (rules/compiled.json) is current, and used safely."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newslint.rules.loader import builtin_rules_dir, load_rules
from newslint.rules.precompiled import TABLE_NAME, build_table, render

REGENERATE = "regenerate with: python -m newslint.rules.precompiled"


def test_shipped_table_is_current():
    folder = builtin_rules_dir()
    shipped = (folder / TABLE_NAME).read_text(encoding="utf-8")
    assert shipped == render(build_table(folder)), REGENERATE


def test_every_built_in_word_has_its_forms_shipped(monkeypatch):
    """A pack word missing from forms.json makes the first page that asks for it load lemminflect (0.6 s) inside
    a rule's time limit: every expression of the built-in packs must be built from the shipped table alone."""
    from newslint.language.lexicons import forms

    missing: list[str] = []

    def generate(word: str) -> tuple[str, ...]:
        missing.append(word)
        return (word,)

    def tagged(word: str) -> dict[str, tuple[str, ...]]:
        missing.append(word)
        return {"": (word,)}

    monkeypatch.setattr(forms, "_generate", generate)
    monkeypatch.setattr(forms, "_tagged", tagged)
    forms.inflections.cache_clear()
    forms.verb_forms.cache_clear()
    try:
        build_table(builtin_rules_dir())
    finally:
        forms.inflections.cache_clear()
        forms.verb_forms.cache_clear()
    assert not missing, f"words missing from forms.json: {sorted(set(missing))}; {REGENERATE}"


def test_precompiled_and_yaml_loading_give_the_same_rules(monkeypatch, tmp_path):
    from newslint.rules import loader as loader_module

    fast = load_rules([])
    copy = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), copy)
    (copy / TABLE_NAME).unlink()
    monkeypatch.setattr(loader_module, "builtin_rules_dir", lambda: copy)
    slow = load_rules([])
    assert [(r.id, r.severity, r.message, r.scope, r.summary) for r in fast.rules] == [
        (r.id, r.severity, r.message, r.scope, r.summary) for r in slow.rules
    ]
    assert fast.digests == slow.digests


def test_a_pack_edited_after_the_table_is_read_from_its_yaml(monkeypatch, tmp_path: Path):
    from newslint.rules import loader as loader_module

    copy = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), copy)
    meta = copy / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("severity: error", "severity: info", 1), encoding="utf-8")
    monkeypatch.setattr(loader_module, "builtin_rules_dir", lambda: copy)
    rules = {r.id: r for r in load_rules([]).rules}
    first_meta_rule = next(r for r in rules.values() if r.pack == "meta")
    assert first_meta_rule.severity == "info"
    table = json.loads((copy / TABLE_NAME).read_text(encoding="utf-8"))
    assert "meta.yaml" in table["packs"]  # the stale entry is there, and was not used
