"""The data model: every stage passes these frozen, keyword-only dataclasses.

Templates receive these objects, never ad-hoc dicts. Tuples (not lists) keep
them hashable and immutable.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from . import patterns


class ClauseKind(StrEnum):
    """What a clause is, by the document's own numbering grammar."""

    PREAMBLE = "preamble"  # the lines before the body: title, 文号, addressees, a covering notice with its date
    CHAPTER = "chapter"  # 第一章 (a regulation's or measures' chapter)
    ARTICLE = "article"  # 第一条 (numbered through the whole text)
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


# The kinds the text numbers, outermost first (as messages list them).
NUMBERED_ORDER = (
    ClauseKind.CHAPTER,
    ClauseKind.ARTICLE,
    ClauseKind.SECTION,
    ClauseKind.SUBSECTION,
    ClauseKind.ITEM,
    ClauseKind.SUBITEM,
    ClauseKind.BOX,
)
NUMBERED_KINDS = frozenset(NUMBERED_ORDER)


@dataclass(frozen=True, kw_only=True)
class SourceLine:
    """One line of a source text, as cleaned, with its 1-based line number."""

    number: int
    text: str


@dataclass(frozen=True, kw_only=True)
class Clause:
    """One addressable unit of a document.

    ``id`` is ``<doc slug>/<path>``; ``anchor`` is the page-local HTML id, which follows from it.
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
    line: int  # 1-based source line where the clause starts
    depth: int  # 0 for top-level clauses
    title: str = ""  # heading words without the label, e.g. "总体要求"

    @property
    def anchor(self) -> str:
        """The page-local HTML id of the clause (``clause_anchor``)."""
        return clause_anchor(self.id)

    @property
    def url(self) -> str:
        """Site-absolute URL of the clause: its document page and anchor."""
        return clause_url(self.id)


@dataclass(frozen=True, kw_only=True)
class Successor:
    name: str
    year: int | None
    note: str
    # the body that took over in a later reform again, when the successor has itself gone (银保监会's
    # work went to 国家金融监督管理总局 in 2023): (name, year); a list showing the successor alone misled
    later: tuple[str, int | None] | None = None

    @property
    def chain(self) -> str:
        """中国银行保险监督管理委员会（2018年）→ 国家金融监督管理总局（2023年）: the list's and page's words."""
        steps = [(self.name, self.year), *([self.later] if self.later else [])]
        return " → ".join(name + (f"（{year}年）" if year else "") for name, year in steps)


@dataclass(frozen=True, kw_only=True)
class TableSpec:
    """A table the text lays out one cell per line."""

    caption: str
    columns: tuple[str, ...]
    line: int = 1  # where its caption stands in documents.yaml
    column: int = 1


@dataclass(frozen=True, kw_only=True)
class TaskScope:
    """Which clauses of a document are its tasks (documents.yaml ``tasks``): those of ``kind`` under
    the numbered ``sections`` (all when empty), at ``depth`` when given."""

    kind: ClauseKind
    sections: tuple[str, ...] = ()  # top-level numbers, as in clause ids: "4" for 四、
    depth: int | None = None
    line: int = 1  # where the scope stands in documents.yaml
    column: int = 1

    def holds(self, clause: Clause, section: str) -> bool:
        """Whether ``clause``, standing under the top-level clause ``section`` ("4" for 四、; a 专栏 box
        stands under the section its heading is in), is one of these tasks."""
        return (
            clause.kind is self.kind
            and (not self.sections or section in self.sections)
            and (self.depth is None or clause.depth == self.depth)
        )


# The kinds of clause a document's tasks may be (the numbered and unnumbered blocks of its body).
TASK_KINDS = (*NUMBERED_ORDER, ClauseKind.PARAGRAPH)


# (key, line, column) of each value of a curated entry: a later stage's message about one points at it
Positions = tuple[tuple[str, int, int], ...]


def position(positions: Positions, key: str, entry: tuple[int, int]) -> tuple[int, int]:
    """Where the value of ``key`` stands, or ``entry`` (where its entry starts) when it has none."""
    return next(((line, column) for name, line, column in positions if name == key), entry)


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
    level: str  # national | ministry | provincial | municipal (collection.LEVELS)
    implements: str | None  # 文号 of the implemented document
    source_file: str
    dropped_lines: tuple[str, ...]
    dropped_at: tuple[tuple[int, int], ...] = ()  # (line, column) of each dropped line in documents.yaml
    provenance: tuple[tuple[str, str], ...] = ()  # (field, where the value came from)
    body_starts_at: str | None = None  # start of the body's first line, as cleaned
    closing_starts_at: str | None = None  # start of the 落款's first line (issuer, date after the body)
    body_close_starts_at: str | None = None  # start of the body's closing paragraphs (结束语), top-level clauses
    tables: tuple[TableSpec, ...] = ()
    item_numbering: str = "nested"  # nested | global
    crossrefs: str | None = None  # its part in the cross-references (CROSSREF_ROLES), or none
    tasks: tuple[TaskScope, ...] = ()  # which clauses are its tasks (with global numbering: every item)
    line: int = 1  # where the entry starts in documents.yaml
    column: int = 1
    positions: Positions = ()  # where each of its values stands in documents.yaml

    def where(self, key: str) -> tuple[int, int]:
        """Where the value of ``key`` stands in documents.yaml (the entry's start when it has none): a
        message about the value points at it."""
        return position(self.positions, key, (self.line, self.column))

    @property
    def cited_title(self) -> str:
        """The short title in 《》 (``short_title`` is written with them; a bare one gets them)."""
        return cited(self.short_title or self.title)


def cited(title: str) -> str:
    """A title as cited: in 《》, which a short title is written with and a bare one gets."""
    return title if title.startswith("《") else f"《{title}》"


# A document's part in the cross-references (documents.yaml ``crossrefs``): the local document's
# sentences are matched against the tasks document's numbered tasks first (the classifier, fitted on
# judged pairs), then against the sentences of each national document (near-copies only).
CROSSREF_ROLES = ("tasks", "national", "local")


@dataclass(frozen=True, kw_only=True)
class CrossrefRoles:
    """Which documents of a corpus the link stage matches (slugs, in documents.yaml order)."""

    tasks: str | None = None  # at most one
    local: str | None = None  # at most one
    national: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ExternalDocument:
    """A document cited by the texts but not in the collection."""

    doc_number: str
    title: str
    line: int = 1  # where its doc_number stands in external.yaml
    column: int = 1


@dataclass(frozen=True, kw_only=True)
class Document:
    meta: DocumentMeta
    clauses: tuple[Clause, ...]
    sha256: str
    dropped: tuple[SourceLine, ...]  # lines dropped as web-page chrome
    line_count: int
    closing: tuple[SourceLine, ...] = ()  # the 落款 after the body (meta.closing_starts_at): not clauses
    edits: tuple[tuple[str, tuple[int, ...]], ...] = ()  # each clean.RULES rule that changed lines: those lines
    # the file's bytes as read (sha256 is theirs), published as data/sources/<source_file>: not compared,
    # not hashed (a Document keys caches), not shown
    source: bytes = field(default=b"", repr=False, compare=False)
    encoding: str = "utf-8"  # what ``source`` was decoded as: utf-8 (a BOM or none) or gb18030

    @property
    def edited(self) -> tuple[int, ...]:
        """The lines the clean stage changed beyond white space, in order."""
        return tuple(sorted({n for _, lines in self.edits for n in lines}))

    @property
    def slug(self) -> str:
        return self.meta.slug

    @property
    def url(self) -> str:
        return f"/documents/{self.meta.slug}/"


# The page of agencies.yaml's agencies by section (agencies/matrix.md), beside each agency's agencies/<id>.md:
# no agency's id (``load.curated.Fields.page_id``).
AGENCY_MATRIX = "matrix"

# The kinds an agency may have in agencies.yaml (``Agency.kind``) and how pages name them, in the
# order the list of agencies groups them (the Party's organs first, as official lists have them).
AGENCY_KINDS = {
    "party_organ": "党中央机构",
    "state_council_department": "国务院组成部门",
    # 国发〔2013〕14号 and 15号, in force in 2015-2016
    "state_council_special": "国务院直属特设机构",
    "state_council_agency": "国务院直属机构",
    "state_council_office": "国务院办事机构",
    "ministry_bureau": "部委管理的国家局",
    "regulator": "监管机构",
    "public_institution": "事业单位",
    "court": "审判机关",
    "procuratorate": "检察机关",
    "military": "军队机构",
    "people_organisation": "人民团体",
    "coordination_body": "议事协调机构",
    "local": "地方机构",
}


@dataclass(frozen=True, kw_only=True)
class Agency:
    id: str
    name: str
    full_name: str
    short_names: tuple[str, ...]
    kind: str
    successor: Successor | None
    # checked against the 2018 (and 2023) reform plans: how the body went on under its name; "" when not
    # checked (and no successor): the page says 未核实
    unchanged: str = ""
    former_names: tuple[str, ...] = ()  # those of short_names that are the body's earlier name, not a short one
    search_aliases: tuple[str, ...] = ()  # forms in common use the texts do not use (发改委): search only
    search_offices: tuple[str, ...] = ()  # its offices of the texts' time (工商总局's 商标局): search only
    source: str = ""
    line: int = 1  # where the entry starts in agencies.yaml
    mentions: tuple[Mention, ...] = ()  # every place the texts name it (extract/agencies.py)

    @property
    def url(self) -> str:
        return f"/agencies/{self.id}/"


@dataclass(frozen=True, kw_only=True)
class SearchTerm:
    """An everyday form of the texts' wording, for the search box only (source_texts/search_terms.yaml): a
    query holding ``form`` (电商) is read with each of ``means`` (电子商务), the texts' own words, in its place."""

    form: str
    means: tuple[str, ...]
    line: int = 1  # where the entry starts in search_terms.yaml
    not_in: tuple[str, ...] = ()  # longer words holding the form where it means something else (国家机密)


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
    mentioned_agencies: tuple[str, ...] = ()  # named in the text without a role (mode none)

    @property
    def url(self) -> str:
        return f"/tasks/{self.id}/"

    @property
    def label(self) -> str:
        """``任务55``, ``任务四（六）2``: how the site labels the task (its page, the 对照 pages); a box is
        its own label (``专栏7``, not 任务专栏7), and so is a number that cites itself: a regulation's article
        (``第三条``, not 任务第三条) or a paragraph of a text without numbered parts (``第1段``)."""
        if patterns.BOX_RE.match(self.number) or self.number.startswith("第"):
            return self.number
        return f"任务{self.number}"

    @property
    def heading(self) -> str:
        """``任务10 在对党政领导班子…``, ``专栏3 专利质量提升工程``: the words that name the task wherever
        the site names it whole: its page's heading and title (after its document's), its search result,
        and every list that links it (相关任务, an agency's tasks, 对照总览). A bare number (10 在对…) told
        a reader on a phone, seeing a tab or a search result, nothing of what it numbered."""
        return f"{self.label} {self.title}"


@dataclass(frozen=True, kw_only=True)
class Mention:
    """Where a name occurs in a clause."""

    clause: str
    start: int
    end: int
    surface: str
    role: bool = False  # inside a 66号 responsibility parenthetical (a role, listed with the tasks)


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
    doc: str = ""  # slug of the document that sets the goal
    target_text: str | None = None  # the goal as written when it is not one number: "3—4"
    target_low: float | None = None  # a range's ends ("3—4" → 3, 4); target is then None
    target_high: float | None = None
    group: str = ""  # the table caption or the heading the goal stands under
    goal: str | None = None  # for a prose goal: the words that carry the number
    agencies: tuple[str, ...] = ()  # agency ids whose registrations or statistics it counts (curated)
    remark: str = ""  # the site's note for readers (curated): a figure in the texts that is not what it looks

    @property
    def url(self) -> str:
        return f"/indicators/{self.id}/"


# (lowest similarity, the words pages say of a link's texts): the first band a score reaches.
# The score counts shared pairs of characters, so the words say what is the same, not what is alike;
# near-verbatim copies start at about 0.7 (a wording review found 0.50–0.58 pairs sharing one phrase).
LIKENESS_BANDS: tuple[tuple[float, str], ...] = (
    (0.7, "文字大段相同"),
    (0.45, "文字多处相同"),
    (0.2, "文字部分相同"),
    (float("-inf"), "相同文字很少，依上下文判定"),  # the 66号 matcher reads the paragraph and headings
)


@dataclass(frozen=True, kw_only=True)
class CrossRef:
    """A national clause and the Chongqing sentence that carries it out (``link/crossrefs.py``)."""

    national: str  # clause id
    local: str  # Chongqing sentence clause id
    score: float
    method: str  # auto | curated
    remark: str = ""

    @property
    def group(self) -> str:
        """Clause id of the Chongqing paragraph (measure group) that holds the sentence."""
        return self.local.rsplit("/", 1)[0]

    @property
    def likeness(self) -> str:
        """The similarity in words, as the pages give it first (a bare 0.02 beside a link puzzled
        readers: the 66号 matcher also reads the paragraph's lead phrase and the task's heading)."""
        shown = round(self.score, 2)  # the band of the number shown beside it (0.497 is shown 0.50)
        return next(words for floor, words in LIKENESS_BANDS if shown >= floor)

    @property
    def anchor(self) -> str:
        """Page-local id of this pair's side-by-side comparison."""
        return f"{clause_anchor(self.local)}-vs-{self.national.replace('/', '-')}"

    @property
    def url(self) -> str:
        """The comparison, on the 对照 page of the Chongqing measure group."""
        return f"/crossrefs/chongqing/{clause_anchor(self.group)}/#{self.anchor}"


def clause_anchor(clause_id: str) -> str:
    """The page-local HTML id of a clause: ``guofa-2016-86/4-2-3/s1`` → ``c4-2-3-s1``.

    Ids never start with a digit, so they are valid CSS selectors too.
    """
    anchor = clause_id.split("/", 1)[1].replace("/", "-")
    return f"c{anchor}" if anchor[:1].isdigit() else anchor


def id_prefixes(clause_id: str) -> list[str]:
    """``clause_id`` and the ids it continues with ``/``, nearest first: ``…/t7/s1`` → ``…/t7/s1``,
    ``…/t7``, ``…``. A sentence or paragraph is inside the clause its id continues; a numbered child
    (``2-1`` under ``2``) continues with ``-`` and is not found so."""
    parts = clause_id.split("/")
    return ["/".join(parts[:end]) for end in range(len(parts), 0, -1)]


def page_url(path: str) -> str:
    """Site-absolute URL of the page at ``path`` under docs/: ``tasks/x.md`` → ``/tasks/x/``."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return "/"
    return "/" + stem.removesuffix("/index") + "/"


@functools.lru_cache(maxsize=8192)
def natural(clause_id: str) -> tuple[int | str, ...]:
    """Sort key that orders t9 before t10 (and p1, p1a, p2)."""
    parts = patterns.ID_DIGITS_RE.split(clause_id)  # every other part is a run of digits
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


def clause_url(clause_id: str) -> str:
    """Site-absolute URL of a clause id, e.g. ``/documents/guofa-2016-86/#c4-2-3-s1``: the one place it is built."""
    return f"/documents/{clause_id.split('/', 1)[0]}/#{clause_anchor(clause_id)}"


def id_written_otherwise(written: str, ids: Iterable[str]) -> str | None:
    """The one of ``ids`` that ``written`` names in another form: its address as a page shows it
    (``/documents/guozhifaguanzi-2015-59/#c2-2-4``, or the whole link), its task page's address
    (``/tasks/guofa-2016-86-4-2-1/``) or that page's name alone (``guobanhan-2016-66-t5``), its anchor after
    the slug (``yufufa-2016-25/1-p1-s1`` or ``yufufa-2016-25#c1-p1-s1`` for ``yufufa-2016-25/1/p1/s1``); None
    when it names none of them."""
    task = patterns.TASK_ADDRESS_RE.search(written)
    if task is not None or ("/" not in written and "#" not in written):
        name = task["task"] if task is not None else written
        return next((i for i in ids if i.replace("/", "-") == name), None)
    found = patterns.CLAUSE_ADDRESS_RE.search(written) or patterns.SLUG_ANCHOR_RE.search(written)
    if found is not None:
        address = f"/documents/{found['slug']}/#{found['anchor']}"
    elif "/" in written:
        address = clause_url(written)
    else:
        return None
    slug = address.split("/")[2]
    return next((i for i in ids if i != written and i.startswith(slug + "/") and clause_url(i) == address), None)


@dataclass(frozen=True, kw_only=True)
class Corpus:
    """Everything the render stage needs, gathered before anything is written."""

    documents: tuple[Document, ...]
    external: tuple[ExternalDocument, ...] = ()

    def clauses(self) -> Iterator[Clause]:
        for document in self.documents:
            yield from document.clauses

    def clause_index(self) -> dict[str, Clause]:
        """Clause id → clause, built once per corpus (the corpus is immutable). Do not mutate."""
        return self._index

    @cached_property
    def _index(self) -> dict[str, Clause]:
        return {clause.id: clause for clause in self.clauses()}

    @cached_property
    def crossref_roles(self) -> CrossrefRoles:
        """The documents.yaml ``crossrefs`` roles of this corpus's documents (checked unique when loaded)."""
        role = {r: tuple(d.slug for d in self.documents if d.meta.crossrefs == r) for r in CROSSREF_ROLES}
        return CrossrefRoles(
            tasks=next(iter(role["tasks"]), None), local=next(iter(role["local"]), None), national=role["national"]
        )

    @cached_property
    def linked_documents(self) -> tuple[Document, Document] | None:
        """(tasks document, local document) when the corpus has both: what the link stage matches."""
        roles = self.crossref_roles
        if roles.tasks is None or roles.local is None:
            return None
        return self.document(roles.tasks), self.document(roles.local)

    def document(self, slug: str) -> Document:
        for document in self.documents:
            if document.meta.slug == slug:
                return document
        raise KeyError(slug)

    def implemented(self, meta: DocumentMeta) -> tuple[Document | None, ExternalDocument | None]:
        """What the document says it carries out (``implements``): the document in the collection with
        that 文号, or else the one external.yaml names, or neither."""
        number = meta.implements
        if number is None:
            return None, None
        held = next((d for d in self.documents if d.meta.doc_number == number), None)
        return held, None if held else next((e for e in self.external if e.doc_number == number), None)


@dataclass(frozen=True, kw_only=True)
class Site:
    """The whole linked model: what the render stage turns into pages and data."""

    corpus: Corpus
    agencies: tuple[Agency, ...] = ()
    tasks: tuple[Task, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    crossrefs: tuple[CrossRef, ...] = ()
    # (national, local) of the links the matcher made and staff rejected (crossrefs.yaml): gone from every
    # page and from the data; a sentence or task left without a link is said to be so by staff, not missed
    rejected: frozenset[tuple[str, str]] = frozenset()
    redirects: tuple[Redirect, ...] = ()  # removed clause ids (source_texts/redirects.yaml)
    retired_documents: tuple[RetiredDocument, ...] = ()  # whole removed documents (redirects.yaml)
    moved_pages: tuple[PageRedirect, ...] = ()  # pages gone for other reasons (redirects.yaml ``page:``)
    recorded_pages: tuple[tuple[str, int], ...] = ()  # (URL, line): each page ever published (track/published.py)
    # the removed ids (and slugs) redirects.yaml answers for, as clause_ids.tsv's closing section keeps them
    removed_ids: tuple[str, ...] = ()
    search_terms: tuple[SearchTerm, ...] = ()  # everyday forms the search box reads as the texts' wording
    history: tuple[DocumentVersion, ...] = ()  # the change log (track/versions.py)
    # numbered clauses that name other words since a renumbering, with what they held (track/renumbering.py)
    renumberings: tuple[Renumbering, ...] = ()

    @cached_property
    def renumbered(self) -> dict[str, Renumbering]:
        """Clause id → its ``Renumbering``, for the clauses that have one."""
        return {r.clause: r for r in self.renumberings}

    @cached_property
    def rejected_locals(self) -> frozenset[str]:
        """The Chongqing sentences of the links staff rejected."""
        return frozenset(local for _, local in self.rejected)

    def rejected_within(self, clause_id: str) -> bool:
        """Whether staff rejected a link to this clause or to one inside it (a task's sentence)."""
        return any(clause_id in id_prefixes(national) for national, _ in self.rejected)

    def crossrefs_to(self, clause_id: str) -> tuple[CrossRef, ...]:
        """Cross-references whose national side is this clause or one of its sentences."""
        return self._crossrefs_within.get(clause_id, ())

    @cached_property
    def _crossrefs_within(self) -> dict[str, tuple[CrossRef, ...]]:
        """Clause id → cross-references to it or to a clause inside it, built once (every task page asks).

        A clause is inside another when its id continues the other's with ``/``, so each reference
        is filed under every ``/``-separated prefix of its national clause id.
        """
        within: dict[str, list[CrossRef]] = {}
        for ref in self.crossrefs:
            for prefix in id_prefixes(ref.national):
                within.setdefault(prefix, []).append(ref)
        return {clause_id: tuple(refs) for clause_id, refs in within.items()}

    def tasks_led_by(self, agency_id: str) -> tuple[Task, ...]:
        """Tasks the agency leads, in task order."""
        return self._tasks_led.get(agency_id, ())

    def tasks_shared_by(self, agency_id: str) -> tuple[Task, ...]:
        """Tasks the agency takes part in without leading (by_duty: carries within its remit, not listed first)."""
        return self._tasks_shared.get(agency_id, ())

    @cached_property
    def _tasks_led(self) -> dict[str, tuple[Task, ...]]:
        return _tasks_by_agency(self.tasks, lambda task: task.lead_agencies)

    @cached_property
    def _tasks_shared(self) -> dict[str, tuple[Task, ...]]:
        return _tasks_by_agency(self.tasks, lambda task: task.other_agencies)

    def clause(self, clause_id: str) -> Clause:
        return self._clause_index[clause_id]

    @cached_property
    def _clause_index(self) -> dict[str, Clause]:
        return self.corpus.clause_index()


def _tasks_by_agency(tasks: tuple[Task, ...], named: Callable[[Task], tuple[str, ...]]) -> dict[str, tuple[Task, ...]]:
    """Agency id → the tasks that name it (``named``), in task order: filed once, not searched per agency."""
    found: dict[str, list[Task]] = {}
    for task in tasks:
        for agency_id in dict.fromkeys(named(task)):  # a task once, even if it names the agency twice
            found.setdefault(agency_id, []).append(task)
    return {agency_id: tuple(found_tasks) for agency_id, found_tasks in found.items()}


@dataclass(frozen=True, kw_only=True)
class PageSpec:
    """One page to render: where it goes under docs/, through which template, with what."""

    path: str  # relative to docs/, e.g. "tasks/guobanhan-2016-66-t14.md"
    template: str  # e.g. "task.md.jinja"
    context: tuple[tuple[str, object], ...]  # template variables

    @property
    def url(self) -> str:
        return page_url(self.path)


@dataclass(frozen=True, kw_only=True)
class OutputFile:
    """A rendered file under docs/."""

    path: str
    content: str
    raw: bytes | None = None  # a file published as it is (a source text: its bytes, whatever its encoding)

    @property
    def data(self) -> bytes:
        """The bytes docs/ gets (write.py writes these; the 数据 page states their number)."""
        return self.raw if self.raw is not None else self.content.encode("utf-8")


# Change log and redirects (track/versions.py, track/redirects.py) -------------------------


@dataclass(frozen=True, kw_only=True)
class Redirect:
    """A clause id that no longer exists: where it went, or why it was retired."""

    old: str  # clause id, e.g. "yufufa-2016-25/2-1/p3"
    to: str | None  # clause id it moved to, or None when retired
    note: str  # why (required for a retired id)
    date: str | None = None  # ISO date of the change, when known
    line: int = 1  # where the entry starts in redirects.yaml
    # the position part of the citation it had where it stood ("文首第2行"; changelog.track_changes), "" unknown
    old_position: str = ""

    @property
    def doc(self) -> str:
        return self.old.split("/", 1)[0]

    @property
    def anchor(self) -> str:
        return clause_anchor(self.old)

    @property
    def url(self) -> str:
        return clause_url(self.old)

    @property
    def to_url(self) -> str | None:
        return None if self.to is None else clause_url(self.to)


@dataclass(frozen=True, kw_only=True)
class Renumbering:
    """A numbered clause whose number names other words than it did (a task deleted and the later ones numbered
    one less): the numbers whose words it holds now, and where its own went, as redirects.yaml's entries say.
    A link shared to the number lands on it: the page says so beside it (track/renumbering.py)."""

    clause: str  # its id: …/t100
    was: tuple[str, ...] = ()  # the position parts of the citations its words had (第101项)
    went: tuple[str, ...] = ()  # the numbered clauses its former opening words open now
    joined: tuple[str, ...] = ()  # … or stand inside (an item joined to the one before)
    retired: tuple[tuple[str, str], ...] = ()  # (where its retired words stood, 第100项第1句 or "", the entry's note)
    date: str | None = None  # the latest date of those entries, when one gives it


@dataclass(frozen=True, kw_only=True)
class RetiredDocument:
    """A document no longer in the collection (redirects.yaml ``id: <slug>``): why, for every anchor it had."""

    slug: str
    note: str
    date: str | None = None  # ISO date of the removal, when known
    line: int = 1  # where the entry starts in redirects.yaml
    title: str = ""  # its cited title and 文号 as the newest committed documents.yaml gave them ("": git has none)
    doc_number: str = ""

    @property
    def url(self) -> str:
        return f"/documents/{self.slug}/"


@dataclass(frozen=True, kw_only=True)
class PageRedirect:
    """A page the site published that is gone for a reason other than a removed clause or document
    (an agency or indicator id changed, a task scope or a cross-reference role was narrowed): where
    readers go now, or why it was retired. ``page`` is a site URL (``/agencies/x/``), or a prefix
    ending in ``*`` (``/tasks/guofa-2016-86-*``) that answers for every published page it starts."""

    page: str
    to: str | None  # site URL of a page this build publishes, or None when retired
    note: str
    date: str | None = None
    line: int = 1  # where the entry starts in redirects.yaml
    column: int = 1
    positions: Positions = ()  # where each of its values stands there

    def where(self, key: str) -> tuple[int, int]:
        """Where the value of ``key`` stands in redirects.yaml (the entry's start when it has none)."""
        return position(self.positions, key, (self.line, self.column))

    def covers(self, url: str) -> bool:
        """``/indicators/*`` covers the pages in the folder, not the folder's own page ``/indicators/``."""
        if not self.page.endswith("*"):
            return url == self.page
        stem = self.page[:-1]
        return url.startswith(stem) and url != stem


@dataclass(frozen=True, kw_only=True)
class ClauseChange:
    """One clause added, removed or modified between two versions of a document."""

    id: str
    change: str  # added | removed | modified
    kind: str  # ClauseKind value
    old_text: str | None
    new_text: str | None
    # the position part of its citation (``citation.positions``: "第二部分第（一）条第1段") counted in the
    # version it stands in: the newer one, the older for a removed clause; "" when not worked out
    position: str = ""


@dataclass(frozen=True, kw_only=True)
class DocumentVersion:
    """One version of a source text: a git commit that changed it, or the uncommitted working tree."""

    doc: str
    revision: str  # full commit hash, or "working-tree"
    date: str | None  # committer date (ISO 8601) from git; None for the working tree
    subject: str  # the commit's subject line
    clause_count: int
    changes: tuple[ClauseChange, ...]  # against the previous version; () for the first
    initial: bool = False  # the first version git knows

    @property
    def anchor(self) -> str:
        return f"{self.doc}-{self.revision[:12]}"
