"""Golden files for every output format: the real command line's output, byte for byte.

Regenerate with ``python tests/golden/regenerate.py`` (all sets) after an intended change, and review the
diff.
"""

from __future__ import annotations

import json

import pytest

from golden.regenerate import GOLDEN, ROOT, cases, run_case
from newslint.rules.loader import builtin_pack_files


def check_set(name: str, filename: str, args: list[str]) -> None:
    folder = GOLDEN / name
    golden = folder / filename
    if not golden.is_file():
        pytest.fail(f"no golden {golden.relative_to(ROOT)}: run `python tests/golden/regenerate.py {name}`")
    codes = json.loads((folder / "exit-codes.json").read_text(encoding="utf-8"))
    code, out = run_case(args)
    assert out == golden.read_text(encoding="utf-8"), f"{filename} differs from its golden"
    assert code == codes[filename]


@pytest.mark.parametrize(("filename", "args"), sorted(cases("workflow").items()))
def test_workflow_goldens(filename: str, args: list[str]) -> None:
    check_set("workflow", filename, args)


@pytest.mark.parametrize(("filename", "args"), sorted(cases("examples").items()))
def test_examples_goldens(filename: str, args: list[str]) -> None:
    if not (ROOT / "examples").is_dir() or not any((ROOT / "examples").iterdir()):
        pytest.skip("no examples/ on this branch: the example goldens come with the examples")
    if not builtin_pack_files():
        pytest.skip("no built-in packs (rules/*.yaml) on this branch: the example goldens need them")
    check_set("examples", filename, args)


def test_workflow_goldens_validate_as_sarif_and_xml() -> None:
    import xml.etree.ElementTree as ET

    import jsonschema

    schema = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    sarif = json.loads((GOLDEN / "workflow" / "sarif.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(sarif)
    ET.fromstring((GOLDEN / "workflow" / "junit.xml").read_text(encoding="utf-8"))
