"""Stage 3, text: the language tools every later stage shares: sentences (`sentences`),
spaCy's parse (`parse`), the facts a sentence states (`facts`: numbers, names, roles,
quotations), the article's language (`language`) and how much of a text is its
source's wording (`copying`).
"""
