"""Hostile or broken rule files, through the real CLI: exit 2 with ``file:line: message`` for a broken file,
nothing ever executed, and expressions that backtrack catastrophically stopped by the time limit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from conftest import run_cli

# Hostile rule files through the loader and the CLI (seconds): run by .ci/run's slow stage with the other hostile
# inputs, so the default run stays under 90 s.
pytestmark = pytest.mark.slow

ARTICLE = "# Returns\n\nWe offer guaranteed returns on every call.\n"
RULE = """\
pack: p
rules:
  - id: p-rule
    severity: error
    message: {message}
    description: d
    {check}
"""


def rule_file(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def check(tmp_path: Path, rules: Path, *paths: str, extra: tuple[str, ...] = ()):
    if not paths:
        (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
        paths = ("a.md",)
    rel = str(rules.relative_to(tmp_path))
    return run_cli("check", "--no-builtin", "--rules", rel, *extra, *paths, cwd=tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("pack: p\nrules: [\n", "rules.yaml:3: invalid YAML", id="invalid-yaml"),
        pytest.param("[1, 2]\n", "rules.yaml:1: the rule file must be a mapping", id="not-a-mapping"),
        pytest.param(
            RULE.format(message="m", check="frobnicate: {words: [x]}"),
            "rules.yaml:7: rules[0]: unknown key 'frobnicate'",
            id="unknown-check-kind",
        ),
        pytest.param(
            RULE.format(message="m", check="require: {words: [x], min_count: many}"),
            "rules.yaml:7: rules[0].require.min_count must be a whole number, not text",
            id="wrong-type",
        ),
        pytest.param(
            # An explicit tag on a value it cannot build used to escape as a ValueError traceback.
            RULE.format(message="m", check='require: {words: [x], min_count: !!int "many"}'),
            "rules.yaml:7: rules[0].require.min_count must be a whole number, not text",
            id="tag-on-impossible-value",
        ),
        pytest.param(
            RULE.format(message="m", check="forbid: {patterns: ['(unclosed']}"),
            "rules.yaml:7: rules[0].forbid.patterns[0]: invalid regular expression '(unclosed'",
            id="invalid-regex",
        ),
        pytest.param(
            RULE.format(message="m", check="forbid: {words: [x], in_section: '[z-a]'}"),
            "rules.yaml:7: rules[0].forbid.in_section: invalid regular expression '[z-a]'",
            id="invalid-section-regex",
        ),
        pytest.param(
            RULE.format(message="m", check="forbid: {words: [x]}")
            + RULE.split("rules:\n")[1].format(message="m", check="forbid: {words: [y]}"),
            "rules.yaml:8: duplicate rule id 'p-rule' (first defined at rules.yaml:3)",
            id="duplicate-id",
        ),
        pytest.param(b"\xff\xfe rules", "rules.yaml:1: rule file is not UTF-8", id="not-utf8"),
        pytest.param(
            # Valid YAML that validation walked recursively: a RecursionError traceback at 600 levels.
            RULE.format(message="m", check="forbid: " + "{words: [x], near: " * 600 + "{words: [x]}" + "}" * 600),
            "rules.yaml:7: nested more than 64 levels deep",
            id="nested-600-deep",
        ),
        pytest.param("pack: !custom p\nrules: []\n", "rules.yaml:1: YAML tag '!custom' is not allowed", id="local-tag"),
    ],
)
def test_broken_rule_file_exits_2_with_file_line_message(tmp_path, text, expected):
    path = tmp_path / "rules.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    proc = check(tmp_path, path)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert any(line.startswith(expected) for line in err.splitlines()), err
    assert "Traceback" not in err
    assert proc.stdout == b""  # nothing is linted with a broken rule set


PAYLOADS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/apply:subprocess.check_call [['touch', '{marker}']]",
    "!!python/object/new:subprocess.check_call [['touch', '{marker}']]",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_yaml_constructor_tags_are_refused_and_never_executed(tmp_path, payload):
    marker = tmp_path / "executed"
    tagged = payload.format(marker=marker)
    # The payload is real: PyYAML's unsafe loader runs it and creates the file.
    yaml.unsafe_load(f"x: {tagged}")
    assert marker.exists()
    marker.unlink()
    rules = rule_file(tmp_path, RULE.format(message=tagged, check="forbid: {words: [x]}"))
    proc = check(tmp_path, rules)
    assert proc.returncode == 2
    assert "is not allowed" in proc.stderr.decode()
    article = tmp_path / "fm.md"
    article.write_text(f"---\ntitle: {tagged}\n---\n\n# T\n\nguaranteed returns\n", encoding="utf-8")
    good = rule_file(tmp_path, RULE.format(message="m", check="forbid: {words: [guaranteed]}"), "good.yaml")
    proc = check(tmp_path, good, "fm.md")
    assert proc.returncode == 1  # the article is still linted
    assert "fm.md: front matter is not valid YAML (line 2): YAML tag" in proc.stderr.decode()
    assert not marker.exists()


@pytest.mark.parametrize(
    "message",
    ["'{match.__class__.__mro__}'", "'{match:>99999999999}'", "'{nope} {match'", "'{0}{}{match[0]}'"],
)
def test_hostile_message_templates_are_shown_as_written(tmp_path, message):
    # These went through str.format: attribute access, a 100 GB padding (MemoryError), or a ValueError on
    # every file the rule matched.
    rules = rule_file(tmp_path, RULE.format(message=message, check="forbid: {words: [guaranteed returns]}"))
    proc = check(tmp_path, rules)
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines()[0] == f"a.md:3:10: error p-rule {message.strip(chr(39))}"


def test_message_placeholders_and_braces_still_work(tmp_path):
    rules = rule_file(tmp_path, RULE.format(message="'{{x}} {match}!'", check="forbid: {words: [guaranteed]}"))
    assert check(tmp_path, rules).stdout.decode().startswith("a.md:3:10: error p-rule {x} guaranteed!")


CATASTROPHIC = [
    pytest.param("forbid: {patterns: ['(a|aa)+$']}", id="pattern"),
    pytest.param("forbid: {words: [guaranteed], in_section: '(a|aa)+$'}", id="in_section"),
    pytest.param("forbid: {words: [guaranteed]}\n    scope: 'section:(a|aa)+$'", id="section-scope"),
    pytest.param(
        "conditional: {if: {words: [guaranteed]}, then: {words: [risk]}, within: 'section:(a|aa)+$'}", id="within"
    ),
]


@pytest.mark.slow  # a few seconds: run by .ci/run with -m slow (the default run stays under 90 s)
@pytest.mark.parametrize("hostile", CATASTROPHIC)
def test_catastrophic_expressions_time_out_per_file_and_the_run_goes_on(tmp_path, hostile):
    # `(a|aa)+$` against 40 a's and a '!' backtracks for hours; the `regex` module survives `(a+)+$`.
    slow = "# " + "a" * 40 + "!\n\n" + "a" * 40 + "! guaranteed returns\n"
    for i in range(4):
        (tmp_path / f"slow{i}.md").write_text(slow, encoding="utf-8")
    (tmp_path / "fine.md").write_text("# Fine\n\nNothing to see.\n", encoding="utf-8")
    text = RULE.format(message="m", check=hostile) + (
        "  - id: p-fast\n    severity: warning\n    message: '{match}'\n    description: d\n"
        "    forbid: {words: [guaranteed returns]}\n"
    )
    rules = rule_file(tmp_path, text)
    started = time.monotonic()
    proc = check(tmp_path, rules, ".", extra=("--regex-timeout", "0.5", "--format", "json"))
    elapsed = time.monotonic() - started
    assert elapsed < 60  # 4 files x 0.5 s, plus start-up; without the limit: hours
    import json

    data = json.loads(proc.stdout)
    timeouts = [f for f in data["findings"] if f["rule"] == "newslint-rule-timeout"]
    assert sorted(f["path"] for f in timeouts) == [f"slow{i}.md" for i in range(4)]
    assert all("rule p-rule ran past its time limit" in f["message"] for f in timeouts)
    assert all(f["severity"] == "error" and (f["line"], f["column"]) == (1, 1) for f in timeouts)
    # The other rule still ran on every slow file, and the clean file was checked.
    assert sorted(f["path"] for f in data["findings"] if f["rule"] == "p-fast") == [f"slow{i}.md" for i in range(4)]
    assert data["summary"]["files"] == 5 and data["errors"] == []
    assert proc.returncode == 1
