"""Stage 3, text: the language tools every later stage shares: sentences (`sentences`),
spaCy's parse (`parse`), the facts a sentence states (`facts`: numbers, names, roles,
quotations) and the article's language (`language`).
"""
