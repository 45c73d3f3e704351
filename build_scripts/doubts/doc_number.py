"""A doubt of the parse stage that stops nothing: a 文号 printed above the body that is not the one
documents.yaml gives the text.

A covering notice prints its 文号 on a line of its own under the title (国办函〔2016〕66号). The entry's
``doc_number`` is typed by staff, and a typo in it (川知发〔2017〕13号 for 12号) would publish the document under a
文号 no one cites, and show the text's own 文号 line as a citation of a document the site lacks. The line may be
the one mistyped, so it is a warning at the line, not an error.
"""

from __future__ import annotations

import unicodedata

from .. import patterns
from ..clean import split_lines
from ..errors import SourceWarning
from ..load.texts import RawText
from ..model import NUMBERED_KINDS, Document

EXPECTED = "expected the 文号 documents.yaml gives this text, {given!r}, on the line of its own that prints one"
FOUND = "found {printed!r}: is one of the two mistyped?"


def doc_number_lines(document: Document, raw: RawText) -> list[SourceWarning]:
    """A warning at each line before the first numbered part of ``document`` (parsed from ``raw``) that holds a
    文号 alone (full-width digits read as digits), other than the entry's ``doc_number``."""
    numbered = [clause.line for clause in document.clauses if clause.kind in NUMBERED_KINDS]
    raw_lines = split_lines(raw.text)
    head = raw_lines[: min(numbered) - 1] if numbered else raw_lines
    given = document.meta.doc_number
    warnings = []
    for number, written in enumerate(head, start=1):
        printed = unicodedata.normalize("NFKC", written).strip()
        if given and patterns.DOC_NUMBER_RE.fullmatch(printed) and printed != given:
            column = len(written) - len(written.lstrip()) + 1
            message = f"{EXPECTED.format(given=given)}, {FOUND.format(printed=printed)}"
            warnings.append(SourceWarning(raw.path, number, column, message))
    return warnings
