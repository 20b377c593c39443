"""Load YAML safely and keep the position of every value.

Rule files and front matter are user input. Loading composes the node graph (the C parser when available)
and builds plain Python values ourselves, so that:

* only the standard scalar, sequence and mapping tags are accepted (``!!python/object/apply`` and any other
  tag are refused: loading never executes anything);
* an alias bomb is stopped by a budget on the number of values built;
* every mapping and sequence remembers where each of its entries sits, so validation messages can say
  ``file:line``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:binary",
}
MAX_VALUES = 200_000
# A number written with more characters than this stays text: building a YAML 1.1 base-60 integer
# (``1:1:1:...``) is quadratic in its length, and an integer of over 4,300 digits cannot be written back as
# text (Python's int/str conversion limit). No real value in a rule file or front matter is that long.
MAX_NUMBER_CHARS = 100
_NUMBER_TAGS = frozenset(("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"))


class YamlError(Exception):
    """A YAML problem with the 1-based line (and column) where it is."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class Pos:
    """Where a value sits: 1-based line and column, and character offsets in the YAML text."""

    __slots__ = ("column", "end", "line", "start")

    def __init__(self, line: int, column: int, start: int, end: int) -> None:
        self.line = line
        self.column = column
        self.start = start
        self.end = end


class YMap(dict):
    """A mapping that knows where it is and where each key and value is."""

    pos: Pos
    key_pos: dict[Any, Pos]
    value_pos: dict[Any, Pos]

    def line_of(self, key: Any) -> int:
        p = self.key_pos.get(key) if hasattr(self, "key_pos") else None
        return p.line if p else (self.pos.line if hasattr(self, "pos") else 0)


class YList(list):
    pos: Pos
    item_pos: list[Pos]

    def line_of(self, index: int) -> int:
        if hasattr(self, "item_pos") and 0 <= index < len(self.item_pos):
            return self.item_pos[index].line
        return self.pos.line if hasattr(self, "pos") else 0


def _yaml() -> Any:
    """PyYAML, imported on first use: a run with no configuration file and no front matter never needs it
    (importing it costs about 40 ms of start-up, most of it compiling one expression of its reader)."""
    import yaml

    return yaml


def _pos(node: yaml.Node) -> Pos:
    s, e = node.start_mark, node.end_mark
    return Pos(s.line + 1, s.column + 1, s.index, e.index)


class _Builder:
    def __init__(self) -> None:
        self.count = 0
        self.yaml = _yaml()
        self.constructor = self.yaml.constructor.SafeConstructor()

    def scalar(self, node: yaml.Node) -> Any:
        """A scalar's value; one that cannot be built as its tag (``2025-13-45``, ``!!int abc``) stays text.

        PyYAML's constructors raise ``ValueError``, ``KeyError`` or ``AttributeError`` on such values; kept as
        the text written, an impossible date in front matter reaches the date rules, and a wrong value in a
        rule file gets the validator's ``file:line`` message. So does a number longer than ``MAX_NUMBER_CHARS``.
        """
        if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
            return str(node.value)
        try:
            return self.constructor.construct_object(node, deep=True)
        except self.yaml.YAMLError as exc:
            raise YamlError(str(exc).splitlines()[0], node.start_mark.line + 1) from None
        except (ValueError, KeyError, AttributeError, OverflowError, TypeError):
            return str(node.value)

    def build(self, root: yaml.Node) -> Any:
        """Build values iteratively (deep nesting cannot overflow the stack)."""
        nodes = self.yaml.nodes
        result: list[Any] = [None]
        # Work items: (node, setter)
        work: list[tuple[yaml.Node, Any]] = [(root, lambda v: result.__setitem__(0, v))]
        while work:
            node, setter = work.pop()
            self.count += 1
            if self.count > MAX_VALUES:
                raise YamlError(
                    f"more than {MAX_VALUES} values (an alias bomb?)",
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
            tag = node.tag
            if tag not in _SAFE_TAGS:
                raise YamlError(
                    f"YAML tag {tag!r} is not allowed", node.start_mark.line + 1, node.start_mark.column + 1
                )
            if isinstance(node, nodes.ScalarNode):
                setter(self.scalar(node))
            elif isinstance(node, nodes.SequenceNode):
                seq = YList([None] * len(node.value))
                seq.pos = _pos(node)
                seq.item_pos = [_pos(child) for child in node.value]
                setter(seq)
                for i, child in enumerate(node.value):
                    work.append((child, lambda v, seq=seq, i=i: seq.__setitem__(i, v)))
            elif isinstance(node, nodes.MappingNode):
                mapping = YMap()
                mapping.pos = _pos(node)
                mapping.key_pos = {}
                mapping.value_pos = {}
                setter(mapping)
                for key_node, value_node in node.value:
                    if key_node.tag == "tag:yaml.org,2002:merge":
                        raise YamlError("merge keys (<<) are not supported", key_node.start_mark.line + 1)
                    if not isinstance(key_node, nodes.ScalarNode):
                        raise YamlError("mapping keys must be plain values", key_node.start_mark.line + 1)
                    if key_node.tag not in _SAFE_TAGS:
                        raise YamlError(f"YAML tag {key_node.tag!r} is not allowed", key_node.start_mark.line + 1)
                    key = self.scalar(key_node)
                    try:
                        hash(key)
                    except TypeError:
                        raise YamlError("mapping keys must be plain values", key_node.start_mark.line + 1) from None
                    if key in mapping.key_pos:
                        raise YamlError(
                            f"duplicate key {key!r}",
                            key_node.start_mark.line + 1,
                            key_node.start_mark.column + 1,
                        )
                    mapping.key_pos[key] = _pos(key_node)
                    mapping.value_pos[key] = _pos(value_node)
                    mapping[key] = None
                    work.append((value_node, lambda v, m=mapping, k=key: m.__setitem__(k, v)))
            else:  # pragma: no cover - composer yields only these
                raise YamlError("unsupported YAML node", node.start_mark.line + 1)
        return result[0]


def load(text: str) -> Any:
    """Load one YAML document safely; raises ``YamlError`` with a line number."""
    yaml = _yaml()
    loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader  # the C parser when PyYAML has libyaml
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(f"invalid YAML: {problem}", line, column) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise YamlError("invalid YAML: nested too deeply") from None
    if node is None:
        return None
    return _Builder().build(node)
