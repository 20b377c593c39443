"""The literal prefilter never changes a finding: over generated expressions (``regex``-only syntax included)
and texts, whenever the expression matches, the text holds a literal of each of its prefilter's sets."""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from newslint.document import case_key as case_key_module
from newslint.document.case_key import case_key
from newslint.language import literals
from newslint.language.expression_store import pattern_flags
from newslint.language.literals import holds_all

# Letters whose case spellings differ in lower case (ſ/s, ı/i, ς/σ, µ/μ, K/k) and a few ordinary ones.
LETTERS = list("abcsSſkKKiIıİσςΣµμΜ")
LEAVES = [
    *(regex.escape(c) for c in LETTERS),
    "ab",
    "abc",
    "sk",
    "[ab]",
    "[sS]",
    "[^a]",
    "[a-c]",
    "[ſk]",
    "[[:space:]]",
    "[[:alpha:]]",
    "[\\w-]",
    ".",
    "\\s",
    "\\w",
    "\\d",
    "\\b",
    "\\B",
    "^",
    "$",
    "\\m",
    "\\M",
    "\\p{L}",
    "\\x61",
    "\\N{LATIN SMALL LETTER S}",
    " ",
    "-",
    "\\-",
    "\\.",
]
WRAPS = [
    "(?:{})",
    "({})",
    "(?P<n>{})",
    "(?>{})",
    "(?={})",
    "(?!{})",
    "(?<={})",
    "(?<!{})",
    "(?:{})*",
    "(?:{})+",
    "(?:{})?",
    "(?:{}){{1,2}}",
    "(?:{}){{2}}",
    "(?:{}){{,2}}",
    "(?:{})+?",
    "(?:{})++",
    "(?:{}){{e<=1}}",
    "(?:{}){{i<=1,s<=1}}",
    "(?i:{})",
    "(?-i:{})",
]
FLAGS = ["", "(?i)", "(?x)", "(?f)", "(?fi)", "(?V1)", "(?a)", "(?s)"]


def expressions() -> st.SearchStrategy[str]:
    leaf = st.sampled_from(LEAVES)

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(inner, min_size=2, max_size=4).map("".join),
            st.lists(inner, min_size=2, max_size=3).map(lambda alts: "(?:" + "|".join(alts) + ")"),
            st.tuples(st.sampled_from(WRAPS), inner).map(lambda w: w[0].format(w[1])),
        )

    body = st.recursive(leaf, extend, max_leaves=8)
    return st.tuples(st.sampled_from(FLAGS), body).map("".join)


texts = st.lists(st.sampled_from([*LETTERS, " ", "-", ".", "ab", "abc", "x", "1", "\n"]), max_size=16).map("".join)


def matches(source: str, case_sensitive: bool, text: str) -> bool | None:
    """Whether the expression has a non-empty match in ``text`` (what a finding needs); None if unusable."""
    try:
        compiled = regex.compile(source, pattern_flags(case_sensitive))
        return any(m.end() > m.start() for m in compiled.finditer(text, timeout=1))
    except (regex.error, TimeoutError, OverflowError, RecursionError, ValueError, MemoryError):
        return None


@pytest.mark.slow  # a few seconds: run by .ci/run with -m slow (the default run stays under 90 s)
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=expressions(), case_sensitive=st.booleans(), text=texts)
def test_the_prefilter_never_rules_out_a_text_the_expression_matches(source, case_sensitive, text):
    found = matches(source, case_sensitive, text)
    assume(found is not None)
    sets = literals.required_literal_sets(source, case_sensitive)
    if found:
        assert holds_all(case_key(text), sets), (source, text, sets)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("(?:guaranteed){e<=1}", "guarantied"),  # fuzzy matching: `re` read `{e<=1}` as six literals
        ("guaranteed[[:space:]]returns", "guaranteed returns"),  # a POSIX class: `re` read `[[:space:]` + `]`
        ("assured", "aſſured"),  # long s: the same letter case-insensitively, another one in lower case
        ("σ", "ΑΣ"),  # final sigma lower-cases to ς
    ],
)
def test_regex_only_syntax_and_case_spellings_keep_their_matches(source, text):
    assert matches(source, False, text)
    assert holds_all(case_key(text), literals.required_literal_sets(source, False))


@pytest.mark.parametrize(
    "source", ["(?:guaranteed){e<=1}", "a[[:space:]]b", "(?x) a b", "\\L<names>", "(?(1)a|b)", "(?|a|b)", "[]a]"]
)
def test_constructs_not_understood_give_no_prefilter(source):
    assert literals.required_literal_sets(source, False) == ()


def test_a_rule_with_regex_only_syntax_fires_through_the_cli(tmp_path):
    rules = """pack: p
rules:
  - id: p-fuzzy
    severity: error
    message: "{match}"
    description: d
    forbid: {patterns: ['(?:guaranteed){e<=1} returns', 'assured[[:space:]]+profits']}
"""
    (tmp_path / "rules.yaml").write_text(rules, encoding="utf-8")
    (tmp_path / "a.md").write_text("# T\n\nWe promise guarantied returns and assured  profits.\n", encoding="utf-8")
    proc = run_cli("check", "--no-builtin", "--rules", "rules.yaml", "-f", "concise", "a.md", cwd=tmp_path)
    lines = proc.stdout.decode().splitlines()
    assert [line.split(" ")[0] for line in lines if "p-fuzzy" in line] == ["a.md:3:12:", "a.md:3:35:"], lines


def test_the_case_fold_table_is_current():
    """The shipped table is what ``build_fold_table`` derives from this ``regex`` and this Python."""
    stamp = (regex.__version__, __import__("unicodedata").unidata_version)
    if stamp != case_key_module.FOLD_STAMP:
        pytest.skip(f"table built for {case_key_module.FOLD_STAMP}, running {stamp}")
    built = case_key_module.build_fold_table()
    shipped = case_key_module.FOLD_PAIRS
    assert built == {ord(a): ord(b) for a, b in zip(shipped[::2], shipped[1::2], strict=True)}


def test_no_private_parser_of_the_standard_library_is_used():
    import subprocess

    probe = "import sys, newslint.language.patterns, newslint.rules.precompiled; print('re._parser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    # re._parser is loaded by `re` itself; what matters is that no newslint module refers to it.
    from pathlib import Path

    src = Path(literals.__file__).resolve().parents[1]
    private = ("re._parser", "re._constants", "sre_parse", "sre_constants")
    users = [p.name for p in src.rglob("*.py") if any(name in p.read_text(encoding="utf-8") for name in private)]
    assert users == [], (users, out)


def _nonempty_starts(source: str, case_sensitive: bool, text: str) -> list[int] | None:
    """Where the expression's non-empty matches start in ``text``; None if unusable."""
    try:
        compiled = regex.compile(source, pattern_flags(case_sensitive))
        return [m.start() for m in compiled.finditer(text, timeout=1) if m.end() > m.start()]
    except (regex.error, TimeoutError, OverflowError, RecursionError, ValueError, MemoryError):
        return None


def _check_exact(source: str, case_sensitive: bool, text: str) -> None:
    starts = _nonempty_starts(source, case_sensitive, text)
    assume(starts is not None)
    sets = literals.exact_literal_sets(source, case_sensitive)
    leading = literals.exact_leading_literals(source, case_sensitive)
    if starts:
        assert holds_all(text, sets), (source, text, sets)
    if leading is not None:
        for at in starts:
            assert any(text.startswith(lit, at) for lit in leading), (source, text, at, leading)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=expressions(), case_sensitive=st.booleans(), text=texts)
def test_the_exact_case_prefilter_never_rules_out_a_text_the_expression_matches(source, case_sensitive, text):
    """The literals of an expression's case-sensitive parts, in their case, are in every text it matches, and
    every match starts with one of its exact leading literals (``Pattern.exact``)."""
    _check_exact(source, case_sensitive, text)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=expressions(), case_sensitive=st.booleans(), text=texts)
def test_the_exact_case_prefilter_never_rules_out_a_text_the_expression_matches_at_length(source, case_sensitive, text):
    _check_exact(source, case_sensitive, text)


@pytest.mark.parametrize(
    ("source", "case_sensitive", "sets", "leading"),
    [
        (r"\b\d{3,6}\s?(?:CE|PE)\b", True, [{"CE", "PE"}], None),
        (r"\b(?:Rs\.?|INR)\s?\d", True, [{"Rs", "INR"}], {"Rs", "INR"}),
        (r"\bIN[AH][\s:./-]*\d{9}\b", True, [{"INA", "INH"}], {"INA", "INH"}),
        (r"(?-i:SEBI)\s+registered", False, [{"SEBI"}], {"SEBI"}),  # the case-sensitive group of a caseless one
        (r"(?i:whatsapp|call)\b[^\n]{0,30}?SEBI", True, [{"SEBI"}], None),  # a caseless group gives nothing
        (r"(?i)SEBI", True, [], None),  # a global flag: all of it caseless
        (r"\bsebi\b", False, [], None),
    ],
)
def test_exact_literals_come_from_the_case_sensitive_parts(source, case_sensitive, sets, leading):
    assert [set(s) for s in literals.exact_literal_sets(source, case_sensitive)] == sets
    found = literals.exact_leading_literals(source, case_sensitive)
    assert (None if found is None else set(found)) == leading
