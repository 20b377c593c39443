"""The console entry point: Ctrl-C and a closed pipe end newslint with one line (or none), never a traceback.

Python turns SIGINT into ``KeyboardInterrupt`` wherever the program happens to be: while the CLI is still
being imported (before any ``except`` of ours exists), or inside a weakref callback or a destructor, where
Python prints "Exception ignored" and carries on as if nothing had happened. And typer turns
``KeyboardInterrupt`` into a silent exit 130. So SIGINT is handled here, before the CLI is imported: until
the command starts it is only recorded; from then on it also raises ``KeyboardInterrupt``; long loops call
``stop_if_interrupted`` between files in case the exception was swallowed; and on the way out one line is
printed and the exit code is 130. A SIGINT that the parent process ignores (``nohup``, background jobs of a
non-interactive shell) stays ignored.

A reader that goes away (``newslint check . | head``) is handled where the report is written
(``write_stdout``): the rest of the output is discarded and the exit code is still that of the findings.
"""

from __future__ import annotations

import errno
import signal
import sys
from typing import Any

from newslint.cli.stdout import ReportNotWritten, silence_stdout
from newslint.running.interrupt import Interrupt, stop_if_interrupted

EXIT_INTERRUPTED = 130
_OUTPUT_ERRNOS = frozenset((errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)))


def _on_sigint(signum: int, frame: Any) -> None:
    Interrupt.seen = True
    if Interrupt.armed:
        raise KeyboardInterrupt


def _quiet_unraisable(unraisable: Any) -> None:
    """No "Exception ignored ... KeyboardInterrupt" noise: the interrupt is recorded and acted on anyway."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        return
    sys.__unraisablehook__(unraisable)


def main() -> None:
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_sigint)
        sys.unraisablehook = _quiet_unraisable
    code: Any = 0
    try:
        from newslint.cli.app import app

        Interrupt.armed = True
        stop_if_interrupted()
        app()
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
    except ReportNotWritten as exc:
        code = 2
        _say(f"newslint: error: {exc}")
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        silence_stdout()  # a command that printed without write_stdout, on a full disk
        code = 2
        _say(f"newslint: error: {ReportNotWritten(exc.strerror or str(exc))}")
    finally:
        Interrupt.armed = False
    if Interrupt.seen:
        code = EXIT_INTERRUPTED
        _say("newslint: interrupted")
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        silence_stdout()
    except OSError as exc:  # what a command printed without write_stdout, on a full disk
        silence_stdout()
        _say(f"newslint: error: {ReportNotWritten(exc.strerror or str(exc))}")
        code = 2
    sys.exit(code)


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass
