"""Each check kind, through real rule YAML and real documents."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import html, md
from newslint.rules.loader import Loader
from newslint.running.linter import Linter

NOW = date(2025, 6, 1)


def lint(rules_yaml: str, doc, now: date = NOW, timeout: float = 2.0):
    loader = Loader()
    loader.load_text(textwrap.dedent(rules_yaml), "rules.yaml")
    ruleset = loader.finish()
    return Linter(ruleset, now, timeout=timeout).lint(doc)


def rule(kind_yaml: str, extra: str = "", scope: str = "body") -> str:
    body = textwrap.indent(textwrap.dedent(kind_yaml).strip(), "    ")
    extra = textwrap.indent(textwrap.dedent(extra).strip(), "    ") if extra else ""
    return f"""
pack: t
rules:
  - id: t-rule
    severity: error
    message: "found {{match}}"
    description: A test rule.
    scope: {scope}
{extra}
{body}
"""


def where(findings):
    return [(f.line, f.column, f.end_line, f.end_column, f.snippet) for f in findings]


def test_forbid_words_with_hyphen_variants_and_unless():
    yaml = rule(
        """
        forbid:
          words: [sure-shot, guaranteed returns]
          unless: {patterns: ['\\bno\\b']}
        """
    )
    doc = md(
        "A sure shot tip.\n\nWe give guaranteed\nreturns.\n\nThere are no guaranteed returns.\n\nA sureshot idea.\n"
    )
    assert where(lint(yaml, doc)) == [(1, 3, 1, 12, "sure shot"), (3, 9, 4, 8, "guaranteed returns")]


def test_forbid_named_group_narrows_the_span():
    yaml = rule("""forbid: {patterns: ['rose (?P<match>\\d+(?:\\.\\d+)?%)']}""")
    findings = lint(yaml, md("Shares rose 4.5% today.\n"))
    assert where(findings) == [(1, 13, 1, 17, "4.5%")]
    assert findings[0].message == "found 4.5%"


def test_forbid_per_sentence_reports_a_sentence_once_at_its_first_match():
    patterns = "patterns: ['(?P<match>[★]{3,})', 'best \\w+']"
    doc = md("Stars ★★★★★ for the best advisory. The best plan.\n\nNo stars here.\n")
    per_match = where(lint(rule(f"forbid: {{{patterns}}}"), doc))
    assert [w[4] for w in per_match] == ["★★★★★", "best advisory", "best plan"]
    per_sentence = where(lint(rule(f"forbid: {{{patterns}, per: sentence}}"), doc))
    assert per_sentence == [(1, 7, 1, 12, "★★★★★"), (1, 40, 1, 49, "best plan")]


def test_forbid_fix_is_offered():
    yaml = rule("""forbid: {words: [SEBI Regd.], fix: SEBI Registered}""")
    [finding] = lint(yaml, md("A SEBI Regd. analyst.\n"))
    assert finding.fix is not None
    assert finding.fix.replacement == "SEBI Registered"
    assert finding.fix.safe


def test_forbid_near_filter_and_class_filter():
    yaml = """
pack: t
classes:
  promo:
    match: {words: [open a demat account]}
rules:
  - id: t-near
    severity: warning
    message: "{match}"
    description: d.
    forbid:
      words: [best]
      near: {words: [advisor, advisory]}
  - id: t-class
    severity: warning
    message: "{match}"
    description: d.
    forbid:
      class: promo
      words: [zero brokerage]
"""
    doc = md(
        "The best advisory in town.\n\nThe best day for markets.\n\n"
        "Open a demat account today with zero brokerage.\n\nWe saw zero brokerage plans in the news.\n"
    )
    got = [(f.rule, f.line, f.snippet) for f in lint(yaml, doc)]
    assert got == [("t-near", 1, "best"), ("t-class", 5, "zero brokerage")]


def test_require_reports_at_headline_when_missing():
    yaml = rule(
        """
        require:
          any:
            - {patterns: ['^disclaimers?\\s*:']}
            - {in_section: '^disclaimers?$', patterns: ['\\w{3,}']}
        """,
        scope="document",
    )
    missing = md("# Stocks to watch\n\nBuy ABC.\n")
    assert where(lint(yaml, missing)) == [(1, 3, 1, 18, "Stocks to watch")]
    assert lint(yaml, md("# T\n\nText.\n\nDisclaimer: not advice.\n")) == []
    assert lint(yaml, md("# T\n\nText.\n\n## Disclaimer\n\nNot advice.\n")) == []
    # A heading with nothing under it is not a disclaimer.
    assert len(lint(yaml, md("# T\n\nText.\n\n## Disclaimer\n"))) == 1


def test_require_min_count_and_when_precondition():
    yaml = rule(
        """
        require: {words: [risk], min_count: 2}
        """,
        extra="when: {words: [stock, shares], min_per_1000_words: 50}",
        scope="document",
    )
    finance = md("# T\n\nStock prices and shares moved. There is risk.\n")
    assert len(lint(yaml, finance)) == 1
    assert lint(yaml, md("# T\n\nStock prices and shares moved. Risk and more risk.\n")) == []
    assert lint(yaml, md("# T\n\nA recipe for dinner with no finance at all in it whatsoever.\n")) == []


def test_conditional_within_block_or_the_pages_section():
    yaml = rule(
        """
        conditional:
          if: {patterns: ['SEBI[- ]registered research analyst']}
          then: {patterns: ['\\bINH\\d{9}\\b']}
          within: [block, 'section:disclos']
        """,
        scope="document",
    )
    claims = "# T\n\nCalls by A, SEBI Registered Research Analyst.\n\nCalls by B, SEBI-registered research analyst (INH000012345).\n\n"
    without = md(claims + "## Notes\n\nRegistration: INH000054321.\n")
    assert where(lint(yaml, without)) == [(3, 13, 3, 45, "SEBI Registered Research Analyst")]
    with_disclosure = md(claims + "## Disclosures\n\nRegistration: INH000054321.\n")
    assert lint(yaml, with_disclosure) == []


def test_conditional_then_list_means_all():
    yaml = rule(
        """
        conditional:
          if: {words: [target price]}
          then:
            - {patterns: ['\\bIN[AH]\\d{9}']}
            - {words: [no financial interest]}
        """,
        scope="document",
    )
    both = md("Buy ABC, target price 120.\n\nAnalyst INH000000001 has no financial interest.\n")
    one = md("Buy ABC, target price 120.\n\nAnalyst INH000000001.\n")
    assert lint(yaml, both) == []
    assert len(lint(yaml, one)) == 1


def test_substitution_keeps_case_and_offers_fix():
    yaml = rule("""substitution: {swap: {stock tips: research recommendations}}""")
    [finding] = lint(yaml, md("Stock tips daily.\n"))
    assert finding.snippet == "Stock tips"
    assert finding.fix.replacement == "Research recommendations"


def test_metadata_present_future_and_order():
    present = rule("""metadata: {field: authors, present: true}""")
    assert len(lint(present, md("# T\n\nText.\n"))) == 1
    assert lint(present, md("---\nauthor: A B\n---\n\nText.\n")) == []
    future = rule("""metadata: {field: published, not_future: true}""")
    served = html('<meta property="article:published_time" content="2025-07-01T10:00:00+05:30"><h1>T</h1>')
    assert len(lint(future, served)) == 1
    assert lint(future, served, now=date(2025, 7, 1)) == []
    # A Markdown post with a future date in its front matter is a scheduled post (issue 18), not a future one.
    scheduled = md("---\ndate: 2025-07-01\n---\n\nText.\n")
    assert lint(future, scheduled) == []
    assert len(lint(rule("""metadata: {field: published, scheduled: true}"""), scheduled)) == 1
    order = rule("""metadata: {field: modified, not_before: published}""")
    assert len(lint(order, md("---\ndate: 2025-05-05\nlastmod: 2025-05-01\n---\n\nText.\n"))) == 1
    assert lint(order, md("---\ndate: 2025-05-05\nlastmod: 2025-05-05\n---\n\nText.\n")) == []


def test_metadata_iso8601_same_day_unambiguous_forbid_not_contains():
    iso = rule("""metadata: {field: published, sources: [structured], iso8601: true}""")
    assert len(lint(iso, html('<meta property="article:published_time" content="2025-05-05 10:00">'))) == 1
    assert lint(iso, html('<meta property="article:published_time" content="2025-05-05T10:00:00+05:30">')) == []
    same = rule("""metadata: {field: published, sources: [structured], same_day_as: [visible]}""")
    page = '<meta property="article:published_time" content="2025-05-05T10:00:00+05:30"><article><h1>T</h1><p>Published: {}</p></article>'
    assert len(lint(same, html(page.format("May 6, 2025")))) == 1
    assert lint(same, html(page.format("May 5, 2025"))) == []
    ambiguous = rule("""metadata: {field: published, sources: [visible], unambiguous: true}""")
    assert len(lint(ambiguous, html("<article><h1>T</h1><p>Published: 05/06/2025</p></article>"))) == 1
    assert lint(ambiguous, html("<article><h1>T</h1><p>Published: 25/06/2025</p></article>")) == []
    forbid = rule(
        """metadata: {field: authors, sources: [front-matter], forbid: {patterns: ['^by\\b', '\\b(?:CA|Dr|Mr)\\.? ']}}"""
    )
    findings = lint(forbid, md("---\nauthor: By Dr. Rao\n---\n\nText.\n"))
    assert [(f.line, f.column, f.snippet) for f in findings] == [(2, 9, "By"), (2, 12, "Dr. ")]
    # A message about the value, not the match: one finding per value, at its first flaw.
    about_value = forbid.replace('"found {match}"', '"author {value} is not a name"')
    findings = lint(about_value, md("---\nauthor: [By Dr. Rao, Mr Iyer]\n---\n\nText.\n"))
    assert [(f.line, f.column, f.message) for f in findings] == [
        (2, 10, "author By Dr. Rao is not a name"),
        (2, 22, "author Mr Iyer is not a name"),
    ]
    contains = rule("""metadata: {field: authors, not_contains: publisher}""")
    doc = md("---\nauthor: Rao, Example Broking\npublisher: Example Broking\n---\n\nText.\n")
    assert len(lint(contains, doc)) == 1


def test_blocks_label_placement_and_count():
    yaml = """
pack: t
classes:
  promotion:
    match: {words: [open a free demat account, download our app]}
    links: ['[?&]utm_']
rules:
  - id: t-label
    severity: error
    message: "unlabelled: {match}"
    description: d.
    blocks: {class: promotion, label: {words: [advertisement, sponsored]}}
  - id: t-place
    severity: warning
    message: "inside: {match}"
    description: d.
    blocks: {class: promotion, placement: after-body}
  - id: t-count
    severity: info
    message: "too many"
    description: d.
    blocks: {class: promotion, max_count: 1}
"""
    long = "This paragraph is editorial reporting that is long enough to count as the article's own text."
    page = f"""<article><h1>T</h1><p>{long}</p>
<p>Open a free demat account now!</p>
<p>{long}</p>
<div class="ad-sponsored"><p>Download our app for tips.</p></div>
<p><a href="https://x.example/?utm_source=news">Click here</a></p>
<h3>Disclaimer</h3><p>{long}</p></article>"""
    got = sorted((f.rule, f.line) for f in lint(yaml, html(page)))
    assert got == [("t-count", 4), ("t-count", 5), ("t-label", 2), ("t-label", 5), ("t-place", 2)]


def test_altered_statement_points_at_passage_with_exact_fix():
    statement = "Investment in securities market are subject to market risks. Read all the related documents carefully before investing."
    yaml = rule(
        f"""
        altered:
          statements: ["{statement}"]
          min_similarity: 0.6
        """,
        scope="document",
    )
    doc = md(
        "# T\n\nNote: Investments in the stock market are subject to risk, please read documents before investing. Thanks.\n"
    )
    [finding] = lint(yaml, doc)
    assert (
        finding.snippet
        == "Investments in the stock market are subject to risk, please read documents before investing."
    )
    assert finding.fix.replacement == statement
    assert lint(yaml, md(f"# T\n\n{statement}\n")) == []
    assert lint(yaml, md("# T\n\nThe market rose on Monday; investors read the documents carefully.\n")) == []


def test_rule_timeout_is_reported_and_run_goes_on():
    yaml = """
pack: t
rules:
  - id: t-slow
    severity: warning
    message: "{match}"
    description: d.
    forbid: {patterns: ['(a|aa)+$']}
  - id: t-fast
    severity: warning
    message: "{match}"
    description: d.
    forbid: {words: [ok]}
"""
    doc = md("a" * 40 + "!\n\nok\n")
    findings = lint(yaml, doc, timeout=0.2)
    rules = [f.rule for f in findings]
    assert "newslint-rule-timeout" in rules and "t-fast" in rules
    timeout = next(f for f in findings if f.rule == "newslint-rule-timeout")
    assert "t-slow" in timeout.message and timeout.severity == "error"


def test_scopes_link_url_alt_image_meta_title_sentence():
    page = """<head><meta name="author" content="By Someone"></head><article><h1>Head words</h1>
<p>See <a href="https://t.me/tips">our channel</a> now. Second sentence has tips.</p>
<img src="/logos/nse.png" alt="NSE logo"></article>"""
    doc = html(page)

    def scoped(scope, pattern):
        return [f.snippet for f in lint(rule(f"""forbid: {{patterns: ['{pattern}']}}""", scope=scope), doc)]

    assert scoped("link", "channel") == ["channel"]
    assert scoped("url", "t\\.me") == ["t.me"]
    assert scoped("alt", "nse") == ["NSE"]
    assert sorted(scoped("image", "nse")) == ["NSE", "nse"]
    assert scoped("meta:authors", "^by") == ["By"]
    assert scoped("title", "words") == ["words"]
    assert scoped("sentence", "tips") == ["tips"]


_STATEMENT = (
    "Investment in securities market are subject to market risks. "
    "Read all the related documents carefully before investing."
)
_EDIT_WORDS = ["investments", "stock", "the", "risk", "please", "documents", "before", "subject", "markets", "fund"]


@pytest.mark.slow  # a property test (3 s): the slow stage runs it, as it runs the other property tests
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["keep", "drop", "swap", "add"]), st.sampled_from(_EDIT_WORDS)), max_size=20))
def test_altered_finds_the_same_best_passage_without_its_quick_ratio_bounds(edits):
    """The quick ratios only skip windows that cannot beat the best so far: the chosen passage and its score
    are those of trying every window."""
    from difflib import SequenceMatcher
    from unittest import mock

    from newslint.checks.altered import Altered

    words = _STATEMENT.split()
    out = []
    for i, (what, word) in enumerate(edits):
        original = words[i % len(words)]
        out.append({"keep": original, "drop": "", "swap": word, "add": f"{original} {word}"}[what])
    text = "Note: " + " ".join(w for w in out + words[len(edits) :] if w) + " Thanks."
    check = Altered({"statements": [_STATEMENT]})
    pruned = check._best(text)
    with (
        mock.patch.object(SequenceMatcher, "real_quick_ratio", return_value=1.0),
        mock.patch.object(SequenceMatcher, "quick_ratio", return_value=1.0),
    ):
        exhaustive = check._best(text)
    assert pruned == exhaustive
