"""What kind of page a document is, decided once per document: an article, a firm's own page, an advertiser's page,
or not an article.

- ``own-page``: a regulated firm's or a brand's own page (a broker's account-opening page, a fund house's scheme
  page, an adviser's fee page, a crypto app's about page): its registration line or its brand names the page's
  own publisher, site or author, and it is no article (see ``publisher``'s module docstring).
- ``advertiser-page``: a page with a regulated firm's registration line whose headline is itself the call to action
  ("Open your demat account in 10 minutes"), on a page that no writer signs.
- ``article``: a page a writer signs, or a dated page that no one signs and that does not declare itself a page.
- ``own-page`` too: a page that declares itself a product, an app or a service, unsigned and undated
  (``product_page``), whether or not a registration line names its firm.
- ``not-an-article``: neither: an undated page no writer signs, or one that declares itself a page, product or
  service (``declared_page``), that no registration line or brand ties to a firm of its own. Shown for what it is;
  the rules for articles (``pages: articles``) still read it, since nothing says whose page it is.

Rules with ``pages: articles`` skip ``own-page`` and ``advertiser-page`` (``Context.advertiser_page``), and a class
with ``house:`` counts every promotion of such a page as the house's. Each test below recognises one thing about the
page; ``page_facts`` gathers them once, ``page_kind`` decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.language.own_firm import another_owns, structured_self_names
from newslint.language.publisher import (
    _SELF_REFERENCE,
    FIRM,
    FIRM_HI,
    REGULATED_IDENTITY,
    _brand,
    _brand_own_page,
    _brand_registered,
    _brand_word_registered,
    _headline_names_registrant,
    _hosts,
    _legal_squash,
    _names,
    _presents_itself,
    _site_is_brands,
    _squash,
    _title_site_names,
    declared_page,
    press_release,
)

if TYPE_CHECKING:
    from newslint.document.model import Block
    from newslint.language.context import Context

ARTICLE = "article"
OWN_PAGE = "own-page"
ADVERTISER_PAGE = "advertiser-page"
NOT_AN_ARTICLE = "not-an-article"
KINDS = (ARTICLE, OWN_PAGE, ADVERTISER_PAGE, NOT_AN_ARTICLE)


@dataclass(frozen=True)
class PageFacts:
    """What the page says about whose it is, independent of any rule's classes."""

    identity: bool  # it carries a regulated firm's registration line
    own_landing_page: bool  # the registration line or a firm author makes it the firm's page, and it is no article
    article: bool  # a writer signs it, or it is dated, unsigned and declares itself no page
    brand_page: bool  # a brand's own page (``_brand_own_page``), its registration line (if any) the brand's
    unsigned_own: bool  # its registration line names the site, and no one signs it


def _registration_blocks(ctx: Context) -> list[Block]:
    """The blocks that carry a regulated firm's registration line (SEBI, AMFI, IRDAI, RBI numbers, a CIN)."""
    return [b for b in ctx.doc.blocks if REGULATED_IDENTITY.search(b.text)]


def _site_names(ctx: Context) -> list[str]:
    """The page's publisher and site names (metadata, canonical host, title tag) of five letters or more."""
    return [n for n in (*_names(ctx), *_title_site_names(ctx)) if len(n) >= 5]


def _registration_names_site(identity: list[str], names: list[str]) -> bool:
    """A registration line that names the page's publisher or site ("Konark Stock Broking ... INZ..." on Konark's)."""
    return any(n in t.lower() or _squash(n) in _squash(t) for t in identity for n in names)


def _footer_speaks_as_site(blocks: list[Block], names: list[str]) -> bool:
    """A footer registration line that calls the site's firm "the company" or "we", on a page naming a site."""
    return bool(names and any(not b.body and _SELF_REFERENCE.match(b.text) for b in blocks))


# A sentence that says the firm it opens with is SEBI-registered: "... is a SEBI-registered research analyst", "...
# (प्रोप्राइटर: ...) सेबी में पंजीकृत रिसर्च एनालिस्ट है".
_SAYS_REGISTERED = re.compile(
    r"[^.!?।\n]{0,80}?(?:\b(?:is|are)\s+(?:an?\s+)?SEBI[\s-]*(?:registered|regd)\b"
    r"|(?<![\u0900-\u097F])(?:सेबी|SEBI)\s*(?:(?:में|से|के\s+पास)\s+)?(?:पंजीकृत|रजिस्टर्ड)(?![\u0900-\u097F]))",
    re.IGNORECASE,
)


def _site_says_registered(ctx: Context, names: list[str]) -> bool:
    """A body sentence that opens with the page's own name (its publisher's or title tag's, in Devanagari too) and
    says that firm is SEBI-registered ("तेजस रिसर्च ... सेबी में पंजीकृत रिसर्च एनालिस्ट है"): a registration line
    that names no firm ("सेबी पंजीकरण संख्या (रिसर्च एनालिस्ट): INH...") is then the site's own."""
    for b in ctx.doc.blocks:
        if not b.body:
            continue
        text = b.text.lstrip(" \t\"'“‘(").lower()
        for name in names:
            if text.startswith(name) and _SAYS_REGISTERED.match(text, len(name)):
                return True
    return False


def _anonymous_page_of_registrant(ctx: Context, blocks: list[Block], names: list[str]) -> bool:
    """A page naming no publisher, site, host or author whose headline names its registration line's firm."""
    if names or ctx.doc.metadata.fields.get("authors") or _hosts(ctx):
        return False
    return _headline_names_registrant(ctx, [b.text for b in blocks], [b.text for b in blocks if not b.body])


def _registration_is_sites(ctx: Context, blocks: list[Block], names: list[str]) -> bool:
    """A registration line that is the site's own: it names the site, speaks as it, names its brand or the firm
    the page names as itself; or, on a page that names no one, the firm its headline names."""
    identity = [b.text for b in blocks]
    own = _registration_names_site(identity, names)
    own = own or _footer_speaks_as_site(blocks, names)
    own = own or _brand_registered(names, identity)
    # the firm the page names as itself elsewhere: its structured data's provider or brand, its title tag's firm
    # name, its copyright line (``own_firm``: a product page's own firm)
    own = own or ctx.self_named_registrant(blocks)
    # the site's own name, said in its body to be SEBI-registered, over a registration line naming no one
    own = own or bool(blocks and _site_says_registered(ctx, names))
    if identity and not own:
        own = _anonymous_page_of_registrant(ctx, blocks, names)
    return own


def _publisher_keys(ctx: Context) -> set[str]:
    """The page's publisher and title-tag site names, without case, punctuation and legal form."""
    keys = {_legal_squash(mv.value) for mv in ctx.doc.metadata.fields.get("publisher") or ()}
    return keys | {_legal_squash(n) for n in _title_site_names(ctx)}


def _firm_authors(ctx: Context, identity: list[str]) -> set[str]:
    """The page's authors that are the registered firm itself (named in, or presented by, its registration line)."""
    registered = [_squash(t) for t in identity]
    authors = {mv.value: _legal_squash(mv.value) for mv in ctx.doc.metadata.fields.get("authors") or ()}
    firm_author = any(FIRM.search(name) or FIRM_HI.search(name) for name in authors)
    # a company author the registration line names ("Kaveri Securities Ltd ... INZ..."), or an author the line
    # presents as the business ("Nivesh Mitra is an AMFI-registered mutual fund distributor (ARN-...)"); not a
    # writer's credentials ("Meera Kulkarni, SEBI registered investment adviser, INA...")
    found = {
        name
        for name, key in authors.items()
        if len(key) >= 5
        and any(
            (firm_author and key in r) or _presents_itself(name, t) for t, r in zip(identity, registered, strict=True)
        )
    }
    # a firm named by its brand ("Godavari Mutual Fund" over "Investment Manager: Godavari Asset Management Ltd"),
    # on a page no publisher or host gives to another
    # a registrant who publishes under her own name: the author the registration line names, on a site whose
    # publisher or title-tag name is hers ("Tanya Rao Research" by Tanya Rao, "Tanya Rao, SEBI Registered Research
    # Analyst, INH..."), not a writer's credentials on another's paper
    publisher = _publisher_keys(ctx)
    found |= {
        name
        for name, key in authors.items()
        if len(key) >= 8
        and any(key in p and key != p for p in publisher)
        and any(_squash(name) in r for r in registered)
    }
    if len(authors) == 1 and firm_author and not found:
        brand = _brand(next(iter(authors)))
        if brand and _site_is_brands(ctx, brand) and any(brand in r for r in registered):
            found = set(authors)
    return found


def writers(ctx: Context, firm_authors: set[str]) -> list[str]:
    """The page's authors who write for it: neither its publisher or site nor the registered firm itself."""
    publisher = _publisher_keys(ctx)
    authors = {mv.value: _legal_squash(mv.value) for mv in ctx.doc.metadata.fields.get("authors") or ()}
    return [name for name, key in authors.items() if key not in publisher and name not in firm_authors]


def _declares_page(ctx: Context) -> bool:
    """A page that declares itself a page, product or service and no article, and is no press release."""
    return declared_page(ctx) and not press_release(ctx)


def is_article(ctx: Context, writers: list[str]) -> bool:
    """A page a writer signs, or a dated page no one signs that does not declare itself a page."""
    fields = ctx.doc.metadata.fields
    return bool(writers or (fields.get("published") and not fields.get("authors") and not _declares_page(ctx)))


def page_facts(ctx: Context) -> PageFacts:
    """The page's ``PageFacts``, worked out once per document."""
    cached = ctx.memo.get("page_facts")
    if cached is not None:
        return cached
    blocks = _registration_blocks(ctx)
    identity = [b.text for b in blocks]
    own = _registration_is_sites(ctx, blocks, _site_names(ctx))
    firm_authors = _firm_authors(ctx, identity)
    article = is_article(ctx, writers(ctx, firm_authors))
    facts = PageFacts(
        identity=bool(identity),
        own_landing_page=(own or bool(firm_authors)) and not article,
        article=article,
        brand_page=_brand_own_page(ctx) and (not identity or _brand_word_registered(ctx, identity)),
        unsigned_own=own and not ctx.doc.metadata.fields.get("authors"),
    )
    ctx.memo["page_facts"] = facts
    return facts


_PRODUCT_TYPE = re.compile(
    r"^(?:product|softwareapplication|mobileapplication|webapplication|financialproduct|investmentordeposit|"
    r"investmentfund|brokerageaccount|loanorcredit|depositaccount|(?:financial)?service)$"
)


def product_page(ctx: Context) -> bool:
    """A page that declares itself a product, an app or a service and no article (JSON-LD "Product",
    "MobileApplication", "FinancialProduct"; og:type "product"), that no one signs and nothing dates: a seller's
    product page or an app's listing, registered or not ("ShadowDesk copies every trade for you" over its plans). A
    news page declares an article beside any product it names, and a dated or signed page stays an article; so
    does a page whose publisher or canonical host is another's than the product's firm (a sponsored story whose
    structured data calls the advertiser's fund a "Product")."""
    fields = ctx.doc.metadata.fields
    if fields.get("authors") or fields.get("published") or not declared_page(ctx) or press_release(ctx):
        return False
    types = [mv.value.strip().lower().rsplit("/", 1)[-1].rsplit(":", 1)[-1] for mv in ctx.doc.metadata.get("types")]
    if not any(_PRODUCT_TYPE.match(t) for t in types):
        return False
    names = structured_self_names(ctx)
    if not names:
        return not fields.get("publisher") and not _hosts(ctx)
    return not any(another_owns(ctx, n) for n in names)


def page_kind(ctx: Context, headline_is_promotion: bool) -> str:
    """The page's kind (``KINDS``), given whether its headline is a promotion (a call to action)."""
    facts = page_facts(ctx)
    if facts.brand_page:
        return OWN_PAGE  # (a registration line, when there is one, says whose page it is: the brand's)
    if facts.identity:
        if facts.own_landing_page:
            return OWN_PAGE
        # A headline that is a call to action makes the firm's page its own advertisement, but not a signed
        # article: a broker's blog post headed "... apply now" by its research desk poses as a report.
        if headline_is_promotion and (not facts.article or facts.unsigned_own):
            return ADVERTISER_PAGE
    return ARTICLE if facts.article else NOT_AN_ARTICLE


def is_advertisers(kind: str) -> bool:
    """Whether a page of this kind is a regulated advertiser's or brand's own (no article to check)."""
    return kind in (OWN_PAGE, ADVERTISER_PAGE)
