"""newslint: a content-compliance linter for news and financial articles.

The Python API (``check_text``, ``check_file``, ``Finding``...) lives in :mod:`newslint.api` and is imported
on first use, so that ``import newslint`` (and every ``newslint`` command, which imports this package) stays
cheap. See docs/api.md.
"""

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (type checkers know this idiom)

__version__ = "0.1.0"

_API_NAMES = frozenset(("CheckError", "Finding", "Fix", "RuleInfo", "check_file", "check_text", "rule_info"))

if TYPE_CHECKING:
    from typing import Any

    from newslint.api import CheckError, Finding, Fix, RuleInfo, check_file, check_text, rule_info

__all__ = ["CheckError", "Finding", "Fix", "RuleInfo", "__version__", "check_file", "check_text", "rule_info"]


def __getattr__(name: str) -> "Any":
    if name in _API_NAMES:
        import newslint.api

        return getattr(newslint.api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API_NAMES])
