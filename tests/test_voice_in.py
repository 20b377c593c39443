"""``Voices.voice_in``: a match inside a quotation is answered without the block's spans, and the answer is
always ``voice(...) in voices`` (over every annotated fixture: each quotation's first character, each block's
first character, under every set of voices a rule can ask)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import parse
from newslint.language.voices import Voices

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "annotated").iterdir())
SETS = [frozenset(v) for v in (["own"], ["own", "reported"], ["quoted"], ["reported"], ["own", "quoted"])]


def test_a_quoted_match_needs_no_spans() -> None:
    doc = parse("# Markets\n\nThe broker kept a 'buy' rating with a target of Rs 700, the note said.\n")
    voices = Voices(doc)
    block = next(b for b in doc.blocks if "'buy'" in b.text)
    assert not voices.voice_in(block, block.text.index("buy"), frozenset(["own"]))
    assert id(block) not in voices._spans  # the reported speech of the block was not worked out
    assert voices.voice(block, block.text.index("buy")) != "own"
    assert voices.voice_in(block, block.text.index("buy"), frozenset(["quoted", "reported"]))


@pytest.mark.slow
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_same_answer_as_voice(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = parse(text, "html" if path.suffix == ".html" else "markdown")
    blocks = [b for b in doc.blocks if b.text]
    # (the quotations first: a block whose spans are known is answered from them)
    probes = [(b, a) for b in blocks for a, _e in Voices(doc)._quotes(b)] + [(b, 0) for b in blocks]
    for voices in SETS:
        fresh = Voices(doc)  # (each answer from a page whose blocks have no spans yet, as a rule first asks)
        known = Voices(doc)
        for block, offset in probes:
            assert fresh.voice_in(block, offset, voices) == (known.voice(block, offset) in voices), block.text[
                offset : offset + 60
            ]
