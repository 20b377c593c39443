"""Hindi and Hinglish triggers of the ipo, mf, adviser, asci and irdai packs, on sentences worded differently from
the packs' examples and fixtures: each pitch caught in the page's own voice, the same words in news left alone;
and the voice and negation cues these pitches relied on ("कहां" is not "कहा", "आपको बताया जाएगा" promises,
"से दूर रहें" warns)."""

from __future__ import annotations

import pytest

from helpers import lint
from newslint.language.negation import negated

HEAD = "---\ntitle: t\nauthor: a\ndate: 2026-11-01T09:00:00+05:30\n---\n\n"


def rules_of(text: str) -> set[str]:
    return {f.rule for f in lint(HEAD + text) if f.severity in ("error", "warning")}


# -- IPO pitches ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "गोमती पावर का IPO पहले ही दिन 29 गुना सब्सक्राइब हुआ। अभी अप्लाई करें, प्राइस बैंड ₹95-100।",
        "जीएमपी ₹48 पर है और शानदार लिस्टिंग की उम्मीद है। हमारे ऐप से आज ही आवेदन करें, लॉट 150 शेयर, ₹100 प्रति शेयर।",
        "Betwa Foods IPO mein listing gain 35% pakka lag raha hai. Jaldi se apply kar lo, price band ₹60-64.",
        "Ken Agro IPO 12 guna oversubscribe ho gaya bhai. Form aaj hi bhar do, band ₹70-74.",
    ],
)
def test_ipo_subscription_and_listing_pitches_in_hindi_and_hinglish(text: str) -> None:
    assert "ipo-subscription-or-listing-claim" in rules_of(text + "\n")


def test_a_hindi_ipo_pitch_names_the_issue_and_needs_the_risk_factors() -> None:
    text = "सरयू सीमेंट IPO खुल गया है। कावेरी ऐप से UPI के जरिए अभी आवेदन करें, प्राइस बैंड ₹120-126।\n"
    assert "ipo-risk-factors-missing" in rules_of(text)
    statement = "\n\nनिवेश से पहले रेड हेरिंग प्रॉस्पेक्टस में दिए जोखिम कारक पढ़ें।\n"
    assert "ipo-risk-factors-missing" not in rules_of(text + statement)


@pytest.mark.parametrize(
    "text",
    [
        "सरयू सीमेंट के IPO को 29 गुना सब्सक्रिप्शन मिला और जीएमपी ₹40 रहा, एनएसई के आंकड़ों में यह दिखा। विश्लेषकों का कहना है कि निवेशक आवेदन कर सकते हैं।",
        "Saryu Cement IPO ko 29 guna subscription mila, experts ke mutabik GMP ₹40 hai aur investors apply kar sakte hain.",
    ],
)
def test_ipo_news_in_hindi_and_hinglish_is_not_a_pitch(text: str) -> None:
    assert not {r for r in rules_of(text + "\n") if r.startswith("ipo-")}


# -- mutual funds -----------------------------------------------------------------------------------------


def test_a_hindi_fund_ad_with_a_ranking_a_return_and_an_invitation() -> None:
    text = (
        "# कोसी लार्ज कैप फंड\n\nकोसी लार्ज कैप फंड ने 5 साल में 19% सालाना रिटर्न दिया, कैटेगरी में टॉप पर।\n\n"
        "निवेश के लिए हमें कॉल करें: 98765 43210।\n"
    )
    found = rules_of(text)
    assert {"mf-performance-disclaimer-missing", "mf-testimonial-or-ranking", "mf-riskometer-missing"} <= found


def test_hindi_fund_statements_satisfy_the_riskometer_and_performance_rules() -> None:
    text = (
        "# कोसी लार्ज कैप फंड\n\nकोसी लार्ज कैप फंड में आज ही SIP शुरू करें। 5 साल में 19% सालाना रिटर्न।\n\n"
        "बेंचमार्क निफ्टी 100 TRI: 16%। पिछला प्रदर्शन भविष्य में दोहराया जाए, यह जरूरी नहीं।\n\n"
        "रिस्कोमीटर: निवेशकों का मूलधन बहुत अधिक जोखिम पर होगा।\n"
    )
    found = rules_of(text)
    assert "mf-riskometer-missing" not in found
    assert "mf-performance-disclaimer-missing" not in found


def test_fund_returns_reported_in_hindi_news_are_not_an_ad() -> None:
    text = "एम्फी के आंकड़ों के मुताबिक लार्जकैप फंडों ने 5 साल में औसतन 15% सालाना रिटर्न दिया और कई को 5 स्टार रेटिंग मिली।\n"
    assert not {r for r in rules_of(text) if r.startswith("mf-")}


# -- advisers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "हमारी पोजीशनल कॉल्स ने इस साल अब तक 52% का मुनाफा दिलाया है। हमारी एडवाइजरी सेवा से जुड़ें, शेयर बाजार में।",
        "Mere option students ne pichle mahine ₹3 lakh ka profit banaya. Humari calls ka plan lo, Nifty pe.",
        "हमारी 20 में से 17 कॉल्स ने टारगेट छुआ। प्रीमियम प्लान सिर्फ ₹2,999 महीना, शेयर बाजार में।",
    ],
)
def test_performance_claims_in_hindi_and_hinglish(text: str) -> None:
    assert "adviser-performance-claim" in rules_of(text + "\n")


@pytest.mark.parametrize(
    "text",
    [
        "हर हफ्ते 5 स्विंग कॉल्स, शेयर बाजार के लिए। लाखों संतुष्ट निवेशक हमारे साथ हैं।",
        "Humari calls ka premium group join karo. 2,000+ khush clients, share market mein.",
    ],
)
def test_testimonials_in_hindi_and_hinglish(text: str) -> None:
    assert "adviser-testimonial" in rules_of(text + "\n")


def test_a_report_of_an_advisers_claims_is_not_a_claim() -> None:
    text = (
        "सेबी के आदेश के मुताबिक, सलाहकार ने दावा किया था कि उसकी कॉल्स ने 52% मुनाफा दिलाया। शेयर बाजार में ठगी का यह मामला है।\n"
    )
    assert "adviser-performance-claim" not in rules_of(text)


# -- crypto -----------------------------------------------------------------------------------------------


def test_a_hindi_crypto_pitch_with_a_short_period_return() -> None:
    text = "बीते 3 हफ्तों में डॉजकॉइन 45% चढ़ा। अभी हमारे क्रिप्टो ऐप पर डॉजकॉइन खरीदें, ₹100 से।\n"
    found = rules_of(text)
    assert {"asci-vda-disclaimer-missing", "asci-vda-short-period-returns"} <= found


def test_a_hinglish_crypto_pitch_and_its_referral_code() -> None:
    text = "Ethereum abhi kharido, 3 hafte mein 30% upar gaya hai. Referral code MOON25 use karo, ₹100 bonus.\n"
    found = rules_of(text)
    assert {"asci-vda-disclaimer-missing", "asci-vda-short-period-returns", "asci-affiliate-unlabelled"} <= found


def test_crypto_fraud_news_in_hindi_is_not_a_pitch() -> None:
    text = "पुलिस के मुताबिक ठगों ने लोगों से कहा कि बिटकॉइन में निवेश करें, 3 हफ्तों में 45% मुनाफा होगा। ₹2 करोड़ ठगे गए।\n"
    assert not {r for r in rules_of(text) if r.startswith("asci-")}


# -- insurance --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "मात्र ₹25 रोज़ में पूरे परिवार के लिए ₹10 लाख का हेल्थ बीमा। आज ही पॉलिसी लें।",
        "Bike insurance sirf ₹1,200 saal mein, abhi online kharido. ₹ bachao.",
    ],
)
def test_insurance_pitches_in_hindi_and_hinglish_need_the_spurious_calls_warning(text: str) -> None:
    assert "irdai-spurious-calls-warning-missing" in rules_of(text + "\n")


def test_a_guaranteed_benefit_in_a_hindi_insurance_pitch_needs_conditions_apply() -> None:
    text = "हमारी पॉलिसी ऑनलाइन खरीदें, ₹2,000 महीने से। 15 साल बाद निश्चित मैच्योरिटी लाभ।\n"
    assert "irdai-conditions-apply-missing" in rules_of(text)
    assert "irdai-conditions-apply-missing" not in rules_of(text + "\n*शर्तें लागू।\n")


def test_insurance_advice_in_hinglish_is_not_a_pitch() -> None:
    text = "Experts kehte hain ki term insurance jaldi lena chahiye, ₹1 crore cover ₹800 mahine mein mil jata hai.\n"
    assert not {r for r in rules_of(text) if r.startswith("irdai-")}


# -- voices and negation cues the pitches rely on -----------------------------------------------------------


def test_kahan_where_is_not_kaha_said() -> None:
    text = "मेरे पेड ग्रुप में जानिए कहां पैसा लगाना है। हर महीने ₹40,000 पक्का मुनाफा, शेयर बाजार से।\n"
    assert "sebi-assured-returns" in rules_of(text)


def test_a_future_passive_promises_a_service_it_does_not_report() -> None:
    text = "हमारे प्रीमियम ग्रुप में आपको बताया जाएगा कि कौन सा शेयर 100% पक्का मुनाफा देगा।\n"
    assert "sebi-assured-returns" in rules_of(text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("गारंटीड रिटर्न का दावा करने वाली योजनाओं से दूर रहें", "गारंटीड रिटर्न"),
        ("पक्के मुनाफे वाले मैसेज से सतर्क रहें", "पक्के मुनाफे"),
        ("pakka profit wale groups se door rahein", "pakka profit"),
    ],
)
def test_a_warning_to_stay_away_denies_the_claim(text: str, claim: str) -> None:
    start = text.index(claim)
    lexicons = frozenset(["hi"]) if claim[0] > "\u0900" else frozenset(["hinglish", "en"])
    assert negated(text, start, start + len(claim), lexicons)


# -- mandated statements printed in Hindi ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("pitch", "statement", "rule"),
    [
        (
            "बीमा पॉलिसी आज ही ऑनलाइन खरीदें, ₹400 प्रति माह से।",
            "फर्जी फोन कॉल से सतर्क रहें। इरडाई बोनस घोषित करने जैसी गतिविधियों में शामिल नहीं है।",
            "irdai-spurious-calls-warning-missing",
        ),
        (
            "बीमा पॉलिसी आज ही ऑनलाइन खरीदें, ₹400 प्रति माह से।",
            "कंपनी का IRDAI रजिस्ट्रेशन नंबर: 145।",
            "irdai-registration-number-missing",
        ),
        (
            "यह कॉइन ऐप डाउनलोड करें और बिटकॉइन खरीदें, ₹100 से।",
            "क्रिप्टो उत्पाद और NFT अनियंत्रित हैं और बहुत जोखिम भरे हो सकते हैं।",
            "asci-vda-disclaimer-missing",
        ),
        (
            "हम एम्फी पंजीकृत वितरक हैं, SIP के लिए संपर्क करें, ₹500 से।",
            "एम्फी पंजीकृत म्यूचुअल फंड वितरक, ARN-99812।",
            "mf-distributor-identity-missing",
        ),
    ],
)
def test_a_statement_printed_in_hindi_answers_the_rule(pitch: str, statement: str, rule: str) -> None:
    assert rule in rules_of(pitch + "\n")
    assert rule not in rules_of(pitch + "\n\n" + statement + "\n")


# -- later wordings: prices, rankings, staking, smallcases, calls without a currency --------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("ULIP mein har mahine ₹3,000 lagao aur life cover bhi pao.", "irdai-spurious-calls-warning-missing"),
        ("₹1 करोड़ का हेल्थ कवर केवल ₹30 रोज़ में। अपना प्लान अभी चुनें।", "irdai-spurious-calls-warning-missing"),
        (
            "Plan lene ke liye hamare advisor se baat karo, term plan ₹700 mahine se.",
            "irdai-spurious-calls-warning-missing",
        ),
        ("भारत का सबसे भरोसेमंद स्मॉलकैप फंड। SIP आज ही शुरू करें, ₹500 से।", "mf-testimonial-or-ranking"),
        (
            "Gomti Value Fund ne 18% se zyada CAGR diya. SIP shuru karne ke liye WhatsApp karo, ₹500 se.",
            "mf-performance-disclaimer-missing",
        ),
        (
            "Hamare smallcase 'Desi Leaders' ne 2 saal mein 2.5x return diya hai. Subscribe karo, ₹799 mein.",
            "adviser-performance-claim",
        ),
        (
            "हमारे 1,200 छात्र रोज़ ₹2,000 से ₹4,000 कमा रहे हैं। अगला बैच सोमवार से, शेयर बाजार कोर्स।",
            "adviser-performance-claim",
        ),
        ("Is mahine ETH stake karo aur har hafte 1% fixed reward pao.", "sebi-assured-returns"),
        ("यह शेयर अगले हफ्ते 8% का मुनाफा देगा, शेयर बाजार में।", "sebi-assured-returns"),
        ("टाटा स्टील 152 के ऊपर खरीदें, लक्ष्य 160, स्टॉप लॉस 148।", "disclaimer-missing"),
    ],
)
def test_later_wordings_are_caught(text: str, rule: str) -> None:
    assert rule in rules_of(text + "\n")


def test_a_crypto_sip_is_a_crypto_promotion_not_a_funds() -> None:
    found = rules_of("बिटकॉइन ने 5 साल में 800% रिटर्न दिया। अपना बिटकॉइन SIP आज ही शुरू करें, ₹500 से।\n")
    assert "asci-vda-disclaimer-missing" in found
    assert not {r for r in found if r.startswith("mf-")}


def test_an_insurance_plans_price_is_not_an_advisory_plan() -> None:
    text = 'फैमिली हेल्थ प्लान सिर्फ ₹900 प्रति माह में।\n\n"बीमे से इलाज का पूरा खर्च निकल गया, बहुत अच्छी सेवा" – सुरेश, पटना\n'
    assert "adviser-testimonial" not in rules_of(text)
    advisory = "तिमाही एडवाइजरी प्लान सिर्फ ₹4,999, हर हफ्ते 3 स्विंग कॉल्स शेयर बाजार में।\n\n"
    assert "adviser-testimonial" in rules_of(advisory + text.split("\n\n")[1])


def test_the_sellers_own_profit_on_a_course_page() -> None:
    text = "Maine is strategy se 4 mahine mein ₹6 lakh ka profit banaya. Ab yahi course seekho, fees ₹4,999, share market.\n"
    assert "adviser-performance-claim" in rules_of(text)
    news = "Trader ne police ko bataya ki maine ₹6 lakh ka profit banaya tha, share market mein.\n"
    assert "adviser-performance-claim" not in rules_of(news)


def test_our_own_claim_is_not_a_report() -> None:
    own = "हमारी टीम का दावा है कि हर महीने 10% पक्का मुनाफा मिलेगा, शेयर बाजार में।\n"
    assert "sebi-assured-returns" in rules_of(own)
    reported = "पुलिस के मुताबिक आरोपी का दावा था कि हर महीने 10% पक्का मुनाफा मिलेगा, शेयर बाजार में।\n"
    assert "sebi-assured-returns" not in rules_of(reported)


@pytest.mark.parametrize(
    "text",
    [
        "₹50,000 लगाइए और 6 महीने में ₹75,000 वापस पाइए, शेयर बाजार से।",
        "हमारी कॉल्स में जोखिम बिल्कुल शून्य, शेयर बाजार में रोज़ कमाई।",
        "Rs 1 lakh lagao aur saal bhar mein Rs 1.3 lakh wapas pao, share market se.",
    ],
)
def test_money_in_and_out_and_zero_risk_are_promises(text: str) -> None:
    assert "sebi-assured-returns" in rules_of(text + "\n")


@pytest.mark.parametrize(
    "text",
    [
        # a how-to explainer: start a SIP anywhere
        "# SIP कैसे शुरू करें?\n\nKYC पूरा करने के बाद किसी भी AMC के ऐप पर जाकर SIP शुरू करें। लार्जकैप फंडों ने 10 साल में 12% सालाना रिटर्न दिया है।",
        # an insurer's product launch reported in news
        "नए नॉन-लिंक्ड गारंटीड इनकम प्लान में पॉलिसीधारक को 20 साल तक निश्चित आय मिलेगी, कंपनी ने ₹2,000 के प्रीमियम से इसे लॉन्च किया।",
        # a question headline over crypto news
        "# Ethereum ₹3 lakh ke paar: kharidein ya rukein?\n\nEthereum ne is hafte 9% ki tezi dikhayi, experts kehte hain ki jitna kho sakein utna hi lagayein.",
    ],
)
def test_explainers_launch_news_and_question_headlines_stay_clean(text: str) -> None:
    found = rules_of(text + "\n")
    assert not {r for r in found if r.split("-")[0] in ("mf", "sebi", "asci", "irdai")}


@pytest.mark.parametrize(
    "text",
    [
        "INFY 1,480 ke upar kharido, kal 1,520 pakka milega, share market.",
        "यह शेयर अगले हफ्ते 1,800 तक जरूर जाएगा, अभी खरीदें, शेयर बाजार।",
    ],
)
def test_a_price_made_certain_is_a_promise(text: str) -> None:
    assert "sebi-assured-returns" in rules_of(text + "\n")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "NFT drop aaj raat 9 baje, mint price ₹2,999, sirf 500 pieces. Whitelist ke liye abhi register karo.",
            "asci-vda-disclaimer-missing",
        ),
        (
            "Hamari IPO service se allotment pakka, har IPO mein. Abhi register karo, ₹499 mein.",
            "ipo-subscription-or-listing-claim",
        ),
        ("Sone Value Fund category ka top fund hai. SIP ₹1,000 se shuru karo app par.", "mf-testimonial-or-ranking"),
    ],
)
def test_round_eighteen_wordings(text: str, rule: str) -> None:
    assert rule in rules_of(text + "\n")


def test_buying_a_policy_is_not_a_call_on_a_security() -> None:
    text = "Term plan sirf ₹700 mahine mein. Policy abhi online kharido, 5 minute mein.\n"
    assert "disclaimer-missing" not in rules_of(text)
    assert "disclaimer-missing" in rules_of("RELIANCE 1,290 ke upar kharido, target 1,330, SL 1,270.\n")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Yeh pharma share 6 mahine mein double hoga, likh ke le lo! Share market ka sabse bada mauka.",
            "sebi-assured-returns",
        ),
        (
            "हमने पिछले साल 4 मल्टीबैगर शेयर दिए जो 150-300% चढ़े। अगली लिस्ट के लिए सब्सक्रिप्शन ₹999, शेयर बाजार।",
            "adviser-performance-claim",
        ),
        ("कोसी फ्लेक्सी कैप फंड – हजारों निवेशकों की पहली पसंद। आज ही SIP शुरू करें, ₹500 से।", "mf-testimonial-or-ranking"),
    ],
)
def test_round_twenty_wordings(text: str, rule: str) -> None:
    assert rule in rules_of(text + "\n")


@pytest.mark.parametrize(
    "text",
    [
        "Tapti Momentum Index Fund ke NFO mein sirf ₹500 se nivesh karo, 9 December tak. 21% CAGR diya hai index ne.",
        "तापी मोमेंटम इंडेक्स फंड के NFO में सिर्फ ₹500 से निवेश करें। इंडेक्स ने 21% सालाना रिटर्न दिया है।",
    ],
)
def test_an_nfo_invitation_with_a_sum_before_the_verb(text: str) -> None:
    assert "mf-riskometer-missing" in rules_of(text + "\n")


def test_putting_money_in_crypto_is_a_crypto_promotion() -> None:
    assert "asci-vda-disclaimer-missing" in rules_of("Crypto mein ₹1,000 lagao aur hamare app se trade karo.\n")


def test_a_hindi_child_plan_pitch_bought_online() -> None:
    text = "हर साल ₹40,000 का प्रीमियम भरें और 15 साल बाद ₹12 लाख की गारंटीड मैच्योरिटी राशि पाएं। शाखा में संपर्क करें या ऑनलाइन खरीदें।\n"
    found = rules_of(text)
    assert {"irdai-spurious-calls-warning-missing", "irdai-conditions-apply-missing"} <= found


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("इस फॉर्मूले से पिछले 150 ट्रेड में से 141 में मुनाफा हुआ। कोर्स ₹1,999 में, शेयर बाजार।", "adviser-performance-claim"),
        (
            "Hamare crypto index ne is quarter mein 35% return diya. Subscribe karo app par, ₹500 se.",
            "asci-vda-short-period-returns",
        ),
    ],
)
def test_round_twenty_five_wordings(text: str, rule: str) -> None:
    assert rule in rules_of(text + "\n")


def test_a_hinglish_premium_with_a_promised_sum_is_an_insurance_pitch() -> None:
    text = "Life cover ke saath har mahine ₹2,500 bharo aur 15 saal mein ₹12 lakh pao.\n"
    assert "irdai-spurious-calls-warning-missing" in rules_of(text)
    sip = "Har mahine ₹2,500 bharo SIP mein, 15 saal mein fund bada hoga, mutual fund.\n"
    assert "irdai-spurious-calls-warning-missing" not in rules_of(sip)


def test_joining_the_vip_for_calls_is_an_invitation() -> None:
    text = "BANKNIFTY 53500 PE 240 se 390, target hit. Kal ki call ke liye VIP join karo abhi.\n"
    assert "sebi-calls-solicitation" in rules_of(text)


def test_a_plan_named_in_a_devanagari_heading_needs_its_uin_and_a_guaranteed_benefit_needs_conditions() -> None:
    page = (
        "---\ntitle: t\nauthor: a\ndate: 2026-11-01T09:00:00+05:30\n---\n\n# धनरक्षा गोल्ड सेविंग्स प्लान\n\n"
        "20वें साल मैच्योरिटी पर ₹8 लाख गारंटीड। सिर्फ ₹3,100 महीने का प्रीमियम। आज ही पॉलिसी लें।\n"
    )
    rules = {f.rule for f in lint(page)}
    assert {"irdai-uin-missing", "irdai-conditions-apply-missing"} <= rules
    generic = page.replace("# धनरक्षा गोल्ड सेविंग्स प्लान", "# एक अच्छा मनी बैक प्लान")
    assert "irdai-uin-missing" not in {f.rule for f in lint(generic)}


def test_hindi_pms_returns_and_crypto_as_the_currency_of_the_future() -> None:
    head = "---\ntitle: t\nauthor: a\ndate: 2026-11-01T09:00:00+05:30\n---\n\n"
    pms = head + "हमारी फ्लेक्सीकैप PMS स्ट्रैटेजी ने 2021 से 29% CAGR दिया है। न्यूनतम निवेश ₹50 लाख।\n"
    assert "sebi-pms-performance-benchmark-missing" in {f.rule for f in lint(pms)}
    crypto = head + "बिटकॉइन ही भविष्य की मुद्रा है। मेरे रेफरल लिंक से ऐप पर अकाउंट बनाएं और ₹100 से बिटकॉइन खरीदें।\n"
    assert "asci-vda-forbidden-terms" in {f.rule for f in lint(crypto)}


@pytest.mark.parametrize(
    "disclaimer",
    [
        "## डिस्क्लेमर\n\nयहां दी गई राय और सुझाव ब्रोकरेज फर्मों के हैं, न कि इस वेबसाइट के। निवेश से पहले सलाहकार से बात करें।\n",
        "(यह खबर सिर्फ जानकारी के लिए है, निवेश की सलाह नहीं है।)\n",
        "Ye article sirf jaankari ke liye hai, investment advice nahi hai.\n",
    ],
)
def test_a_hindi_or_hinglish_disclaimer_answers_disclaimer_missing(disclaimer: str) -> None:
    head = "---\ntitle: t\nauthor: a\ndate: 2026-11-01T09:00:00+05:30\n---\n\n"
    call = "एक ब्रोकरेज ने कोंकण बैंक पर खरीदें की रेटिंग के साथ ₹1,480 का टारगेट प्राइस दिया है।\n\n"
    assert "disclaimer-missing" in {f.rule for f in lint(head + call)}
    assert "disclaimer-missing" not in {f.rule for f in lint(head + call + disclaimer)}
