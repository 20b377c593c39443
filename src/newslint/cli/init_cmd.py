"""``newslint init``: a commented starter ``.newslint.yaml`` (every key shown, only ``fail-on`` set)."""

from __future__ import annotations

from pathlib import Path

STARTER_NAME = ".newslint.yaml"

TEMPLATE = """\
# newslint configuration. Paths and globs here are relative to this file's folder.
# newslint uses the nearest .newslint.yaml above each checked file (up to the repository root);
# command-line options override what is set here. Reference: docs/configuration.md.

# Rule packs: built-in pack names or paths to rule files. Left out: every built-in pack but the opt-in ones. []: none.
# Built-in packs: {packs}
# Opt-in packs, loaded only when named here: {opt_in}
# packs: [sebi, disclaimer, promo, meta, attribution]

# Your own rule files or folders, added to the packs.
# rules: [newslint-rules/]

# Only these rules, and not these: rule ids, globs such as sebi-*, or pack names.
# select: [sebi, disclaimer]
# ignore: [attribution-unattributed-claim]

# Severity per rule (ids, globs or packs): error, warning or info.
# severity:
#   meta-byline-missing: warning

# The lowest severity that fails the run (exit code 1): error, warning, info or never.
fail-on: error

# Rules not to run on some files: path glob -> rule ids, globs or packs.
# per-file-ignores:
#   "archive/**": [meta-*]

# Files not to check (globs; a folder's name excludes everything under it).
# exclude: [drafts, "**/*.tmp.md"]

# HTML templates: CSS selectors of the article body and of page furniture (override body detection).
# html:
#   content: "div.story-body"
#   furniture: [".related", "#comments"]

# The publisher's own SEBI registration numbers and names. With these set, a number on a page that is not
# the house's and not attributed is reported, and a house name shown with another number is an error.
# house:
#   INZ000123456: Example Broking Ltd

# How date rules read dates: the zone of --now and of dates written without one, and whether a draft or
# future-dated Markdown post with front matter is a scheduled post (meta-date-scheduled, info) or an error.
# dates:
#   time-zone: Asia/Kolkata
#   scheduled-posts: allow
"""


def starter_text() -> str:
    from newslint.rules.loader import builtin_pack_files

    default = builtin_pack_files()
    packs = ", ".join(default) or "none installed"
    opt_in = ", ".join(p for p in builtin_pack_files(opt_in=True) if p not in default) or "none"
    return TEMPLATE.format(packs=packs, opt_in=opt_in)


def write_starter(folder: Path) -> Path:
    """Create ``.newslint.yaml`` in ``folder``; raises ``FileExistsError`` rather than overwrite."""
    from newslint.files.atomic import create_text_atomic

    path = folder / STARTER_NAME
    create_text_atomic(path, starter_text())
    return path
