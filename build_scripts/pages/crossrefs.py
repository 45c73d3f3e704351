"""对照 pages: the coverage overview and one page per Chongqing measure group.

A measure group is a paragraph of 渝府发〔2016〕25号 (its lead phrase and the
sentences that spell it out). Each sentence has an anchor; each linked pair a
side-by-side comparison that marks the shared wording.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from .. import patterns
from ..citation import positions, sibling_positions
from ..link import classifier
from ..link import crossrefs as matching
from ..model import (
    LIKENESS_BANDS,
    Clause,
    ClauseKind,
    CrossRef,
    Document,
    PageSpec,
    Redirect,
    Site,
    Task,
    clause_anchor,
    id_prefixes,
    page_url,
)
from ..numerals import cn_date, int_to_cn
from ..track.redirects import notice
from .marks import compare_all
from .sections import SectionEntry

SHORT_TITLE_CHARS = 24


@dataclass(frozen=True, kw_only=True)
class Pair:
    """One link as the comparison shows it."""

    ref: CrossRef
    national: Clause
    document: Document  # the national document
    task: Task | None  # the 66号 task, when the national clause is one
    listed_on: Task | None  # the task whose page lists the pair (any document's), when another than ``task``
    name: str  # as the basis line names it (BasisNames.name)
    national_html: Markup
    local_html: Markup


@dataclass(frozen=True, kw_only=True)
class SentenceRow:
    sentence: Clause
    number: int  # 1-based place in its paragraph (citation.sibling_positions), as cited: 第N句
    short: str  # the sentence's start, for headings (without its closing 。)
    pairs: tuple[Pair, ...]
    rejected: bool = False  # staff rejected a link of the sentence (crossrefs.yaml)


@dataclass(frozen=True, kw_only=True)
class Group:
    clause: Clause  # the paragraph
    section: Clause | None  # its subsection or section heading
    rows: tuple[SentenceRow, ...]

    @property
    def path(self) -> str:
        return group_path(self.clause)

    @property
    def linked(self) -> int:
        return sum(1 for row in self.rows if row.pairs)


@dataclass(frozen=True, kw_only=True)
class GoneSentence:
    """A sentence of a measure group that redirects.yaml lists: its ⇄ led to it on the group's page."""

    redirect: Redirect
    notice: str  # the words a reader sees there (track/redirects.py notice)
    to_url: str | None  # the comparison of the sentence it went to, else that clause on its document page
    to_cited: str  # where it went, as cited (第二部分第（一）条第3段第3句); "" in another document


GROUPS_FOLDER = "crossrefs/chongqing"


def group_path(paragraph: Clause) -> str:
    """The 对照 page of a Chongqing paragraph (a measure group)."""
    return f"{GROUPS_FOLDER}/{paragraph.anchor}.md"


def gone_sentences(site: Site, local_doc: Document, groups: tuple[Group, ...]) -> dict[str, tuple[GoneSentence, ...]]:
    """Each measure group's paragraph id → the redirects.yaml entries of its sentences. A sentence's ⇄
    links to it on the group's page (…/c2-1-p3/#c2-1-p3-s4), so there too its anchor keeps a notice once
    it is gone, as on the document page, leading to the comparison of the sentence it went to."""
    pages = {row.sentence.id: group.path for group in groups for row in group.rows}
    paragraphs = {group.clause.id for group in groups}
    cited = positions(local_doc)
    gone: dict[str, list[GoneSentence]] = defaultdict(list)
    for redirect in site.redirects:
        paragraph, to = redirect.old.rsplit("/", 1)[0], redirect.to or ""
        if redirect.doc == local_doc.slug and paragraph in paragraphs:
            to_url = f"{page_url(pages[to])}#{clause_anchor(to)}" if to in pages else redirect.to_url
            gone[paragraph].append(
                GoneSentence(redirect=redirect, notice=notice(redirect), to_url=to_url, to_cited=cited.get(to, ""))
            )
    return {paragraph: tuple(found) for paragraph, found in gone.items()}


def paragraph_sentences(site: Site) -> dict[str, list[Clause]]:
    """Each Chongqing paragraph with matched sentences (a measure group) → those sentences, in text order."""
    sentences: dict[str, list[Clause]] = defaultdict(list)
    for sentence in matching.local_sentences(site.corpus):
        sentences[sentence.parent or ""].append(sentence)
    return sentences


@dataclass(frozen=True, kw_only=True)
class SectionCoverage:
    section: Clause
    tasks: tuple[Task, ...]
    taken: tuple[Task, ...]


def national_text(site: Site, clause: Clause) -> str:
    """What the comparison shows of a national clause: its wording without the numbers that cite it
    (the basis line says where it stands) and a task's agencies. A clause's first sentence starts with
    the clause's number (3.建设知识产权服务业集聚区。), which is no wording Chongqing could share."""
    holder = site.clause(clause.parent) if clause.parent and clause.kind is ClauseKind.SENTENCE else None
    text = clause.text
    for label in (clause.label, holder.label if holder else ""):
        if label:
            text = text.removeprefix(label)
    return patterns.RESPONSIBILITY_RE.sub("", text)


class BasisNames:
    """How the 对照 pages name a national clause as a Chongqing sentence's 国家依据: by its 66号 task
    (国办函〔2016〕66号 任务14), else by where it stands (国发〔2016〕86号 第三部分第（二）条第5句)."""

    def __init__(self, site: Site) -> None:
        self.tasks = {task.clause: task for task in site.tasks}
        linked = site.corpus.linked_documents
        self.tasks_doc = linked[0].slug if linked else None
        self.documents = {document.slug: document for document in site.corpus.documents}
        self.cited = cited_positions(site)

    def task(self, national: str) -> Task | None:
        """The task a comparison names as its basis: the national clause's, or, for a sentence of a task of
        the tasks document (…/t7/s1), that task, whose page lists the link under 重庆落实 (the
        comparison named 第7项第1句 and led to the document page only)."""
        if national in self.tasks or not national.startswith(f"{self.tasks_doc}/"):
            return self.tasks.get(national)
        return self.listed_on(national)

    def listed_on(self, national: str) -> Task | None:
        """The task of any document whose page lists a link to ``national`` under its Chongqing sentences (the
        clause's own, or the one it stands in: ``Site.crossrefs_to``), for the comparison to lead back to."""
        return next((self.tasks[c] for c in id_prefixes(national) if c in self.tasks), None)

    def name(self, national: str) -> str:
        document = self.documents[national.split("/", 1)[0]]
        task = self.task(national)
        where = task.label if task else self.cited[national]
        return f"{document.meta.doc_number} {where}"


def groups(site: Site) -> tuple[Group, ...]:
    names = BasisNames(site)
    linked = site.corpus.linked_documents

    documents = names.documents
    by_local: dict[str, list[CrossRef]] = defaultdict(list)
    for ref in site.crossrefs:
        by_local[ref.local].append(ref)
    sentences = paragraph_sentences(site)
    # 第N句 as the copy button cites it: the sentence's place in its paragraph, not the number in its id
    places = sibling_positions(linked[1].clauses if linked else ())
    shown = {ref.national: national_text(site, site.clause(ref.national)) for ref in site.crossrefs}
    # where words end, as the texts use them (marks.bigram_counts): every clause of every document, the
    # Chongqing one too (its 我市, 侦办 are in no national text), but sentences, whose paragraph holds them
    reference = (c.text for d in site.corpus.documents for c in d.clauses if c.kind is not ClauseKind.SENTENCE)
    compared_texts = [(shown[ref.national], site.clause(ref.local).text) for ref in site.crossrefs]
    compared = compare_all(compared_texts, reference)
    result = []
    for parent_id, members in sentences.items():
        parent = site.clause(parent_id)
        rows = []
        for sentence in members:
            pairs = []
            for ref in by_local.get(sentence.id, ()):
                national = site.clause(ref.national)
                left, right = compared[shown[ref.national], sentence.text]
                pairs.append(
                    Pair(
                        ref=ref,
                        national=national,
                        document=documents[national.doc],
                        task=(task := names.task(ref.national)),
                        listed_on=None if task else names.listed_on(ref.national),
                        name=names.name(ref.national),
                        national_html=left,
                        local_html=right,
                    )
                )
            rows.append(
                SentenceRow(
                    sentence=sentence,
                    number=places[sentence.id],
                    short=short_text(sentence.text.rstrip("。；")),  # a heading ends without a stop, as task titles
                    pairs=tuple(pairs),
                    rejected=sentence.id in site.rejected_locals,
                )
            )
        section = site.clause(parent.parent) if parent.parent else None
        result.append(Group(clause=parent, section=section, rows=tuple(rows)))
    return tuple(result)


def short_text(text: str) -> str:
    """A sentence cut to ``SHORT_TITLE_CHARS`` for a heading or a title."""
    return text if len(text) <= SHORT_TITLE_CHARS else text[:SHORT_TITLE_CHARS] + "…"


def cited_positions(site: Site) -> dict[str, str]:
    """National clause id → its position as cited, e.g. 第四部分第（六）条第3项第1句.

    The same words as the document pages' copy buttons (``citation.positions``), for the national
    clauses that are linked: the 对照 pages cite nothing else.
    """
    linked = {ref.national for ref in site.crossrefs}
    slugs = {clause_id.split("/", 1)[0] for clause_id in linked} - {site.corpus.crossref_roles.local}
    cited: dict[str, str] = {}
    for document in site.corpus.documents:
        if document.slug in slugs:
            cited.update((clause_id, words) for clause_id, words in positions(document).items() if clause_id in linked)
    return cited


def coverage(site: Site) -> tuple[SectionCoverage, ...]:
    result: list[SectionCoverage] = []
    linked = site.corpus.linked_documents
    if linked is None:
        return ()
    slug = linked[0].slug
    for section in linked[0].clauses:
        if section.kind.value != "section":
            continue
        inside = section.id.split("/", 1)[1]
        tasks = tuple(t for t in site.tasks if t.doc == slug and t.section.split("/", 1)[-1].split("-")[0] == inside)
        taken = tuple(t for t in tasks if site.crossrefs_to(t.clause))
        result.append(SectionCoverage(section=section, tasks=tasks, taken=taken))
    return tuple(result)


def crossref_pages(site: Site) -> list[PageSpec]:
    roles, linked = site.corpus.crossref_roles, site.corpus.linked_documents
    if linked is None:
        return []  # nothing was linked (link_crossrefs), so there is nothing to show
    tasks_doc, local_doc = linked
    all_groups = groups(site)
    gone = gone_sentences(site, local_doc, all_groups)
    pages = [
        PageSpec(
            path=group.path,
            template="crossrefs_group.md.jinja",
            context=(
                ("group", group),
                ("local_doc", local_doc),
                ("gone", gone.get(group.clause.id, ())),
            ),
        )
        for group in all_groups
    ]
    pages.append(  # the folder of the comparison pages, for a reader who shortens an address
        PageSpec(
            path=f"{GROUPS_FOLDER}/index.md",
            template="section_index.md.jinja",
            context=(
                ("folder", "chongqing"),
                ("name", f"{local_doc.meta.short_title}：按措施浏览对照"),
                ("entries", tuple(SectionEntry(path=g.path, title=f"对照：{g.rows[0].short}") for g in all_groups)),
            ),
        )
    )
    sections = coverage(site)
    counts = {task.clause: chongqing_sentences(site, task.clause) for c in sections for task in c.taken}
    national_docs = tuple(site.corpus.document(slug) for slug in roles.national)
    implements_doc, implements_external = site.corpus.implemented(local_doc.meta)
    pages.append(
        PageSpec(
            path="crossrefs/index.md",
            template="crossrefs_index.md.jinja",
            context=(
                ("groups", all_groups),
                ("local_doc", local_doc),
                ("tasks_doc", tasks_doc),
                ("tasks_short", short_number(tasks_doc.meta.doc_number)),
                ("national_docs", national_docs),
                # what 国家依据 claims: a national clause of like content, not the text 25号 was made from
                ("dated", dated_documents((tasks_doc, *national_docs))),
                (
                    "same_basis",
                    tuple(
                        d.meta.doc_number
                        for d in (tasks_doc, *national_docs)
                        if local_doc.meta.implements and d.meta.implements == local_doc.meta.implements
                    ),
                ),
                ("local_date", cn_date(local_doc.meta.date) if local_doc.meta.date else ""),
                ("local_date_note", dict(local_doc.meta.provenance).get("date", "")),
                ("implements_doc", implements_doc),
                ("implements_external", implements_external),
                ("national_count", int_to_cn(len(roles.national))),
                # the evaluated figures the page states hold for the judged documents only
                ("evaluated", classifier.load_weights().judged == (roles.tasks, roles.local)),
                ("national_evaluated", (roles.local, frozenset(roles.national)) == matching.OTHER_JUDGED),
                ("sections", sections),
                ("counts", counts),
                ("local_only", tuple((g, row) for g in all_groups for row in g.rows if not row.pairs)),
                # the listed tasks (the tasks document's) left without a link by staff's rejections: not the
                # program's misses; an 86号 item's rejected link is not one of them
                (
                    "rejected_tasks",
                    frozenset(
                        task.id
                        for c in sections
                        for task in c.tasks
                        if site.rejected_within(task.clause) and not site.crossrefs_to(task.clause)
                    ),
                ),
                ("sentence_count", sum(len(g.rows) for g in all_groups)),
                ("opening_count", _opening_sentences(local_doc)),  # not matched
                ("link_count", len(site.crossrefs)),
                ("methods", {m: sum(ref.method == m for ref in site.crossrefs) for m in ("auto", "curated")}),
                ("likeness_bands", LIKENESS_BANDS),
                ("national_threshold", matching.OTHER_THRESHOLD),
                (
                    "search_entry",
                    ("国家—重庆对照", "国家—重庆对照、重庆落实、国家依据、未承接的任务、本地举措、逐句对照"),
                ),
            ),
        )
    )
    return pages


def dated_documents(documents: Iterable[Document]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(成文日期 as 2016年7月8日, the 文号 of the documents of that date), oldest first; 日期未知 last."""
    by_date: dict[str, list[str]] = defaultdict(list)
    for document in documents:
        by_date[document.meta.date or ""].append(document.meta.doc_number)
    return tuple(
        (cn_date(date) if date else "未知", tuple(numbers))
        for date, numbers in sorted(by_date.items(), key=lambda item: (not item[0], item[0]))
    )


def short_number(doc_number: str) -> str:
    """How a page refers to a document again after naming it: 国办函〔2016〕66号 → 66号."""
    return doc_number.rsplit("〕", 1)[-1] or doc_number


def chongqing_sentences(site: Site, clause_id: str) -> int:
    """How many Chongqing sentences take up the clause: linked to it or to one of its sentences, each once."""
    return len({ref.local for ref in site.crossrefs_to(clause_id)})


Jump = tuple[str, str, bool]  # (URL, title, found) of a ⇄ mark; not found: a Chongqing sentence with no basis


def crossref_jumps(site: Site, document: Document) -> dict[str, tuple[Jump, ...]]:
    """For a document page: sentence id → its ⇄ marks, each the (URL, title) of a place on a 对照 page.

    A Chongqing sentence has one, to its place on its measure group's page. A national sentence has
    one per Chongqing sentence linked to it, to each comparison; a 66号 task one on its first
    sentence, to its page's 重庆落实, which lists every sentence linked to the task or inside it.
    """
    pair = site.corpus.linked_documents
    if pair is None:
        return {}  # no 对照 pages to jump to
    if document.slug == pair[1].slug:
        return _local_jumps(site)
    first: dict[str, str] = {}  # clause id → its first sentence, where the ⇄ of a linked clause goes
    for clause in document.clauses:
        if clause.kind is ClauseKind.SENTENCE and clause.parent:
            first.setdefault(clause.parent, clause.id)
    # the tasks document's marks go to its task pages' 重庆落实, which gather a task's links; another national
    # document's to each comparison (its task pages list the links too, but a mark per link says more)
    tasks = {task.clause: task for task in site.tasks if task.doc == document.slug == pair[0].slug}
    jumps: dict[str, list[Jump]] = defaultdict(list)
    for ref in site.crossrefs:
        if not ref.national.startswith(document.slug + "/"):
            continue
        task = next((tasks[c] for c in id_prefixes(ref.national) if c in tasks), None)
        if task is not None:
            mark = first.get(task.clause, task.clause)
            if mark not in jumps:  # one mark per task, counted once, whatever the number of its links
                count = chongqing_sentences(site, task.clause)
                jumps[mark] = [(f"{task.url}#chongqing", f"重庆落实（{count}句）", True)]
            continue
        jumps[first.get(ref.national, ref.national)].append(
            (ref.url, f"重庆对应句（对照）：{short_text(site.clause(ref.local).text)}", True)
        )
    return {sentence: tuple(marks) for sentence, marks in jumps.items()}


def _local_jumps(site: Site) -> dict[str, tuple[Jump, ...]]:
    linked = {ref.local for ref in site.crossrefs}
    jumps: dict[str, tuple[Jump, ...]] = {}
    for sentence in matching.local_sentences(site.corpus):
        page = f"/crossrefs/chongqing/{site.clause(sentence.parent or '').anchor}/#{sentence.anchor}"
        if sentence.id in linked:
            title = "国家依据"
        elif sentence.id in site.rejected_locals:
            title = "国家依据（程序找到的经人工核对不对应，已删去）"
        else:
            title = "国家依据（程序未找到）"
        jumps[sentence.id] = ((page, title, sentence.id in linked),)
    return jumps


def _opening_sentences(document: Document) -> int:
    """The sentences of ``document`` before its first numbered section (一、): its opening, which the
    link stage does not match (``link.similarity.local_sentences``)."""
    count = 0
    for clause in document.clauses:  # in text order
        if clause.kind is ClauseKind.SECTION:
            break
        count += clause.kind is ClauseKind.SENTENCE
    return count
