"""Split YAML (``---``) or TOML (``+++``) front matter from a Markdown file and read article metadata from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newslint.document.dates import parse_any
from newslint.document.model import Metadata, MetaValue
from newslint.files.yaml_positions import YamlError, YList, YMap, load
from newslint.parsing.html.bylines import split_name_list

_YAML_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_TOML_FENCE = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\r?\n(.*?)(?:^|\r?\n)\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M)

FIELD_KEYS = {
    "title": ("title", "headline"),
    # (Hindi sites' generators also write the keys in Hindi: "लेखक", "तारीख")
    "authors": ("author", "authors", "by", "byline", "writer", "writers", "reporter", "लेखक"),
    "published": (
        "date",
        "published",
        "publishdate",
        "publish_date",
        "pubdate",
        "datepublished",
        "date_published",
        "published_at",
        "publishedat",
        "created",
        "created_at",
        "तारीख",
        "दिनांक",
    ),
    "modified": ("lastmod", "updated", "modified", "last_modified", "datemodified", "updated_at", "date_modified"),
    "publisher": ("publisher", "site", "source"),
    "description": ("description", "summary"),
    "language": ("lang", "language", "locale"),
    "canonical": ("canonical", "canonicalurl", "canonical_url", "url"),
    "tags": ("tags", "keywords"),
}


@dataclass(init=False)
class FrontMatter:
    data: dict[str, Any] | None
    body_start: int
    start: int
    kind: str
    problems: list[str]

    def __init__(
        self,
        data: dict[str, Any] | None,
        body_start: int,
        start: int,
        kind: str = "",
        problems: list[str] | None = None,
    ) -> None:
        self.data = data
        self.body_start = body_start  # offset in the source where the Markdown body starts
        self.start = start  # offset of the front matter text
        self.kind = kind  # yaml | toml | ""
        self.problems = [] if problems is None else problems


def split_front_matter(text: str) -> FrontMatter:
    m = _YAML_FENCE.match(text)
    if m:
        inner_start = m.start(1)
        fm = FrontMatter(None, m.end(), inner_start, "yaml")
        try:
            data = load(m.group(1))
        except YamlError as exc:
            line = text.count("\n", 0, inner_start) + exc.line
            fm.problems.append(f"front matter is not valid YAML (line {line}): {exc.message}")
            return fm
        if data is not None and not isinstance(data, dict):
            fm.problems.append("front matter is not a mapping")
            return fm
        fm.data = data
        return fm
    m = _TOML_FENCE.match(text)
    if m:
        import tomllib

        fm = FrontMatter(None, m.end(), m.start(1), "toml")
        try:
            fm.data = tomllib.loads(m.group(1))
        except (tomllib.TOMLDecodeError, RecursionError) as exc:
            fm.problems.append(f"front matter is not valid TOML: {exc}")
        except ValueError:  # an integer of over 4,300 digits: Python refuses to build it
            fm.problems.append("front matter is not valid TOML: a number is too long")
        return fm
    return FrontMatter(None, 0, 0, "")


def _scalar_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and value.bit_length() > 256:
        return None  # a TOML hexadecimal integer of thousands of digits: no metadata value, and str() refuses it
    if isinstance(value, (int, float, str)):
        return str(value)
    return None


def _locate(src: str, fm: FrontMatter, container: Any, key: Any, text: str) -> tuple[int | None, int | None]:
    """Offsets of a value in the source: from the YAML node position, else by searching the raw text."""
    pos = None
    if isinstance(container, YMap):
        pos = container.value_pos.get(key)
    elif isinstance(container, YList) and isinstance(key, int) and key < len(container.item_pos):
        pos = container.item_pos[key]
    if pos is not None:
        a = fm.start + pos.start
        b = fm.start + pos.end
        # Plain scalars: the node spans the value; quoted ones include the quotes.
        if b - a >= 2 and src[a] in "'\"" and src[b - 1] == src[a]:
            a, b = a + 1, b - 1
        return a, b
    i = src.find(text, fm.start, fm.body_start)
    return (i, i + len(text)) if i >= 0 else (None, None)


def _split_people(value: tuple[str, int | None, int | None], src: str) -> list[tuple[str, int | None, int | None]]:
    """``author: "A, B and C"``: one value per person, each at its place (see ``split_name_list``)."""
    text, a, b = value
    names = split_name_list(text)
    if names is None or a is None or b is None or src[a:b] != text:
        return [value]
    return [(name, a + at, a + at + len(name)) for name, at in names]


def metadata_from_front_matter(src: str, fm: FrontMatter, meta: Metadata) -> None:
    data = fm.data
    if not data:
        return
    meta.front_matter = dict(data)
    lowered = {str(k).lower(): k for k in data}
    for field_name, keys in FIELD_KEYS.items():
        for key in keys:
            if key not in lowered:
                continue
            real = lowered[key]
            value = data[real]
            items: list[tuple[Any, Any, Any]]
            if isinstance(value, list):
                items = [(value, i, v) for i, v in enumerate(value)]
            else:
                items = [(data, real, value)]
            for container, ckey, item in items:
                if isinstance(item, dict):
                    name = item.get("name")
                    text = _scalar_text(name)
                    container, ckey = item, "name"
                else:
                    text = _scalar_text(item)
                if not text:
                    continue
                if field_name == "tags" and isinstance(item, str) and "," in item and not isinstance(value, list):
                    parts = [p.strip() for p in item.split(",") if p.strip()]
                else:
                    parts = [text]
                located = [(part, *_locate(src, fm, container, ckey, part)) for part in parts]
                if field_name == "authors" and len(parts) == 1:
                    located = _split_people(located[0], src)
                for part, a, b in located:
                    if len(parts) > 1:
                        i = src.find(part, a or fm.start, fm.body_start)
                        a, b = (i, i + len(part)) if i >= 0 else (a, b)
                    mv = MetaValue(part, "front-matter", str(real), a, b)
                    if field_name in ("published", "modified"):
                        raw = src[a:b] if a is not None and b is not None else part
                        mv.value = raw.strip() or part
                        mv.parsed = parse_any(part)
                    meta.add(field_name, mv)
