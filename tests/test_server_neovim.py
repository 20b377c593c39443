"""The editor server in a real editor: headless Neovim (0.7+, Debian's ``neovim``) as the LSP client.

Diagnostics, hover and code actions as Neovim receives them, with the set-up docs/editor-server.md gives for
Neovim 0.7. Skipped when ``nvim`` or pygls is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ARTICLE = """<html><body><article>
<h1>Tata Motors: a buy</h1>
<p>This NSE stock offers <b>guaranteed</b> returns of 20%.</p>
<p>Investments in the stock market are subject to risk, please read documents before investing.</p>
</article></body></html>
"""

INIT = """
vim.api.nvim_create_autocmd("VimEnter", { callback = function()
  local id = vim.lsp.start_client({ name = "newslint", cmd = CMD, root_dir = ROOT })
  vim.lsp.buf_attach_client(0, id)
  vim.wait(30000, function() return #vim.diagnostic.get(0) >= 4 end, 50)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
    table.insert(out, string.format("D %d:%d-%d:%d %d %s", d.lnum, d.col, d.end_lnum, d.end_col, d.severity, code))
  end
  local doc = { uri = vim.uri_from_bufnr(0) }
  local hover = vim.lsp.buf_request_sync(0, "textDocument/hover", { textDocument = doc, position = { line = 3, character = 10 } }, 10000)
  for _, r in pairs(hover or {}) do
    if r.result then table.insert(out, "H " .. vim.split(r.result.contents.value, "\\n")[1]) end
  end
  local range = { start = { line = 3, character = 3 }, ["end"] = { line = 3, character = 10 } }
  local actions = vim.lsp.buf_request_sync(0, "textDocument/codeAction", { textDocument = doc, range = range, context = { diagnostics = {} } }, 10000)
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(out, "A " .. a.kind .. " " .. a.title) end
  end
  vim.fn.writefile(out, OUT)
  vim.cmd("qa!")
end })
"""


def lua_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_neovim_shows_diagnostics_hover_and_fixes(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("no nvim (apt-get install neovim)")
    pytest.importorskip("pygls")
    (tmp_path / ".git").mkdir()
    article = tmp_path / "a.html"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.txt"
    cmd = "{" + ", ".join(lua_string(w) for w in (sys.executable, "-m", "newslint", "server")) + "}"
    init = tmp_path / "init.lua"
    init.write_text(
        f"CMD = {cmd}\nROOT = {lua_string(str(tmp_path))}\nOUT = {lua_string(str(out))}\n" + INIT, encoding="utf-8"
    )
    subprocess.run(
        [nvim, "--headless", "-n", "-i", "NONE", "-u", str(init), str(article)],
        cwd=tmp_path,
        timeout=120,
        capture_output=True,
        env={
            "HOME": str(tmp_path),
            "PATH": "/usr/bin:/bin",
            "XDG_STATE_HOME": str(tmp_path),
            "XDG_CACHE_HOME": str(tmp_path),
        },
    )
    lines = out.read_text(encoding="utf-8").splitlines()
    # Neovim's diagnostics: 0-based lines and columns, severity 1 = error.
    assert "D 2:28-2:50 1 sebi-assured-returns" in lines
    assert "D 3:3-3:95 1 disclaimer-market-risk-modified" in lines
    assert "H **disclaimer-market-risk-modified** (error, disclaimer)" in lines
    assert any(line.startswith('A quickfix newslint: replace with "Investments in securities market') for line in lines)
    assert "A source.fixAll.newslint newslint: apply every safe fix" in lines
