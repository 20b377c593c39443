"""The language server: newslint's findings as diagnostics, fixes as code actions, rules' why on hover.

Built on pygls (the maintained Python implementation of the protocol: JSON-RPC, document sync, position
encodings). Everything about findings goes through the Python API (``newslint.check_text`` with the
document's path, so the configuration of the file's folder applies, exactly as for ``newslint check``).

Checks run in a worker thread, one at a time. A change after a quiet spell is checked at once; a change that
comes within ``debounce`` (30 ms by default) of the previous one waits for the burst to pause. A check whose
document changed again before it finished is not published, and the newer version is checked next, so a
burst of keystrokes costs one or two checks, not one each.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from newslint import __version__
from newslint.api import CheckError, Finding, check_text, clear_cache, rule_info
from newslint.document.positions import LineIndex

NAME = "newslint"
DEFAULT_DEBOUNCE = 0.03  # seconds of quiet after a change before checking
LANGUAGES = {"html": "html", "markdown": "markdown", "md": "markdown", "mdx": "markdown"}
SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
CONFIG_NAMES = (".newslint.yaml", "newslint.yaml", "pyproject.toml")
SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}
FIX_ALL = "source.fixAll.newslint"


@dataclass(frozen=True, slots=True)
class Checked:
    """The findings of one version of a document, with what is needed to turn them into LSP ranges."""

    version: int | None
    text: str
    findings: tuple[Finding, ...]
    ranges: tuple[lsp.Range, ...]


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(NAME, __version__)
        self.debounce = DEFAULT_DEBOUNCE
        self.languages: dict[str, str] = {}  # uri -> html | markdown
        self.checked: dict[str, Checked] = {}
        self.check_lock = asyncio.Lock()
        self.tasks: set[asyncio.Task[None]] = set()
        self.options: dict[str, Any] = {}
        self.last_change: dict[str, float] = {}  # uri -> time.monotonic() of its last change

    # -- checking ----------------------------------------------------------------------------------------

    def format_of(self, uri: str, language_id: str | None = None) -> str | None:
        if language_id:
            fmt = LANGUAGES.get(language_id.lower())
            if fmt:
                return fmt
        path = uri.split("?", 1)[0].split("#", 1)[0]
        return SUFFIXES.get(os.path.splitext(path)[1].lower())

    def delay_after_change(self, uri: str) -> float:
        """Leading-edge debounce: a change after a quiet spell is checked at once; a change that follows
        another within ``debounce`` waits that long, so a burst is checked when it pauses."""
        now = time.monotonic()
        last = self.last_change.get(uri)
        self.last_change[uri] = now
        return 0.0 if last is None or now - last >= self.debounce else self.debounce

    def schedule(self, uri: str, delay: float) -> None:
        doc = self.workspace.get_text_document(uri)
        task = asyncio.get_running_loop().create_task(self.check_later(uri, doc.version, delay))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def check_later(self, uri: str, version: int | None, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        async with self.check_lock:
            if uri not in self.languages:
                return  # closed meanwhile
            doc = self.workspace.get_text_document(uri)
            if doc.version != version:
                return  # a newer change has its own check coming
            text = doc.source
            started = time.perf_counter()
            try:
                checked = await asyncio.to_thread(self.check, uri, version, text)
            except CheckError as exc:
                self.publish(uri, version, [self.problem_diagnostic(exc.problems)])
                return
            except ValueError as exc:  # a selector of the initialization options that matches no rule
                self.publish(uri, version, [self.problem_diagnostic([str(exc)])])
                return
            except Exception as exc:  # a bug: say so in the file, keep serving the others
                problem = f"internal error: {type(exc).__name__}: {exc}; please report this file"
                self.window_log_message(
                    lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"newslint: {problem}")
                )
                self.publish(uri, version, [self.problem_diagnostic([problem])])
                return
            took = (time.perf_counter() - started) * 1000
            name = Path(self.path_of(uri) or uri).name
            stale = uri not in self.languages or self.workspace.get_text_document(uri).version != version
            # One line per check in the editor's log (VS Code's output panel): what was checked and how fast.
            self.window_log_message(
                lsp.LogMessageParams(
                    type=lsp.MessageType.Log,
                    message=f"newslint: checked {name} version {version} in {took:.0f} ms: "
                    f"{len(checked.findings)} findings{' (outdated, not shown)' if stale else ''}",
                )
            )
            if stale:
                return
            self.checked[uri] = checked
            self.publish(
                uri, version, [self.diagnostic(f, r) for f, r in zip(checked.findings, checked.ranges, strict=True)]
            )

    def check(self, uri: str, version: int | None, text: str) -> Checked:
        path = self.path_of(uri)
        findings = check_text(
            text,
            self.languages.get(uri, "html"),  # type: ignore[arg-type]
            path=path,
            select=self.options.get("select"),
            ignore=self.options.get("ignore"),
        )
        lines = LineIndex(text)
        ranges = tuple(self.range(lines, f.line, f.column, f.end_line, f.end_column) for f in findings)
        return Checked(version, text, tuple(findings), ranges)

    def path_of(self, uri: str) -> str | None:
        if not uri.startswith("file:"):
            return None
        return to_fs_path(uri)

    def publish(self, uri: str, version: int | None, diagnostics: list[lsp.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    # -- positions ---------------------------------------------------------------------------------------

    def units(self, text: str) -> int:
        """Length of ``text`` in the client's position encoding (UTF-16 unless it asked for another)."""
        return int(self.workspace.position_codec.client_num_units(text))

    def position(self, lines: LineIndex, line: int, column: int) -> lsp.Position:
        text = lines.line_text(line)
        return lsp.Position(line=line - 1, character=self.units(text[: column - 1]))

    def range(self, lines: LineIndex, line: int, column: int, end_line: int, end_column: int) -> lsp.Range:
        return lsp.Range(start=self.position(lines, line, column), end=self.position(lines, end_line, end_column))

    # -- what is sent ------------------------------------------------------------------------------------

    def diagnostic(self, f: Finding, where: lsp.Range) -> lsp.Diagnostic:
        return lsp.Diagnostic(
            range=where,
            message=f.message,
            severity=SEVERITY.get(f.severity, lsp.DiagnosticSeverity.Warning),
            code=f.rule,
            source=NAME,
            data={"rule": f.rule, "fixable": f.fix is not None and f.fix.safe},
        )

    def problem_diagnostic(self, problems: list[str]) -> lsp.Diagnostic:
        zero = lsp.Position(line=0, character=0)
        return lsp.Diagnostic(
            range=lsp.Range(start=zero, end=zero),
            message="newslint could not check this file:\n" + "\n".join(problems),
            severity=lsp.DiagnosticSeverity.Error,
            code="newslint-config",
            source=NAME,
        )

    def current(self, uri: str) -> Checked | None:
        checked = self.checked.get(uri)
        if checked is None or uri not in self.languages:
            return None
        if self.workspace.get_text_document(uri).version != checked.version:
            return None  # stale: positions would be wrong
        return checked

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        checked = self.current(uri)
        if checked is None:
            return []
        only = params.context.only
        wanted = params.range
        actions: list[lsp.CodeAction] = []
        fixable = [(f, r) for f, r in zip(checked.findings, checked.ranges, strict=True) if f.fix and f.fix.safe]
        if only is None or any(k in (lsp.CodeActionKind.QuickFix, "quickfix") for k in only):
            for f, r in fixable:
                if not _overlaps(r, wanted):
                    continue
                assert f.fix is not None
                actions.append(
                    lsp.CodeAction(
                        title=f"newslint: replace with {_short(f.fix.replacement)} ({f.rule})",
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[self.diagnostic(f, r)],
                        is_preferred=True,
                        edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=r, new_text=f.fix.replacement)]}),
                    )
                )
        if fixable and (only is None or any(str(k).startswith(("source.fixAll", "source")) for k in only)):
            edits: list[lsp.TextEdit] = []
            last_end = -1
            for f, r in sorted(fixable, key=lambda pair: pair[0].start):
                assert f.fix is not None
                if f.fix.start < last_end:
                    continue  # overlapping fixes: the first one wins, as with --fix
                edits.append(lsp.TextEdit(range=r, new_text=f.fix.replacement))
                last_end = f.fix.end
            actions.append(
                lsp.CodeAction(
                    title="newslint: apply every safe fix",
                    kind=FIX_ALL,
                    edit=lsp.WorkspaceEdit(changes={uri: edits}),
                )
            )
        return actions

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        checked = self.current(uri)
        if checked is None:
            return None
        at = params.position
        hits = [(f, r) for f, r in zip(checked.findings, checked.ranges, strict=True) if _contains(r, at)]
        if not hits:
            return None
        parts: list[str] = []
        path = self.path_of(uri)
        for f, _r in hits:
            info = None
            try:
                info = rule_info(f.rule, path=path)
            except CheckError:
                pass
            block = [f"**{_md(f.rule)}** ({f.severity}, {_md(f.pack or 'newslint')})", "", _md(f.message)]
            if info is not None and info.description:
                block += ["", "*Why:* " + _md(" ".join(info.description.split()))]
            if info is not None and info.references:
                block += ["", "*References:* " + "; ".join(_md(r) for r in info.references)]
            if f.fix is not None:
                block += ["", "*Fix:*", "", "```text", f.fix.replacement.replace("```", "'''"), "```"]
            parts.append("\n".join(block))
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=hits[0][1],
        )


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _contains(r: lsp.Range, p: lsp.Position) -> bool:
    return (r.start.line, r.start.character) <= (p.line, p.character) <= (r.end.line, r.end.character)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _md(text: str) -> str:
    """Text shown literally in Markdown (messages quote the article, which is untrusted)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 3]}..."'


def build_server() -> NewslintServer:
    server = NewslintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: NewslintServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict):
            ls.options = {k: v for k, v in options.items() if k in ("select", "ignore")}
            debounce = options.get("debounce_ms")
            if isinstance(debounce, int | float) and 0 <= debounce <= 10_000:
                ls.debounce = debounce / 1000

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: NewslintServer, params: lsp.InitializedParams) -> None:
        """Ask the editor to report changes to configuration and rule files (Neovim, Helix... do it only
        when a server asks; VS Code's extension watches them itself)."""
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps is not None else None
        if watched is None or not watched.dynamic_registration:
            return
        watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in (*CONFIG_NAMES, "*.yaml", "*.yml")]
        registration = lsp.Registration(
            id="newslint-watch-config",
            method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))
        except Exception as exc:  # the editor refused: saving a configuration in it still re-checks
            ls.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Warning, message=f"newslint: {exc}"))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        fmt = ls.format_of(doc.uri, doc.language_id)
        if fmt is None:
            return
        ls.languages[doc.uri] = fmt
        ls.schedule(doc.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.languages:
            ls.schedule(uri, ls.delay_after_change(uri))

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        name = Path(ls.path_of(uri) or uri).name
        if name in CONFIG_NAMES or name.endswith((".yaml", ".yml")):
            recheck_all(ls)  # a configuration or a rule file changed: every open article may change
        elif uri in ls.languages:
            ls.schedule(uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.languages.pop(uri, None)
        ls.checked.pop(uri, None)
        ls.last_change.pop(uri, None)
        ls.publish(uri, None, [])

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: NewslintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        recheck_all(ls)

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: NewslintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params)

    return server


def recheck_all(ls: NewslintServer) -> None:
    clear_cache()
    for uri in list(ls.languages):
        ls.schedule(uri, 0)


def main(tcp: str | None = None) -> None:
    """Serve on standard input and output (what editors start), or on ``host:port`` for debugging."""
    server = build_server()
    if tcp:
        host, _, port = tcp.rpartition(":")
        server.start_tcp(host or "127.0.0.1", int(port))
    else:
        server.start_io()
