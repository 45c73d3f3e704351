"""Page builders: each module turns part of the linked ``Site`` into ``PageSpec`` objects."""
