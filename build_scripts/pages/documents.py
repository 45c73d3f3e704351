"""One page per document: metadata header and the full text laid out by its structure."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .. import citation, patterns
from ..layout import line_layouts
from ..model import Clause, ClauseKind, Document, DocumentMeta, Indicator, PageSpec, Site
from ..track.redirects import notice
from ..track.renumbering import note_parts
from .crossrefs import crossref_jumps

# How pages name a document's level (documents.yaml ``level``); a local one also names its place.
LEVEL_NAMES = {"national": "国家", "ministry": "部委", "provincial": "地方", "municipal": "地方"}
LOCAL_LEVELS = frozenset({"provincial", "municipal"})
# How the 元数据来源 panel names the metadata fields of documents.yaml.
FIELD_NAMES = {
    "title": "标题",
    "short_title": "简称",
    "doc_number": "文号",
    "issuer": "发文机关",
    "date": "成文日期",
    "published": "发布日期",
    "implements": "实施依据",
}
HEADING_KINDS = frozenset(
    {ClauseKind.CHAPTER, ClauseKind.SECTION, ClauseKind.SUBSECTION, ClauseKind.BOX, ClauseKind.TABLE}
)


@dataclass(frozen=True, kw_only=True)
class Block:
    """A clause as the document page lays it out, with its sentences."""

    clause: Clause
    sentences: tuple[Clause, ...]
    heading_level: int  # 0 for a paragraph-like block
    in_box: bool
    layout: str = ""  # a line set as the printed 公文 sets it: one of layout.LAYOUTS, or "" for running text

    @property
    def heading(self) -> str:
        """The words its heading shows: its first sentence, a 专栏's label and title (专栏1 知识产权法律完善工程),
        or the clause's text (a table's title)."""
        if self.sentences:
            return self.sentences[0].text
        if self.clause.kind is ClauseKind.BOX:
            return f"{self.clause.label} {self.clause.title}"
        return self.clause.text


def issuer_place(issuer: str) -> str:
    """The place a local issuer governs: 重庆市人民政府 → 重庆市, 中共四川省委 四川省人民政府 → 四川省;
    "" when no issuer reads as a place followed by its government or office (``patterns.ISSUER_PLACE_RE``).
    """
    for name in patterns.ISSUER_SEPARATOR_RE.split(issuer.strip()):
        match = patterns.ISSUER_PLACE_RE.match(name)
        if match:
            return match.group("place")
    return ""


def level_name(meta: DocumentMeta) -> str:
    """国家, 部委, or for a provincial or municipal document 地方（its issuer's place）: 地方（重庆市）,
    地方（四川省）; just 地方 when the issuer names no place."""
    name = LEVEL_NAMES.get(meta.level, meta.level)
    if meta.level in LOCAL_LEVELS:
        place = issuer_place(meta.issuer)
        return f"{name}（{place}）" if place else name
    return name


def document_path(slug: str) -> str:
    return f"documents/{slug}.md"


def blocks(document: Document) -> tuple[Block, ...]:
    layouts = line_layouts(document)
    sentences: dict[str, list[Clause]] = defaultdict(list)
    for clause in document.clauses:
        if clause.kind is ClauseKind.SENTENCE and clause.parent:
            sentences[clause.parent].append(clause)
    by_id = {clause.id: clause for clause in document.clauses}
    result = []
    for clause in document.clauses:
        if clause.kind is ClauseKind.SENTENCE or clause.kind in (ClauseKind.TABLE_HEADER, ClauseKind.TABLE_ROW):
            continue
        parent = by_id.get(clause.parent or "")
        level = 0  # an article's （一） is a 项 of its text, not a heading
        if clause.kind in HEADING_KINDS and not (parent is not None and parent.kind is ClauseKind.ARTICLE):
            level = {ClauseKind.CHAPTER: 2, ClauseKind.SECTION: 2, ClauseKind.SUBSECTION: 3}.get(clause.kind, 4)
        result.append(
            Block(
                clause=clause,
                sentences=tuple(sentences.get(clause.id, ())),
                heading_level=level,
                in_box=parent is not None and parent.kind is ClauseKind.BOX,
                layout=layouts.get(clause.id, ""),
            )
        )
    return tuple(result)


def contents(shown: tuple[Block, ...]) -> tuple[tuple[int, str, str], ...]:
    """(level, anchor, words) of each heading among a page's ``blocks``, as Material's sidebar lists them
    (sections, subsections, 专栏 and tables): its 目录 for screens without that sidebar (a document page is
    in no menu, so phones have none)."""
    return tuple((block.heading_level, block.clause.anchor, block.heading) for block in shown if block.heading_level)


def table_rows(document: Document, table: Clause) -> tuple[tuple[Clause, tuple[str, ...]], ...]:
    rows = []
    for clause in document.clauses:
        if clause.parent == table.id and clause.kind in (ClauseKind.TABLE_HEADER, ClauseKind.TABLE_ROW):
            rows.append((clause, tuple(clause.text.split("\n"))))
    return tuple(rows)


def page_links(site: Site, document: Document) -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Clause id → (URL, words, what the link opens) of each page built from the clause: a task's page (its
    责任单位, 重庆落实 and related clauses), or an indicator's for each goal it sets (a row of 86号's table; two
    in one of 59号's sentences, numbered 指标页1, 指标页2). The document's text is where readers arrive, and before
    session 38 only 66号's tasks linked their pages (by ⇄, when Chongqing takes them up)."""
    links: dict[str, tuple[tuple[str, str, str], ...]] = {
        task.clause: ((task.url, "任务页", f"任务页：{task.label}，责任单位与相关内容"),)
        for task in site.tasks
        if task.doc == document.slug
    }
    goals: dict[str, list[Indicator]] = {}
    for indicator in site.indicators:
        if indicator.doc == document.slug and indicator.clause and indicator.clause not in links:
            goals.setdefault(indicator.clause, []).append(indicator)
    for clause, indicators in goals.items():
        links[clause] = tuple(
            (
                f"/indicators/{indicator.id}/",
                "指标页" + (str(number) if len(indicators) > 1 else ""),
                f"指标页{number if len(indicators) > 1 else ''}：指标“{indicator.name}”",
            )
            for number, indicator in enumerate(indicators, start=1)
        )
    return links


def agency_links(site: Site, document: Document) -> dict[str, tuple[tuple[int, int, str, str], ...]]:
    """Sentence id → (start, end, URL, what the link opens) of each agency name the sentence gives, in text
    order: a 分工括注's （知识产权局、发展改革委、财政部负责） is where a reader asks what else an office does,
    and before session 39 no document page linked an agency's page."""
    links: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    prefix = document.slug + "/"
    for agency in site.agencies:
        for mention in agency.mentions:
            if mention.clause.startswith(prefix):
                links[mention.clause].append((mention.start, mention.end, agency.url, f"部门页：{agency.full_name}"))
    return {clause: tuple(sorted(found)) for clause, found in links.items()}


# What each rule of the clean stage (clean.RULES) does, as a document's 文本整理 box says it.
EDIT_RULES = {
    "one_character": "全角数字、字母改为半角，康熙部首等形近字符改为通用汉字",
    "invisible": "去掉不可见的格式字符",
    "markdown": "去掉网页转存留下的行首 Markdown 标记（# 和 -）",
    "parentheses": "括住汉字的半角括号 ( ) 改为全角",
    "punctuation": "汉字或全角标点旁的半角 , ; : ? ! 改为全角",
    "quotes": '一行中成对的直引号 " 改为“”',
}


def document_pages(site: Site) -> list[PageSpec]:
    pages = []
    for document in site.corpus.documents:
        implements_doc, implements_external = site.corpus.implemented(document.meta)
        cite = citation.positions(document)
        shown = blocks(document)
        pages.append(
            PageSpec(
                path=document_path(document.slug),
                template="document.md.jinja",
                context=(
                    ("document", document),
                    ("meta", document.meta),
                    ("level_name", level_name(document.meta)),
                    ("blocks", shown),
                    ("contents", contents(shown)),
                    (
                        "table_rows",
                        {c.id: table_rows(document, c) for c in document.clauses if c.kind is ClauseKind.TABLE},
                    ),
                    ("implements_doc", implements_doc),
                    ("implements_external", implements_external),
                    ("provenance", dict(document.meta.provenance)),
                    ("field_names", FIELD_NAMES),
                    ("edit_rules", EDIT_RULES),
                    ("retired", tuple((r, notice(r)) for r in site.redirects if r.doc == document.slug)),
                    ("cite", cite),
                    (
                        "renumbered",
                        {
                            c.id: note_parts(site.renumbered[c.id], cite)
                            for c in document.clauses
                            if c.id in site.renumbered
                        },
                    ),
                    ("cite_doc", citation.document_citation(document)),
                    ("page_links", links := page_links(site, document)),
                    ("agency_links", agency_links(site, document)),
                    # the kinds of page the legend names: 任务页, 指标页 (指标页1, 指标页2 are 指标页)
                    (
                        "page_link_words",
                        tuple(dict.fromkeys(w.rstrip("0123456789") for ls in links.values() for _, w, _ in ls)),
                    ),
                    ("crossref_jumps", jumps := crossref_jumps(site, document)),
                    # a ⇄ of a sentence with no basis is grey: the legend says so where there is one
                    ("grey_jumps", any(not found for marks in jumps.values() for _, _, found in marks)),
                ),
            )
        )
    return pages
