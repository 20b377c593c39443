"""``python -m newslint``."""

from .entry import main

main()
