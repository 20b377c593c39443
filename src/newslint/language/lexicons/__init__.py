"""Word lists by language (English, Hindi in Devanagari, Hinglish: romanised Hindi) and the block's language.

The lists hold the vocabulary of Indian financial media and finfluencer promotion that newslint's mechanisms
need: who is speaking (reporting verbs and sources), what negates or hedges a claim, and what makes a page
promote investment services. English verbs are listed as lemmas and matched in every inflection
(``forms.inflections``). Hindi lists are written as they are spelled in Hindi business papers (Dainik
Bhaskar, Amar Ujala, Zee Business, Navbharat Times) and on finfluencer channels, with the common variant
spellings (nukta or not, chandrabindu or anusvara).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def _words(text: str) -> list[str]:
    """The words of a space-separated list (word lists read and edit better as text than as list literals)."""
    return text.split()


# The language of a block, which chooses the lexicons below that read it, is worked out in
# ``newslint.language.languages``.


# -- speaker: reporting verbs and sources ------------------------------------------------------------------

# English lemmas of verbs that report what someone else said, claimed, promised or was accused of. Matched in
# every inflection ("promise": promises, promised, promising).
REPORTING_VERBS = _words(
    "say tell claim allege promise write post tweet state add assert announce declare boast advertise tout "
    "pitch lure dupe cheat defraud mislead induce entice solicit accuse charge note observe find order direct "
    "warn caution complain testify report quote cite describe insist argue urge ask invite offer explain "
    "mention reveal disclose admit deny reckon "
    # the opinion verbs of attribution in news copy: "Renu Pothen, a SEBI-registered adviser, suggests ...",
    # "... believes small caps are expensive", "pointed out that ..."
    "suggest believe opine recall stress emphasise emphasize reiterate acknowledge concede clarify point highlight "
    "recount"
)
# First-person subjects: "we promise", "I said", "our team claims" is the page's own voice.
FIRST_PERSON = r"(?:we|i|our\s+(?:\w+\s+){0,2}|my\s+(?:\w+\s+){0,2}|us)"
# Phrases that attribute a clause to a source without a verb.
SOURCE_PHRASES_EN = (
    r"according\s+to",
    # The inverted attribution of headlines: "..., say analysts", "..., claim experts", "..., warn brokers".
    r"(?<=,\s?)(?:say|claim|warn|believe|feel|reckon|predict|suggest|argue|estimate|expect)\s+"
    r"(?:(?!(?:our|my)\b)[\w-]+\s+){0,2}?(?:analysts|experts|economists|brokers|brokerages|traders|sources|officials|"
    r"investors|dealers|bankers|strategists|observers|insiders|executives|planners|advisers|advisors|reports)",
    r"as\s+per\s+(?:the|an?|his|her|their|its)\s+\w+",
    r"in\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:press\s+release|statement|post|posts|tweet|video|"
    r"order|orders|complaint|FIR|chargesheet|charge\s+sheet|filing|petition|affidavit|interim\s+order|notice|"
    r"advertisement|advertisements|ad|ads|messages?|letter|interview|note|report|circular|caution)",
    r"allegedly",
    r"purportedly",
    # A representation someone else made: "mis-selling a strategy as a product with guaranteed returns", "sold
    # to savers as a fixed deposit", "passed off as risk-free".
    r"mis-?(?:sell|sells|sold|selling|represent(?:s|ed|ing|ation)?)",
    r"(?:marketed|sold|billed|passed\s+off|portrayed|projected|presented|misrepresented)\s+(?:[\w-]+\s+){0,6}?as",
    r"reportedly",
    r"supposedly",
    r"so[\s-]called",
    # what someone is accused of: "Allegations against the firm", "the allegation that he promised..."
    r"(?:allegations?|accusations?)",
    # The paper's note on its contributor under a column: "The expert is a SEBI-registered investment adviser,
    # Reg. No. INA...", "The writer is a Sebi-registered RA. Views are personal." (a disclosure, no promotion)
    r"(?:author|writer|columnist|contributor|expert|panell?ist|guest\s+(?:writer|author|columnist))s?"
    r"(?<!\b(?:our|my|your)\s+(?:[\w-]+\s+)?(?:author|writer|columnist|contributor|expert|panell?ist)s?)\s+"
    r"(?:is|are)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:SEBI|Sebi|registered|RIA|RA|adviser|advisor|analyst|"
    r"planner|founder|director|partner|head|chief|CEO|CIO|economist|professor)",
    # A third party's features or status told by the story: "The app also lets users apply for IPOs through UPI"
    # (not "Our app lets you..."), "he is now a SEBI-registered adviser", "she became a registered analyst".
    # (the first-person test is a lookbehind after the verb, so that it runs only where a verb is)
    r"\b(?:lets|let|allows|allowed|enables|enabled|permits|permitted)"
    r"(?<!\b(?:our|my|we|us)\b[^.!?]{0,40}?\b(?:lets|let|allows|allowed|enables|enabled|permits|permitted))\s+"
    r"(?:(?:its|their|the|his|her|new|existing|retail|all)\s+)*(?:users|customers|clients|investors|traders|"
    r"subscribers|members|people|account\s+holders)\b",
    # (a new registration only: "She became India's most trusted adviser" stays a claim)
    r"\b(?:he|she|they)\s+(?:(?:(?:is|are)\s+now|has\s+(?:since\s+)?become|have\s+(?:since\s+)?become|became|"
    r"turned|went\s+on\s+to\s+become)\s+(?:an?\s+)?(?:(?:SEBI|Sebi)[\s-]*)?registered|got\s+registered|"
    r"registered\s+(?:himself|herself|themselves)|chose\s+to\s+register)\b",
    # An arrangement told in the past, the future of someone else's promise: "each investor was to get a fixed 2%
    # daily return", "depositors were supposed to receive 3% a month".
    r"(?:was|were)\s+(?:(?:supposed|meant|due|entitled|promised)\s+)?to\s+(?:get|receive|earn|be\s+(?:paid|given|"
    r"credited|returned|doubled)|double|fetch|yield)",
    # Someone else's name for a thing: "what Kale called guaranteed returns", "what the app termed risk-free
    # trades", "what the agents described as sure-shot schemes" ("what we call..." is the page's own).
    # (past forms only: "Get what traders call sure-shot calls" is a pitch)
    r"what\s+(?:(?!(?:we|i|our|my|us)\b)[\w'.-]+\s+){1,4}?(?:called|termed|dubbed|"
    r"(?:described|touted|billed|pitched|advertised|marketed)\s+as)",
    r"the\s+(?:order|complaint|FIR|notice|regulator|police|investigation|probe)\s+(?:\w+\s+){0,2}?(?:said|says|noted|found|alleged|observed|stated)",
    # A document or authority that sets out what someone claimed: "the ED's chargesheet lists the claims the app
    # made:", "the order reproduces his posts", "the complaint details".
    r"(?:order|complaint|FIR|notice|chargesheet|charge\s+sheet|petition|affidavit|filing|circular|indictment|lawsuit|"
    r"(?<=(?:the|an|its|their|police|public|investor|cyber|caution)\s)(?:advisory|alert|warning))"
    r"(?:'s)?\s+(?:[\w'-]+\s+){0,4}?(?:lists|listed|cites|cited|details|detailed|quotes|quoted|records|recorded|"
    r"describes|described|sets\s+out|reproduces|reproduced|mentions|mentioned|alleges|observes)",
    # "the claims the app made", "promises he gave investors", "assurances given by the agents"
    r"(?:claims|promises|assurances|representations|pitches)\s+(?:that\s+)?(?:(?!(?:we|i|our|us)\b)[\w'-]+\s+){1,6}?"
    r"(?:made|gave|offered|posted|sent|make|give|offer|post|send|use|used)(?!\w)",
    # "the plans the firm sold to depositors:", "schemes the accused ran": someone else's products, set out
    r"(?:plans|schemes|products|policies|packages|deposit\s+schemes)\s+(?:that\s+)?(?:(?!(?:we|i|our|us)\b)[\w'-]+\s+){1,4}?"
    r"(?:sold|ran|floated|launched|marketed|peddled|pushed|operated|offered)(?!\w)",
    # "Its headline read:", "the message reads:", "the SMS went:": the words of an ad or message follow
    r"(?:headline|message|post|ad|advertisement|text|banner|caption|slogan|tweet|sign|poster|brochure|pamphlet|"
    r"leaflet|flyer|letter|e-?mail|SMS|description|bio|tagline|pitch)s?\s+(?:read|reads|ran|runs|went|goes)\s*:",
    r"(?:claims|promises|assurances|representations)\s+(?:made|given|offered|posted|sent)\s+(?:by|to|on|in)",
)
# Hindi: "कहा", "बताया", "दावा किया", "आरोप", "के मुताबिक", "के अनुसार", "सूत्रों", "वादा किया", "लालच दिया".
REPORTING_HI = (
    "कहा",
    "कहते",
    "कहती",
    "कहना",
    "बताया",
    "बताते",
    "बताती",
    "बताता",
    "बताकर",
    "कहता",
    "कहकर",
    "बोला",
    "स्पष्ट किया",
    "साफ किया",
    "साफ कहा",
    "जानकारी दी",
    "घोषणा की",
    "ऐलान किया",
    # a finding of an order or a probe: "सेबी ने पाया कि ...", "जांच में सामने आया कि ..."
    "पाया कि",
    "सामने आया",
    "संज्ञान में आया",
    "बोलता",
    "बोलते",
    "लिखता",
    "लिखते",
    "बनकर",
    "दावा",
    "दावे",
    "आरोप",
    "कथित",
    "कथित तौर",
    "वादे",
    "लालच",
    "झांसा",
    "झांसे",
    "ठगी",
    "ठगा",
    "मुताबिक",
    "मुताबिक़",
    "अनुसार",
    "सूत्रों",
    "सूत्र",
    "आदेश में",
    "शिकायत",
    "लिखा",
    "पोस्ट में",
    "चेतावनी",
    "चेताया",
    "सावधान",
)
REPORTING_HINGLISH = (
    "kaha",
    # a finding of an order or a probe: "SEBI ne paya ki ...", "jaanch mein saamne aaya"
    "paya ki",
    "saamne aaya",
    "samne aaya",
    "sangyan mein aaya",
    "bataya",
    "daawa",
    "dawa",
    "aarop",
    "aaropi",
    "mutabik",
    "anusar",
    "sutron",
    "laalach",
    "lalach",
    "thagi",
    "kehta",
    "kehte",
    "kehti",
    "kahta",
    "kahte",
    "kahti",
    "bolta",
    "bolte",
    "bolti",
    "batata",
    "batate",
    "batati",
    "likha",
)

# Promises and assurances made by someone: reported unless the speaker is the page ("jo aapko pakka profit ka
# bharosa deta hai" reports; "hum aapko ... bharosa dete hain" promises). Hindi puts the subject first, so a
# first-person subject earlier in the sentence makes it the page's own (see ``FIRST_PERSON_HI``).
PROMISE_VERBS_HI = (
    "वादा किया",
    "वादा करते",
    "वादा करता",
    "वादा करती",
    # the progressive: "कुछ ऐप ... गारंटीड रिटर्न और पक्के मुनाफे का वादा कर रहे हैं"
    "वादा कर रहे",
    "वादा कर रहा",
    "वादा कर रही",
    "दावा कर रहे",
    "दावा कर रहा",
    "दावा कर रही",
    "भरोसा दिला रहे",
    "भरोसा दे रहे",
    "लालच दे रहे",
    "भरोसा देता",
    "भरोसा देते",
    "भरोसा दिलाता",
    "भरोसा दिलाते",
    "दावा करता",
    "दावा करते",
    "दावा करती",
    "लालच देता",
    "लालच देते",
    "पेशकश कर रहे",
    "पेशकश कर रहा",
    "पेशकश करते",
    "पेशकश करता",
    "पेशकश की",
    "ऑफर कर रहे",
    "ऑफर करते",
    "ऑफर करता",
    # talk of giving something: "जो पक्का मुनाफा दिलाने की बात करते हैं", "रोज कमाई कराने की बात करता है"
    "दिलाने की बात करते",
    "दिलाने की बात करता",
    "दिलाने की बात करती",
    "देने की बात करते",
    "देने की बात करता",
    "देने की बात करती",
    "कराने की बात करते",
    "कराने की बात करता",
    # the subjunctive of a condition or a warning: "अगर कोई ... का वादा करे", "जो ... का भरोसा दिलाए"
    "वादा करे",
    "दावा करे",
    "भरोसा दे",
    "भरोसा दिलाए",
    "लालच दे",
    "गारंटी दे",
    "गारंटी दें",
    "गारंटी दिलाए",
    "ऑफर करे",
    "पेशकश करे",
    # "अगली बार कोई 15% गारंटीड रिटर्न का ऑफर दे, तो ...", "जो ... का लालच दिखाए"
    "ऑफर दे",
    "प्रस्ताव दे",
    "लालच दिखाए",
    "सपना दिखाए",
    # "जो सलाहकार पक्के मुनाफे की बात करे, उससे दूरी बनाएं"
    "की बात करे",
    "की बात करें",
    # the conjunctive participle of a story's third party: "कई लोग हर महीने 10% कमाई का भरोसा देकर पैसे लेते हैं", "कुछ ऐप्स
    # पक्के मुनाफे का वादा करके फीस वसूलते हैं" ("हम ... का वादा करके" stays the page's: the first person guards it)
    "वादा करके",
    "वायदा करके",
    "दावा करके",
    "भरोसा देकर",
    "भरोसा दिलाकर",
    "लालच देकर",
    "झांसा देकर",
    "गारंटी देकर",
)
PROMISE_VERBS_HINGLISH = (
    "vaada kiya",
    "wada kiya",
    "wada kar rahe",
    "vaada kar rahe",
    "waada kar rahe",
    "dawa kar rahe",
    "daawa kar rahe",
    "bharosa de rahe",
    "bharosa dila rahe",
    "lalach de rahe",
    "wada karta",
    "wada karte",
    "vaada karta",
    "vaada karte",
    "bharosa deta",
    "bharosa dete",
    "bharosa dilata",
    "bharosa dilate",
    "daawa karta",
    "daawa karte",
    "dawa karta",
    "dawa karte",
    "lalach deta",
    "lalach dete",
    "offer kar rahe",
    "offer karte",
    "offer karta",
    # talk of giving something: "jo roz ka pakka profit dilane ki baat karte hain"
    "dilane ki baat karte",
    "dilane ki baat karta",
    "dilane ki baat karti",
    "dene ki baat karte",
    "dene ki baat karta",
    "dene ki baat karti",
    "karane ki baat karte",
    "karane ki baat karta",
    # the subjunctive of a condition or a warning: "agar koi ... ka wada kare", "jo pakka profit ka bharosa de"
    "wada kare",
    "vaada kare",
    "waada kare",
    "dawa kare",
    "daawa kare",
    "bharosa de",
    "bharosa dilaye",
    "lalach de",
    "guarantee de",
    "guarantee dein",
    "guarantee dilaye",
    "gaaranti de",
    "garanti de",
    "offer kare",
    "offer de",
    "lalach dikhaye",
    "sapna dikhaye",
    "ki baat kare",
    # the conjunctive participle: "kuch apps pakka munafa ka wada karke fees le lete hain"
    "wada karke",
    "vaada karke",
    "waada karke",
    "dawa karke",
    "daawa karke",
    "bharosa dekar",
    "bharosa dilakar",
    "lalach dekar",
    "jhansa dekar",
    "guarantee dekar",
)
FIRST_PERSON_HI = (
    r"(?<!\w)(?:हम|मैं|हमने|मैंने|हमारी|हमारे|हमारा|मेरी|मेरे|मेरा|hum|ham|main|mai|humne|hamne|maine|hamari|hamare|"
    r"hamara|humari|humare|humara|meri|mere|mera)(?!\w)"
)

# -- negation and hedging --------------------------------------------------------------------------------

NEGATION_EN = _words(
    "no not never nor neither without cannot can't don't doesn't didn't isn't aren't wasn't weren't won't "
    "wouldn't shouldn't none nothing nobody nowhere avoid beware fake false falsely bogus misleading "
    "unrealistic impossible myth lie lies lying"
)
NEGATION_PHRASES_EN = (
    r"be\s+wary\s+of",
    r"stay\s+away\s+from",
    r"there\s+is\s+no\s+such\s+thing\s+as",
    r"do\s+not\s+fall\s+for",
    r"don't\s+fall\s+for",
    r"claims?\s+of",
    r"promises?\s+of",
    r"no\s+one\s+can",
    # Negative quantifiers: "very few products assure returns", "hardly any fund guarantees" ("a few" is not one).
    r"(?:very|so|too|only\s+a\s+very)\s+few",
    r"(?:hardly|scarcely|barely)\s+(?:any|anyone|anybody)",
    # A prohibition governs what follows it: "barred them from promising or guaranteeing returns", "bans
    # advisers from assuring returns", "prohibited from offering", "not allowed to promise".
    r"(?:bar|bars|barred|barring|debar|debars|debarred|ban|bans|banned|banning|prohibit|prohibits|prohibited|"
    r"prohibiting|forbid|forbids|forbade|forbidden|restrain|restrains|restrained|prevent|prevents|prevented|"
    r"stop|stops|stopped|refrain|refrains|desist)\s+(?:[\w-]+\s+){0,3}?from",
    r"not\s+(?:allowed|permitted|supposed)\s+to",
    # The speaker's former practice, given up: "I used to promise my followers sure-shot calls", "we used to sell
    # assured-return plans" (only verbs of selling and promising: "clients who used to lose money now get...").
    r"(?<!\bwho\s)used\s+to\s+(?:promise|sell|give|offer|post|run|call|claim|advertise|pitch|push|send|share)",
    # Being deceived by it: "Falling for sure-shot tips", "fell for promises of...", "lured by", "the lure of".
    r"(?:fall|falls|falling|fallen|fell)\s+for",
    r"(?:taken|sucked|roped)\s+in\s+by",
    r"(?:lured|tempted|swayed|fooled|duped|misled|conned|hooked)\s+(?:[\w-]+\s+){0,2}?by",
    r"(?:the\s+)?(?:lure|trap|mirage|illusion)\s+of",
)
# Not negations though they hold a negative word: "Reg. No. INH...", "No. 1", "not only ... but also",
# "no doubt", "no matter".
NOT_NEGATION_EN = (
    r"no\s*\.\s*(?:[:#]?\s*\d|\w*\d)",
    r"no\s*\.(?=\s*[A-Z]{2,}\d)",
    r"no\s*\.\s*(?:[A-Z]{3}\d)",
    r"not\s+(?:only|just|merely|simply)\b",
    r"no\s+(?:doubt|wonder|matter|less\s+than|more\s+than|lower\s+than|fewer\s+than)\b",
    r"(?:not|never)\s+(?:less|lower|below|under)\s+than\b",  # a floor: "not less than 15% a year"
    r"not\s+least\b",
)
# Warnings count as denials: "... का वादा करने वाली योजनाओं से दूर रहें", "सतर्क रहें", "door rahein".
NEGATION_HI = (
    "नहीं", "नही", "न", "ना", "मत", "बिना", "कोई नहीं", "झूठ", "झूठे", "फर्जी", "फ़र्ज़ी", "बचें", "सावधान", "गलत",
    "दूर रहें", "दूर रहना", "दूर रहने", "दूर रहिए", "सतर्क",
    # a prohibition governs what it forbids: "फ्री ट्रायल देने पर रोक लगा दी", "गारंटीड रिटर्न के दावों पर प्रतिबंध"
    "रोक", "प्रतिबंध", "प्रतिबंधित", "पाबंदी", "मनाही", "वर्जित",
    # a debunking title after the claim: "जैकपॉट कॉल्स का सच", "पक्के मुनाफे का जाल", "गारंटीड रिटर्न की असलियत"
    "का सच", "की सच्चाई", "की असलियत", "की हकीकत", "का जाल", "के जाल", "का खेल", "का धंधा",
    # keeping away: "उससे दूरी बनाएं", "ऐसे ऑफर से दूरी बनाए रखें"
    "दूरी बनाएं", "दूरी बनाए", "दूरी बनाकर",
)  # fmt: skip
NEGATION_HINGLISH = (
    "nahi", "nahin", "mat", "bina", "jhooth", "jhoothe", "farzi", "fake", "bachein", "bache",
    "door rahein", "door rahen", "door rahe", "door raho", "savdhan", "saavdhan", "satark",
    "rok", "pabandi", "pratibandh", "manaahi",
)  # fmt: skip

# -- the page's own promotion of investment services ---------------------------------------------------------

# A page whose own voice pitches investment services makes every quotation on it (a testimonial, a client's
# words, a slogan) its own claim.
SELF_PROMOTION = (
    r"\b(?:join|subscribe\s+(?:to|for)|sign\s+up\s+(?:to|for)|follow|dm|whatsapp|message|contact|call)\s+(?:us|our|my|me)\b"
    r"[^.!?\n]{0,100}?\b(?:calls?|tips?|advisory|signals?|picks?|course|courses|batch|mentorship|"
    r"portfolio|recommendations?|trades?|jackpot)\b",
    r"\bour\s+(?:[\w-]+\s+){0,2}?(?:calls|tips|advisory|clients|subscribers|members|premium|signals|picks|course|"
    r"batch|accuracy|track\s+record|recommendations)\b",
    # a finfluencer's "my students", "my mentorship", "my premium group"
    r"\bmy\s+(?:[\w-]+\s+){0,2}?(?:calls|tips|advisory|subscribers|students|mentees|premium|signals|picks|course|"
    r"batch|mentorship|accuracy|track\s+record|recommendations)\b",
    r"\bopen\s+(?:an?\s+|your\s+)?(?:free\s+)?(?:demat|trading)\s+account\s+(?:with|in|on)\s+us\b",
    r"\btrade\s+with\s+us\b",
    r"\b(?:book|get)\s+(?:a|your)\s+(?:free\s+)?(?:demo|consultation|trial)\b",
    # "Pick a plan and start getting calls on WhatsApp tomorrow"
    r"\b(?:start|begin)\s+(?:getting|receiving)\s+(?:[\w-]+\s+){0,2}?(?:calls|tips|signals|recommendations|trade\s+alerts)\b",
    # The promotions of the other packs (asci, mf, ipo, irdai): an app or exchange for crypto or trading, a fund,
    # a policy, an IPO application, offered as the page's own.
    r"\b(?:download|install|sign\s+up\s+(?:on|with|for)|register\s+(?:on|with)|trade\s+on)\s+(?:our|my)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:crypto|bitcoin|trading|investment|demat|broking|stock|mutual\s+fund|insurance)\s+(?:app|exchange|platform|account)\b",
    r"\b(?:invest|start\s+(?:a|an|your)\s+SIPs?)\s+(?:now\s+|today\s+)?"
    r"(?:in\s+our\s+(?:[\w&-]+\s+){0,5}?(?:funds?|schemes?|NFOs?|ULIPs?)|with\s+us|through\s+us)\b",
    r"\bbuy\s+our\s+(?:[\w&-]+\s+){0,3}?(?:insurance|term\s+plan|health\s+plan|ULIP|policy)\b",
    r"\bapply\s+(?:for|in)\s+(?:[\w&.-]+\s+){0,4}?IPOs?\s+(?:now\s+|today\s+)?(?:on|via|through|with)\s+(?:us|our)\b",
    # An invitation to subscribe to or join a market service (calls, tips, a VIP channel) with a mobile number to
    # call, in any person: "Traders can join the VIP channel or call 98200 12345 to subscribe" (an advertorial's
    # sales line). A paper's "To subscribe to the e-paper, call ..." names no such service.
    r"\b(?:join|subscribe|subscription|sign\s+up|enrol|enroll|register)\b[^.!?\n]{0,100}?\b(?:calls|tips|advisory|"
    r"channel|group|premium|VIP|signals|course|batch|mentorship|research|recommendations|portfolios?|PMS|strategy)\b[^.!?\n]{0,100}?"
    r"\b(?:call|whatsapp|sms|dm|message|contact)\b[^.!?\n\d]{0,20}?(?:\+91[\s-]?)?[6-9]\d{4}[\s-]?\d{5}\b",
    # A paid sign-up: "Enrol now for Rs 14,999", "Join today at just ₹999" (a course, a batch, a channel).
    # ((?=[ejrs]): the first letters of the verbs, so that the rest is tried at far fewer positions)
    r"\b(?=[ejrs])(?:enrol+|register|sign\s+up|join|subscribe)\s+(?:now|today)\s+(?:for|at|@)\s+(?:just\s+|only\s+)?"
    r"(?:₹|Rs\.?\s?|INR\s?)\s?\d",
    # An imperative opening a sentence, addressed to the reader: "Join the paid batch for daily calls on Telegram",
    # "Subscribe to the VIP channel for option tips" (a report's "He asked followers to join..." is reported).
    # (the sentence opening is a lookbehind after the verb, so that it is tried only where the verb is)
    r"\b(?=[jse])(?:join|subscribe\s+to|enrol\s+in|enroll\s+in)"
    r"(?<=(?:^|[.!?]\s)\W{0,3}(?:join|subscribe\s+to|enrol\s+in|enroll\s+in))\s+(?:the|this)\s+"
    r"(?![^.!?\n]{0,100}?\b(?:newsletters?|e-?papers?|podcasts?|editions?|magazines?)\b)[^.!?\n]{0,100}?"
    r"\b(?:calls|tips|signals|advisory|premium|VIP|paid\s+(?:batch|group|channel)|mentorship)\b",
    r"\b(?:call|whatsapp|sms|dm|message|contact)\b[^.!?\n\d]{0,20}?(?:\+91[\s-]?)?[6-9]\d{4}[\s-]?\d{5}\b"
    r"[^.!?\n]{0,60}?\b(?:join|subscribe|sign\s+up|enrol|enroll|register)\b[^.!?\n]{0,60}?\b(?:calls|tips|advisory|"
    r"channel|group|premium|VIP|signals|course|batch|mentorship|research|recommendations|portfolios?|PMS|strategy)\b",
    # An advertorial's sales line for an investment platform: a code for a bonus on the first investment ("Use code
    # METRO500 for a ₹500 bonus on your first investment"), a sign-up to its app today with the money it makes
    # ("Sign up on the X app today and earn 12% on your savings"). A paper's "use code X for 20% off the annual
    # subscription" or "download our app today for live news" names no investment.
    r"\b(?:use|apply|enter)\s+(?:my\s+|our\s+|the\s+)?(?:promo\s+|referral\s+|coupon\s+|invite\s+|bonus\s+)?code\s+"
    r"[\w-]{4,}\b[^.!?\n]{0,60}?\b(?:first|next)\s+(?:[\w-]+\s+)?(?:investment|trade|deposit|SIP|order|IPO|FD)s?\b",
    # (only "sign up": "register" is in every "registered" and "download" in every app box, and this expression's
    # literals decide where it runs)
    r"\bsign\s+up\s+(?:on|for|with)\s+(?:the\s+)?(?:[\w&-]+\s+){0,3}?(?:app|platform)\s+(?:today|now)\b"
    r"[^.!?\n]{0,80}?\b(?:invest\w*|returns?|demat|SIPs?|FDs?|deposits?|bonds?|invoices?|crypto)\b",
)
# Hindi and Hinglish: "our calls / premium group", or an invitation to join with calls or tips in the sentence. "Our
# WhatsApp channel" alone is how news sites invite readers to their news updates.
_HI_SERVICE = (
    r"(?:कॉल|कॉल्स|टिप|टिप्स|कोर्स|एडवाइजरी|सिग्नल|सिग्नल्स|(?:मॉडल\s+)?पोर्टफोलियो\s+(?:सेवा|प्लान)|मॉडल\s+पोर्टफोलियो|"
    r"प्रीमियम\s+(?:ग्रुप|चैनल|मेंबरशिप|प्लान)|पेड\s+(?:ग्रुप|चैनल))"
)
_HI_JOIN = r"(?:(?:जॉइन|ज्वाइन|ज्वॉइन|जॉईन|join)\s*(?:करें|करो|कीजिए|करिए|कर\s+लें)|जुड़(?:ें|िए|\s+जाएं)|शामिल\s+हों)(?!\w)"
SELF_PROMOTION_HI = (
    rf"(?:हमारे|हमारा|हमारी|मेरे|मेरा|मेरी)\s+(?:\S+\s+){{0,2}}?{_HI_SERVICE}",
    rf"{_HI_JOIN}[^।.!?]{{0,80}}?{_HI_SERVICE}",
    rf"{_HI_SERVICE}[^।.!?]{{0,80}}?{_HI_JOIN}",
    # earning with us: "रोजाना पक्की कमाई करनी है तो हमारे साथ जुड़िए"
    rf"(?:कमाई|कमाना|कमाने|मुनाफा|मुनाफे|प्रॉफिट)[^।.!?]{{0,60}}?(?:हमारे|मेरे)\s+साथ\s+{_HI_JOIN}",
)
_HINGLISH_SERVICE = (
    r"(?:calls?|tips?|course|batch|classes|mentorship|trading|strategy|premium\s+(?:group|channel|plan)|"
    r"paid\s+(?:group|channel)|profit|trades?|advisory|signals?|(?:trading|swing|intraday|advisory)\s+service)"
)
_HINGLISH_JOIN = (
    r"\b(?:join\s+(?:kare|karo|karein|karen|kijiye|kar\s+lo|karlo)|judiye|judo|jud\s+(?:jaiye|jao|jaayein|jayein))\b"
)
SELF_PROMOTION_HINGLISH = (
    rf"{_HINGLISH_JOIN}[^.!?]{{0,80}}?\b{_HINGLISH_SERVICE}\b",
    rf"\b{_HINGLISH_SERVICE}\b[^.!?]{{0,80}}?{_HINGLISH_JOIN}",
    # "mere" and "apna" are English words too ("a mere group"): Hinglish blocks only.
    rf"\b(?:hamare|humare|hamara|mere|mera)\s+(?:\w+\s+){{0,2}}?{_HINGLISH_SERVICE}\b",
    # earning with us: "roz pakki kamai chahiye to hamare saath judo"
    r"\b(?:kamai|kamaai|kamana|munafa|munaafa|profit)\b[^.!?]{0,60}?\b(?:hamare|humare|mere)\s+sa+th\s+"
    r"(?:judo|judiye|jud\s+jao|join\s+(?:karo|karein|kijiye))\b",
    # a first meeting booked with the seller, as the English "book a free consultation": "Pehli meeting book karne ke
    # liye form bharein", "free consultation call book karo"
    r"\b(?:meeting|consultation|appointment|session|demo)\s+(?:call\s+)?book\s+(?:karne\s+ke\s+liye|kare|karo|karein|"
    r"karen|kijiye|kar\s+lo|karlo|kar\s+lijiye)\b",
    # clients served by the speaker, as the English "our clients": "2,000 families humse financial planning karwati
    # hain", "log mujhse portfolio ki salah lete hain"
    r"\b(?:humse|hamse|mujhse)\s+(?:\w+\s+){0,3}?(?:planning|salah|advice|advisory|portfolio|calls|tips|trading|"
    r"investment)\s+(?:\w+\s+){0,1}?(?:karwat[aei]|karvat[aei]|karwa\s+(?:rahe|rahi|chuke)|lete|leti|lene\s+aate|seekht[aei])\b",
)
# By the lexicon that reads them (see ``languages.LEXICONS``).
SELF_PROMOTION_BY_LEXICON = {"en": SELF_PROMOTION, "hi": SELF_PROMOTION_HI, "hinglish": SELF_PROMOTION_HINGLISH}


def all_inflected_words() -> Iterator[str]:
    """The English lemmas matched in every inflection (for ``forms.json``)."""
    yield from REPORTING_VERBS
