"""The `retell` command: a thin shell over the library (`main`, `batch`), with the progress
bar and the lazily built backend of a run of rewrites (`session`). The library never
imports it.
"""
