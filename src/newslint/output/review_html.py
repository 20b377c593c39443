"""``--format html``: one self-contained review page for editors (docs/review-page.md).

Each article is shown as a reader sees it (its blocks: headings, paragraphs, list items, quotes, captions),
with every finding highlighted on the words it is about, and a card under the paragraph with the message, the
rule's why and references, and the fix (the mandated wording, with a copy button). Filters by severity and
pack, and j/k (or n/p) move from finding to finding. No external asset: the style and the script are inline
and the Content-Security-Policy allows nothing else (only those two, by hash), so an article that slipped
through escaping still could not run a script or load anything.

The report carries findings, not documents: each file is read and parsed again here, and each finding's line
and column become offsets in it, as ``newslint.api`` computes them (an output format sits below the API in the
package layers, so it uses the same engine types, not the API's). A file that cannot be read again (standard
input, a file gone since) is shown as its findings with their source lines.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.files.printable import page_text
from newslint.output.report import RunReport

if TYPE_CHECKING:
    from newslint.document.model import Block, Document
    from newslint.language.model import Rule
    from newslint.running.findings import Fix
    from newslint.running.linter import FileResult

SEVERITY_ORDER = ("error", "warning", "info")
_RANK = {s: i for i, s in enumerate(SEVERITY_ORDER)}
_TAGS = {"heading": "h3", "list-item": "li", "blockquote": "blockquote", "caption": "figcaption"}


@dataclass(frozen=True, slots=True)
class Finding:
    """A finding as the page shows it: the engine's finding with its span as offsets and its rule's pack."""

    rule: str
    severity: str
    message: str
    line: int
    column: int
    start: int
    end: int
    pack: str
    fix: Fix | None


def esc(value: object) -> str:
    return html.escape(page_text(str(value)), quote=True)  # names' bytes as \xNN, control characters visible


def render(report: RunReport) -> str:
    rules = report.rules
    packs_of = {rid: rule.pack for rid, rule in report.rules.items()}
    articles: list[str] = []
    toc: list[str] = []
    counter = _Counter()
    all_packs: Counter[str] = Counter()
    severities = report.by_severity()
    for index, result in enumerate(report.results):
        if result.error:
            continue
        findings, doc = _load(result, packs_of)
        all_packs.update(f.pack or "other" for f in findings)  # counts per pack
        anchor = f"a{index}"
        toc.append(
            f'<li><a href="#{anchor}">{esc(result.path)}</a> <span class="count">{_plural(len(findings), "finding")}'
            f"</span></li>"
        )
        articles.append(_article(anchor, result, findings, doc, rules, counter))
    errors = [r for r in report.results if r.error]
    body = [
        '<header class="bar"><h1>newslint review</h1>',
        f'<p class="summary">{_plural(report.file_count, "article")}, {_plural(counter.n, "finding")}: '
        + ", ".join(f"{severities[s]} {s}" for s in SEVERITY_ORDER)
        + "</p>",
        _filters(all_packs, severities),
        '<p class="keys">Keys: <kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous.</p>',
        "</header>",
        "<main>",
    ]
    if errors:
        body.append('<section class="errors"><h2>Not checked</h2><ul>')
        body.extend(f"<li><code>{esc(r.path)}</code>: {esc(r.error)}</li>" for r in errors)
        body.append("</ul></section>")
    if len(toc) > 1:
        body.append(f'<nav class="toc"><h2>Articles</h2><ul>{"".join(toc)}</ul></nav>')
    if not articles and not errors:
        body.append('<p class="empty">No articles were checked.</p>')
    body.extend(articles)
    body.append("</main>")
    return _page("\n".join(body), report.version)


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"f{self.n}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _load(result: FileResult, packs: dict[str, str]) -> tuple[list[Finding], Document | None]:
    """The file's findings with their offsets and its parsed document (None when it cannot be read again)."""
    from newslint.document.positions import LineIndex
    from newslint.files.source import SourceError, SourceSkipped, read_source
    from newslint.parsing.parse import parse_source

    doc = None
    if result.path not in ("-", "") and result.findings:
        try:
            source = read_source(Path(result.path), result.path, None, 0)
            # The lines the findings point at must read as they did when checked: the file may have changed
            # since, or the findings may be standard input's (--stdin-filename names a file on disk).
            lines = LineIndex(source.text)
            if all(lines.line_text(n) == text for n, text in result.lines.items()):
                doc = parse_source(source)
        except (SourceError, SourceSkipped, OSError, ValueError, RecursionError):
            doc = None
    if doc is None:
        text = "\n".join(result.lines.get(i, "") for i in range(1, max(result.lines, default=0) + 1))
        return _located(result, text, packs), None
    return _located(result, doc.source, packs), doc


def _located(result: FileResult, text: str, packs: dict[str, str]) -> list[Finding]:
    from newslint.document.positions import LineIndex

    offset = LineIndex(text).offset
    return [
        Finding(
            f.rule,
            f.severity,
            f.message,
            f.line,
            f.column,
            offset(f.line, f.column),
            offset(f.end_line, f.end_column),
            packs.get(f.rule, ""),
            f.fix,
        )
        for f in result.findings
    ]


def _spans(block: Block) -> list[int]:
    """Source offset where each character of the block's text starts (non-decreasing)."""
    start = block.tmap.source_start
    return [start(i) for i in range(len(block.text))]


def _locate(starts: list[int], block: Block, s: int, e: int) -> tuple[int, int] | None:
    """The block text span covering source span [s, e), or None when they do not overlap."""
    n = len(starts)
    if not n or e <= s:
        return None
    first = bisect_right(starts, s) - 1  # the character holding s (or the one before, when s is in markup)
    if first < 0:
        first = 0
    elif block.tmap.source_end(first) <= s:
        first += 1
    last = bisect_right(starts, e - 1)  # one past the last character starting before e
    if first >= last or first >= n:
        return None
    return first, last


def _article(
    anchor: str,
    result: FileResult,
    findings: list[Finding],
    doc: Document | None,
    rules: dict[str, Rule],
    counter: _Counter,
) -> str:
    ids = {id(f): counter.next() for f in findings}
    out = [f'<article class="doc" id="{anchor}"><h2 class="path">{esc(result.path)}</h2>']
    if result.fixed:
        out.append(f'<p class="note">{_plural(result.fixed, "fix")} applied before this report.</p>')
    for warning in result.warnings:
        out.append(f'<p class="note">{esc(warning)}</p>')
    if not findings:
        out.append('<p class="clean">No findings.</p></article>')
        return "\n".join(out)
    placed: dict[int, list[tuple[int, int, Finding]]] = {}  # block index -> (text start, text end, finding)
    first_block: dict[int, int] = {}  # id(finding) -> the block its card goes under
    if doc is not None:
        blocks = doc.blocks
        bounds = [(b.tmap.source_start(0), b.tmap.source_end(len(b.text) - 1)) if b.text else (0, 0) for b in blocks]
        starts: dict[int, list[int]] = {}
        for f in findings:
            for bi, block in enumerate(blocks):
                if not block.text or bounds[bi][0] >= f.end or bounds[bi][1] <= f.start:
                    continue
                if bi not in starts:
                    starts[bi] = _spans(block)
                span = _locate(starts[bi], block, f.start, f.end)
                if span is None:
                    continue
                placed.setdefault(bi, []).append((span[0], span[1], f))
                first_block.setdefault(id(f), bi)
    whole = [f for f in findings if id(f) not in first_block]
    if whole:
        label = "About the whole article" if doc is not None else "Findings (the article could not be read again)"
        out.append(f'<section class="whole"><h3>{label}</h3>')
        out.extend(_card(f, ids[id(f)], rules, result, show_line=doc is None) for f in whole)
        out.append("</section>")
    if doc is not None:
        out.append('<div class="text">')
        cards_under: dict[int, list[Finding]] = {}
        for f in findings:
            if id(f) in first_block:
                cards_under.setdefault(first_block[id(f)], []).append(f)
        shown = [bi for bi, b in enumerate(doc.blocks) if b.text.strip()]
        i = 0
        while i < len(shown):
            # Page furniture (navigation, related lists, footers) without findings folds away.
            run = []
            while i < len(shown) and not doc.blocks[shown[i]].body and shown[i] not in placed:
                run.append(shown[i])
                i += 1
            if run:
                out.append(
                    f'<details class="furniture"><summary>Page furniture ({_plural(len(run), "block")})</summary>'
                )
                out.extend(_blocks_html(doc.blocks, run, {}, ids, {}, rules, result))
                out.append("</details>")
                continue
            run = []
            while i < len(shown) and (doc.blocks[shown[i]].body or shown[i] in placed):
                run.append(shown[i])
                i += 1
            out.extend(_blocks_html(doc.blocks, run, placed, ids, cards_under, rules, result))
        out.append("</div>")
    out.append("</article>")
    return "\n".join(out)


def _blocks_html(
    blocks: list[Block],
    indices: list[int],
    placed: dict[int, list[tuple[int, int, Finding]]],
    ids: dict[int, str],
    cards_under: dict[int, list[Finding]],
    rules: dict[str, Rule],
    result: FileResult,
) -> list[str]:
    """Consecutive blocks, list items gathered into lists, each block followed by the cards of its findings."""
    out: list[str] = []
    in_list = False
    for bi in indices:
        block = blocks[bi]
        is_item = block.kind == "list-item"
        if is_item and not in_list:
            out.append('<ul class="items">')
        elif not is_item and in_list:
            out.append("</ul>")
        in_list = is_item
        out.append(_block_html(block, placed.get(bi, []), ids))
        under = cards_under.get(bi)
        if under:
            if in_list:
                out.append("</ul>")
                in_list = False
            out.append('<div class="cards">')
            out.extend(_card(f, ids[id(f)], rules, result) for f in under)
            out.append("</div>")
    if in_list:
        out.append("</ul>")
    return out


def _block_html(block: Block, marks: list[tuple[int, int, Finding]], ids: dict[int, str]) -> str:
    """The block's text with each finding's words wrapped in <mark>, overlaps split into segments."""
    text = block.text
    cuts = {0, len(text)}
    for s, e, _f in marks:
        cuts.update((s, e))
    points = sorted(cuts)
    parts: list[str] = []
    opened: set[str] = set()
    for a, b in pairwise(points):
        covering = [f for s, e, f in marks if s <= a and b <= e]
        piece = esc(text[a:b])
        if not covering:
            parts.append(piece)
            continue
        worst = min(covering, key=lambda f: _RANK.get(f.severity, 9)).severity
        fids = [ids[id(f)] for f in covering]
        first = [fid for fid in fids if fid not in opened]
        opened.update(first)
        anchor = f' id="m-{first[0]}"' if first else ""
        parts.append(
            f'<mark class="hl sev-{esc(worst)}"{anchor} data-f="{esc(" ".join(fids))}" tabindex="-1">{piece}</mark>'
        )
    kind = block.kind
    tag = _TAGS.get(kind, "p")
    if kind == "heading":
        tag = f"h{min(6, max(3, block.level + 2))}" if block.level else "h3"
    classes = [f"b-{kind}"]
    if not block.body:
        classes.append("furniture")
    inner = "".join(parts)
    if kind == "image":
        inner = f'<span class="label">Image:</span> {inner}'
    return f'<{tag} class="{" ".join(classes)}">{inner}</{tag}>'


def _card(f: Finding, fid: str, rules: dict[str, Rule], result: FileResult, show_line: bool = False) -> str:
    info = rules.get(f.rule)
    pack = f.pack or "other"
    out = [
        f'<div class="card sev-{esc(f.severity)}" id="{fid}" data-sev="{esc(f.severity)}" data-pack="{esc(pack)}"'
        f' tabindex="-1">',
        f'<p class="head"><span class="sev">{esc(f.severity)}</span> <code class="rule">{esc(f.rule)}</code>'
        f' <span class="pack">{esc(pack)}</span> <span class="where">line {f.line}, column {f.column}</span></p>',
        f'<p class="msg">{esc(f.message)}</p>',
    ]
    if show_line:
        line = result.lines.get(f.line, "")
        if line.strip():
            out.append(f'<pre class="src">{esc(line)}</pre>')
    if f.fix is not None:
        fix_id = f"fix-{fid}"
        state = "safe to apply with <code>newslint check --fix</code>" if f.fix.safe else "edit by hand"
        out.append(
            f'<div class="fix"><p class="label">Fix ({state}):</p><pre id="{fix_id}">{esc(f.fix.replacement)}</pre>'
            f'<button type="button" class="copy" data-copy="{fix_id}">Copy</button></div>'
        )
    if info is not None and (info.description or info.references):
        out.append("<details><summary>Why</summary>")
        if info.description:
            out.extend(f"<p>{esc(para)}</p>" for para in info.description.strip().split("\n\n"))
        if info.references:
            out.append('<p class="label">References:</p><ul class="refs">')
            out.extend(f"<li>{_reference(ref)}</li>" for ref in info.references)
            out.append("</ul>")
        out.append("</details>")
    out.append("</div>")
    return "".join(out)


def _reference(ref: str) -> str:
    """A rule's reference: a web address becomes a link (opened in a new tab; any other scheme stays text)."""
    if re.fullmatch(r"https?://[^\s\"'<>]+", ref):
        return f'<a href="{esc(ref)}" rel="noopener noreferrer" target="_blank">{esc(ref)}</a>'
    return esc(ref)


def _filters(packs: Counter[str], severities: dict[str, int]) -> str:
    sev = "".join(
        f'<label><input type="checkbox" data-filter="sev" value="{s}" checked> {s} ({severities.get(s, 0)})</label>'
        for s in SEVERITY_ORDER
    )
    pk = "".join(
        f'<label><input type="checkbox" data-filter="pack" value="{esc(p)}" checked> {esc(p)} ({packs[p]})</label>'
        for p in sorted(packs)
    )
    return (
        f'<form class="filters" aria-label="Filters"><fieldset><legend>Severity</legend>{sev}</fieldset>'
        f"<fieldset><legend>Pack</legend>{pk}</fieldset></form>"
    )


_STYLE = """
:root{--err:#b00020;--warn:#8a5a00;--info:#00607a;--bg:#fff;--fg:#1b1b1b;--mut:#5f6368;--card:#f7f7f9}
*{box-sizing:border-box}
body{margin:0;font:17px/1.55 Georgia,"Noto Serif",serif;color:var(--fg);background:var(--bg)}
.bar{position:sticky;top:0;z-index:2;background:#fafafa;border-bottom:1px solid #ddd;padding:.4rem 1rem;
 font:14px/1.4 system-ui,sans-serif}
.bar h1{font-size:1.05rem;margin:.2rem 0}
.summary,.keys{margin:.2rem 0;color:var(--mut)}
.filters{display:flex;flex-wrap:wrap;gap:.4rem}
fieldset{border:1px solid #ddd;border-radius:6px;margin:0;padding:.1rem .5rem}
fieldset label{margin-right:.6rem;white-space:nowrap}
main{max-width:46rem;margin:0 auto;padding:0 1rem 4rem}
.path{font:600 15px/1.3 ui-monospace,monospace;word-break:break-all;border-top:3px solid #333;padding-top:.6rem;
 margin-top:2rem}
.text h3,.text h4,.text h5,.text h6{font-family:system-ui,sans-serif}
.furniture{color:var(--mut);font-size:.9em}
details.furniture{margin:.6rem 0}details.furniture summary{font:14px system-ui,sans-serif}
mark.hl{background:#ffe7a3;border-bottom:2px solid var(--warn);padding:0 1px;cursor:pointer;color:inherit}
mark.sev-error{background:#ffd6dc;border-bottom-color:var(--err)}
mark.sev-info{background:#d7f0f7;border-bottom-color:var(--info)}
mark.off{background:none;border-bottom:0;cursor:auto}
mark.current{outline:3px solid #1a73e8}
.card{font:15px/1.45 system-ui,sans-serif;background:var(--card);border-left:4px solid var(--warn);
 border-radius:4px;padding:.5rem .8rem;margin:.4rem 0 1rem}
.card.sev-error{border-left-color:var(--err)}
.card.sev-info{border-left-color:var(--info)}
.card.current{box-shadow:0 0 0 3px #1a73e8}
.card[hidden]{display:none}
.head{margin:0 0 .3rem}
.sev{font-weight:700;text-transform:uppercase;font-size:.8em}
.sev-error .sev{color:var(--err)}.sev-warning .sev{color:var(--warn)}.sev-info .sev{color:var(--info)}
.pack,.where{color:var(--mut);font-size:.85em}
.msg{margin:.2rem 0}
.fix pre,.src{white-space:pre-wrap;word-wrap:break-word;background:#fff;border:1px solid #ccc;padding:.4rem;
 margin:.2rem 0;font:14px/1.4 ui-monospace,monospace}
.fix pre{font:15px/1.45 system-ui,sans-serif}
.fix code{white-space:nowrap}
.label{font-weight:600;margin:.3rem 0 0}
button.copy{font:inherit;padding:.3rem .9rem;border-radius:4px;border:1px solid #888;background:#fff;cursor:pointer}
details summary{cursor:pointer;color:#1a56c4}
.refs a{word-break:break-all}
.errors{border:1px solid var(--err);padding:.5rem 1rem;margin-top:1rem}
.clean,.note{color:var(--mut);font-family:system-ui,sans-serif}
.whole{margin:.5rem 0 1rem}
kbd{border:1px solid #aaa;border-radius:3px;padding:0 .3em;font-size:.85em}
@media (max-width:600px){body{font-size:16px}.bar{position:static}.keys{display:none}main{padding:0 .6rem 3rem}}
@media print{.bar{position:static}.filters,.keys,button.copy{display:none}}
"""

_SCRIPT = """
(function(){
  "use strict";
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var current = -1;
  function checked(kind){
    var out = {};
    document.querySelectorAll('input[data-filter="' + kind + '"]').forEach(function(b){ out[b.value] = b.checked; });
    return out;
  }
  function apply(){
    var sev = checked("sev"), pack = checked("pack"), shown = {};
    cards.forEach(function(c){
      var on = sev[c.dataset.sev] !== false && pack[c.dataset.pack] !== false;
      c.hidden = !on;
      if (on) shown[c.id] = true;
    });
    marks.forEach(function(m){
      var on = m.dataset.f.split(" ").some(function(id){ return shown[id]; });
      m.classList.toggle("off", !on);
    });
  }
  function visible(){ return cards.filter(function(c){ return !c.hidden; }); }
  function select(card){
    document.querySelectorAll(".current").forEach(function(e){ e.classList.remove("current"); });
    card.classList.add("current");
    var mark = document.getElementById("m-" + card.id);
    var target = mark || card;
    if (mark) mark.classList.add("current");
    target.scrollIntoView({block: "center"});
    card.focus({preventScroll: true});
    current = cards.indexOf(card);
  }
  function step(delta){
    var list = visible();
    if (!list.length) return;
    var pos = -1;
    for (var i = 0; i < list.length; i++) { if (cards.indexOf(list[i]) === current) { pos = i; break; } }
    if (pos < 0) pos = delta > 0 ? -1 : list.length;
    pos = Math.max(0, Math.min(list.length - 1, pos + delta));
    select(list[pos]);
  }
  document.addEventListener("keydown", function(ev){
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target || {}, tag = t.tagName || "";
    if (tag === "TEXTAREA" || t.isContentEditable || (tag === "INPUT" && t.type !== "checkbox")) return;
    if (ev.key === "j" || ev.key === "n") { step(1); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "p") { step(-1); ev.preventDefault(); }
  });
  document.addEventListener("change", function(ev){ if (ev.target.dataset.filter) apply(); });
  document.addEventListener("click", function(ev){
    var el = ev.target;
    if (el.classList.contains("copy")) {
      var text = document.getElementById(el.dataset.copy).textContent;
      var done = function(){ el.textContent = "Copied"; setTimeout(function(){ el.textContent = "Copy"; }, 1500); };
      var fallback = function(){
        var area = document.createElement("textarea");
        area.value = text; document.body.appendChild(area); area.select();
        try { document.execCommand("copy"); done(); } catch (e) { el.textContent = "Select and copy"; }
        document.body.removeChild(area);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else { fallback(); }
      return;
    }
    var mark = el.closest ? el.closest("mark.hl") : null;
    if (mark && !mark.classList.contains("off")) {
      var ids = mark.dataset.f.split(" ");
      for (var i = 0; i < ids.length; i++) {
        var card = document.getElementById(ids[i]);
        if (card && !card.hidden) { select(card); break; }
      }
    }
  });
  apply();
})();
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _page(body: str, version: str) -> str:
    csp = (
        f"default-src 'none'; style-src {_csp_hash(_STYLE)}; script-src {_csp_hash(_SCRIPT)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="newslint {esc(version)}">\n'
        "<title>newslint review</title>\n"
        f"<style>{_STYLE}</style>\n"
        "</head><body>\n"
        f"{body}\n"
        f"<script>{_SCRIPT}</script>\n"
        "</body></html>\n"
    )
