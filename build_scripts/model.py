"""The data model: every stage passes these frozen, keyword-only dataclasses.

Templates receive these objects, never ad-hoc dicts. Tuples (not lists) keep
them hashable and immutable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class ClauseKind(str, Enum):
    """What a clause is, by the document's own numbering grammar."""

    TITLE = "title"  # the document's own title line(s)
    PREAMBLE = "preamble"  # addressee, signature, date lines before the body
    SECTION = "section"  # 一、
    SUBSECTION = "subsection"  # （一） / (一)
    ITEM = "item"  # 1. / 1．
    SUBITEM = "subitem"  # （1）
    BOX = "box"  # 专栏N heading
    TABLE = "table"  # an indicator table's caption
    TABLE_HEADER = "table_header"  # an indicator table's header row
    TABLE_ROW = "table_row"  # one row of an indicator table
    TABLE_NOTE = "table_note"  # 注：…
    PARAGRAPH = "paragraph"  # an unnumbered paragraph
    SENTENCE = "sentence"  # a sentence of any of the above

    def __str__(self) -> str:  # pragma: no cover - cosmetic
        return self.value


NUMBERED_KINDS = frozenset(
    {ClauseKind.SECTION, ClauseKind.SUBSECTION, ClauseKind.ITEM, ClauseKind.SUBITEM, ClauseKind.BOX}
)


@dataclass(frozen=True, kw_only=True)
class SourceLine:
    """One line of a source text, as cleaned, with its 1-based line number."""

    number: int
    text: str


@dataclass(frozen=True, kw_only=True)
class Clause:
    """One addressable unit of a document.

    ``id`` is ``<doc slug>/<path>``; ``anchor`` is the page-local HTML id.
    ``text`` holds the clause's own cleaned text with its numbering label;
    for a sentence it is a slice of its parent's text.
    """

    id: str
    doc: str
    parent: str | None
    kind: ClauseKind
    label: str
    number_path: tuple[str, ...]
    text: str
    anchor: str
    line: int  # 1-based source line where the clause starts
    depth: int  # 0 for top-level clauses
    title: str = ""  # heading words without the label, e.g. "总体要求"

    @property
    def is_sentence(self) -> bool:
        return self.kind is ClauseKind.SENTENCE


@dataclass(frozen=True, kw_only=True)
class Successor:
    name: str
    year: int | None
    note: str


@dataclass(frozen=True, kw_only=True)
class TableSpec:
    """A table the text lays out one cell per line."""

    caption: str
    columns: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class DocumentMeta:
    """Curated metadata of one document (``source_texts/documents.yaml``)."""

    slug: str
    title: str
    short_title: str
    doc_number: str
    issuer: str
    date: str | None  # 成文日期, ISO
    published: str | None  # 发布日期, ISO
    level: str  # national | ministry | municipal
    implements: str | None  # 文号 of the implemented document
    source_file: str
    dropped_lines: tuple[str, ...]
    provenance: tuple[tuple[str, str], ...] = ()  # (field, where the value came from)
    body_starts_at: str | None = None  # start of the body's first line, as cleaned
    tables: tuple[TableSpec, ...] = ()
    item_numbering: str = "nested"  # nested | global
    line: int = 1  # where the entry starts in documents.yaml


@dataclass(frozen=True, kw_only=True)
class ExternalDocument:
    """A document cited by the texts but not in the collection."""

    doc_number: str
    title: str


@dataclass(frozen=True, kw_only=True)
class Document:
    meta: DocumentMeta
    clauses: tuple[Clause, ...]
    sha256: str
    dropped: tuple[SourceLine, ...]  # lines dropped as web-page chrome
    line_count: int

    @property
    def slug(self) -> str:
        return self.meta.slug

    @property
    def url(self) -> str:
        return f"/documents/{self.meta.slug}/"


@dataclass(frozen=True, kw_only=True)
class Agency:
    id: str
    name: str
    full_name: str
    short_names: tuple[str, ...]
    kind: str
    successor: Successor | None
    source: str = ""

    @property
    def url(self) -> str:
        return f"/agencies/{self.id}/"


@dataclass(frozen=True, kw_only=True)
class Task:
    """A numbered task or measure with its responsible agencies."""

    id: str
    doc: str
    number: str
    clause: str  # clause id
    title: str
    text: str
    lead_agencies: tuple[str, ...]
    other_agencies: tuple[str, ...]
    mode: str  # sole | first_listed | explicit | by_duty | none
    open_list: bool
    section: str = ""  # clause id of the enclosing section

    @property
    def url(self) -> str:
        return f"/tasks/{self.id}/"


@dataclass(frozen=True, kw_only=True)
class Mention:
    """Where a name occurs in a clause."""

    clause: str
    start: int
    end: int
    surface: str


@dataclass(frozen=True, kw_only=True)
class Indicator:
    id: str
    name: str
    unit: str | None
    baseline: float | None
    baseline_year: int | None
    target: float | None
    target_year: int | None
    increase: float | None
    attribute: str | None
    note: str | None
    variants: tuple[str, ...] = ()
    clause: str | None = None
    mentions: tuple[Mention, ...] = field(default_factory=tuple)

    @property
    def url(self) -> str:
        return f"/indicators/{self.id}/"


@dataclass(frozen=True, kw_only=True)
class CrossRef:
    national: str  # clause id
    local: str  # Chongqing sentence clause id
    score: float
    method: str  # auto | curated
    remark: str = ""


@dataclass(frozen=True, kw_only=True)
class Corpus:
    """Everything the render stage needs, gathered before anything is written."""

    documents: tuple[Document, ...]
    external: tuple[ExternalDocument, ...] = ()

    def clauses(self):
        for document in self.documents:
            yield from document.clauses

    def clause_index(self) -> dict[str, Clause]:
        return {clause.id: clause for clause in self.clauses()}

    def document(self, slug: str) -> Document:
        for document in self.documents:
            if document.meta.slug == slug:
                return document
        raise KeyError(slug)


@dataclass(frozen=True, kw_only=True)
class Site:
    """The whole linked model: what the render stage turns into pages and data."""

    corpus: Corpus
    agencies: tuple[Agency, ...] = ()
    tasks: tuple[Task, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    crossrefs: tuple[CrossRef, ...] = ()


@dataclass(frozen=True, kw_only=True)
class PageSpec:
    """One page to render: where it goes under docs/, through which template, with what."""

    path: str  # relative to docs/, e.g. "tasks/guobanhan-2016-66-t14.md"
    template: str  # e.g. "task.md.jinja"
    context: tuple[tuple[str, object], ...]  # template variables

    @property
    def url(self) -> str:
        stem = self.path.removesuffix(".md")
        if stem == "index":
            return "/"
        return "/" + stem.removesuffix("/index") + "/"


@dataclass(frozen=True, kw_only=True)
class OutputFile:
    """A rendered file under docs/."""

    path: str
    content: str
