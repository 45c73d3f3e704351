"""Agency pages: tasks led and shared, mentions by document, successor; the index and the matrix."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import AGENCY_KINDS, AGENCY_MATRIX, Agency, Clause, Document, Mention, PageSpec, Site
from . import role_sources


@dataclass(frozen=True, kw_only=True)
class MentionInContext:
    mention: Mention
    clause: Clause
    before: str
    after: str


CONTEXT_CHARS = 40


def in_context(mention: Mention, clauses: dict[str, Clause]) -> MentionInContext:
    clause = clauses[mention.clause]
    text = clause.text
    before = text[max(0, mention.start - CONTEXT_CHARS) : mention.start]
    after = text[mention.end : mention.end + CONTEXT_CHARS]
    return MentionInContext(
        mention=mention,
        clause=clause,
        before=("…" if mention.start > CONTEXT_CHARS else "") + before,
        after=after + ("…" if mention.end + CONTEXT_CHARS < len(text) else ""),
    )


def mentions_by_document(
    mentions: tuple[Mention, ...], site: Site, clauses: dict[str, Clause]
) -> tuple[tuple[Document, tuple[MentionInContext, ...]], ...]:
    groups = []
    for document in site.corpus.documents:
        found = tuple(in_context(m, clauses) for m in mentions if clauses[m.clause].doc == document.slug)
        if found:
            groups.append((document, found))
    return tuple(groups)


def matrix_sections(site: Site) -> tuple[Clause, ...]:
    """The top-level sections of the document whose tasks carry roles (66号)."""
    docs = {t.doc for t in site.tasks if t.mode != "none"}
    return tuple(c for c in site.corpus.clauses() if c.doc in docs and c.kind.value == "section")


def _entry_text(agency: Agency, known_as: tuple[str, ...]) -> str:
    """What a search result shows of an agency's page: its names, then its offices said as such (商标局 is
    no name of 工商总局; the result listed it among them)."""
    names = "、".join(name for name in known_as if name not in agency.search_offices)
    return f"{names}；内设机构：{'、'.join(agency.search_offices)}" if agency.search_offices else names


def agency_pages(site: Site) -> list[PageSpec]:
    clauses = site.corpus.clause_index()
    roles_from = role_sources(site)  # where the roles of the pages below come from
    names = {a.id: a.name for a in site.agencies}  # the short names the task tables list co-leads by
    pages = []
    task_counts = {}  # agency id → (led, shared), for the index
    for agency in site.agencies:
        led, shared = site.tasks_led_by(agency.id), site.tasks_shared_by(agency.id)
        task_counts[agency.id] = (len(led), len(shared))
        plain = tuple(m for m in agency.mentions if not m.role)
        known_as = tuple(  # search finds each
            dict.fromkeys(
                (agency.full_name, agency.name, *agency.short_names, *agency.search_aliases, *agency.search_offices)
            )
        )
        entry_text = _entry_text(agency, known_as)
        pages.append(
            PageSpec(
                path=f"agencies/{agency.id}.md",
                template="agency.md.jinja",
                context=(
                    ("agency", agency),
                    # the forms the texts use besides the full name the page is titled with (three bodies they
                    # name only in full showed it again under 简称)
                    (
                        "short_names",
                        tuple(n for n in agency.short_names if n != agency.full_name and n not in agency.former_names),
                    ),
                    ("kind_name", AGENCY_KINDS.get(agency.kind, agency.kind)),
                    ("led", led),
                    ("shared", shared),
                    ("agency_names", names),
                    ("role_count", sum(1 for m in agency.mentions if m.role)),
                    ("roles_from", roles_from),
                    ("mention_groups", mentions_by_document(plain, site, clauses)),
                    ("search_entry", (f"{agency.full_name}（{agency.name}）", entry_text, known_as)),
                    ("search_aside", len(entry_text)),  # its names, all of it: who does tasks, not what they are
                ),
            )
        )
    sections = matrix_sections(site)
    by_section = [[t for t in site.tasks if t.section == section.id] for section in sections]
    rows = []
    for agency in site.agencies:
        cells = []
        for in_section in by_section:
            cells.append(
                (
                    sum(1 for t in in_section if agency.id in t.lead_agencies),
                    sum(1 for t in in_section if agency.id in t.other_agencies),
                )
            )
        if any(lead or other for lead, other in cells):
            rows.append((agency, tuple(cells)))
    pages.append(
        PageSpec(
            path="agencies/index.md",
            template="agencies_index.md.jinja",
            context=(
                # by kind, in AGENCY_KINDS' order, each kind's agencies in the register's order
                (
                    "groups",
                    tuple(
                        (kind, name, tuple((a, *task_counts[a.id]) for a in site.agencies if a.kind == kind))
                        for kind, name in AGENCY_KINDS.items()
                        if any(a.kind == kind for a in site.agencies)
                    ),
                ),
                ("roles_from", roles_from),
                ("document_count", len(site.corpus.documents)),
            ),
        )
    )
    pages.append(
        PageSpec(
            path=f"agencies/{AGENCY_MATRIX}.md",
            template="agencies_matrix.md.jinja",
            context=(("sections", sections), ("rows", tuple(rows)), ("roles_from", roles_from)),
        )
    )
    return pages
