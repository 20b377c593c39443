"""Articles for the review-page tests (made for the tests; written to a temporary folder by each test)."""

PARAPHRASE = "Investments in the stock market are subject to risk, please read documents before investing."
EXACT = "Investments in securities market are subject to market risks. Read all the related documents carefully before investing."

# HTML with inline tags and entities inside the flagged words, an untrusted script and attribute payloads in
# the text (escaped as entities, so the reader sees them as text), and a paraphrased mandated warning.
HOSTILE_HTML = f"""<!DOCTYPE html>
<html><head><title>Buy call &lt;script&gt;</title></head>
<body><article>
<h1>Tata Motors: &lt;img src=x onerror=alert(1)&gt; a buy</h1>
<p>By Priya Rao</p>
<p>Our NSE pick offers <b>guaranteed</b> returns of 20% to clients of our desk &amp; its &lt;script&gt;alert("x")&lt;/script&gt; team.</p>
<p>{PARAPHRASE}</p>
</article></body></html>
"""

MARKDOWN = """---
title: "Sensex ends higher"
---

# Sensex ends higher

The Sensex rose 300 points. It is learnt that two lenders will report strong loan growth.

Our fund gives **assured returns** to every saver.
"""
