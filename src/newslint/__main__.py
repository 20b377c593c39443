"""``python -m newslint``."""

from newslint.cli.main import main

main()
