"""Stage 6b, publishing: the stored rewrites that passed verification, every sentence
supported, as an Atom or RSS feed or a static site with an evidence page per article.
Publishing is idempotent: what is published is made from the store alone, so a second run
writes nothing, and an article rewritten again updates its entry."""
