"""Which files of a folder walk git would ignore: ``.gitignore``, ``.ignore``, ``.git/info/exclude`` and git's
global excludes file, as ruff and ripgrep read them.

The patterns are matched by ``pathspec`` (git's own wildmatch rules); what it does not do, and this module
does, is git's layering. A path is judged by the ignore files of its own folder first, then of each folder
above it up to the repository root (``.ignore`` before ``.gitignore`` in each folder, as ripgrep does), then
``.git/info/exclude``, then the global excludes file (``core.excludesFile``, else ``$XDG_CONFIG_HOME/git/ignore``):
the first file with a pattern that matches decides, and within a file the last matching pattern (``!`` negates).
An ignored folder is not entered, so nothing under it can be re-included, as in git. As in ruff and ripgrep,
the patterns decide, not git's index: a committed file that a pattern matches is left out too.

Outside a git repository only the ``.gitignore`` and ``.ignore`` files of the walked folder and below count.
A folder named on the command line is walked even when it is itself ignored (the ignore files above it are then
not consulted); a file named on the command line is always checked (``newslint.running.one_file.collect`` does not ask).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

IGNORE_FILES = (".ignore", ".gitignore")  # in order of precedence within one folder
MAX_IGNORE_FILE = 1024 * 1024


def _spec(lines: list[str]) -> Any:
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    return spec if spec.patterns else None


def _read_lines(path: Path) -> list[str] | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_IGNORE_FILE:
            return None
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None


def repository_root(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (a folder, or a worktree's file)."""
    current = folder
    while True:
        if (current / ".git").exists():
            return current
        if current.parent == current:
            return None
        current = current.parent


def _git_dir(root: Path) -> Path | None:
    """The folder holding ``info/exclude``: ``.git``, or for a worktree or submodule (a ``.git`` file saying
    ``gitdir: PATH``) that folder, or the repository's common folder when it names one (``commondir``)."""
    dot_git = root / ".git"
    if dot_git.is_dir():
        return dot_git
    try:
        text = dot_git.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith("gitdir:"):
        return None
    target = Path(text[len("gitdir:") :].strip())
    git_dir = target if target.is_absolute() else (root / target).resolve()
    try:
        common = (git_dir / "commondir").read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return git_dir
    return (git_dir / common).resolve() if common else git_dir


def global_excludes_file(root: Path) -> Path | None:
    """git's global excludes file: ``core.excludesFile`` as git itself reads it (every config file it
    reads, includes and ``GIT_CONFIG_GLOBAL`` honoured), else the XDG default."""
    configured = None
    try:
        proc = subprocess.run(
            ["git", "config", "--path", "--get", "core.excludesFile"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        )
        if proc.returncode == 0 and proc.stdout.strip():
            configured = Path(os.path.expanduser(proc.stdout.strip()))
    except (OSError, subprocess.SubprocessError):  # no git installed: the default location still counts
        pass
    if configured is not None:
        return configured if configured.is_absolute() else root / configured
    xdg = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(xdg) / "git" / "ignore"


class GitIgnore:
    """The ignore rules for one walked folder (``root``, as given on the command line)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self.ignored = 0  # files and folders left out, for the "folder holds no articles" warning
        self._folders: dict[str, list[Any]] = {}  # absolute folder -> its specs, in order of precedence
        self._outer: list[tuple[str, Any]] = []  # (folder the patterns are relative to, spec), after the folders
        self._chains: dict[str, list[tuple[int, Any]]] = {}  # folder -> _chain(folder)
        self._stop = self.root  # the highest folder whose ignore files count
        repo = repository_root(self.root)
        if repo is None:
            return
        chain = [repo, *(p for p in reversed(self.root.parents) if repo in p.parents)]
        outer: list[tuple[str, Any]] = []
        git_dir = _git_dir(repo)
        if git_dir is not None:
            lines = _read_lines(git_dir / "info" / "exclude")
            spec = _spec(lines) if lines else None
            if spec is not None:
                outer.append((str(repo), spec))
        global_file = global_excludes_file(repo)
        lines = _read_lines(global_file) if global_file is not None else None
        spec = _spec(lines) if lines else None
        if spec is not None:
            outer.append((str(repo), spec))
        for folder in chain:
            self._load(str(folder))
        self._outer = outer
        self._stop = repo
        if self.root != repo and self._matches(str(self.root), True):
            # The folder itself is ignored but was asked for by name: only its own ignore files count.
            self._outer = []
            self._stop = self.root
        self._chains.clear()

    def _load(self, folder: str) -> list[Any]:
        specs = self._folders.get(folder)
        if specs is None:
            specs = []
            for name in IGNORE_FILES:
                lines = _read_lines(Path(folder) / name)
                spec = _spec(lines) if lines else None
                if spec is not None:
                    specs.append(spec)
            self._folders[folder] = specs
        return specs

    def _chain(self, folder: str) -> list[tuple[int, Any]]:
        """The specs that judge the entries of ``folder``, in order of precedence, each with the length of the
        prefix (its folder and a ``/``) to cut from a path to make it relative to that spec's folder."""
        chain = self._chains.get(folder)
        if chain is None:
            chain = []
            stop = str(self._stop)
            current = folder
            while True:
                chain.extend((len(current.rstrip(os.sep)) + 1, spec) for spec in self._folders.get(current, ()))
                if current == stop or os.path.dirname(current) == current:
                    break
                current = os.path.dirname(current)
            chain.extend((len(base.rstrip(os.sep)) + 1, spec) for base, spec in self._outer)
            self._chains[folder] = chain
        return chain

    def _matches(self, path: str, is_dir: bool) -> bool:
        """Whether git would ignore ``path`` (absolute, under the folders whose ignore files are loaded)."""
        for cut, spec in self._chain(os.path.dirname(path)):
            rel = path[cut:].replace(os.sep, "/")
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                return bool(result.include)
        return False

    def enter(self, folder: str) -> None:
        """Read the ignore files of a folder the walk has reached (before judging what is in it). The walk is
        top-down, so every folder above it has been entered already and the chains cached so far stay right."""
        self._load(os.path.abspath(folder))

    def is_ignored(self, path: str, is_dir: bool) -> bool:
        ignored = self._matches(os.path.abspath(path), is_dir)
        if ignored:
            self.ignored += 1
        return ignored
