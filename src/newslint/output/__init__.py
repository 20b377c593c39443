"""Output formats. Each module renders a finished run (``RunReport``) as one string."""

from __future__ import annotations

from collections.abc import Callable

from .report import RunReport


def formatter(name: str) -> Callable[[RunReport], str]:
    if name == "json":
        from .json_format import render
    else:
        from .text import render
    return render


FORMATS = ("text", "json")
