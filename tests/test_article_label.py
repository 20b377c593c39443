"""A paid story labelled as a whole ("Brand Connect" above its headline) labels every promotion in it, and none
of them interrupts it; a run-in lead is read with the sentence it introduces."""

from __future__ import annotations

from helpers import lint

STORY = """<html><head><title>How Narmada Broking makes F&amp;O trading simpler</title>
<meta name="author" content="Brand Desk"><meta property="article:published_time" content="2026-11-10T10:00:00+05:30"></head>
<body><article>
<p class="label">{label}</p>
<h1>How Narmada Broking makes F&amp;O trading simpler</h1>
<p>Narmada Broking's new app shows option chains, margin needs and risk on one screen, the company says.</p>
<p>Open your free demat account with Narmada Broking in 10 minutes.</p>
<p>The app also lets traders set alerts on open interest and see their margin use across segments in real time.</p>
<p>Narmada Broking Ltd, Member of NSE and BSE, SEBI Registration No. INZ000654321, with its office in Bengaluru.</p>
<p>Investment in securities market are subject to market risks. Read all the related documents carefully before investing.</p>
</article></body></html>"""


def test_a_label_over_the_headline_labels_the_whole_paid_story():
    rules = ("promo-unlabelled", "promo-inside-body")
    for label in ("Brand Connect", "Sponsored", "Advertorial"):
        assert lint(STORY.format(label=label), *rules, fmt="html") == [], label
    # the same story with a line that is no label
    found = {f.rule for f in lint(STORY.format(label="Markets"), *rules, fmt="html")}
    assert found == set(rules)


def test_a_run_in_lead_is_read_with_the_sentence_it_introduces():
    page = (
        "---\ntitle: t\nauthor: A B\ndate: 2026-11-01\n---\n\n"
        "**Guaranteed income first.** An immediate annuity from a life insurer pays a fixed ₹22,000 a month.\n\n"
        "**Guaranteed returns.** Join our channel for 5% a month on the NSE.\n"
    )
    found = lint(page, "sebi-assured-returns")
    assert [f.line for f in found] == [9]
