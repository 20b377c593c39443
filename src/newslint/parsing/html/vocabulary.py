"""What HTML elements mean to a text extractor: which break blocks, which are furniture, which hold the body."""

from __future__ import annotations

import re

VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "basefont",
        "bgsound",
        "frame",
    ]
)

# Elements whose start or end ends the current block of text.
BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "colgroup",
        "option",
        "optgroup",
        "select",
        "button",
    ]
)

# Elements whose text is never prose: code, media, forms controls, templates. (A <button>'s label is prose: it is
# read as a link label, the page's own call to action; see elements.TAG_CLASS.)
NON_PROSE = frozenset(
    [
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "svg",
        "math",
        "template",
        "noscript",
        "object",
        "canvas",
        "video",
        "audio",
        "select",
        "option",
        "head",
    ]
)

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

KIND_BY_TAG = {
    "li": "list-item",
    "dt": "list-item",
    "dd": "list-item",
    "td": "table-cell",
    "th": "table-cell",
    "figcaption": "caption",
    "caption": "caption",
    "blockquote": "blockquote",
}

# A start tag of one of these closes an open <p> (HTML's "p in button scope" rule, simplified).
CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
        "li",
        "dd",
        "dt",
    ]
)

FURNITURE_TAGS = frozenset(("nav", "aside"))
# Furniture outside the article body only: an <aside> (or ad slot) inside the body is part of the article.
SOFT_FURNITURE_TAGS = frozenset(("aside",))
FURNITURE_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"))

# Class or id words that mark page furniture (navigation, sidebars, related lists, share bars, cookie banners).
FURNITURE_WORDS = (
    r"nav|navbar|navigation|menu|breadcrumbs?|sidebar|related|recommended|"
    r"recommendations|mostread|most-read|most-popular|popular|trending|share|sharing|social|newsletter|"
    r"comments?|cmnts?|cmts?|disqus|cookies?|consent|gdpr|taboola|outbrain|pagination|site-header|site-footer|page-footer|"
    r"global-header|global-footer|masthead|footer-links|also-read|read-more|more-stories|top-stories|copyright"
)

# Class or id words of boxes that are furniture outside the article body but part of the article inside it (an
# "inline-widget" between paragraphs is the page's own box: a broker's account-opening pitch, a fund's SIP button),
# like an <aside>. A box that also says what furniture it is ("related-widget", "newsletter-widget") stays furniture.
SOFT_FURNITURE_WORDS = r"widgets?"

# Class or id words of the containers common CMSs put the article text in.
BODY_WORDS = (
    r"article-?body|articlebody|article-?content|article__body|article__content|article-?text|"
    r"story-?body|story-?content|story-?text|post-?body|post-?content|entry-?content|td-post-content|"
    r"field-?body|field-name-body|content-?body|main-?content|news-?body|news-?content|news-?detail|"
    r"arttextxml|arttext|article-?detail|articlecontent|story-?details|story__content|rich-?text"
)

BYLINE_WORDS = r"byline|by-?line|author|authors|author-?name|writer|posted-?by"

# All three in one expression over the lower-cased class and id words, each a whole word between spaces,
# hyphens or underscores: one scan instead of three case-insensitive ones (a page has thousands of distinct
# class strings, and this was a tenth of the parse). The group that matched names the kind.
LABEL_WORD_AT = re.compile(
    rf"(?:(?P<body>{BODY_WORDS})|(?P<byline>{BYLINE_WORDS})|(?P<furniture>{FURNITURE_WORDS})|"
    rf"(?P<soft>{SOFT_FURNITURE_WORDS}))(?=$|[\s_-])"
)
LABEL_WORDS = re.compile(r"(?:^|[\s_-])" + LABEL_WORD_AT.pattern)  # (LABEL_WORD_AT matches where a part starts)
LABEL_SEPARATORS = re.compile(r"[\s_-]+")
# The first part (up to a space, hyphen or underscore) of every spelling of the words above. A match of
# LABEL_WORDS begins at a boundary, so its first part is one of the parts its class string splits into: a
# class string with none of these parts (most of them) needs no scan. tests/test_html_structure.py derives
# this set from the words again, so an edit above that is not carried here fails there.
_LABEL_FIRST_PARTS = (
    "also article articlebody articlecontent articledetail articletext arttext arttextxml author authorname "
    "authors breadcrumb breadcrumbs by byline cmnt cmnts cmt cmts comment comments consent content "
    "contentbody cookie cookies copyright disqus entry entrycontent field fieldbody footer gdpr global main "
    "maincontent masthead menu more most mostread nav navbar navigation news newsbody newscontent newsdetail "
    "newsletter outbrain page pagination popular post postbody postcontent posted postedby read "
    "recommendations recommended related rich richtext share sharing sidebar site social story storybody "
    "storycontent storydetails storytext taboola td top trending widget widgets writer"
)
LABEL_FIRST_PARTS = frozenset(_LABEL_FIRST_PARTS.split())
# Of the furniture words, those of reader comments: not the publisher's text at all (see second_pass).
COMMENT_WORD = re.compile(r"(?:^|[\s_-])(?:comments?|cmnts?|cmts?|disqus)(?=$|[\s_-])")
