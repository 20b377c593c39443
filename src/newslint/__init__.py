"""newslint: a content-compliance linter for news and financial articles."""

__version__ = "0.1.0"
