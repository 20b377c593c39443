"""Check kinds, one module each. ``CHECKS`` maps a rule's check key to its class."""

from __future__ import annotations

from newslint.checks.altered import Altered
from newslint.checks.base import Check
from newslint.checks.blocks import Blocks
from newslint.checks.conditional import Conditional
from newslint.checks.forbid import Forbid
from newslint.checks.metadata import Metadata
from newslint.checks.require import Require
from newslint.checks.substitution import Substitution

CHECKS: dict[str, type[Check]] = {
    cls.kind: cls for cls in (Forbid, Require, Conditional, Substitution, Metadata, Blocks, Altered)
}

__all__ = ["CHECKS", "Check"]
