"""Ctrl-C as the run sees it: recorded by the entry point's SIGINT handler, acted on between files.

The handler itself is installed by ``newslint.cli.main`` (see its docstring for why); long loops in the
running layer call :func:`stop_if_interrupted`, so they do not need to know which face started them.
"""

from __future__ import annotations


class Interrupt:
    seen = False
    armed = False


def stop_if_interrupted() -> None:
    """Raise ``KeyboardInterrupt`` if Ctrl-C was pressed, even if Python swallowed the exception."""
    if Interrupt.seen:
        raise KeyboardInterrupt
