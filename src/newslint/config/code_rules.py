"""Rules defined in code rather than YAML: they appear in ``newslint rules``, can be selected, ignored and
re-graded like any other, but their logic is not a pattern set.

* pack ``newslint``: ``newslint-unused-suppression`` and ``newslint-invalid-suppression`` (always present;
  their findings come from ``suppression.py`` after the other rules ran, so they have no check parts);
* pack ``house``: ``sebi-registration-number-unknown`` and ``sebi-house-number-mismatch``, present only
  when the configuration has ``house`` facts (``checks/house.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.language.model import Example, Pack, Rule

if TYPE_CHECKING:
    from newslint.config.file import HouseEntity
    from newslint.rules.loader import RuleSet

UNUSED_RULE = "newslint-unused-suppression"
INVALID_RULE = "newslint-invalid-suppression"
UNKNOWN_NUMBER_RULE = "sebi-registration-number-unknown"
HOUSE_MISMATCH_RULE = "sebi-house-number-mismatch"
SEBI_INTERMEDIARIES = "https://www.sebi.gov.in/sebiweb/other/OtherAction.do?doRecognised=yes"


def _rule(
    rid: str,
    pack: str,
    severity: str,
    message: str,
    summary: str,
    description: str,
    kind: str,
    references: list[str] | None = None,
    fail: list[str] | None = None,
    passing: list[str] | None = None,
) -> Rule:
    def examples(texts: list[str] | None) -> list[Example]:
        return [Example(t, "html" if t.lstrip().startswith("<") else "markdown", 0) for t in texts or []]

    return Rule(
        id=rid,
        pack=pack,
        severity=severity,
        message=message,
        description=" ".join(description.split()),
        references=references or [],
        scope=("document",),
        parts=[],
        kind=kind,
        fail_examples=examples(fail),
        pass_examples=examples(passing),
        file="<code>",
        summary=summary,
    )


def suppression_rules() -> list[Rule]:
    return [
        _rule(
            UNUSED_RULE,
            "newslint",
            "info",
            "unused suppression",
            "A suppression comment or front-matter entry that suppressed nothing.",
            """A suppression that suppresses nothing is noise at best; at worst it names a rule that was
            renamed and now hides nothing while the editor believes the problem is handled (as ruff's RUF100
            for unused noqa comments). Remove it, or fix the rule name.""",
            "suppression",
            references=["https://docs.astral.sh/ruff/rules/unused-noqa/"],
            fail=["<!-- newslint-disable-next-line sebi-assured-returns -->\nEquity returns are never certain."],
            passing=["<!-- newslint-disable-next-line sebi-assured-returns -->\nWe offer guaranteed returns."],
        ),
        _rule(
            INVALID_RULE,
            "newslint",
            "warning",
            "invalid suppression",
            "A comment that looks like a newslint directive but is not one, or a malformed front-matter key.",
            """A misspelt directive (`newslint-disabel`) or a front-matter `newslint:` entry of the wrong
            shape suppresses nothing, silently. The directives are newslint-disable, newslint-enable,
            newslint-disable-next-line and newslint-disable-file; the front matter takes
            `newslint: {ignore: [rule-id, ...]}`.""",
            "suppression",
            fail=["<!-- newslint-disabel sebi-assured-returns -->\nText."],
            passing=["<!-- newslint-disable sebi-assured-returns -->\nText."],
        ),
    ]


def house_rules(entities: list[HouseEntity]) -> list[Rule]:
    from newslint.checks.house import HouseCheck, HouseFacts

    facts = HouseFacts({e.number: e.names for e in entities})
    numbers = ", ".join(sorted(facts.numbers))
    unknown = _rule(
        UNKNOWN_NUMBER_RULE,
        "house",
        "warning",
        "registration number {match} is not one of the house's ({house}) and its sentence does not say whose it is",
        "A SEBI registration number that is not the house's and that the text does not attribute.",
        f"""A page that shows a registration number readers cannot attribute invites them to trust the wrong
        entity. The house's numbers are {numbers}. A number is explained when its sentence names whose it is
        (the nearest name before it, else after it: "Analyst Jane Doe, SEBI Reg. No. INH000000002"). The
        examples assume `house: {{INZ000123456: Example Broking Ltd}}`.""",
        "house",
        references=[SEBI_INTERMEDIARIES],
        fail=["Our SEBI registration number is INH000999999."],
        passing=["Research by analyst Jane Doe (SEBI Reg. No. INH000999999)."],
    )
    unknown.parts = [(HouseCheck(facts, "unknown"), None)]
    mismatch = _rule(
        HOUSE_MISMATCH_RULE,
        "house",
        "error",
        "{name} is shown with registration number {match}; its number is {expected}",
        "A house name shown with a registration number that is not its own.",
        """The publisher's own name next to someone else's registration number misstates a regulatory fact
        about the publisher: a typo in a footer, a template copied from another site, or a number of a
        different entity of the group. The house facts in the configuration say which numbers are the
        house's. The examples assume `house: {INZ000123456: Example Broking Ltd}`.""",
        "house",
        references=[SEBI_INTERMEDIARIES],
        fail=["Example Broking Ltd (SEBI Reg. No. INZ000999999)."],
        passing=["Example Broking Ltd (SEBI Reg. No. INZ000123456)."],
    )
    mismatch.parts = [(HouseCheck(facts, "mismatch"), None)]
    return [unknown, mismatch]


def add_code_rules(ruleset: RuleSet, house: list[HouseEntity]) -> list[str]:
    """Add the code-defined rules to a loaded rule set; returns problems (id clashes with rule files)."""
    problems = []
    packs = [Pack("newslint", "newslint's own findings about the run's inputs.", [], "<code>", suppression_rules())]
    if house:
        packs.append(
            Pack(
                "house",
                "The publisher's house facts, from the configuration.",
                [],
                "<code>",
                house_rules(house),
            )
        )
    taken = ruleset.by_id()
    for pack in packs:
        for rule in pack.rules:
            if rule.id in taken:
                other = taken[rule.id]
                problems.append(f"{other.file}:{other.line}: rule id {rule.id!r} is reserved by newslint")
        ruleset.packs.append(pack)
        ruleset.rules.extend(r for r in pack.rules if r.id not in taken)
    return problems
