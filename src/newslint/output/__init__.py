"""Output formats. Each module renders a run (``RunReport``) as one string (``render``) or in pieces as the run
produces its results (``chunks``, see ``output.report``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


def streamer(name: str) -> Callable[[RunReport], Iterator[str]]:
    """The format's ``chunks`` (written as the run goes, see ``output.report``); a format that renders only from
    a whole list (html, gitlab) gets the run's results as a list first."""
    module = import_module(f"{__name__}.{MODULES.get(name, 'text')}")
    chunks = getattr(module, "chunks", None)
    if chunks is not None:
        return chunks
    render: Callable[[RunReport], str] = module.render

    def whole(report: RunReport) -> Iterator[str]:
        report.materialize()
        yield render(report)

    return whole
