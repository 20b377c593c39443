"""Speaker context: whose claim a stretch of text is (the page's own voice, a quotation, reported speech).

A news report quotes and reports the very phrases the packs forbid ("the order says he promised assured
returns"); a finfluencer's page makes them. Computed once per document, each block gets the spans that are
not the page's own voice:

* ``quoted``: text between quotation marks of any kind (folded to ``"`` and ``'`` by the text builder: straight,
  typographic, single, guillemets), a paragraph that opens a quotation and does not close it, ``<blockquote>``
  and Markdown block quotes;
* ``reported``: a sentence governed by a reporting verb in any inflection (said, told, claimed, alleged,
  promised, lured...), unless its subject is first person ("we promise"), or by a source phrase (according to,
  in a press release, in the order, allegedly, reportedly), in English, Hindi (कहा, आरोप, के मुताबिक, सूत्रों)
  and Hinglish; and the sentences and blocks that a reported sentence ending in a colon introduces;
* everything else is ``own``. A heading takes the voice of the section it heads (its first blocks).

A page whose own voice promotes investment services (join our channel for calls, our clients, open an
account with us) owns everything on it: a testimonial or a slogan in quotation marks is still its claim.
Written by hand: no library marks quotation and reported speech in Indian English, Hindi and Hinglish.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import regex

from newslint.document.sentences import split_sentences
from newslint.language import expression_store, narration
from newslint.language.lazy_pattern import LazyPattern
from newslint.language.quotations import pull_quote_set_large, q_spans, quoted_spans, unquoted
from newslint.language.reporting import alt_spans, reported_sentences
from newslint.language.self_promotion import indexable, maybe_promotion, promotion_literals, promotion_matches

if TYPE_CHECKING:
    from newslint.document.model import Block, Document
    from newslint.language.context import Context
    from newslint.language.languages import BlockLanguages

VOICES = ("own", "quoted", "reported")
OWN, QUOTED, REPORTED = VOICES

# A Markdown block quote that opens with a callout label ("> **Premium:** Subscribe to our...", "> [!NOTE]") is
# the page's own box, not a quotation: it is read like a paragraph.
_CALLOUT = LazyPattern(
    r"^\W*(?:\[!\w+\]|(?:note|tip|important|warning|caution|premium|advertisement|ad|sponsored|promoted|promotion|"
    r"offer|special\s+offer|disclaimer|disclosure|update|editor'?s\s+note|also\s+read|read\s+more|subscribe|"
    r"partner\s+content|brand\s+connect)\s*[:|-])",
    regex.IGNORECASE,
)


def split_block_sentences(block: Block) -> list[tuple[int, int]]:
    if block.sentences is None:
        block.sentences = split_sentences(block.text)
    return block.sentences


class Voices:
    """The voice of every span of a document's blocks (see the module's docstring).

    Lazy: a block's spans are worked out the first time a rule asks about a match in it (most blocks of a
    page hold no candidate match of a rule with ``voices``), then kept. What a block's spans depend on
    beyond its own text is cheap to find: whether the block before introduces it (ends in a colon) and, for
    a heading, its section's first blocks.
    """

    def __init__(self, doc: Document, ctx: Context | None = None) -> None:
        self.doc = doc
        # Weakly: the context holds this object, and a cycle would keep every page's document alive until the
        # garbage collector's next full pass (a run over many files would grow and pause).
        self._ctx = weakref.ref(ctx) if ctx is not None else None
        self.blocks = [b for b in doc.blocks if b.kind != "image" and b.text]
        self._position = {id(b): i for i, b in enumerate(self.blocks)}
        self._spans: dict[int, list[tuple[int, int, str]]] = {}  # id(block) -> sorted non-own spans
        self._headings: dict[int, list[tuple[int, int, str]]] = {}  # id(heading) -> its spans with its section's
        self._introduced: list[bool] | None = None
        self._answers: list[bool] | None = None
        self._prohibited: list[bool] | None = None
        self._sites: set[str] | None = None
        self._columns: list[bool] | None = None
        self._self_promotion: bool | None = None
        self._errors_title: str | None = None
        self._is_column: bool | None = None
        self._promoting_boxes: set[int] = set()  # the groups of boxes that promote investment services
        self._quoted: dict[int, list[tuple[int, int]]] = {}  # id(block) -> its quotations (``_quotes``)
        self._languages: BlockLanguages | None = ctx.languages if ctx is not None else None

    @property
    def languages(self) -> BlockLanguages:
        """Every block's language (the run's, shared with the rules, when there is a context)."""
        if self._languages is None:
            from newslint.language.languages import BlockLanguages

            self._languages = BlockLanguages(self.doc)
        return self._languages

    @property
    def spans(self) -> dict[int, list[tuple[int, int, str]]]:
        """Every block's non-own spans (headings with their section's voice), for ``inspect`` and tests."""
        out = {}
        for b in self.blocks:
            spans = self.block_spans(b)
            if spans:
                out[id(b)] = spans
        return out

    @property
    def self_promotion(self) -> bool:
        """Whether the page's own voice promotes investment services (then everything on it is its own)."""
        if self._self_promotion is None:
            found = False
            boxed = None
            candidates, held = self._promotion_candidates()
            for b in candidates:
                if held is None and (not b.body or not maybe_promotion(b.text)):
                    continue
                key = b.lower()
                known = held.get(id(b)) if held is not None else None
                matches = [
                    m for lexicon in self.languages.lexicons(b) for m in promotion_matches(b.text, key, lexicon, known)
                ]
                if matches and self._column():
                    # a signed column's "my clients", "my calls" tell the writer's experience; only an invitation
                    # ("join my channel", "enrol now for Rs ...") makes it a promotion
                    matches = [m for m in matches if not _POSSESSIVE.match(m.group())]
                if matches:
                    out = self._own_spans(b)
                    if any(not _inside(out, m.start()) for m in matches):
                        if boxed is None:
                            boxed = self._boxes()
                        if b.group in boxed:
                            # a box inside a news story promotes itself, not the story: its own quotations (a
                            # reader's testimonial in the paper's ad box) are its claims
                            self._promoting_boxes.add(b.group)
                            continue
                        found = True
                        break
            self._self_promotion = found
        return self._self_promotion

    def _column(self) -> bool:
        """Whether the page is a signed column: its last body blocks say the views are the writer's ("Views are
        personal", "The writer is a SEBI-registered research analyst")."""
        if self._is_column is None:
            tail = [b.text for b in self.blocks if b.body][-3:]
            self._is_column = any(narration.COLUMN_NOTE.search(t) for t in tail)
        return self._is_column

    def _boxes(self) -> frozenset[int]:
        """The groups (containers) of the body that are boxes set into an article: when the body's prose sits in
        one container of four or more paragraphs, the other containers of at most three blocks besides their title
        lines (an "inline-promo" box between paragraphs). A promotion in such a box is the box's: the story around it,
        and the quotations it reports, stay the reporter's. A page with no such main container (a landing page
        built of sections, a Markdown post) has no boxes."""
        sizes: dict[int, int] = {}
        paragraphs: dict[int, int] = {}
        structured: set[int] = set()  # groups holding a list or a table: the story's own, not boxes
        for b in self.blocks:
            if b.body:
                # a box's title line ("Ledger Trade Desk", a heading) does not count among its blocks
                title_line = b.kind == "heading" or b.is_label or len(b.text.split()) <= 4
                sizes[b.group] = sizes.get(b.group, 0) + (0 if title_line else 1)
                if b.kind == "paragraph":
                    paragraphs[b.group] = paragraphs.get(b.group, 0) + 1
                elif b.kind in ("list-item", "table-cell"):
                    structured.add(b.group)
        if not paragraphs:
            return frozenset()
        main = max(paragraphs, key=lambda g: paragraphs[g])
        if paragraphs[main] < 4:
            return frozenset()
        return frozenset(g for g, n in sizes.items() if g != main and n <= 3 and g not in structured)

    def _promotion_candidates(self) -> tuple[list[Block], dict[int, set[int]] | None]:
        """The blocks that may hold a self-promotion, and, when they are prefiltered, the numbers (in
        ``promotion_literals``) of the expressions whose literals each holds (by id): all blocks and ``None``, or
        (given the run's context) only the body's blocks holding the literals of a self-promotion expression,
        found with the literal index the rules share. Its answer is exact for literals without a line break (none
        spans two blocks), so a block it gives needs no ``maybe_promotion`` of its own, nor its expressions'
        literals tested again."""
        ctx = self._ctx() if self._ctx is not None else None
        if ctx is None or not indexable():
            return self.blocks, None
        units = ctx.units("body")
        index = ctx.unit_index(units)
        if index.text is None:
            return self.blocks, None
        held: dict[int, set[int]] = {}
        for k, sets in enumerate(promotion_literals()):
            for u in index.holding_all(sets):
                found = held.get(id(u.block))
                if found is None:
                    held[id(u.block)] = {k}
                else:
                    found.add(k)
        return [b for b in self.blocks if id(b) in held], held

    def _introduced_flags(self) -> list[bool]:
        """For each block, whether the block before it ends with a reported sentence closing in a colon (a
        list goes on being introduced item after item). Only blocks ending in a colon need their spans."""
        flags = self._introduced
        if flags is None:
            flags = []
            introduced = False
            in_list = False  # the block before is a list item or a table cell
            run_kind = ""
            before: Block | None = None
            for b in self.blocks:
                if introduced and in_list and b.kind != run_kind:
                    introduced = False  # the introduced list (or table) has ended
                if (
                    not introduced
                    and b.kind in ("list-item", "table-cell")
                    and before is not None
                    and (
                        (b.kind == "list-item" and self._names_list(before, flags[-1]))
                        or (before.kind == "heading" and self._heading_reports(before))
                    )
                ):
                    introduced = True  # "What SEBI found" over "- Assured returns of 5% a month from a bot"
                in_list = b.kind in ("list-item", "table-cell")
                run_kind = b.kind
                flags.append(introduced)
                # A list (or a table) goes on being introduced item after item; a paragraph is the only one.
                if not (introduced and in_list):
                    text = b.text
                    introduced = (
                        b.kind != "heading"
                        and text.rstrip().endswith(":")
                        and _inside(self._own_spans(b, introduced), len(text) - 1)
                    )
                before = b
            self._introduced = flags
        return flags

    def _names_list(self, b: Block, introduced: bool) -> bool:
        """Whether paragraph ``b`` (introduced itself or not) ends with a reported sentence that names someone's
        words: "The advisory lists the promises that such apps make." over a list makes the list those promises.
        Only asked of the paragraph just before a list, and its spans are worked out only when it names them."""
        stripped = b.text.rstrip()
        return (
            b.kind == "paragraph"
            and stripped.endswith(".")
            and narration.NAMES_WORDS.search(b.text, max(0, len(b.text) - 200)) is not None
            and _inside(self._own_spans(b, introduced), len(stripped) - 1)
        )

    def _heading_reports(self, heading: Block) -> bool:
        """Whether ``heading``'s own words report ("What SEBI found", "What the app promised", "Allegations against
        the firm"): the list or table right under it sets out what was reported."""
        return any(v == REPORTED for _a, _e, v in self._own_spans(heading, False))

    def under_prohibition(self, block: Block) -> bool:
        """Whether ``block`` is an item of a list (or the paragraph) that a denied or forbidding sentence ending in
        a colon introduces: "Under the draft, advertisements could not:" over "- promise assured returns", "Never
        fall for these lines:". The items are what is forbidden, as if each carried the negation."""
        flags = self._prohibited
        if flags is None:
            from newslint.language.negation import negated

            flags = []
            prohibited = False
            intro = False  # the block before is a denied introduction
            for b in self.blocks:
                if b.kind == "list-item":
                    prohibited = prohibited or intro
                else:
                    prohibited = intro and b.kind == "paragraph"
                flags.append(prohibited)
                stripped = b.text.rstrip()
                if b.kind != "list-item" or not prohibited:
                    colon = len(stripped) - 1
                    intro = (
                        b.kind != "heading"
                        and stripped.endswith(":")
                        and _PROHIBITION.search(b.text, max(0, colon - 120)) is not None
                        and negated(b.text, colon, colon, self.languages.lexicons(b))
                    )
                    if b.kind != "list-item":
                        prohibited = False
            self._prohibited = flags
        position = self._position.get(id(block))
        if position is None:
            return False
        listed = block.kind in ("heading", "list-item") or narration.listed_lead(block.text)
        return flags[position] or (listed and self._lists_errors(block))

    def _lists_errors(self, block: Block) -> bool:
        """Whether ``block`` (a heading, list item or numbered paragraph) is one of the errors a page lists: the title
        names mistakes, myths or red flags ("Five mistakes first-time investors make") and the block is not the title
        nor first-person ("3. Expecting fixed returns" is warned against; "Our sure-shot calls", its pitch)."""
        if self._errors_title is None:
            titles = [mv.value for mv in self.doc.metadata.get("title")]
            self._errors_title = next((t for t in titles if narration.ERRORS_TITLE.search(t)), "")
        title = self._errors_title
        if not title:
            return False
        text = block.text.strip()
        return text != title.strip() and narration.FIRST_PERSON_ANY.search(text) is None

    def _answer_flags(self) -> list[bool]:
        """For each block, whether it is an interviewee's answer: on a page that says it is an interview
        ("Edited excerpts", "in an interview", "Q&A" in its title or opening blocks) and asks at least two
        questions marked "Q:" (or "Question:", or set in bold alone on their line), the blocks after each question
        up to the next one. An FAQ is no
        interview: its answers are the page's own."""
        flags = self._answers
        if flags is None:
            flags = [False] * len(self.blocks)
            questions = [i for i, b in enumerate(self.blocks) if b.body and narration.is_question(b)]
            if len(questions) >= 2 and self._says_interview(questions[0]):
                asking = False
                for i, b in enumerate(self.blocks):
                    if not b.body:
                        continue
                    if narration.is_question(b):
                        asking = True
                    elif asking and b.kind != "heading":
                        flags[i] = True
                    elif b.kind == "heading":
                        asking = False
            self._answers = flags
        return flags

    def _column_flags(self) -> list[bool]:
        """For each block, whether it is a table cell under a column heading that is reported or quoted ("What
        the app claimed" above the claims). A table is a run of cells, a row the cells that share a group, the
        heading the first row."""
        flags = self._columns
        if flags is None:
            # Set before the headings' own spans are worked out (they ask for these flags, all False for them).
            flags = self._columns = [False] * len(self.blocks)
            i = 0
            n = len(self.blocks)
            while i < n:
                if self.blocks[i].kind != "table-cell":
                    i += 1
                    continue
                j = i
                while j < n and self.blocks[j].kind == "table-cell":
                    j += 1
                rows: list[list[int]] = []
                for k in range(i, j):
                    if not rows or self.blocks[k].group != self.blocks[rows[-1][0]].group:
                        rows.append([])
                    rows[-1].append(k)
                if len(rows) >= 2:
                    heads = [
                        any(v != OWN and a == 0 for a, _e, v in self._own_spans(self.blocks[k], False)) for k in rows[0]
                    ]
                    for row in rows[1:]:
                        for col, k in enumerate(row):
                            if col < len(heads) and heads[col]:
                                flags[k] = True
                i = j
            self._columns = flags
        return flags

    def _says_interview(self, first_question: int) -> bool:
        titles = [mv.value for mv in self.doc.metadata.get("title")]
        opening = [b.text for b in self.blocks[:first_question] if b.body][:6]
        return any(narration.INTERVIEW.search(t) for t in titles + opening)

    def _own_spans(self, b: Block, introduced: bool | None = None) -> list[tuple[int, int, str]]:
        """The block's non-own spans from its own text and whether the block before introduces it."""
        spans = self._spans.get(id(b))
        if spans is not None:
            return spans
        if introduced is None:
            introduced = self._introduced_flags()[self._position[id(b)]]
            spans = self._spans.get(id(b))  # worked out on the way
            if spans is not None:
                return spans
        text = b.text
        position = self._position[id(b)]
        out: list[tuple[int, int, str]] = []
        if (
            (b.kind == "blockquote" and not _CALLOUT.match(text) and not _paid_link(b))
            or self._answer_flags()[position]
            or (narration.QUESTION.match(text) is not None and narration.ASKER.search(text) is not None)
            or b.asks
            or self._glosses_quotation(b, position)
        ):
            # A block quote, an interviewee's answer, a reader's question marked "Q:" in the reader's own words
            # ("Q: I am 62. I want guaranteed returns. What should I do?" asks, it does not promise; an
            # interviewer's "Q: Where do you see value?" stays the page's), a reader's letter in any language
            # (``Block.asks``: "**पाठक का सवाल: मुझे 4% पक्का मुनाफा चाहिए ... ?**"), or a quotation's gloss.
            out.append((0, len(text), QUOTED))
        elif self._set_against_reality(b, position):
            # "The promise: fixed returns of 12% a year." over "The reality: P2P lending is risky.": the pitch a
            # story sets against the facts
            out.append((0, len(text), REPORTED))
        elif not b.body and self._links_to_own_article(b):
            out.append((0, len(text), REPORTED))  # another article's headline: that article's words
        elif (introduced and b.kind in ("paragraph", "list-item", "table-cell")) or self._column_flags()[position]:
            out.append((0, len(text), REPORTED))
            out.extend((a, e, QUOTED) for a, e in self._quotes(b))
        else:
            quotes = self._quotes(b)
            out.extend((a, e, QUOTED) for a, e in quotes)
            rest = -1  # a reported sentence ending in a colon: what follows in the block is reported too
            sentences = split_block_sentences(b)
            flags = reported_sentences(unquoted(text, 0, quotes), sentences, self.languages.lexicons(b))
            column = self._column()
            for k, (s, e) in enumerate(sentences):
                if column and not flags[k] and narration.WRITER_STATUS.search(text, s, e) is not None:
                    flags[k] = True  # a signed column's "As a SEBI-registered adviser, I ...": the writer's disclosure
                if not flags[k] and text.find(":", s, e) >= 0 and narration.introduces_pitch(text, sentences, k):
                    flags[k] = True  # "The pitch is always the same: guaranteed profits, 90% accuracy..."
                if k + 1 < len(sentences) and narration.NARRATED_PITCH.match(text, s, e) is not None:
                    # "The pitch was simple. Pay Rs 45,000 and earn Rs 1 lakh a month. Guaranteed profits.": what
                    # follows in the block is the pitch the story tells
                    flags[k + 1 :] = [True] * (len(sentences) - k - 1)
                    break
            if sentences and not flags[0] and narration.asks_named_promise(text, sentences):
                flags[0] = True  # "**3. Pakka return ka wada?** Wahin ruk jaiye.": the promise is the item's topic
            for k in range(1, len(sentences)):
                if narration.looks_back(text[sentences[k][0] : sentences[k][1]]):
                    # "Join our group for sure-shot calls. ... Messages like these flood phones": what came before
                    # in the block is what the sentence reports.
                    flags[:k] = [True] * k
            if len(sentences) > 1 and flags[-2] and not flags[-1]:
                last = text[sentences[-1][0] : sentences[-1][1]]
                if last.rstrip().endswith(":") and narration.POINTS_BACK.match(last):
                    # "The annexure lists 40 posts. Some of them:": the colon goes on with the report before it.
                    flags[-1] = True
            for (s, e), reported in zip(sentences, flags, strict=True):
                sentence = text[s:e]
                if rest >= 0 or reported:
                    out.append((s, e, REPORTED))
                    if rest < 0 and sentence.rstrip().endswith(":"):
                        rest = s
            if rest >= 0:
                out.append((rest, len(text), REPORTED))
        out.sort()
        self._spans[id(b)] = out
        return out

    def _set_against_reality(self, b: Block, position: int) -> bool:
        """Whether ``b`` opens with a third-person label of a pitch ("The promise:", "Claim:", "What they say:") and
        the next block of the body with a label of the facts ("The reality:", "Fact:", "The catch:")."""
        if b.kind not in ("paragraph", "list-item") or narration.PITCH_LABEL.match(b.text) is None:
            return False
        following = next((x for x in self.blocks[position + 1 : position + 3] if x.body == b.body), None)
        return following is not None and narration.REALITY_LABEL.match(following.text) is not None

    def _links_to_own_article(self, b: Block) -> bool:
        """Whether furniture block ``b`` is a link to another article of the page's own site ("Trending: Sure-shot
        multibagger stocks for 2027", a related headline, an "Also read" line): its words are that article's,
        checked on that article's page, not a claim of this one. A headline that the page itself names as another
        story's (an "Also read:" line, an item under a "Related stories" heading) is one whatever the site it
        links to: a Markdown page rarely gives its own address, and a paper links to its sister sites."""
        if not b.links:
            return False
        from newslint.parsing.html.related import RELATED_HEADING, is_article_link, link_sites, site_of

        sites = self._sites
        if sites is None:
            sites = set()
            for mv in self.doc.metadata.get("canonical"):
                host = urlsplit(mv.value).hostname if "//" in mv.value else None
                if host:
                    sites.add(site_of(host))
            self._sites = sites
        label = _ALSO_READ_LABEL.match(b.text)
        headline = b.text[label.end() if label else 0 :].strip()
        if len(headline.split()) < 5 or _CALL_TO_ACTION.match(headline):
            return False  # "Open Free Demat Account": a button, not another article's headline
        named = label is not None or RELATED_HEADING.match(self.doc.section_title(b)) is not None
        linked = sum(lk.end - lk.start for lk in b.links if is_article_link(lk.href, link_sites(sites, lk.href, named)))
        return linked >= 0.8 * len(headline)

    def _glosses_quotation(self, b: Block, position: int) -> bool:
        """Whether ``b`` is the translation or gloss of the quotation just before it: a block wholly in brackets
        ("(Join my premium group, a sure 15% profit every month.)" under a quoted Hindi post) or labelled as a
        translation, after a block that is quoted from start to end."""
        if position == 0 or not _GLOSS.match(b.text):
            return False
        before = self.blocks[position - 1]
        if before.kind == "heading" or before.body != b.body:
            return False
        n = len(before.text.rstrip())
        return any(v == QUOTED and a <= 2 and e >= n - 2 for a, e, v in self._own_spans(before))

    def _quotes(self, b: Block) -> list[tuple[int, int]]:
        """The block's quotations: in quotation marks, and inside ``<q>`` elements of an HTML page."""
        quotes = self._quoted.get(id(b))
        if quotes is None:
            quotes = quoted_spans(b.text)
            if self.doc.format == "html":
                extra = q_spans(self.doc.source, b)  # (an HTML page's <q> elements)
                quotes = sorted(quotes + [q for q in extra if not any(a <= q[0] < e for a, e in quotes)])
                quotes = [] if pull_quote_set_large(self.doc, b, quotes) else quotes  # (the page's own, set large)
            self._quoted[id(b)] = quotes
        return quotes

    def block_spans(self, b: Block) -> list[tuple[int, int, str]]:
        """The block's non-own spans; a heading (not itself quoted or reported) takes the voice of the first
        blocks of its section."""
        if id(b) not in self._position:
            return alt_spans(b.text) if b.kind == "image" else []  # (an image's alt text: its quotes, reports)
        spans = self._own_spans(b)
        if b.kind != "heading" or any(v == REPORTED for _a, _e, v in spans):
            return spans
        if narration.names_promise(b.text) or narration.names_topic(b.text):
            # "गारंटीड रिटर्न का वादा: निवेशक क्या करें", "Guaranteed returns? Here is what to check first": the claim
            # is the section's topic, not the page's
            return sorted([(0, len(b.text), REPORTED), *spans])
        cached = self._headings.get(id(b))
        if cached is None:
            i = self._position[id(b)]
            # (the share links or a widget under a headline are not its section)
            section = [x for x in self.blocks[i + 1 : i + 6] if x.kind != "heading" and x.body == b.body][:3]
            if b.index >= 0:
                doc = self.doc
                section = [x for x in section if x.section == b.index or doc.section_title(x) == b.text] or section
            reported = any(s[2] == REPORTED for x in section for s in self._own_spans(x))
            # (a quotation in the heading, "'Jackpot Calls' founder", keeps its own span inside)
            cached = self._headings[id(b)] = sorted([(0, len(b.text), REPORTED), *spans]) if reported else spans
        return cached

    def voice(self, block: Block, offset: int) -> str:
        """The voice at ``offset`` of ``block``; everything is the page's own on a page that promotes itself."""
        if self.self_promotion or block.group in self._promoting_boxes:
            return OWN
        spans = self.block_spans(block)
        if not spans:
            return OWN
        found = OWN
        for a, e, v in spans[: bisect_right(spans, (offset, 1 << 62, "~"))]:
            if a <= offset < e:
                if v == QUOTED:
                    return QUOTED
                found = v
        return found

    def voice_in(self, block: Block, offset: int, voices: frozenset[str]) -> bool:
        """``voice(block, offset) in voices``, telling a quoted match without the block's reported speech: a
        quotation is never the page's own voice (``_own_spans``) unless the page or its box promotes itself."""
        if (
            QUOTED in voices
            or REPORTED in voices
            or id(block) in self._spans
            or id(block) not in self._position
            or self.self_promotion
            or block.group in self._promoting_boxes
        ):
            return self.voice(block, offset) in voices
        return not any(a <= offset < e for a, e in self._quotes(block)) and self.voice(block, offset) in voices

    def describe(self, block: Block) -> list[dict[str, object]]:
        """The block's non-own spans, for ``newslint inspect``."""
        return [{"start": a, "end": e, "voice": v, "text": block.text[a:e]} for a, e, v in self.block_spans(block)]


# What makes a denied introduction a prohibition over its list ("advertisements could not:", "Never fall for:",
# "Red flags to avoid:"), and not a denial of its own noun ("No lock-in, no hidden charges:" over a pitch).
_PROHIBITION = LazyPattern(  # (and the rule as a verb, "RBI's directions forbid P2P platforms from:", "इन पर रोक है:")
    r"\b(?:(?:could|must|should|may|can|will|shall|would|do|does|did)\s*(?:not|n't)|cannot|can't|never|avoid|forbids?|"
    r"beware|barred|banned|prohibited|forbidden|not\s+(?:allowed|permitted)|don'?ts|red\s+flags|warning\s+signs|"
    r"forbade|prohibits?|bars?|bans?|nahi[n]?\s+kar\s+sakt[eia]|rok|pratibandh)\b|(?<![\p{L}\p{M}])(?:नहीं\s+कर\s+"
    r"(?:सकते|सकती|सकता)|रोक|प्रतिबंध|प्रतिबन्ध|मनाही|वर्जित)(?![\p{L}\p{M}])",
    regex.IGNORECASE | regex.VERSION0,
)
# A link with a paid or partner campaign's tracking parameters: the publisher's box, not someone's words.
_PAID_CAMPAIGN = LazyPattern(
    r"[?&]utm_(?:medium|source|campaign)=[^&#]*(?:affiliate|partner|sponsor|paid|cpc|ppc|promo|advert|native)",
    regex.IGNORECASE,
)


def _paid_link(b: Block) -> bool:
    """Whether the block links with a paid campaign's tracking: a Markdown block quote that does is the page's
    own box ("> **Trade with zero brokerage.** Open your account: [link](...utm_medium=partner)")."""
    return any(_PAID_CAMPAIGN.search(link.href) for link in b.links)


# The label of an "Also read: <link>" line, before its link.
_ALSO_READ_LABEL = LazyPattern(
    r"^\W*(?:also\s+read|read\s+(?:also|more)|must\s+read|trending|related)\W*", regex.IGNORECASE
)
# A link that asks the reader to act is a button, not a headline.
_CALL_TO_ACTION = LazyPattern(
    r"(?:open|download|install|join|start|apply|invest|get|sign|subscribe|trade|buy|sell|register|click|tap|try|"
    r"book|claim|grab|enrol|enroll|call|whatsapp|follow)\b",
    regex.IGNORECASE,
)
# A gloss of a quotation: a block wholly in brackets, or labelled as a translation.
_GLOSS = expression_store.own(
    r"^\s*(?:\([^()]{3,}\)|\[[^\[\]]{3,}\])\W*$|^\W*(?:translation|translated|english\s+translation|अनुवाद)\s*[:|-]",
    regex.IGNORECASE | regex.VERSION0,
)
_POSSESSIVE = LazyPattern(r"\W*(?:our|my)\b", regex.IGNORECASE)


def _inside(spans: list[tuple[int, int, str]], offset: int) -> bool:
    return any(a <= offset < e for a, e, _v in spans)
