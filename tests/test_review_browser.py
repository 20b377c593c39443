"""The review page in a real headless Chromium (Playwright): highlights, filters, keys, copy, phone width.

Needs ``pip install playwright`` and Chromium at /usr/bin/chromium (Debian's ``chromium`` package; set
NEWSLINT_CHROMIUM to use another binary). Skipped cleanly when either is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from review_articles import EXACT, HOSTILE_HTML, MARKDOWN
from test_review_page import review

pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("NEWSLINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    (folder / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (folder / "wrap.md").write_text(MARKDOWN, encoding="utf-8")
    text, proc = review(folder, ".")
    assert proc.returncode == 1 and text, proc.stderr
    return folder / "review.html"


@pytest.fixture
def page(browser: Any, page_file: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on(
        "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
    )
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file:") else None)
    tab.goto(page_file.as_uri())
    tab.problems = problems
    yield tab
    context.close()


def card_of(page: Any, rule: str) -> Any:
    return page.locator(".card", has=page.locator(f'code.rule:text-is("{rule}")')).first


def test_no_console_errors_and_no_requests(page: Any) -> None:
    page.keyboard.press("j")
    page.locator("button.copy").first.click()
    page.wait_for_timeout(200)
    assert page.problems == []
    assert page.evaluate("document.querySelectorAll('script').length") == 1  # no script from an article ran or exists


def test_highlights_are_on_the_flagged_words(page: Any) -> None:
    for rule, words in (
        ("sebi-assured-returns", "guaranteed returns"),
        ("attribution-unattributed-claim", "It is learnt"),
    ):
        fid = card_of(page, rule).get_attribute("id")
        mark = page.locator(f"#m-{fid}")
        assert mark.inner_text() == words
        assert mark.is_visible()
    # The article's "<img ... onerror>" is shown as text, not run.
    assert page.get_by_text("<img src=x onerror=alert(1)>", exact=False).count() == 1


def test_clicking_a_highlight_selects_its_card(page: Any) -> None:
    fid = card_of(page, "attribution-unattributed-claim").get_attribute("id")
    page.locator(f"#m-{fid}").click()
    assert page.locator(".card.current").get_attribute("id") == fid


def test_severity_and_pack_filters(page: Any) -> None:
    total = page.locator(".card").count()
    errors = page.locator('.card[data-sev="error"]').count()
    assert 0 < errors < total
    page.locator('input[data-filter="sev"][value="error"]').uncheck()
    assert page.locator(".card:visible").count() == total - errors
    assert page.locator('.card[data-sev="error"]:visible').count() == 0
    assured = card_of(page, "sebi-assured-returns").get_attribute("id")
    assert "off" in (page.locator(f"#m-{assured}").get_attribute("class") or "")  # its highlight is switched off
    page.locator('input[data-filter="sev"][value="error"]').check()
    assert page.locator(".card:visible").count() == total
    page.locator('input[data-filter="pack"][value="sebi"]').uncheck()
    assert page.locator('.card[data-pack="sebi"]:visible').count() == 0
    assert page.locator('.card[data-pack="attribution"]:visible').count() >= 1


def test_keyboard_moves_between_visible_findings_in_order(page: Any) -> None:
    ids = page.eval_on_selector_all(".card", "cs => cs.map(c => c.id)")
    page.keyboard.press("j")
    assert page.locator(".card.current").get_attribute("id") == ids[0]
    page.keyboard.press("n")
    assert page.locator(".card.current").get_attribute("id") == ids[1]
    page.keyboard.press("k")
    assert page.locator(".card.current").get_attribute("id") == ids[0]
    # Hidden findings are skipped.
    page.locator('input[data-filter="pack"][value="meta"]').uncheck()
    visible = page.eval_on_selector_all(".card", "cs => cs.filter(c => !c.hidden).map(c => c.id)")
    page.keyboard.press("j")
    page.keyboard.press("p")
    assert page.locator(".card.current").get_attribute("id") in visible
    for _ in range(len(visible) + 2):
        page.keyboard.press("j")
    assert page.locator(".card.current").get_attribute("id") == visible[-1]


def test_copy_button_copies_the_mandated_wording(browser: Any, page_file: Path) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(page_file.as_uri())
    card = card_of(tab, "disclaimer-market-risk-modified")
    card.locator("button.copy").click()
    tab.wait_for_function("document.querySelector('button.copy').textContent !== 'Copy'")
    assert card.locator("button.copy").inner_text() == "Copied"
    assert tab.evaluate("navigator.clipboard.readText()") == EXACT
    context.close()


def test_readable_on_a_phone(browser: Any, page_file: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    tab = context.new_page()
    tab.goto(page_file.as_uri())
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
    size = tab.evaluate("parseFloat(getComputedStyle(document.querySelector('.text p')).fontSize)")
    assert size >= 15
    context.close()
