"""Hypothesis strategies for random articles: HTML and Markdown with nesting, entities, comments, scripts,
JSON-LD, front matter and every kind of line ending, plus a known phrase planted where it is prose.

Each generated article is an ``Article``: its text and the number of planted phrases. A phrase is planted
only where a reader would see it (never in a script, a comment, code or an attribute), so a rule that
forbids the phrase in the ``document`` scope must report exactly that many findings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from hypothesis import strategies as st

PHRASE = "guaranteed returns"
# The phrase as written in the source: any whitespace, a non-breaking space, an entity or a line break
# between the two words must still be found, at the right place.
PHRASE_FORMS_HTML = [
    "guaranteed returns",
    "Guaranteed  returns",
    "guaranteed\nreturns",
    "guaranteed\r\nreturns",
    "guaranteed&nbsp;returns",
    "guaranteed&#32;returns",
    "guaranteed <b>returns</b>",
    "<em>guaranteed</em> returns",
    "GUARANTEED\u00a0RETURNS",
]
PHRASE_FORMS_MD = [
    "guaranteed returns",
    "Guaranteed  returns",
    "*guaranteed* returns",
    "**guaranteed returns**",
    "guaranteed&nbsp;returns",
    "[guaranteed returns](https://x.example/a)",
    "guaranteed <span>returns</span>",
    "guaranteed\u00a0returns",
]

WORDS = [
    "market",
    "shares",
    "rose",
    "fell",
    "SEBI",
    "Nifty",
    "fund",
    "analyst",
    "said",
    "results",
    "quarter",
    "café",
    "naïve",
    "“quoted”",
    "‘single’",
    "—",
    "–",
    "Rs.",
    "₹500",
    "4.5%",
    "2025-05-05",
    "Mr.",
    "Dr.",
    "stock",
    "tips",
    "returns",
    "not",
    "no",
    "risk",
    "&amp;",
    "&lt;",
    "&quot;",
    "&#8377;",
    "&mdash;",
    "&bogus;",
    "&#x110000;",
    "&#0;",
    "&",
    "<",
    ">",
    "\u200b",
    "\u00ad",
    "日本",
    "Привет",
    "🙂",
    "a\u0301",
]
# Lone punctuation between inline parts. Not '`', '[', '(' or '<': by chance they would make a code span, an
# image or an HTML tag around a planted phrase (the fixed parts below cover those constructs).
MD_PUNCT = ["*", "_", "]", ")", "!", "#", ">", "\\", "~", "|", "-", "+", "&"]
# Element names by role. Raw-text and non-prose elements get fixed, closed content (see ``_raw``).
BLOCK_TAGS = [
    "div",
    "p",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "blockquote",
    "td",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "figure",
    "figcaption",
    "header",
    "footer",
    "nav",
    "aside",
    "dl",
    "dt",
    "dd",
]
INLINE_TAGS = ["span", "b", "strong", "i", "em", "a", "small", "time", "u", "abbr", "label", "font"]
ATTRS = [
    ' class="entry-content"',
    ' class="byline"',
    ' class="related"',
    ' id="main"',
    ' role="navigation"',
    ' itemprop="articleBody"',
    ' itemprop="author"',
    ' itemprop="datePublished" content="2025-05-05"',
    ' datetime="2025-05-05T10:00:00+05:30"',
    ' href="https://x.example/?utm_source=a&amp;b=1"',
    " hidden",
    ' data-x="a > b"',
    " title='it\"s'",
    ' style="color:red"',
    " class=ad-sponsored",
    ' rel="author"',
    "",
]


@dataclass
class Article:
    text: str
    phrases: int  # how many times the phrase was planted where it is prose
    format: str  # html | markdown


@dataclass
class _Built:
    text: str
    phrases: int


def _join(parts: list[_Built]) -> _Built:
    return _Built("".join(p.text for p in parts), sum(p.phrases for p in parts))


@st.composite
def _words(draw: st.DrawFn, extra: list[str] | None = None) -> str:
    pool = WORDS + (extra or [])
    words = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=12))
    seps = draw(
        st.lists(
            st.sampled_from([" ", " ", " ", "\n", "\r\n", "\r", "\t", "  "]), min_size=len(words), max_size=len(words)
        )
    )
    return "".join(w + s for w, s in zip(words, seps, strict=True))


def _json_values() -> st.SearchStrategy[object]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.text(max_size=20),
        st.sampled_from(["NewsArticle", "Article", "WebPage", "2025-05-05T10:00:00Z", "Asha Rao"]),
    )
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(
                st.sampled_from(
                    [
                        "@type",
                        "@graph",
                        "headline",
                        "author",
                        "name",
                        "datePublished",
                        "publisher",
                        "keywords",
                        "mainEntityOfPage",
                        "x",
                    ]
                ),
                children,
                max_size=5,
            ),
        ),
        max_leaves=12,
    )


@st.composite
def _json_ld(draw: st.DrawFn) -> str:
    value = draw(_json_values())
    text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 4)) == 0:
        text = text[: draw(st.integers(0, len(text)))]  # broken JSON
    return text.replace("</", "<\\/")


@st.composite
def _html_node(draw: st.DrawFn, depth: int) -> _Built:
    kind = draw(st.integers(0, 11 if depth < 6 else 3))
    if kind <= 1:
        return _Built(draw(_words()), 0)
    if kind == 2:
        form = draw(st.sampled_from(PHRASE_FORMS_HTML))
        return _Built(f" {form} ", 1)
    if kind == 3:
        return _Built(draw(_raw()), 0)
    if kind <= 6:
        tag = draw(st.sampled_from(INLINE_TAGS))
    else:
        tag = draw(st.sampled_from(BLOCK_TAGS))
    attrs = "".join(draw(st.lists(st.sampled_from(ATTRS), max_size=2)))
    children = draw(st.lists(_html_node(depth + 1), max_size=4))
    inner = _join(children)
    close = f"</{tag}>" if draw(st.integers(0, 5)) else ""  # sometimes left open
    return _Built(f"<{tag}{attrs}>{inner.text}{close}", inner.phrases)


@st.composite
def _raw(draw: st.DrawFn) -> str:
    """Markup whose text is never prose: comments, scripts, styles, JSON-LD, code, void elements."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return f"<!-- {draw(_words())} {PHRASE} -->"
    if choice == 1:
        return f"<script>var s = '{PHRASE} <p>';</script>"
    if choice == 2:
        return f'<script type="application/ld+json">{draw(_json_ld())}</script>'
    if choice == 3:
        return f"<style>p {{ content: '{PHRASE}'; }}</style>"
    if choice == 4:
        return f"<code>{PHRASE}</code>"
    if choice == 5:
        return f'<img alt="{draw(st.sampled_from(["", "logo", "a &amp; b"]))}" src="/i.png">'
    if choice == 6:
        return draw(st.sampled_from(["<br>", "<br/>", "<hr>", "<wbr>", "</p>", "</div>", "</span>", "<p/>"]))
    if choice == 7:
        return f'<meta property="article:published_time" content="{draw(st.sampled_from(["2025-05-05", "x", ""]))}">'
    if choice == 8:
        return f"<template><p>{PHRASE}</p></template>"
    return f"<pre>{PHRASE}</pre>"


@st.composite
def html_articles(draw: st.DrawFn) -> Article:
    head = "".join(draw(st.lists(_raw(), max_size=3)))
    body = _join(draw(st.lists(_html_node(0), min_size=1, max_size=6)))
    doctype = draw(st.sampled_from(["<!doctype html>\n", "", "<?xml version='1.0'?>"]))
    title = draw(st.sampled_from(["", "<title>Markets &amp; money</title>", "<title></title>"]))
    text = f"{doctype}<html><head>{title}{head}</head><body>{body.text}"
    if draw(st.booleans()):
        text += "</body></html>\n"
    return Article(text, body.phrases, "html")


# -- Markdown -----------------------------------------------------------------------------------------------


@st.composite
def _md_inline(draw: st.DrawFn, multiline: bool = True) -> _Built:
    """One line of inline Markdown (a paragraph's may hold a soft line break inside the phrase)."""
    forms = PHRASE_FORMS_MD + (["guaranteed\nreturns"] if multiline else [])
    parts: list[_Built] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 9))
        if kind <= 3:
            parts.append(_Built(draw(_words()).replace("\n", " ").replace("\r", " "), 0))
        elif kind == 4:
            parts.append(_Built(f" {draw(st.sampled_from(forms))} ", 1))
        elif kind == 5:
            parts.append(_Built(f" `{PHRASE}` ", 0))
        elif kind == 6:
            parts.append(_Built(draw(st.sampled_from(MD_PUNCT)), 0))
        elif kind == 7:
            parts.append(
                _Built(' ![alt text](/i.png) [link](https://x.example/?utm_x=1 "t") <https://a.example/%20> ', 0)
            )
        elif kind == 8:
            parts.append(_Built(draw(st.sampled_from(["&amp;", "&nbsp;", "&#8377;", "\\*", "\\_", "&bogus;"])), 0))
        else:
            parts.append(_Built("<!-- c --> <b>x</b> ", 0))
    built = _join(parts)
    # A line must not begin with markup that changes its block kind (that is what the block part decides).
    return _Built("w " + built.text.strip() + " w", built.phrases)


@st.composite
def _md_block(draw: st.DrawFn, depth: int, nl: str) -> _Built:
    kind = draw(st.integers(0, 9 if depth < 4 else 3))
    if kind <= 2:
        lines = draw(st.lists(_md_inline(), min_size=1, max_size=3))
        return _Built(nl.join(b.text for b in lines) + nl + nl, sum(b.phrases for b in lines))
    if kind == 3:
        level = draw(st.integers(1, 6))
        inline = draw(_md_inline(multiline=False))
        return _Built("#" * level + " " + inline.text + nl + nl, inline.phrases)
    if kind == 4:
        fence = draw(st.sampled_from(["```", "~~~"]))
        return _Built(f"{fence}python{nl}x = '{PHRASE}'{nl}{fence}{nl}{nl}", 0)
    if kind == 5:  # a list, maybe nested
        items = draw(st.lists(_md_inline(), min_size=1, max_size=3))
        marker = draw(st.sampled_from(["- ", "* ", "1. "]))
        indent = " " * len(marker)
        out = []
        phrases = 0
        for item in items:
            out.append(marker + item.text + nl)
            phrases += item.phrases
            if draw(st.booleans()):
                child = draw(_md_block(depth + 1, nl))
                lines = child.text.rstrip(nl).split(nl) if child.text.strip() else []
                out.append(nl)
                out.extend(indent + line + nl if line.strip() else nl for line in lines)
                phrases += child.phrases
        return _Built("".join(out) + nl, phrases)
    if kind == 6:  # a blockquote around another block
        child = draw(_md_block(depth + 1, nl))
        lines = child.text.rstrip(nl).split(nl)
        return _Built("".join("> " + line + nl for line in lines) + nl, child.phrases)
    if kind == 7:  # a table
        cells = draw(st.lists(_md_inline(multiline=False), min_size=1, max_size=3))
        texts = [c.text.replace("|", "\\|") for c in cells]
        head = "| " + " | ".join(f"h{i}" for i in range(len(texts))) + " |"
        sep = "|" + "|".join("---" for _ in texts) + "|"
        row = "| " + " | ".join(texts) + " |"
        return _Built(nl.join([head, sep, row]) + nl + nl, sum(c.phrases for c in cells))
    if kind == 8:  # an HTML block: its text is HTML, not Markdown
        words = draw(_words()).replace("\n", " ").replace("\r", " ").strip() or "x"
        planted = draw(st.booleans())
        # (A form without a line break: the list and quote wrappers indent every line of a block.)
        form = draw(st.sampled_from([f for f in PHRASE_FORMS_HTML if "\n" not in f]))
        inner = f"{words} {form} x" if planted else words
        return _Built(f'<div class="note">{nl}<p>{inner}</p>{nl}</div>{nl}{nl}', int(planted))
    return _Built(draw(st.sampled_from(["---", "***", "<!-- note -->", "[ref]: https://x.example"])) + nl + nl, 0)


@st.composite
def _front_matter(draw: st.DrawFn, nl: str) -> str:
    choice = draw(st.integers(0, 6))
    if choice == 0:
        return ""
    if choice == 1:
        return f"---{nl}title: Markets{nl}author: Asha Rao{nl}date: 2025-05-05{nl}tags: [a, b]{nl}---{nl}"
    if choice == 2:
        return f'+++{nl}title = "Markets"{nl}date = 2025-05-05{nl}author = ["A B"]{nl}+++{nl}'
    if choice == 3:
        return f"---{nl}title: [unclosed{nl}---{nl}"
    if choice == 4:
        return f"---{nl}title: !!python/object/apply:os.system ['true']{nl}date: 2025-13-45{nl}---{nl}"
    if choice == 5:
        return f"+++{nl}title = {nl}+++{nl}"
    return f"---{nl}by: {draw(_words()).strip() or 'x'!r}{nl}---{nl}"


@st.composite
def markdown_articles(draw: st.DrawFn) -> Article:
    nl = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    front = draw(_front_matter(nl))
    blocks = _join(draw(st.lists(_md_block(0, nl), min_size=1, max_size=6)))
    return Article(front + nl + blocks.text, blocks.phrases, "markdown")


articles = st.one_of(html_articles(), markdown_articles())

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]


@st.composite
def encoded(draw: st.DrawFn, article: Article) -> tuple[bytes, str]:
    """The article's bytes in a random encoding (falling back to UTF-8 when the text does not fit it)."""
    codec = draw(st.sampled_from(ENCODINGS))
    try:
        return article.text.encode(codec), codec
    except UnicodeEncodeError:
        return article.text.encode("utf-8"), "utf-8"
