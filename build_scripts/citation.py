"""How a reader cites a clause: ``《简称》（文号）第四部分第（二）条第3项``.

The document page prints, at build time, the document part once
(``data-cite-doc`` on the metadata list) and the position part on every
addressable element (``data-cite`` on clauses, sentences, headings and table
rows); the copy button in ``overrides/assets/javascripts/site.js`` only joins
them with the URL.

Wording by clause kind (numbering as printed in the text):

=====================  ====================================================
section ``二、``         第二部分
subsection ``（二）``     第二部分第（二）条
item ``3.``              第四部分第（二）条第3项 — in a document whose items are
                         numbered through the whole text (国办函〔2016〕66号's
                         tasks) just 第14项
subitem ``（1）``         …第3项第（1）目
box ``专栏1``             专栏1
table / row / header     表1 / 表1第2行 / 表1表头 / 表1注
paragraph                its parent's position + 第N段 (``正文第N段`` at top level); a top-level
                         paragraph after the numbered parts (106号's closing call) is 正文末段,
                         or 正文结尾第N段 when more than one follow them: 正文第2段 sent readers
                         to the second paragraph under the title
the body's title         正文标题, or 正文标题第N行 for a title printed over lines
                         (``layout.line_layouts``: not one of the body's paragraphs)
preamble                 文首第N行
sentence                 its clause's position + 第N句
=====================  ====================================================

The N of a paragraph, preamble line, sentence, table row and table is where the reader sees it:
its 1-based place among the siblings of its kind in text order (``sibling_positions``), never the
number in its id. Ids keep their number when a sibling is inserted or removed
(``track/lineage.py``): ``…/2-1/p1a`` is the second paragraph, and after it ``p2`` the third.
A heading's first sentence (``（一）加强保护。``) is its 第1句, as on the 对照 pages.

A clause that is gone (redirects.yaml) is cited as it stood in the newest committed version that had
it with the words the site published under its id (``track/versions.py``), and not at all when none
did: the number in its id is no place.

Every position is made of CJK text, full-width punctuation and digits only (``is_plain_citation``;
test_citation checks each of the texts'), as a Markdown ``attr_list`` value needs: a heading's goes
there through the ``toc_label`` filter all the same, so one that held ASCII punctuation could not
break its heading.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import assert_never

from .layout import line_layouts
from .model import Clause, ClauseKind, Document
from .numerals import int_to_cn

# Kinds cited by their place among their siblings (第N段, 第N句, 第N行, 文首第N行, 表N).
POSITIONED_KINDS = frozenset(
    {ClauseKind.PARAGRAPH, ClauseKind.PREAMBLE, ClauseKind.SENTENCE, ClauseKind.TABLE_ROW, ClauseKind.TABLE}
)
# ASCII punctuation a Markdown attribute value or HTML attribute could act on.
_UNSAFE = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]")


def document_citation(document: Document) -> str:
    """``《重点任务分工方案》（国办函〔2016〕66号）``."""
    return f"{document.meta.cited_title}（{document.meta.doc_number}）"


def sibling_positions(clauses: Iterable[Clause]) -> dict[str, int]:
    """Clause id → its 1-based place among the clauses of its kind under the same parent, in the
    order given (a document's text order), for the kinds in ``POSITIONED_KINDS``.

    Tables are counted through the whole document, as the text numbers them (表1, 表2).
    """
    counts: dict[tuple[str | None, ClauseKind], int] = {}
    found: dict[str, int] = {}
    for clause in clauses:
        if clause.kind not in POSITIONED_KINDS:
            continue
        key = (None if clause.kind is ClauseKind.TABLE else clause.parent, clause.kind)
        counts[key] = found[clause.id] = counts.get(key, 0) + 1
    return found


def _label_core(label: str) -> str:
    """``一、`` → ``一``, ``3.`` → ``3``, ``（二）`` stays ``（二）``."""
    return label.strip().rstrip("、.．").strip()


def paragraph_place(place: int, *, in_article: bool) -> str:
    """A paragraph's place as its citation writes it, and a task that is a paragraph is numbered by it: 第3段
    (``place``: 1-based among its parent's paragraphs, ``reading_places``), or in an article (第五条) its 款 as
    laws cite one, 第二款 for the first paragraph after the article's own line, which is its 第一款."""
    return f"第{int_to_cn(place + 1)}款" if in_article else f"第{place}段"


def _position(
    clause: Clause, up: Callable[[], str], place: int, *, global_items: bool, in_article: bool = False
) -> str:
    """The position part of one clause's citation, given how to get its parent's (``up``) and its
    place among its siblings (``sibling_positions``; 0 for the kinds cited by their label).
    ``in_article``: the parent is an article (第五条), whose （一） is a 项 and whose further
    paragraphs are its 款 (the article's own line is its 第一款)."""
    kind = clause.kind
    if kind is ClauseKind.SENTENCE:  # first: most clauses are sentences
        return f"{up()}第{place}句"
    label = _label_core(clause.label)
    if kind in (ClauseKind.CHAPTER, ClauseKind.ARTICLE):  # 第二章, 第十五条: cited alone
        return label
    if kind is ClauseKind.SUBSECTION:
        return f"{up()}第{label}项" if in_article else f"{up()}第{label}条"
    if kind is ClauseKind.PARAGRAPH and in_article:
        return f"{up()}{paragraph_place(place, in_article=True)}"
    if kind is ClauseKind.SECTION:
        return f"第{label}部分"
    if kind is ClauseKind.ITEM:
        return f"第{label}项" if global_items else f"{up()}第{label}项"
    if kind is ClauseKind.SUBITEM:
        return f"{up()}第{label}目"
    if kind is ClauseKind.BOX:
        return label
    if kind is ClauseKind.TABLE:
        return f"表{place}"
    if kind is ClauseKind.TABLE_HEADER:
        return f"{up()}表头"
    if kind is ClauseKind.TABLE_ROW:
        return f"{up()}第{place}行"
    if kind is ClauseKind.TABLE_NOTE:
        return f"{up()}注"
    if kind is ClauseKind.PARAGRAPH:
        return f"{up() or '正文'}{paragraph_place(place, in_article=False)}"
    if kind is ClauseKind.PREAMBLE:
        return f"文首第{place}行"
    assert_never(kind)


def body_title(document: Document) -> dict[str, int]:
    """The body's title lines (``layout.line_layouts``) → their line number: cited 正文标题第N行, and
    not among the body's paragraphs."""
    layouts = line_layouts(document)
    lines = (c.id for c in document.clauses if c.kind is ClauseKind.PARAGRAPH and layouts.get(c.id) == "title")
    return {clause_id: line for line, clause_id in enumerate(lines, start=1)}


def reading_places(document: Document, title: dict[str, int] | None = None) -> dict[str, int]:
    """``sibling_positions`` of the document's clauses as a reader counts them: its body's title lines
    (``body_title``, or ``title`` when the caller has it) are no paragraphs, so 为落实… is 第1段."""
    title = body_title(document) if title is None else title
    return sibling_positions(clause for clause in document.clauses if clause.id not in title)


def closing_paragraphs(document: Document) -> dict[str, str]:
    """The body's paragraphs after its numbered parts (at top level, after a section, chapter,
    article, box or item) → 正文末段, or 正文结尾第N段 when there are more than one."""
    closing: list[str] = []
    numbered = False
    for clause in document.clauses:
        if clause.parent is not None:
            continue
        if clause.kind is ClauseKind.PARAGRAPH:
            if numbered:
                closing.append(clause.id)
        elif clause.kind is not ClauseKind.PREAMBLE:
            numbered, closing = True, []  # a paragraph between two parts is no closing one
    if len(closing) == 1:
        return {closing[0]: "正文末段"}
    return {clause_id: f"正文结尾第{n}段" for n, clause_id in enumerate(closing, start=1)}


@functools.lru_cache(maxsize=32)
def positions(document: Document) -> Mapping[str, str]:
    """Clause id → position part of its citation, for every clause of ``document`` (read-only).

    Each parent's position is worked out once and reused by all its children (a paragraph
    has several sentences, a section many clauses), instead of once per descendant. Kept per
    document (a frozen value): a build asks for a document's positions for its page, the search
    index, the task pages, the 对照 pages and 变更记录; each is worked out once.
    """
    by_id = {clause.id: clause for clause in document.clauses}
    title = body_title(document)
    places = reading_places(document, title)
    closing = closing_paragraphs(document)
    global_items = document.meta.item_numbering == "global"
    parent_positions: dict[str | None, str] = {}

    def position(clause: Clause) -> str:
        if clause.id in title:
            return f"正文标题第{title[clause.id]}行" if len(title) > 1 else "正文标题"
        if clause.id in closing:
            return closing[clause.id]
        parent = by_id.get(clause.parent) if clause.parent else None
        return _position(
            clause,
            lambda: parent_position(clause.parent),
            places.get(clause.id, 0),
            global_items=global_items,
            in_article=parent is not None and parent.kind is ClauseKind.ARTICLE,
        )

    def parent_position(parent_id: str | None) -> str:
        if parent_id not in parent_positions:
            parent = by_id.get(parent_id) if parent_id else None
            parent_positions[parent_id] = position(parent) if parent else ""
        return parent_positions[parent_id]

    return MappingProxyType({clause.id: position(clause) for clause in document.clauses})


def citation(document: Document, clause: Clause) -> str:
    """The whole citation text (without URL): ``《简称》（文号）第X项``."""
    return document_citation(document) + positions(document)[clause.id]


def is_plain_citation(text: str) -> bool:
    return not _UNSAFE.search(text)
