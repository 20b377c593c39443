"""``newslint inspect``: what the parser extracted, so a user can see why a rule fired or did not."""

from __future__ import annotations

import functools
import json
from typing import Any

from newslint.document.model import METADATA_FIELDS, Document, MetaValue


def _value(doc: Document, mv: MetaValue) -> dict[str, Any]:
    out: dict[str, Any] = {"value": mv.value, "source": mv.source, "detail": mv.detail}
    if mv.parsed is not None:
        out["iso"] = mv.parsed.isoformat()
    if mv.start is not None:
        line, col = doc.line_col(mv.start)
        out["line"], out["column"] = line, col
    else:
        out["line"] = out["column"] = None
    return out


def inspect_data(doc: Document) -> dict[str, Any]:
    meta = doc.metadata
    metadata: dict[str, Any] = {}
    for name in METADATA_FIELDS:
        values = [_value(doc, mv) for mv in meta.get(name)]
        if name == "authors":
            metadata["authors"] = values
        elif name in ("tags", "types"):
            metadata[name] = values
        else:
            metadata[name] = values[0] if values else None
            if len(values) > 1:
                metadata[f"{name}_candidates"] = values[1:]
    for name in ("published", "modified"):
        date_entry = metadata.get(name)
        if date_entry is not None:
            date_entry.setdefault("iso", None)
    metadata["front_matter"] = _jsonable(meta.front_matter)
    metadata["json_ld"] = _jsonable(meta.json_ld)
    from newslint.language.languages import page_language
    from newslint.language.voices import Voices

    voices = Voices(doc)
    languages = voices.languages
    blocks = []
    for b in doc.blocks:
        s = b.tmap.source_start(0)
        line, col = doc.line_col(s)
        entry: dict[str, Any] = {
            "index": b.index,
            "kind": b.kind,
            "region": "body" if b.body else "furniture",
            "section": doc.blocks[b.section].text if b.section is not None else None,
            "line": line,
            "column": col,
            "text": b.text,
        }
        if b.level:
            entry["level"] = b.level
        if b.links:
            entry["links"] = [lk.href for lk in b.links]
        if b.src:
            entry["src"] = b.src
        # Which language the block is read in (its lexicons and the rule patterns declared for it).
        entry["language"] = languages.of(b) if b.kind != "image" and b.text else None
        # Whose text it is: the stretches that are quoted or reported (the rest is the page's own).
        entry["voices"] = voices.describe(b) if b.kind != "image" else []
        blocks.append(entry)
    return {
        "path": doc.path,
        "format": doc.format,
        "encoding": doc.encoding,
        "body_container": doc.body_container,
        "page_language": page_language(doc) or None,
        "metadata": metadata,
        "blocks": blocks,
        "warnings": doc.warnings,
        # A page that promotes investment services itself owns every quotation on it (testimonials, slogans).
        "self_promotion": voices.self_promotion,
        # article, own-page, advertiser-page or not-an-article (``page_kind``), as the built-in rules decide it
        "page_kind": page_kind(doc),
    }


def page_kind(doc: Document) -> str:
    """The page's kind (``newslint.language.page_kind``) with the built-in packs' classes, as ``check`` decides it
    (its headline a call to action when the built-in promotion class holds it)."""
    from datetime import date

    from newslint.language.context import Context

    return Context(doc, date.today(), _builtin_classes(), 10.0).page_kind()


@functools.cache
def _builtin_classes() -> dict[str, Any]:
    """The built-in packs' block classes, loaded once per process."""
    from newslint.rules.loader import load_rules

    return load_rules([]).classes


MAX_DEPTH = 64


def _jsonable(value: Any, budget: list[int] | None = None, depth: int = 0) -> Any:
    """A JSON-safe copy of front matter or JSON-LD (dates as ISO strings), bounded in size and depth.

    JSON-LD or front matter nested hundreds deep (valid, and within the parsers' limits) made this copy and
    ``json.dumps`` overflow the stack: nothing below ``MAX_DEPTH`` is shown.
    """
    budget = budget if budget is not None else [20_000]
    budget[0] -= 1
    if budget[0] < 0 or depth >= MAX_DEPTH:
        return "..."
    if isinstance(value, dict):
        return {str(k): _jsonable(v, budget, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, budget, depth + 1) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def render_inspect(doc: Document, fmt: str) -> str:
    data = inspect_data(doc)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    out = [f"{doc.path} ({doc.format}, {doc.encoding})"]
    if doc.body_container:
        out.append(f"body: {doc.body_container}")
    out.append("")
    out.append("metadata:")
    for name in METADATA_FIELDS:
        values = doc.metadata.get(name)
        if not values:
            out.append(f"  {name:<12} -")
            continue
        for i, mv in enumerate(values):
            where = "?"
            if mv.start is not None:
                line, col = doc.line_col(mv.start)
                where = f"{line}:{col}"
            label = name if i == 0 else ""
            parsed = f" [{mv.parsed.isoformat()}]" if mv.parsed is not None else ""
            out.append(f"  {label:<12} {mv.value!r}{parsed}  <- {mv.source} {mv.detail} at {where}")
    out.append("")
    out.append("blocks (where, region, kind, language: en, hi or hinglish, text):")
    for entry in data["blocks"]:
        kind = entry["kind"] + (str(entry.get("level", "")) if entry["kind"] == "heading" else "")
        text = entry["text"]
        if len(text) > 100:
            text = text[:97] + "..."
        region = "body" if entry["region"] == "body" else "furn"
        section = entry["section"]
        if section:
            section = section if len(section) <= 24 else section[:21] + "..."
            text = f"[{section}] {text}"
        where = f"{entry['line']}:{entry['column']}"
        language = entry["language"] or ""
        out.append(f"  {where:<9} {region:<4} {kind:<11} {language:<8} {text}")
        for span in entry["voices"]:
            said = str(span["text"])
            said = said if len(said) <= 80 else said[:77] + "..."
            out.append(f"  {'':<9} {'':<4} {'':<11} {'':<8} ({span['voice']}) {said}")
    out.append(f"page kind: {data['page_kind']}")
    if data["self_promotion"]:
        out.append("speaker: the page promotes investment services itself; its quotations count as its own claims")
    for warning in doc.warnings:
        out.append(f"warning: {warning}")
    return "\n".join(out) + "\n"
