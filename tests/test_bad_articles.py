"""Articles a CMS may export that are not what newslint expects, through the real CLI.

Each case gets one clear line naming the file and what is wrong, the documented exit code (2 for a file that
could not be checked, the other files still checked), no traceback, and exact positions in whatever it can
read. Runs use ``--format json`` so that the findings, errors and summary can be asserted precisely.
"""

from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import newslint_exe, run_cli
from robustness import EVERY_CHECK_RULES, span_of

# Huge, binary and pathological files through the CLI as processes: run by .ci/run with the slow tests.
pytestmark = pytest.mark.slow

GOOD = "<html><body><article><h1>Markets</h1><p>We offer guaranteed returns.</p></article></body></html>\n"


def run(cwd: Path, *args: str, rules: Path = EVERY_CHECK_RULES) -> subprocess.CompletedProcess:
    return run_cli("check", "--no-builtin", "--rules", str(rules), "--now", "2025-06-01", *args, cwd=cwd)


def run_json(cwd: Path, *args: str) -> tuple[int, dict, str]:
    proc = run(cwd, "--format", "json", *args)
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    return proc.returncode, json.loads(proc.stdout), err


def hit(text: str, raw: str = "guaranteed returns", nth: int = 0) -> tuple[int, int, int, int, str]:
    """The expected rb-forbid finding for the ``nth`` occurrence of ``raw`` in the decoded ``text``."""
    return (*span_of(text, raw, nth), "guaranteed returns")


def errors_of(data: dict) -> dict[str, str]:
    return {e["path"]: e["message"] for e in data["errors"]}


def forbid_hits(data: dict, path: str) -> list[tuple[int, int, int, int, str]]:
    """Positions of the `guaranteed returns` findings (rule rb-forbid) in one file."""
    return [
        (f["line"], f["column"], f["end_line"], f["end_column"], f["snippet"])
        for f in data["findings"]
        if f["path"] == path and f["rule"] == "rb-forbid"
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.html").write_text(GOOD, encoding="utf-8")
    return tmp_path


# -- path problems ------------------------------------------------------------------------------------------


def test_a_path_that_does_not_exist(folder):
    code, data, _ = run_json(folder, "good.html", "missing.html", "nowhere/")
    assert code == 2
    assert errors_of(data) == {"missing.html": "no such file or folder", "nowhere/": "no such file or folder"}
    assert forbid_hits(data, "good.html") == [hit(GOOD)]


def test_a_folder_with_no_articles(folder):
    (folder / "assets").mkdir()
    (folder / "assets" / "logo.png").write_bytes(b"\x89PNG\r\n")
    (folder / "empty").mkdir()
    code, data, err = run_json(folder, "good.html", "assets", "empty")
    assert code == 1  # a warning, not an error: the run checked what there was
    assert "newslint: warning: assets: folder holds no articles (*.html, *.htm, *.md, *.markdown)" in err
    assert "newslint: warning: empty: folder holds no articles" in err
    assert data["summary"]["files"] == 1
    proc = run(folder, "assets")
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines()[-1] == "newslint: error: no articles to check"


def test_a_symlink_loop_given_directly_and_inside_a_walked_folder(folder):
    os.symlink("loop-b.html", folder / "loop-a.html")
    os.symlink("loop-a.html", folder / "loop-b.html")
    os.symlink("gone.md", folder / "broken.md")
    news = folder / "news"
    news.mkdir()
    (news / "a.md").write_text("# A\n\nguaranteed returns\n", encoding="utf-8")
    os.symlink("..", news / "up")  # a folder loop: folder links are not followed
    os.symlink("self.html", news / "self.html")
    code, data, _ = run_json(folder, ".")
    assert code == 2
    assert errors_of(data) == {
        "broken.md": "broken symbolic link (to 'gone.md', which does not exist)",
        "loop-a.html": "cannot read: symbolic link loop",
        "loop-b.html": "cannot read: symbolic link loop",
        "news/self.html": "cannot read: symbolic link loop",
    }
    assert forbid_hits(data, "news/a.md") == [hit("# A\n\nguaranteed returns\n")]
    assert forbid_hits(data, "good.html")
    code, data, _ = run_json(folder, "loop-a.html")
    assert (code, errors_of(data)) == (2, {"loop-a.html": "cannot read: symbolic link loop"})


def test_a_file_we_may_not_read(tmp_path):
    """Through the CLI, with the file's and a folder's modes shutting the reader out.

    Root reads anything: when the tests run as root (as here and in CI) the command runs as root without the
    capabilities that bypass file modes (``setpriv --bounding-set -dac_override,-dac_read_search``). Running
    as ``nobody`` would not do: the interpreter lives under ``/root``. ``test_permission_error_messages`` in
    test_process covers the same code paths with a simulated ``PermissionError``.
    """
    (tmp_path / "good.html").write_text(GOOD, encoding="utf-8")
    secret = tmp_path / "secret.html"
    secret.write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.md").write_text("# X\n\nguaranteed returns\n", encoding="utf-8")
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root, and setpriv (util-linux) is not there to drop the DAC capabilities")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    secret.chmod(0o000)
    locked.chmod(0o000)
    try:
        command = [*newslint_exe(), "check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), "--format", "json"]
        proc = subprocess.run([*prefix, *command, "."], capture_output=True, cwd=tmp_path, timeout=120)
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err, err
    data = json.loads(proc.stdout)
    assert errors_of(data) == {
        "locked": "cannot read folder: permission denied",
        "secret.html": "cannot read: permission denied (Permission denied)",
    }
    assert forbid_hits(data, "good.html") == [hit(GOOD)]


# -- not an article -----------------------------------------------------------------------------------------

NOT_ARTICLES = {
    "logo.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not an article: a PNG image"),
    "report.html": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "not an article: a PDF document"),
    "nul.html": (b"<p>guaranteed\x00returns</p>", "not an article: a binary file (it contains NUL bytes)"),
    "late-nul.md": (b"# T\n\n" + b"text " * 3000 + b"\x00", "not an article: it contains NUL characters"),
}


def test_binary_files_and_nul_bytes_are_errors_and_the_rest_is_checked(folder):
    for name, (data, _) in NOT_ARTICLES.items():
        (folder / name).write_bytes(data)
    code, data, _ = run_json(folder, ".")
    assert code == 2
    assert errors_of(data) == {name: message for name, (_, message) in NOT_ARTICLES.items()}
    assert forbid_hits(data, "good.html")


EMPTY = {
    "empty.html": (b"", "empty file, nothing to check"),
    "blank.html": (b"  \r\n\t \n", "only whitespace, nothing to check"),
    "zero.md": (b"", "empty file, nothing to check"),
    "bom.md": (codecs.BOM_UTF8 + b"\n \n", "only whitespace, nothing to check"),
}


def test_empty_and_whitespace_files_are_notices_that_do_not_fail_the_run(tmp_path):
    """An empty file is a notice on stderr, not an error: a CMS exports placeholders and drafts that are
    empty, and there is nothing in them that could break a rule. The exit code stays that of the findings."""
    for name, (data, _) in EMPTY.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "fine.md").write_text("---\nauthor: A B\n---\n\n# Fine\n\nNothing wrong.\n", encoding="utf-8")
    proc = run(tmp_path, ".", "--format", "json")
    assert proc.returncode == 0
    err = proc.stderr.decode().splitlines()
    assert sorted(err) == sorted(f"newslint: {name}: {message}" for name, (_, message) in EMPTY.items())
    data = json.loads(proc.stdout)
    assert data["errors"] == [] and data["summary"]["files"] == 1


# -- encodings ----------------------------------------------------------------------------------------------

PHRASE_LINE = "<p>Café “naïve” — we offer guaranteed returns.</p>"  # columns count characters, not bytes


def page(head: str = "") -> str:
    return f"<html><head>{head}<title>T</title></head>\n<body><article>\n{PHRASE_LINE}\n</article></body></html>\n"


@pytest.mark.parametrize(
    ("name", "data", "codec", "note"),
    [
        ("utf16le-bom.html", codecs.BOM_UTF16_LE + page().encode("utf-16-le"), "utf-16", None),
        ("utf16be-bom.html", codecs.BOM_UTF16_BE + page().encode("utf-16-be"), "utf-16", None),
        ("utf16le-nobom.html", page().encode("utf-16-le"), "utf-16-le", "no byte-order mark; read as UTF-16-LE"),
        ("cp1252.html", page().encode("cp1252"), "cp1252", None),
        # Short and dense: the detector alone called this cp775 ("ōquotedö cafķ").
        ("cp1252-short.html", PHRASE_LINE.encode("cp1252"), "cp1252", None),
        ("sjis.html", page('<meta charset="shift_jis">').encode(), "utf-8", "declares shift_jis but is valid UTF-8"),
        ("b64.html", page('<meta charset="base64">').encode("cp1252"), "cp1252", "declares charset 'base64', which"),
    ],
)
def test_encodings_are_read_and_positions_count_decoded_characters(tmp_path, name, data, codec, note):
    (tmp_path / name).write_bytes(data)
    code, out, err = run_json(tmp_path, name)
    assert code == 1 and out["errors"] == []
    assert forbid_hits(out, name) == [hit(data.decode(codec))]
    if note:
        assert f"newslint: warning: {name}: {note}" in err
    else:
        assert "warning" not in err


def test_latin1_page_without_declaration(tmp_path):
    text = "<p>Caf\xe9 na\xefve \xa9 2025: guaranteed returns.</p>\n"  # no curly quotes: Latin-1 proper
    (tmp_path / "latin1.html").write_bytes(text.encode("latin-1"))
    code, out, _ = run_json(tmp_path, "latin1.html")
    assert code == 1
    assert forbid_hits(out, "latin1.html") == [hit(text)]


def test_invalid_utf8_in_a_page_that_declares_utf8(tmp_path):
    data = '<meta charset="utf-8"><p>Caf\xe9 \xff '.encode("latin-1") + "— guaranteed returns</p>".encode()
    (tmp_path / "bad.html").write_bytes(data)
    code, out, err = run_json(tmp_path, "bad.html")
    assert code == 1
    assert "newslint: warning: bad.html: invalid UTF-8 at byte 28; bad bytes were replaced" in err
    # Each invalid byte is one replacement character: columns still count characters of the decoded line.
    assert forbid_hits(out, "bad.html") == [hit(data.decode("utf-8", "replace"))]
    assert data.decode("utf-8", "replace").index("guaranteed") == 34  # each bad byte is one character


def test_mixed_line_endings(tmp_path):
    page = "<html>\r\n<body>\r<article>\n<p>one\r\ntwo\rthree</p>\n\r\n<p>We offer\r\nguaranteed\rreturns.</p>"
    post = "# T\r\n\r\nOne\rtwo\n\r\nWe offer\rguaranteed\r\nreturns.\r"
    (tmp_path / "mixed.html").write_bytes(page.encode())
    (tmp_path / "mixed.md").write_bytes(post.encode())
    code, out, _ = run_json(tmp_path, ".")
    assert code == 1
    assert forbid_hits(out, "mixed.html") == [hit(page, "guaranteed\rreturns")] == [(9, 1, 10, 8, "guaranteed returns")]
    assert forbid_hits(out, "mixed.md") == [hit(post, "guaranteed\r\nreturns")] == [(7, 1, 8, 8, "guaranteed returns")]


# -- malformed structure ------------------------------------------------------------------------------------


def test_truncated_and_unclosed_html_is_still_checked(tmp_path):
    truncated = "<html><head><title>T</title></head><body><article><h1>Head</h1><p>We offer guaranteed returns<a href="
    unclosed = "<div><p>We offer <b>guaranteed <i>returns<p>more<li>x<td>y<table><tr><td>guaranteed returns"
    (tmp_path / "truncated.html").write_text(truncated, encoding="utf-8")
    (tmp_path / "unclosed.html").write_text(unclosed, encoding="utf-8")
    code, out, _ = run_json(tmp_path, ".")
    assert code == 1
    assert out["errors"] == []
    assert forbid_hits(out, "truncated.html") == [hit(truncated)]
    assert forbid_hits(out, "unclosed.html") == [hit(unclosed, "guaranteed <i>returns"), hit(unclosed)]


@pytest.mark.slow  # a few seconds: run by .ci/run with -m slow (the default run stays under 90 s)
def test_deep_nesting_everywhere_without_recursion_errors(tmp_path):
    deep = "<html><body>" + "<div>" * 100_000 + "<p>We offer guaranteed returns.</p>" + "</div>" * 100_000
    (tmp_path / "deep.html").write_text(deep, encoding="utf-8")
    (tmp_path / "deep-open.html").write_text("<body>" + "<blockquote><ul><li>" * 30_000 + "guaranteed returns")
    (tmp_path / "deep.md").write_text("> " * 5000 + "guaranteed returns\n\n" + "- " * 5000 + "x\n", encoding="utf-8")
    code, out, err = run_json(tmp_path, ".")
    assert code == 1
    assert out["errors"] == [], out["errors"]
    assert forbid_hits(out, "deep.html") == [hit(deep)] == [(1, 500_025, 1, 500_043, "guaranteed returns")]
    assert forbid_hits(out, "deep-open.html")
    assert "newslint: warning: deep.md: line 1: Markdown nested too deeply" in err
    proc = run(tmp_path, ".")  # text output too
    assert proc.returncode == 1 and "Traceback" not in proc.stderr.decode()
    for fmt in ("text", "json"):
        proc = run_cli("inspect", "--format", fmt, str(tmp_path / "deep.html"))
        assert proc.returncode == 0, proc.stderr.decode()[-500:]
    assert json.loads(proc.stdout)["blocks"][0]["text"] == "We offer guaranteed returns."


def test_a_5mb_single_line(tmp_path):
    line = "<p>" + "word " * 1_000_000 + "guaranteed returns</p>"
    (tmp_path / "line.html").write_text(line, encoding="utf-8")
    code, out, _ = run_json(tmp_path, "line.html")
    assert code == 1
    assert forbid_hits(out, "line.html") == [(1, 5_000_004, 1, 5_000_022, "guaranteed returns")]
    text = run(tmp_path, "line.html", "--select", "rb-forbid").stdout.decode().splitlines()
    assert text[0] == "line.html:1:5000004: error rb-forbid Do not promise returns: guaranteed returns"
    assert len(text[1]) < 200  # the excerpt is cut around the match, not 5 MB wide


JSON_LD = [
    '{"@type": "NewsArticle", "headline": "Broken", }',  # trailing comma: read anyway
    '{"@type": "NewsArticle", "author": {"name": "Asha',  # truncated
    '[1, null, [[["x"]]], {"@type": ["NewsArticle", 3], "headline": 5, "author": [null, 3, {"name": [[1]]}, '
    '{"name": null}, "Ravi Rao"], "datePublished": [1, 2], "publisher": [{"name": 7}], "keywords": {"a": 1}, '
    '"mainEntityOfPage": 3}]',
    '{"@graph": ' * 5000 + "{}" + "}" * 5000,
    "[" * 100_000 + "]" * 100_000,
    '{"@type": {"x": 1}, "headline": {"a": 1}, "datePublished": 1e999, "dateModified": NaN}',
]


def test_broken_and_strange_json_ld_never_stops_the_file(tmp_path):
    for i, script in enumerate(JSON_LD):
        body = f'<script type="application/ld+json">{script}</script></head><body><p>guaranteed returns</p>'
        (tmp_path / f"ld{i}.html").write_text(f"<html><head>{body}</body></html>", encoding="utf-8")
    code, out, err = run_json(tmp_path, ".")
    assert code == 1
    assert out["errors"] == []
    assert all(forbid_hits(out, f"ld{i}.html") for i in range(len(JSON_LD)))
    assert "ld1.html: line 1: JSON-LD is not valid JSON; it was ignored" in err
    data = json.loads(run_cli("inspect", "--format", "json", str(tmp_path / "ld2.html")).stdout)
    assert [a["value"] for a in data["metadata"]["authors"]] == ["Ravi Rao"]
    assert data["metadata"]["title"]["value"] == "5"


BODY = "\n# T\n\nguaranteed returns\n"
FRONT_MATTER = {
    "invalid.md": ("---\ntitle: [unclosed\n---\n", "front matter is not valid YAML (line 3): invalid YAML"),
    "tagged.md": ("---\ntitle: !!python/object/apply:os.system ['true']\n---\n", "YAML tag"),
    "bomb.md": (
        "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
        + "---\n",
        "more than 200000 values (an alias bomb?)",
    ),
    "toml-bad.md": ("+++\ntitle = \n+++\n", "front matter is not valid TOML"),
    "not-a-map.md": ("---\n- a\n- b\n---\n", "front matter is not a mapping"),
}


def test_front_matter_problems_are_warnings_and_the_body_is_checked(tmp_path):
    for name, (front, _) in FRONT_MATTER.items():
        (tmp_path / name).write_text(front + BODY, encoding="utf-8")
    (tmp_path / "toml.md").write_text(
        '+++\ntitle = "T"\ndate = 2025-05-05\nauthor = ["Asha Rao"]\n+++\n\n# T\n\nguaranteed returns\n',
        encoding="utf-8",
    )
    code, out, err = run_json(tmp_path, ".")
    assert code == 1
    assert out["errors"] == []
    for name, (front, warning) in FRONT_MATTER.items():
        assert f"newslint: warning: {name}: " in err and warning in err, (name, err)
        assert forbid_hits(out, name) == [hit(front + BODY)], name
    assert "toml.md" not in err
    assert not [f for f in out["findings"] if f["path"] == "toml.md" and f["rule"] == "rb-meta-present"]


def test_pathological_markdown_is_bounded(tmp_path):
    """markdown-it-py's slowest inputs (runs of unclosed brackets and emphasis), at 20-40 KB each.

    Sized to parse in a few seconds on a slow CI core (unclosed ``![`` costs up to 70 µs a character there), well
    inside the 10 s budget, so the test checks that such markup is parsed and positioned, not the machine's speed;
    ``test_hostile_markup`` covers what happens past the budget.
    """
    cases = {"brackets.md": "![" * 10_000, "emphasis.md": "*_" * 20_000, "links.md": "[a](" * 10_000}
    for name, text in cases.items():
        (tmp_path / name).write_text(text + "\n\nguaranteed returns\n", encoding="utf-8")
    code, out, _ = run_json(tmp_path, ".")
    assert code == 1
    assert out["errors"] == []
    assert all(forbid_hits(out, name) == [(3, 1, 3, 19, "guaranteed returns")] for name in cases)


# -- size ---------------------------------------------------------------------------------------------------


def test_max_file_size_skips_larger_files_with_a_message(folder):
    big = folder / "big.html"
    with open(big, "wb") as fh:  # sparse: 21 MB on paper, nothing on disk
        fh.truncate(21 * 1024 * 1024)
    (folder / "medium.md").write_text("# M\n\n" + "guaranteed returns. " * 100, encoding="utf-8")
    code, out, _ = run_json(folder, ".")
    assert code == 2
    assert errors_of(out) == {"big.html": "skipped: 21 MB is over the 20 MB limit (--max-file-size)"}
    code, out, _ = run_json(folder, ".", "--max-file-size", "0.001")
    assert code == 2
    assert errors_of(out) == {
        "big.html": "skipped: 21 MB is over the 0.001 MB limit (--max-file-size)",
        "medium.md": "skipped: 0.002 MB is over the 0.001 MB limit (--max-file-size)",
    }


def test_standard_input_obeys_the_same_limits_and_checks(tmp_path):
    # Standard input was read whole, whatever --max-file-size said.
    big = b"a" * (1024 * 1024 + 1)
    proc = run_cli("check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), "-", "--max-file-size", "1", input=big)
    assert proc.returncode == 2
    # The error goes to stderr, like every error; the report on stdout only counts it.
    assert proc.stderr.decode().splitlines()[0] == "newslint: error: -: skipped: over the 1 MB limit (--max-file-size)"
    assert "skipped" not in proc.stdout.decode()
    proc = run_cli("inspect", "-", "--max-file-size", "1", input=big)
    assert (proc.returncode, proc.stderr) == (
        2,
        b"newslint: error: -: skipped: over the 1 MB limit (--max-file-size)\n",
    )
    png = run_cli("check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), "-", input=b"\x89PNG\r\n\x1a\n")
    assert png.returncode == 2 and b"newslint: error: -: not an article: a PNG image" in png.stderr
    empty = run_cli("check", "--no-builtin", "--rules", str(EVERY_CHECK_RULES), "-", input=b"")
    assert (empty.returncode, empty.stderr) == (0, b"newslint: -: empty file, nothing to check\n")


def test_deeply_nested_json_ld_and_front_matter_through_check_and_inspect(tmp_path):
    # Valid and within the parsers' limits, but inspect copied them recursively (RecursionError: exit 2
    # with "internal error" for both formats of inspect).
    depth = 900
    ld = "[" * depth + "]" * depth
    (tmp_path / "ld.html").write_text(
        f'<script type="application/ld+json">{ld}</script><p>guaranteed returns</p>', encoding="utf-8"
    )
    keys = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v\n"
    (tmp_path / "fm.md").write_text(f"---\n{keys}---\n\n# T\n\nguaranteed returns\n", encoding="utf-8")
    code, out, err = run_json(tmp_path, ".")
    assert code == 1 and out["errors"] == [] and "warning" not in err
    for name in ("ld.html", "fm.md"):
        for fmt in ("text", "json"):
            proc = run_cli("inspect", "--format", fmt, str(tmp_path / name))
            assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    node = data["metadata"]["front_matter"]
    depth_shown = 0
    while isinstance(node, dict):
        node = next(iter(node.values()))
        depth_shown += 1
    assert node == "..." and depth_shown == 64


@pytest.mark.parametrize(
    ("stat_size", "max_size", "expected"),
    [
        (None, 1000, "whole"),  # what stat says: the file is read whole
        (10, 1000, "whole"),  # it grew after stat (or stat cannot tell, as in /proc): the rest is read too
        (0, 1000, "whole"),
        (10, 300, "too big"),  # it grew past the limit after stat: still refused
        (10, 0, "whole"),  # no limit
    ],
)
def test_a_file_is_read_whole_whatever_stat_said_and_never_past_the_limit(
    tmp_path, monkeypatch, stat_size, max_size, expected
):
    from newslint.files import source

    page = tmp_path / "grows.md"
    page.write_text("# Grows\n\n" + "A sentence of the article. " * 20, encoding="utf-8")  # 549 bytes
    real_stat = os.stat

    def stat_before_growth(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        if stat_size is None or Path(path) != page:
            return st
        return os.stat_result((*st[:6], stat_size, *st[7:]))

    monkeypatch.setattr(source.os, "stat", stat_before_growth)
    if expected == "whole":
        assert source.read_source(page, "grows.md", None, max_size=max_size).text == page.read_text(encoding="utf-8")
    else:
        with pytest.raises(source.SourceError, match="over the 0 MB limit"):
            source.read_source(page, "grows.md", None, max_size=max_size)
