"""A doubt of the parse stage that stops nothing: a quote or bracket opened and never closed in its paragraph.

Sentences are split at 。！？； outside quotes and brackets (``parse/sentences.py``), so a “ typed without its ”
(or a （ without its ）) makes the rest of the paragraph one sentence: the sentences after it lose their ids,
their anchors and their links. The build then asks for a redirects.yaml entry for each id lost, at the
paragraph's line, and a new text is published so without a word. So each such mark is said as a warning at
the mark, when at least one sentence end falls after it: a mark left open after the paragraph's last stop
merges nothing (a title cut short, 见《规划) and is not said. A warning, not an error: a quotation may run on
over several sentences of one paragraph, closed in the next (as in print). When the ids it cost stop the
build, it is said with those problems (``CauseWarning``), which it explains.
"""

from __future__ import annotations

from .. import clean, patterns
from ..errors import CauseWarning
from ..load.texts import RawText
from ..model import Document
from ..parse import SPLIT_KINDS

MESSAGE = (
    "expected a closing {closer} for the {opener} here in its paragraph, found none: "
    "the {count} sentence(s) after it are read as part of one"
)


def unclosed_marks(document: Document, raw: RawText) -> list[CauseWarning]:
    """A warning at the first mark left open in each clause of ``document`` split into sentences (parsed from
    ``raw``) that sentence ends follow. Read from the parsed document, so a parse kept in .cache/ warns too."""
    raw_lines = clean.split_lines(raw.text)
    warnings = []
    for clause in document.clauses:
        if clause.kind not in SPLIT_KINDS:
            continue
        at = _first_unclosed(clause.text)
        count = _stops_after(clause.text, at) if at is not None else 0
        if at is None or count == 0:
            continue
        opener = clause.text[at]
        if opener in _QUOTES and not clause.text[len(clause.label) : at].strip():
            continue  # a quotation of several paragraphs opens each with “ and closes only the last (as printed)
        line = clause.line + clause.text.count("\n", 0, at)
        written = clause.text[clause.text.rfind("\n", 0, at) + 1 : at + 1]  # the clause's line up to the mark
        column = _column(raw_lines[line - 1] if 0 < line <= len(raw_lines) else "", written)
        closer = patterns.CLOSERS[patterns.OPENERS.index(opener)]
        warnings.append(CauseWarning(raw.path, line, column, MESSAGE.format(closer=closer, opener=opener, count=count)))
    return warnings


def _first_unclosed(text: str) -> int | None:
    """Where the outermost mark still open at the end of ``text`` stands, counted as the sentence splitter
    counts (any closer closes the last mark opened), or None."""
    opened: list[int] = []
    for mark in patterns.SENTENCE_MARK_RE.finditer(text):
        if mark.group() in patterns.OPENERS:
            opened.append(mark.start())
        elif mark.group() in patterns.CLOSERS and opened:
            opened.pop()
    return opened[0] if opened else None


def _stops_after(text: str, at: int) -> int:
    """The sentence ends after ``at`` that more words follow: each would have ended a sentence."""
    rest = text[at:]
    return sum(
        1
        for mark in patterns.SENTENCE_MARK_RE.finditer(rest)
        if mark.group() in patterns.SENTENCE_END and rest[mark.end() :].strip(patterns.CLOSERS + " \u3000\n")
    )


# The marks clean_text may have made from another (a half-width bracket or quote), each with the marks of its kind:
# each mark of a kind typed is one of that kind in the clean line, in the same order.
_KINDS = ("（）()", '“”"', "‘’'")
_QUOTES = "“‘"


def _column(raw_line: str, written: str) -> int:
    """1-based column, in the raw line, of the last character of ``written`` (the clean line up to the mark): the
    n-th mark of its kind in the raw line, as it is the n-th in the clean one (counted, not matched: a regex of the
    line up to the mark took seconds on a long line)."""
    mark = written[-1]
    kind = next((kind for kind in _KINDS if mark in kind), mark)
    nth = sum(written.count(ch) for ch in kind)
    seen = 0
    for column, ch in enumerate(raw_line, start=1):
        seen += ch in kind
        if seen == nth:
            return column
    return 1
