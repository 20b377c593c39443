"""Shared definitions: a pattern set written once (`definitions:`) and used by name (`use:`) anywhere a pattern
set goes, in the built-in packs and in a house's own rule files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import newslint, write
from newslint.rules.loader import Loader, RuleLoadError, builtin_pack_files, builtin_rules_dir
from newslint.rules.shared_definitions import DEFINITIONS_FILE

HOUSE = """\
pack: house
rules:
  - id: house-guaranteed
    severity: error
    message: "'{match}' on an Indian page"
    description: A house rule that runs only on pages about the Indian market.
    when: {use: indian-market}
    forbid: {words: [guaranteed]}
"""


def loaded(*texts: str):
    loader = Loader()
    for i, text in enumerate(texts):
        loader.load_text(text, f"r{i}.yaml")
    return loader.finish()


def problems(*texts: str) -> list[str]:
    with pytest.raises(RuleLoadError) as exc:
        loaded(*texts)
    return exc.value.problems


def test_a_house_rule_uses_the_builtin_indian_market_gate(tmp_path: Path):
    rules = write(tmp_path / "house.yaml", HOUSE)
    indian = write(tmp_path / "indian.md", "# Returns\n\nGuaranteed returns on BANKNIFTY 48000 CE, tgt 300.\n")
    other = write(tmp_path / "other.md", "# Returns\n\nGuaranteed satisfaction with our garden furniture.\n")
    run = newslint(
        "check", "--rules", str(rules), "--select", "house-guaranteed", str(indian), str(other), cwd=tmp_path
    )
    assert run.returncode == 1, run.stderr
    assert "indian.md:3:1: error house-guaranteed 'Guaranteed' on an Indian page" in run.stdout
    assert "other.md" not in run.stdout


def test_a_files_own_definition_is_used_with_keys_added_beside_use():
    ruleset = loaded(
        """\
pack: house
definitions:
  our-funds: {words: [Kestrel Flexi Cap, Kestrel Midcap]}
rules:
  - id: house-fund-return
    severity: warning
    message: m
    description: d
    forbid:
      patterns: ['\\d+% returns?']
      near: {use: our-funds, voices: [own]}
      near_within: block
"""
    )
    near = ruleset.rules[0].parts[0][0].triggers()[0].near
    assert near is not None and near.voices == frozenset({"own"})
    assert [p.text for p in near.patterns] == ["Kestrel Flexi Cap", "Kestrel Midcap"]


def test_a_key_given_beside_use_replaces_the_definitions_own():
    ruleset = loaded(
        """\
definitions:
  market-words: {words: [Sensex], case_sensitive: true}
""",
        """\
pack: house
rules:
  - id: house-sensex
    severity: info
    message: m
    description: d
    forbid: {use: market-words, case_sensitive: false}
""",
    )
    ps = ruleset.rules[0].parts[0][0].triggers()[0]
    assert ps.case_sensitive is False and [p.text for p in ps.patterns] == ["Sensex"]


def test_a_definition_can_use_an_earlier_one():
    ruleset = loaded(
        """\
pack: house
definitions:
  tips: {words: [tips, calls]}
  paid-tips: {use: tips, near: {words: [paid, premium]}}
rules:
  - id: house-paid-tips
    severity: info
    message: m
    description: d
    forbid: {use: paid-tips}
"""
    )
    ps = ruleset.rules[0].parts[0][0].triggers()[0]
    assert [p.text for p in ps.patterns] == ["tips", "calls"] and ps.near is not None


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            (HOUSE.replace("use: indian-market", "use: indian-markets"),),
            "r0.yaml:7: unknown definition 'indian-markets' (did you mean 'indian-market'?)",
        ),
        (
            (
                "pack: p\ndefinitions:\n  a: {use: b}\n  b: {words: [x]}\nrules:\n  - {id: r, severity: info, message: m, "
                "description: d, forbid: {use: a}}\n",
            ),
            "r0.yaml:3: unknown definition 'b'",  # only earlier definitions: no cycles
        ),
        (
            ("definitions:\n  indian-market: {words: [India]}\n",),
            "r0.yaml:2: definition 'indian-market' is already defined at <builtin>/definitions.yaml",
        ),
        (
            ("definitions:\n  Bad Name: {words: [x]}\n",),
            "r0.yaml:2",
        ),
        (
            ("definitions: {x: {words: [a]}}\nrules: []\n",),
            "r0.yaml:1",
        ),
    ],
)
def test_mistakes_are_reported_at_their_line(texts, expected):
    found = problems(*texts)
    assert any(expected in p for p in found), found


def test_the_same_definition_twice_is_accepted():
    """`newslint test rules/*.yaml` reads rules/definitions.yaml again after the built-in copy."""
    text = (builtin_rules_dir() / DEFINITIONS_FILE).read_text(encoding="utf-8")
    loaded(text, HOUSE)


def test_the_definitions_file_is_not_a_pack():
    assert "definitions" not in builtin_pack_files(opt_in=True)
    run = newslint("rules")
    assert run.returncode == 0 and "definitions" not in run.stdout.split()


def test_the_builtin_packs_share_one_indian_market_gate():
    """The gate was copied into each pack and the copies drifted apart (the ticker spellings reached three
    packs of eight): each pack now uses the one definition."""
    users = []
    for name, path in builtin_pack_files().items():
        text = path.read_text(encoding="utf-8")
        assert "Dalal\\s+Street|India|Indian" not in text, name  # no copy of the gate's first markers
        if "use: indian-market" in text:
            users.append(name)
    assert sorted(users) == ["adviser", "asci", "disclaimer", "ipo", "mf", "promo", "sebi"]
    gate = yaml.safe_load((builtin_rules_dir() / DEFINITIONS_FILE).read_text(encoding="utf-8"))["definitions"]
    assert "indian-market" in gate


def test_an_options_call_without_rupee_or_india_reaches_every_packs_gate(tmp_path: Path):
    """A Telegram-style options pitch with no ₹, "India" or "NSE": the shared gate knows the spellings."""
    page = write(
        tmp_path / "pitch.md",
        "# Jackpot trade\n\nBANKNIFTY 48200 CE above 140, tgt 190, SL 110.\n\n"
        "Our calls gave 62% returns last month. Join the premium group today.\n",
    )
    run = newslint("check", "--now", "2026-11-29", "-q", str(page), cwd=tmp_path)
    rules = {line.split()[2] for line in run.stdout.splitlines() if line.strip()}
    assert {"adviser-performance-claim", "sebi-recommendation-disclosure"} <= rules, run.stdout
