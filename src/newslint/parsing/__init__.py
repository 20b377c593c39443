"""Parsing: decoded HTML or Markdown into a positioned ``Document`` (``parse.parse_source`` is the entry point)."""
