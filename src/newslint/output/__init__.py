"""Output formats. Each module renders a finished run (``RunReport``) as one string."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from newslint.output.report import RunReport

MODULES = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "junit": "junit",
    "html": "review_html",
}
FORMATS = tuple(MODULES)
# Formats read by programs: no progress line. --statistics goes to stderr unless the format has room for it
# (json carries a "statistics" key; text and concise print the table after the findings).
MACHINE_FORMATS = ("json", "sarif", "github", "gitlab", "junit")
STATISTICS_ON_STDERR = ("sarif", "github", "gitlab", "junit", "html")


def formatter(name: str) -> Callable[[RunReport], str]:
    module = import_module(f"{__name__}.{MODULES.get(name, 'text')}")
    render: Callable[[RunReport], str] = module.render
    return render
