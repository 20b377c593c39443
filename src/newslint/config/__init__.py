"""Configuration: the configuration file (``file``), which one governs a path (``discovery``), and the rules
defined in code from it (``code_rules``).
"""
