"""Front matter read without PyYAML (``newslint.markdown.plainyaml``) must equal PyYAML's reading exactly:
the same values of the same types, the same positions of every key, value and item. It may decline (and
PyYAML reads the text); it may never differ, and it must not decline the plain front matter it exists for.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.markdown.plainyaml import load_plain
from newslint.yamlsafe import YamlError, YList, YMap, load

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)

PROFILE = {
    "ci": settings(max_examples=400, derandomize=True, database=None),
    "heavy": settings(max_examples=20000),
}[os.environ.get("NEWSLINT_HYPOTHESIS", "ci")]


def shape(value: Any) -> Any:
    """Everything that must be equal: values with their types (repr keeps a datetime's offset) and positions."""

    def pos(p: Any) -> tuple[int, int, int, int]:
        return (p.line, p.column, p.start, p.end)

    if isinstance(value, YMap):
        rows = [(k, pos(value.key_pos[k]), pos(value.value_pos[k]), shape(v)) for k, v in value.items()]
        return ("map", pos(value.pos), rows)
    if isinstance(value, YList):
        return ("list", pos(value.pos), [(pos(p), shape(v)) for p, v in zip(value.item_pos, value, strict=True)])
    return (type(value).__name__, repr(value))


def assert_same_as_pyyaml(text: str) -> bool:
    """Whether the plain reader took ``text``; when it did, its reading is PyYAML's."""
    taken, value = load_plain(text)
    if not taken:
        return False
    try:
        expected = load(text)
    except YamlError as exc:  # pragma: no cover - the failure message is the point
        pytest.fail(f"read without PyYAML, but PyYAML refuses it ({exc.message}):\n{text}")
    assert shape(value) == shape(expected), text
    return True


SIMPLE = """\
title: "Nifty ends flat as IT gains offset bank losses"
date: 2026-11-20T16:05:00+05:30
lastmod: 2026-11-21
draft: false
author: Priya Raman   # the desk editor
summary: Markets closed flat on Friday,
  with IT stocks offsetting losses in banks.
tags:
  - markets
  - nifty 50
categories: [Markets, "Stocks: India", 'Editor''s pick']
by:
- Staff Writer
"""


def test_typical_front_matter_is_read_without_pyyaml_and_equals_it():
    assert assert_same_as_pyyaml(SIMPLE)
    assert assert_same_as_pyyaml(SIMPLE.replace("\n", "\r\n"))
    _taken, value = load_plain(SIMPLE)
    assert value["summary"] == "Markets closed flat on Friday, with IT stocks offsetting losses in banks."
    assert value["draft"] is False
    assert value["categories"] == ["Markets", "Stocks: India", "Editor's pick"]


@pytest.mark.parametrize(
    "text",
    [
        "author:\n  name: A\n",  # nested mapping
        "summary: |\n  text\n",  # block scalar
        "title: &a x\nsub: *a\n",  # anchor and alias
        "title: !!str 5\n",  # tag
        "title: a\ntitle: b\n",  # duplicate key (yamlsafe reports it)
        "ratio: 1.5\n",  # float
        "code: 0755\n",  # octal
        "time: 1:30\n",  # sexagesimal
        'title: "a \\u00e9"\n',  # escape
        "title: a: b\n",  # a colon that PyYAML refuses
        "title:\tx\n",  # tab
        "tags:\n- a\n  - b\n",  # uneven items
        "on: x\n",  # a key that is a boolean
        "title: x\n---\n",  # a second document
    ],
)
def test_outside_the_subset_is_declined(text):
    assert load_plain(text) == (False, None)


def test_only_comments_is_an_empty_document():
    assert load_plain("# nothing here\n\n") == (True, None)
    assert load("# nothing here\n\n") is None


# -- generated front matter ---------------------------------------------------------------------------------

KEYS = ["title", "date", "tags", "by", "summary", "draft", "lastmod", "x_y", "a.b", "on", "yes", "null", "No", "t-1"]
SCALARS = [
    "Markets close flat",
    "2026-11-20",
    "2026-1-5",
    "2026-02-30",
    "2026-13-45",
    "2024-02-03T22:32:49+05:30",
    "2024-02-03 22:32:49.5 -5",
    "2024-02-03t22:32:49Z",
    "2024-02-03T22:32",
    "true",
    "False",
    "off",
    "YES",
    "yEs",
    "null",
    "~",
    "Null value",
    "42",
    "-7",
    "+32,720 Profit on a volatile day",
    "0",
    "007",
    "1_000",
    "0x1F",
    "1.5",
    ".inf",
    "1e3",
    "3:45",
    "a #not a comment",
    "a # a comment",
    "a: b",
    "ends with:",
    "url: https://example.com/x",
    "https://example.com/a#b",
    "[a, b]",
    "[ 'x', \"y\" , z ]",
    "[]",
    "[a,]",
    "[a, [b]]",
    '"quoted: value # kept"',
    '"with \\"escaped\\" quotes and \\\\ slash"',
    '"bad \\n escape"',
    "'single ''quoted'''",
    '"unterminated',
    "🤹Options-Trading",
    "बाजार समाचार",
    "P&L (₹) 100%",
    "- dash",
    "-dash",
    "?question",
    ":colon",
    "%percent",
    "@at",
    "*star",
    "&amp",
    "!bang",
    "|",
    ">",
    "{a: b}",
    "<<",
    "=",
    "",
]


def compose(pick: Callable[[Sequence[Any]], Any]) -> str:
    """Front matter made of the pieces above, each chosen by ``pick`` (hypothesis, or a seeded random)."""
    newline = pick(["\n", "\n", "\r\n"])
    lines: list[str] = []
    for _ in range(pick(range(7))):
        kind = pick(["scalar", "scalar", "sequence", "folded", "below", "comment", "blank"])
        key = pick(KEYS)
        space = pick(["", "", "  "])
        if kind == "scalar":
            lines.append(f"{key}: {pick(SCALARS)}{space}")
        elif kind == "sequence":
            indent = " " * pick([0, 0, 2, 4])
            lines.append(f"{key}:{space}")
            for _ in range(pick(range(4))):
                if pick([True, False]):
                    lines.append(pick(["", "# between", "  # indented comment"]))
                lines.append(f"{indent}- {pick(SCALARS)}")
        elif kind == "folded":
            lines.append(f"{key}: {pick(SCALARS)}")
            for _ in range(pick(range(1, 4))):
                lines.append(" " * pick(range(1, 5)) + pick(SCALARS))
        elif kind == "below":
            lines.append(f"{key}:")
            lines.append("  " + pick(SCALARS))
        elif kind == "comment":
            lines.append(pick(["# a comment", "   # indented", "#"]))
        else:
            lines.append(pick(["", "   "]))
    return newline.join(lines) + pick([newline, newline, ""])


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    return compose(lambda options: draw(st.sampled_from(list(options))))


@settings(PROFILE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter())
def test_generated_front_matter_is_read_as_pyyaml_reads_it_or_declined(text):
    assert_same_as_pyyaml(text)


def test_the_generator_exercises_both_paths():
    """Guard against a reader that declines everything (the property above would then pass vacuously)."""
    rng = random.Random(20261201)
    texts = [compose(rng.choice) for _ in range(1000)]
    taken = sum(assert_same_as_pyyaml(t) for t in texts)
    assert 0.2 * len(texts) < taken < 0.9 * len(texts), taken


@pytest.mark.skipif(not (CORPUS / "md").is_dir(), reason=f"no corpus at {CORPUS}")
def test_every_front_matter_of_the_corpus_is_read_as_pyyaml_reads_it():
    read = total = 0
    for path in sorted((CORPUS / "md").rglob("*.md")):
        m = FENCE.match(path.read_text(encoding="utf-8", errors="replace"))
        if m:
            total += 1
            read += assert_same_as_pyyaml(m.group(1))
    assert total and read >= 0.95 * total, (read, total)
