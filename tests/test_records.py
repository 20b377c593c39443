"""newslint.document.records: the three kinds of record keep the behaviour the dataclasses they replaced had."""

from __future__ import annotations

import copy
import pickle
from datetime import date

import pytest

from newslint.document.model import Block, Link
from newslint.running.findings import Finding
from newslint.parsing.html.selectors import HtmlSelectors
from newslint.document.positions import TextMap
from newslint.document.records import FrozenRecord, IdentityRecord, Record
from newslint.running.one_file import CheckSettings


def finding(**changes: object) -> Finding:
    values: dict = dict(
        path="a.md", rule="r", severity="error", message="m", line=1, column=2, end_line=1, end_column=5
    )
    values.update(changes)
    return Finding(**values)


def test_a_record_equals_a_record_of_its_class_with_equal_fields_and_is_not_hashable():
    assert finding() == finding()
    assert finding() != finding(column=3)
    assert Link(0, 4, "/x") != Finding.__new__(Finding)  # another class: never equal
    with pytest.raises(TypeError):
        hash(finding())


def test_an_identity_record_equals_only_itself_and_hashes_by_identity():
    a, b = Block(0, "paragraph", "text", TextMap()), Block(0, "paragraph", "text", TextMap())
    assert a == a and a != b
    assert len({a, b}) == 2


def test_a_frozen_record_cannot_change_and_hashes_by_its_fields():
    selectors = HtmlSelectors(("article",), ())
    with pytest.raises(AttributeError, match="frozen"):
        selectors.content = ()  # type: ignore[misc]
    with pytest.raises(AttributeError, match="frozen"):
        del selectors.content
    assert hash(selectors) == hash(HtmlSelectors(("article",), ()))
    assert {selectors, HtmlSelectors(("article",), ())} == {selectors}


def test_repr_names_the_class_and_every_field():
    assert repr(Link(0, 4, "/x")) == "Link(start=0, end=4, href='/x', href_start=None, href_end=None)"


def test_a_record_that_contains_itself_has_a_repr():
    class Node(Record):
        _fields = ("child",)

        def __init__(self) -> None:
            self.child: object = self

    assert repr(Node()).endswith(".Node(child=...)")


def test_records_survive_pickling_and_copying():
    # Results cross process boundaries with --jobs; slotted records have no __dict__ to pickle.
    original = finding(snippet="guaranteed")
    assert pickle.loads(pickle.dumps(original)) == original
    assert copy.deepcopy(original) == original
    assert not hasattr(original, "__dict__")
    settings = CheckSettings(now=date(2026, 11, 29))
    assert pickle.loads(pickle.dumps(settings)) == settings
    frozen = HtmlSelectors(("article",), ("aside",))  # restored without the refused __setattr__
    assert pickle.loads(pickle.dumps(frozen)) == frozen
    assert copy.deepcopy(frozen) == frozen


def test_every_record_lists_exactly_the_fields_its_init_sets():
    import importlib
    import inspect
    from pathlib import Path

    import newslint

    root = Path(newslint.__file__).parent
    checked = 0
    for path in sorted(root.rglob("*.py")):
        name = ".".join(("newslint", *path.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        if name.endswith("__main__"):
            continue
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, Record):
                continue
            if cls in (Record, IdentityRecord, FrozenRecord):
                continue
            params = list(inspect.signature(cls.__init__).parameters)[1:]
            assert tuple(params) == cls._fields, cls.__qualname__
            checked += 1
    assert checked >= 50
