"""Hindi bylines and credits read as the author: "लेखक: ...", "द्वारा ...", "... द्वारा", "रिपोर्ट- ...",
"संवाददाता: ...", a desk's credit ("अमर उजाला ब्यूरो", "हिन्दुस्तान संवाददाता"), in HTML and Markdown."""

from __future__ import annotations

import pytest

from helpers import lint, parse
from newslint.document.dates import find_dates
from newslint.parsing.html.bylines import BYLINE_LINE, clean_author_text


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("लेखक: राहुल शर्मा", ["राहुल शर्मा"]),
        ("लेखिका - सुनीता राव", ["सुनीता राव"]),
        ("द्वारा राहुल शर्मा", ["राहुल शर्मा"]),
        ("द्वारा: राहुल शर्मा | अपडेटेड 5 मई 2025", ["राहुल शर्मा"]),
        ("राहुल शर्मा द्वारा", ["राहुल शर्मा"]),
        ("राहुल शर्मा द्वारा लिखित, 12 मई 2025", ["राहुल शर्मा"]),
        ("प्रिया वर्मा और अमित कुमार द्वारा", ["प्रिया वर्मा", "अमित कुमार"]),
        ("रिपोर्ट- प्रिया वर्मा, वरिष्ठ संवाददाता", ["प्रिया वर्मा"]),
        ("रिपोर्टर: अमित कुमार", ["अमित कुमार"]),
        ("संवाददाता: अमित कुमार", ["अमित कुमार"]),
        ("अमर उजाला ब्यूरो, लखनऊ", ["अमर उजाला ब्यूरो"]),
        ("हिन्दुस्तान संवाददाता, पटना", ["हिन्दुस्तान संवाददाता"]),
        ("डिजिटल डेस्क", ["डिजिटल डेस्क"]),
        ("By Asha Menon, Senior Correspondent", ["Asha Menon"]),
    ],
)
def test_hindi_byline_lines_give_the_names(line: str, names: list[str]) -> None:
    assert BYLINE_LINE.match(line)
    assert clean_author_text(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "रिपोर्ट में कहा गया है कि बाजार गिरा।",
        "सेबी द्वारा जारी आदेश में कहा गया है कि फिनफ्लुएंसर ने गारंटीड रिटर्न का वादा किया था।",
        "संवाददाताओं से बातचीत में मंत्री ने कहा कि महंगाई घटेगी।",
        # a firm's own heading of its people ("our team"), not a desk's credit
        "हमारी टीम",
        "हमारी रिसर्च टीम",
        "आपकी सपोर्ट टीम",
    ],
)
def test_sentences_using_the_same_words_are_not_bylines(line: str) -> None:
    assert not BYLINE_LINE.match(line)


MD = """\
# सेंसेक्स 500 अंक चढ़ा, निफ्टी 24,300 के पार

{byline}

5 मई 2025, 10:30 AM IST

बैंक और आईटी शेयरों में खरीदारी से सोमवार को सेंसेक्स 500 अंक चढ़ गया।
"""

HTML = (
    '<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>सेंसेक्स 500 अंक चढ़ा</title></head><body>'
    "<article><h1>सेंसेक्स 500 अंक चढ़ा</h1>{byline}<p>प्रकाशित: 5 मई 2025</p>"
    "<p>बैंक और आईटी शेयरों में खरीदारी से सोमवार को सेंसेक्स 500 अंक चढ़ गया।</p></article></body></html>"
)


@pytest.mark.parametrize("byline", ["लेखक: राहुल शर्मा", "राहुल शर्मा द्वारा", "हिन्दुस्तान संवाददाता, पटना"])
def test_a_hindi_markdown_article_with_a_hindi_byline_names_its_author(byline: str) -> None:
    text = MD.format(byline=byline)
    doc = parse(text, "markdown")
    authors = [v.value for v in doc.metadata.get("authors")]
    assert authors and authors[0] in byline
    assert not lint(text, "meta-byline-missing")
    # The position is the name's own.
    first = doc.metadata.get("authors")[0]
    assert text[first.start : first.end] == first.value


@pytest.mark.parametrize(
    "byline",
    [
        "<p>अमर उजाला ब्यूरो, लखनऊ</p>",
        '<div class="byline">प्रिया वर्मा और अमित कुमार द्वारा</div>',
        "<p>द्वारा: राहुल शर्मा</p>",
    ],
)
def test_a_hindi_html_article_with_a_hindi_byline_names_its_author(byline: str) -> None:
    text = HTML.format(byline=byline)
    doc = parse(text, "html")
    assert doc.metadata.get("authors")
    assert not lint(text, "meta-byline-missing")


def test_a_hindi_article_without_a_byline_is_still_byline_missing() -> None:
    text = MD.format(byline="बाजार में आज तेजी रही।")
    assert [f.rule for f in lint(text, "meta-byline-missing")] == ["meta-byline-missing"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("प्रकाशित: 29 नव 2026", (2026, 11, 29)),
        ("अपडेटेड: 3 दिस 2026, 10:42 AM", (2026, 12, 3)),
        ("5 सितं 2026", (2026, 9, 5)),
        ("29 नवंबर 2026", (2026, 11, 29)),
    ],
)
def test_hindi_short_month_names_on_date_lines(line: str, expected: tuple[int, int, int]) -> None:
    found = find_dates(line)
    assert found and (found[0].value.year, found[0].value.month, found[0].value.day) == expected


@pytest.mark.parametrize("text", ["नव वर्ष 2026 में बाजार", "जन 2026 से लागू", "अग 2026"])
def test_the_short_forms_are_months_only_between_a_day_and_a_year(text: str) -> None:
    assert find_dates(text) == []


def test_a_hindi_article_with_a_short_month_on_its_date_line_has_a_date() -> None:
    page = (
        '<html lang="hi"><head><title>सेंसेक्स</title></head><body><article><h1>सेंसेक्स 500 अंक चढ़ा</h1>'
        "<p>लेखक: राहुल शर्मा</p><p>प्रकाशित: 29 नव 2026</p><p>सेंसेक्स सोमवार को 500 अंक चढ़ा।</p></article></body></html>"
    )
    assert lint(page, "meta-date-missing") == []


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_section_heading_with_a_desk_word_is_no_byline(fmt: str) -> None:
    # "रिसर्च टीम", "सपोर्ट डेस्क" head sections of a firm's own page; a desk's credit is a line, not a heading
    if fmt == "html":
        text = (
            "<html><body><h1>परिचय</h1><p>हम शेयरों पर शोध करते हैं।</p><h2>रिसर्च टीम</h2><p>तीन एनालिस्ट।</p></body></html>"
        )
    else:
        text = "# परिचय\n\n## रिसर्च टीम\n\nतीन एनालिस्ट।\n"
    assert not parse(text, fmt).metadata.get("authors")
