#!/usr/bin/env python3
# Vendored from the shared benchmark material (../shared/bench/gen_finance.py) so that benchmarks/run.py --series
# finance measures the same 1,000 finance-heavy pages (--n 1000 --seed 42) on any checkout. Standard library only.
"""Synthetic-but-realistic news/finance article corpus generator.

Writes N HTML article pages (target 40-80 KB each) and the same N articles as
Markdown with YAML front matter.  Deterministic for a given --seed.

Usage:  python gen.py --n 1000 --out corpus [--seed 42]
Output: corpus/html/article_0000.html ... and corpus/md/article_0000.md ...
        corpus/manifest.json  (per-article ground truth: which compliance
        features were injected: disclaimer present, SEBI wording, promo, ...)

Only the standard library is used.
"""
import argparse
import html
import json
import os
import random

FIRST = ["Priya", "Rahul", "Ananya", "Vikram", "Neha", "Arjun", "Kavita", "Suresh",
         "Meera", "Rohan", "Aditi", "Karan", "Pooja", "Sanjay", "Divya", "Amit"]
LAST = ["Sharma", "Iyer", "Mehta", "Reddy", "Nair", "Gupta", "Banerjee", "Kulkarni",
        "Joshi", "Menon", "Singh", "Desai", "Rao", "Pillai", "Chatterjee", "Verma"]
COMPANIES = ["Tata Motors", "Reliance Industries", "Infosys", "HDFC Bank", "ICICI Bank",
             "Bajaj Finance", "Larsen & Toubro", "Maruti Suzuki", "Asian Paints",
             "Sun Pharma", "Wipro", "Adani Ports", "Titan Company", "NTPC", "ITC",
             "Kotak Mahindra Bank", "Hindustan Unilever", "Bharti Airtel", "Axis Bank",
             "UltraTech Cement", "Zomato", "Paytm", "Nykaa", "Tech Mahindra", "Coal India"]
SECTORS = ["banking", "IT services", "auto", "pharma", "FMCG", "capital goods", "metals",
           "cement", "telecom", "power", "realty", "consumer durables", "fintech"]
INDICES = ["Nifty 50", "Sensex", "Nifty Bank", "Nifty IT", "Nifty Midcap 100",
           "BSE Smallcap", "Nifty Auto", "Nifty Pharma"]
BROKERS = ["Motilal Oswal", "ICICI Securities", "Kotak Institutional Equities",
           "Jefferies", "Morgan Stanley", "CLSA", "Nomura", "HDFC Securities",
           "Axis Securities", "Sharekhan", "Emkay Global", "Nuvama"]
VERBS = ["rose", "fell", "climbed", "slipped", "surged", "declined", "rallied", "edged up",
         "eased", "jumped", "tumbled", "recovered", "advanced", "retreated"]
ADJ = ["strong", "weak", "muted", "robust", "subdued", "healthy", "tepid", "resilient",
       "volatile", "steady", "sharp", "modest", "sluggish", "buoyant"]
NOUNS = ["earnings", "margins", "order book", "guidance", "revenue growth", "loan book",
         "asset quality", "net interest margin", "EBITDA", "free cash flow", "valuation",
         "capex plan", "dividend payout", "market share", "deposit growth", "volumes"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
CATEGORIES = ["Markets", "Stocks", "Mutual Funds", "Personal Finance", "Economy",
              "IPO", "Commodities", "Banking", "Tax", "Insurance"]
FILLER = ("the the of and to in a is that for on with as was at by it from be this an are "
          "which or has have had not but its were been their they also will more than "
          "about after over into year quarter analysts investors market shares stock "
          "company percent crore lakh rupee fiscal board ahead outlook demand pressure "
          "inflation rate policy RBI repo yield bond foreign institutional domestic "
          "retail flows session trade close open high low week month").split()

SEBI_STD = ("Mutual Fund investments are subject to market risks, read all scheme "
            "related documents carefully.")
DISCLAIMER_VARIANTS = [
    "Disclaimer: The views and investment tips expressed by experts are their own and "
    "not those of the website or its management. Users are advised to check with "
    "certified experts before taking any investment decisions.",
    "Disclaimer: The recommendations, suggestions, views and opinions given by the "
    "experts are their own. These do not represent the views of the publication. "
    "Investment in securities market are subject to market risks. Read all the "
    "related documents carefully before investing.",
    "Disclaimer: This article is for information purposes only and does not constitute "
    "investment advice. Please consult a SEBI-registered investment adviser before "
    "making any investment decision.",
]
BAD_PROMO = ["guaranteed returns", "multibagger", "sure-shot", "risk-free returns",
             "double your money", "jackpot stock", "100% safe", "assured profit"]


def rnd_date(r):
    y = r.choice([2023, 2024, 2025])
    m = r.randrange(12)
    d = r.randint(1, 28)
    hh, mm = r.randint(6, 22), r.randint(0, 59)
    return y, m, d, hh, mm


def sentence(r):
    kind = r.randrange(6)
    c = r.choice(COMPANIES)
    if kind == 0:
        s = (f"Shares of {c} {r.choice(VERBS)} {r.uniform(0.2, 9.5):.2f} per cent to "
             f"Rs {r.uniform(80, 4800):,.2f} on the NSE after the company reported "
             f"{r.choice(ADJ)} {r.choice(NOUNS)} for the {r.choice(['June', 'September', 'December', 'March'])} quarter.")
    elif kind == 1:
        s = (f"The {r.choice(INDICES)} {r.choice(VERBS)} {r.randint(20, 900)} points, or "
             f"{r.uniform(0.1, 2.5):.2f} per cent, as {r.choice(SECTORS)} stocks saw "
             f"{r.choice(ADJ)} buying interest from {r.choice(['FIIs', 'DIIs', 'retail investors', 'HNIs'])}.")
    elif kind == 2:
        s = (f"{r.choice(BROKERS)} maintained a '{r.choice(['buy', 'add', 'hold', 'reduce', 'sell'])}' "
             f"rating on {c} with a target price of Rs {r.randint(100, 6000):,}, citing "
             f"{r.choice(ADJ)} {r.choice(NOUNS)} and {r.choice(ADJ)} {r.choice(NOUNS)}.")
    elif kind == 3:
        s = (f"\"We expect {r.choice(NOUNS)} to remain {r.choice(ADJ)} over the next two to "
             f"three quarters,\" said {r.choice(FIRST)} {r.choice(LAST)}, "
             f"{r.choice(['head of research', 'chief investment officer', 'fund manager', 'senior analyst'])} at "
             f"{r.choice(BROKERS)}.")
    elif kind == 4:
        s = (f"Net profit for the quarter stood at Rs {r.randint(50, 18000):,} crore, "
             f"{r.choice(['up', 'down'])} {r.uniform(1, 45):.1f} per cent year-on-year, while "
             f"revenue from operations came in at Rs {r.randint(500, 90000):,} crore.")
    else:
        words = [r.choice(FILLER) for _ in range(r.randint(14, 30))]
        words[0] = words[0].capitalize()
        s = " ".join(words) + "."
    return s


def paragraph(r):
    return " ".join(sentence(r) for _ in range(r.randint(3, 7)))


def article(i, seed):
    r = random.Random(seed * 100003 + i)
    c = r.choice(COMPANIES)
    cat = r.choice(CATEGORIES)
    title = (f"{c} shares {r.choice(VERBS)} {r.uniform(1, 12):.1f}% after "
             f"{r.choice(ADJ)} {r.choice(NOUNS)}; should you buy, sell or hold?")
    author = f"{r.choice(FIRST)} {r.choice(LAST)}"
    y, m, d, hh, mm = rnd_date(r)
    upd_d = min(28, d + r.randint(0, 2))
    paras = [paragraph(r) for _ in range(r.randint(15, 30))]
    n_sub = r.randint(2, 4)
    sub_at = sorted(r.sample(range(2, len(paras)), n_sub))
    subheads = [f"What {r.choice(BROKERS)} says about {r.choice(NOUNS)}" for _ in sub_at]
    has_byline = r.random() > 0.05
    has_date = r.random() > 0.05
    has_disclaimer = r.random() > 0.15
    has_sebi = (cat == "Mutual Funds" or r.random() < 0.3) and r.random() > 0.1
    has_promo = r.random() < 0.6
    bad_promo = has_promo and r.random() < 0.25
    bad_in_body = r.random() < 0.1
    if bad_in_body:
        k = r.randrange(len(paras))
        paras[k] += f" Some social media influencers have been pitching it as a {r.choice(BAD_PROMO)} bet."
    disclaimer = r.choice(DISCLAIMER_VARIANTS) if has_disclaimer else None
    promo_text = (f"Subscribe to our Premium research desk for {r.choice(['expert', 'daily', 'weekly'])} stock ideas."
                  + (f" Get {r.choice(BAD_PROMO)} with our picks!" if bad_promo else
                     " Past performance is not indicative of future returns."))
    tags = r.sample(SECTORS, 3) + [c]
    slug = f"{c.lower().replace(' & ', '-').replace(' ', '-')}-{cat.lower().replace(' ', '-')}-{i:04d}"
    return dict(i=i, r=r, company=c, category=cat, title=title, author=author,
                date=(y, m, d, hh, mm), updated=(y, m, upd_d, min(23, hh + 1), mm),
                paras=paras, sub_at=sub_at, subheads=subheads, has_byline=has_byline,
                has_date=has_date, has_disclaimer=has_disclaimer, disclaimer=disclaimer,
                has_sebi=has_sebi, has_promo=has_promo, bad_promo=bad_promo,
                bad_in_body=bad_in_body, promo_text=promo_text, tags=tags, slug=slug)


def fmt_human(t):
    y, m, d, hh, mm = t
    ap = "AM" if hh < 12 else "PM"
    h12 = hh % 12 or 12
    return f"{d:02d} {MONTHS[m]} {y}, {h12:02d}:{mm:02d} {ap} IST"


def fmt_iso(t):
    y, m, d, hh, mm = t
    return f"{y}-{m + 1:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+05:30"


CSS_RULES = [".{c}{{margin:0 auto;padding:{p}px;font-size:{f}px;color:#{col:06x};}}",
             ".{c} a:hover{{text-decoration:underline;color:#{col:06x};}}",
             "@media (max-width:{w}px){{.{c}{{display:none;width:100%;}}}}"]
JS_SNIPPETS = [
    "window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-{id}');",
    "var googletag=googletag||{{}};googletag.cmd=googletag.cmd||[];googletag.cmd.push(function(){{googletag.defineSlot('/1234567/{id}/article_top',[[728,90],[970,250]],'div-gpt-ad-{id}').addService(googletag.pubads());googletag.enableServices();}});",
    "(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':new Date().getTime(),event:'gtm.js'}});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);}})(window,document,'script','dataLayer','GTM-{id}');",
    "document.querySelectorAll('.share-btn').forEach(function(b){{b.addEventListener('click',function(e){{e.preventDefault();window.open(b.href,'share-{id}','width=600,height=400');}});}});",
]


def to_html(a, target_kb):
    r = a["r"]
    e = html.escape
    url = f"https://www.example-finance-news.in/{a['category'].lower().replace(' ', '-')}/{a['slug']}"
    jsonld = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": a["title"], "url": url,
        "datePublished": fmt_iso(a["date"]), "dateModified": fmt_iso(a["updated"]),
        "author": [{"@type": "Person", "name": a["author"]}] if a["has_byline"] else [],
        "publisher": {"@type": "Organization", "name": "Example Finance News",
                      "logo": {"@type": "ImageObject", "url": "https://www.example-finance-news.in/logo.png"}},
        "articleSection": a["category"], "keywords": ", ".join(a["tags"]),
        "description": a["paras"][0][:160],
    }
    out = []
    w = out.append
    w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    w(f"<title>{e(a['title'])} | Example Finance News</title>\n")
    w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    w(f"<meta name=\"description\" content=\"{e(a['paras'][0][:160])}\">\n")
    w(f"<meta name=\"keywords\" content=\"{e(', '.join(a['tags']))}\">\n")
    if a["has_byline"]:
        w(f"<meta name=\"author\" content=\"{e(a['author'])}\">\n")
    w(f"<meta property=\"og:title\" content=\"{e(a['title'])}\">\n<meta property=\"og:url\" content=\"{url}\">\n")
    w(f"<meta property=\"og:type\" content=\"article\">\n<meta property=\"article:published_time\" content=\"{fmt_iso(a['date'])}\">\n")
    w(f"<meta property=\"article:modified_time\" content=\"{fmt_iso(a['updated'])}\">\n")
    w(f"<link rel=\"canonical\" href=\"{url}\">\n<link rel=\"amphtml\" href=\"{url}/amp\">\n")
    w(f"<script type=\"application/ld+json\">{json.dumps(jsonld)}</script>\n")
    w("<style>\n")
    for k in range(r.randint(40, 90)):
        w(r.choice(CSS_RULES).format(c=f"c{k}-{r.randrange(999)}", p=r.randint(0, 32), f=r.randint(10, 24),
                                     col=r.randrange(1 << 24), w=r.choice([480, 768, 1024])) + "\n")
    w("</style>\n")
    for k in range(3):
        w(f"<script>{r.choice(JS_SNIPPETS).format(id=r.randrange(10**6, 10**7))}</script>\n")
    w("</head>\n<body class=\"article-page\">\n")
    # header + nav
    w("<header class=\"site-header\"><div class=\"logo\"><a href=\"/\"><img src=\"/logo.png\" alt=\"Example Finance News\" width=\"180\" height=\"40\"></a></div>\n<nav class=\"main-nav\" aria-label=\"Primary\"><ul>\n")
    for cat in CATEGORIES:
        w(f"<li class=\"nav-item\"><a href=\"/{cat.lower().replace(' ', '-')}\">{cat}</a><ul class=\"sub\">")
        for s in r.sample(SECTORS, 4):
            w(f"<li><a href=\"/{cat.lower().replace(' ', '-')}/{s.replace(' ', '-')}\">{s.title()}</a></li>")
        w("</ul></li>\n")
    w("</ul></nav>\n<div class=\"ticker\" data-live=\"1\">")
    for ix in INDICES:
        w(f"<span class=\"tick\"><b>{ix}</b> {r.uniform(10000, 80000):,.2f} <i class=\"{r.choice(['up', 'down'])}\">{r.uniform(-2, 2):+.2f}%</i></span>")
    w("</div></header>\n")
    w(f"<div class=\"ad-slot\" id=\"div-gpt-ad-top\" data-slot=\"top\"></div>\n")
    w("<main id=\"content\"><div class=\"container\">\n")
    w(f"<nav class=\"breadcrumb\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/{a['category'].lower().replace(' ', '-')}\">{a['category']}</a> &rsaquo; <span>{e(a['company'])}</span></nav>\n")
    w("<article class=\"story\" itemscope itemtype=\"https://schema.org/NewsArticle\">\n")
    w(f"<h1 class=\"headline\" itemprop=\"headline\">{e(a['title'])}</h1>\n")
    w(f"<h2 class=\"synopsis\">{e(a['paras'][0][:200])}</h2>\n<div class=\"meta\">")
    if a["has_byline"]:
        w(f"<span class=\"byline\" itemprop=\"author\">By <a rel=\"author\" href=\"/author/{a['author'].lower().replace(' ', '-')}\">{e(a['author'])}</a></span> ")
    if a["has_date"]:
        w(f"<time class=\"published\" datetime=\"{fmt_iso(a['date'])}\" itemprop=\"datePublished\">Published: {fmt_human(a['date'])}</time> ")
        w(f"<time class=\"updated\" datetime=\"{fmt_iso(a['updated'])}\" itemprop=\"dateModified\">Updated: {fmt_human(a['updated'])}</time>")
    w("</div>\n<figure class=\"lead-img\"><img src=\"/img/lead.jpg\" alt=\"" + e(a['company']) + " office\" loading=\"lazy\"><figcaption>Representative image</figcaption></figure>\n")
    w("<div class=\"story-body\" itemprop=\"articleBody\">\n")
    promo_at = r.randint(4, max(5, len(a["paras"]) - 3))
    for k, p in enumerate(a["paras"]):
        if k in a["sub_at"]:
            w(f"<h3>{e(a['subheads'][a['sub_at'].index(k)])}</h3>\n")
        w(f"<p>{e(p)}</p>\n")
        if k == 6:
            w("<div class=\"inline-ad\" data-slot=\"mid\"><!-- ad --></div>\n")
        if a["has_promo"] and k == promo_at:
            w(f"<aside class=\"promo-block\" data-promo=\"premium\"><h4>Premium</h4><p>{e(a['promo_text'])}</p><a class=\"cta\" href=\"/subscribe?src=article\">Subscribe now</a></aside>\n")
        if k == 10:
            w("<div class=\"also-read\"><strong>Also read:</strong> <a href=\"/markets/" + str(r.randrange(10**6)) + "\">" + e(r.choice(COMPANIES)) + " Q" + str(r.randint(1, 4)) + " results preview</a></div>\n")
    if a["has_sebi"]:
        w(f"<p class=\"sebi-note\"><em>{SEBI_STD}</em></p>\n")
    w("</div>\n")
    if a["has_disclaimer"]:
        w(f"<div class=\"disclaimer\" role=\"note\"><p>{e(a['disclaimer'])}</p></div>\n")
    w("<div class=\"tags\">" + "".join(f"<a class=\"tag\" href=\"/tag/{t.lower().replace(' ', '-')}\">{e(t)}</a>" for t in a["tags"]) + "</div>\n")
    w("<div class=\"share\">" + "".join(f"<a class=\"share-btn {s}\" href=\"https://{s}.example/share?u={url}\">{s}</a>" for s in ["facebook", "x", "linkedin", "whatsapp", "telegram"]) + "</div>\n")
    w("</article>\n")
    # sidebar: fill towards target size
    w("<aside class=\"sidebar\"><section class=\"trending\"><h3>Trending</h3><ol>\n")
    body = "".join(out)
    tail_est = 3000
    k = 0
    while len(body.encode()) + tail_est < target_kb * 1024 and k < 600:
        li = (f"<li class=\"trend-item\"><a href=\"/{r.choice(CATEGORIES).lower().replace(' ', '-')}/{r.randrange(10**7)}\">"
              f"<img src=\"/thumb/{r.randrange(10**6)}.jpg\" alt=\"\" width=\"90\" height=\"60\" loading=\"lazy\">"
              f"<span>{e(r.choice(COMPANIES))} {r.choice(VERBS)} {r.uniform(1, 9):.1f}%: {e(r.choice(ADJ))} {e(r.choice(NOUNS))} in focus</span></a>"
              f"<span class=\"ts\">{r.randint(1, 59)} min ago</span></li>\n")
        out.append(li)
        body += li
        k += 1
    w("</ol></section></aside>\n</div></main>\n")
    w("<footer class=\"site-footer\"><div class=\"cols\">")
    for col in range(4):
        w("<ul>" + "".join(f"<li><a href=\"/{c2.lower().replace(' ', '-')}\">{c2}</a></li>" for c2 in r.sample(CATEGORIES, 6)) + "</ul>")
    w("</div><p class=\"copyright\">&copy; 2025 Example Finance News. All rights reserved. "
      "Registered office: 1 Example Street, Mumbai 400001.</p></footer>\n")
    for k in range(3):
        w(f"<script>{r.choice(JS_SNIPPETS).format(id=r.randrange(10**6, 10**7))}</script>\n")
    w("<script src=\"/static/js/app.bundle.js\" defer></script>\n</body>\n</html>\n")
    return "".join(out)


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)  # JSON strings are valid YAML scalars


def to_md(a):
    out = ["---\n",
           f"title: {yaml_str(a['title'])}\n",
           f"slug: {a['slug']}\n",
           f"category: {a['category']}\n"]
    if a["has_byline"]:
        out.append(f"author: {yaml_str(a['author'])}\n")
    if a["has_date"]:
        out.append(f"date: {fmt_iso(a['date'])}\n")
        out.append(f"updated: {fmt_iso(a['updated'])}\n")
    out.append("tags:\n" + "".join(f"  - {yaml_str(t)}\n" for t in a["tags"]))
    out.append(f"description: {yaml_str(a['paras'][0][:160])}\n")
    out.append("---\n\n")
    out.append(f"# {a['title']}\n\n")
    meta = []
    if a["has_byline"]:
        meta.append(f"By {a['author']}")
    if a["has_date"]:
        meta.append(f"Published: {fmt_human(a['date'])}")
    if meta:
        out.append("*" + " | ".join(meta) + "*\n\n")
    r = random.Random(a["i"] * 7 + 1)
    promo_at = r.randint(4, max(5, len(a["paras"]) - 3))
    for k, p in enumerate(a["paras"]):
        if k in a["sub_at"]:
            out.append(f"## {a['subheads'][a['sub_at'].index(k)]}\n\n")
        out.append(p + "\n\n")
        if a["has_promo"] and k == promo_at:
            out.append(f"> **Premium:** {a['promo_text']} [Subscribe now](/subscribe?src=article)\n\n")
        if k == 10:
            out.append(f"**Also read:** [{r.choice(COMPANIES)} results preview](/markets/{r.randrange(10**6)})\n\n")
    if a["has_sebi"]:
        out.append(f"*{SEBI_STD}*\n\n")
    if a["has_disclaimer"]:
        out.append(f"---\n\n_{a['disclaimer']}_\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", default="corpus")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--min-kb", type=int, default=40)
    ap.add_argument("--max-kb", type=int, default=80)
    args = ap.parse_args()
    hd, md = os.path.join(args.out, "html"), os.path.join(args.out, "md")
    os.makedirs(hd, exist_ok=True)
    os.makedirs(md, exist_ok=True)
    manifest = []
    tot_h = tot_m = 0
    for i in range(args.n):
        a = article(i, args.seed)
        target = random.Random(args.seed + i * 31).randint(args.min_kb, args.max_kb)
        h = to_html(a, target).encode()
        m = to_md(a).encode()
        with open(os.path.join(hd, f"article_{i:04d}.html"), "wb") as f:
            f.write(h)
        with open(os.path.join(md, f"article_{i:04d}.md"), "wb") as f:
            f.write(m)
        tot_h += len(h)
        tot_m += len(m)
        manifest.append({k: a[k] for k in ("i", "slug", "category", "has_byline", "has_date",
                                             "has_disclaimer", "has_sebi", "has_promo",
                                             "bad_promo", "bad_in_body")} | {"html_bytes": len(h), "md_bytes": len(m)})
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=0)
    print(f"wrote {args.n} html ({tot_h / 1e6:.1f} MB, avg {tot_h / args.n / 1024:.1f} KiB) "
          f"and {args.n} md ({tot_m / 1e6:.1f} MB, avg {tot_m / args.n / 1024:.1f} KiB) to {args.out}")


if __name__ == "__main__":
    main()
