"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

* ``tool.driver``: name, version, ``informationUri``, and every rule of the run (id, ``shortDescription`` =
  the summary, ``fullDescription`` = the description, ``helpUri`` = the rule's first http(s) reference,
  ``help`` = description plus all references, ``defaultConfiguration.level``, the pack as a tag).
* ``results``: ``ruleId``/``ruleIndex``, ``level`` (info is SARIF's ``note``), the message, one location with
  a relative ``/``-separated, percent-encoded URI (``uriBaseId`` ``%SRCROOT%``) and a region
  (``startLine``, ``startColumn``, ``endLine``, ``endColumn``, exclusive end, as SARIF defines it) with the
  snippet; ``fixes`` for findings whose fix can be applied as is (a suggestion that spans markup is only
  shown in ``properties.suggestion``).
* Columns count Unicode code points (``columnKind: unicodeCodePoints``), as newslint's do.
* A file that could not be read is a ``toolExecutionNotifications`` entry, and ``executionSuccessful`` is
  false.

No timestamps and no absolute paths: the same input gives byte-identical output. The rule table and the
artifacts come before the results, so the results are spooled to a temporary file and written from it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newslint.language.model import Rule
from newslint.output.json_stream import pieces, placeholder
from newslint.output.report import RunReport
from newslint.running.findings import Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://newslint.dev"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ENGINE_RULES = {
    "newslint-rule-timeout": "A rule ran past its time limit on a file and was stopped.",
    "newslint-pattern-error": "A rule's pattern failed on a file.",
}


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference with ``/``; an absolute one as a ``file:`` URI. The name's bytes are
    percent-encoded, so a name that is not UTF-8 keeps its exact bytes (``%FF``)."""
    absolute = False
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:
            rel = ""
        if not rel or rel.startswith(".."):
            absolute = True
        else:
            path = rel
    raw = path.replace(os.sep, "/").encode("utf-8", "surrogateescape" if _escaped_only(path) else "surrogatepass")
    if absolute:
        return Path(path).as_uri() if raw.isascii() and "%" not in path else "file://" + quote(raw, safe="/")
    return quote(raw, safe="/")


def _escaped_only(path: str) -> bool:
    """Whether every surrogate in ``path`` is a surrogate escape of a byte (what ``os.fsdecode`` makes)."""
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in path)


def _http_references(rule: Rule) -> list[str]:
    return [r for r in rule.references if r.startswith(("https://", "http://"))]


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    summary = rule.summary or rule.description or rule.id
    out: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.description or summary},
    }
    links = _http_references(rule)
    if links:
        out["helpUri"] = links[0]
    help_lines = [rule.description or summary]
    if rule.references:
        help_lines.append("References: " + "; ".join(rule.references))
    markdown = [rule.description or summary]
    if rule.references:
        markdown.append("References:\n" + "\n".join(f"- {r}" for r in rule.references))
    out["help"] = {"text": "\n\n".join(help_lines), "markdown": "\n\n".join(markdown)}
    out["defaultConfiguration"] = {"level": LEVELS.get(rule.severity, "warning")}
    out["properties"] = {"tags": [rule.pack], "kind": rule.kind}
    return out


def _engine_descriptor(rule_id: str) -> dict[str, Any]:
    text = ENGINE_RULES.get(rule_id, rule_id)
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["newslint"]},
    }


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(f: Finding, index: int, uri: str, artifact: int) -> dict[str, Any]:
    region: dict[str, Any] = _region(f.line, f.column, f.end_line, f.end_column)
    if f.snippet:
        region["snippet"] = {"text": f.snippet}
    location = {
        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%", "index": artifact},
        "region": region,
    }
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": location}],
    }
    if f.fix is not None:
        fx = f.fix
        if fx.safe:
            out["fixes"] = [
                {
                    "description": {"text": f"Replace with {fx.replacement!r}" if fx.replacement else "Remove it"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%", "index": artifact},
                            "replacements": [
                                {
                                    "deletedRegion": _region(fx.line, fx.column, fx.end_line, fx.end_column),
                                    "insertedContent": {"text": fx.replacement},
                                }
                            ],
                        }
                    ],
                }
            ]
        else:
            out["properties"] = {"suggestion": fx.replacement}
    return out


def render(report: RunReport) -> str:
    return "".join(chunks(report))


def chunks(report: RunReport) -> Iterator[str]:
    """The log in pieces: the rule table and the artifacts need the whole run, so the results are spooled
    first (see ``output.report``), then written one at a time."""
    report.spool()
    used_ids = sorted(report.used_rules - set(report.rules))
    rules = sorted(report.rules.values(), key=lambda r: r.id)
    descriptors = [rule_descriptor(r) for r in rules] + [_engine_descriptor(rid) for rid in used_ids]
    index_of = {d["id"]: i for i, d in enumerate(descriptors)}
    notifications = [
        {
            "level": "error",
            "message": {"text": r.error},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path), "uriBaseId": "%SRCROOT%"}}}
            ],
        }
        for r in report.errors
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "newslint",
                "version": report.version,
                "semanticVersion": report.version,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "invocations": [invocation],
        "artifacts": placeholder("artifacts"),
        "results": placeholder("results"),
        "columnKind": "unicodeCodePoints",
    }
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    if report.is_list:
        paths = sorted({r.path for r in report.each()})
        artifact_of = {p: i for i, p in enumerate(paths)}
        artifacts: Iterator[dict[str, Any]] = (
            {"location": {"uri": artifact_uri(p), "uriBaseId": "%SRCROOT%"}} for p in paths
        )
        results: Iterator[dict[str, Any]] = (
            _result(f, index_of[f.rule], artifact_uri(f.path), artifact_of[f.path]) for _r, f in report.each_finding()
        )
    else:  # streamed: the files come sorted by path, so an artifact's index is the count of paths before it
        artifacts = ({"location": {"uri": artifact_uri(p), "uriBaseId": "%SRCROOT%"}} for p in _paths(report))
        results = _streamed_results(report, index_of)
    yield from pieces(sarif, {"artifacts": artifacts, "results": results})


def _paths(report: RunReport) -> Iterator[str]:
    """The distinct paths of a streamed report, in order."""
    last = None
    for result in report.each():
        if result.path != last:
            last = result.path
            yield last


def _streamed_results(report: RunReport, index_of: dict[str, int]) -> Iterator[dict[str, Any]]:
    """The results of a streamed report, one pass: a finding's artifact is the count of distinct paths before."""
    artifact = -1
    last = None
    for result in report.each():
        if result.path != last:
            artifact += 1
            last = result.path
        for f in sorted(result.findings, key=Finding.sort_key):
            yield _result(f, index_of[f.rule], artifact_uri(f.path), artifact)
