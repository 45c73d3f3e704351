"""The home page and the section index pages."""

from __future__ import annotations

from ..model import PageSpec, Site
from .documents import level_name


def home_pages(site: Site) -> list[PageSpec]:
    level_names = {document.slug: level_name(document.meta) for document in site.corpus.documents}
    # who issued them, in the order documents.yaml lists them: the home page's summary (the kinds of
    # documents written into the template left a sixth document's issuer unsaid)
    issuers = tuple(dict.fromkeys(document.meta.issuer for document in site.corpus.documents))
    return [
        PageSpec(
            path="index.md",
            template="home.md.jinja",
            context=(
                ("documents", site.corpus.documents),
                ("level_names", level_names),
                ("issuers", issuers),
            ),
        ),
        PageSpec(
            path="documents/index.md",
            template="documents_index.md.jinja",
            context=(("documents", site.corpus.documents), ("level_names", level_names)),
        ),
    ]
