"""A publisher's house promotion: its own app, newsletter, channel, events or subscriptions.

Indian newsroom pages carry the publisher's own calls to action on every article ("Download The Economic
Times News App", "Mint is now on Telegram", "Join the ETMarkets summit"). They are promotions, but not of a
financial product, and SEBI's and the exchanges' advertisement codes do not apply to them. A promotion block is
the house's when it names no investment product (an account, an IPO application, calls, advisory, a course, a
fund) and it is tied to the publisher: it names the publisher or site (metadata, the canonical URL's host),
links only to the page's own site or to an app store or channel with the site's name, or speaks as "we/our" on
a page that does not itself sell investment services.

A page can also be the advertiser's own page as a whole: a broker's account-opening page, a fund house's scheme
page, an insurer's product page. Its headline is itself the call to action ("Open your demat account in 10
minutes") and it carries the advertiser's regulatory identity (a SEBI, AMFI or IRDAI registration number).
Nothing on it poses as editorial content, so an "Advertisement" label (which exists so that readers can tell
advertising from the report around it) has nothing to set it apart from: its promotions count as the house's.
So is a page of the firm's own site that is not an article (no author but the firm, and no publication date
without one unless the page declares itself a page, product or service and no article: JSON-LD "WebPage" or
"FinancialProduct", no "NewsArticle" or "BlogPosting", ``declared_page``) whose registration line names the
firm: the publisher, the site name in its title tag ("Bitsetu - Buy crypto in INR") or the firm given as the
page's author (a Markdown page's front matter), by its legal name or by its brand ("Godavari Mutual Fund"
beside "Investment Manager: Godavari Asset Management Ltd"); its registration line may be a SEBI, AMFI or
IRDAI number, a fund house's "Investment Manager:" line, a company's CIN or a deposit-taking NBFC's RBI
certificate of registration (which its footer may give as "The company is having a valid Certificate of
Registration ...", naming no one). A publisher or site that is a firm's brand ("Sabarmati Mutual Fund") names the
firm of its "Investment Manager: Sabarmati Asset Management Company Pvt. Ltd."; on a page that names no publisher,
site or author, a headline that names the firm of the registration line (in Hindi, the firm a footer's line names
with its legal form: "सह्याद्रि फिनलीज़ लिमिटेड") or that is a company's legal name alone over its CIN (a statutory issue
announcement's masthead) says the page is the firm's. A news
article on the firm's own site is not such a page: a promotion inside the report poses as news there more than
anywhere (the problem newslint started from). A brand's page with no registration line counts too when the
brand is its one author and its headline names it, and no publisher or canonical host says the page is someone
else's (a fund house's scheme page, a crypto app's landing page: ``_brand_own_page``). The tests here say what a
page shows; ``page_kind`` decides from them, once per page, whether it is an article or a firm's own page.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from newslint.document.model import Block
    from newslint.language.context import Context

INVESTMENT_PRODUCT = re.compile(
    r"\b(?:demat|trading\s+(?:and\s+demat\s+)?(?:account|a/c|app)|brokerage|broking|open\s+(?:an?\s+)?account|"
    r"apply\s+(?:in|for|now|today)|IPOs?\s+(?:application|apply)|advisory|advis[eo]rs?|research\s+analyst|"
    r"course|courses|mentorship|batch|webinar|masterclass|mutual\s+funds?|SIPs?|NFO|PMS|AIF|portfolio\s+management|"
    r"(?:intraday|btst|jackpot|premium|paid|sure[\s-]*shot|options?|f&o|nifty|trading)\s+(?:tips|calls|signals)|"
    r"calls|signals|jackpot|multibagger|invest\s+(?:now|today|with)|trade\s+(?:now|with)|trading|intraday|"
    r"btst|f&o|options|"
    r"डीमैट|कॉल्स|टिप्स|कोर्स|एडवाइजरी)\b",
    re.IGNORECASE,
)
# Hindi words of investment services ("कॉल्स", "टिप्स", "डीमैट"): apart, since ``\b`` does not bound a Devanagari word
# that ends in a vowel sign in Python's ``re``.
INVESTMENT_PRODUCT_HI = re.compile(
    r"(?<![\u0900-\u097F])(?:डीमैट|कॉल|कॉल्स|टिप|टिप्स|कोर्स|एडवाइजरी|ब्रोकरेज|ट्रेडिंग|इंट्राडे|जैकपॉट|मल्टीबैगर|"
    r"प्रीमियम|पेड|म्यूचुअल\s+फंड|एसआईपी|आईपीओ)(?![\u0900-\u097F])"
)
FIRST_PERSON = re.compile(
    r"\b(?:we|us|our|hum|hamara|hamare|hamari|humare|humara)\b|(?<![\u0900-\u097F])(?:हम|हमें|हमारा|हमारे|हमारी)(?![\u0900-\u097F])",
    re.IGNORECASE,
)
NEWS_PRODUCT = re.compile(
    r"\b(?:news|updates?|newsletters?|e-?paper|app|podcasts?|summit|conclave|awards?|events?|edition|subscri\w+|"
    r"stories|journalism|headlines|alerts|khabar|khabren|khabron|khabaron|samachar)\b"
    # Hindi: खबर, खबरें, खबरों, समाचार, न्यूज़, अपडेट, ई-पेपर, ऐप, पॉडकास्ट, अलर्ट, सुर्खियां
    r"|(?<![\u0900-\u097F])(?:खबर|ख़बर|खबरें|ख़बरें|खबरों|ख़बरों|समाचार|न्यूज़?|अपडेट|अपडेट्स|ई-?पेपर|ऐप|पॉडकास्ट|अलर्ट|"
    r"सुर्खियां|सुर्ख़ियां)(?![\u0900-\u097F])",
    re.IGNORECASE,
)
_STOP = frozenset(["the", "www", "com", "in", "co", "org", "net", "news", "india", "indiatimes", "amp", "m"])


def _names(ctx: Context) -> list[str]:
    """The publisher's names in lower case: metadata publisher and site names, and the canonical host's words."""
    cached = ctx.memo.get("publisher_names")
    if cached is not None:
        return cached
    names: set[str] = set()
    meta = ctx.doc.metadata
    for field in ("publisher",):
        for mv in meta.get(field):
            value = mv.value.strip().lower()
            value = re.sub(r"^the\s+", "", value)
            if len(value) >= 3:
                names.add(value)
    for host in _hosts(ctx):
        for part in re.split(r"[.-]", host):
            if len(part) >= 4 and part not in _STOP:
                names.add(part)
    out = sorted(names)
    ctx.memo["publisher_names"] = out
    return out


def _hosts(ctx: Context) -> set[str]:
    hosts: set[str] = set()
    for mv in ctx.doc.metadata.get("canonical"):
        host = urlsplit(mv.value).hostname
        if host:
            hosts.add(host.lower().removeprefix("www."))
    return hosts


def _squash(text: str) -> str:
    """``text`` in lower case without spaces and punctuation (Devanagari letters and signs kept, so that a Hindi firm's
    name is itself, not the empty string that every text contains)."""
    return re.sub(r"[^a-z0-9\u0900-\u0963\u0966-\u097F]+", "", text.lower())


REGULATED_IDENTITY = re.compile(
    r"(?<![A-Za-z0-9])IN[AHZPMR][0-9]{9}(?![0-9])|(?<![A-Za-z0-9])IN[AH][\s:/.-][0-9]{9}(?![0-9])|\bARN[\s:.-]*[0-9]{3,}"
    # an insurer's or insurance intermediary's: "IRDAI Regn. No. 148", "IRDA Registration Code", "IRDAI Corporate
    # Agency Registration No.", "IRDAI Broker Licence No.", "IRDAI पंजीकरण संख्या 148"
    r"|\bIRDAI?\s+(?:(?:Corporate\s+Agen(?:t|cy)|(?:Composite\s+|Direct\s+)?Broker|Web\s+Aggregator)\s+)?"
    r"(?:Regd?n?\.?|Registration|Licen[cs]e)\s*(?:No|Code|Number)\b"
    r"|\bIRDAI?\s+(?:पंजीकरण|पंजीयन|रजिस्ट्रेशन)\s+(?:सं|संख्या|नंबर|नं)"
    # a deposit-taking NBFC's statement that RBI's directions prescribe ("The company is having a valid Certificate
    # of Registration dated ... issued by the Reserve Bank of India under section 45-IA"), or its number ("RBI
    # Registration No. N-13.01234", "CoR No."); not a report of one cancelled ("RBI cancels the certificate of
    # registration of ...")
    r"|\b(?:having|holds|has|possesses)\s+a\s+valid\s+Certificate\s+of\s+Registration\b[^.]{0,80}?\bissued\s+by\s+"
    r"(?:the\s+)?(?:RBI|Reserve\s+Bank\s+of\s+India|NHB|National\s+Housing\s+Bank)\b"
    r"|\b(?:RBI|Reserve\s+Bank\s+of\s+India)\s+(?:CoR|Regn?\.?|Registration|Certificate\s+of\s+Registration)\s*(?:No|Number)\b"
    r"|\bCoR\s+(?:No|Number)\b|वैध\s+पंजीकरण\s+प्रमाण[\s-]?पत्र"
    # a fund house's statutory details: "Sponsor: ... Trustee: ... Investment Manager: Vindhya AMC Ltd" (in Hindi,
    # "निवेश प्रबंधक: ...")
    r"|\bInvestment\s+Manager\s*:|निवेश\s+प्रबंधक\s*:"
    # a mutual fund's SEBI registration number ("SEBI Regn. No. MF/045/01/7")
    r"|\bMF/[0-9]{3}/[0-9]{2}/[0-9]{1,2}\b"
    # a company's corporate identity number (an exchange, an NBFC, a fintech: "CIN U72900KA2021PTC150123")
    r"|\b(?:CIN|Corporate\s+Identi(?:ty|fication)\s+(?:Number|No\.?))\s*(?:No\.?)?\s*[:.-]?\s*"
    r"[LU][0-9]{5}[A-Z]{2}[0-9]{4}[A-Z]{3}[0-9]{6}\b",
    re.IGNORECASE,
)
# A registration line that speaks of the firm as itself: "The company is having a valid Certificate of ...", "We are
# registered with IRDAI ...".
_SELF_REFERENCE = re.compile(r"\W*(?:the\s+company|the\s+nbfc|we|our\s+company)\b", re.IGNORECASE)
# A title tag's site name: its first or last part when that is a short name in capitals ("Bitsetu - Buy crypto in
# INR", "Open a demat account | Godavari Securities") or of one to three Devanagari words ("प्लान और शुल्क | नर्मदा
# इक्विटी रिसर्च": ``_SITE_NAME_HI``).
_TITLE_PARTS = re.compile(r"\s+[|\u2013\u2014-]\s+")
_SITE_NAME = re.compile(r"^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}$")


# A Hindi paper's name in its title tag: a last part of one to three Devanagari words ("... | दैनिक समाचार",
# "... - अमर उजाला").
_SITE_NAME_HI = re.compile(r"^[\u0900-\u097F]+(?:\s+[\u0900-\u097F]+){0,2}$")


# A Hindi paper's channel for its news, the paper unnamed: "बाजार की ताजा खबरों के लिए टेलीग्राम पर जुड़ें", "हर अपडेट
# के लिए हमारा व्हाट्सऐप चैनल फॉलो करें" (the block names no investment product: checked before).
_NEWS_CHANNEL_HI = re.compile(
    r"(?<![\u0900-\u097F])(?:खबर|ख़बर|खबरों|ख़बरों|खबरें|ख़बरें|समाचार|न्यूज़?|अपडेट|अपडेट्स)(?![\u0900-\u097F])[^।!?\n]{0,40}?"
    r"(?:टेलीग्राम|टेलिग्राम|व्हाट्सएप|व्हाट्सऐप|वॉट्सऐप|यूट्यूब|ऐप|चैनल)"
)


# A news channel named by its link alone: "ताजा खबरों के लिए यहां क्लिक करें" over a t.me link, "market ki har khabar ke
# liye yahan click karein" (tips are no news: "tips aur khabren" is a calls channel).
_NEWS_WORD = re.compile(
    r"(?<![\u0900-\u097F])(?:खबर|ख़बर|खबरों|ख़बरों|खबरें|ख़बरें|समाचार|न्यूज़?|अपडेट|अपडेट्स)(?![\u0900-\u097F])"
    r"|\b(?:khabar|khabren|khabron|khabaron|samachar|news|updates?)\b",
    re.IGNORECASE,
)
_TIPS = re.compile(r"\btips?\b|(?<![\u0900-\u097F])(?:टिप|टिप्स)(?![\u0900-\u097F])", re.IGNORECASE)
_CHANNEL_HOSTS = ("t.me", "telegram.me", "whatsapp.com", "youtube.com", "youtu.be")


def _channel_host(href: str) -> bool:
    host = (urlsplit(href).hostname or "").lower().removeprefix("www.")
    return any(host == h or host.endswith("." + h) for h in _CHANNEL_HOSTS)


def _hindi_site_names(ctx: Context) -> list[str]:
    """The Devanagari site names of the page's title tag (see ``_SITE_NAME_HI``): a Hindi paper names itself in
    Devanagari in its own house promotions ("दैनिक समाचार ऐप डाउनलोड करें"), which the Latin canonical host
    ("dainiksamachar.in") cannot match."""
    cached = ctx.memo.get("hindi_site_names")
    if cached is not None:
        return cached
    out = [parts[-1] for parts in title_tag_parts(ctx) if _SITE_NAME_HI.match(parts[-1]) and len(parts[-1]) >= 4]
    ctx.memo["hindi_site_names"] = out
    return out


def _title_site_names(ctx: Context) -> list[str]:
    out = []
    for parts in title_tag_parts(ctx):
        for part in (parts[0], parts[-1]):
            if (_SITE_NAME.match(part) or _SITE_NAME_HI.match(part)) and len(part) >= 4:
                out.append(part.lower())
    return out


def title_tag_parts(ctx: Context) -> list[list[str]]:
    """The parts of each title tag that has two or more, split at its separators ("Term plan | Firm Life")."""
    split = (_TITLE_PARTS.split(mv.value.strip()) for mv in ctx.doc.metadata.get("title") if mv.source == "title-tag")
    return [parts for parts in split if len(parts) >= 2]


_LEGAL_FORMS = r"pvt|private|ltd|limited|llp|inc"  # a firm's legal form, as names write it
# The same in Devanagari: "प्राइवेट लिमिटेड", "प्रा. लि."
_LEGAL_FORMS_HI = r"प्राइवेट|प्रा\.|लिमिटेड|लि\."
# A firm's name, not a person's: its legal form or the words of a financial firm's name.
FIRM = re.compile(
    rf"\b(?:{_LEGAL_FORMS}|Securities|Broking|Brokers|Capital|Advisors|Advisers|Advisory|Research|"
    r"Wealth|Investments?|Asset\s+Management|Mutual\s+Fund|Insurance|Finance|Financial|Markets)\b",
    re.IGNORECASE,
)
FIRM_HI = re.compile(
    rf"(?<![\u0900-\u097F])(?:{_LEGAL_FORMS_HI}|सिक्योरिटीज|सिक्योरिटीज़|ब्रोकिंग|ब्रोकर्स|कैपिटल|एडवाइजर्स|एडवाइजरी|रिसर्च|वेल्थ|"
    r"इन्वेस्टमेंट्स?|म्यूचुअल\s+फंड|इंश्योरेंस|फाइनेंस|फिनसर्व)(?![\u0900-\u097F])"
)


def _legal_squash(name: str) -> str:
    """A firm's name without case, punctuation and its legal form ("Konark Stock Broking Pvt. Ltd." ->
    "konarkstockbroking", "अटल ब्रोकिंग लिमिटेड" -> "अटलब्रोकिंग")."""
    name = re.sub(rf"(?<![\u0900-\u097F])(?:{_LEGAL_FORMS_HI})(?![\u0900-\u097F])", " ", name)
    return _squash(re.sub(rf"\b(?:{_LEGAL_FORMS}|co)\b\.?", " ", name, flags=re.I))


def _presents_itself(name: str, line: str) -> bool:
    """Whether the registration line opens by saying what ``name`` is: "Nivesh Mitra is an AMFI-registered ..."."""
    return re.match(rf"\W*{re.escape(name)}\s+(?:is|are)\s+(?:an?|the)\b", line, re.IGNORECASE) is not None


# What a page may declare itself to be (JSON-LD @type, og:type), in lower case: an article (any "...Article",
# "...Posting", a "Report"; og:type "article") or a page, product or service of a firm's own site.
_ARTICLE_TYPE = re.compile(r"(?:article|posting|^report)$")
_PAGE_TYPE = re.compile(
    r"(?:page|^product|^product\.\w+|^(?:financial)?service|^financialproduct|^investmentordeposit|^depositaccount|"
    r"^bankaccount|^loanorcredit|^investmentfund|^brokerageaccount|^offercatalog|^business\.business|"
    r"^(?:software|mobile|web)application)$"
)


def declared_page(ctx: Context) -> bool:
    """Whether the page declares itself a page, product or service (JSON-LD "WebPage", "Product",
    "FinancialProduct", "Service", "AboutPage"; og:type "product") and nothing that is an article ("NewsArticle",
    "BlogPosting", "Report", og:type "article"). A news page's "WebPage" beside its "NewsArticle" is an article's;
    a page that declares nothing is not a page by this test."""
    types = [mv.value.strip().lower() for mv in ctx.doc.metadata.get("types")]
    types = [t.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for t in types]  # "schema:WebPage", "https://schema.org/Product"
    if any(_ARTICLE_TYPE.search(t) for t in types):
        return False
    return any(_PAGE_TYPE.search(t) for t in types)


_PRESS_RELEASE = re.compile(
    r"^\W*(?:press|news|media)\s+release\b|\bfor\s+immediate\s+release\b|^\W*प्रेस\s+(?:विज्ञप्ति|रिलीज़?)", re.I
)


def press_release(ctx: Context) -> bool:
    """Whether the page says it is a press release: "Press release" or "For immediate release" opening one of its
    first blocks, or in its title ("... | Press Release")."""
    titles = [mv.value for mv in ctx.doc.metadata.get("title")]
    if any(re.search(r"\b(?:press|news|media)\s+release\b", t, re.I) for t in titles):
        return True
    return any(_PRESS_RELEASE.search(b.text) for b in [b for b in ctx.doc.blocks if b.body][:6])


# Capitalised words of a headline that name no firm of their own ("Open", "Nifty", "India", "Fund", "Securities").
_COMMON_WORDS = (
    "about after before start invest buy sell open nifty sensex india indian indians bharat reserve bank banks "
    "stock stocks share shares market markets mutual equity growth value plan plans scheme schemes policy term "
    "life health money wealth income returns return these those their there where which while why what when how"
)
_COMMON_CAPITALISED = frozenset(_COMMON_WORDS.split())


def _brand_registered(names: list[str], identity: list[str]) -> bool:
    """Whether a publisher or site name that is a firm's ("Sabarmati Mutual Fund") has its brand in a registration
    line ("Investment Manager: Sabarmati Asset Management Company Pvt. Ltd.")."""
    registered = [_squash(t) for t in identity]
    for name in names:
        if not FIRM.search(name):
            continue
        brand = _brand(name)
        if brand and len(brand) >= 5 and any(brand in r for r in registered):
            return True
    return False


# A firm named with its legal form in a registration line: "उत्कर्ष फिनवेस्ट लिमिटेड, पंजीकृत कार्यालय: ..." (one to three
# words before it).
_LEGAL_NAME_HI = re.compile(rf"((?:[\u0900-\u097F]+\s+){{1,3}}?)(?:{_LEGAL_FORMS_HI})(?![\u0900-\u097F])")
# Words of a Hindi firm's name that name no firm of their own.
_GENERIC_HI = frozenset(["कंपनी", "इंडिया", "भारत", "भारतीय", "सर्विसेज", "सर्विसेस", "इंडस्ट्रीज", "होल्डिंग्स", "एंटरप्राइजेज"])
# A headline that is a company's legal name and nothing else, as a statutory announcement's masthead reads ("Kaveri
# Polymers Limited" over its CIN and the offer).
_LEGAL_NAME_ONLY = re.compile(rf"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,5}}\s+(?i:{_LEGAL_FORMS})\.?")
_CIN = re.compile(r"\bCIN\s*(?:No\.?)?\s*[:.-]?\s*[LU][0-9]{5}[A-Z]{2}[0-9]{4}[A-Z]{3}[0-9]{6}\b", re.IGNORECASE)


def _headline_names_registrant(ctx: Context, identity: list[str], furniture: list[str]) -> bool:
    """Whether the page's headline names the firm of a registration line: one of its capitalised words of five
    letters or more, not a firm's generic word ("Capital", "Securities") nor a market's ("Nifty"), occurs in it; or
    the firm a Hindi registration line in the page's furniture (its footer) names with its legal form ("सह्याद्रि फिनलीज़
    लिमिटेड") is in the headline; or
    the headline is a company's legal name alone over its CIN (a statutory announcement's masthead)."""
    doc = ctx.doc
    if doc.headline is not None and doc.headline < len(doc.blocks):
        headline = doc.blocks[doc.headline].text
    else:
        headline = next((mv.value for mv in doc.metadata.get("title")), "")
    text = " ".join(identity)
    if _LEGAL_NAME_ONLY.fullmatch(headline.strip()) and _CIN.search(text):
        return True
    squashed = _squash(headline)
    for m in _LEGAL_NAME_HI.finditer(" ".join(furniture)):
        words = m.group(1).split()
        for k in range(len(words)):  # the name's last words: "यह उत्कर्ष फिनवेस्ट लिमिटेड" names "उत्कर्ष फिनवेस्ट"
            brand = _brand(" ".join(words[k:]))
            if brand and brand not in _GENERIC_HI and brand in squashed:
                return True
    for word in re.findall(r"\b[A-Z][a-z]{4,}\b", headline):
        if word.lower() in _COMMON_CAPITALISED or FIRM.fullmatch(word):
            continue
        if re.search(rf"\b{word}\b", text):
            return True
    return False


def _brand(name: str) -> str | None:
    """A firm's brand: its name without the words any firm's name has ("Narmada Mutual Fund" -> "narmada"); None
    for a brand too short to tell."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    brand = _legal_squash(re.sub(r"\bcompany\b", " ", FIRM_HI.sub(" ", FIRM.sub(" ", name)), flags=re.IGNORECASE))
    return brand if len(brand) >= 4 else None


def _site_is_brands(ctx: Context, brand: str) -> bool:
    """Whether no publisher or canonical host says the page belongs to someone other than ``brand``."""
    if any(brand not in _squash(mv.value) for mv in ctx.doc.metadata.fields.get("publisher") or ()):
        return False
    hosts = _hosts(ctx)
    return not hosts or any(brand in _squash(h) for h in hosts)


def may_be_advertiser_page(ctx: Context) -> bool:
    """A cheap first test of an own or advertiser's page (``page_kind``): the page shows a regulated firm's
    registration line, or is a brand's own page. Most news pages do neither, and need no promotion class worked out
    to say so. (One search of the document's lower-cased text, which the rules' literal index holds already, not
    one per block.)"""
    text = ctx.lowered(("document",))
    if text is None:
        found = any(REGULATED_IDENTITY.search(b.text) for b in ctx.doc.blocks)
    else:
        # each part of REGULATED_IDENTITY from its literal head, without the boundaries (a superset is harmless
        # here: the full test follows), so that each search skips to its head as a plain string search does
        found = any(p.search(text) is not None for p in _IDENTITY_HEADS)
    return found or _brand_own_page(ctx)


_IDENTITY_HEADS = tuple(
    re.compile(p)
    for p in (
        r"in[ahzpmr][0-9]{9}",
        r"in[ah][\s:/.-][0-9]{9}",
        r"arn[\s:.-]*[0-9]{3}",
        r"irdai?\s+(?:reg|licen|corporate|broker|composite|direct|web|पंजीकरण|पंजीयन|रजिस्ट्रेशन)",
        r"valid\s+certificate\s+of\s+registration",
        r"(?:rbi|reserve\s+bank\s+of\s+india|cor)\s+(?:cor|reg|certificate|no|number)",
        r"वैध\s+पंजीकरण",
        r"investment\s+manager\s*:",
        r"निवेश\s+प्रबंधक\s*:",
        r"mf/[0-9]{3}/[0-9]{2}/[0-9]",
        r"cin\s*(?:no\.?)?\s*[:.-]?\s*[lu][0-9]{5}",
        r"corporate\s+identi(?:ty|fication)\s+n",
    )
)


def _brand_word_registered(ctx: Context, identity: list[str]) -> bool:
    """Whether the registration line names the firm behind the brand that wrote the page, by the brand's first
    word: "Koyal Digital Technologies Pvt. Ltd., CIN ..." under a page by "Koyal Exchange" (a trading name and its
    company's legal name share the brand, not the rest)."""
    authors = [mv.value.strip() for mv in ctx.doc.metadata.fields.get("authors") or ()]
    if len(authors) != 1:
        return False
    first = re.sub(r"^the\s+", "", authors[0], flags=re.IGNORECASE).split()[0].lower() if authors[0].split() else ""
    if len(first) < 4 or first in _COMMON_CAPITALISED:
        return False
    return any(re.search(rf"(?<!\w){re.escape(first)}(?!\w)", t, re.IGNORECASE) for t in identity)


def _self_published(ctx: Context, name: str) -> bool:
    """Whether the author ``name`` is the page's own publisher or site (JSON-LD publisher, the title tag's site
    name) on a page that is no article: it declares itself a page or a service, or carries no publication date
    ("Koyal Exchange" by "Koyal Exchange" under "... | Koyal Exchange"). A firm that writes its own page is no
    person, whatever its name's shape; a newsroom credited as author still dates its articles."""
    key = _legal_squash(name)
    sites = {_legal_squash(mv.value) for mv in ctx.doc.metadata.fields.get("publisher") or ()}
    sites |= {_legal_squash(n) for n in _title_site_names(ctx)}
    if len(key) < 5 or key not in sites:
        return False
    return declared_page(ctx) or not ctx.doc.metadata.fields.get("published")


def _brand_own_page(ctx: Context) -> bool:
    """Whether the page is a brand's own page though it shows no registration line: its one author is the brand
    (a firm's name, "Tapovan Mutual Fund", or a one-word brand, "CoinNest"; or, on an undated page that declares
    itself a page and names no author, its one publisher), the headline names the brand, and
    no publisher or canonical site says the page belongs to someone else. A fund house's scheme page or a crypto
    app's landing page written by the brand itself poses as no one's article; an advertorial on a news site has
    the site as publisher or host, or a writer's byline."""
    fields = ctx.doc.metadata.fields
    authors = [mv.value.strip() for mv in fields.get("authors") or ()]
    if not authors:
        # no author at all: the brand that publishes an undated page it declares a page, not an article (JSON-LD
        # "WebPage" with the exchange as publisher, an about or landing page) is its author
        publishers = {mv.value.strip() for mv in fields.get("publisher") or ()}
        if len(publishers) != 1 or fields.get("published") or not declared_page(ctx):
            return False
        authors = list(publishers)
    if len(authors) != 1:
        return False
    name = re.sub(r"^the\s+", "", authors[0], flags=re.IGNORECASE)
    if not (FIRM.search(name) or FIRM_HI.search(name)) and len(name.split()) != 1 and not _self_published(ctx, name):
        return False  # a person's name
    brand = _brand(name)
    if brand is None or not _site_is_brands(ctx, brand):
        return False
    doc = ctx.doc
    headlines = [doc.blocks[doc.headline].text] if doc.headline is not None and doc.headline < len(doc.blocks) else []
    # (not the title tag, which carries the site's name on every page)
    headlines += [mv.value for mv in fields.get("title") or () if mv.source != "title-tag"]
    return any(brand in _squash(h) for h in headlines)


def house_promotion(ctx: Context, block: Block) -> bool:
    """Whether the promotion in ``block`` is the publisher's promotion of its own (non-financial) products."""
    text = block.text
    if INVESTMENT_PRODUCT.search(text) or INVESTMENT_PRODUCT_HI.search(text):
        return False
    if ctx.self_promotion():
        return False
    lowered = text.lower()
    squashed = _squash(text)
    for name in _names(ctx):
        if name in lowered or (len(name) >= 5 and _squash(name) in squashed):
            return True
    if any(name in text for name in _hindi_site_names(ctx)) and NEWS_PRODUCT.search(text):
        return True
    if _NEWS_CHANNEL_HI.search(text):
        return True
    if (
        block.links
        and _NEWS_WORD.search(text)
        and not _TIPS.search(text)
        and all(_channel_host(lk.href) for lk in block.links)
    ):
        return True
    hosts = _hosts(ctx)
    if block.links and hosts:
        own = 0
        for lk in block.links:
            host = (urlsplit(lk.href).hostname or "").lower().removeprefix("www.")
            if not host or any(host == h or host.endswith("." + h) or h.endswith("." + host) for h in hosts):
                own += 1
        if own == len(block.links):
            return True
    return bool(FIRST_PERSON.search(text) and NEWS_PRODUCT.search(text))
