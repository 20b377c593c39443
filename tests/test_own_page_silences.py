"""Which rules a firm's own page (``publisher.advertiser_page``) silences, decided rule by rule.

The own-page decision reaches a rule in two ways only: ``pages: articles`` (the rule checks articles, not a firm's
own pages) and a class with ``house:`` (on a firm's own page, every promotion is the house's). A rule that checks
the firm's own statements (its UPI handle, its registration number's form, the wording SEBI mandates) must not be
among them: a firm's own page is where those statements are made. A new rule reached by the decision fails this
test until someone decides it belongs here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

RULES = Path(__file__).resolve().parent.parent / "rules"

# Each with the reason a firm's own page leaves it nothing to check.
SILENCED = {
    "meta-byline-missing": "a firm's product or service page is no article: the firm is its author",
    "meta-date-missing": "a firm's product or service page is no article: it has no publication to date",
    "promo-unlabelled": "nothing on the firm's page poses as editorial, so a label has nothing to set it apart from",
    "promo-inside-body": "no report for a promotion to interrupt",
    "asci-affiliate-unlabelled": "(its referral-link branch only) the firm's own links are no affiliate's",
    "promo-house-unlabelled": "(info) the firm's promotions are the house's: reached, not silenced",
}


def _mentions_class(value: Any, names: set[str]) -> bool:
    if isinstance(value, dict):
        if value.get("class") in names:
            return True
        return any(_mentions_class(v, names) for v in value.values())
    if isinstance(value, list):
        return any(_mentions_class(v, names) for v in value)
    return False


def test_own_page_reaches_only_the_decided_rules() -> None:
    packs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(RULES.glob("*.yaml"))]
    house = {name for pack in packs for name, c in (pack.get("classes") or {}).items() if c.get("house")}
    reached = {
        rule["id"]
        for pack in packs
        for rule in pack.get("rules") or ()
        if rule.get("pages") == "articles" or _mentions_class(rule, house)
    }
    assert reached == set(SILENCED)
    for rule_id in reached:
        assert not rule_id.startswith(("adviser-", "sebi-", "disclaimer-")), rule_id


def test_inspect_shows_the_page_kind() -> None:
    from newslint.cli.inspect_cmd import inspect_data
    from newslint.parsing.parse import parse_text

    fixtures = Path(__file__).resolve().parent / "fixtures" / "annotated"
    kinds = {
        "bf22-hindi-ra-own-page-upi.html": "own-page",
        "bf22-brand-faq-page.html": "own-page",
        "bf22-news-explainer-faq-schema.html": "article",
        "bf22-hindi-news-site-name-ra-order.html": "article",
    }
    for name, kind in kinds.items():
        path = fixtures / name
        doc = parse_text(path.read_text(encoding="utf-8"), "html", str(path))
        assert inspect_data(doc)["page_kind"] == kind, name
