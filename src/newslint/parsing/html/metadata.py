"""Collect an HTML page's metadata from every place publishers put it, with provenance and positions.

Sources, strongest first: JSON-LD (``NewsArticle`` and friends, ``@graph``, lists, nested authors), meta tags
(OpenGraph, ``article:*``, ``name=author``, Dublin Core and common CMS names), microdata and ``<time>``
elements, ``rel=author``/``.byline`` elements, the ``<h1>`` and ``<title>``, and finally visible "By ...",
"Published: ..." and "Updated: ..." lines near the headline.
"""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

from newslint.document.dates import find_dates, parse_any
from newslint.document.model import Block, Metadata, MetaValue
from newslint.document.positions import LineIndex
from newslint.document.textbuild import fold
from newslint.parsing.html.jsonld import ARTICLE_TYPES, walk_json_ld

META_FIELDS: dict[str, str] = {
    "og:title": "title",
    "twitter:title": "title",
    "dc.title": "title",
    "headline": "title",
    "author": "authors",
    "article:author": "authors",
    "dc.creator": "authors",
    "dcterms.creator": "authors",
    "byl": "authors",
    "parsely-author": "authors",
    "sailthru.author": "authors",
    "citation_author": "authors",
    "article:published_time": "published",
    "og:published_time": "published",
    "article:published": "published",
    "datepublished": "published",
    "date": "published",
    "pubdate": "published",
    "publishdate": "published",
    "publish-date": "published",
    "publish_date": "published",
    "dc.date": "published",
    "dc.date.issued": "published",
    "dcterms.created": "published",
    "dcterms.issued": "published",
    "sailthru.date": "published",
    "parsely-pub-date": "published",
    "ptime": "published",
    "article.published": "published",
    "citation_publication_date": "published",
    "article:modified_time": "modified",
    "og:updated_time": "modified",
    "article:modified": "modified",
    "datemodified": "modified",
    "lastmod": "modified",
    "last-modified": "modified",
    "utime": "modified",
    "dcterms.modified": "modified",
    "article.updated": "modified",
    "og:site_name": "publisher",
    "publisher": "publisher",
    "dc.publisher": "publisher",
    "application-name": "publisher",
    "description": "description",
    "og:description": "description",
    "twitter:description": "description",
    "dc.description": "description",
    "content-language": "language",
    "dc.language": "language",
    "og:url": "canonical",
    "keywords": "tags",
    "news_keywords": "tags",
    "article:tag": "tags",
}

SOURCE_RANK = {
    "json-ld": 0,
    "front-matter": 0,
    "meta": 1,
    "microdata": 2,
    "time": 2,
    "link": 2,
    "byline": 3,
    "heading": 3,
    "title-tag": 4,
    "visible": 5,
}

BYLINE_LINE = re.compile(r"^(?:by|written by|posted by|reported by|authored by|story by)\s*:?\s+(?P<name>.+)$", re.I)
DATE_LINE = re.compile(
    r"^(?:(?P<label>first published|published|posted|updated|last updated|last modified|modified|date)"
    r"(?:\s+on|\s+at)?\s*[:\-|]?\s*)",
    re.I,
)
AUTHOR_CUT = re.compile(
    r"\s*(?:\||•|·|\u2022|/\s|\s-\s|,?\s*(?:updated|published|posted|last updated)\b"
    r"|\bon\s+\w+\s+\d|\d{1,2}[:/.]\d).*$",
    re.I,
)
AUTHOR_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*", re.I)


def clean_author_text(text: str) -> list[str]:
    """Names in a visible byline: "By A and B | Updated: ..." -> ["A", "B"]."""
    text = fold(text)
    m = BYLINE_LINE.match(text)
    if m:
        text = m.group("name")
    text = AUTHOR_CUT.sub("", text).strip(" :,-")
    names = [n.strip(" .,:-") for n in AUTHOR_SPLIT.split(text)]
    return [n for n in names if 1 < len(n) <= 60 and not n.lower().startswith(("http", "www."))]


class MetaCollector:
    """Receives metadata candidates while the page streams by, then orders them."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.meta = Metadata()
        self.problems: list[int] = []  # offsets of JSON-LD scripts that could not be read
        self._values: list[tuple[str, MetaValue]] = []
        self._tags_seen = 0

    def _add(self, name: str, value: MetaValue) -> None:
        value.value = fold(value.value) if name != "canonical" else value.value.strip()
        if value.value:
            self._values.append((name, value))

    # -- streaming callbacks ------------------------------------------------------------------------

    def language(self, attr: tuple[str, int]) -> None:
        raw, at = attr
        self._add("language", MetaValue(raw, "meta", "html[lang]", at, at + len(raw)))

    def meta_tag(self, attrs: dict[str, tuple[str, int]]) -> None:
        content = attrs.get("content") or attrs.get("value")
        if content is None:
            content = attrs.get("value")  # some CMSs and archived copies write value= for content=
        if content is None:
            return
        key_attr = None
        for k in ("property", "name", "itemprop", "http-equiv"):
            if k in attrs:
                key_attr = k
                break
        if key_attr is None:
            return
        key = attrs[key_attr][0].strip().lower()
        field = META_FIELDS.get(key)
        if field is None:
            return
        raw, at = content
        value = unescape(raw)
        if field == "publisher" and value.lower().startswith("http"):
            return
        if field == "authors" and value.lower().startswith("http"):
            # article:author often holds a profile URL, not a name.
            return
        source = "microdata" if key_attr == "itemprop" else "meta"
        detail = f'meta[{key_attr}="{attrs[key_attr][0]}"]'
        if field == "tags":
            for m in re.finditer(r"[^,]+", raw):
                tag = m.group().strip()
                if tag:
                    off = at + m.start() + (len(m.group()) - len(m.group().lstrip()))
                    self._add("tags", MetaValue(unescape(tag), source, detail, off, off + len(tag)))
            return
        mv = MetaValue(value, source, detail, at, at + len(raw))
        if field in ("published", "modified"):
            mv.parsed = parse_any(value)
        self._add(field, mv)

    def link_tag(self, attrs: dict[str, tuple[str, int]]) -> None:
        rel = attrs.get("rel", ("", 0))[0].lower().split()
        href = attrs.get("href")
        if href is None:
            return
        if "canonical" in rel:
            raw, at = href
            self._add("canonical", MetaValue(unescape(raw), "link", "link[rel=canonical]", at, at + len(raw)))

    def title_tag(self, start: int, end: int) -> None:
        raw = self.src[start:end]
        stripped = raw.strip()
        if not stripped:
            return
        at = start + raw.index(stripped[0])
        self._add("title", MetaValue(unescape(stripped), "title-tag", "title", at, at + len(stripped)))

    def json_ld(self, start: int, end: int) -> None:
        raw = self.src[start:end]
        text = raw.strip()
        if text.startswith("<!--"):
            text = text[4:]
        if text.endswith("-->"):
            text = text[:-3]
        text = text.replace("//<![CDATA[", "").replace("//]]>", "").strip()
        if not text:
            return
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            try:
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
            except (ValueError, RecursionError):
                self.problems.append(start)
                return
        self.meta.json_ld.append(data)
        for obj in walk_json_ld(data):
            self._article_object(obj, start, end)

    def _locate(self, key: str, value: str, start: int, end: int) -> tuple[int | None, int | None]:
        src = self.src
        k = src.find(f'"{key}"', start, end)
        if k < 0:
            k = start
        for form in (json.dumps(value, ensure_ascii=False)[1:-1], value):
            if not form:
                continue
            i = src.find(form, k, end)
            if i >= 0:
                return i, i + len(form)
        return None, None

    def _json_value(self, field: str, key: str, value: Any, start: int, end: int) -> None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            return
        a, b = self._locate(key, value, start, end)
        mv = MetaValue(value, "json-ld", key, a, b)
        if field in ("published", "modified"):
            mv.parsed = parse_any(value)
        self._add(field, mv)

    def _article_object(self, obj: dict[str, Any], start: int, end: int) -> None:
        types = obj.get("@type")
        type_list = types if isinstance(types, list) else [types]
        if not any(isinstance(t, str) and t in ARTICLE_TYPES for t in type_list):
            return
        for key, field in (
            ("headline", "title"),
            ("datePublished", "published"),
            ("dateModified", "modified"),
            ("description", "description"),
            ("inLanguage", "language"),
        ):
            if key in obj:
                self._json_value(field, key, obj[key], start, end)
        if "headline" not in obj and "name" in obj:
            self._json_value("title", "name", obj["name"], start, end)
        if "datePublished" not in obj and "dateCreated" in obj:
            self._json_value("published", "dateCreated", obj["dateCreated"], start, end)
        for key in ("author", "creator"):
            authors = obj.get(key)
            for author in authors if isinstance(authors, list) else [authors]:
                if isinstance(author, dict):
                    name = author.get("name")
                    if isinstance(name, list):
                        name = next((n for n in name if isinstance(n, str)), None)
                    self._json_value("authors", key, name, start, end)
                elif isinstance(author, str) and not author.lower().startswith("http"):
                    self._json_value("authors", key, author, start, end)
        publisher = obj.get("publisher")
        for pub in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(pub, dict):
                self._json_value("publisher", "publisher", pub.get("name"), start, end)
            elif isinstance(pub, str):
                self._json_value("publisher", "publisher", pub, start, end)
        page = obj.get("mainEntityOfPage")
        url = page.get("@id") if isinstance(page, dict) else page if isinstance(page, str) else obj.get("url")
        if isinstance(url, str) and url.startswith("http"):
            self._json_value("canonical", "url", url, start, end)
        keywords = obj.get("keywords")
        if isinstance(keywords, str):
            keywords = [k for k in keywords.split(",")]
        if isinstance(keywords, list):
            for kw in keywords[:50]:
                if isinstance(kw, str) and kw.strip():
                    self._json_value("tags", "keywords", kw.strip(), start, end)

    def author_attr(self, attr: tuple[str, int], furniture: bool, elem: object) -> None:
        if furniture:
            return
        raw, at = attr
        self._add("authors", MetaValue(unescape(raw), "microdata", "[itemprop=author][content]", at, at + len(raw)))

    def author_text(self, text: str, a: int, b: int) -> None:
        names = clean_author_text(text)
        src = self.src
        for name in names[:6]:
            i = src.find(name, a, b)
            s, e = (i, i + len(name)) if i >= 0 else (a, b)
            self._add("authors", MetaValue(name, "byline", "byline element", s, e))

    def date_text(self, kind: str, text: str, a: int, b: int) -> None:
        field = "modified" if kind == "datemodified" else "published"
        found = find_dates(text)
        if found:
            self._add(field, MetaValue(text, "microdata", f"[itemprop={kind}]", a, b, found[0].value))

    def time_value(self, kind: str, a: int, b: int, tag: str) -> None:
        raw = unescape(self.src[a:b])
        field = "modified" if kind == "datemodified" else "published"
        source = "time" if tag == "time" else "microdata"
        detail = "time[datetime]" if tag == "time" else f"[itemprop={kind}]"
        self._add(field, MetaValue(raw, source, detail, a, b, parse_any(raw)))

    def problems_as_text(self, lines: LineIndex) -> list[str]:
        return [f"line {lines.line_col(at)[0]}: JSON-LD is not valid JSON; it was ignored" for at in self.problems]

    # -- final ordering -----------------------------------------------------------------------------

    def _visible(self, blocks: list[Block], headline: Block | None) -> None:
        """Bylines and dates written as text near the headline."""
        if headline is not None:
            start = headline.index
        else:
            start = next((b.index for b in blocks if b.body), 0)
        window = blocks[start : start + 14]
        seen_dates = 0
        for block in window:
            text = block.text
            if not text or len(text) > 200 or block.kind in ("image", "blockquote"):  # quotes: embedded posts
                continue
            m = BYLINE_LINE.match(text)
            if m:
                for name in clean_author_text(text):
                    i = text.find(name)
                    if i >= 0:
                        s, e = block.source_span(i, i + len(name))
                        self._add("authors", MetaValue(name, "visible", "'By' line", s, e))
            label = DATE_LINE.match(text)
            dates = find_dates(text)
            if not dates or seen_dates >= 2:
                continue
            if label is None and len(text) > 80 and m is None:
                continue
            for found in dates[:2]:
                # "Updated" names the modification date; everything else the publication date.
                before = text[: found.start].lower()
                field = "modified" if ("updated" in before or "modified" in before) else "published"
                s, e = block.source_span(found.start, found.end)
                mv = MetaValue(text[found.start : found.end], "visible", "visible date", s, e, found.value)
                self._add(field, mv)
                seen_dates += 1

    def finish(self, blocks: list[Block], headline: Block | None) -> Metadata:
        if headline is not None:
            s, e = headline.source_span(0, len(headline.text))
            self._add("title", MetaValue(headline.text, "heading", "h1", s, e))
        self._visible(blocks, headline)
        ordered = sorted(enumerate(self._values), key=lambda iv: (SOURCE_RANK.get(iv[1][1].source, 9), iv[0]))
        for _, (name, value) in ordered:
            self.meta.add(name, value)
        return self.meta
