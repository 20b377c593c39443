"""Expressions compiled on their first use, for the speaker context's rarer questions.

``regex`` parses an expression in Python before its C core builds the matcher: about 1 ms for one of the
speaker context's larger alternations, 25 ms for the 36 its modules compiled at import, in every process
(every ``newslint check``, every worker of ``--jobs``). Most of them answer questions few pages raise (a
sentence that looks back at the messages before it, an interview's questions, a signed column's disclosure);
those wait in a ``LazyPattern`` until a page asks. Compiled through ``expression_store.own`` (rebuilt from the
wheel's store where there is one); the store's build compiles every one (``on_build``).
"""

from __future__ import annotations

from typing import Any

import regex

from newslint.language import expression_store


class LazyPattern:
    """``regex.compile(pattern, flags)`` on first use; ``search`` and ``match`` as the compiled expression's."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: regex.Pattern[str] | None = None
        _all.append(self)

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = expression_store.own(self.pattern, self.flags)
        return self._compiled

    def search(self, string: str, *args: Any) -> regex.Match[str] | None:
        return self.compiled.search(string, *args)

    def match(self, string: str, *args: Any) -> regex.Match[str] | None:
        return self.compiled.match(string, *args)


_all: list[LazyPattern] = []  # every one made (module-level constants: a fixed set)


@expression_store.on_build
def _compile_all() -> None:
    """Compile every lazy expression, for the store's build to record."""
    for lazy in _all:
        lazy.compiled  # noqa: B018 - compiles it
