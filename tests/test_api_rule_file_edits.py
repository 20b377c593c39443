"""A long-lived caller of the API (the editor server) sees a rule file edited since its rules were loaded: the
loaded configuration is reused only while every rule file it read keeps its modification time and size (a house
pack named by the configuration, or the built-in packs of a development install). No clear_cache() needed."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import newslint

NOW = date(2025, 9, 10)
PACK = """pack: house
rules:
  - id: house-banned-word
    severity: error
    message: "'{{match}}' is banned."
    description: A word our desk does not print.
    forbid:
      words: [{word}]
"""


def test_an_edited_rule_file_is_read_again(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    pack = tmp_path / "house.yaml"
    pack.write_text(PACK.format(word="skyrocket"), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    article = tmp_path / "a.md"
    text = "# Title\n\nShares skyrocket and then plunge.\n"

    def banned() -> list[str]:
        found = newslint.check_text(text, "markdown", path=article, now=NOW, select=["house-banned-word"])
        return [f.snippet for f in found]

    assert banned() == ["skyrocket"]
    pack.write_text(PACK.format(word="plunge"), encoding="utf-8")
    stat = pack.stat()
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later time, whatever the clock
    assert banned() == ["plunge"]
