"""The pre-commit hook for real: ``pre-commit try-repo <this project> newslint --all-files`` in a temporary
git repository. pre-commit builds the hook's environment from the project (pip, so it needs the package
index), which makes this slow; CI runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, RULES_YAML, write

pytestmark = pytest.mark.slow


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def pre_commit_try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newslint", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_hook_fails_on_bad_article_then_passes(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout: pre-commit try-repo needs one")
    repo = tmp_path / "site"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    write(repo / "rules" / "house.yaml", RULES_YAML)
    write(repo / ".newslint.yaml", "packs: []\nrules: [rules/]\n")
    bad = write(repo / "content" / "ipo.md", "# IPO\n\nSubscribe now for guaranteed returns.\n")
    write(
        repo / "content" / "page.html",
        "<html><body><article><h1>Fine</h1><p>All good.</p></article></body></html>\n",
    )
    write(repo / "notes.txt", "guaranteed returns (not an article: the hook never sees it)\n")
    git("add", "-A", cwd=repo)
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "PRE_COMMIT_HOME")}
    env.update(
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
    )

    failed = pre_commit_try_repo(repo, env)
    output = failed.stdout + failed.stderr
    assert failed.returncode == 1, output
    assert "content/ipo.md:3:19: error t-assured-returns" in output
    # types_or: [html, markdown]: the hook got the article and the page, not notes.txt.
    assert "in 2 files" in output and "notes.txt" not in output

    bad.write_text("# IPO\n\nReturns are never certain.\n", encoding="utf-8")
    git("add", "-A", cwd=repo)
    passed = pre_commit_try_repo(repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
