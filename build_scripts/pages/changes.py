"""The 变更记录 page: every version of every document, with its clause changes shown as differences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from ..citation import document_citation, positions
from ..model import ClauseChange, Document, DocumentVersion, PageSpec, Redirect, Site, natural
from ..track.redirects import notice
from ..track.versions import WORKING_TREE
from .marks import diff_html

CHANGES_PATH = "changes/index.md"
CHANGE_NAMES = {"added": "新增", "removed": "删除", "modified": "修改"}


@dataclass(frozen=True, kw_only=True)
class ShownChange:
    change: ClauseChange
    name: str  # 新增 | 删除 | 修改
    old_html: Markup  # escaped, removed characters in <del>
    new_html: Markup  # escaped, added characters in <ins>
    url: str | None  # where the clause (or its redirect notice) is now


@dataclass(frozen=True, kw_only=True)
class ShownVersion:
    version: DocumentVersion
    label: str  # "2016-12-30 · 版本 1a2b3c4" or "未提交的修改"
    changes: tuple[ShownChange, ...]


@dataclass(frozen=True, kw_only=True)
class ShownRedirect:
    """A gone clause id as the 链接变更 list cites it: where it stood, and where it is now."""

    redirect: Redirect
    old_citation: str  # its position as it stood ("文首第2行"), "" when unknown (Redirect.old_position)
    new_citation: str  # the position of the clause it moved to, after its document's citation when another one
    unmoved: bool = False  # cited the same as before (only the id changed)


@dataclass(frozen=True, kw_only=True)
class DocumentHistory:
    document: Document
    versions: tuple[ShownVersion, ...]  # newest first
    # its clause ids that are gone, and where each leads now (redirects.yaml): whatever removed them, a text's
    # edit or a change of documents.yaml (which changes no text, so no version shows it)
    moved: tuple[ShownRedirect, ...] = ()


def _shown(change: ClauseChange, urls: dict[str, str]) -> ShownChange:
    old, new = diff_html(change.old_text or "", change.new_text or "")
    return ShownChange(
        change=change,
        name=CHANGE_NAMES[change.change],
        old_html=old,
        new_html=new,
        url=urls.get(change.id),
    )


def _shown_redirects(site: Site, document: Document) -> tuple[ShownRedirect, ...]:
    """The document's gone clause ids (redirects.yaml), cited where they stood and where they went."""
    moved = sorted((r for r in site.redirects if r.doc == document.slug), key=lambda r: natural(r.old))
    shown = []
    for redirect in moved:
        new = ""
        if redirect.to is not None:
            target = site.corpus.document(redirect.to.split("/", 1)[0])
            new = positions(target)[redirect.to]
            if target.slug != document.slug:
                new = document_citation(target) + new
        shown.append(
            ShownRedirect(
                redirect=redirect,
                old_citation=redirect.old_position,
                new_citation=new,
                unmoved=bool(new) and new == redirect.old_position,
            )
        )
    return tuple(shown)


# China keeps no summer time: Beijing time is UTC+8 all year.
BEIJING = dt.timezone(dt.timedelta(hours=8))


def beijing_date(committed: str | None) -> str:
    """A commit's ISO date (its committer's own offset) as the day it was in Beijing, as the footer gives
    the build time: versions committed from other time zones are dated in one calendar, in order."""
    if not committed:
        return ""
    try:
        return dt.datetime.fromisoformat(committed).astimezone(BEIJING).date().isoformat()
    except ValueError:  # not what git's %cI prints: shown as given
        return committed[:10]


def change_pages(site: Site) -> list[PageSpec]:
    urls = {c.id: c.url for c in site.corpus.clauses()}
    urls.update({r.old: r.url for r in site.redirects})
    histories = []
    for document in site.corpus.documents:
        versions = [v for v in site.history if v.doc == document.slug]
        shown = tuple(
            ShownVersion(
                version=v,
                label="未提交的修改"
                if v.revision == WORKING_TREE
                else f"{beijing_date(v.date)} · 版本 {v.revision[:7]}",
                changes=tuple(_shown(c, urls) for c in v.changes),
            )
            for v in reversed(versions)
        )
        histories.append(DocumentHistory(document=document, versions=shown, moved=_shown_redirects(site, document)))
    search_entry = ("变更记录", "变更记录、修订记录、版本、新增、删除、修改的条款、链接变更")
    removed = tuple((d, notice(d)) for d in sorted(site.retired_documents, key=lambda d: d.slug))
    context = (("histories", tuple(histories)), ("removed", removed), ("search_entry", search_entry))
    return [PageSpec(path=CHANGES_PATH, template="changes.md.jinja", context=context)]
