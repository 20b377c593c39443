"""A small declarative schema language: one definition validates rule files and generates their JSON Schema.

Types describe what a YAML value may be. ``validate`` walks a loaded value (``yamlsafe`` maps and lists that
know their lines), returns the value normalised (shorthands expanded) and collects ``(line, message)``
problems. ``json_schema`` turns the same definitions into a JSON Schema (draft 2020-12) for editors.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newslint.files.yaml_positions import YList, YMap


@dataclass(init=False)
class Problems:
    items: list[tuple[int, str]]

    def __init__(self, items: list[tuple[int, str]] | None = None) -> None:
        self.items = [] if items is None else items

    def add(self, line: int, message: str) -> None:
        self.items.append((line, message))


class Type(ABC):
    doc: str = ""

    @abstractmethod
    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        """The value normalised (shorthands expanded); problems go to ``problems`` with their lines."""

    @abstractmethod
    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        """This type as JSON Schema."""


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return "text" if isinstance(value, str) else type(value).__name__


@dataclass
class Str(Type):
    doc: str = ""
    enum: tuple[str, ...] = ()
    pattern: str | None = None  # a regular expression the whole value must match
    pattern_hint: str = ""
    check: Callable[[str], str | None] | None = None  # returns a problem, or None
    examples: tuple[str, ...] = ()

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not self.enum:
            value = str(value)
        if not isinstance(value, str):
            problems.add(line, f"{where} must be text, not {_type_name(value)}")
            return None
        if self.enum and value not in self.enum:
            problems.add(line, f"{where} must be one of {', '.join(self.enum)}; got {value!r}")
            return None
        if self.pattern is not None:
            import re

            if not re.fullmatch(self.pattern, value):
                problems.add(line, f"{where} {value!r} is not valid: {self.pattern_hint or self.pattern}")
                return None
        if self.check is not None:
            problem = self.check(value)
            if problem:
                problems.add(line, f"{where}: {problem}")
                return None
        return value

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string"}
        if self.enum:
            out["enum"] = list(self.enum)
        if self.pattern:
            out["pattern"] = f"^(?:{self.pattern})$"
        if self.doc:
            out["description"] = self.doc
        if self.examples:
            out["examples"] = list(self.examples)
        return out


@dataclass
class Int(Type):
    doc: str = ""
    minimum: int | None = None
    maximum: int | None = None

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            problems.add(line, f"{where} must be a whole number, not {_type_name(value)}")
            return None
        if self.minimum is not None and value < self.minimum:
            problems.add(line, f"{where} must be at least {self.minimum}")
            return None
        if self.maximum is not None and value > self.maximum:
            problems.add(line, f"{where} must be at most {self.maximum}")
            return None
        return value

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        return _bounded_schema("integer", self.minimum, self.maximum, self.doc)


@dataclass
class Num(Type):
    doc: str = ""
    minimum: float | None = None
    maximum: float | None = None

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            problems.add(line, f"{where} must be a number, not {_type_name(value)}")
            return None
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            problems.add(line, f"{where} must be between {self.minimum} and {self.maximum}")
            return None
        return float(value)

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        return _bounded_schema("number", self.minimum, self.maximum, self.doc)


def _bounded_schema(kind: str, minimum: float | None, maximum: float | None, doc: str) -> dict[str, Any]:
    """The JSON Schema of a whole number or number with optional bounds (``Int``, ``Num``)."""
    out: dict[str, Any] = {"type": kind}
    if minimum is not None:
        out["minimum"] = minimum
    if maximum is not None:
        out["maximum"] = maximum
    if doc:
        out["description"] = doc
    return out


@dataclass
class Bool(Type):
    doc: str = ""

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        if not isinstance(value, bool):
            problems.add(line, f"{where} must be true or false, not {_type_name(value)}")
            return None
        return value

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "boolean"}
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass
class ListOf(Type):
    item: Type
    doc: str = ""
    min_items: int = 0
    single: bool = False  # a single item is accepted as a one-item list

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        if not isinstance(value, list):
            if self.single and value is not None and not isinstance(value, dict):
                return [self.item.validate(value, line, where, problems, defs)]
            problems.add(line, f"{where} must be a list, not {_type_name(value)}")
            return None
        if len(value) < self.min_items:
            problems.add(line, f"{where} needs at least {self.min_items} item(s)")
        out = []
        for i, item in enumerate(value):
            item_line = value.line_of(i) if isinstance(value, YList) else line
            out.append(self.item.validate(item, item_line, f"{where}[{i}]", problems, defs))
        return out

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        arr: dict[str, Any] = {"type": "array", "items": self.item.schema(defs)}
        if self.min_items:
            arr["minItems"] = self.min_items
        if self.single:
            out: dict[str, Any] = {"anyOf": [self.item.schema(defs), arr]}
        else:
            out = arr
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass(init=False)
class MapOf(Type):
    value: Type
    doc: str
    key: Type

    def __init__(self, value: Type, doc: str = "", key: Type | None = None) -> None:
        self.value = value
        self.doc = doc
        self.key = Str() if key is None else key

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        if not isinstance(value, dict):
            problems.add(line, f"{where} must be a mapping, not {_type_name(value)}")
            return None
        out = {}
        for k, v in value.items():
            vline = value.value_pos[k].line if isinstance(value, YMap) else line
            key = self.key.validate(k, vline, f"{where} key", problems, defs)
            out[key] = self.value.validate(v, vline, f"{where}.{k}", problems, defs)
        return out

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "additionalProperties": self.value.schema(defs)}
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass
class Ref(Type):
    name: str
    doc: str = ""

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        return defs[self.name].validate(value, line, where, problems, defs)

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        out: dict[str, Any] = {"$ref": f"#/$defs/{self.name}"}
        if self.doc:
            out = {"allOf": [out], "description": self.doc}
        return out


@dataclass
class AnyOf(Type):
    options: tuple[Type, ...]
    doc: str = ""

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        trials = []
        for option in self.options:
            trial = Problems()
            out = option.validate(value, line, where, trial, defs)
            if not trial.items:
                return out
            trials.append(trial)
        # Report the problems of the option the value was shaped for (a mapping for a mapping...), not of
        # an option that rejected its shape outright.
        shape_error = f"{where} must be "
        fitting = [t for t in trials if not any(m.startswith(shape_error) for _, m in t.items)]
        problems.items.extend((fitting or trials)[0].items)
        return None

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        out: dict[str, Any] = {"anyOf": [o.schema(defs) for o in self.options]}
        if self.doc:
            out["description"] = self.doc
        return out


@dataclass
class Field:
    type: Type
    required: bool = False
    doc: str = ""


@dataclass
class Obj(Type):
    name: str
    fields: dict[str, Field]
    doc: str = ""
    exactly_one_of: tuple[str, ...] = ()  # exactly one of these keys must be present
    shorthand: Callable[[Any], dict[str, Any] | None] | None = None  # a non-mapping form, expanded
    shorthand_schema: Type | None = None

    def validate(self, value: Any, line: int, where: str, problems: Problems, defs: dict[str, Type]) -> Any:
        if not isinstance(value, dict) and self.shorthand is not None:
            expanded = self.shorthand(value)
            if expanded is not None:
                value = expanded
        if not isinstance(value, dict):
            problems.add(line, f"{where} must be a mapping, not {_type_name(value)}")
            return None
        out: dict[str, Any] = {}
        line_of = value.line_of if isinstance(value, YMap) else (lambda _k: line)
        for key, item in value.items():
            spec = self.fields.get(key)
            if spec is None:
                close = _closest(str(key), self.fields)
                hint = f" (did you mean {close!r}?)" if close else ""
                problems.add(line_of(key), f"{where}: unknown key {key!r}{hint}")
                continue
            vline = value.value_pos[key].line if isinstance(value, YMap) else line
            out[key] = spec.type.validate(item, vline, f"{where}.{key}" if where else str(key), problems, defs)
        for key, spec in self.fields.items():
            if spec.required and key not in value:
                problems.add(line, f"{where or self.name}: missing required key {key!r}")
        if self.exactly_one_of:
            present = [k for k in self.exactly_one_of if k in value]
            if len(present) != 1:
                names = ", ".join(self.exactly_one_of)
                if present:
                    problems.add(
                        line,
                        f"{where or self.name}: only one of {names} may be given; got {', '.join(present)}",
                    )
                else:
                    problems.add(line, f"{where or self.name}: needs one of {names}")
        out["__line__"] = line
        return out

    def schema(self, defs: dict[str, Type]) -> dict[str, Any]:
        props = {}
        for key, spec in self.fields.items():
            s = spec.type.schema(defs)
            if spec.doc and "description" not in s:
                s = dict(s)
                s["description"] = spec.doc
            props[key] = s
        out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        required = [k for k, f in self.fields.items() if f.required]
        if required:
            out["required"] = required
        if self.exactly_one_of:
            out["oneOf"] = [{"required": [k]} for k in self.exactly_one_of]
        if self.doc:
            out["description"] = self.doc
        if self.shorthand_schema is not None:
            out = {"anyOf": [out, self.shorthand_schema.schema(defs)]}
            if self.doc:
                out["description"] = self.doc
        return out


def _closest(key: str, options: dict[str, Any]) -> str | None:
    import difflib

    found = difflib.get_close_matches(key, list(options), n=1, cutoff=0.7)
    return found[0] if found else None
