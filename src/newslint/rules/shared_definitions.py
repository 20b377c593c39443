"""Shared definitions: named pattern sets that rule files use by name instead of copying them.

A rule file may declare ``definitions:`` (name -> pattern set), and any pattern set of a rule file (a rule's
``when``, a ``near``, an ``unless``, an ``any`` entry, a class's ``match``...) may say ``use: <name>``. The
built-in ``rules/definitions.yaml`` is read before any pack, so every pack, built-in or a user's, can use its
entries (the gate "this page is about the Indian market" is written once there, not once per pack)::

    when: {use: indian-market}                      # the definition as it is
    near: {use: indian-market, near_within: body}    # its keys, plus (or replaced by) the ones given here

A definition can use the definitions before it (so there are no cycles); a name is defined once (a second,
identical definition, as when ``rules/definitions.yaml`` is also given on the command line, is accepted).
Resolution works on validated specs, before pattern sets are built: what is built, checked, precompiled and
explained is the same as if the definition had been written out in place.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from typing import Any

DEFINITIONS_FILE = "definitions.yaml"  # the built-in definitions, beside the built-in packs
USED = "__use__"  # a resolved pattern set's mark: the definition it came from


def spec_key(spec: Any) -> str:
    """A validated spec as a canonical string (without line numbers): equal specs, equal keys."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "__line__"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(spec), sort_keys=True, default=str)


class Definitions:
    """The definitions read so far, resolved, with where each was made."""

    def __init__(self) -> None:
        self._specs: dict[str, tuple[dict[str, Any], str]] = {}

    def __contains__(self, name: str) -> bool:
        return name in self._specs

    def names(self) -> list[str]:
        return sorted(self._specs)

    def add(self, name: str, spec: dict[str, Any], file: str, problems: list[str]) -> None:
        line = spec.get("__line__", 1)
        resolved = self.resolve(spec, file, problems)
        known = self._specs.get(name)
        if known is not None:
            if spec_key(known[0]) != spec_key(resolved):
                problems.append(f"{file}:{line}: definition {name!r} is already defined at {known[1]}")
            return
        self._specs[name] = (resolved, f"{file}:{line}")

    def resolve(self, value: Any, file: str, problems: list[str]) -> Any:
        """``value`` with each mapping that says ``use: name`` replaced by the definition, updated with the
        mapping's other keys. Returns new containers; ``value`` (perhaps a cached precompiled spec) is kept."""
        if isinstance(value, list):
            return [self.resolve(v, file, problems) for v in value]
        if not isinstance(value, dict):
            return value
        out = {k: self.resolve(v, file, problems) for k, v in value.items()}
        name = out.pop("use", None)
        if name is None:
            return out
        known = self._specs.get(name)
        if known is None:
            close = difflib.get_close_matches(name, self._specs, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(self.names()) or 'none'})"
            problems.append(f"{file}:{out.get('__line__', 1)}: unknown definition {name!r}{hint}")
            return out
        merged = dict(known[0])
        merged.update(out)
        merged[USED] = name  # for ``used_definitions`` (pattern sets ignore keys they do not know)
        return merged


def _mappings(value: Any) -> Iterator[dict[str, Any]]:
    """Every mapping in a spec, a parent before its children, in document order."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def used_definitions(value: Any) -> list[str]:
    """The definitions a resolved spec used, in the order first met (for ``newslint explain``)."""
    return list(dict.fromkeys(m[USED] for m in _mappings(value) if isinstance(m.get(USED), str)))


def uses_definitions(value: Any) -> bool:
    """Whether a validated spec says ``use:`` anywhere (most files do not: they need no resolution)."""
    return any("use" in m for m in _mappings(value))
