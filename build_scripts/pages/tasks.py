"""Task pages: one per task (text, roles, related tasks) and the index of all tasks."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ..citation import document_citation, positions, sibling_positions
from ..model import Clause, CrossRef, Document, PageSpec, Site, Task, clause_anchor, id_prefixes
from ..track.renumbering import note_parts
from . import grouped_by_document, role_sources
from .crossrefs import BasisNames, group_path, paragraph_sentences, short_text

MODE_NAMES = {
    "sole": "单一部门负责",
    "first_listed": "列第一位者牵头",
    "explicit": "明确牵头",
    "by_duty": "按职责分别负责，列第一位者牵头",
    "none": "原文未逐项列出责任部门",  # no responsibility parenthetical: roles are never read from prose
}
RELATED_MAX = 8


@dataclass(frozen=True, kw_only=True)
class BasisClause:
    """One national task or clause sentences of a Chongqing measure are linked to, as its 国家依据 lists it:
    named once, with each of those sentences leading to its comparison."""

    name: str  # as the 对照 page's basis line names it: 国办函〔2016〕66号 任务14
    title: str  # the task's title, when the clause is a 66号 task or in one
    path: str  # its page: the task's, else its document's (with ``anchor``)
    anchor: str
    sentences: tuple[tuple[int, CrossRef], ...]  # (第N句, the link), in text order


@dataclass(frozen=True, kw_only=True)
class Basis:
    """国家依据 of a Chongqing measure: one paragraph of it, its comparison page and what its sentences carry out."""

    paragraph: Clause
    short: str  # its start, for the link's words
    path: str  # the 对照 page of the paragraph (pages/crossrefs.py's Group.path)
    sentences: int  # its sentences matched
    linked: int  # those with a national basis
    clauses: tuple[BasisClause, ...]  # in the order the sentences first meet them (a count alone said nothing)


def basis_clauses(refs: list[CrossRef], names: BasisNames, places: dict[str, int]) -> tuple[BasisClause, ...]:
    """``refs`` (a paragraph's links, in text order) by the national task or clause they name."""
    named: dict[str, list[CrossRef]] = defaultdict(list)
    for ref in refs:
        named[names.name(ref.national)].append(ref)
    clauses = []
    for name, linked in named.items():
        task = names.task(linked[0].national)
        national = linked[0].national
        clauses.append(
            BasisClause(
                name=name,
                title=task.title if task else "",
                path=task_path(task) if task else f"documents/{national.split('/', 1)[0]}.md",
                anchor="" if task else clause_anchor(national),
                sentences=tuple((places[ref.local], ref) for ref in linked),
            )
        )
    return tuple(clauses)


def national_basis(site: Site) -> dict[str, tuple[Basis, ...]]:
    """Clause id of each Chongqing measure (a task of the local document) → the 对照 pages of its paragraphs."""
    by_local: dict[str, list[CrossRef]] = defaultdict(list)
    for ref in site.crossrefs:
        by_local[ref.local].append(ref)
    names = BasisNames(site)
    local = site.corpus.linked_documents[1] if site.corpus.linked_documents else None
    places = sibling_positions(local.clauses if local else ())
    basis: dict[str, list[Basis]] = defaultdict(list)
    for parent, sentences in paragraph_sentences(site).items():
        paragraph = site.clause(parent)
        refs = [ref for sentence in sentences for ref in by_local.get(sentence.id, ())]
        entry = Basis(
            paragraph=paragraph,
            short=short_text(paragraph.text),
            path=group_path(paragraph),
            sentences=len(sentences),
            linked=sum(sentence.id in by_local for sentence in sentences),
            clauses=basis_clauses(refs, names, places),
        )
        for prefix in id_prefixes(parent):
            basis[prefix].append(entry)
    return {clause_id: tuple(entries) for clause_id, entries in basis.items()}


@dataclass(frozen=True, kw_only=True)
class RelatedTask:
    task: Task
    reason: str


def task_path(task: Task) -> str:
    return f"tasks/{task.id}.md"


def task_page_title(document: Document, task: Task) -> str:
    """《重点任务分工方案》 任务10 在对…: a task page's title (the browser's tab, a search engine's result) and
    its result in the site's search box, alike: the task's heading after its document's short title."""
    return f"{document.meta.short_title} {task.heading}"


class TaskNeighbours:
    """Related tasks for every task page.

    Tasks are filed once by subsection and by lead agency, so each page looks only at the
    tasks it could list instead of comparing its task with every other task of the document.
    """

    def __init__(
        self, tasks: tuple[Task, ...], clauses: dict[str, Clause], names: Mapping[str, str], cited: Mapping[str, str]
    ) -> None:
        """``names``: agency id → the name the pages give it, and ``cited``: clause id → its position as
        cited (第三部分第（五）条), for the reason a task is listed."""
        self.names = names
        self.cited = cited
        self.order = {task.id: number for number, task in enumerate(tasks)}
        self.parent = {task.id: clauses[task.clause].parent for task in tasks}
        self.line = {task.id: clauses[task.clause].line for task in tasks}
        self.agencies = {task.id: set(task.lead_agencies + task.other_agencies) for task in tasks}
        self.by_subsection: dict[tuple[str, str | None], list[Task]] = defaultdict(list)
        self.by_lead: dict[tuple[str, str], list[Task]] = defaultdict(list)
        for task in tasks:
            self.by_subsection[task.doc, self.parent[task.id]].append(task)
            for agency in set(task.lead_agencies):
                self.by_lead[task.doc, agency].append(task)

    def related(self, task: Task) -> tuple[RelatedTask, ...]:
        """Tasks in the same subsection first, then tasks sharing the most agencies with this one."""
        parent = self.parent[task.id]
        # the first RELATED_MAX siblings only: a walk through them all made a crowded subsection's pages
        # take time growing with its square (a paragraph task per line of a long text)
        siblings = self.by_subsection[task.doc, parent]
        same = list(itertools.islice((t for t in siblings if t.id != task.id), RELATED_MAX))
        where = self.cited.get(parent) if parent else None
        reason = f"同属{where}" if where else "同一部分"  # the subsection they share, as the copy buttons cite it
        related = [RelatedTask(task=t, reason=reason) for t in same]
        room = RELATED_MAX - len(related)
        if room:
            # Tasks of the same document that share a lead agency (and so at least one agency), outside the
            # subsection (whose tasks, this one too, are all listed above: fewer than RELATED_MAX).
            candidates = {
                t.id: t for a in task.lead_agencies for t in self.by_lead[task.doc, a] if self.parent[t.id] != parent
            }
            mine = self.agencies[task.id]
            ranked = sorted(
                candidates.values(),
                key=lambda t: (-len(mine & self.agencies[t.id]), self.line[t.id], self.order[t.id]),
            )
            related += [RelatedTask(task=t, reason=self._shared_leads(task, t)) for t in ranked[:room]]
        return tuple(related)

    def _shared_leads(self, task: Task, other: Task) -> str:
        """同由知识产权局牵头: the leads the two tasks share, named (they need not share every lead)."""
        shared = [agency for agency in task.lead_agencies if agency in other.lead_agencies]
        return f"同由{'、'.join(self.names[agency] for agency in shared)}牵头"


def task_pages(site: Site) -> list[PageSpec]:
    agencies = {agency.id: agency for agency in site.agencies}
    clauses = site.corpus.clause_index()
    documents = {d.slug: d for d in site.corpus.documents}
    cited = {clause_id: where for d in documents.values() for clause_id, where in positions(d).items()}  # 第55项
    neighbours = TaskNeighbours(site.tasks, clauses, {agency.id: agency.name for agency in site.agencies}, cited)
    linked = site.corpus.linked_documents
    roles = site.corpus.crossref_roles
    # every national document's task pages list their linked Chongqing sentences (the tasks document's as
    # 重庆落实, saying so where none was found); the local document's lead to their 对照 pages (国家依据)
    local_doc = linked[1] if linked else None
    basis = national_basis(site) if linked else {}
    pages = []
    for task in site.tasks:
        document = documents[task.doc]
        clause = clauses[task.clause]
        leads = tuple(agencies[a] for a in task.lead_agencies)
        others = tuple(agencies[a] for a in task.other_agencies)
        mentioned = tuple(agencies[a] for a in task.mentioned_agencies)
        names = "、".join(a.name for a in leads + others)
        pages.append(
            PageSpec(
                path=task_path(task),
                template="task.md.jinja",
                context=(
                    ("task", task),
                    ("title", task_page_title(document, task)),
                    ("chongqing", tuple((ref, site.clause(ref.local)) for ref in site.crossrefs_to(task.clause))),
                    ("rejected", site.rejected_within(task.clause)),
                    ("document", document),
                    ("citation", document_citation(document) + cited[task.clause]),  # as 复制引用 gives it
                    ("clause", clause),
                    (
                        "renumbered",
                        note_parts(site.renumbered[task.clause], cited) if task.clause in site.renumbered else (),
                    ),
                    ("section", clauses.get(task.section)),
                    ("leads", leads),
                    ("others", others),
                    ("mentioned", mentioned),
                    ("mode_name", MODE_NAMES.get(task.mode, task.mode)),
                    ("related", neighbours.related(task)),
                    ("local_doc", local_doc if task.doc in (roles.tasks, *roles.national) else None),  # 重庆落实
                    ("gaps", local_doc is not None and task.doc == roles.tasks),  # 重庆落实; one without: said so
                    ("basis", basis.get(task.clause, ()) if task.doc == roles.local else ()),  # 国家依据
                    (
                        "search_entry",
                        (
                            task_page_title(document, task),
                            f"{task.number} {task.text} {names}".strip(),
                        ),
                    ),
                    ("search_labels", (document.meta.slug, (task.label, cited[task.clause]))),
                    ("search_aside", len(names)),
                ),
            )
        )
    groups = grouped_by_document(site, site.tasks)
    pages.append(
        PageSpec(
            path="tasks/index.md",
            template="tasks_index.md.jinja",
            context=(
                ("groups", tuple(groups)),
                ("agencies", agencies),
                ("mode_names", MODE_NAMES),
                ("roles_from", role_sources(site)),
            ),
        )
    )
    return pages
