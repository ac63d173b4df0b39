"""Stage 4, rewrite: an `Article` becomes a draft. `selection` chooses the source sentences
to keep, `prompts` holds the instructions, `guard` refuses an answer that is cut off, too
long or invents figures, and `draft` runs the requests. Each retelling is shown to a
`Critic` the stage defines; the pipeline hands it the verifier, so this stage never
imports a later one.
"""
