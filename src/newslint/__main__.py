"""``python -m newslint``."""

from .cli import main

main()
