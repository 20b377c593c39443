"""The expression store (``newslint/rules/expression_store.py``): patterns rebuilt from it are the patterns
``regex.compile`` gives, and a store that does not fit the running ``regex`` or Python is never used."""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from newslint.language import expression_store
from newslint.language.patterns import Pattern
from newslint.rules import expression_build

# Builds and reads the expression store (seconds): run by .ci/run's slow stage and its compiled-wheel stage.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
KEYS = expression_build.builtin_keys(ROOT / "rules")
PYTHON = list(sys.version_info[:2])
EXAMPLES = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").iterdir()))

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / expression_store.STORE_NAME
    path.write_bytes(expression_store.build_store(KEYS))
    return path


@pytest.fixture
def store(store_file: Path) -> Iterator[Path]:
    expression_store.reset(store_file)
    yield store_file
    expression_store.reset()


def test_the_store_holds_every_expression_of_the_built_in_packs(store: Path) -> None:
    assert len(KEYS) > 200
    for source, case_sensitive in KEYS:
        assert expression_store.rebuild(source, case_sensitive) is not None, source


def test_section_and_closing_expressions_come_from_the_store_too(store: Path, tmp_path: Path) -> None:
    """``in_section``, ``closing``, ``section:`` regions and the default closing matter are compiled apart from
    the patterns, once per run: the store holds them as well, and without a store they compile."""
    from newslint.checks.editorial import CLOSING_SOURCE

    sources = {source for source, _ in KEYS}
    assert CLOSING_SOURCE in sources
    assert any(source.startswith(r"^\W*(?:important\s+|legal") for source in sources)  # an in_section
    # every `section:` region of the built-in packs (none today: the packs look for numbers on the whole page)
    regions = {
        m.group(1)
        for f in (REPO / "rules").rglob("*.yaml")
        for m in regex.finditer(r"'section:([^']+)'", f.read_text(encoding="utf-8"))
    }
    assert regions <= sources
    rebuilt = expression_store.compiled(CLOSING_SOURCE)
    assert rebuilt is not regex.compile(CLOSING_SOURCE, expression_store.pattern_flags(False))  # from the store
    assert rebuilt.search("ALSO READ: markets today") and not rebuilt.search("Markets rose today")
    expression_store.reset(tmp_path / "missing.bin")
    assert expression_store.compiled(r"\bnote\b").search("A NOTE here")


def test_rebuilt_patterns_are_the_compiled_ones(store: Path) -> None:
    """Same expression, flags and groups, and the same matches on the examples (a few of which fire)."""
    fired = 0
    for source, case_sensitive in KEYS:
        rebuilt = expression_store.rebuild(source, case_sensitive)
        compiled = regex.compile(source, expression_store.pattern_flags(case_sensitive))
        assert rebuilt is not compiled  # not regex's own cache handing the same object back
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groupindex, rebuilt.groups) == (
            compiled.pattern,
            compiled.flags,
            compiled.groupindex,
            compiled.groups,
        )
        spans = [m.span() for m in compiled.finditer(EXAMPLES)]
        assert [m.span() for m in rebuilt.finditer(EXAMPLES, timeout=5)] == spans, source
        fired += bool(spans)
    assert fired > 20


def test_a_pattern_compiles_from_the_store_and_keeps_its_group(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = next(s for s, _ in KEYS if "(?P<match>" in s)
    case_sensitive = dict(KEYS)[source]

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled instead of rebuilt")

    monkeypatch.setattr(regex, "compile", no_compiling)
    pattern = Pattern(source, "pattern", case_sensitive)
    assert pattern.compile().pattern == source
    assert pattern._has_group


def test_expressions_not_in_the_store_compile_as_usual(store: Path) -> None:
    pattern = Pattern(r"\bhouse\s+rule\b", "pattern", False)
    assert expression_store.rebuild(pattern.regex_source, False) is None
    assert pattern.compile().search("A HOUSE RULE here")


def test_case_sensitivity_is_part_of_the_key(store: Path) -> None:
    source, case_sensitive = KEYS[0]
    if (source, not case_sensitive) in set(KEYS):
        pytest.skip("both forms are stored")
    assert expression_store.rebuild(source, not case_sensitive) is None


def rewrite(path: Path, tmp_path: Path, **changes: object) -> Path:
    data = marshal.loads(path.read_bytes())
    data.update(changes)
    out = tmp_path / "changed.bin"
    out.write_bytes(marshal.dumps(data))
    return out


@pytest.mark.parametrize(
    "changes",
    [
        {"stamp": [expression_store.FORMAT, "2000.1.1", PYTHON]},  # another regex
        {"stamp": [expression_store.FORMAT, regex.__version__, [3, 99]]},  # another Python
        {"stamp": [expression_store.FORMAT + 1, regex.__version__, PYTHON]},  # another format
        {"rebuild": ["os", "system"]},  # anything but the function regex unpickles through
        {"rebuild": ["no.such.module", "compile"]},
        {"entries": [1, 2, 3]},
    ],
    ids=["regex-version", "python-version", "format", "foreign-function", "missing-module", "not-a-table"],
)
def test_a_store_that_does_not_fit_is_ignored(store_file: Path, tmp_path: Path, changes: dict[str, object]) -> None:
    try:
        expression_store.reset(rewrite(store_file, tmp_path, **changes))
        source, case_sensitive = KEYS[0]
        assert expression_store.rebuild(source, case_sensitive) is None
        assert Pattern(source, "pattern", case_sensitive).compile().pattern == source  # compiled instead
    finally:
        expression_store.reset()


@pytest.mark.parametrize("content", [b"", b"\x00garbage", b"\xe3" * 100], ids=["empty", "garbage", "bad-marshal"])
def test_a_damaged_store_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "damaged.bin"
    path.write_bytes(content)
    try:
        expression_store.reset(path)
        assert expression_store.rebuild(*KEYS[0]) is None
    finally:
        expression_store.reset()


def test_a_damaged_entry_is_compiled_instead(store_file: Path, tmp_path: Path) -> None:
    data = marshal.loads(store_file.read_bytes())
    source, case_sensitive = KEYS[0]
    args = list(data["entries"][(source, case_sensitive)])
    args[2] = b"\x01\x02"  # not code regex can run
    data["entries"][(source, case_sensitive)] = tuple(args)
    path = tmp_path / "entry.bin"
    path.write_bytes(marshal.dumps(data))
    try:
        expression_store.reset(path)
        assert expression_store.rebuild(source, case_sensitive) is None
        assert Pattern(source, "pattern", case_sensitive).compile().pattern == source
    finally:
        expression_store.reset()


def test_the_command_writes_a_store(tmp_path: Path) -> None:
    out = tmp_path / "out.bin"
    assert expression_build.main([str(out), str(ROOT / "rules")]) == 0
    entries = marshal.loads(out.read_bytes())["entries"].keys()
    assert {k for k in entries if len(k) == 2} == set(KEYS)  # the packs' (expression, case_sensitive)
    own = {k[:2] for k in entries if len(k) == 3 and k[2] == expression_store.OWN}
    assert own == set(expression_store.record_own())  # newslint's own (expression, flags)
    assert expression_build.main([]) == 2


@pytest.mark.skipif(not os.environ.get("NEWSLINT_EXPECT_COMPILED"), reason="only the built wheel ships a store")
def test_the_wheel_ships_a_store_that_fits() -> None:
    expression_store.reset()
    path = expression_store.store_path()
    assert path.is_file(), path
    assert expression_store.rebuild(*KEYS[0]) is not None
    assert len(expression_store._stdlib) > 50  # the standard re expressions, for this Python
    from newslint.rules import compiled_table
    from newslint.rules.loader import builtin_rules_dir

    raw = (builtin_rules_dir() / compiled_table.TABLE_NAME).read_bytes()
    assert expression_store.stored_table(compiled_table.checksum(raw)) is not None  # the packs' table


def test_newslint_s_own_expressions_are_recorded_stored_and_rebuilt(tmp_path: Path) -> None:
    """The fixed expressions of newslint's modules (negation cues, ad-slot labels, the speaker context's
    lexicons) go into the store too, keyed by expression and flags, and ``own`` rebuilds them without
    compiling."""
    from newslint.language import negation

    own = expression_store.record_own()
    assert (negation._CUE_EN.pattern, int(regex.IGNORECASE)) in own
    assert len(own) >= 14
    path = tmp_path / expression_store.STORE_NAME
    path.write_bytes(expression_store.build_store(KEYS, own))
    expression_store.reset(path)
    real = regex.compile
    compiled: list[str] = []

    def counting(source: str, flags: int = 0, **kwargs: object) -> object:
        compiled.append(source)
        return real(source, flags, **kwargs)

    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(regex, "compile", counting)
            for source, flags in own:
                rebuilt = expression_store.own(source, flags)
                expected = real(source, flags)
                assert rebuilt.pattern == source and rebuilt.flags == expected.flags
                assert rebuilt.findall(source) == expected.findall(source)  # the same matcher on some text
            assert compiled == []  # every one rebuilt from the store
            assert expression_store.own(r"\bnot stored\b", regex.I).search("it is NOT STORED here")
            assert compiled == [r"\bnot stored\b"]  # not in the store: compiled as usual
    finally:
        expression_store.reset()


STDLIB_SAMPLES = [
    "By Asha Rao, Senior Correspondent | Updated: 12 March 2026, 10:04 IST",
    "Related articles: Sensex today; Also read - markets",
    '{"@type": "NewsArticle", "author": {"name": "A. Rao"}}',
    "Posted by the ET Bureau on 2026-03-12T10:04:00+05:30",
]


def test_the_standard_re_expressions_are_rebuilt_as_re_compiles_them(tmp_path: Path) -> None:
    """The modules' standard ``re`` expressions come back from the store into ``re``'s cache: the same
    expression, flags and groups, the same matches, and ``re.compile`` hands the stored one out."""
    import re
    import subprocess

    path = tmp_path / expression_store.STORE_NAME
    # the build, in a process of its own (what it records is what a fresh process compiles on importing newslint)
    subprocess.run(
        [sys.executable, "-m", "newslint.rules.expression_build", str(path), str(ROOT / "rules")],
        check=True,
        capture_output=True,
    )
    stdlib = marshal.loads(path.read_bytes())["stdlib"]["entries"]
    assert len(stdlib) > 50
    assert any("related" in source for source, _flags in stdlib)  # the HTML parser's related-links expressions
    try:
        expression_store.reset(path)
        re.purge()
        expression_store.seed_stdlib()
        for (source, flags), _args in stdlib.items():
            assert (str, source, flags) in re._cache  # type: ignore[attr-defined]
            rebuilt = re.compile(source, flags)  # (from the cache)
            compiled = re._compiler.compile(source, flags)  # type: ignore[attr-defined]
            assert rebuilt is not compiled
            assert (rebuilt.pattern, rebuilt.flags, rebuilt.groupindex, rebuilt.groups) == (
                compiled.pattern,
                compiled.flags,
                compiled.groupindex,
                compiled.groups,
            )
            for text in STDLIB_SAMPLES:
                assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        # another Python build: nothing is seeded, re compiles as usual
        data = marshal.loads(path.read_bytes())
        data["stdlib"]["stamp"] = ["3.0.0 (another build)", 0]
        other = tmp_path / "other.bin"
        other.write_bytes(marshal.dumps(data))
        expression_store.reset(other)
        re.purge()
        expression_store.seed_stdlib()
        assert len(re._cache) == 0  # type: ignore[attr-defined]
    finally:
        re.purge()
        expression_store.reset()


def test_the_packs_table_comes_from_the_store_when_its_checksum_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store holds ``compiled.json`` as read: the loader takes it from there (no JSON read), and reads the
    JSON when the store's copy is of another table."""
    import json

    from newslint.rules import compiled_table

    raw = (ROOT / "rules" / compiled_table.TABLE_NAME).read_bytes()
    table = compiled_table.read_table(json.loads(raw))
    assert table is not None and len(table[0]) > 5 and len(table[1]) > 500
    path = tmp_path / expression_store.STORE_NAME
    path.write_bytes(expression_store.build_store(KEYS[:5], [], {}, (compiled_table.checksum(raw), table)))
    try:
        expression_store.reset(path)
        assert expression_store.stored_table(compiled_table.checksum(raw)) == table
        assert expression_store.stored_table(compiled_table.checksum(raw) ^ 1) is None
        with monkeypatch.context() as patched:
            patched.setattr(json, "loads", lambda *a, **k: pytest.fail("the JSON was read"))
            assert compiled_table.load_table(ROOT / "rules") == table[0]
        other = tmp_path / "other"
        other.mkdir()
        (other / compiled_table.TABLE_NAME).write_bytes(raw + b"\n")  # another table: read from its JSON
        assert compiled_table.load_table(other) == table[0]
    finally:
        expression_store.reset()
