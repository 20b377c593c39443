"""Running a check: one document (``linter``), one file (``one_file``), many files (``many_files``), a whole
configured run (``check_run``), and what goes with it: cache, suppression, fixes, findings, timing.
"""
