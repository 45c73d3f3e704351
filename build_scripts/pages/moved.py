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

from collections.abc import Callable
from dataclasses import dataclass

from ..extract.tasks import task_id
from ..link import similarity
from ..model import PageRedirect, PageSpec, Redirect, Site, clause_anchor, clause_url, page_url
from ..track.published import Answered
from ..track.redirects import notice


@dataclass(frozen=True, kw_only=True)
class Kind:
    """Pages named after a clause id: where a clause's page is, and which clauses have one now."""

    name: str  # what the page is, for the notice: 任务 / 对照
    path: Callable[[str], str]  # clause id → docs/ path
    clauses: frozenset[str]  # clause ids that have such a page in this build


@dataclass(frozen=True, kw_only=True)
class MovedPage:
    redirect: Redirect
    kind: str
    notice: str
    target: str | None  # site URL the page sends readers to (the new page, or the clause), or None
    target_is_page: bool
    document_url: str


def kinds(site: Site) -> tuple[Kind, ...]:
    """Task pages (``pages/tasks``) and 对照 pages (``pages/crossrefs``: one per Chongqing paragraph
    whose sentences are matched)."""
    tasks = frozenset(task.clause for task in site.tasks)
    sentences = similarity.local_sentences(site.corpus) if site.corpus.linked_documents else ()
    paragraphs = frozenset(sentence.parent for sentence in sentences if sentence.parent)
    return (
        Kind(name="任务", path=lambda c: f"tasks/{task_id(c)}.md", clauses=tasks),
        Kind(name="对照", path=lambda c: f"crossrefs/chongqing/{clause_anchor(c)}.md", clauses=paragraphs),
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
            path = kind.path(redirect.old)
            if page_url(path) not in published or path in taken:
                continue
            if redirect.to is None:
                target, is_page = None, False
            elif redirect.to in kind.clauses:
                target, is_page = page_url(kind.path(redirect.to)), True
            else:
                target, is_page = clause_url(redirect.to), False
            page = MovedPage(
                redirect=redirect,
                kind=kind.name,
                notice=notice(redirect),
                target=target,
                target_is_page=is_page,
                document_url=documents[redirect.doc].url,
            )
            pages.append(PageSpec(path=path, template="moved.md.jinja", context=(("moved", page),)))
    return pages


@dataclass(frozen=True, kw_only=True)
class GonePage:
    url: str  # the address that was published
    notice: str
    target: str | None  # the page readers go to now (a ``page:`` entry's ``to``), or None


def page_stubs(site: Site, answered: tuple[Answered, ...]) -> list[PageSpec]:
    """A page at each published address that is gone for another reason than a removed clause
    (track/published.py): the ``page:`` entry's notice, or the removed document's."""
    pages = []
    for gone in answered:
        if isinstance(gone.entry, PageRedirect):
            page = GonePage(url=gone.url, notice=notice(gone.entry), target=gone.entry.to)
        else:  # a removed document's page (its task pages): the notice is the document's
            page = GonePage(url=gone.url, notice=f"此页面属于已移除的文件。{notice(gone.entry)}", target=None)
        path = gone.url.strip("/") + ".md"
        pages.append(PageSpec(path=path, template="page_moved.md.jinja", context=(("gone", page),)))
    return pages
