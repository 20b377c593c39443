"""The new packs catch a claim however it is worded: phrasings other than the rules' own examples."""

from __future__ import annotations

import pytest

from helpers import lint

CLAIMS = [
    ("adviser-performance-claim", "Last year our intraday calls generated 140% returns for members on the NSE."),
    ("adviser-performance-claim", "My swing trading picks have given 45% returns in six months on Indian stocks."),
    ("adviser-performance-claim", "Our Nifty option-selling strategy made 4% every month in 2025."),
    (
        "adviser-performance-claim",
        "Our premium members earned ₹3.2 lakh on average from our Bank Nifty calls last year.",
    ),
    ("adviser-performance-claim", "Since inception in 2019, our smallcase has delivered 31% CAGR on Indian equities."),
    ("adviser-performance-claim", "Our AI trading bot returned 62% in backtests on Nifty futures."),
    ("adviser-performance-claim", "We have generated 3.5x returns for our clients since 2018 in Indian stocks."),
    ("adviser-performance-claim", "Track record: our stock recommendations beat the Nifty 50 by 18% in FY25."),
    ("adviser-performance-claim", "Our multibagger picks rose 250% in two years; join our advisory in India."),
    ("adviser-performance-claim", "This algo gives 8% monthly returns on Bank Nifty."),
    ("adviser-testimonial", 'Join our Nifty calls. "Best advisory I have ever used" - Suresh, Chennai ⭐⭐⭐⭐⭐'),
    ("adviser-testimonial", "Over 25,000 satisfied subscribers trust our premium stock advisory in India."),
    (
        "adviser-testimonial",
        "Our advisory services: read our client reviews before you subscribe to our calls on NSE stocks.",
    ),
    ("adviser-testimonial", "Subscribe to our research services, rated 4.8 out of 5 by 3,000 traders in India."),
    (
        "adviser-free-trial",
        "Try our stock advisory free for 7 days in India! Meera Kulkarni, investment adviser, INA000012345.",
    ),
    ("adviser-free-trial", "Free trial available for our portfolio advisory plans for Indian investors."),
    (
        "adviser-illustration-statement-missing",
        "Our premium picks last month included Infosys and Tata Steel shares; subscribe to our calls for ₹1,499.",
    ),
    (
        "adviser-illustration-statement-missing",
        "Join our advisory: our model portfolio holds HDFC Bank Ltd, ITC Ltd and Larsen & Toubro Ltd in India.",
    ),
    (
        "adviser-upi-handle-invalid",
        "Subscription fee ₹5,000; pay via PhonePe to ankitcalls@ibl. SEBI RA Ankit Shah, INH000054321.",
    ),
    ("asci-vda-disclaimer-missing", "Invest in crypto with just ₹100 on Zebpay-like CoinNest, India's trusted app."),
    (
        "asci-vda-disclaimer-missing",
        "Trade Ethereum and 200 altcoins on our exchange. Sign up on our platform and get ₹100 in crypto.",
    ),
    ("asci-vda-disclaimer-missing", "Start a Bitcoin SIP today from ₹500 a week on CoinNest in India."),
    ("asci-vda-forbidden-terms", "Buy Bitcoin on CoinNest, the future of currency, from ₹100 in India."),
    (
        "asci-affiliate-unlabelled",
        "Open a Kaveri demat account with my link in bio and get free intraday for 30 days in India.",
    ),
    (
        "asci-affiliate-unlabelled",
        "Use code PRIYA100 when you sign up on Kaveri to get ₹100 cashback on your first SIP in India.",
    ),
    (
        "mf-performance-disclaimer-missing",
        "Invest in our Suvarna Small Cap Fund today: 32% returns in the last one year in India!",
    ),
    (
        "mf-riskometer-missing",
        "Invest in the Suvarna Nifty 50 Index Fund from ₹100. Start a SIP in Suvarna Nifty 50 Index Fund today.",
    ),
    (
        "mf-testimonial-or-ranking",
        "Start a SIP in Suvarna Flexi Cap Fund today, India's best-performing flexi cap fund.",
    ),
    (
        "mf-distributor-identity-missing",
        "I am a mutual fund distributor helping NRIs invest in Indian mutual funds; DM me.",
    ),
    (
        "mf-adviser-title-unregistered",
        "Anita Desai, Wealth Advisor | Mutual funds, insurance and tax planning in Pune, India.",
    ),
    (
        "ipo-subscription-or-listing-claim",
        "Meghdoot Cables IPO: GMP ₹45 today! Apply now through our app before 5 pm in India.",
    ),
    (
        "ipo-subscription-or-listing-claim",
        "Huge demand for the Sunrise Textiles IPO - apply now with Kaveri in 2 minutes on NSE.",
    ),
    (
        "ipo-risk-factors-missing",
        "Subscribe to the Meghdoot Cables IPO today via UPI on the Kaveri app. Price band ₹210-221.",
    ),
    (
        "irdai-spurious-calls-warning-missing",
        "Buy a health insurance plan for your family from ₹20 a day with Kavach Health in India.",
    ),
    (
        "irdai-ulip-risk-statement-missing",
        "Get market-linked returns plus life cover: buy Suraksha Fortune Plus ULIP today in India.",
    ),
    (
        "irdai-solicitation-statement-missing",
        "Kavach Insurance Brokers: compare term plans from 15 insurers and buy online in India.",
    ),
    (
        "rbi-nbfc-deposit-disclaimer-missing",
        "Invest in Sahyadri Finance FD and earn 9% interest, higher than bank FDs in India.",
    ),
    (
        "adviser-performance-claim",
        "In FY25 my F&O trades returned 78% on capital, and this year we are up 34% already on the NSE.",
    ),
    ("adviser-performance-claim", "Our research calls have outperformed the Sensex by 2x over five years."),
    ("adviser-performance-claim", "Our subscribers have booked profits of 120% on our midcap picks in India."),
    ("adviser-testimonial", "Join our calls on Telegram. 5-star rated by 10,000 traders across India."),
    (
        "adviser-illustration-statement-missing",
        "Subscribe to our stock ideas: past picks include Sunrise Textiles Ltd (BSE: 532123) in India.",
    ),
    (
        "adviser-upi-handle-invalid",
        "Fees for our advisory plans go to UPI meera@upi; Meera Kulkarni, INA000012345, India.",
    ),
    ("adviser-free-trial", "Take a 3-day free trial of our equity advisory today, then ₹999 a month."),
    ("adviser-education-live-call", "Educational purposes only. Infosys: buy above ₹1,500, SL ₹1,460, target ₹1,580."),
    (
        "adviser-identity-not-upfront",
        "Watch the full video for my Bank Nifty levels this week. #StockMarketIndia #Nifty ... Ravi, INH000012345",
    ),
    ("asci-vda-disclaimer-missing", "Get ₹500 worth of Bitcoin free when you sign up on CoinNest today."),
    (
        "asci-vda-forbidden-terms",
        "Sign up on our CoinNest crypto exchange; your coins are stored with a regulated custodian in India.",
    ),
    ("asci-affiliate-unlabelled", "Sign up for Kaveri through my referral link and we both get ₹200 in India."),
    (
        "mf-performance-disclaimer-missing",
        "Start a SIP in Suvarna Bluechip Fund today: CAGR of 16% over 10 years, India.",
    ),
    ("mf-riskometer-missing", "Invest in the Suvarna Balanced Advantage Fund now with SIPs from ₹1,000 in India."),
    ("mf-testimonial-or-ranking", "Invest in our Suvarna Tax Saver Fund today, ranked No. 1 by CRISIL in India."),
    (
        "mf-distributor-identity-missing",
        "We are AMFI registered mutual fund distributors in Nagpur; invest through us in India.",
    ),
    (
        "mf-adviser-title-unregistered",
        "I am an independent financial advisor helping families in India with SIPs and insurance.",
    ),
    (
        "ipo-subscription-or-listing-claim",
        "Sunrise Textiles IPO oversubscribed 25x! Apply today via the Kaveri app on NSE.",
    ),
    (
        "ipo-risk-factors-missing",
        "Apply for the Sunrise Textiles IPO now via UPI on the Kaveri app. Price band ₹96-101.",
    ),
    (
        "irdai-spurious-calls-warning-missing",
        "Buy car insurance from ₹2,094 a year online with Kavach General in India.",
    ),
    (
        "irdai-ulip-risk-statement-missing",
        "Choose Suraksha Wealth Max ULIP for market-linked returns and life cover, from ₹3,000 a month in India.",
    ),
    (
        "irdai-registration-number-missing",
        "Get health insurance for parents from ₹799 a month with Kavach Health in India.",
    ),
    ("rbi-nbfc-deposit-disclaimer-missing", "Earn up to 8.9% p.a. on Konark Housing Finance FDs in India."),
    (
        "asci-label-not-upfront",
        "My honest review of the Kaveri trading app after six months of SIPs and swing trades in India.\n\nThis video is sponsored by Kaveri.",
    ),
    (
        "asci-label-not-upfront",
        "Three mutual funds I am buying in 2026, and why, for salaried investors in India.\n\nIn paid partnership with Suvarna AMC.",
    ),
    (
        "asci-affiliate-unlabelled",
        "Get 20% off on the Kaveri Pro screener for Nifty stocks with my coupon code RAVI20.",
    ),
    (
        "adviser-identity-not-upfront",
        "Nifty may open gap-up tomorrow; here are my levels for the week ahead. Comment below with yours!\n\nSEBI RA: Ravi Menon, INH000012345",
    ),
    (
        "mf-distributor-identity-missing",
        "I'm an MFD in Indore and I help salaried people in India pick SIPs; DM me to start.",
    ),
    (
        "mf-adviser-title-unregistered",
        "Meet our wealth advisors: a team of 12 helping Indian families with mutual funds.",
    ),
    (
        "ipo-subscription-or-listing-claim",
        "Tarang Foods IPO subscribed 18 times already! Last day today - apply now through Kaveri, India's zero brokerage broker.",
    ),
    ("ipo-risk-factors-missing", "Tarang Foods IPO closes today at 5 pm. Apply now on Kaveri with UPI, India."),
    (
        "rbi-nbfc-deposit-disclaimer-missing",
        "Senior citizens: book a Sahyadri Capital fixed deposit for 3 years at 9.1% and get monthly payouts in India.",
    ),
    (
        "asci-vda-forbidden-terms",
        "Trade Bitcoin with us on CoinNest, India's safest crypto exchange with a depository-grade vault for your tokens.",
    ),
    ("asci-vda-short-period-returns", "Buy Bitcoin on CoinNest from ₹100: BTC surged 30% last month alone in India."),
    (
        "irdai-ulip-risk-statement-missing",
        "Invest ₹5,000 a month in Suraksha Wealth Goal ULIP and get life cover of ₹50 lakh in India.",
    ),
    (
        "irdai-solicitation-statement-missing",
        "Buy term insurance online with Kavach, an IRDAI-licensed corporate agent, from ₹499 a month in India.",
    ),
]


@pytest.mark.parametrize(("rule", "text"), CLAIMS)
def test_the_claim_is_reported(rule, text):
    assert [f.rule for f in lint(text, rule)] == [rule]
