"""Inflected forms of English words, by construction rather than by hand-written suffix rules.

``lemminflect`` (a maintained English inflection library) gives every form of a lemma: promise -> promises,
promised, promising; office -> offices. It costs about 0.1 s to import (numpy), so it is never imported at
start-up: the forms newslint needs are generated ahead of time into ``forms.json`` (the lexicons' words and the
built-in packs' ``terms``; ``python -m newslint.rules.forms_build`` rewrites it) and the library is imported
only for a word missing from that table (a user's rule file), once per process.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

TABLE = Path(__file__).with_name("forms.json")
_known: dict[str, Any] | None = None


def _table() -> dict[str, Any]:
    global _known
    if _known is None:
        try:
            data = json.loads(TABLE.read_text(encoding="utf-8"))
            _known = {str(k): v if k.startswith("verb:") else tuple(v) for k, v in data.items()}
        except (OSError, ValueError, AttributeError):
            _known = {}
    return _known


def _tagged(word: str) -> dict[str, tuple[str, ...]]:
    """Penn tag -> forms, as lemminflect knows them for ``word`` taken as a lemma (and for its own lemmas)."""
    try:
        from lemminflect import getAllInflections, getAllLemmas
    except ImportError:  # pragma: no cover - a declared dependency; degrade to the word itself
        return {"": (word,)}
    lemmas = {word}
    for values in getAllLemmas(word).values():
        lemmas.update(values)
    out: dict[str, set[str]] = {"": {word}}
    for lemma in sorted(lemmas):
        out[""].add(lemma)
        for tag, values in getAllInflections(lemma).items():
            out.setdefault(tag, set()).update(values)
    return {tag: tuple(sorted(v, key=lambda f: (-len(f), f))) for tag, v in out.items()}


def _generate(word: str) -> tuple[str, ...]:
    forms: set[str] = set()
    for values in _tagged(word).values():
        forms.update(values)
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=1024)
def verb_forms(lemma: str, tags: tuple[str, ...]) -> tuple[str, ...]:
    """The forms of a verb with these Penn tags (VBD past, VBN participle, VBZ third person, VBG -ing)."""
    known = _table().get("verb:" + lemma)
    tagged = {t: tuple(v) for t, v in known} if known is not None else _tagged(lemma)
    forms: set[str] = set()
    for tag in tags:
        forms.update(tagged.get(tag, ()))
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


@lru_cache(maxsize=4096)
def inflections(word: str) -> tuple[str, ...]:
    """The forms of ``word`` (lower case, longest first, the word itself included). Not a word (a number, an
    abbreviation in capitals, a Devanagari word): the word alone."""
    low = word.lower()
    if not low.isascii() or not low.isalpha() or len(low) < 3 or (word.isupper() and len(word) > 1):
        return (low,)
    known = _table().get(low)
    if known is not None:
        return known
    return _generate(low)


def build(words: list[str], verbs: list[str]) -> dict[str, list]:
    table: dict[str, list] = {
        w: list(_generate(w)) for w in sorted({w.lower() for w in words if w.isascii() and w.isalpha()})
    }
    for v in sorted(set(verbs)):
        table["verb:" + v] = sorted([tag, list(forms)] for tag, forms in _tagged(v).items())
    return table
