"""Check kinds, one module each. ``CHECKS`` maps a rule's check key to its class."""

from __future__ import annotations

from .altered import Altered
from .base import Check
from .blocks import Blocks
from .conditional import Conditional
from .forbid import Forbid
from .metadata import Metadata
from .require import Require
from .substitution import Substitution

CHECKS: dict[str, type[Check]] = {
    cls.kind: cls for cls in (Forbid, Require, Conditional, Substitution, Metadata, Blocks, Altered)
}

__all__ = ["CHECKS", "Check"]
