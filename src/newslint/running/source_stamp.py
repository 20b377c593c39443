"""A stamp of newslint's own source files in a development install, for the result cache's fingerprint.

The cache's fingerprint names the newslint version, and a wheel's code cannot change under its version. An
editable or source install (``pip install -e .``, ``PYTHONPATH=src``) is edited while its version stays the
same, so there the fingerprint also takes this stamp: the path, size and modification time (in nanoseconds) of
every source file of the package (``.py``, and the ``.yaml`` and ``.json`` it reads, such as the lexicons) and
of the repository's built-in ``rules/`` folder. Edit, add, remove or touch one and the run looks in another
cache folder. It costs one ``stat`` per file (about 150) and reads none, once per process.

A wheel carries the built-in packs inside the package (``_builtin_rules``): its stamp is empty, and its cache
folder is named by the version as before.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # the newslint package's folder
SOURCE_SUFFIXES = (".py", ".yaml", ".yml", ".json")
_stamps: dict[Path, str] = {}


def is_development_install(package: Path) -> bool:
    """Whether newslint runs from its source tree rather than from a wheel (which packages ``_builtin_rules``)."""
    return not (package / "_builtin_rules").is_dir()


def source_stamp(package: Path | None = None) -> str:
    """The stamp of ``package`` (newslint's own by default): empty for a wheel. Computed once per process."""
    package = PACKAGE if package is None else package
    stamp = _stamps.get(package)
    if stamp is None:
        stamp = _stamps[package] = compute_stamp(package)
    return stamp


def compute_stamp(package: Path) -> str:
    """A digest of the path, size and modification time of each source file, in the package and beside it in
    the repository's ``rules/`` folder (``src/newslint`` -> ``rules``)."""
    if not is_development_install(package):
        return ""
    digest = hashlib.blake2b(digest_size=16)
    for folder in (package, package.parent.parent / "rules"):
        for here, folders, names in os.walk(folder):
            folders[:] = sorted(f for f in folders if f != "__pycache__" and not f.startswith("."))
            for name in sorted(names):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(here, name)
                try:
                    seen = os.stat(path)
                except OSError:
                    continue
                digest.update(f"{path}\0{seen.st_size}\0{seen.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()
