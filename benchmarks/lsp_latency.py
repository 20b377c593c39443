"""How long the editor server takes to show diagnostics after a change, on a warm server.

    python benchmarks/lsp_latency.py [--repeat N] [--debounce-ms MS] [--size KB]

Starts ``newslint server`` as an editor does (a subprocess on stdio) with pygls' own client, opens a
synthetic ~100 KB article (HTML, then Markdown; benchmarks/corpus.py, seeded), waits for the first
diagnostics (cold: the packs are loaded then), then makes ``--repeat`` one-word edits, each after the
previous one's diagnostics arrived, and times each from sending ``didChange`` to receiving the
``publishDiagnostics`` of that version. Reports the median and the 90th percentile as an editor sees them
(an isolated change is checked at once; the debounce only holds back a change that follows another within
30 ms), and, for comparison, ``newslint.check_text`` on the same text in this process (the engine's share).
Only loopback stdio; nothing touches the network.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from corpus import _paragraph, html_page, markdown_post  # noqa: E402

EDIT_WORD = "Sensex"


def article(fmt: str, size: int) -> str:
    """A page of the synthetic corpus, grown with more of its paragraphs to ``size`` bytes."""
    rng = random.Random(19)
    if fmt == "html":
        text = html_page(rng, 1)
        extra, marker = [], "</article>"
        while len(text.encode()) + sum(len(p.encode()) for p in extra) < size:
            extra.append(f"<p>{_paragraph(rng)} The {EDIT_WORD} moved.</p>\n")
        head, _, tail = text.partition(marker)
        return head + "".join(extra) + marker + tail
    text = markdown_post(rng, 1)
    extra = []
    while len(text.encode()) + sum(len(p.encode()) for p in extra) < size:
        para = _paragraph(rng).replace("&amp;", "&").replace("&rsquo;", "'")
        extra.append(f"{para} The {EDIT_WORD} moved.\n\n")
    head, _, tail = text.partition("## Disclaimer")
    return head + "".join(extra) + "## Disclaimer" + tail


async def measure(fmt: str, size: int, repeat: int, debounce_ms: float | None) -> dict[str, float]:
    client = LanguageClient("newslint-benchmark", "1")
    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Future[None]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is None:
            return
        arrived[params.version] = time.perf_counter()
        future = waiting.get(params.version)
        if future is not None and not future.done():
            future.set_result(None)

    server_ms: dict[int, float] = {}

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def on_log(params: types.LogMessageParams) -> None:
        # "newslint: checked article.html version 7 in 31 ms: ..." (the server's own time for the check)
        words = params.message.split()
        if "version" in words and "in" in words:
            try:
                server_ms[int(words[words.index("version") + 1])] = float(words[words.index("in") + 1])
            except (ValueError, IndexError):
                pass

    await client.start_io(sys.executable, "-m", "newslint", "server")
    options = {} if debounce_ms is None else {"debounce_ms": debounce_ms}
    folder = Path(tempfile.mkdtemp(prefix="newslint-lsp-"))
    (folder / ".git").mkdir()  # no configuration above: the built-in packs
    suffix = ".html" if fmt == "html" else ".md"
    path = folder / f"article{suffix}"
    text = article(fmt, size)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=folder.as_uri(), initialization_options=options
        )
    )
    client.initialized(types.InitializedParams())
    loop = asyncio.get_running_loop()

    async def send(version: int, change: types.TextDocumentContentChangeEvent | None) -> float:
        waiting[version] = loop.create_future()
        started = time.perf_counter()
        if change is None:
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    text_document=types.TextDocumentItem(uri=uri, language_id=fmt, version=version, text=text)
                )
            )
        else:
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[change],
                )
            )
        await asyncio.wait_for(waiting[version], 60)
        return arrived[version] - started

    cold = await send(1, None)
    lines = text.splitlines()
    targets = [(i, line.index(EDIT_WORD)) for i, line in enumerate(lines) if EDIT_WORD in line]
    middle = targets[len(targets) // 2 :]
    timings = []
    for k in range(repeat):
        line, col = middle[k % len(middle)]
        word = "Nifty " if k % 2 == 0 else "Sensex"  # same length: the positions stay put
        old = "Sensex" if k % 2 == 0 else "Nifty "
        if lines[line][col : col + 6] != old:
            old = lines[line][col : col + 6]
        lines[line] = lines[line][:col] + word + lines[line][col + 6 :]
        edit = types.TextDocumentContentChangePartial(
            range=types.Range(
                start=types.Position(line=line, character=col), end=types.Position(line=line, character=col + 6)
            ),
            text=word,
        )
        timings.append(await send(k + 2, edit))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    timings.sort()
    import newslint  # the same checks in this process, without the protocol: the engine's share

    in_process = []
    current = "\n".join(lines) + "\n"
    newslint.check_text(current, fmt, path=path)  # type: ignore[arg-type]
    for k in range(min(repeat, 7)):
        variant = current.replace(EDIT_WORD, "Nifty ", k + 1)
        started = time.perf_counter()
        newslint.check_text(variant, fmt, path=path)  # type: ignore[arg-type]
        in_process.append(time.perf_counter() - started)
    checks = [server_ms[v] for v in range(2, repeat + 2) if v in server_ms]
    return {
        "server_ms": statistics.median(checks) if checks else float("nan"),
        "check_ms": statistics.median(in_process) * 1000,
        "bytes": len(text.encode()),
        "cold_ms": cold * 1000,
        "median_ms": statistics.median(timings) * 1000,
        "p90_ms": timings[max(0, int(len(timings) * 0.9) - 1)] * 1000,
        "min_ms": timings[0] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=21, help="edits per format (default 21)")
    parser.add_argument("--debounce-ms", type=float, default=None, help="the server's debounce (default: its own)")
    parser.add_argument("--size", type=int, default=100, help="article size in KB (default 100)")
    args = parser.parse_args()
    debounce = "server default (30 ms)" if args.debounce_ms is None else f"{args.debounce_ms:g} ms"
    print(f"newslint server: diagnostics after a one-word change, warm server, debounce {debounce}")
    for fmt in ("html", "markdown"):
        r = asyncio.run(measure(fmt, args.size * 1000, args.repeat, args.debounce_ms))
        print(
            f"  {fmt:8} {r['bytes'] / 1000:6.1f} KB: median {r['median_ms']:6.1f} ms, p90 {r['p90_ms']:6.1f} ms,"
            f" min {r['min_ms']:6.1f} ms; the server's check {r['server_ms']:.0f} ms, check_text in-process"
            f" {r['check_ms']:.0f} ms (first check, cold: {r['cold_ms']:.0f} ms; {args.repeat} edits)"
        )


if __name__ == "__main__":
    main()
