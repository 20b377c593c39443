"""``newslint rules`` (a table of the rules) and ``newslint explain RULE`` (one rule in full)."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from newslint.language.model import Example, Rule

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def rule_data(rule: Rule, severity: str | None = None) -> dict[str, Any]:
    return {
        "id": rule.id,
        "pack": rule.pack,
        "severity": severity or rule.severity,
        "default_severity": rule.severity,
        "summary": rule.summary,
        "description": rule.description,
        "references": list(rule.references),
        "kind": rule.kind,
        "scope": list(rule.scope),
        "message": rule.message,
        "voices": list(rule.voices),
        "pages": rule.pages,
        "languages": dict(rule.languages),
        "definitions": list(rule.definitions),
        "file": rule.file,
        "line": rule.line,
        "examples": {
            "fail": [_example_data(e) for e in rule.fail_examples],
            "pass": [_example_data(e) for e in rule.pass_examples],
        },
    }


def _example_data(example: Example) -> dict[str, str]:
    return {"text": example.text, "format": example.format}


def render_rules(rules: list[Rule], severities: dict[str, str], output_format: str) -> str:
    ordered = sorted(rules, key=lambda r: (r.pack, r.id))
    if output_format == "json":
        rows = [
            {
                k: v
                for k, v in rule_data(r, severities.get(r.id)).items()
                if k in ("id", "pack", "severity", "summary", "kind")
            }
            for r in ordered
        ]
        out: dict[str, Any] = {"rules": rows}
        # With the built-in packs: which rule checks each obligation, or why none can (rules/coverage).
        from newslint.rules.coverage import coverage_for

        coverage = coverage_for({r.id for r in ordered})
        if coverage:
            out["coverage"] = coverage
        return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
    if not ordered:
        return "No rules.\n"
    header = ("RULE", "PACK", "SEVERITY", "SUMMARY")
    rows_text = [(r.id, r.pack, severities.get(r.id, r.severity), r.summary) for r in ordered]
    w_id = max(len(header[0]), *(len(r[0]) for r in rows_text))
    w_pack = max(len(header[1]), *(len(r[1]) for r in rows_text))
    w_sev = max(len(header[2]), *(len(r[2]) for r in rows_text))
    lines = [f"{a:<{w_id}}  {b:<{w_pack}}  {c:<{w_sev}}  {d}".rstrip() for a, b, c, d in [header, *rows_text]]
    noun = "rule" if len(ordered) == 1 else "rules"
    packs = len({r.pack for r in ordered})
    lines.append(f"\n{len(ordered)} {noun} in {packs} pack{'s' if packs != 1 else ''}.")
    return "\n".join(lines) + "\n"


def _indent(text: str, prefix: str = "    ") -> str:
    return textwrap.indent(text.rstrip("\n"), prefix, lambda _line: True)


def render_explain(rule: Rule, severity: str | None, output_format: str) -> str:
    if output_format == "json":
        return json.dumps(rule_data(rule, severity), indent=2, ensure_ascii=False) + "\n"
    sev = severity or rule.severity
    graded = f"{sev} (default {rule.severity})" if sev != rule.severity else sev
    out = [f"{rule.id}", "=" * len(rule.id), ""]
    if rule.summary:
        out += [rule.summary, ""]
    out += [
        f"Pack:      {rule.pack}",
        f"Severity:  {graded}",
        f"Check:     {rule.kind}",
        f"Scope:     {', '.join(rule.scope)}",
        f"Message:   {rule.message}",
        f"Voices:    {_voices_line(rule.voices)}",
    ]
    if rule.pages == "articles":
        out.append(
            "Pages:     articles (not a regulated advertiser's own page: a broker's or fund house's product page)"
        )
    if rule.languages:
        out.append(f"Languages: {_languages_line(rule.languages)}")
    if rule.definitions:
        out.append(f"Uses:      {', '.join(sorted(rule.definitions))} (shared definitions)")
    if rule.file and rule.file != "<code>":
        out.append(f"Defined:   {rule.file}:{rule.line}")
    elif rule.file == "<code>":
        out.append("Defined:   in newslint's code")
    out += [
        "",
        "Why it matters:",
        textwrap.fill(rule.description, 100, initial_indent="    ", subsequent_indent="    "),
    ]
    if rule.references:
        out += ["", "References:", *(f"    - {r}" for r in rule.references)]
    for title, examples in (("Fails on", rule.fail_examples), ("Passes on", rule.pass_examples)):
        if examples:
            out += ["", f"{title}:"]
            for i, example in enumerate(examples):
                # Numbered, not separated by "---": an example's own front matter is fenced by "---" lines.
                if len(examples) > 1:
                    out.append(f"  {i + 1}.")
                out.append(_indent(example.text))
    return "\n".join(out) + "\n"


_VOICE_WORDS = {
    "own": "the page's own text",
    "quoted": "quotations",
    "reported": "reported speech (said, alleged, according to...)",
}


def _voices_line(voices: tuple[str, ...]) -> str:
    """Whose text the rule reports, in words (see docs/claims-and-languages.md)."""
    if set(voices) >= set(_VOICE_WORDS):
        return "any (own text, quotations and reported speech)"
    left_out = [_VOICE_WORDS[v] for v in _VOICE_WORDS if v not in voices]
    return f"{', '.join(voices)} ({'; '.join(_VOICE_WORDS[v] for v in voices)}; not {' or '.join(left_out)})"


_LANGUAGE_WORDS = {"en": "English", "hi": "Hindi", "hinglish": "Hinglish"}


def _languages_line(languages: dict[str, int]) -> str:
    """In which blocks the rule's reported patterns apply, by the languages they declare (``lang:``)."""

    def words(key: str) -> str:
        if key == "any":
            return "every block"
        return " or ".join(_LANGUAGE_WORDS.get(k, k) for k in key.split(", ")) + " blocks"

    parts = [f"{n} pattern{'s' if n != 1 else ''} in {words(key)}" for key, n in sorted(languages.items())]
    return "; ".join(parts)


def closest_ids(rule_id: str, rules: list[Rule]) -> list[str]:
    import difflib

    ids = [r.id for r in rules]
    return difflib.get_close_matches(rule_id, ids, n=3, cutoff=0.5)
