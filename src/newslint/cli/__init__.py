"""The command line on top: ``main`` (the console entry point), ``app`` (the typer commands) and one module per
command that has its own logic.
"""
