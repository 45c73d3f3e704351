"""The parse stage: a source text's cleaned lines → a ``Document``, a tree of clauses following the text's own
numbering (``tree``), its tables read cell by cell (``tables``), its body bounded and its chrome dropped
(``document``), each paragraph split into sentences (``sentences``)."""

from .document import parse_document
from .tree import SPLIT_KINDS, heading_title

__all__ = ["SPLIT_KINDS", "heading_title", "parse_document"]
