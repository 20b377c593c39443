"""Pages that are not UTF-8 and declare nothing usable: Windows-1252 when the text reads as Western European,
otherwise charset detection. A wrong guess garbles words (or, with a multi-byte codec, swallows the ASCII
letter after an accented one), so rules would miss phrases."""

from __future__ import annotations

import pytest

from newslint.files.source import decode

SAMPLES = [
    ("“Quoted” café, naïve résumé — €5 returns. Zürich, Größe, São Paulo, déçu.", "cp1252"),
    ("L'élève a déjà reçu ses résultats; où est la forêt? Très bien, garçon.", "cp1252"),
    ("L'élève a déjà reçu ses résultats; où est la forêt? Très bien, garçon.", "latin-1"),
    ("Über die Straße gehen Müller und Köhler; größter Ärger.", "cp1252"),
    ("El niño comió piñas en España; ¿qué más? ¡Olé!", "cp1252"),
    ("Привет, как дела? Рынок акций вырос на пять процентов сегодня.", "cp1251"),
    ("Привет, как дела? Рынок акций вырос на пять процентов сегодня.", "koi8-r"),
    ("Καλημέρα, η αγορά μετοχών ανέβηκε σήμερα.", "cp1253"),
    ("Zażółć gęślą jaźń. Paweł ma ładny dom i łódź. Wiązać, źródło.", "cp1250"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
    ("Türkiye'de piyasalar bugün yükseldi; ışık, şeker.", "cp1254"),
    ("今天股市上涨了百分之五。投资有风险。", "gbk"),
    ("今日の株式市場は上昇しました。投資にはリスクがあります。", "shift_jis"),
]


@pytest.mark.parametrize(("text", "codec"), SAMPLES, ids=[f"{c}-{t[:8]}" for t, c in SAMPLES])
def test_undeclared_page_decodes_to_its_text(text, codec):
    page = f"<html><body><p>{text * 5}</p></body></html>"
    decoded, _, notes = decode(page.encode(codec), "html")
    assert decoded == page
    assert notes == []


@pytest.mark.parametrize("label", ["base64", "hex", "rot13", "zlib", "uu", "utf-7", "idna", "utf-16", "x-bogus"])
def test_a_declared_charset_that_cannot_be_a_page_encoding_is_ignored(label):
    page = f'<meta charset="{label}"><p>Café “quoted” — returns</p>'
    decoded, encoding, notes = decode(page.encode("cp1252"), "html")
    assert (decoded, encoding) == (page, "cp1252")
    assert notes == [f"declares charset {label!r}, which cannot be a page's encoding; ignored"]


def test_utf16_without_a_bom_is_recognised_both_ways():
    page = "<p>Café returns</p>"
    for codec in ("utf-16-le", "utf-16-be"):
        decoded, encoding, notes = decode(page.encode(codec), "html")
        assert (decoded, encoding) == (page, codec)
        assert notes == [f"no byte-order mark; read as {codec.upper()} (every other byte is NUL)"]
