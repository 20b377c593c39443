"""A reproducible synthetic corpus: realistic Indian-finance news pages (HTML) and blog posts (Markdown).

Each page has what real pages have around the story: a head with meta tags, OpenGraph and JSON-LD, styles
and scripts, navigation, a byline and dates, 15-30 paragraphs, a promotion (some with tracking links), a
disclaimer, "related" lists, a footer and trailing scripts. Posts have YAML front matter. The same seed gives
byte-identical files, so runs on different machines measure the same input.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

COMPANIES = [
    "Tata Motors",
    "Infosys",
    "Reliance Industries",
    "HDFC Bank",
    "Kaveri Chemicals",
    "Sunrise Textiles",
    "Bharat Electronics",
    "Adani Ports",
    "Zomato",
    "Paytm",
    "Bajaj Finance",
    "ITC",
]
AUTHORS = ["Asha Rao", "Ravi Menon", "Priya Iyer", "Ankit Shah", "Meera Kulkarni", "Vikram Desai"]
SENTENCES = [
    "Shares of {c} rose {p}% to Rs {n} on the NSE on {d}, after the company reported a {p}% rise in net profit.",
    "The Nifty 50 closed at {n} points while the Sensex gained {p}%, led by banking and IT stocks.",
    "Analysts at a domestic brokerage said {c} could see margin pressure in the coming quarters.",
    "Foreign portfolio investors sold shares worth Rs {n} crore on {d}, according to provisional NSE data.",
    "The {c} IPO was subscribed {p} times on the final day, with retail investors bidding for {p} times their quota.",
    "SEBI said intermediaries must display their registration number in every communication with investors.",
    "The grey market premium for the issue fell to Rs {n}, people familiar with the matter said.",
    "\u201cWe expect demand to stay strong through the festive season,\u201d the chief executive of {c} "
    "told reporters.",
    "Mutual fund SIP inflows touched Rs {n} crore in the month, AMFI data showed.",
    "Buy {c} at Rs {n}, target Rs {m}, stop loss Rs {k}, said a technical analyst at a brokerage.",
    "Investors should consult a SEBI registered investment adviser before acting on tips seen on social media.",
    "The company&rsquo;s board approved a dividend of Rs {p} per share &amp; a bonus issue in the ratio 1:1.",
    "Retail participation in F&amp;O trading has doubled in two years, a SEBI study found.",
    "It is learnt that {c} is in talks to acquire a smaller rival for about Rs {n} crore.",
    "Guaranteed returns are a red flag, the regulator warned, after police arrested the operators of a Telegram group.",
]
PROMOS = [
    "Open a free demat account with Kaveri Stock Brokers today and get zero brokerage for 30 days.",
    "Join our Telegram channel for daily intraday calls with 90% accuracy. Subscribe now!",
    "Download our app for live market updates and expert stock picks.",
    "Apply for the upcoming IPO through our platform in two minutes. Limited period offer.",
]
DISCLAIMERS = [
    "Investment in securities market are subject to market risks. Read all the related documents carefully "
    "before investing.",
    "Investments in securities market are subject to market risk, read all the related documents carefully.",
    "The views and investment tips expressed by experts are their own and not those of the website or its management.",
]
SCRIPT = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());"
STYLE = ".nav{display:flex}.article p{line-height:1.6;margin:0 0 1em}.promo{border:1px solid #ccc}"


def _fill(rng: random.Random, sentence: str) -> str:
    return sentence.format(
        c=rng.choice(COMPANIES),
        p=rng.randint(2, 40),
        n=f"{rng.randint(100, 99999):,}",
        m=rng.randint(100, 3000),
        k=rng.randint(50, 900),
        d=f"{rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}",
    )


def _paragraph(rng: random.Random) -> str:
    return " ".join(_fill(rng, rng.choice(SENTENCES)) for _ in range(rng.randint(2, 5)))


def html_page(rng: random.Random, index: int) -> str:
    company = rng.choice(COMPANIES)
    author = rng.choice(AUTHORS)
    day = f"2025-{rng.randint(1, 5):02d}-{rng.randint(1, 28):02d}"
    title = f"{company} shares in focus: what analysts say ({index})"
    nav = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in ["markets", "ipo", "economy", "mf"])
    related = "".join(
        f'<li><a href="/story/{rng.randint(1000, 9999)}?utm_source=related">'
        f"{_fill(rng, rng.choice(SENTENCES))[:70]}</a></li>"
        for _ in range(rng.randint(4, 8))
    )
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(15, 30))]
    promo_at = rng.randint(3, len(paragraphs) - 2)
    promo = rng.choice(PROMOS)
    labelled = rng.random() < 0.5
    link = "https://t.me/example_calls" if "Telegram" in promo else "https://example.com/open?utm_source=news"
    promo_html = (
        f'<div class="{"sponsored " if labelled else ""}promo-box">'
        f'{"<span>Advertisement</span>" if labelled else ""}<p>{promo} <a href="{link}">Click here</a></p></div>'
    )
    body = []
    for i, text in enumerate(paragraphs):
        if i == promo_at:
            body.append(promo_html)
        if i and i % 7 == 0:
            body.append(f"<h2>{rng.choice(['Valuation', 'Outlook', 'What brokerages say', 'Q&amp;A'])}</h2>")
        body.append(f"<p>{text}</p>")
    disclaimer = rng.choice(DISCLAIMERS)
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"{day}T09:30:00+05:30",
            "author": {"@type": "Person", "name": author},
            "publisher": {"@type": "Organization", "name": "Market Daily"},
        }
    )
    scripts = "\n".join(f"<script>{SCRIPT * rng.randint(10, 60)}</script>" for _ in range(rng.randint(3, 8)))
    return f"""<!doctype html>
<html lang="en-IN">
<head>
<meta charset="utf-8">
<title>{title} | Market Daily</title>
<meta name="description" content="{paragraphs[0][:150]}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{day}T09:30:00+05:30">
<meta name="author" content="{author}">
<link rel="canonical" href="https://example.com/markets/story-{index}">
<style>{STYLE * rng.randint(10, 60)}</style>
<script type="application/ld+json">{ld}</script>
{scripts}
</head>
<body>
<header class="site-header"><nav class="navbar"><ul>{nav}</ul></nav></header>
<main>
<article>
<h1>{title}</h1>
<div class="byline">By <a rel="author" href="/author/{author.lower().replace(" ", "-")}">{author}</a></div>
<time datetime="{day}T09:30:00+05:30">Published: {day}</time>
<div class="article-body">
{chr(10).join(body)}
<h3>Disclaimer</h3>
<p>{disclaimer}</p>
</div>
</article>
<aside class="sidebar related"><h2>Also read</h2><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><p>&copy; 2025 Market Daily. All rights reserved.</p><ul>{nav}</ul></footer>
{scripts}
</body>
</html>
"""


def markdown_post(rng: random.Random, index: int) -> str:
    company = rng.choice(COMPANIES)
    author = rng.choice(AUTHORS)
    day = f"2025-{rng.randint(1, 5):02d}-{rng.randint(1, 28):02d}"
    paragraphs = [_paragraph(rng).replace("&amp;", "&").replace("&rsquo;", "'") for _ in range(rng.randint(15, 30))]
    paragraphs.insert(rng.randint(3, len(paragraphs) - 2), f"**Sponsored:** {rng.choice(PROMOS)}")
    sections = []
    for i, text in enumerate(paragraphs):
        if i and i % 7 == 0:
            sections.append(f"## {rng.choice(['Valuation', 'Outlook', 'Levels to watch'])}\n")
        sections.append(text + "\n")
    return (
        f'---\ntitle: "{company} options strategy for the week ({index})"\nauthor: {author}\ndate: {day}\n'
        f"tags: [options, nifty, {company.split()[0].lower()}]\n---\n\n# {company}: levels to watch\n\n"
        + "\n".join(sections)
        + f"\n## Disclaimer\n\n{rng.choice(DISCLAIMERS)}\n"
    )


def generate(folder: Path, count: int, seed: int = 6, markdown_every: int = 5) -> Path:
    """``count`` files in ``folder``: every ``markdown_every``-th a Markdown post, the rest HTML pages."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        if markdown_every and i % markdown_every == markdown_every - 1:
            (folder / f"post-{i:05d}.md").write_text(markdown_post(rng, i), encoding="utf-8")
        else:
            (folder / f"page-{i:05d}.html").write_text(html_page(rng, i), encoding="utf-8")
    return folder
