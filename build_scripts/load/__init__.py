"""The load stage: the source texts and the curated YAML beside them, read with their positions.

- ``texts``: a source text's bytes decoded (UTF-8, BOM, GBK), refused when misread;
- ``located_yaml``: a curated YAML file, every value with its line and column;
- ``curated``: the toolkit for a curated file's entries (fields checked, errors at the value);
- ``collection``: what ``documents.yaml`` and ``external.yaml`` mean: the documents collected, and
  those the texts cite that the site does not hold.
"""
