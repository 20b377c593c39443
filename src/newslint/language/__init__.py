"""The rule language: its schema types, patterns, pattern sets, option types and the loaded rule model.

Check kinds (``newslint.checks``) are built from these; rule files are read by ``newslint.rules``.
"""
