"""Rule files: the rule-file language declared once (``definitions``), loading and validation (``loader``), and
the built-in packs' precompiled table (``precompiled``).
"""
