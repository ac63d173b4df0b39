"""The store: rewrites, verdicts and failures of batch runs in SQLite (`sqlite`), keyed by
the page and the settings so a run resumes where it stopped.
"""
