"""The firm a page names as itself, and whether its registration line is that firm's.

A firm's own product or service page (an insurer's plan page, a fund house's scheme page, a housing finance
company's deposit page, a research analyst's subscription page, an issuer's statutory IPO announcement) says whose
page it is in places a news page gives to its newsroom: the structured data's provider, brand, seller or
publisher of the product or page ("FinancialProduct" provided by "Tapti Home Finance Ltd", "Service"
provided by the analyst "Anirudh Bhosale"), the title tag's site name when it is a firm's name ("... | Kaveri Life
Insurance", "Deposits | Tapti Home Finance Ltd", in Devanagari too) and the footer's copyright line
("© 2026 Tapovan Mutual Fund"). Its registration line (SEBI, IRDAI, RBI or NHB registration, a CIN) then
names the same firm, by its legal name ("Tapti Home Finance Ltd | CIN: U65922...") or by the first words of
it ("Krishna Pulp Private Limited ... CIN ..." under "Krishna Pulp &
Board Limited"). An issuer's statutory announcement is headed by the company's legal name alone over its CIN.

A news page names its newsroom in those places, never the firm it reports on: a report quoting a fund's
"Investment Manager:" line or a lender's certificate of registration stays an article to check
(``publisher.advertiser_page`` decides that: this only says whose registration line it is).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newslint.language.publisher import (
    _COMMON_CAPITALISED,
    _LEGAL_FORMS,
    _LEGAL_FORMS_HI,
    FIRM,
    FIRM_HI,
    _brand,
    _hosts,
    _legal_squash,
    _squash,
    title_tag_parts,
)

if TYPE_CHECKING:
    from newslint.document.model import Block
    from newslint.language.context import Context

# The keys of a page's own structured data that name the firm behind the product, service or page.
_SELF_KEYS = ("provider", "brand", "manufacturer", "seller", "offeredBy", "issuer", "publisher", "broker")
# Types of structured data that speak for a firm itself (its "name" is the firm's).
_FIRM_TYPES = re.compile(
    r"^(?:Organization|Corporation|LocalBusiness|FinancialService|InsuranceAgency|BankOrCreditUnion|"
    r"AccountingService|ProfessionalService)$"
)
_ARTICLE_TYPE = re.compile(r"(?:Article|Posting|^Report)$")
# A title tag's part that is a firm's name: capitalised words (or Devanagari), "&" between them, ending with a
# legal form or a financial firm's word ("Tapti Home Finance Ltd", "Kaveri Life Insurance").
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|&|[\u0900-\u097F]+\.?)"
_FIRM_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,6}}")
_FIRM_END = re.compile(
    rf"(?:\b(?:{_LEGAL_FORMS})\.?|\b(?:Insurance|Mutual\s+Fund|Finance|Financial|Securities|Broking|Research|"
    r"Capital|Advisors|Advisers|Investments?|Wealth|Finserv|Asset\s+Management|AMC))$"
    rf"|(?:{_LEGAL_FORMS_HI}|इंश्योरेंस|म्यूचुअल\s+फंड|फाइनेंस|फिनसर्व|रिसर्च|सिक्योरिटीज़?|कैपिटल|ब्रोकिंग)$",
    re.IGNORECASE,
)
_LEGAL_FORM_END = re.compile(rf"\b(?:{_LEGAL_FORMS})\.?$", re.IGNORECASE)
# A footer's copyright line: "© 2026 Anirudh Bhosale, Research Analyst", "Copyright 2026 Tapti Home Finance Ltd."
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{2,4})?)?\s*(?P<name>[^|,.;।©]{4,80})", re.I
)
# A company's corporate identity number, under either label ("CIN: L65922...", "Corporate Identity Number: U85110...").
_CIN = re.compile(
    r"\b(?:CIN|Corporate\s+Identi(?:ty|fication)\s+(?:Number|No\.?))\s*(?:No\.?)?\s*[:.-]?\s*"
    r"[LU][0-9]{5}[A-Z]{2}[0-9]{4}[A-Z]{3}[0-9]{6}\b",
    re.IGNORECASE,
)


def _page_objects(data: Any) -> list[dict[str, Any]]:
    """A JSON-LD script's own objects (the script's object or list, an ``@graph``'s members), not nested values."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(out) < 200:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, (list, dict)):
                stack.append(graph)
    return out


def _types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type")
    return [x.rsplit("/", 1)[-1] for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)]


def _name_of(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        name = v.get("name") if isinstance(v, dict) else v
        if isinstance(name, str) and not name.lower().startswith("http"):
            out.append(str(name).strip())
    return out


def structured_self_names(ctx: Context) -> list[str]:
    """The firms the page's structured data gives as its product's or page's provider, brand, seller or publisher,
    or as itself (an Organization object); none on a page that declares an article."""
    names: list[str] = []
    for data in ctx.doc.metadata.json_ld:
        objects = _page_objects(data)
        if any(_ARTICLE_TYPE.search(t) for obj in objects for t in _types(obj)):
            return []
        for obj in objects:
            for key in _SELF_KEYS:
                names += _name_of(obj.get(key))
            if any(_FIRM_TYPES.match(t) for t in _types(obj)):
                names += _name_of(obj.get("name"))
    return names


def _title_firm_names(ctx: Context) -> list[str]:
    """The title tag's first or last part when it is a firm's name (``_FIRM_NAME`` ending as ``_FIRM_END``)."""
    out = []
    for parts in title_tag_parts(ctx):
        for part in {parts[0].strip(), parts[-1].strip()}:
            if _FIRM_NAME.fullmatch(part) and _FIRM_END.search(part):
                out.append(part)
    return out


def _copyright_names(ctx: Context) -> list[str]:
    """The holders of the copyright lines in the page's furniture (its footer)."""
    out = []
    for b in ctx.doc.blocks:
        if b.body or len(b.text) > 300:
            continue
        for m in _COPYRIGHT.finditer(b.text):
            name = re.sub(r"\s*\b(?:all\s+rights\s+reserved)\b.*$", "", m.group("name"), flags=re.I).strip()
            if name:
                out.append(name)
    return out


def self_names(ctx: Context) -> list[str]:
    """The names the page gives its own firm (structured data, title tag, copyright line), once per page."""
    cached = ctx.memo.get("own_firm_names")
    if cached is None:
        cached = [*structured_self_names(ctx), *_title_firm_names(ctx), *_copyright_names(ctx)]
        ctx.memo["own_firm_names"] = cached
    return cached


def _keys(name: str) -> list[str]:
    """What a registration line may name the firm ``name`` by: its name without legal form, its brand (a firm's
    name without its firm words: "Narmada" of "Narmada Mutual Fund", in "Investment Manager: Narmada Asset
    Management Ltd"), or its first two words ("Krishna Pulp" of "Krishna Pulp & Board Limited", in
    "Krishna Pulp Private Limited")."""
    keys = []
    key = _legal_squash(name)
    if len(key) >= 5:
        keys.append(key)
    # a fund's or insurer's brand, its firm words dropped ("Narmada Mutual Fund" in "Narmada Asset Management Ltd")
    if FIRM.search(name) or FIRM_HI.search(name):
        brand = _brand(name)
        if brand and len(brand) >= 5 and brand not in _COMMON_CAPITALISED:
            keys.append(brand)
    words = [w for w in re.split(r"[\s&,]+", re.sub(r"^the\s+", "", name, flags=re.I)) if w]
    if len(words) >= 3:
        first = words[:2]
        if not any(w.lower() in _COMMON_CAPITALISED or FIRM.fullmatch(w) or FIRM_HI.fullmatch(w) for w in first):
            prefix = _squash(" ".join(first))
            if len(prefix) >= 8:
                keys.append(prefix)
    return keys


def registration_is_self_named(ctx: Context, blocks: list[Block]) -> bool:
    """Whether a registration line (``blocks``) names the firm the page names as itself (``self_names``), or the
    page is a statutory announcement: headed by a company's legal name alone, over its CIN, on a page that names
    no other firm as itself."""
    names = [n for n in self_names(ctx) if not another_owns(ctx, n)]
    registered = [_squash(b.text) for b in blocks]
    if any(k in r for n in names for k in _keys(n) for r in registered):
        return True
    return _statutory_masthead(ctx, names)


def another_owns(ctx: Context, name: str) -> bool:
    """Whether the page's publisher (its metadata's) or canonical host is someone other than the firm ``name``: a
    sponsored story on a news site whose structured data calls the advertiser's product a "Product" is still the
    news site's page. (A Devanagari name is not compared with a host's Latin letters.)"""
    keys = _keys(name)
    first = _squash(name.split()[0]) if name.split() else ""
    if len(first) >= 4 and first not in _COMMON_CAPITALISED:
        keys.append(first)
    if not keys:
        return True
    for mv in ctx.doc.metadata.fields.get("publisher") or ():
        publisher = _squash(mv.value)
        if not any(k in publisher for k in keys) and not any(k in _squash(name) for k in _keys(mv.value)):
            return True
    if re.search(r"[a-z]", first):
        return any(not any(k in _squash(host) for k in keys) for host in _hosts(ctx))
    return False


def _statutory_masthead(ctx: Context, names: list[str]) -> bool:
    doc = ctx.doc
    if doc.headline is None or doc.headline >= len(doc.blocks):
        return False
    headline = doc.blocks[doc.headline].text.strip()
    if not (_FIRM_NAME.fullmatch(headline) and _LEGAL_FORM_END.search(headline)):
        return False
    key = _legal_squash(headline)
    if names and not any(_legal_squash(n) == key for n in names):
        return False
    return any(_CIN.search(b.text) for b in doc.blocks)
