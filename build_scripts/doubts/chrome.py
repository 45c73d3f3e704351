"""Doubts of the parse stage that stop nothing: a line dropped as web-page chrome among the body's paragraphs,
and a line kept that reads as chrome.

``dropped_lines`` lists the lines of a copied web page that are no part of the document (打印, 关闭窗口, 大 中 小),
and each is dropped wherever it stands, so that one list serves a page's toolbar above the text and below it.
Chrome stands before the body or after it; a line of the same words between two of the body's paragraphs is
most likely the text's own, dropped with the chrome. So it is said as a warning at the line: staff take the
words out of ``dropped_lines`` when the text means them, or leave them when the page put its toolbar there.

The other way round, a text pasted with a page's toolbar, footer or path that ``dropped_lines`` does not list
would publish them as the document's lines (a clause with its own link, a paragraph of a task, the 落款's), so a
kept line that reads as chrome (``patterns.CHROME_LINE_RE``: 打印 关闭窗口, 【字体：大 中 小】, 京ICP备…, 首页 > …)
is said at it, wherever it stands: staff list it under ``dropped_lines``.
"""

from __future__ import annotations

import unicodedata

from .. import patterns
from ..clean import split_lines
from ..errors import SourceWarning, excerpt
from ..load.texts import RawText
from ..model import NUMBERED_KINDS, ClauseKind, Document

EXPECTED = "expected dropped line {text!r} (web-page chrome) before or after the body"
FOUND = (
    "found it among the body's paragraphs: it is dropped there too; if the text means it, take it out of dropped_lines"
)


def chrome_in_body(document: Document, raw: RawText) -> list[SourceWarning]:
    """A warning at each dropped line of ``document`` (parsed from ``raw``) that lies between two lines of its
    body: from its first numbered part (before it stand the title's and the notice's lines, as in line_breaks;
    without numbering, from the first line after ``body_starts_at``) to its last clause."""
    body = [
        (clause.line, clause.line + clause.text.count("\n"))
        for clause in document.clauses
        if clause.kind not in (ClauseKind.PREAMBLE, ClauseKind.SENTENCE)
    ]
    if not body or not document.dropped:
        return []
    numbered = [clause.line for clause in document.clauses if clause.kind in NUMBERED_KINDS]
    first = min(numbered) if numbered else min(start for start, _ in body)  # the title's lines may hold chrome
    last = max(end for _, end in body)
    raw_lines = split_lines(raw.text)
    warnings = []
    for line in document.dropped:
        if first < line.number < last:
            written = raw_lines[line.number - 1] if line.number <= len(raw_lines) else line.text
            column = len(written) - len(written.lstrip()) + 1
            message = f"{EXPECTED.format(text=line.text)}, {FOUND}"
            warnings.append(SourceWarning(raw.path, line.number, column, message))
    return warnings


KEPT = (
    "expected the text's own words, found {text!r}, which reads as web-page chrome (a toolbar, a footer, a path "
    "of the site): if it is, list it under dropped_lines in the text's documents.yaml entry"
)


def chrome_kept(document: Document, raw: RawText) -> list[SourceWarning]:
    """A warning at each line of ``raw`` that ``document`` kept (no dropped line) and that reads as chrome."""
    dropped = {line.number for line in document.dropped}
    warnings = []
    for number, written in enumerate(split_lines(raw.text), start=1):
        text = unicodedata.normalize("NFKC", written).strip()
        if number not in dropped and text and patterns.CHROME_LINE_RE.match(text):
            column = len(written) - len(written.lstrip()) + 1
            warnings.append(SourceWarning(raw.path, number, column, KEPT.format(text=excerpt(written.strip(), 40))))
    return warnings
