"""How the printed 公文 sets a line, which the page follows and a citation counts by.

A notice prints its title centred (often over two or three lines), its 文号 under it and its 落款
(issuing body, date) to the right; the plan it issues opens under its own title. Those lines are
clauses like any other (each keeps its id and link); ``line_layouts`` says which they are, for the
document page's layout and for ``citation`` (a body's title line is not one of its paragraphs).
"""

from __future__ import annotations

from . import patterns
from .model import Clause, ClauseKind, Document

# How a line is set (``line_layouts``): a masthead (发文机关标志, 国家知识产权局文件), a title and the
# 文号 centred, the 落款 (issuing body, date) to the right; every other line as running text.
LAYOUTS = ("masthead", "title", "number", "signature")
_TITLE_MARKS = str.maketrans("", "", '《》〈〉“”"')


def line_layouts(document: Document) -> dict[str, str]:
    """The layout of each line that has one (clause id → one of ``LAYOUTS``).

    A title is the first lines of the covering notice (after its masthead and 文号, where a printed
    公文 puts them), or of the body (the plan the notice issues), while their words together are part
    of the document's title: a title printed over two or three lines (关于新形势下加快知识产权 /
    强市建设的实施意见). In the notice, a masthead is the issuer alone (or with 文件) before any running
    text, the 文号 line the document's number alone, and a 落款 line the issuer alone or a written
    date after running text.
    """
    meta = document.meta
    issuers = {_squashed(name) for name in patterns.ISSUER_SEPARATOR_RE.split(meta.issuer.strip()) if name}
    mastheads = issuers | {f"{name}文件" for name in issuers}
    number = _squashed(meta.doc_number)
    notice = [c for c in document.clauses if c.kind is ClauseKind.PREAMBLE]
    head = 0  # the masthead and 文号 lines above the title
    while head < len(notice) and _squashed(notice[head].text) in {*mastheads, number}:
        head += 1
    layouts = dict.fromkeys(_title_lines(notice[head:], meta.title), "title")
    layouts.update(dict.fromkeys(_title_lines(_opening_paragraphs(document), meta.title), "title"))
    in_text = False  # past the head: a line equal to the issuer is now its 落款
    for clause in notice:
        text = _squashed(clause.text)
        if clause.id in layouts or not text:
            continue
        if text == number:
            layouts[clause.id] = "number"
        elif not in_text and text in mastheads:
            layouts[clause.id] = "masthead"
        elif in_text and (text in issuers or patterns.WRITTEN_DATE_RE.match(text)):
            layouts[clause.id] = "signature"
        else:
            in_text = True
    return layouts


def _opening_paragraphs(document: Document) -> list[Clause]:
    """The body's unnumbered paragraphs before its first numbered clause (where a plan's title stands)."""
    lines = []
    for clause in document.clauses:
        if clause.parent or clause.kind in (ClauseKind.SENTENCE, ClauseKind.PREAMBLE):
            continue  # a line's sentences, anything inside a numbered clause, the notice
        if clause.kind is not ClauseKind.PARAGRAPH:
            break
        lines.append(clause)
    return lines


def _title_lines(lines: list[Clause], title: str) -> list[str]:
    """The ids of the first of ``lines`` while together they are part of ``title``. A title that the
    lines carry only in part (a plan's title with its years on a line of their own that the notice's
    title lacks) is set as far as it goes."""
    whole = _squashed(title)
    found: list[str] = []
    joined = ""
    for clause in lines:
        text = _squashed(clause.text)
        if not text or joined + text not in whole:
            break
        joined += text
        found.append(clause.id)
    return found if len(joined) >= 4 else []  # a word or two that happen to be in the title are no title


def _squashed(text: str) -> str:
    return patterns.HSPACE_RE.sub("", text).translate(_TITLE_MARKS)
