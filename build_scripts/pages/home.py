"""The home page and the section index pages."""

from __future__ import annotations

from ..model import PageSpec, Site
from .documents import LEVEL_NAMES


def home_pages(site: Site) -> list[PageSpec]:
    return [
        PageSpec(
            path="index.md",
            template="home.md.jinja",
            context=(
                ("documents", site.corpus.documents),
                ("level_names", LEVEL_NAMES),
            ),
        ),
        PageSpec(
            path="documents/index.md",
            template="documents_index.md.jinja",
            context=(("documents", site.corpus.documents), ("level_names", LEVEL_NAMES)),
        ),
    ]
