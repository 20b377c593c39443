"""The one-pass scan of every expression (``expression_scan``): each translation is a superset of its
expression, and findings are the same with and without the database.

The superset property is what keeps findings exact: wherever ``regex`` finds a match in a text, the scan must
say the expression may match there. It is checked on hand-picked traps (Unicode classes and word boundaries,
case, lookarounds, repeats) and on every built-in expression over the annotated fixtures' blocks (a sample of
them by default, a fifth of them in the slow stage)."""

from __future__ import annotations

import marshal
from datetime import date
from pathlib import Path

import pytest
import regex

from newslint.files.source import decode_source, format_for
from newslint.language import expression_scan
from newslint.language.expression_scan import ASCII_FOLDS, build_database, translate
from newslint.parsing.parse import parse_source
from newslint.rules.expression_build import builtin_keys, sample_texts
from newslint.rules.loader import builtin_rules_dir, load_rules
from newslint.running.linter import Linter

hyperscan = pytest.importorskip("hyperscan")

FIXTURES = Path(__file__).parent / "fixtures" / "annotated"
FLAGS = regex.VERSION0 | regex.IGNORECASE


def scan_matches(source: str, text: str) -> bool:
    """Whether the translation of ``source`` matches ``text``'s UTF-8, with the database's flags."""
    pattern = translate(source)
    assert pattern is not None, source
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY
    database.compile(expressions=[pattern], flags=[flags], ids=[0])
    found: list[int] = []
    database.scan(text.encode("utf-8"), match_event_handler=lambda i, *_: found.append(i))
    return bool(found)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\bरिटर्न\b", "पक्का रिटर्न मिलेगा"),  # a Unicode word boundary between Devanagari and a space
        (r"\bad\b", "an ad here"),
        (r"(?<!\w)ad(?!\w)", "(ad)"),
        (r"caf\w", "café"),  # \w of a non-ASCII letter
        (r"\w+\s+returns", "पक्के returns"),
        (r"\d+%", "१२% रिटर्न"),  # Devanagari digits are \d
        (r"Rs\.?\s?\d", "Rs\u00a05,000"),  # a no-break space is \s
        (r"[^।!?\n]{0,3}लाभ", "कम लाभ"),
        (r"[^a]b", "éb"),  # one non-ASCII character for one class item
        (r"x.y", "x₹y"),
        (r"\p{L}+\s+fund", "fondé fund"),
        (r"[\p{L}\p{M}]+ा", "सेबीा"),
        (r"[ँं]", "मैं"),
        (r"ÉPARGNE", "épargne"),  # case of a non-ASCII literal
        (r"(?-i:SEBI) registered", "SEBI Registered"),  # a case-sensitive group in a caseless expression
        (r"guarant(?:ee|ie)d\s+returns?", "GUARANTEED RETURNS"),
        (r"(?:\w+\s+){0,2}?profit", "one two profit"),
        (r"a{2,40}b", "aaaaab"),
        (r"^\W*buy\W*$", "Buy!"),
        (r"(?<=\d\s)crore", "5 crore"),
        (r"foo(?=\s+bar)", "foo bar"),
        (r"(?>ab|a)c", "abc"),
        (r"[\w&-]+\s+Bank\b", "Jana-Small Bank"),
        (r"[^\W\d_]+ly", "सूत्रly"),
    ],
)
def test_translation_matches_where_the_expression_does(source: str, text: str) -> None:
    assert regex.search(source, text, FLAGS), "the example must match the expression itself"
    assert scan_matches(source, text)


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"\bad\b", "advice and read"),  # a kept ASCII word boundary still rules out a word inside a word
        (r"guaranteed\s+returns", "guaranteed, not returns"),
        (r"SEBI[\s-]+registered", "registered with SEBI"),
        (r"लाभ\s+पक्का", "पक्का लाभ"),
    ],
)
def test_translation_rules_out_texts(source: str, text: str) -> None:
    assert not regex.search(source, text, FLAGS)
    assert not scan_matches(source, text)


def test_untranslatable_expressions_are_left_out() -> None:
    assert translate(r"(\w)\1") is None  # a back-reference
    assert translate(r"\b") is None  # nothing to require
    assert translate(r"[[:alpha:]]") is None


@pytest.mark.slow
def test_ascii_folds_are_every_non_ascii_character_that_matches_ascii_ignoring_case() -> None:
    ascii_class = regex.compile("[\x00-\x7f]", FLAGS)
    found = {chr(cp) for cp in range(0x80, 0x110000) if not 0xD800 <= cp < 0xE000 and ascii_class.fullmatch(chr(cp))}
    assert found == set(ASCII_FOLDS)


def test_a_text_with_a_character_folding_to_ascii_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "scan.bin"
    path.write_bytes(build_database([(r"\bsip\b", False)]))
    expression_scan.reset(path)
    try:
        database = expression_scan.database()
        assert database is not None
        assert database.may_match("start a SIP") == {0}
        assert database.may_match("no such word") == set()
        assert database.may_match("start a \u017fip") is None  # ſ matches s ignoring case
    finally:
        expression_scan.reset()


def test_a_missing_damaged_or_foreign_database_means_no_scan(tmp_path: Path) -> None:
    try:
        expression_scan.reset(tmp_path / "absent.bin")
        assert expression_scan.database() is None
        damaged = tmp_path / "damaged.bin"
        damaged.write_bytes(b"\x00not a database")
        expression_scan.reset(damaged)
        assert expression_scan.database() is None
        foreign = tmp_path / "foreign.bin"
        entry = marshal.loads(build_database([(r"\bsip\b", False)]))
        entry["hyperscan"] = "another version"
        foreign.write_bytes(marshal.dumps(entry))
        expression_scan.reset(foreign)
        assert expression_scan.database() is None
    finally:
        expression_scan.reset()


def _fixture_texts() -> list[str]:
    return sample_texts([FIXTURES])


def _superset_violations(step: int, text_share: int = 1) -> tuple[int, list[str]]:
    """Every ``step``-th built-in expression against the distinct fixture blocks: the blocks where ``regex``
    finds a match but the scan (one database of those expressions) does not. With ``text_share`` n, each
    expression meets every n-th block, starting at a block that moves with the expression, so that together
    the expressions still meet every block. Each expression is compiled once (with ``regex.search(source,
    ...)`` the module's cache of compiled expressions, smaller than the packs, was recompiling them for every
    block: that, not backtracking, made a full check take a quarter of an hour)."""
    keys = sorted({(source, cs) for source, cs in builtin_keys(builtin_rules_dir())})[::step]
    entry = marshal.loads(build_database(keys))
    database = hyperscan.loadb(entry["database"], hyperscan.HS_MODE_BLOCK)
    database.scratch = hyperscan.Scratch(database)
    ids = {source: i for i, source in enumerate(entry["sources"])}
    case_of = dict(keys)
    texts = list(dict.fromkeys(text for text in _fixture_texts() if ASCII_FOLDS.isdisjoint(text)))
    scanned: list[set[int]] = []
    for text in texts:
        found: set[int] = set()
        database.scan(text.encode("utf-8"), match_event_handler=lambda i, *_, found=found: found.add(i))
        scanned.append(found)
    compared = 0
    violations = []
    for source, i in ids.items():
        compiled = regex.compile(source, regex.VERSION0 | (0 if case_of[source] else regex.IGNORECASE))
        share = i % text_share
        for text, found in zip(texts[share::text_share], scanned[share::text_share], strict=True):
            try:
                missed = i not in found and compiled.search(text, timeout=2) is not None
            except TimeoutError:  # an expression that backtracks on this text: the rule's timer stops it in a run
                continue
            if missed:
                violations.append(f"{source!r} on {text[:80]!r}")
            compared += 1
    return compared, violations


def test_scan_is_a_superset_of_a_sample_of_the_built_in_expressions() -> None:
    compared, violations = _superset_violations(step=40)
    assert compared > 100_000
    assert violations == []


@pytest.mark.slow
def test_scan_is_a_superset_of_every_built_in_expression() -> None:
    """Every expression against a third of the blocks (87 s for all of them on CI's machine; the thirds rotate,
    so every block still meets a third of the expressions)."""
    compared, violations = _superset_violations(step=1, text_share=3)
    assert compared > 1_500_000
    assert violations == []


def _findings(paths: list[Path]) -> list[tuple[str, str, int, int, str]]:
    ruleset = load_rules([])
    linter = Linter(ruleset, now=date(2026, 11, 29))
    out = []
    for path in paths:
        document = parse_source(decode_source(path.read_bytes(), str(path), format_for(path.name)))
        out.extend((path.name, f.rule, f.line, f.column, f.message) for f in linter.lint(document))
    return out


def test_findings_are_the_same_with_and_without_the_scan(tmp_path: Path) -> None:
    """A database of an eighth of the built-in expressions (the wheel's has all of them: the compiled-wheel stage
    of CI runs the packs' tests with it) changes no finding on a sixteenth of the annotated fixtures (an eighth
    took 18 s of the default run once the fixtures passed 1,100)."""
    paths = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and format_for(p.name))[::16]
    keys = sorted(builtin_keys(builtin_rules_dir()))[::8]
    path = tmp_path / "scan.bin"
    path.write_bytes(build_database(keys))
    try:
        expression_scan.reset(tmp_path / "absent.bin")
        without = _findings(paths)
        expression_scan.reset(path)
        assert expression_scan.database() is not None
        with_scan = _findings(paths)
    finally:
        expression_scan.reset()
    assert len(without) > 100
    assert with_scan == without


def test_the_sample_leaves_out_expressions_the_scan_would_not_pay_for() -> None:
    """Kept: an expression the scan rules out where its literals are ("guaranteed" without "returns").
    Left out: one reported in nearly every text ("the"), and one the literal prefilter already rules out as
    well as the scan does (a plain word)."""
    keys = [(r"guaranteed\s+returns", False), (r"\bthe\b", False), (r"\bzebra\b", False)]
    sample = [f"the returns of plan {n} were guaranteed by nobody" for n in range(12)]
    sample += [f"the market on day {n}" for n in range(120)]
    sources = marshal.loads(build_database(keys, sample))["sources"]
    assert sources == [r"guaranteed\s+returns"]
