"""The built-in packs: complete, documented, tested by their own examples and the annotated fixtures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from helpers import lint
from newslint.rules.loader import builtin_pack_files, load_rules

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "annotated"
EXAMPLES = ROOT / "examples"

PACKS = {
    "sebi": [
        "sebi-registration-number-missing",
        "sebi-registration-number-format",
        "sebi-no-guarantee-statement-missing",
        "sebi-endorsement-claim",
        "sebi-assured-returns",
        "sebi-calls-solicitation",
        "sebi-superlative-adviser",
        "sebi-recommendation-disclosure",
    ],
    "disclaimer": [
        "disclaimer-missing",
        "disclaimer-market-risk-missing",
        "disclaimer-market-risk-modified",
        "disclaimer-mf-warning-missing",
    ],
    "promo": ["promo-unlabelled", "promo-inside-body", "promo-broker-identity"],
    "meta": [
        "meta-title-missing",
        "meta-byline-missing",
        "meta-date-missing",
        "meta-byline-format",
        "meta-date-format",
        "meta-date-future",
        "meta-date-invalid",
        "meta-date-scheduled",
        "meta-date-modified-before-published",
        "meta-date-mismatch",
    ],
    "attribution": ["attribution-unattributed-claim"],
}
SEVERITY = {
    "sebi-superlative-adviser": "warning",
    "sebi-recommendation-disclosure": "warning",
    "promo-inside-body": "warning",
    "promo-broker-identity": "warning",
    "meta-byline-format": "warning",
    "meta-date-format": "warning",
    "meta-date-mismatch": "warning",
    "meta-date-scheduled": "info",
    "attribution-unattributed-claim": "warning",
}

MANDATED_NO_GUARANTEE = (
    "Registration granted by SEBI, membership of BASL (in case of IAs) and certification from NISM in no way "
    "guarantee performance of the intermediary or provide any assurance of returns to investors."
)


def newslint() -> str:
    """The installed console script (the one users run)."""
    found = shutil.which("newslint", path=str(Path(sys.executable).parent)) or shutil.which("newslint")
    assert found, "the newslint console script is not installed"
    return found


@pytest.fixture(scope="module")
def ruleset():
    return load_rules([])


def test_packs_and_rule_ids_are_exactly_those_of_the_issue(ruleset):
    assert sorted(builtin_pack_files()) == sorted(PACKS)
    by_pack: dict[str, list[str]] = {}
    for rule in ruleset.rules:
        by_pack.setdefault(rule.pack, []).append(rule.id)
    assert by_pack == PACKS


def test_severities(ruleset):
    for rule in ruleset.rules:
        assert rule.severity == SEVERITY.get(rule.id, "error"), rule.id


def test_every_rule_is_documented_and_has_examples(ruleset):
    for rule in ruleset.rules:
        assert len(rule.description) >= 80, f"{rule.id}: description should explain why"
        assert rule.references, f"{rule.id}: no references"
        assert len(rule.fail_examples) >= 3, f"{rule.id}: fewer than 3 fail examples"
        assert len(rule.pass_examples) >= 3, f"{rule.id}: fewer than 3 pass examples"


def test_newslint_test_passes_on_the_packs_and_fixtures():
    proc = subprocess.run(
        [newslint(), "test", "rules/", "tests/fixtures/annotated/", "--now", "2026-11-29"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 mismatches" in proc.stdout
    for rule_ids in PACKS.values():
        for rule_id in rule_ids:
            assert rule_id in proc.stdout


def test_fixtures_exercise_every_rule_with_a_ruleid_annotation():
    from newslint.running.rule_tests import parse_annotations

    expected = set()
    for path in FIXTURES.iterdir():
        expected |= {a.rule for a in parse_annotations(path.read_text("utf-8")) if a.kind == "ruleid"}
    assert expected == {r for ids in PACKS.values() for r in ids}
    assert {p.suffix for p in FIXTURES.iterdir()} == {".html", ".md"}


def test_examples_folder_shows_the_problems():
    proc = subprocess.run(
        [newslint(), "check", "examples/", "--format", "json", "--now", "2026-11-29"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stderr
    import json

    rules = {f["rule"] for f in json.loads(proc.stdout)["findings"]}
    assert {
        "sebi-registration-number-missing",
        "sebi-calls-solicitation",
        "promo-unlabelled",
        "disclaimer-market-risk-missing",
        "sebi-assured-returns",
        "disclaimer-mf-warning-missing",
    } <= rules


# -- hard negatives and structure, beyond the YAML examples ------------------------------------------


def _rules(text: str, *ids: str) -> list[str]:
    return [f.rule for f in lint(text, *ids)]


def test_mandated_statement_is_never_an_assured_return_or_an_endorsement():
    text = f"Our Nifty research service.\n\n{MANDATED_NO_GUARANTEE}"
    assert _rules(text, "sebi-assured-returns", "sebi-endorsement-claim") == []


def test_mandated_statement_satisfies_the_no_guarantee_rule_in_any_accepted_variant():
    promo = "Join our Telegram channel for daily Bank Nifty calls by Ravi Menon (INH000012345)."
    variants = [
        MANDATED_NO_GUARANTEE,
        MANDATED_NO_GUARANTEE.replace(" (in case of IAs)", ""),
        MANDATED_NO_GUARANTEE.replace(", membership of BASL (in case of IAs)", ""),
        MANDATED_NO_GUARANTEE.replace("membership of BASL (in case of IAs)", "enlistment as RA with Exchange"),
    ]
    assert _rules(promo, "sebi-no-guarantee-statement-missing") == ["sebi-no-guarantee-statement-missing"]
    for statement in variants:
        assert _rules(f"{promo}\n\n{statement}", "sebi-no-guarantee-statement-missing") == [], statement


@pytest.mark.parametrize(
    "text",
    [
        "Equity mutual funds on the NSE carry no assured returns.",
        "There are no guaranteed returns in the Indian stock market.",
        "The scheme offered no fixed returns, unlike bank FDs in India.",
    ],
)
def test_negated_promises_are_not_promises(text):
    assert _rules(text, "sebi-assured-returns") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Meghdoot Cables IPO was subscribed 3 times on the BSE on its first day.",
        "Retail investors can apply for the IPO in lots of 148 shares through ASBA, the NSE said.",
        "Demat accounts in India crossed 19 crore in June, CDSL data showed.",
    ],
)
def test_ipo_news_is_not_a_promotion(text):
    assert _rules(text, "promo-unlabelled", "promo-broker-identity", "disclaimer-market-risk-missing") == []


@pytest.mark.parametrize(
    "claim",
    [
        "Trade ideas by Ravi Menon, SEBI Registered Research Analyst.",
        "Ravi Menon, a SEBI-registered investment adviser, runs the channel.",
        "Alpha Desk is registered with SEBI as a stock broker.",
        "Calls by Ravi Menon (SEBI Regd. RA).",
    ],
)
def test_registration_claims_without_a_number(claim):
    assert _rules(claim, "sebi-registration-number-missing") == ["sebi-registration-number-missing"]


def test_registration_number_in_the_disclosure_section_counts():
    text = "Calls by Ravi Menon, SEBI Registered Research Analyst.\n\n## Disclosure\n\nReg. No. INH000012345.\n"
    assert _rules(text, "sebi-registration-number-missing") == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Research Analyst, SEBI Reg. No. INH00001234.", "INH00001234"),
        ("Investment adviser, registration INA0000123456.", "INA0000123456"),
        ("SEBI registered research analyst, Reg. No. INA000012345.", "INA000012345"),
        ("Stock broker, SEBI Reg. No. INH000012345.", "INH000012345"),
    ],
)
def test_malformed_or_mismatched_registration_numbers(text, bad):
    found = lint(text, "sebi-registration-number-format")
    assert [f.snippet for f in found] == [bad]


def test_attribution_names_the_source_in_the_same_sentence():
    assert _rules("Nomura strategist Priya Rao said the rally would last.", "attribution-unattributed-claim") == []
    assert _rules("Sources said the rally would last.", "attribution-unattributed-claim") == [
        "attribution-unattributed-claim"
    ]
    assert _rules("The rally will last, according to Reuters.", "attribution-unattributed-claim") == []


def test_superlatives_in_news_about_analysts_are_left_alone():
    text = "Top analysts at Goldman expect the Nifty to rise, and leading analysts in India agree."
    assert _rules(text, "sebi-superlative-adviser") == []
    assert _rules("India's best stock advisory, now on Telegram.", "sebi-superlative-adviser") == [
        "sebi-superlative-adviser"
    ]


def test_altered_market_risk_warning_carries_the_exact_wording_as_fix():
    [finding] = lint(
        "Investments in the stock market are subject to risk, please read documents before investing.",
        "disclaimer-market-risk-modified",
    )
    assert finding.fix is not None
    assert finding.fix.replacement.startswith("Investment")
    assert finding.fix.replacement.endswith("before investing.")


def test_disclaimer_link_in_navigation_is_not_a_disclaimer():
    article = (
        "<html><body><nav><ul><li><a href='/disclaimer'>Disclaimer</a></li></ul></nav><article>"
        "<h1>Five stocks to watch as the Nifty nears 25,000</h1>"
        "<p>Shares of Kaveri Chemicals rose 4% to ₹612 on the NSE. Investors bought stocks of Sunrise "
        "Textiles, whose shares hit a 52-week high. Traders expect the Nifty to test 25,000 and brokerages "
        "raised their target price on both stocks after strong trading volumes in the shares.</p>"
        "</article></body></html>"
    )
    assert _rules(article, "disclaimer-missing") == ["disclaimer-missing"]


def test_ordinary_news_without_indian_market_content_is_left_alone():
    text = (
        "# City council approves new park\n\nSources said the council would vote again next year. Residents "
        "can join our WhatsApp group for updates, and the best advisor on planning said it was a good plan.\n"
    )
    assert [r for r in _rules(text) if r.split("-")[0] in ("sebi", "promo", "disclaimer")] == []


def test_the_prefilter_never_changes_a_finding(ruleset, monkeypatch):
    """Every expression's literal sets only skip units it cannot match: linting the packs' own examples, the
    annotated fixtures and ``examples/`` with no prefilter at all gives exactly the same findings."""
    from newslint.files.source import SourceText
    from newslint.language.patterns import Pattern
    from newslint.running.linter import Linter, lint_source

    texts = [(e.text, e.format) for rule in ruleset.rules for e in rule.fail_examples + rule.pass_examples]
    for path in sorted([*FIXTURES.iterdir(), *EXAMPLES.iterdir()]):
        texts.append((path.read_text(encoding="utf-8"), "html" if path.suffix == ".html" else "markdown"))

    def findings() -> list[tuple[str, int, int, str]]:
        linter = Linter(ruleset, date(2026, 11, 29), ruleset.rules)
        out = []
        for n, (text, fmt) in enumerate(texts):
            result = lint_source(linter, SourceText(f"t{n}", fmt, text, "utf-8", len(text.encode())))
            out.extend((f.rule, f.line, f.column, f.snippet) for f in result.findings)
        return out

    with_prefilter = findings()
    assert len(with_prefilter) > 100
    monkeypatch.setattr(Pattern, "literal_sets", property(lambda self: ()))
    assert findings() == with_prefilter
