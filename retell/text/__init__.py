"""Language tools the later stages share: reading research-set tokenisation, and (to come)
the parsed representation every check reads."""
