"""Dates to the full instant: times and zones in words, comparisons by instant in the configured zone,
impossible dates, and the scheduling policy for posts with front matter."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import lint, parse, source
from newslint.document.dates import DatePolicy, after_day, find_dates, named_zone, parse_any
from newslint.rules.loader import load_rules
from newslint.running.linter import Linter, lint_source

IST = timezone(timedelta(hours=5, minutes=30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:12:44 PM IST Mar 3, 2024", datetime(2024, 3, 3, 21, 12, 44, tzinfo=IST)),
        ("Mar 3, 2024 9:12 pm IST", datetime(2024, 3, 3, 21, 12, tzinfo=IST)),
        ("Updated: March 3, 2024 09:12 PM IST", datetime(2024, 3, 3, 21, 12, tzinfo=IST)),
        ("5 May 2025, 10.30 am IST", datetime(2025, 5, 5, 10, 30, tzinfo=IST)),
        ("Monday, March 4, 2024 10:05 AM GMT+05:30", datetime(2024, 3, 4, 10, 5, tzinfo=IST)),
        ("Sun, 03 Mar 2024 21:12:44 +0530", datetime(2024, 3, 3, 21, 12, 44, tzinfo=IST)),
        ("2024-03-03 21:12:44 +0530", datetime(2024, 3, 3, 21, 12, 44, tzinfo=IST)),
        ("2024-03-03 21:12 IST", datetime(2024, 3, 3, 21, 12, tzinfo=IST)),
        ("March 3rd 2024 at 9pm", datetime(2024, 3, 3, 21, 0)),
        ("Dec 18, 2014 | 11:38pm EST", datetime(2014, 12, 18, 23, 38, tzinfo=timezone(timedelta(hours=-5)))),
        ("12:05 AM IST, 03 Mar 2024", datetime(2024, 3, 3, 0, 5, tzinfo=IST)),
        ("3rd March, 2024 14:05 hrs IST", datetime(2024, 3, 3, 14, 5, tzinfo=IST)),
    ],
)
def test_structured_dates_are_read_to_the_instant(text, expected):
    assert parse_any(text) == expected


def test_the_span_of_a_visible_date_covers_its_time_and_zone():
    text = "Published: 5 May 2025 | Updated: 5 May 2025, 6:10 PM IST"
    found = find_dates(text)
    assert [text[f.start : f.end] for f in found] == ["5 May 2025", "5 May 2025, 6:10 PM IST"]


@pytest.mark.parametrize("text", ["2026-11-31", "2025-02-30T10:00:00+05:30", "31/11/2026", "0001-01-01T00:00:00Z"])
def test_impossible_dates_are_not_dates(text):
    assert parse_any(text) is None


def test_impossible_structured_date_is_flagged():
    page = '<html><head><meta property="article:published_time" content="2026-11-31T10:00:00+05:30"></head><body><h1>T</h1></body></html>'
    assert [f.rule for f in lint(page, "meta-date-invalid")] == ["meta-date-invalid"]
    ok = '<html><head><meta property="article:published_time" content="2026-11-30T10:00:00+05:30"></head><body><h1>T</h1></body></html>'
    assert lint(ok, "meta-date-invalid") == []


def test_modified_hours_before_a_time_written_in_words_is_reported():
    script = '{"@type": "NewsArticle", "headline": "T", "datePublished": "09:12:44 PM IST Mar 3, 2024", "dateModified": "2024-03-03T18:00:00+05:30"}'
    page = f'<html><head><script type="application/ld+json">{script}</script></head><body><h1>T</h1></body></html>'
    assert [f.rule for f in lint(page, "meta-date-modified-before-published")] == [
        "meta-date-modified-before-published"
    ]
    later = script.replace("18:00:00", "22:00:00")
    page = f'<html><head><script type="application/ld+json">{later}</script></head><body><h1>T</h1></body></html>'
    assert lint(page, "meta-date-modified-before-published") == []


def _meta_page(value: str) -> str:
    return (
        f'<html><head><meta property="article:published_time" content="{value}"></head><body><h1>T</h1></body></html>'
    )


def test_future_is_decided_by_instant_in_the_configured_zone():
    today = date(2026, 12, 6)
    # Both name 7 December in India: the later instant in UTC is as future as the earlier one in IST.
    assert [f.rule for f in lint(_meta_page("2026-12-07T01:00+05:30"), "meta-date-future", now=today)]
    assert [f.rule for f in lint(_meta_page("2026-12-06T22:00Z"), "meta-date-future", now=today)]
    # 18:00 UTC on the 6th is 23:30 in India: still today.
    assert lint(_meta_page("2026-12-06T18:00Z"), "meta-date-future", now=today) == []
    assert lint(_meta_page("2026-12-06"), "meta-date-future", now=today) == []
    assert lint(_meta_page("2026-12-07"), "meta-date-future", now=today)


def test_another_configured_zone_moves_the_end_of_today():
    today = date(2026, 12, 6)
    utc, kolkata = named_zone("UTC"), named_zone("Asia/Kolkata")
    value = datetime(2026, 12, 6, 22, 0, tzinfo=UTC)
    assert after_day(value, today, kolkata) and not after_day(value, today, utc)
    ruleset = load_rules([])
    rules = [r for r in ruleset.rules if r.id == "meta-date-future"]
    linter = Linter(ruleset, today, rules)
    linter.date_policy = DatePolicy("UTC")
    assert lint_source(linter, source(_meta_page("2026-12-06T22:00Z"))).findings == []
    # A time without a zone is read in the configured zone.
    assert lint_source(linter, source(_meta_page("2026-12-06T23:00:00"))).findings == []
    linter.date_policy = DatePolicy("Asia/Tokyo")
    assert [f.rule for f in lint_source(linter, source(_meta_page("2026-12-06T22:00Z"))).findings]


def _post(front: str) -> str:
    return f"---\ntitle: Nifty ends higher\n{front}\n---\n# Nifty ends higher\n\nBy Priya Rao\n\nThe Nifty rose.\n"


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ("date: 2026-12-08T07:00:00+05:30", "future date"),
        ("date: 2026-12-08", "future date"),
        ("date: 2026-11-01\npublishDate: 2026-12-08", "future date"),
        ("date: 2026-12-08\nlastmod: 2026-12-09\ndraft: true", "draft"),
        ('date: 2026-11-01\nexpiryDate: "2026-12-01"', "expired"),
    ],
)
def test_a_scheduled_post_does_not_block_a_commit(front, reason):
    today = date(2026, 12, 6)
    text = _post(front)
    assert [f for f in lint(text, now=today) if f.severity == "error"] == []
    scheduled = lint(text, "meta-date-scheduled", now=today)
    assert [f.severity for f in scheduled] == ["info"]
    assert f"({reason})" in scheduled[0].message


def test_a_served_page_or_a_post_without_front_matter_with_a_future_date_is_still_an_error():
    today = date(2026, 12, 6)
    assert [f.rule for f in lint(_meta_page("2026-12-08T07:00:00+05:30"), "meta-date-future", now=today)]
    text = "# Nifty ends higher\n\nBy Priya Rao\n\nPublished: 8 December 2026\n\nThe Nifty rose.\n"
    assert [f.rule for f in lint(text, "meta-date-future", now=today)] == ["meta-date-future"]
    # A published post (past date) with a future modification date: a typo, not a schedule.
    text = _post("date: 2026-11-01\nlastmod: 2027-12-01")
    assert [f.rule for f in lint(text, "meta-date-future", now=today)] == ["meta-date-future"]
    assert lint(text, "meta-date-scheduled", now=today) == []


def test_policy_error_makes_every_future_date_an_error():
    today = date(2026, 12, 6)
    ruleset = load_rules([])
    rules = [r for r in ruleset.rules if r.id in ("meta-date-future", "meta-date-scheduled")]
    linter = Linter(ruleset, today, rules)
    linter.date_policy = DatePolicy(scheduled_posts="error")
    found = lint_source(linter, source(_post("date: 2026-12-08"))).findings
    assert [f.rule for f in found] == ["meta-date-future"]


def test_dates_configuration_is_validated(tmp_path):
    from newslint.config.file import ConfigError, load_config

    good = tmp_path / "newslint.yaml"
    good.write_text("dates:\n  time-zone: Europe/London\n  scheduled-posts: error\n")
    config = load_config(good)
    assert (config.time_zone, config.scheduled_posts) == ("Europe/London", "error")
    bad = tmp_path / "bad.yaml"
    bad.write_text("dates:\n  time-zone: Mars/Olympus\n  scheduled-posts: sometimes\n")
    with pytest.raises(ConfigError) as err:
        load_config(bad)
    text = str(err.value)
    assert "bad.yaml:2:" in text and "Mars/Olympus" in text
    assert "bad.yaml:3:" in text and "sometimes" in text


def test_configured_zone_reaches_the_rules_through_the_command_line(tmp_path):
    import subprocess
    import sys

    (tmp_path / "newslint.yaml").write_text("dates:\n  time-zone: UTC\n")
    (tmp_path / "a.html").write_text(_meta_page("2026-12-06T22:00Z"))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "check",
            "--no-cache",
            "--now",
            "2026-12-06",
            "--select",
            "meta-date-future",
            "a.html",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (tmp_path / "newslint.yaml").write_text("dates:\n  time-zone: Asia/Kolkata\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "newslint",
            "check",
            "--no-cache",
            "--now",
            "2026-12-06",
            "--select",
            "meta-date-future",
            "a.html",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and "meta-date-future" in run.stdout


def test_inspect_keeps_its_fields_and_gains_the_instant():
    from newslint.cli.inspect_cmd import inspect_data

    text = _meta_page("09:12:44 PM IST Mar 3, 2024")
    published = inspect_data(parse(text))["metadata"]["published"]
    assert set(published) == {"value", "source", "detail", "iso", "line", "column"}
    assert published["iso"] == "2024-03-03T21:12:44+05:30"
    assert published["value"] == "09:12:44 PM IST Mar 3, 2024"


def test_an_impossible_date_on_a_labelled_date_line_is_flagged_at_its_place():
    text = "# Nifty ends higher\n\nBy Priya Rao\n\nPublished: 31 November 2026\n\nThe Nifty rose.\n"
    found = lint(text, "meta-date-invalid")
    assert [(f.rule, f.line, f.column) for f in found] == [("meta-date-invalid", 5, 12)]
    page = (
        "<html><body><article><h1>Nifty ends higher</h1><p>Updated: 2026-02-30</p>"
        "<p>The Nifty rose.</p></article></body></html>"
    )
    assert [f.rule for f in lint(page, "meta-date-invalid")] == ["meta-date-invalid"]
    # Running text is not a date line: a wrong date in a sentence is not the article's date.
    prose = "# Nifty ends higher\n\nBy Priya Rao\n\nThe results due on 31 November 2026 were moved.\n"
    assert lint(prose, "meta-date-invalid") == []


def test_a_two_digit_year_is_not_guessed():
    # python-dateutil would read 14-12-30 as 14 December 2030: a future date on a 2014 page.
    assert parse_any("14-12-30") is None


def test_a_scheduled_post_passes_the_check_command_and_a_served_page_fails(tmp_path):
    import subprocess
    import sys

    (tmp_path / "post.md").write_text(_post("date: 2026-12-08T07:00:00+05:30"))
    (tmp_path / "page.html").write_text(_meta_page("2026-12-08T07:00:00+05:30"))
    args = [sys.executable, "-m", "newslint", "check", "--no-cache", "--isolated", "--now", "2026-12-06"]
    args += ["--select", "meta-date-future,meta-date-scheduled"]
    post = subprocess.run([*args, "post.md"], cwd=tmp_path, capture_output=True, text=True)
    assert post.returncode == 0 and "meta-date-scheduled" in post.stdout, post.stdout + post.stderr
    page = subprocess.run([*args, "page.html"], cwd=tmp_path, capture_output=True, text=True)
    assert page.returncode == 1 and "meta-date-future" in page.stdout


def test_without_now_today_is_read_in_the_configured_zone(tmp_path):
    from newslint.cli.check import parse_now
    from newslint.config.file import load_config
    from newslint.document.dates import today_in
    from newslint.running.configured import CommandLine, build_profile
    from newslint.running.one_file import CheckSettings

    # UTC+14 and UTC-11 are 25 hours apart: their dates differ by one day, or by two in the hour after 10:00 UTC
    # (when it is already past midnight in Kiritimati and not yet midnight in Pago Pago).
    assert (today_in("Pacific/Kiritimati") - today_in("Pacific/Pago_Pago")).days in (1, 2)
    assert parse_now(None) == today_in("Asia/Kolkata")
    assert parse_now("2026-12-06") == date(2026, 12, 6)
    config_file = tmp_path / "newslint.yaml"
    config_file.write_text("dates:\n  time-zone: Pacific/Kiritimati\n")
    settings = CheckSettings(now=today_in("Pacific/Pago_Pago"))
    profile = build_profile(load_config(config_file), CommandLine(), settings)
    assert profile.linter.now == today_in("Pacific/Kiritimati") == settings.now  # the cache key sees it too
    # An explicit --now is never re-read.
    settings = CheckSettings(now=date(2026, 12, 6))
    assert build_profile(load_config(config_file), CommandLine(), settings).linter.now == date(2026, 12, 6)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789-:/.TZ+ ,APMISTGUCamprilyDecJanuMy")), max_size=60))
def test_date_reading_never_raises(text):
    parse_any(text)
    for found in find_dates(text):
        assert 0 <= found.start < found.end <= len(text)
        assert 1800 <= found.value.year <= 9000


def test_dates_settings_are_inherited_through_extend_setting_by_setting(tmp_path):
    from newslint.config.file import load_config

    (tmp_path / "base.yaml").write_text("dates:\n  time-zone: Europe/London\n  scheduled-posts: error\n")
    (tmp_path / "newslint.yaml").write_text("extend: base.yaml\ndates:\n  time-zone: UTC\n")
    config = load_config(tmp_path / "newslint.yaml")
    assert (config.time_zone, config.scheduled_posts) == ("UTC", "error")
