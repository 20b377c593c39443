"""Plain record classes: what ``@dataclass`` gave newslint's value types, without generating code at import.

``@dataclass`` writes each class's ``__init__``, ``__repr__`` and ``__eq__`` as source text and compiles it
when the module is imported: about 1 ms (2 million instructions) a class, and a one-file run imports some
forty of them (pre-commit starts newslint once per file). A record writes its ``__init__`` out and lists its
fields in ``_fields``; the repr and the equality below are shared. Measured with callgrind, the change took
``newslint check one.md`` from 615 to 510 million instructions, and ``one.html`` from 509 to 365 million
(without any dataclass, an HTML run does not import ``dataclasses``, nor ``inspect`` through it).

* ``Record``: ``Name(a=1, b='x')``, equal to a record of the same class with equal fields, unhashable (as a
  dataclass with ``eq=True``).
* ``IdentityRecord``: equal only to itself, hashable by identity (``eq=False``).
* ``FrozenRecord``: fields cannot be assigned after ``__init__`` (which sets them with ``object.__setattr__``),
  hashable by its fields (``frozen=True``).
"""

from __future__ import annotations

from reprlib import recursive_repr
from typing import Any, ClassVar


class Record:
    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    @recursive_repr()
    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({inner})"

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]


class IdentityRecord(Record):
    __slots__ = ()
    __eq__ = object.__eq__
    __hash__ = object.__hash__  # type: ignore[assignment]


class FrozenRecord(Record):
    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())
