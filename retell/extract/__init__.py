"""Stage 2, extract: a `Page` becomes an `Article`. An HTML page goes through trafilatura
(`html`); a scraped text dump through retell's own cleaner (`scraped`), which takes out
date headers, slugs, doubled captions, teasers and notices. Dates (`dates`) and research-set
tokenisation (`treebank`) are read here too.
"""
