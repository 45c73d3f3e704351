"""The home page and the section index pages."""

from __future__ import annotations

from ..model import PageSpec, Site
from . import grouped_by_document
from .documents import level_name


def home_pages(site: Site) -> list[PageSpec]:
    level_names = {document.slug: level_name(document.meta) for document in site.corpus.documents}
    # who issued them, in the order documents.yaml lists them: the home page's summary (the kinds of
    # documents written into the template left a sixth document's issuer unsaid)
    issuers = tuple(dict.fromkeys(document.meta.issuer for document in site.corpus.documents))
    # the documents whose goals the indicator pages hold (86号's table and 59号's 2030 goals: not a 规划 alone)
    indicator_sources = tuple(document.meta.doc_number for document, _ in grouped_by_document(site, site.indicators))
    return [
        PageSpec(
            path="index.md",
            template="home.md.jinja",
            context=(
                ("documents", site.corpus.documents),
                ("level_names", level_names),
                ("issuers", issuers),
                ("indicator_sources", indicator_sources),
            ),
        ),
        PageSpec(
            path="documents/index.md",
            template="documents_index.md.jinja",
            context=(("documents", site.corpus.documents), ("level_names", level_names)),
        ),
    ]
