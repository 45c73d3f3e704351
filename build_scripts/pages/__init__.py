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
