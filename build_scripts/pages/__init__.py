"""Page builders: each module turns part of the linked ``Site`` into ``PageSpec`` objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from ..model import Document, Site


class _OfDocument(Protocol):
    @property
    def doc(self) -> str: ...  # the document's slug


T = TypeVar("T", bound=_OfDocument)


def grouped_by_document(site: Site, items: Iterable[T]) -> tuple[tuple[Document, tuple[T, ...]], ...]:
    """``(document, items of that document)`` in collection order, for items with a ``doc`` slug."""
    items = tuple(items)
    groups: list[tuple[Document, tuple[T, ...]]] = []
    for document in site.corpus.documents:
        found = tuple(item for item in items if item.doc == document.slug)
        if found:
            groups.append((document, found))
    return tuple(groups)


def role_sources(site: Site) -> str:
    """The 文号 of the documents whose tasks carry responsibility parentheticals (numbered through the
    text, as 66号's: ``item_numbering: global``), for the pages that say where roles come from."""
    numbers = [d.meta.doc_number for d in site.corpus.documents if d.meta.item_numbering == "global"]
    return "、".join(numbers) or "任务分工文件"
