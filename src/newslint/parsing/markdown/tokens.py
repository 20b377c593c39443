"""markdown-it-py set up for untrusted articles: deep nesting without losing text, and a time limit.

* **Nesting.** markdown-it stops parsing at ``maxNesting`` levels and silently drops everything after that
  point, to the end of the file: with the CommonMark preset's 20, a list nested ten deep hid the rest of the
  article from every rule. Blocks may nest ``BLOCK_NESTING`` deep here (the block parser recurses a few
  frames per level, far below Python's limit). Inline markup keeps the preset's 20: a deeper limit makes
  runs of unclosed brackets (``[[[[...``) several times slower and no prose needs it. A document that still
  reaches the block limit gets a warning naming the line, so text is never dropped without a word.
* **Time.** markdown-it-py is linear but slow on dense markup: unclosed ``![`` or ``[`` runs cost 20-70 µs
  per character (by machine), so a 5 MB file of them would take minutes. A deadline (``parse_budget``) is
  checked by a rule placed first in the block and inline rule chains; past it parsing stops with ``ParseLimitError``,
  which is reported as that file's error. Ordinary Markdown parses at over 1 MB/s, far inside the budget.
"""

from __future__ import annotations

import time
from typing import Any

from newslint.files.source import SourceError

BLOCK_NESTING = 100
INLINE_NESTING = 20
_DEADLINE = "newslint_deadline"

_parsers: tuple[Any, Any] | None = None


class ParseLimitError(SourceError):
    """A file whose markup is too costly to parse within the time limit."""


def parse_budget(size: int) -> float:
    """Seconds a file of ``size`` characters may take to parse: 10 s plus 2 s per MB."""
    return 10.0 + 2.0 * size / 1_000_000


def _past_deadline(env: Any) -> None:
    deadline = env.get(_DEADLINE) if isinstance(env, dict) else None
    if deadline is not None and time.monotonic() > deadline[0]:
        raise ParseLimitError(
            f"not checked: its Markdown took longer than {deadline[1]:.0f}s to parse "
            "(pathological markup, such as thousands of unclosed brackets)"
        )


def _block_guard(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
    _past_deadline(state.env)
    return False


def _inline_guard(state: Any, silent: bool) -> bool:
    _past_deadline(state.env)
    return False


def _build() -> tuple[Any, Any]:
    from markdown_it import MarkdownIt

    def make(nesting: int) -> Any:
        md = MarkdownIt("commonmark", {"html": True, "maxNesting": nesting}).enable("table").enable("strikethrough")
        md.disable("text_join")
        md.block.ruler.before(md.block.ruler.get_all_rules()[0], "newslint_deadline", _block_guard)
        md.inline.ruler.before(md.inline.ruler.get_all_rules()[0], "newslint_deadline", _inline_guard)
        return md

    blocks, inline = make(BLOCK_NESTING), make(INLINE_NESTING)

    def use_inline_limits(state: Any) -> None:
        # The core "inline" rule parses with ``state.md``: switching it per parse keeps this thread-safe.
        state.md = inline

    blocks.core.ruler.before("inline", "newslint_inline_nesting", use_inline_limits)
    return blocks, inline


def tokenize(text: str, budget: float | None = None) -> list[Any]:
    """The token stream of ``text``; raises ``ParseLimitError`` past ``budget`` seconds (default: by size)."""
    global _parsers
    if _parsers is None:
        _parsers = _build()
    seconds = parse_budget(len(text)) if budget is None else budget
    env: dict[str, Any] = {_DEADLINE: (time.monotonic() + seconds, seconds)}
    tokens: list[Any] = _parsers[0].parse(text, env)
    return tokens


def nesting_cut(tokens: list[Any]) -> int | None:
    """The 0-based line where block nesting reached the limit (and markdown-it skipped text), if it did."""
    for tok in tokens:
        if tok.level >= BLOCK_NESTING - 1 and tok.map:
            return int(tok.map[0])
    return None
