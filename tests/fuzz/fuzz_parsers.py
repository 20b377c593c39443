"""Fuzz the whole pipeline of one file: decode, parse (HTML or Markdown), lint with a rule of every check kind,
render both output formats and ``inspect``. A crash, an internal error, or a position outside the file is a
failure; a file refused with a one-line reason (binary, empty) is fine.

    python tests/fuzz/fuzz_parsers.py --seconds 60                    # atheris if installed, else hypothesis
    python tests/fuzz/fuzz_parsers.py --seconds 600 --engine atheris corpus_dir/
    python tests/fuzz/fuzz_parsers.py --seconds 60 --engine hypothesis

atheris (coverage-guided, libFuzzer; ``pip install atheris``, wheels for CPython 3.11 on x86-64 Linux) mutates
bytes and keeps inputs that reach new code; extra arguments are libFuzzer's (corpus folders, ``-jobs=2``...).
The hypothesis engine needs nothing more than the test extra: it draws generated articles, byte-level
mutations of them, soups of markup tokens and raw bytes, for as long as asked. The test suite runs a short,
derandomized round of it (tests/test_fuzz_smoke.py).
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the tests folder: robustness.*

TOKENS = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<span>",
    "</span>",
    "<b>",
    "</b>",
    "<a href='/x?utm_a=1'>",
    "</a>",
    "<article>",
    "</article>",
    "<li>",
    "<ul>",
    "<td>",
    "<table>",
    "<h1>",
    "</h1>",
    "<br>",
    "<img alt='x'>",
    "<script>",
    "</script>",
    '<script type="application/ld+json">',
    "<style>",
    "<template>",
    "</template>",
    "<noscript>",
    "<head>",
    "</head>",
    "<body>",
    "<title>",
    "</title>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!",
    "<?",
    "<",
    ">",
    '"',
    "'",
    "=",
    "&",
    "&amp;",
    "&nbsp;",
    "&#",
    "&#x110000;",
    ";",
    '<meta charset="utf-8">',
    '<meta property="article:published_time" content="2025-05-05">',
    '<time datetime="x">',
    '<div itemprop="articleBody">',
    '<p class="byline">By ',
    '{"@type": "NewsArticle", "author": [',
    "---\n",
    "+++\n",
    "title: ",
    "date: 2025-13-45\n",
    "!!python/object/apply:os.system ['true']",
    "&a ",
    "*a",
    "# ",
    "> ",
    "- ",
    "1. ",
    "```",
    "~~~",
    "    ",
    "|",
    "\\|",
    "---|---",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "*",
    "_",
    "**",
    "`",
    "~~",
    "<http://a%20b>",
    "\\",
    "\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "guaranteed returns",
    "SEBI",
    "registered",
    "INH000000000",
    "stock tips",
    "Published: 5 May 2025",
    "By Asha Rao",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "é",
    "“",
    "—",
    "\x00",
    "\xff",
]


def one_input(data: bytes) -> None:
    """One fuzz input: its first byte picks the format, the rest is the file."""
    from robustness.invariants import check_result, lint_bytes

    if not data:
        return
    name = "article.md" if data[0] & 1 else "article.html"
    check_result(lint_bytes(data[1:], name, timeout=30.0))


def fuzz_inputs():  # type: ignore[no-untyped-def]
    from hypothesis import strategies as st

    from robustness.strategies import articles, encoded

    @st.composite
    def article_bytes(draw):  # type: ignore[no-untyped-def]
        article = draw(articles)
        raw, _ = draw(encoded(article))
        return bytes([1 if article.format == "markdown" else 0]) + raw

    @st.composite
    def mutated(draw):  # type: ignore[no-untyped-def]
        data = bytearray(draw(article_bytes()))
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(1, max(1, len(data))))
            op = draw(st.integers(0, 3))
            if op == 0:
                data[at:at] = draw(st.binary(min_size=1, max_size=8))
            elif op == 1:
                del data[at : at + draw(st.integers(1, 64))]
            elif op == 2:
                end = min(len(data), at + draw(st.integers(1, 64)))
                data[at:at] = data[at:end] * draw(st.integers(1, 50))
            else:
                del data[at:]
        return bytes(data)

    soup = st.builds(
        lambda first, tokens: bytes([first]) + "".join(tokens).encode("utf-8", "surrogatepass"),
        st.integers(0, 255),
        st.lists(st.sampled_from(TOKENS), max_size=200),
    )
    return st.one_of(article_bytes(), mutated(), soup, st.binary(max_size=4000))


def run_hypothesis(seconds: float | None = None, examples: int = 200, derandomize: bool = False) -> int:
    """Rounds of ``examples`` inputs until ``seconds`` have passed (one round when ``seconds`` is None).
    Raises on the first failure, after shrinking it. Returns the number of inputs run."""
    from hypothesis import HealthCheck, given, settings

    strategy = fuzz_inputs()
    count = 0
    stop = time.monotonic() + seconds if seconds is not None else None

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=derandomize,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def target(data: bytes) -> None:
        nonlocal count
        count += 1
        one_input(data)

    while True:
        target()
        if stop is None or time.monotonic() >= stop:
            return count


def run_atheris(seconds: float, extra: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["newslint", "markdown_it", "yaml"]):
        pass
    with tempfile.NamedTemporaryFile("w", suffix=".dict", delete=False, encoding="utf-8") as words:
        for token in TOKENS:
            escaped = "".join(
                chr(b) if 32 <= b < 127 and chr(b) not in '\\"' else f"\\x{b:02X}" for b in token.encode()
            )
            words.write(f'"{escaped}"\n')
    atexit.register(os.unlink, words.name)  # atheris.Fuzz() ends the process
    atheris.Setup(
        [sys.argv[0], f"-max_total_time={int(seconds)}", f"-dict={words.name}", "-rss_limit_mb=6000", *extra],
        one_input,
    )
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz (default 60)")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    args, extra = parser.parse_known_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    if engine == "atheris":
        run_atheris(args.seconds, extra)
    else:
        started = time.monotonic()
        count = run_hypothesis(args.seconds)
        print(f"fuzz_parsers: {count} inputs in {time.monotonic() - started:.0f}s, no failure")


if __name__ == "__main__":
    main()
