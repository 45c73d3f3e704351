"""Tracking change over time: git history of the texts, the change log, and redirects for removed clauses."""
