"""Pages that are gone: an address someone shared still answers.

A removed clause id takes the pages named after it with it: when a Chongqing paragraph goes,
``tasks/yufufa-2016-25-2-1-p4/`` and ``crossrefs/chongqing/c2-1-p4/`` go too (the anchor on the
document page is kept by ``track/redirects``). For each ``redirects.yaml`` entry whose old id had
such a page, a page is written at the old address:

- moved (``to``): the notice, a link to the new clause's page of the same kind (or to its place in
  the document when it has none) and a meta refresh to it, as mkdocs-redirects' pages do; written
  here because these moves follow from redirects.yaml, and the plugin only reads a fixed map in
  mkdocs.yml (nor would MkDocs' successor Zensical run it);
- retired: the notice with its reason, and a link to the document.

Whether the old id had a page of a kind is read from the record of published pages
(``source_texts/published_pages.tsv``, track/published.py): a notice stands at each address the site
published, and at no other. The record is a source, and no build adds a notice's address to it that
it did not hold, so the same sources give the same pages.

Any other published page that is gone (track/published.py: an agency's id changed, a task scope
narrowed) gets the same kind of page from its redirects.yaml ``page:`` entry (``page_stubs``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .. import citation
from ..extract.tasks import task_id
from ..link import similarity
from ..model import Document, PageRedirect, PageSpec, Site, clause_anchor, clause_url, page_url
from ..track.published import Answered
from ..track.redirects import notice

TEMPLATE = "moved.md.jinja"


@dataclass(frozen=True, kw_only=True)
class Kind:
    """Pages named after a clause id: where a clause's page is, and which clauses have one now."""

    name: str  # what the page is, for the notice: 任务 / 对照
    path: Callable[[str], str]  # clause id → docs/ path
    clauses: frozenset[str]  # clause ids that have such a page in this build
    # the documents whose clauses have such pages (None: any): a 对照 page is named after the anchor alone, and
    # 106号's entry for its own 3-3/p1 claimed the page of 25号's removed 3-3/p1 (session 40's link review)
    documents: frozenset[str] | None = None


@dataclass(frozen=True, kw_only=True)
class NoticePage:
    """What stands at an address that is gone (templates/moved.md.jinja): the notice, the page or place
    readers go to now, and the way back to where the old text or the site is."""

    old: str  # what stood here, as the title and the way back name it: a clause id, or the address
    heading: str  # 此任务页已调整 / 此页面已调整
    notice: str
    target: str | None  # site URL the page sends readers to (the new page, or the clause), or None
    target_label: str  # the link's words: the new clause as readers cite it, or the page's address
    target_in_text: bool  # the target is the clause's place in its document, not a page of its own
    back_id: str  # moved-document / moved-home
    back_url: str
    back_text: str  # 在原文中查看 / 返回首页
    old_label: str  # 原条款编号 / 原地址


def kinds(site: Site) -> tuple[Kind, ...]:
    """Task pages (``pages/tasks``) and 对照 pages (``pages/crossrefs``: one per Chongqing paragraph
    whose sentences are matched)."""
    tasks = frozenset(task.clause for task in site.tasks)
    sentences = similarity.local_sentences(site.corpus) if site.corpus.linked_documents else ()
    paragraphs = frozenset(sentence.parent for sentence in sentences if sentence.parent)
    return (
        Kind(name="任务", path=lambda c: f"tasks/{task_id(c)}.md", clauses=tasks),
        Kind(
            name="对照",
            path=lambda c: f"crossrefs/chongqing/{clause_anchor(c)}.md",
            clauses=paragraphs,
            documents=frozenset(filter(None, [site.corpus.crossref_roles.local])),
        ),
    )


def moved_pages(site: Site, taken: set[str]) -> list[PageSpec]:
    """A page at each published address a removed clause's pages had (``taken``: the paths written anyway)."""
    documents = {document.slug: document for document in site.corpus.documents}
    redirects = [
        redirect for redirect in site.redirects if redirect.doc in documents
    ]  # a removed document has no pages
    if not redirects:
        return []
    published = {url for url, _ in site.recorded_pages}
    pages = []
    for kind in kinds(site):
        for redirect in redirects:
            if kind.documents is not None and redirect.doc not in kind.documents:
                continue
            path = kind.path(redirect.old)
            if page_url(path) not in published or path in taken:
                continue
            if redirect.to is None:
                target, is_page = None, False
            elif redirect.to in kind.clauses:
                target, is_page = page_url(kind.path(redirect.to)), True
            else:
                target, is_page = clause_url(redirect.to), False
            page = NoticePage(
                old=redirect.old,
                heading=f"此{kind.name}页已调整",
                notice=notice(redirect),
                target=target,
                target_label=_cited(redirect.to, documents) if redirect.to else "",
                target_in_text=target is not None and not is_page,
                back_id="moved-document",
                back_url=f"{documents[redirect.doc].url}#{redirect.anchor}",
                back_text="在原文中查看",
                old_label="原条款编号",
            )
            pages.append(PageSpec(path=path, template=TEMPLATE, context=(("moved", page),)))
    return pages


def _cited(clause_id: str, documents: Mapping[str, Document]) -> str:
    """A clause as readers cite it (第二部分第（一）条第3段), for the words of a link to it; its id when its
    document is not the collection's (the id is all there is). It was the id alone for every reader (session 38's
    staff review: 新位置：guofa-2016-86/4-2-6)."""
    document = documents.get(clause_id.split("/", 1)[0])
    return citation.positions(document).get(clause_id, clause_id) if document else clause_id


def page_stubs(site: Site, answered: tuple[Answered, ...]) -> list[PageSpec]:
    """A page at each published address that is gone for another reason than a removed clause
    (track/published.py): the ``page:`` entry's notice, or the removed document's."""
    pages = []
    for gone in answered:
        if isinstance(gone.entry, PageRedirect):
            said, target = notice(gone.entry), gone.entry.to
        else:  # a removed document's page (its task pages): the notice is the document's
            said, target = f"此页面属于已移除的文件。{notice(gone.entry)}", None
        page = NoticePage(
            old=gone.url,
            heading="此页面已调整",
            notice=said,
            target=target,
            target_label=target or "",
            target_in_text=False,
            back_id="moved-home",
            back_url="/",
            back_text="返回首页",
            old_label="原地址",
        )
        pages.append(PageSpec(path=gone.url.strip("/") + ".md", template=TEMPLATE, context=(("moved", page),)))
    return pages
