"""``newslint server`` end to end: a real LSP client (pytest-lsp) talks to the server over stdio."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
pytest.importorskip("pygls")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

# Each test starts a server process over stdio: an integration suite, run by .ci/run with the slow tests.
pytestmark = pytest.mark.slow

PARAPHRASE = "Investments in the stock market are subject to risk, please read documents before investing."
EXACT = "Investments in securities market are subject to market risks. Read all the related documents carefully before investing."
ARTICLE = f"""<html><body><article>
<h1>Tata Motors: a buy</h1>
<p>This NSE stock offers <b>guaranteed</b> returns of 20%.</p>
<p>{PARAPHRASE}</p>
</article></body></html>
"""


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "server"]))
async def client(lsp_client: LanguageClient):
    params = types.InitializeParams(capabilities=types.ClientCapabilities(), initialization_options={"debounce_ms": 20})
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    params=[["sebi-assured-returns"], ["no-such-rule"]],
    config=ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "server"]),
)
async def selecting_client(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    """A client that passes ``select`` in its initialization options (a valid and an invalid one)."""
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options={"select": request.param}
    )
    await lsp_client.initialize_session(params)
    yield request.param
    await lsp_client.shutdown_session()


REGISTRATIONS: list[types.Registration] = []


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "server"]))
async def watching_client(lsp_client: LanguageClient):
    """A client like Neovim's: it watches files only when the server asks (dynamic registration)."""

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        REGISTRATIONS.extend(params.registrations)

    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        )
    )
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


async def diagnostics_for(
    client: LanguageClient, uri: str, until: Callable[[Sequence[types.Diagnostic]], bool] = lambda d: True
) -> Sequence[types.Diagnostic]:
    """Wait (at most 20 s) for the diagnostics of ``uri`` to satisfy ``until``."""

    async def wait() -> Sequence[types.Diagnostic]:
        while True:
            if uri in client.diagnostics and until(client.diagnostics[uri]):
                return client.diagnostics[uri]
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), 20)


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "html", version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)
        )
    )
    return uri


def by_code(diags: Sequence[types.Diagnostic], code: str) -> types.Diagnostic:
    [found] = [d for d in diags if d.code == code]
    return found


def isolated_folder(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    return tmp_path


@pytest.mark.asyncio
async def test_diagnostics_on_open_at_exact_positions(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, isolated_folder(tmp_path) / "a.html", ARTICLE)
    diags = await diagnostics_for(client, uri, lambda d: any(x.code == "sebi-assured-returns" for x in d))
    assured = by_code(diags, "sebi-assured-returns")
    assert assured.source == "newslint"
    assert assured.severity == types.DiagnosticSeverity.Error
    line = ARTICLE.splitlines()[assured.range.start.line]
    assert assured.range.start.line == assured.range.end.line == 2
    # "<b>guaranteed</b> returns": the range spans the tags, from the first word to the last.
    assert line[assured.range.start.character : assured.range.end.character] == "guaranteed</b> returns"


@pytest.mark.asyncio
async def test_positions_are_utf16_code_units(client: LanguageClient, tmp_path: Path) -> None:
    text = "# Sensex\n\n\U0001f680 This NSE fund gives assured returns.\n"
    uri = open_doc(client, isolated_folder(tmp_path) / "a.md", text, language="markdown")
    diags = await diagnostics_for(client, uri, lambda d: any(x.code == "sebi-assured-returns" for x in d))
    d = by_code(diags, "sebi-assured-returns")
    # The rocket is one character but two UTF-16 code units.
    assert (d.range.start.line, d.range.start.character) == (2, text.splitlines()[2].index("assured") + 1)


@pytest.mark.asyncio
async def test_diagnostics_follow_changes(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, isolated_folder(tmp_path) / "a.html", ARTICLE)
    diags = await diagnostics_for(client, uri, lambda d: any(x.code == "sebi-assured-returns" for x in d))
    start = by_code(diags, "sebi-assured-returns").range
    # An incremental edit: "guaranteed</b> returns" -> "steady</b> returns".
    edit_range = types.Range(
        start=start.start, end=types.Position(line=start.start.line, character=start.start.character + 10)
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=edit_range, text="steady")],
        )
    )
    diags = await diagnostics_for(client, uri, lambda d: not any(x.code == "sebi-assured-returns" for x in d))
    assert any(x.code == "disclaimer-market-risk-modified" for x in diags)


@pytest.mark.asyncio
async def test_a_burst_of_changes_ends_with_the_last_versions_diagnostics(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = open_doc(
        client, isolated_folder(tmp_path) / "a.md", "# Sensex\n\nQuiet day on the NSE.\n", language="markdown"
    )
    await diagnostics_for(client, uri)
    text = "# Sensex\n\nQuiet day on the NSE."
    for version in range(2, 22):
        text += " x"
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangeWholeDocument(
                        text=text + " assured returns.\n" if version == 21 else text + "\n"
                    )
                ],
            )
        )
    diags = await diagnostics_for(client, uri, lambda d: any(x.code == "sebi-assured-returns" for x in d))
    checks = [m.message for m in client.log_messages if m.message.startswith("newslint: checked a.md version ")]
    # Debounced: twenty changes sent at once cost a check or two after the first one, not twenty.
    assert checks[0].startswith("newslint: checked a.md version 1 ")
    assert 2 <= len(checks) <= 4, checks
    assert checks[-1].startswith("newslint: checked a.md version 21 ")
    # The diagnostics are those of the last version, at its positions.
    assert by_code(diags, "sebi-assured-returns").range.start.character == len(text) - len("# Sensex\n\n") + 1


@pytest.mark.asyncio
async def test_code_action_applies_the_mandated_wording(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, isolated_folder(tmp_path) / "a.html", ARTICLE)
    diags = await diagnostics_for(client, uri, lambda d: any(x.code == "disclaimer-market-risk-modified" for x in d))
    d = by_code(diags, "disclaimer-market-risk-modified")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=d.range,
            context=types.CodeActionContext(diagnostics=[d]),
        )
    )
    quick = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    assert len(quick) == 1 and quick[0].is_preferred
    [edit] = quick[0].edit.changes[uri]
    assert edit.new_text == EXACT and edit.range == d.range
    lines = ARTICLE.splitlines(True)
    line = lines[edit.range.start.line]
    assert line[edit.range.start.character : edit.range.end.character] == PARAPHRASE
    fix_all = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == "source.fixAll.newslint"]
    assert len(fix_all) == 1 and fix_all[0].edit.changes[uri][0].new_text == EXACT
    # No quick fix away from any fixable finding.
    nowhere = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=1))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=nowhere,
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix]),
        )
    )
    assert not actions


@pytest.mark.asyncio
async def test_hover_explains_the_rule(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, isolated_folder(tmp_path) / "a.html", ARTICLE)
    diags = await diagnostics_for(client, uri, lambda d: any(x.code == "disclaimer-market-risk-modified" for x in d))
    d = by_code(diags, "disclaimer-market-risk-modified")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=d.range.start.line, character=d.range.start.character + 5),
        )
    )
    assert hover is not None and hover.contents.kind == types.MarkupKind.Markdown
    value = hover.contents.value
    assert value.startswith("**disclaimer-market-risk-modified** (error, disclaimer)")
    assert "*Why:* The market-risk warning must be reproduced exactly" in value
    assert "SEBI/HO/MIRSD/MIRSD-PoD-2/P/CIR/2023/51" in value
    assert EXACT in value
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)
        )
    )
    assert nothing is None


@pytest.mark.asyncio
async def test_configuration_of_the_files_folder(client: LanguageClient, tmp_path: Path) -> None:
    site = isolated_folder(tmp_path)
    (site / ".newslint.yaml").write_text("ignore: [sebi-assured-returns]\n", encoding="utf-8")
    (site / "posts").mkdir()
    uri = open_doc(client, site / "posts" / "a.html", ARTICLE)
    diags = await diagnostics_for(client, uri, lambda d: any(x.code == "disclaimer-market-risk-modified" for x in d))
    assert not any(x.code == "sebi-assured-returns" for x in diags)
    # The configuration changes: open articles are checked again with it.
    (site / ".newslint.yaml").write_text("ignore: [disclaimer-market-risk-modified]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(site / ".newslint.yaml").as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    diags = await diagnostics_for(client, uri, lambda d: any(x.code == "sebi-assured-returns" for x in d))
    assert not any(x.code == "disclaimer-market-risk-modified" for x in diags)


@pytest.mark.asyncio
async def test_broken_configuration_is_one_diagnostic(client: LanguageClient, tmp_path: Path) -> None:
    site = isolated_folder(tmp_path)
    (site / ".newslint.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    uri = open_doc(client, site / "a.html", ARTICLE)
    [d] = await diagnostics_for(client, uri, lambda d: len(d) > 0)
    assert d.code == "newslint-config" and ".newslint.yaml:1:" in d.message


@pytest.mark.asyncio
async def test_select_from_initialization_options(
    selecting_client: LanguageClient, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    client = selecting_client
    select = request.node.callspec.params["selecting_client"]
    uri = open_doc(client, isolated_folder(tmp_path) / "a.html", ARTICLE)
    diags = await diagnostics_for(client, uri, lambda d: len(d) > 0)
    if select == ["no-such-rule"]:  # said in the file; the server goes on
        [d] = diags
        assert d.code == "newslint-config" and "'no-such-rule' matches no rule" in d.message
    else:
        assert {d.code for d in diags} == {"sebi-assured-returns"}


@pytest.mark.asyncio
async def test_close_clears_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(client, isolated_folder(tmp_path) / "a.html", ARTICLE)
    await diagnostics_for(client, uri, lambda d: len(d) > 0)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert list(await diagnostics_for(client, uri, lambda d: len(d) == 0)) == []


@pytest.mark.asyncio
async def test_asks_the_editor_to_watch_configuration_files(watching_client: LanguageClient, tmp_path: Path) -> None:
    uri = open_doc(watching_client, isolated_folder(tmp_path) / "a.html", ARTICLE)
    await diagnostics_for(watching_client, uri, lambda d: len(d) > 0)  # the registration came before this
    [registration] = [r for r in REGISTRATIONS if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    globs = {
        w["globPattern"] if isinstance(w, dict) else w.glob_pattern for w in registration.register_options["watchers"]
    }
    assert {"**/.newslint.yaml", "**/newslint.yaml", "**/pyproject.toml"} <= globs


def test_server_without_pygls_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['pygls'] = None; sys.argv = ['newslint', 'server']\n"
        "from newslint.cli.main import main; main()"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "pip install 'newslint[server]'" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_latency_benchmark_runs() -> None:
    """benchmarks/lsp_latency.py end to end on a small article (its figures are not asserted)."""
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "lsp_latency.py"
    proc = subprocess.run(
        [sys.executable, str(script), "--repeat", "2", "--size", "8"], capture_output=True, text=True, timeout=240
    )
    assert proc.returncode == 0, proc.stderr
    assert "html" in proc.stdout and "markdown" in proc.stdout and proc.stdout.count("median") == 2


def test_tcp_address_is_checked() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "server", "--tcp", "localhost"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "--tcp takes HOST:PORT" in proc.stderr and "Traceback" not in proc.stderr


def test_serves_on_tcp(tmp_path: Path) -> None:
    """``--tcp`` (for debugging): an initialize request over a loopback socket gets the server's capabilities."""
    import json
    import socket
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newslint", "server", "--tcp", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = socket.create_connection(("127.0.0.1", port), timeout=10)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        with conn:
            body = json.dumps(
                {
                    "jsonrpc": "2.0",
                    "id": 1,
                    "method": "initialize",
                    "params": {"processId": None, "rootUri": None, "capabilities": {}},
                }
            ).encode()
            conn.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            data = b""
            while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < int(
                data.split(b"Content-Length: ")[1].split(b"\r\n")[0]
            ):
                chunk = conn.recv(65536)
                assert chunk, "the server closed the connection"
                data += chunk
        reply = json.loads(data.split(b"\r\n\r\n", 1)[1])
        capabilities = reply["result"]["capabilities"]
        assert capabilities["hoverProvider"] and capabilities["codeActionProvider"]
        assert reply["result"]["serverInfo"]["name"] == "newslint"
    finally:
        server.terminate()
        server.wait(timeout=30)
