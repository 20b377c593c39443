"""The check interface. Each check kind lives in its own module and declares its options.

A check is built once per run from its validated YAML options (patterns compiled then) and run once per
document, yielding ``Hit``s. Options are declared with the types of ``rules.spec`` so that validation, the JSON
Schema and the documentation all come from the same place.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from newslint.language.context import Context

if TYPE_CHECKING:
    from newslint.language.model import Hit, Rule
    from newslint.language.patterns import Pattern
    from newslint.language.patternset import PatternSet
    from newslint.language.spec import Obj


class Check(ABC):
    kind: ClassVar[str]
    options: ClassVar[Obj]
    summary: ClassVar[str] = ""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    @abstractmethod
    def run(self, rule: Rule, ctx: Context, scope: tuple[str, ...]) -> Iterator[Hit]:
        """The hits of this check on one document, in ``scope``."""

    def patterns(self) -> list[Pattern]:
        """Every pattern this check uses (compiled at load to validate them)."""
        return []

    def triggers(self) -> list[PatternSet]:
        """The pattern sets whose matches this check reports (a rule's ``voices`` applies to them)."""
        return []
