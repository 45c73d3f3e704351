"""Page builders: each module turns part of the linked ``Site`` into ``PageSpec`` objects."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def grouped_by_document(site, items: Iterable[T]) -> tuple[tuple[object, tuple[T, ...]], ...]:
    """``(document, items of that document)`` in collection order, for items with a ``doc`` slug."""
    items = tuple(items)
    groups = []
    for document in site.corpus.documents:
        found = tuple(item for item in items if item.doc == document.slug)
        if found:
            groups.append((document, found))
    return tuple(groups)
