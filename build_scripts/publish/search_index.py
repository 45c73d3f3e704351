"""Build ``docs/data/search-index.json`` for the clause search worker.

The site's search box is Material for MkDocs' own header search UI, but the
web worker behind it is ours (``overrides/assets/javascripts/
clause-search-worker.js``, wired in through ``overrides/main.html``).  That
worker fetches the JSON written from :func:`build_search_index` and ranks
*clauses and sentences*, so a query lands on ``/documents/<slug>/#<anchor>``
instead of on a whole page.

Format (version 1), compact and deterministic::

    {
      "v": 1,
      "p": [ {"l": "documents/<slug>/", "t": "<full document title>",
              "c": "《简称》（文号）"}, ... ],              # how a citation names the document
      "e": [ {"l": "documents/<slug>/#<anchor>",   # link, relative to site base
              "t": "《简称》 四、（二）",            # display title (plain text)
              "x": "<clause text>",                  # searchable text (plain text)
              "k": "sentence",                       # kind (ClauseKind value, or
                                                     #  "document" / "page")
              "g": 0,                                # index into "p" (group), optional
              "u": 12,                               # index of parent entry, optional
              "c": ["第55项", "第五十五项",            # how a reader cites or labels it, optional: the
                    "任务55", "任务五十五"],           #  position part of its 复制引用 citation and,
                                                     #  for a task, 任务N, each followed by its form in
                                                     #  Chinese numerals when it numbers a task or item
                                                     #  in Arabic digits; a query that is one of them
                                                     #  (alone, or after its document's "c") finds it
              "n": ["国家知识产权局", "知识产权局"],    # the names a page is known by, optional:
                                                     #  a query that is one of them ranks the page
                                                     #  first, one that is only part of one does not
              "r": 31},                              # a task or agency page: how many characters at the
                                                     #  end of "x" name agencies (who does a task, not
                                                     #  what it is), optional; a query found only there
                                                     #  and naming no agency follows the other results
             ... ],
      "a": {"电商": ["电子商务"], ...},               # everyday forms → the texts' wording for them
                                                     #  (search_terms.yaml), optional: a query holding
                                                     #  a form is read with each wording in its place;
                                                     #  a word a form is not read in (国家机密 of 机密)
                                                     #  has none, and is read as typed
      "t": {"導": "导", ...}                          # traditional → simplified, for the characters
                                                     #  the index holds (traditional.tsv)
    }

All strings are plain text; the worker escapes them before rendering.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy

from build_scripts.citation import document_citation, positions
from build_scripts.model import (
    NUMBERED_KINDS,
    Clause,
    ClauseKind,
    Document,
    OutputFile,
    PageSpec,
    SearchTerm,
    Site,
)
from build_scripts.numerals import int_to_cn
from build_scripts.patterns import ARABIC_ITEM_LABEL_RE, ARABIC_PARAGRAPH_TASK_LABEL_RE, PROSE_END

FORMAT_VERSION = 1
SEARCH_INDEX_PATH = "data/search-index.json"  # the worker fetches ../../data/search-index.json
HEADING_MAX = 24  # characters of heading words kept in a display title

# Preamble lines are skipped unless they are prose (PROSE_END): the covering notice's own sentences
# (``…请认真贯彻执行。``, 59号's paragraphs about the 《方案》) are text people read and search, while the
# title lines, 文号, addressees, signature and date are not (the document
# entry already carries title, 文号, issuer and date).


def _searchable(clause: Clause) -> bool:
    if not clause.text.strip():
        return False
    return clause.kind is not ClauseKind.PREAMBLE or PROSE_END in clause.text


class _DisplayTitles:
    """``《简称》 四、（二）3. 标题`` — numbering path of a clause plus the heading words of its
    nearest titled numbered ancestor (or itself).

    Both parts are built from the parent's, worked out once per parent: walking every
    clause's whole chain of ancestors would redo the same walk for each of its siblings.
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.by_id = {c.id: c for c in doc.clauses}
        self.parts: dict[str | None, tuple[str, str]] = {}  # parent id → (labels, heading)

    def title(self, clause: Clause) -> str:
        labels, heading = self._parts(clause)
        parts = [self.doc.meta.cited_title]
        if labels:
            parts.append(labels)
        if heading:
            parts.append(heading)
        if clause.kind is ClauseKind.TABLE_ROW:
            parts.append("表")
        return " ".join(parts)

    def path(self, clause: Clause) -> str:
        """A subsection's numbering as its heading prints it, without the 、 (四（六）): how readers write
        it, alone or after the document (86号 四（六）); its citation is 第四部分第（六）条 (second
        public-reader review: 四（六） found its tasks, not the subsection). Empty for other clauses."""
        if clause.kind is not ClauseKind.SUBSECTION:
            return ""
        return self._parts(clause)[0].replace("、", "")

    def _parts(self, clause: Clause) -> tuple[str, str]:
        """(labels of the numbered clauses from the top down to ``clause``, nearest heading words)."""
        labels, heading = self._parent_parts(clause.parent)
        if clause.kind in NUMBERED_KINDS:
            if clause.label:
                labels += clause.label.strip()
            if clause.title:
                heading = clause.title.strip()
                if len(heading) > HEADING_MAX:
                    heading = heading[: HEADING_MAX - 1] + "…"
        return labels, heading

    def _parent_parts(self, parent_id: str | None) -> tuple[str, str]:
        if parent_id not in self.parts:
            parent = self.by_id.get(parent_id) if parent_id else None
            self.parts[parent_id] = self._parts(parent) if parent is not None else ("", "")
        return self.parts[parent_id]


def _cited_forms(labels: Iterable[str]) -> list[str]:
    """The labels, each one that numbers a task or an item in Arabic digits (任务55, 第55项,
    第四部分第（六）条第2项) followed by the same in Chinese numerals (任务五十五, 第五十五项,
    第四部分第（六）条第二项): readers type both, as the documents number their parts in Chinese
    numerals. So is a task's label that numbers a paragraph (任务二（三）第3段 and 任务二（三）第三段, the
    form its page was headed by before). The worker matches labels whole, so 任务五 stays apart from 任务五十五."""
    forms = []
    for label in labels:
        forms.append(label)
        match = ARABIC_ITEM_LABEL_RE.match(label) or ARABIC_PARAGRAPH_TASK_LABEL_RE.match(label)
        if match:
            forms.append(label[: match.start("num")] + int_to_cn(int(match["num"])) + label[match.end("num") :])
    return list(dict.fromkeys(forms))  # a box's label is its citation too (专栏7): once


def _document_text(doc: Document) -> str:
    meta = doc.meta
    bits = [meta.title, meta.short_title, meta.doc_number, meta.issuer, meta.date or ""]
    return " ".join(b for b in bits if b)


@dataclass(frozen=True, kw_only=True, order=True)
class PageEntry:
    """A page that asks to be searchable (a task, an agency, a section of the site)."""

    location: str  # relative to the site root, without a leading slash: "tasks/t-035/"
    title: str
    text: str
    names: tuple[str, ...] = ()  # what the page is called (an agency: 国家知识产权局, 知识产权局)
    labels: tuple[str, ...] = ()  # how a reader cites it (a task: 任务55, 第55项)
    document: str = ""  # slug of the document it belongs to, whose citation may come before a label
    aside: int = 0  # characters at the end of ``text`` that name agencies: who does a task, not what it is


def build_search_index(
    documents: Iterable[Document],
    extra_entries: Sequence[PageEntry] = (),
    task_labels: Mapping[str, str] | None = None,
    *,
    terms: Iterable[SearchTerm] = (),
) -> str:
    """Return the JSON text of ``docs/data/search-index.json``.

    ``documents``: parsed documents; one entry is written per clause
    (sentences included; ``title`` clauses and non-prose ``preamble`` lines skipped) plus one
    entry per document; a clause is labelled by the position part of its citation.
    ``extra_entries``: other pages (tasks, agencies, indicators …).
    ``task_labels``: clause id → the label of the task it is (``任务55``).
    ``terms``: everyday forms of the texts' wording (search_terms.yaml).
    Documents are ordered by slug and clauses keep document order, so the
    output is byte-for-byte reproducible.
    """
    pages: list[dict[str, str]] = []
    entries: list[dict[str, object]] = []
    groups: dict[str, int] = {}  # document slug → its index in pages
    task_labels = task_labels or {}

    for doc in sorted(documents, key=lambda d: d.meta.slug):
        slug = doc.meta.slug
        page_location = f"documents/{slug}/"
        group = groups[slug] = len(pages)
        pages.append({"l": page_location, "t": doc.meta.title, "c": document_citation(doc)})
        entries.append(
            {
                "l": page_location,
                "t": doc.meta.cited_title,
                "x": _document_text(doc),
                "k": "document",
                "g": group,
            }
        )
        titles = _DisplayTitles(doc)
        cited = positions(doc)
        position: dict[str, int] = {}
        for clause in doc.clauses:
            if not _searchable(clause):
                continue
            entry: dict[str, object] = {
                "l": f"{page_location}#{clause.anchor}",
                "t": titles.title(clause),
                "x": clause.text,
                "k": clause.kind.value,
                "g": group,
                "c": _cited_forms(
                    label for label in (cited[clause.id], task_labels.get(clause.id), titles.path(clause)) if label
                ),
            }
            if clause.parent and clause.parent in position:
                entry["u"] = position[clause.parent]
            position[clause.id] = len(entries)
            entries.append(entry)

    for page in sorted(extra_entries):
        entry = {"l": page.location.lstrip("/"), "t": page.title, "x": page.text, "k": "page"}
        if page.names:
            entry["n"] = list(page.names)
        if page.labels:
            entry["c"] = _cited_forms(page.labels)
        if page.document in groups:
            entry["g"] = groups[page.document]
        if page.aside:
            entry["r"] = page.aside
        entries.append(entry)

    # The index written once: "t" (which needs the characters of the rest) goes in between "p" and "v",
    # where sort_keys would put it; encoding the whole index a second time for it took about 0.01 s.
    index: dict[str, object] = {"v": FORMAT_VERSION, "p": pages, "e": entries}
    forms: dict[str, list[str]] = {}
    for term in terms:
        forms[term.form] = list(term.means)
        forms.update((word, []) for word in term.not_in)  # read as typed: the form is no form there
    if forms:
        index["a"] = forms
    body = json.dumps(index, **_COMPACT)
    tail = f',"v":{json.dumps(FORMAT_VERSION)}}}'
    assert body.endswith(tail), "the keys of the index are a, e, p and v: v comes last"
    characters = json.dumps(traditional_forms(body), **_COMPACT)
    return f'{body[: -len(tail)]},"t":{characters}{tail}'


_COMPACT: dict[str, Any] = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}


TRADITIONAL_TABLE = Path(__file__).with_name("traditional.tsv")  # written by tests/traditional_table.py


@functools.cache
def _traditional() -> dict[str, str]:
    lines = TRADITIONAL_TABLE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


def traditional_forms(text: str) -> dict[str, str]:
    """Traditional character → its simplified form, for the simplified characters ``text`` holds: the worker
    reads a query's 專利導航 as 专利导航 (second public-reader review: it found nothing)."""
    # which code points the text holds, as flags: ``set(text)`` made a string of each of its 350,000
    # characters (0.01 s), numpy reads them as numbers
    held = numpy.zeros(sys.maxunicode + 1, dtype=bool)
    held[numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")] = True
    return {t: s for t, s in _traditional().items() if len(s) == 1 and held[ord(s)]}


def page_search_entries(pages: Iterable[PageSpec]) -> list[PageEntry]:
    """Every page that asks to be searchable.

    A page module opts a page in by putting ``("search_entry", (title, text))`` in its
    ``PageSpec.context`` (e.g. a task page: its number and title, and the task text with its
    agencies), or ``(title, text, names)`` for a page known by names (an agency: 国家知识产权局,
    知识产权局); the page's URL becomes the location. A page cited by labels adds
    ``("search_labels", (document slug, labels))`` (a task page: its document, 任务55 and 第55项), and
    ``("search_aside", n)`` when the last ``n`` characters of its text name who does the task (its agencies).
    """
    entries = []
    for page in pages:
        context = dict(page.context)
        if "search_entry" in context:
            search_entry = context["search_entry"]
            assert isinstance(search_entry, tuple) and len(search_entry) in (2, 3), (
                f"{page.path}: search_entry must be a (title, text) or (title, text, names) tuple"
            )
            title, text, *names = search_entry
            search_labels = context.get("search_labels", ("", ()))
            assert isinstance(search_labels, tuple) and len(search_labels) == 2, (
                f"{page.path}: search_labels must be a (document slug, labels) tuple"
            )
            document, labels = search_labels
            aside = context.get("search_aside", 0)
            assert isinstance(aside, int) and 0 <= aside <= len(str(text)), (
                f"{page.path}: search_aside must fit the text"
            )
            entries.append(
                PageEntry(
                    location=page.url.lstrip("/"),
                    title=str(title),
                    text=str(text),
                    names=tuple(names[0]) if names else (),
                    labels=tuple(labels),
                    document=str(document),
                    aside=aside,
                )
            )
    return entries


def search_index_file(site: Site, pages: Iterable[PageSpec]) -> OutputFile:
    """``docs/data/search-index.json``: every clause plus the opted-in pages."""
    task_labels = {task.clause: task.label for task in site.tasks}
    content = build_search_index(
        site.corpus.documents, page_search_entries(pages), task_labels, terms=site.search_terms
    )
    return OutputFile(path=SEARCH_INDEX_PATH, content=content + "\n")
