"""How the printed 公文 sets a line, which the page follows and a citation counts by.

A notice prints its title centred (often over two or three lines), its 文号 under it and its 落款
(issuing body, date) to the right; the plan it issues opens under its own title. Those lines are
clauses like any other (each keeps its id and link); ``line_layouts`` says which they are, for the
document page's layout and for ``citation`` (a body's title line is not one of its paragraphs).
"""

from __future__ import annotations

from . import patterns
from .model import ClauseKind, Document

# How a line is set (``line_layouts``): a title centred, the 文号 centred under it, the 落款 (issuing
# body, date) to the right; every other line as running text.
LAYOUTS = ("title", "number", "signature")
_TITLE_MARKS = str.maketrans("", "", '《》〈〉“”"')


def line_layouts(document: Document) -> dict[str, str]:
    """The layout of each line that has one (clause id → one of ``LAYOUTS``).

    A title is the first lines of the covering notice, or of the body (the plan the notice issues),
    while their words together are part of the document's title: a title printed over two or three
    lines (关于新形势下加快知识产权 / 强市建设的实施意见). In the notice, the 文号 line is the document's
    number alone, and a 落款 line the issuer alone or a written date.
    """
    meta = document.meta
    layouts = dict.fromkeys(_title_lines(document, ClauseKind.PREAMBLE), "title")
    layouts.update(dict.fromkeys(_title_lines(document, ClauseKind.PARAGRAPH), "title"))
    issuers = {_squashed(name) for name in patterns.ISSUER_SEPARATOR_RE.split(meta.issuer.strip()) if name}
    number = _squashed(meta.doc_number)
    for clause in document.clauses:
        if clause.kind is not ClauseKind.PREAMBLE or clause.id in layouts:
            continue
        text = _squashed(clause.text)
        if not text:
            continue
        if text == number:
            layouts[clause.id] = "number"
        elif text in issuers or patterns.WRITTEN_DATE_RE.match(text):
            layouts[clause.id] = "signature"
    return layouts


def _title_lines(document: Document, kind: ClauseKind) -> list[str]:
    """The ids of the first lines of ``kind`` at the top of the document (the notice's lines, or the
    body's paragraphs before its first numbered clause) that together are part of its title."""
    title = _squashed(document.meta.title)
    lines: list[str] = []
    joined = ""
    for clause in document.clauses:
        if clause.parent or clause.kind is ClauseKind.SENTENCE:
            continue  # a top-level line's sentences, or anything inside a numbered clause
        if clause.kind is not kind:
            if lines or (kind is ClauseKind.PARAGRAPH and clause.kind is not ClauseKind.PREAMBLE):
                break
            continue
        text = _squashed(clause.text)
        if not text or joined + text not in title:
            break
        joined += text
        lines.append(clause.id)
    return lines if len(joined) >= 4 else []  # a word or two that happen to be in the title are no title


def _squashed(text: str) -> str:
    return patterns.HSPACE_RE.sub("", text).translate(_TITLE_MARKS)
