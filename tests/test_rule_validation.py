"""Broken rule files are reported as file:line: message, exit code 2, and never execute anything."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from newslint.rules.loader import Loader, RuleLoadError

GOOD_RULE = """\
pack: house
rules:
  - id: house-rule
    severity: warning
    message: "{match}"
    description: A rule.
    forbid: {words: [foo]}
"""


def problems(text: str) -> list[str]:
    loader = Loader()
    loader.load_text(text, "r.yaml")
    with pytest.raises(RuleLoadError) as exc:
        loader.finish()
    return exc.value.problems


def test_good_rule_loads():
    loader = Loader()
    loader.load_text(GOOD_RULE, "r.yaml")
    assert [r.id for r in loader.finish().rules] == ["house-rule"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pack: p\nrules:\n  - id: a\n    severity: error\n    message: m\n    description: d\n    forbid: {words: [x]}\n    colour: red\n",
            "r.yaml:8: rules[0]: unknown key 'colour'",
        ),
        (
            "pack: p\nrules:\n  - id: a\n    severity: fatal\n    message: m\n    description: d\n    forbid: {words: [x]}\n",
            "r.yaml:4: rules[0].severity must be one of error, warning, info; got 'fatal'",
        ),
        (
            "pack: p\nrules:\n  - id: a\n    severity: error\n    message: m\n    description: d\n    forbid: {patterns: ['(unclosed']}\n",
            "r.yaml:7: rules[0].forbid.patterns[0]: invalid regular expression '(unclosed'",
        ),
        (
            "pack: p\nrules:\n  - id: a\n    severity: error\n    message: m\n    description: d\n    frobnicate: {words: [x]}\n",
            "unknown key 'frobnicate'",
        ),
        (
            "pack: p\nrules:\n  - id: a\n    severity: error\n    message: m\n    description: d\n",
            "needs one of forbid, require, conditional, substitution, metadata, blocks, altered",
        ),
        (
            "pack: p\nrules:\n  - id: Bad_Id\n    severity: error\n    message: m\n    description: d\n    forbid: {words: [x]}\n",
            "r.yaml:3: rules[0].id 'Bad_Id' is not valid: use kebab-case",
        ),
        (
            "pack: p\nrules:\n  - id: a\n    severity: error\n    message: m\n    description: d\n    pages: landing\n    forbid: {words: [x]}\n",
            "r.yaml:7: rules[0].pages must be one of all, articles; got 'landing'",
        ),
        (
            "pack: p\nrules:\n  - id: a\n    severity: error\n    message: m\n    description: d\n    scope: everywhere\n    forbid: {words: [x]}\n",
            "r.yaml:7: rules[0].scope: unknown scope 'everywhere'",
        ),
        (
            "pack: p\nrules:\n  - id: a\n    severity: error\n    message: m\n    description: d\n    forbid: {words: [x], class: nope}\n",
            "r.yaml:7: unknown class 'nope'",
        ),
        (
            "pack: p\nrules:\n  - id: a\n    severity: error\n    message: m\n    description: d\n    forbid:\n      words: {a: b}\n",
            "r.yaml:8: rules[0].forbid.words must be a list, not a mapping",
        ),
        ("pack: p\nrules: [\n", "r.yaml:3: invalid YAML"),
        (
            "pack: p\nrules:\n  - !!python/object/apply:os.system ['echo hacked']\n",
            "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        ),
        ("", "r.yaml:1: rule file is empty"),
        ("pack: p\npack: q\nrules: []\n", "r.yaml:2: duplicate key 'pack'"),
    ],
)
def test_validation_messages(text, expected):
    found = problems(text)
    assert any(expected in p for p in found), found


def test_duplicate_ids_across_files():
    loader = Loader()
    loader.load_text(GOOD_RULE, "a.yaml")
    loader.load_text(GOOD_RULE.replace("pack: house", "pack: other"), "b.yaml")
    with pytest.raises(RuleLoadError) as exc:
        loader.finish()
    assert exc.value.problems == ["b.yaml:3: duplicate rule id 'house-rule' (first defined at a.yaml:3)"]


def test_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    prev = "a"
    for name in "bcdefghij":
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        prev = name
    found = problems(bomb)
    assert any("alias bomb" in p for p in found), found


def test_cli_reports_every_problem_and_exits_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "pack: p\nrules:\n  - id: a\n    severity: nope\n    message: m\n    description: d\n    forbid: {patterns: ['(']}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.md"
    article.write_text("# T\n\nText.\n", encoding="utf-8")
    proc = run_cli("check", str(article), "--no-builtin", "--rules", str(bad))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert f"{bad}:4: rules[0].severity must be one of" in err
    assert f"{bad}:7: rules[0].forbid.patterns[0]: invalid regular expression" in err
    assert "Traceback" not in err


def test_cli_schema_is_json_schema_that_accepts_a_rule_file(tmp_path):
    import jsonschema

    from newslint.files.yaml_positions import load

    proc = run_cli("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    validator = jsonschema.Draft202012Validator(schema)
    data = json.loads(json.dumps(load(GOOD_RULE)))
    assert list(validator.iter_errors(data)) == []
    data["rules"][0]["severity"] = "fatal"
    assert list(validator.iter_errors(data))
    data["rules"][0]["severity"] = "error"
    data["rules"][0]["unknown"] = 1
    assert list(validator.iter_errors(data))


def test_trusted_patterns_is_per_thread():
    """Loading the built-in packs on one thread (trusted: expressions not compiled) never makes another thread's
    validation skip a broken expression, however the two interleave (the editor server loads on threads)."""
    import threading

    from newslint.language.options import check_regex, trusted_patterns

    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with trusted_patterns():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=hold)
    worker.start()
    inside.wait(5)
    try:
        assert check_regex("(unclosed") is not None  # this thread is not trusted while the other one is
        with trusted_patterns():
            assert check_regex("(unclosed") is None
    finally:
        release.set()
        worker.join(5)
    assert check_regex("(unclosed") is not None
