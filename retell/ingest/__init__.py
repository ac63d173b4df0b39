"""Stage 1, ingest: bytes from files, standard input, folders, URLs, feeds, URL lists
and WARC archives become `Page`s (`sources`), decoded to text whatever their encoding
(`decode`).
"""
