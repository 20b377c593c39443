"""A short, derandomized round of the parser fuzz target (tests/fuzz/fuzz_parsers.py): generated articles,
byte-level mutations of them, soups of markup tokens and raw bytes, through the whole pipeline of one file.
Longer runs: ``python tests/fuzz/fuzz_parsers.py --seconds 600``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))

from fuzz_parsers import TOKENS, one_input, run_hypothesis


@pytest.mark.slow
def test_a_short_fuzz_round_finds_nothing():
    started = time.monotonic()
    count = run_hypothesis(examples=150, derandomize=True)
    assert count >= 150
    assert time.monotonic() - started < 120


def test_the_token_soup_itself_does_not_break_the_pipeline():
    for first in (0, 1):
        one_input(bytes([first]) + "".join(TOKENS).encode("utf-8", "surrogatepass"))
        one_input(bytes([first]) + "".join(reversed(TOKENS)).encode("utf-8", "surrogatepass"))
