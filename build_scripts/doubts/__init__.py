"""Doubts of the parse stage that stop nothing: located warnings about a text that reads, each read from the
parsed document and the raw text (so a parse kept in .cache/ gives the same ones), one module each:

- ``line_breaks``: a body line ending in no stop (a sentence broken across lines; a 落款 left in the body);
- ``unclosed_marks``: a quote or bracket left open, which makes the rest of its paragraph one sentence;
- ``chrome``: a line dropped as web-page chrome among the body's paragraphs, and a line kept that reads as chrome;
- ``doc_number``: a 文号 printed above the body other than the one documents.yaml gives the text.
"""

from __future__ import annotations

from ..errors import SourceWarning
from ..load.texts import RawText
from ..model import Document
from .chrome import chrome_in_body, chrome_kept
from .doc_number import doc_number_lines
from .line_breaks import broken_lines
from .unclosed_marks import unclosed_marks


def text_doubts(document: Document, raw: RawText) -> list[SourceWarning]:
    """Every doubt about ``document``, parsed from ``raw``."""
    return [
        *doc_number_lines(document, raw),
        *broken_lines(document, raw),
        *unclosed_marks(document, raw),
        *chrome_in_body(document, raw),
        *chrome_kept(document, raw),
    ]
