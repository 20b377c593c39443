"""Writing the report to standard output: a reader that goes away ends the output quietly, not the run.

``newslint check . | head``: the rest of the output is discarded and the exit code is still that of the
findings; a full disk or an I/O error under standard output is one line and exit code 2 (``ReportNotWritten``,
turned into that line by ``newslint.cli.main``).
"""

from __future__ import annotations

import os
import sys


def silence_stdout() -> None:
    """The reader went away: send what is left of standard output nowhere, so that the flush at exit
    does not print "Exception ignored ... BrokenPipeError"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class ReportNotWritten(Exception):
    """Standard output could not take the report (a full disk, an I/O error): one line, exit code 2."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"cannot write the report to standard output: {reason}")


def write_stdout(text: str) -> None:
    """Write (part of) the report; a closed pipe ends the output quietly, not the run.

    Any other failure (``> /dev/full``) raises ``ReportNotWritten``; what is left of the output is discarded
    so that the flush at exit does not fail again.
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    except OSError as exc:
        silence_stdout()
        raise ReportNotWritten(exc.strerror or str(exc)) from None
