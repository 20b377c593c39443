"""``require: position: start | end``: where in the body the required text must be."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from conftest import md
from newslint.rules.loader import Loader
from newslint.running.linter import Linter

PARAGRAPH = "A long enough paragraph of editorial text that is clearly more than forty characters."


def findings(position: str, text: str) -> int:
    loader = Loader()
    loader.load_text(
        textwrap.dedent(
            f"""
            pack: t
            rules:
              - id: t-label
                severity: error
                message: no label where it belongs
                description: A test rule for the position of a required label.
                scope: body
                require:
                  words: [sponsored]
                  position: {position}
            """
        ),
        "rules.yaml",
    )
    return len(Linter(loader.finish(), date(2025, 6, 1)).lint(md(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"# Sponsored: a headline\n\n{PARAGRAPH}\n", 0),  # a heading before the first text block
        (f"Sponsored\n\n{PARAGRAPH}\n", 0),  # a short line before it
        (f"Sponsored by Kaveri. {PARAGRAPH}\n", 0),  # the first sentence of the first text block
        (f"{PARAGRAPH} Sponsored by Kaveri.\n", 1),  # its second sentence
        (f"{PARAGRAPH}\n\nSponsored by Kaveri.\n", 1),  # a later block
        (f"{PARAGRAPH}\n", 1),  # nowhere
        ("Sponsored\n\nShort line.\n", 0),  # only short lines: the body is its start
    ],
)
def test_position_start(text, expected):
    assert findings("start", text) == expected


def test_position_end_looks_past_a_match_before_the_last_paragraph():
    """The first match may be in the wrong place: a later one after the editorial text still counts."""
    text = f"Sponsored by Kaveri. {PARAGRAPH}\n\n{PARAGRAPH}\n\nSponsored.\n"
    assert findings("end", text) == 0
    assert findings("end", f"Sponsored by Kaveri. {PARAGRAPH}\n\n{PARAGRAPH}\n") == 1
