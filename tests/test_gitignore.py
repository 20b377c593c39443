"""``newslint check`` walks folders as git would: what .gitignore, .ignore and git's excludes ignore is left out,
unless --no-respect-gitignore; files named on the command line are always checked."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import newslint, write

# Ignore files through the CLI (seconds): run by .ci/run's slow stage, so the default run stays under 90 s.
pytestmark = pytest.mark.slow

BAD = "We offer guaranteed returns.\n"


def checked(project: Path, *args: str, env: dict[str, str] | None = None) -> list[str]:
    run = newslint("check", *args, "-f", "json", cwd=project, env=env)
    assert run.returncode in (0, 1), run.stderr
    data = json.loads(run.stdout)
    return sorted({f["path"] for f in data["findings"]})


@pytest.fixture
def site(project: Path) -> Path:
    """A Hugo-like site: content/ to check, public/ generated and ignored, a few trickier cases."""
    write(project / ".gitignore", "public/\n*.draft.md\n!keep.draft.md\n/resources/\n")
    write(project / "content" / "post.md", BAD)
    write(project / "content" / "wip.draft.md", BAD)
    write(project / "content" / "keep.draft.md", BAD)
    write(project / "content" / "resources" / "note.md", BAD)  # /resources/ is anchored at the root: kept
    write(project / "public" / "post" / "index.html", f"<p>{BAD}</p>")
    write(project / "resources" / "gen.md", BAD)
    write(project / "content" / "old" / ".gitignore", "*\n!.gitignore\n!saved.md\n")
    write(project / "content" / "old" / "gone.md", BAD)
    write(project / "content" / "old" / "saved.md", BAD)
    return project


def test_what_git_ignores_is_not_checked(site: Path) -> None:
    assert checked(site) == [
        "content/keep.draft.md",
        "content/old/saved.md",
        "content/post.md",
        "content/resources/note.md",
    ]


def test_the_same_files_as_git_itself(site: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.rmtree(site / ".git")
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "*.md", "*.html"],
        cwd=site,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert checked(site) == sorted(p for p in listed if not p.startswith("rules/"))


def test_no_respect_gitignore_checks_everything(site: Path) -> None:
    assert checked(site, "--no-respect-gitignore") == [
        "content/keep.draft.md",
        "content/old/gone.md",
        "content/old/saved.md",
        "content/post.md",
        "content/resources/note.md",
        "content/wip.draft.md",
        "public/post/index.html",
        "resources/gen.md",
    ]


def test_files_named_are_always_checked(site: Path) -> None:
    assert checked(site, "content/wip.draft.md", "public/post/index.html") == [
        "content/wip.draft.md",
        "public/post/index.html",
    ]


def test_a_folder_named_is_checked_even_when_ignored_but_its_own_ignore_files_count(site: Path) -> None:
    write(site / "public" / ".gitignore", "post/\n")
    write(site / "public" / "index.html", f"<p>{BAD}</p>")
    assert checked(site, "public") == ["public/index.html"]


def test_a_subfolder_obeys_the_ignore_files_above_it(site: Path) -> None:
    # Run from inside content/: the root's .gitignore (one folder up) still applies.
    assert checked(site / "content", ".") == ["keep.draft.md", "old/saved.md", "post.md", "resources/note.md"]


def test_dot_ignore_git_info_exclude_and_the_global_excludes_file(site: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("core.excludesFile is read through git")
    write(site / ".git" / "info" / "exclude", "content/post.md\n")
    write(site / "content" / ".ignore", "keep.draft.md\n")
    global_file = write(site.parent / "global-ignore", "note.md\n")
    config = write(site.parent / "gitconfig", f"[core]\n\texcludesFile = {global_file}\n")
    env = {"GIT_CONFIG_GLOBAL": str(config), "XDG_CONFIG_HOME": str(site.parent / "nowhere")}
    assert checked(site, env=env) == ["content/old/saved.md"]


def test_dot_ignore_overrides_gitignore_in_the_same_folder(site: Path) -> None:
    write(site / ".ignore", "!public/\n")  # ripgrep's precedence: .ignore before .gitignore
    assert "public/post/index.html" in checked(site)


def test_a_folder_wholly_ignored_says_why_it_found_nothing(site: Path) -> None:
    write(site / "public" / ".gitignore", "*.html\n")
    run = newslint("check", "public", cwd=site)
    assert run.returncode == 2  # nothing to check
    assert "public: folder holds no articles" in run.stderr
    assert "1 ignored by git's ignore files (--no-respect-gitignore checks them)" in run.stderr


def test_outside_a_repository_the_walked_folder_s_ignore_files_still_count(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site / ".gitignore", "public/\n")
    write(site / "content" / "a.md", BAD)
    write(site / "public" / "a.html", f"<p>{BAD}</p>")
    assert checked(site, "--isolated") == ["content/a.md"]


def test_help_says_so() -> None:
    run = newslint("check", "--help")
    assert "--no-respect-gitignore" in run.stdout
    assert ".gitignore" in run.stdout


def test_a_worktree_reads_the_repository_s_info_exclude(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    write(repo / "content" / "a.md", BAD)
    write(repo / "content" / "wip.md", BAD)
    write(repo / ".newslint.yaml", "packs: []\nrules: [rules/]\n")
    from conftest import RULES_YAML

    write(repo / "rules" / "t.yaml", RULES_YAML)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=repo, check=True)
    subprocess.run([*git, "worktree", "add", "-q", str(tmp_path / "wt")], cwd=repo, check=True)
    write(repo / ".git" / "info" / "exclude", "wip.md\n")  # shared by every worktree, as git reads it
    worktree = tmp_path / "wt"
    assert (worktree / ".git").is_file()
    assert checked(worktree, "--no-respect-gitignore") == ["content/a.md", "content/wip.md"]
    assert checked(worktree) == ["content/a.md"]


def test_without_core_excludes_file_the_xdg_default_counts(site: Path) -> None:
    write(site.parent / "xdg" / "git" / "ignore", "post.md\n")
    empty = write(site.parent / "empty-gitconfig", "")
    env = {"GIT_CONFIG_GLOBAL": str(empty), "XDG_CONFIG_HOME": str(site.parent / "xdg")}
    assert "content/post.md" not in checked(site, env=env)
    assert "content/post.md" in checked(site, env={**env, "XDG_CONFIG_HOME": str(site.parent / "nowhere")})
