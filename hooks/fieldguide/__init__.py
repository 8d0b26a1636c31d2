"""The field guide's data: load and validate data/roles.yml, render it into pages.

Independent of MkDocs on purpose: hooks/fieldguide_hook.py only wires it into
MkDocs' events, and `python -m fieldguide` checks the data from the command line.
"""
