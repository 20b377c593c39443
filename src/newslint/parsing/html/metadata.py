"""Collect an HTML page's metadata from every place publishers put it, with provenance and positions.

Sources, strongest first: JSON-LD (``NewsArticle`` and friends, ``@graph``, lists, nested authors), meta tags
(OpenGraph, ``article:*``, ``name=author``, Dublin Core and common CMS names), microdata and ``<time>``
elements, ``rel=author``/``.byline`` elements, the ``<h1>`` and ``<title>``, and finally visible "By ...",
"Published: ..." and "Updated: ..." lines near the headline.
"""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape
from typing import Any

from newslint.document.dates import FoundDate, find_dates, impossible_dates, parse_any
from newslint.document.model import UPDATED_COPY, Block, Metadata, MetaValue
from newslint.document.positions import LineIndex
from newslint.document.textbuild import fold
from newslint.parsing.html.bylines import byline_line, clean_author_text, is_credit, split_name_list
from newslint.parsing.html.jsonld import READ_TYPES, declared_types, walk_json_ld
from newslint.parsing.html.media_credits import media_credits
from newslint.parsing.html.tolerant_json import JStr, parse_values

META_FIELDS: dict[str, str] = {
    "og:title": "title",
    "twitter:title": "title",
    "dc.title": "title",
    "headline": "title",
    "author": "authors",
    "article:author": "authors",
    "og:article:author": "authors",
    "dc.creator": "authors",
    "dcterms.creator": "authors",
    "byl": "authors",
    "parsely-author": "authors",
    "sailthru.author": "authors",
    "citation_author": "authors",
    "article:published_time": "published",
    "og:published_time": "published",
    "og:article:published_time": "published",
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
    "og:article:modified_time": "modified",
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
    "og:type": "types",
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

_WRITTEN_BYLINES = frozenset(("byline", "visible"))
_BYL_LEAD = re.compile(r"\s*by\s+", re.IGNORECASE)
# Meta tags that name some date of the page (often the last crawl or change), not surely its publication.
_GENERIC_DATE_TAGS = frozenset(
    f'meta[name="{key}"]' for key in ("date", "sailthru.date", "dc.date", "pubdate", "lastmod", "last-modified")
)

DATE_LINE = re.compile(
    r"^(?:(?P<label>first published|published|posted|updated|last updated|last modified|modified|date|"
    r"प्रकाशित|प्रकाशन|अपडेटेड|अपडेट|तारीख)"
    r"(?:\s+on|\s+at)?\s*[:\-|]?\s*)",
    re.I,
)


# Quotes are embedded posts; table cells, list items and captions hold data and other stories' dates.
_NOT_META_KINDS = frozenset(("image", "blockquote", "table-cell", "list-item", "caption"))
_MAY_HOLD_DATE = re.compile(r"\d{4}")
_UPDATED = re.compile(r"updated|modified|edited|अपडेट", re.I)
MARKED_LINE_MAX = 80
# Class, id or itemprop words of an element that holds the article's date. Not "publish": WordPress marks
# the whole post "status-publish".
_DATE_MARKERS = re.compile(
    r"(?:^|[\s_-])(?:date|dates|dateline|time|timestamp|published|pubdate|posted|updated|byline|meta)"
    r"(?:$|[\s_-])",
    re.I,
)
# Words that make the date after them the date of some data: "Returns as on 31 October", "NAV as of", "Rates
# effective 1 November", "Quarter ended 30 September"; or of an event the page announces: "Issue opens: Wednesday,
# 9 December", "Bid/offer closes on", "Record date:", "Listing date:"; or a deadline it sets: "Last date to apply:",
# "Last day for registration", "Deadline:", "Apply by", "Offer valid till", "Registrations close"; in Hindi
# "आवेदन की अंतिम तिथि:", "आखिरी तारीख".
_DATA_DATE = re.compile(
    r"\b(?:as\s+(?:on|of|at)|effective(?:\s+from)?|w\.e\.f\.?|ended|ending|since|(?:up\s*)?to|till|until"
    r"|(?:opens|closes|close|opening|closing|record|listing|allotment|refund|expiry|maturity|ex|due)"
    r"(?:\s+(?:date|day|on|by))?"
    r"|(?:last|final)\s+(?:date|day)(?:\s+(?:to|for|of)\s+[\w-]+(?:\s+[\w-]+){0,2})?|deadline(?:\s+(?:is|for\s+[\w-]+))?"
    r"|(?:apply|register|enrol+|submit|pay|invest|subscribe|book|claim|redeem|renew)\s+(?:(?:on\s+or\s+)?before|by))"
    r"\s*[:\-]?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$"
    r"|(?<![\u0900-\u097F])(?:अंतिम|आखिरी|आख़िरी)\s+(?:तिथि|तारीख|तारीख़|दिन|दिनांक)(?:\s+है)?\s*[:\-]?\s*$",
    re.I,
)
# The same after the date, as Hindi writes it: "पिछला प्रदर्शन (30 सितंबर 2026 तक)", "30 सितंबर 2026 को समाप्त
# तिमाही", "31 अक्टूबर 2026 की स्थिति के अनुसार", "1 नवंबर 2026 से प्रभावी", "9 दिसंबर 2026 से पहले आवेदन करें".
_DATA_DATE_AFTER = re.compile(r"\s*(?:तक|को\s+समाप्त|की\s+स्थिति|के\s+अनुसार|से\s+(?:प्रभावी|लागू|पहले))(?!\w)")
# What a date line holds besides its dates: weekday names, zone words, labels, separators.
_FILLER = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:on|at|ist|gmt|utc|hrs|updated|published|posted|last|first"
    r"|modified|date|time|edited|created)\b|[^\w]+",
    re.I,
)


def visible_dates(text: str, found: list[FoundDate], byline: bool, container: str = "") -> list[FoundDate]:
    """The dates of ``found`` that a line near the headline gives as the article's own date: all of them in
    a labelled date line ("Updated: ..."), a byline line, or an element marked as a date by its class or id;
    else only when the line is the date (what is left besides weekday names, zone words and separators is a
    place or a credit of at most three words, "Mumbai | March 3, 2024", or of a few capitalised words, a
    publisher and an author). Never a date in running text ("figures released on 2 March 2024 showed ...")."""
    if byline or DATE_LINE.match(text):
        return found
    if container and len(text) <= MARKED_LINE_MAX and _DATE_MARKERS.search(container):
        return found  # a short line in an element marked as a date; a paragraph of the post is not one
    if found and (_DATA_DATE.search(text[: found[0].start]) or _DATA_DATE_AFTER.match(text, found[0].end)):
        return []  # the date of the data shown ("Performance (as on 31 October 2026)"), not of the page
    rest = []
    pos = 0
    for date in found:
        rest.append(text[pos : date.start])
        pos = date.end
    rest.append(text[pos:])
    words = _FILLER.sub(" ", " ".join(rest)).split()
    if len(words) <= 3 and sum(len(w) for w in words) <= 30:
        return found
    if len(words) <= 6 and all(not w[0].islower() for w in words):
        return found  # names around the date ("Medical Daily 9/21/2016 Lizette Borreli"), not a sentence
    return []


def _may_be_name(value: str) -> bool:
    """Not a date or a number (a CMS that puts the date in itemprop=author)."""
    if not any(c.isalpha() for c in value):
        return False
    return not (any(c.isdigit() for c in value) and find_dates(value))


def _later_than(a: datetime, b: datetime) -> bool:
    if (a.tzinfo is None) != (b.tzinfo is None):
        return a.date() > b.date()
    return a > b


def impossible_date_line(text: str) -> list[tuple[str, int, int]]:
    """(field, start, end) of each impossible date of a labelled date line ("Published: 31 November 2026"),
    for ``meta-date-invalid``: no date is taken from such a line, but the reader should hear of it."""
    if not DATE_LINE.match(text):
        return []
    out = []
    for a, b in impossible_dates(text)[:2]:
        out.append(("modified" if _UPDATED.search(text[:a]) else "published", a, b))
    return out


class MetaCollector:
    """Receives metadata candidates while the page streams by, then orders them."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.meta = Metadata()
        self.problems: list[int] = []  # offsets of JSON-LD scripts that could not be read
        self._values: list[tuple[str, MetaValue]] = []
        self._tags_seen = 0
        self._media: list[Any] = []  # the author values of the page's own video, podcast or episode objects

    def _add(self, name: str, value: MetaValue) -> None:
        value.value = fold(value.value) if name != "canonical" else value.value.strip()
        if not value.value:
            return
        if name == "authors" and not _may_be_name(value.value):
            return
        self._values.append((name, value))

    def _add_authors(self, value: MetaValue) -> None:
        """A structured author value, split when it lists several people (``split_name_list``)."""
        names = split_name_list(value.value)
        if names is None or value.start is None or value.end is None or value.end - value.start != len(value.value):
            self._add("authors", value)
            return
        for name, at in names:
            start = value.start + at
            self._add("authors", MetaValue(name, value.source, value.detail, start, start + len(name)))

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
        if key == "byl":
            # The display byline by convention ("By Ravi Kumar", as the New York Times writes it): the names
            # follow the "By", which is no part of them.
            lead = _BYL_LEAD.match(raw)
            if lead:
                raw, at = raw[lead.end() :], at + lead.end()
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
        if field == "authors":
            self._add_authors(mv)
        else:
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
        """One JSON-LD script, read as search engines tolerate it (see ``tolerant_json``); values read before
        a part that cannot be read are kept, and the script is reported as broken."""
        values, failed_at = parse_values(self.src, start, end)
        if failed_at is not None:
            self.problems.append(start)
        if not values:
            return
        data = values[0] if len(values) == 1 else values
        self.meta.json_ld.append(data)
        for obj in walk_json_ld(data):
            self._article_object(obj)
        for t in declared_types(data):
            if isinstance(t, str):
                self._json_value("types", "@type", t)
        self._media.extend(media_credits(data))

    def _json_value(self, field: str, key: str, value: Any) -> None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            return
        a, b = (value.start, value.end) if isinstance(value, JStr) else (None, None)
        mv = MetaValue(str(value), "json-ld", key, a, b)
        if field in ("published", "modified"):
            mv.parsed = parse_any(value)
        if field == "authors":
            self._add_authors(mv)
        else:
            self._add(field, mv)

    def _article_object(self, obj: dict[str, Any]) -> None:
        types = obj.get("@type")
        type_list = types if isinstance(types, list) else [types]
        if not any(isinstance(t, str) and t in READ_TYPES for t in type_list):
            return
        for key, field in (
            ("headline", "title"),
            ("datePublished", "published"),
            ("dateModified", "modified"),
            ("description", "description"),
            ("inLanguage", "language"),
        ):
            if key in obj:
                self._json_value(field, key, obj[key])
        if "headline" not in obj and "name" in obj:
            self._json_value("title", "name", obj["name"])
        if "datePublished" not in obj and "dateCreated" in obj:
            self._json_value("published", "dateCreated", obj["dateCreated"])
        for key in ("author", "creator"):
            authors = obj.get(key)
            for author in authors if isinstance(authors, list) else [authors]:
                if isinstance(author, dict):
                    name = author.get("name")
                    if isinstance(name, list):
                        name = next((n for n in name if isinstance(n, str)), None)
                    self._json_value("authors", key, name)
                elif isinstance(author, str) and not author.lower().startswith("http"):
                    self._json_value("authors", key, author)
        publisher = obj.get("publisher")
        for pub in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(pub, dict):
                self._json_value("publisher", "publisher", pub.get("name"))
            elif isinstance(pub, str):
                self._json_value("publisher", "publisher", pub)
        page = obj.get("mainEntityOfPage")
        url = page.get("@id") if isinstance(page, dict) else page if isinstance(page, str) else obj.get("url")
        if isinstance(url, str) and url.startswith("http"):
            self._json_value("canonical", "url", url)
        keywords = obj.get("keywords")
        if isinstance(keywords, str):
            keywords = [k for k in keywords.split(",")]
        if isinstance(keywords, list):
            for kw in keywords[:50]:
                if isinstance(kw, str) and kw.strip():
                    self._json_value("tags", "keywords", kw.strip())

    def author_attr(self, attr: tuple[str, int], furniture: bool, elem: object) -> None:
        if furniture:
            return
        raw, at = attr
        self._add_authors(MetaValue(unescape(raw), "microdata", "[itemprop=author][content]", at, at + len(raw)))

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
        """Bylines and dates written as text near the headline (see ``visible_dates`` for which dates)."""
        if headline is not None:
            start = headline.index
        else:
            start = next((b.index for b in blocks if b.body), 0)
        window = blocks[max(0, start - 3) : start + 14]  # a date line may sit just above the headline
        seen_dates = 0
        for block in window:
            text = block.text
            before_headline = block.index < start
            if not text or len(text) > 200:
                continue
            if block.kind in _NOT_META_KINDS and not (
                block.kind == "list-item" and not before_headline and _DATE_MARKERS.search(block.container)
            ):
                continue  # a list item only in a list marked as the article's meta or date ("post-meta")
            m = None if before_headline else byline_line(text, block.kind)
            if m:
                for name in clean_author_text(text):
                    i = text.find(name)
                    if i >= 0:
                        s, e = block.source_span(i, i + len(name))
                        self._add("authors", MetaValue(name, "visible", "'By' line", s, e))
            if seen_dates >= 2 or not _MAY_HOLD_DATE.search(text):
                continue
            found = find_dates(text)
            if not found:
                for field, a, b in impossible_date_line(text):
                    s, e = block.source_span(a, b)
                    self._add(field, MetaValue(text[a:b], "visible", "visible date", s, e))
                continue
            container = "" if before_headline else block.container
            for i, date in enumerate(visible_dates(text, found, m is not None, container)[:2]):
                # "Updated" names the modification date, and so does a later second date on the line
                # ("December 6, 2016 - 6:22 PM EST December 7, 2016 - 1:55 PM EST"); else the publication.
                later = i > 0 and _later_than(date.value, found[0].value)
                field = "modified" if later or _UPDATED.search(text[: date.start]) else "published"
                s, e = block.source_span(date.start, date.end)
                mv = MetaValue(text[date.start : date.end], "visible", "visible date", s, e, date.value)
                self._add(field, mv)
                seen_dates += 1

    def _media_authors(self) -> None:
        """The author of a page that is itself a video, a podcast or a show's episode (``media_credits``), unless
        a script declares an article: a news page's own byline is its article's, not that of a clip it shows."""
        types = [v.value for n, v in self._values if n == "types" and v.source == "json-ld"]
        if any(t.endswith(("Article", "Posting")) or t == "Report" for t in types):
            return
        for value in self._media:
            self._json_value("authors", "author", value)

    def finish(self, blocks: list[Block], headline: Block | None) -> Metadata:
        if headline is not None:
            s, e = headline.source_span(0, len(headline.text))
            self._add("title", MetaValue(headline.text, "heading", "h1", s, e))
        self._media_authors()
        self._visible(blocks, headline)
        if not any(n == "published" for n, _ in self._values):
            # Only an "Updated: Oct 9, 2019, 11:05 IST" line (as many Indian news sites print): that is the
            # date readers see for the article.
            for n, v in list(self._values):
                if n == "modified" and v.source == "visible":
                    self._values.append(
                        ("published", MetaValue(v.value, "visible", UPDATED_COPY, v.start, v.end, v.parsed))
                    )
                    break
        publishers = {v.value.casefold() for n, v in self._values if n == "publisher"}

        def rank(item: tuple[int, tuple[str, MetaValue]]) -> tuple[int, int]:
            name, value = item[1]
            if name == "authors" and (value.value.casefold() in publishers or is_credit(value.value)):
                return 16, item[0]  # "ABC News", "Us Weekly Staff" as the author: the byline's people first
            generic = value.detail in _GENERIC_DATE_TAGS  # meta[name="date"] after article:published_time
            return 2 * SOURCE_RANK.get(value.source, 9) + generic, item[0]

        ordered = sorted(enumerate(self._values), key=rank)
        written = [v for n, v in self._values if n == "authors" and v.source in _WRITTEN_BYLINES]
        credited = [v for v in written if v.value.casefold() in publishers]
        drop = {id(v) for v in credited} if credited and len(credited) < len(written) else set()
        if any(" " in v.value for v in written):
            # A lone word from another byline element beside full names: a place, a handle ("D.C", "Twitter").
            drop.update(id(v) for v in written if " " not in v.value)
        for _, (name, value) in ordered:
            if id(value) not in drop:  # the publisher named in a byline beside its authors is not one of them
                self.meta.add(name, value)
        return self.meta
