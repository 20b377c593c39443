"""Which configuration file governs a linted file: the nearest one, as ruff does.

From the file's folder upward, the first folder holding ``.newslint.yaml``, ``newslint.yaml`` or a
``pyproject.toml`` with a ``[tool.newslint]`` table (in that order of preference) wins. The search stops at
the repository root (the folder holding ``.git``, a folder or a worktree's file); outside a repository it goes
up to the file system's root. Answers are cached per folder, so a run over a thousand files in ten folders
looks at ten folders.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newslint.config.file import CONFIG_NAMES, has_newslint_table


class ConfigFinder:
    def __init__(self) -> None:
        self._by_folder: dict[Path, Path | None] = {}
        self._resolved: dict[Path, Path] = {}  # folder as given -> its real path

    def for_file(self, path: Path) -> Path | None:
        """The configuration file for a linted file (or for a folder's files, given the folder)."""
        try:
            st = os.lstat(path)
        except OSError:
            st = None
        if st is not None and stat.S_ISREG(st.st_mode):
            # The common case: a plain file. Its folder is resolved once for all the files in it.
            return self.for_folder(self._real(path.parent))
        start = self._real(path)
        try:
            is_dir = start.is_dir()
        except OSError:
            is_dir = False
        return self.for_folder(start if is_dir else start.parent)

    def _real(self, path: Path) -> Path:
        real = self._resolved.get(path)
        if real is None:
            try:
                real = path.resolve()
            except (OSError, RuntimeError):  # a symbolic link loop: the file is reported unreadable later
                real = Path(os.path.abspath(path))
            self._resolved[path] = real
        return real

    def for_folder(self, folder: Path) -> Path | None:
        visited: list[Path] = []
        found: Path | None = None
        current: Path | None = folder
        while current is not None:
            if current in self._by_folder:
                found = self._by_folder[current]
                break
            visited.append(current)
            found = config_in(current)
            if found is not None or (current / ".git").exists():
                break
            parent = current.parent
            current = parent if parent != current else None
        for seen in visited:
            self._by_folder[seen] = found
        return found


def config_in(folder: Path) -> Path | None:
    """The configuration file of one folder, if it has one."""
    for name in CONFIG_NAMES:
        candidate = folder / name
        if not candidate.is_file():
            continue
        if name == "pyproject.toml" and not has_newslint_table(candidate):
            continue
        return candidate
    return None
