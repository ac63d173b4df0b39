"""Many inputs into the store: the driver (`run`), near-duplicate detection (`dedup`), and
the engines that rewrite (`engine`: in this process or a local pool; `ray_cluster`: Ray
actors).
"""
