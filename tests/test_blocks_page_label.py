"""``blocks``: a label line by the headline ("Ad | Paid partnership with ...", "Impact Feature") or a short post's
closing disclosure labels every member of the class, and with ``page_label`` exempts them from ``placement`` (a
sponsored article has no editorial text for them to interrupt); a lone "Advertisement" ad-slot marker labels only
its slot, and a labelled promotion closing the page labels only itself."""

from __future__ import annotations

from datetime import date

from helpers import source
from newslint.rules.loader import Loader
from newslint.running.linter import Linter, lint_source

PACK = """
pack: t
classes:
  promotion:
    match: {words: [open a free demat account]}
rules:
  - id: t-label
    severity: error
    message: m
    description: d
    blocks:
      class: promotion
      label: {words: [advertisement, sponsored, paid partnership, impact feature]}
  - id: t-placement
    severity: warning
    message: m
    description: d
    blocks:
      class: promotion
      placement: after-body
{extra}
"""

BODY = """# Markets rise

The Sensex rose 300 points on Tuesday as banks and IT companies gained in late trade across the board.

Open a free demat account with Example Brokers today.

Foreign investors bought shares worth 1,200 crore rupees on Tuesday, provisional exchange data showed.
"""


def _rules(text: str, extra: str = "") -> set[str]:
    loader = Loader()
    loader.load_text(PACK.replace("{extra}", extra), "t.yaml")
    ruleset = loader.finish()
    result = lint_source(Linter(ruleset, date(2026, 11, 29)), source(text))
    return {f.rule for f in result.findings}


def test_an_unlabelled_promotion_inside_the_article_is_reported():
    assert _rules(BODY) == {"t-label", "t-placement"}


def test_a_label_line_at_the_start_of_the_page_labels_its_promotions():
    assert "t-label" not in _rules("Ad | Paid partnership with Example Brokers\n\n" + BODY)


def test_page_label_exempts_a_sponsored_article_from_placement():
    page = "Impact Feature\n\n" + BODY
    assert "t-placement" in _rules(page)
    assert "t-placement" not in _rules(page, "      page_label: {words: [impact feature, sponsored]}")


def test_a_lone_advertisement_marker_below_the_headline_labels_only_its_slot():
    page = BODY.replace("\n\nThe Sensex", "\n\nAdvertisement\n\nThe Sensex", 1)
    assert "t-label" in _rules(page)


def test_advertisement_above_the_headline_labels_the_ad():
    assert "t-label" not in _rules("**Advertisement**\n\n" + BODY)


def test_a_closing_disclosure_labels_a_short_post():
    post = BODY + "\nRead the fine print before you invest.\n\nThis post is sponsored by Example Brokers.\n"
    assert "t-label" not in _rules(post)


def test_a_labelled_promotion_closing_the_page_does_not_label_the_others():
    page = (
        BODY + "\nThe Nifty ended flat after a choppy session in banks.\n\nSponsored: open a free demat account now.\n"
    )
    assert "t-label" in _rules(page)


SLOT = "  - id: t-slot\n    severity: warning\n    message: m\n    description: d\n    blocks:\n      class: promotion\n      placement: after-body\n      slot_label: {words: [advertisement]}\n"


def test_slot_label_exempts_a_labelled_ad_between_paragraphs_but_not_an_unlabelled_one():
    labelled = BODY.replace("Open a free demat", "Advertisement\n\nOpen a free demat")
    assert "t-slot" not in _rules(labelled, SLOT)
    assert "t-slot" in _rules(BODY, SLOT)
