"""Task pages: one per task (text, roles, related tasks) and the index of all tasks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Clause, PageSpec, Site, Task
from . import grouped_by_document

MODE_NAMES = {
    "sole": "单一部门负责",
    "first_listed": "列第一位者牵头",
    "explicit": "明确牵头",
    "by_duty": "按职责分别负责（无牵头部门）",
    "none": "未分工",
}
RELATED_MAX = 8


@dataclass(frozen=True, kw_only=True)
class RelatedTask:
    task: Task
    reason: str


def task_path(task: Task) -> str:
    return f"tasks/{task.id}.md"


def related_tasks(task: Task, site: Site, clauses: dict[str, Clause]) -> tuple[RelatedTask, ...]:
    """Tasks in the same subsection first, then tasks sharing the most agencies with this one."""
    parent = clauses[task.clause].parent
    same = [
        RelatedTask(task=t, reason="同一部分")
        for t in site.tasks
        if t.id != task.id and t.doc == task.doc and clauses[t.clause].parent == parent
    ]
    mine = set(task.lead_agencies + task.other_agencies)
    shared = Counter()
    already = {r.task.id for r in same}
    if mine:
        for t in site.tasks:
            if t.id != task.id and t.doc == task.doc and t.id not in already:
                overlap = len(mine & set(t.lead_agencies + t.other_agencies))
                if overlap and set(t.lead_agencies) & set(task.lead_agencies):
                    shared[t.id] = overlap
    by_id = {t.id: t for t in site.tasks}
    ranked = sorted(shared, key=lambda key: (-shared[key], clauses[by_id[key].clause].line))
    more = [RelatedTask(task=by_id[key], reason="牵头部门相同") for key in ranked]
    return tuple((same + more)[:RELATED_MAX])


def task_pages(site: Site) -> list[PageSpec]:
    agencies = {agency.id: agency for agency in site.agencies}
    clauses = site.corpus.clause_index()
    documents = {d.slug: d for d in site.corpus.documents}
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
                    ("site", site),
                    ("document", document),
                    ("clause", clause),
                    ("section", clauses.get(task.section)),
                    ("leads", leads),
                    ("others", others),
                    ("mentioned", mentioned),
                    ("mode_name", MODE_NAMES.get(task.mode, task.mode)),
                    ("related", related_tasks(task, site, clauses)),
                    ("national_66", document.meta.item_numbering == "global"),
                    (
                        "search_entry",
                        (f"{document.meta.short_title} 任务{task.number} {task.title}", f"{task.text} {names}".strip()),
                    ),
                ),
            )
        )
    groups = grouped_by_document(site, site.tasks)
    pages.append(
        PageSpec(
            path="tasks/index.md",
            template="tasks_index.md.jinja",
            context=(("groups", tuple(groups)), ("agencies", agencies), ("mode_names", MODE_NAMES)),
        )
    )
    return pages
