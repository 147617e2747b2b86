"""`python -m paths`: the command line."""
