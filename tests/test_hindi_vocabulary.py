"""The Hindi and Hinglish vocabulary of the packs on differently worded sentences: spelling variants (nukta,
chandrabindu), joining verbs, accuracy and risk-free claims, calls with targets, house promotions, rule
statements about registration."""

from __future__ import annotations

import pytest
import regex

from helpers import lint
from newslint.language.devanagari import spelling_variants

# -- spelling variants ------------------------------------------------------------------------------------

NUKTA_FORMS = ["मुनाफ़ा", "मुनाफ\u093cा", "मुनाफा"]  # precomposed फ़ (U+095E), combining nukta, none


@pytest.mark.parametrize("written", NUKTA_FORMS)
@pytest.mark.parametrize("text", NUKTA_FORMS)
def test_a_nukta_letter_matches_all_its_spellings(written: str, text: str) -> None:
    assert regex.search(spelling_variants(written), f"पक्का {text} मिलेगा")


@pytest.mark.parametrize(("written", "text"), [("कमाएं", "कमाएँ"), ("कमाएँ", "कमाएं"), ("हैं", "हैं")])
def test_chandrabindu_and_anusvara_are_one_spelling(written: str, text: str) -> None:
    assert regex.search(spelling_variants(written), text)


def test_character_classes_and_escapes_are_left_alone() -> None:
    source = r"[^।ड]\s?ड"
    out = spelling_variants(source)
    assert out.startswith(r"[^।ड]\s?")
    assert regex.fullmatch(out, "कड़") and regex.fullmatch(out, "कड")
    assert spelling_variants(r"\bprofit\b") == r"\bprofit\b"


# -- promotions caught in new wordings ---------------------------------------------------------------------


def rules_of(text: str) -> set[str]:
    return {f.rule for f in lint(text) if f.severity in ("error", "warning")}


HEAD = "---\ntitle: t\nauthor: a\ndate: 2026-11-01T09:00:00+05:30\n---\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "रोज़ की इंट्राडे कॉल्स के लिए हमारे टेलीग्राम ग्रुप से जुड़ें।",
        "बैंक निफ्टी की कॉल्स पाने के लिए हमारा व्हाट्सऐप ग्रुप ज्वॉइन करें।",
        "प्रीमियम टिप्स चाहिए तो टेलिग्राम चैनल में शामिल हों।",
        "Nifty ke free calls ke liye Telegram join karo abhi.",
    ],
)
def test_invitations_to_channels_for_calls_in_hindi_and_hinglish(line: str) -> None:
    assert "sebi-calls-solicitation" in rules_of(HEAD + "सेंसेक्स और निफ्टी पर रोज़ अपडेट।\n\n" + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "पिछले तीन महीने में हमारी कॉल्स की एक्यूरेसी 94% रही है।",
        "हमारी ऑप्शन स्ट्रैटेजी की सफलता दर 90% है।",
        "हमारे ट्रेडिंग प्लान से बिना किसी जोखिम के मुनाफा कमाएं।",
        "यह रिस्क फ्री ट्रेडिंग है, शेयर बाजार में पैसा लगाइए।",
        "Nifty options me 100% pakka profit milega.",
        "Hamare calls se profit pakka hai.",
        "Har trade me returns ki guarantee hai, share market mein.",
    ],
)
def test_promises_in_new_wordings(line: str) -> None:
    assert "sebi-assured-returns" in rules_of(HEAD + "निफ्टी और सेंसेक्स पर हमारी राय।\n\n" + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "एचडीएफसी बैंक 1650 रुपये पर खरीदें, लक्ष्य 1720 रुपये, स्टॉपलॉस 1610 रुपये।",
        "रिलायंस को 2900 के नीचे बेचें, टारगेट 2820, स्टॉप लॉस 2950।",
        "ICICIBANK kharido 1180 ke aas paas, target 1240, stoploss 1150.",
    ],
)
def test_calls_with_targets_need_the_analysts_disclosure(line: str) -> None:
    assert "sebi-recommendation-disclosure" in rules_of(HEAD + line + "\n")


# -- news and house promotions stay clean ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A Hindi news site's invitation to its own channel for news.
        "बीएसई सेंसेक्स 320 अंक चढ़कर 81,100 पर बंद हुआ।\n\nताज़ा खबरों और शेयर बाजार अपडेट के लिए हमारे व्हाट्सएप चैनल से जुड़ें।\n",
        "Sensex aaj 400 points upar band hua, ₹3,200 crore ki kharidari hui.\n\nMarket ki har khabar ke liye hamara Telegram channel join karo.\n",
        # Advice to check a registration is not a claim of one.
        "सेबी ने कहा कि निवेशक अपना पैसा लगाने से पहले देखें।\n\nअगर कोई खुद को सेबी रजिस्टर्ड बताता है तो उसका रजिस्ट्रेशन नंबर जरूर जांचें।\n",
        # A report of a fraud that quotes its promises.
        "पुलिस के अनुसार, आरोपी लोगों को हर महीने 10% गारंटीड रिटर्न का झांसा देकर टेलीग्राम ग्रुप से जुड़ने को कहता था।\n",
    ],
)
def test_hindi_and_hinglish_news_stays_clean(text: str) -> None:
    bad = {r for r in rules_of(HEAD + text) if r.split("-")[0] in ("sebi", "promo", "disclaimer", "adviser", "asci")}
    assert not bad


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Myth 2: Share market me paisa double karna aasan hai.", "paisa double"),
        ("मिथक: शेयर बाजार में पक्का मुनाफा मिलता है।", "पक्का मुनाफा"),
        ("Myth #3: guaranteed returns exist in equity.", "guaranteed returns"),
    ],
)
def test_a_myth_label_denies_the_sentence_it_heads(text: str, claim: str) -> None:
    from newslint.language.negation import negated

    at = text.index(claim)
    assert negated(text, at, at + len(claim))
    # Without the label the same sentence is a claim.
    rest = text[text.index(":") + 1 :].strip()
    at = rest.index(claim)
    assert not negated(rest, at, at + len(claim))


def test_advice_to_consult_a_registered_adviser_in_hinglish_is_not_a_claim() -> None:
    text = HEAD + "Nifty aaj 24,300 pe band hua.\n\nZaroorat ho to SEBI registered adviser se salah lein.\n"
    assert "sebi-registration-number-missing" not in rules_of(text)
    claim = HEAD + "Nifty aaj 24,300 pe band hua.\n\nSEBI registered hain hum, isliye tension lene ki zaroorat nahi.\n"
    assert "sebi-registration-number-missing" in rules_of(claim)


def test_group_names_are_copied_as_written() -> None:
    source = r"(?P<लाभ>मुनाफा)\s(?P=लाभ)"
    out = spelling_variants(source)
    assert out.startswith("(?P<लाभ>") and out.endswith("(?P=लाभ)")
    assert regex.search(out, "मुनाफ़ा मुनाफ़ा")


@pytest.mark.parametrize(
    "line",
    [
        "72 के नियम से 12% सालाना रिटर्न पर पैसा करीब छह साल में दोगुना हो जाता है।",
        "Rule of 72 se 9% return par paisa lagbhag 8 saal me double hota hai.",
        "Paise kaise double karein, yeh sabse zyada pucha jane wala sawal hai.",
    ],
)
def test_money_doubling_said_as_a_general_fact_or_asked_is_not_a_promise(line: str) -> None:
    assert "sebi-assured-returns" not in rules_of(HEAD + "शेयर बाजार और निवेश की बुनियादी बातें।\n\n" + line + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "हमारे प्लान में पैसा सिर्फ 8 महीने में दोगुना हो जाएगा।",
        "Hamare plan me aapka paisa 8 mahine me double ho jayega.",
        "Sirf 1 saal me paisa teen guna.",
    ],
)
def test_money_doubling_promised_is_a_promise(line: str) -> None:
    assert "sebi-assured-returns" in rules_of(HEAD + "शेयर बाजार में हमारी सेवाएं।\n\n" + line + "\n")


def test_a_hindi_promotion_on_an_english_page_with_no_english_market_word() -> None:
    text = HEAD + (
        "The rupee ended nearly unchanged on Tuesday as importers' dollar demand offset inflows, dealers said.\n\n"
        "हमारे प्रीमियम टेलीग्राम चैनल से जुड़ें और रोज़ 5 इंट्राडे कॉल्स पाएं, 90% एक्यूरेसी के साथ।\n"
    )
    assert {"sebi-assured-returns", "sebi-calls-solicitation"} <= rules_of(text)


def test_a_hinglish_report_with_kehta_hai_is_reported() -> None:
    text = HEAD + "Share market me aaj tezi rahi.\n\nWoh kehta tha ki aapka paisa 6 mahine me double ho jayega.\n"
    assert "sebi-assured-returns" not in rules_of(text)


def test_joining_for_a_purpose_is_an_invitation() -> None:
    text = HEAD + "निफ्टी पर रोज़ कॉल्स।\n\nवॉट्सऐप ग्रुप में शामिल होने के लिए ₹4,999 की फीस जमा करें, रोज़ लाइव कॉल्स मिलेंगी।\n"
    assert "sebi-calls-solicitation" in rules_of(text)
    reported = (
        HEAD
        + "निफ्टी पर रोज़ कॉल्स।\n\nपुलिस के मुताबिक, पीड़ितों से व्हाट्सएप ग्रुप में शामिल होने के लिए फीस जमा करने को कहा जाता था।\n"
    )
    assert "sebi-calls-solicitation" not in rules_of(reported)


def test_a_deposit_named_as_the_comparison_does_not_exempt_the_promise() -> None:
    text = HEAD + "शेयर बाजार में ऑप्शन सेलिंग।\n\nऑप्शन सेलिंग से हर महीने 4% की फिक्स इनकम पाइए, बैंक एफडी से कहीं ज्यादा।\n"
    assert "sebi-assured-returns" in rules_of(text)
    fd = HEAD + "शेयर बाजार और बचत।\n\nबैंक एफडी में हर महीने फिक्स इनकम मिलती है।\n"
    assert "sebi-assured-returns" not in rules_of(fd)


def test_a_negation_in_the_next_coordinated_clause_does_not_deny_the_claim() -> None:
    text = HEAD + "शेयर बाजार में हमारी सेवाएं।\n\nहम एक सेबी रजिस्टर्ड पोर्टफोलियो मैनेजर हैं और हमारे ग्राहकों को कभी घाटा नहीं हुआ।\n"
    assert {"sebi-registration-number-missing", "sebi-assured-returns"} <= rules_of(text)


def test_a_rule_for_any_registered_broker_is_not_a_claim() -> None:
    text = (
        HEAD + "शेयर बाजार की शुरुआती बातें।\n\nशेयर खरीदने के लिए आपको किसी सेबी रजिस्टर्ड ब्रोकर के पास डीमैट अकाउंट खुलवाना होगा।\n"
    )
    assert "sebi-registration-number-missing" not in rules_of(text)


def test_take_this_option_with_a_target_is_a_call() -> None:
    text = HEAD + "आज बैंक निफ्टी 49200 कॉल ऑप्शन 150 के ऊपर लें, टारगेट 200, स्टॉपलॉस 120।\n"
    assert {"disclaimer-missing", "sebi-recommendation-disclosure"} <= rules_of(text)
    # "चलें" ends in the same letters as "लें": not a call.
    walk = HEAD + "आइए बाजार की ओर चलें, टारगेट 200 के आसपास निफ्टी पर चर्चा हुई।\n"
    assert "sebi-recommendation-disclosure" not in rules_of(walk)


def test_a_hindi_advisory_page_passes_the_market_gate_without_index_names() -> None:
    text = HEAD + (
        "इस दिवाली हमारी एडवाइजरी सर्विस का सालाना प्लान आधी कीमत पर पाएं।\n\n"
        "हमारे एनालिस्ट की कॉल्स पर इस साल भी इतना ही मुनाफा निश्चित है।\n"
    )
    assert "sebi-assured-returns" in rules_of(text)


@pytest.mark.parametrize(
    "line",
    [
        "इन तीनों शेयरों में कल सुबह तक 3-5% का उछाल तय है।",
        "Mera algo har mahine 8% return deta hai, bina kisi mehnat ke.",
    ],
)
def test_certain_moves_and_returns_a_product_gives(line: str) -> None:
    assert "sebi-assured-returns" in rules_of(HEAD + line + "\n")


def test_an_invitation_at_the_end_of_a_long_sentence_about_a_channel() -> None:
    line = "हमारे टेलीग्राम चैनल पर रोज़ ऐसी BTST टिप्स मिलती हैं, आज ही जॉइन करें।"
    assert "sebi-calls-solicitation" in rules_of(HEAD + "शेयर बाजार पर रोज़ कॉल्स।\n\n" + line + "\n")


def test_advice_to_consult_a_registered_adviser_needs_no_market_risk_warning() -> None:
    text = (
        HEAD
        + "Share market me aaj tezi rahi, Nifty 24,300 pe band hua.\n\nZaroorat ho to SEBI registered adviser se salah lein.\n"
    )
    assert "disclaimer-market-risk-missing" not in rules_of(text)
    hindi = HEAD + "सेंसेक्स आज 500 अंक चढ़ा।\n\nनिवेश से पहले किसी सेबी रजिस्टर्ड सलाहकार से सलाह लें।\n"
    assert not {"disclaimer-market-risk-missing", "sebi-registration-number-missing"} & rules_of(hindi)


@pytest.mark.parametrize(
    ("line", "own"),
    [
        ("Koi bhi jo aapko har din pakka profit ka bharosa deta hai, woh jhooth bol raha hai.", False),
        ("Hum aapko har din pakka profit ka bharosa dete hain.", True),
        ("जो लोग हर महीने पक्के मुनाफे का वादा करते हैं, वे अक्सर धोखेबाज होते हैं।", False),
        ("हम हर महीने पक्के मुनाफे का वादा करते हैं।", True),
    ],
)
def test_someone_elses_promise_is_reported_our_own_is_a_claim(line: str, own: bool) -> None:
    found = "sebi-assured-returns" in rules_of(HEAD + "Nifty options aur शेयर बाजार।\n\n" + line + "\n")
    assert found is own


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("हमारे प्लान में न केवल पक्का मुनाफा बल्कि फ्री कॉल्स भी मिलेंगी।", "पक्का मुनाफा"),
        ("Hamare plan me na sirf pakka profit balki free calls bhi milenge.", "pakka profit"),
    ],
)
def test_not_only_but_also_in_hindi_is_not_a_denial(text: str, claim: str) -> None:
    from newslint.language.negation import negated

    at = text.index(claim)
    assert not negated(text, at, at + len(claim))


@pytest.mark.parametrize(
    "line",
    [
        "इस स्ट्रैटेजी से आप हर हफ्ते अपनी कैपिटल पर 10% रिटर्न कमा सकते हैं, यह हमारा वादा है।",
        "हर आईपीओ में लिस्टिंग पर 40% तक का मुनाफा मिलेगा।",
        "Har IPO me listing pe 50% tak ka profit milega.",
    ],
)
def test_percent_returns_promised(line: str) -> None:
    assert "sebi-assured-returns" in rules_of(HEAD + "शेयर बाजार और आईपीओ।\n\n" + line + "\n")


def test_a_ban_on_platforms_that_offered_fixed_returns_is_a_report() -> None:
    line = "सेबी ने उन ऑनलाइन प्लेटफॉर्म्स पर रोक लगा दी है जो लिस्टेड शेयरों में निवेश पर फिक्स्ड रिटर्न की पेशकश कर रहे थे।"
    assert "sebi-assured-returns" not in rules_of(HEAD + line + "\n")
    own = "हम लिस्टेड शेयरों में निवेश पर फिक्स्ड रिटर्न की पेशकश करते हैं।"
    assert "sebi-assured-returns" in rules_of(HEAD + own + "\n")


@pytest.mark.parametrize(
    "line",
    [
        "इन शेयरों में गिरावट की कोई संभावना नहीं है।",
        "हमारी स्ट्रैटेजी में नुकसान का सवाल ही नहीं उठता।",
        "Is strategy me loss ka koi tension nahi.",
        "Hamare members ka capital kabhi 2% se zyada nahi girta, yeh hamari guarantee hai.",
        "मेरे बताए शेयरों में निवेश करके आपकी सैलरी छह महीने में दोगुनी हो जाएगी।",
    ],
)
def test_no_chance_of_loss_and_guaranteed_capital(line: str) -> None:
    assert "sebi-assured-returns" in rules_of(HEAD + "शेयर बाजार, Nifty options.\n\n" + line + "\n")


def test_a_warning_that_quotes_no_chance_of_loss_is_not_a_claim() -> None:
    line = "शेयर बाजार में नुकसान की कोई संभावना नहीं, ऐसा दावा करने वालों से बचें।"
    assert "sebi-assured-returns" not in rules_of(HEAD + line + "\n")


def test_a_hindi_call_with_its_target_in_the_next_sentence() -> None:
    text = HEAD + "इंडसइंड बैंक में 985 रुपये के आसपास खरीदारी करें। लक्ष्य 1,040 रुपये, स्टॉप लॉस 960 रुपये।\n"
    assert {"disclaimer-missing", "sebi-recommendation-disclosure"} <= rules_of(text)


def test_a_regulators_clarification_about_depositors_is_not_a_promise() -> None:
    line = "आरबीआई ने साफ किया है कि इस सीमा तक जमाकर्ताओं को नुकसान की कोई संभावना नहीं है।"
    assert "sebi-assured-returns" not in rules_of(HEAD + "शेयर बाजार और बैंक जमा।\n\n" + line + "\n")
    assert "sebi-assured-returns" in rules_of(HEAD + "शेयर बाजार।\n\nयह कॉल 100% सफल होगी।\n")


@pytest.mark.parametrize(
    "line",
    [
        # a condition or a warning, in the subjunctive: someone else's promise
        "Agar koi aapko share market mein har hafte 5% pakka return ka wada kare, to usse door rahiye.",
        "Jo bhi aapko trading mein har mahine 10% pakka return ka bharosa de, samajh lijiye wo fraud hai.",
        "कोई सलाहकार अगर शेयर बाजार में पैसा तीन गुना करने का दावा करे, तो उसका सेबी पंजीकरण जांचें।",
        # a regulator's finding
        "सेबी ने पाया कि ग्रुप में हर दिन पक्के मुनाफे के दावे किए जाते थे।",
    ],
)
def test_a_promise_in_a_condition_or_a_finding_is_reported(line: str) -> None:
    assert "sebi-assured-returns" not in rules_of(HEAD + "Nifty options aur शेयर बाजार।\n\n" + line + "\n")


@pytest.mark.parametrize(
    ("line", "claim"),
    [
        # ranges, thousands in words, the amount before the period or the verb first
        ("Course ke baad aap roz ₹3,000-5,000 kama sakte ho, guaranteed.", "roz ₹3,000-5,000 kama sakte"),
        ("Ghar baithe mahine ka 50 hazaar tak kamaiye, trading seekh kar.", "mahine ka 50 hazaar tak kamaiye"),
        ("Sirf 2 ghante trading karke ₹2,000 roz kamao.", "₹2,000 roz kamao"),
        ("Kamaiye har mahine paanch hazaar rupaye extra, options setup se.", "Kamaiye har mahine paanch hazaar"),
    ],
)
def test_earnings_per_period_in_any_order_and_any_number_form(line: str, claim: str) -> None:
    found = lint(HEAD + line + "\n", "sebi-assured-returns")
    assert [f.message.split("'")[1] for f in found] == [claim]


def test_a_past_calls_result_and_a_students_result_are_performance_claims() -> None:
    text = HEAD + (
        "Kal ka BANKNIFTY call full target hit hua, jinhone liya unka 2x ho gaya.\n\n"
        "मेरी पिछली वीडियो में बताए गए शेयर 180% तक चढ़ चुके हैं।\n\n"
        "Batch 5 ki Neha har hafte ₹15,000 ka munafa nikaal rahi hai. Course fees ₹9,999.\n"
    )
    found = {f.message.split("'")[1] for f in lint(text, "adviser-performance-claim")}
    assert found == {"2x", "180%", "₹15,000"}


def test_an_nbfc_deposit_pitch_in_hindi_needs_the_rbi_statements() -> None:
    pitch = "कावेरी फाइनेंस लिमिटेड, एक जमा स्वीकार करने वाली एनबीएफसी। 8.9% तक ब्याज के लिए आज ही अपनी एफडी बुक करें।\n"
    assert "rbi-nbfc-deposit-disclaimer-missing" in rules_of(HEAD + pitch)
    statements = (
        "\nभारतीय रिज़र्व बैंक कंपनी की वित्तीय स्थिति या जमा की वापसी के बारे में कोई जिम्मेदारी या गारंटी स्वीकार"
        " नहीं करता है। कंपनी द्वारा ली गई जमाराशियां बीमित नहीं हैं।\n"
    )
    assert "rbi-nbfc-deposit-disclaimer-missing" not in rules_of(HEAD + pitch + statements)
    bank = "कावेरी स्मॉल फाइनेंस बैंक में आज ही एफडी बुक करें, जमा ₹5 लाख तक DICGC द्वारा बीमित।\n"
    assert "rbi-nbfc-deposit-disclaimer-missing" not in rules_of(HEAD + bank)


def test_a_sum_to_build_is_not_a_schemes_name() -> None:
    text = HEAD + "हर महीने छोटी रकम से बड़ा फंड बनाइए।\n\nSIP शुरू करने के लिए आज ही हमें 97XXXXXX10 पर व्हाट्सएप करें।\n"
    assert "mf-riskometer-missing" not in rules_of(text)
    assert {"mf-distributor-identity-missing", "disclaimer-mf-warning-missing"} <= rules_of(text)


@pytest.mark.parametrize(
    ("line", "promise"),
    [
        ("इस स्ट्रैटेजी से आपका पैसा 6 महीने में डबल हो जाएगा।", True),
        ("Hamare setup se paisa 3 guna hoga, likh ke le lo.", True),
        ("Daily ₹3,000 pakka, mera intraday system follow karo.", True),
        # what a stock did is a report of the past, not a promise
        ("कोंकण केबल्स के शेयरों ने आठ महीनों में निवेशकों का पैसा दोगुना कर दिया है।", False),
        ("इस शेयर ने 1 साल में पैसा किया डबल।", False),
        ("Konkan Cables ke shares ne investors ka paisa 24 guna kar diya hai.", False),
    ],
)
def test_money_multiplied_in_the_future_is_a_promise_in_the_past_a_report(line: str, promise: bool) -> None:
    found = "sebi-assured-returns" in rules_of(HEAD + "Nifty options aur शेयर बाजार।\n\n" + line + "\n")
    assert found is promise


@pytest.mark.parametrize(
    ("written", "text"),
    [("गारंटी", "गारन्टी"), ("कंपनी", "कम्पनी"), ("संपर्क", "सम्पर्क"), ("हिंदी", "हिन्दी"), ("गारंटी", "गारंटी")],
)
def test_an_anusvara_before_a_consonant_matches_a_half_nasal_letter(written: str, text: str) -> None:
    assert regex.fullmatch(spelling_variants(written), text)


def test_an_anusvara_at_the_end_of_a_word_stays_a_nasal_sign() -> None:
    assert not regex.fullmatch(spelling_variants("हैं"), "हैन्")


@pytest.mark.parametrize(
    "line",
    [
        "हमारे साथ जुड़कर आप भी हर महीने अच्छा मुनाफा कमा सकते हैं, इसमें कोई शक नहीं।",
        "निश्चित रूप से आप हर महीने मोटा मुनाफा कमा सकेंगे, बस हमारी कॉल्स फॉलो करें।",
        "Hamare saath judkar har mahine achha munafa kamaoge, isme koi shak nahi.",
        "Pakka se aapko har hafte profit milega, bas hamari calls follow karo.",
    ],
)
def test_a_gain_made_certain_by_an_avowal_is_a_promise(line: str) -> None:
    page = HEAD + "हमारी इंट्राडे कॉल्स रोज़ सुबह प्रीमियम ग्रुप में आती हैं।\n\n" + line + "\n"
    assert "sebi-assured-returns" in rules_of(page)


@pytest.mark.parametrize(
    "line",
    [
        "कंपनी का मुनाफा इस तिमाही 18% बढ़ा है और इसमें कोई शक नहीं कि मांग मजबूत है।",
        "ऐसे ग्रुप में पैसा लगाया तो डूबेगा, इसमें कोई शक नहीं।",
        "अगर कोई आपकी रकम तीन गुना करने की गारंटी दे, तो समझ लीजिए कि मामला गड़बड़ है।",
        "Agar koi aapko paisa double karne ki guarantee de, to samajh jaiye ki kuch gadbad hai.",
    ],
)
def test_an_avowal_about_news_and_a_guarantee_in_a_condition_are_not_promises(line: str) -> None:
    page = HEAD + "सेंसेक्स आज 300 अंक चढ़कर बंद हुआ, निफ्टी में भी तेजी रही।\n\n" + line + "\n"
    assert "sebi-assured-returns" not in rules_of(page)


HINDI_PAPER = (
    '<html lang="hi"><head><title>सेंसेक्स 400 अंक चढ़ा | अर्थ प्रहरी</title>'
    '<link rel="canonical" href="https://www.arthprahari.in/business/sensex-4321"></head><body><article>'
    "<h1>सेंसेक्स 400 अंक चढ़ा</h1><p>मुंबई। बैंक शेयरों में खरीदारी से गुरुवार को सेंसेक्स 400 अंक चढ़कर 82,480 पर बंद"
    ' हुआ। निफ्टी 118 अंक चढ़ा।</p><div class="app-promo"><p>{box}</p></div>'
    "<p>रुपया 6 पैसे मजबूत होकर 84.12 प्रति डॉलर पर बंद हुआ।</p></article></body></html>"
)


def test_a_hindi_papers_own_app_named_in_devanagari_is_a_house_promotion() -> None:
    found = {
        f.rule
        for f in lint(HINDI_PAPER.format(box="अर्थ प्रहरी ऐप डाउनलोड करें और पाएं बाजार की हर खबर सबसे पहले।"), fmt="html")
    }
    assert "promo-house-unlabelled" in found and "promo-unlabelled" not in found


def test_a_hindi_papers_name_does_not_excuse_a_promotion_of_calls() -> None:
    box = "अर्थ प्रहरी ऐप डाउनलोड करें और पाएं रोज़ की इंट्राडे कॉल्स।"
    assert "promo-unlabelled" in {f.rule for f in lint(HINDI_PAPER.format(box=box), fmt="html")}


@pytest.mark.parametrize(
    ("text", "claim", "claimed"),
    [
        ("Jackpot calls ka sach: kyun doobta hai paisa", "Jackpot calls", "Jackpot calls pakki hain"),
        ("Guaranteed return wali schemes ki asliyat", "Guaranteed return", "Guaranteed return milega"),
        ("पक्के मुनाफे का जाल: कैसे फंसते हैं निवेशक", "पक्के मुनाफे", "पक्के मुनाफे वाली कॉल्स"),
        ("जैकपॉट कॉल्स की सच्चाई", "जैकपॉट कॉल्स", "जैकपॉट कॉल्स रोज़"),
    ],
)
def test_a_debunking_title_denies_the_claim_it_names(text: str, claim: str, claimed: str) -> None:
    from newslint.language.negation import negated

    at = text.index(claim)
    assert negated(text, at, at + len(claim))
    assert not negated(claimed, 0, len(claim))
