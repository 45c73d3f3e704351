"""The orchestrator: load → clean → parse → pin ids → extract → link → track → render → write.

Everything is gathered and rendered before anything is written, so a problem in
any document leaves docs/ exactly as it was.
"""

from __future__ import annotations

import contextlib
import gc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from . import cache, fork
from .doubts import text_doubts
from .errors import BuildErrors, Collector, CurationError, OutputError, SourceError, SourceWarning
from .exclusive import signals_held
from .extract import extract
from .extract.agencies import FILE_NAME as AGENCIES_FILE
from .extract.indicators import FILE_NAME as INDICATORS_FILE
from .extract.tasks import check_agencies
from .link.curation import FILE_NAME as CROSSREFS_FILE
from .link.stage import link_crossrefs
from .link.terms import FILE_NAME as TERMS_FILE
from .load import collection, files
from .load.located_yaml import read_yaml
from .load.texts import ControlCharacterError, RawText, read_text
from .model import Corpus, Document, DocumentMeta, ExternalDocument, OutputFile, PageSpec, Site, page_url
from .pages.agencies import agency_pages
from .pages.changes import change_pages
from .pages.crossrefs import crossref_pages
from .pages.data import DATA_PAGE, data_pages, with_sizes
from .pages.documents import document_pages
from .pages.home import home_pages
from .pages.indicators import indicator_pages
from .pages.moved import moved_pages, page_stubs
from .pages.sections import SECTIONS, missing_section_indexes
from .pages.tasks import task_pages
from .parse import parse_document
from .publish import export
from .publish.search_index import search_index_file
from .publish.search_terms import FILE_NAME as SEARCH_TERMS_FILE
from .publish.search_terms import load_search_terms
from .render.jinja_env import BackgroundCompile
from .render.renderer import Renderer
from .track import changelog, clause_ids, git_log, published, versions
from .track.redirects import FILE_NAME as REDIRECTS_FILE
from .track.redirects import listed_targets, redirect_files
from .track.renumbering import renumberings
from .write import WriteReport, check_not_looped, check_rewritable, write_atomic, write_outputs


@dataclass(frozen=True, kw_only=True)
class GenerateResult:
    site: Site
    outputs: tuple[OutputFile, ...]
    report: WriteReport | None  # None when nothing was written (check)
    since_last_build: str = ""  # clause changes against docs/data/clauses.json, for the CLI
    ids_recorded: bool = False  # source_texts/clause_ids.tsv was written (new or changed ids)
    pages_recorded: int = 0  # addresses of new pages added to source_texts/published_pages.tsv
    warnings: tuple[SourceWarning, ...] = ()  # doubts about the sources that stopped nothing, for the CLI to say


def record_notes(result: GenerateResult, source: Path) -> list[str]:
    """What ``build``, ``generate`` and ``serve`` say of the records generate rewrote beside the texts."""
    notes = []
    if result.ids_recorded:
        notes.append(f"clause ids recorded in {source / clause_ids.FILE_NAME}: commit it with the texts")
    if result.pages_recorded:
        notes.append(
            f"{result.pages_recorded} new page(s) recorded in {source / published.FILE_NAME}: commit it with the texts"
        )
    return notes


def load_corpus(source: Path, errors: Collector) -> Corpus:
    """Load, clean and parse every document listed in ``documents.yaml``; raises ``BuildErrors`` with
    every problem of the texts and of the curated files' syntax. The texts' warnings (``doubts``)
    go to ``errors`` too."""
    metas: tuple[DocumentMeta, ...] = ()
    external: tuple[ExternalDocument, ...] = ()
    try:  # a file that does not read is one problem of the run, not the end of it
        metas = collection.load_documents(source, errors)
    except CurationError as error:
        errors.add(error)
    before = len(errors.errors)
    try:
        external = collection.load_external(source, errors, metas)
    except CurationError as error:
        errors.add(error)
    else:  # a list, or an entry of it, that did not read would make the 文号 it holds look unknown
        if len(errors.errors) == before:
            collection.check_implements(source, metas, external, errors)
    documents: list[Document] = []
    partial: list[Document] = []  # the texts that do not parse, as far as they do
    for meta in metas:
        try:
            raw = read_text(source / meta.source_file)
        except ControlCharacterError as error:  # a damaged character: the text's other problems are said too
            errors.add(error)
            if error.readable is None:
                continue
            raw = error.readable
        except SourceError as error:
            errors.add(error)
            continue
        document = _parsed(meta, raw, errors, yaml_path=source / "documents.yaml")
        if document is not None:
            documents.append(document)
            for warning in text_doubts(document, raw):  # from the parsed document: a cached parse warns too
                errors.warn(warning)
        elif meta.item_numbering == "global":  # its tasks' parentheticals are read all the same
            found = parse_document(meta, raw, Collector(), yaml_path=source / "documents.yaml", partial=True)
            partial.extend([found] if found is not None else [])
    _check_later_files(source, errors)  # the later stages read them one by one: each that does not read, now
    if errors.errors:  # the extract stage will not run: the problems it finds without the others, said now
        check_agencies(source, [*documents, *partial], errors)
    errors.raise_if_any()
    return Corpus(documents=tuple(documents), external=external)


def _check_apart(source: Path, docs: Path) -> None:
    """docs/ may not hold the texts nor lie among them: pages written into source_texts/ mix with the
    curated files, and MkDocs would publish texts and notes that lie under docs/. Neither may be a link that
    leads back to itself, which has no place to compare."""
    collection.check_source_folder(source)
    check_not_looped(docs)
    source_at, docs_at = source.resolve(), docs.resolve()
    if source_at == docs_at or source_at in docs_at.parents or docs_at in source_at.parents:
        raise SourceError(docs, 1, 1, f"expected a folder for pages apart from the source texts {source}, found {docs}")


# The curated files the stages after this one read; what they mean is checked against the parsed texts.
LATER_FILES = (AGENCIES_FILE, INDICATORS_FILE, TERMS_FILE, CROSSREFS_FILE, REDIRECTS_FILE, SEARCH_TERMS_FILE)


def _check_later_files(source: Path, errors: Collector) -> None:
    """The syntax of the curated files the stages after this one read, each said in this run: when the
    texts do not parse those stages do not run, and when they do, the first file that did not read
    stopped the run and hid the others."""
    for name in LATER_FILES:
        path = source / name
        if not files.absent(path):  # a link that leads nowhere is there: said now, as the stage would
            try:
                read_yaml(path)
            except CurationError as error:
                errors.add(error)


def _parsed(meta: DocumentMeta, raw: RawText, errors: Collector, *, yaml_path: Path) -> Document | None:
    """``parse_document``, kept in .cache/ per document: a rebuild after one text changed parses that
    text only. The key holds everything the parse reads (the text, its metadata and paths, the
    package's code); a parse that reported a problem is not kept, so its errors are found again."""
    key = cache.fingerprint(
        [cache.package_fingerprint(), repr(meta), str(raw.path), raw.sha256, raw.encoding, str(yaml_path), raw.text]
    )
    document = cache.load_entry("documents", meta.slug, key)
    if isinstance(document, Document):
        return document
    before = len(errors.errors)
    document = parse_document(meta, raw, errors, yaml_path=yaml_path)
    if document is not None and len(errors.errors) == before:
        cache.store_entry("documents", meta.slug, key, document)
    return document


def build_site(
    source: Path,
    *,
    previous: dict[str, dict[str, Any]] | None = None,
    check_record: bool = False,
    errors: Collector | None = None,
) -> Site:
    """Every stage up to the linked model; raises ``BuildErrors`` with all problems found. The warnings
    found are left in ``errors`` (a new collector when none is given) for the caller to say."""
    errors = errors if errors is not None else Collector()
    try:  # no folder: the records and the texts beside it would each say so again
        collection.check_source_folder(source)
    except CurationError as error:
        raise BuildErrors([error]) from None
    log = git_log.StartedLog(source)  # git reads the history while the texts load and parse
    try:
        record = clause_ids.load_record(source, errors)  # the records first: their problems are said with the texts'
        pages = published.load(source, errors)
        corpus = load_corpus(source, errors)  # raises with every problem so far: no ids pinned against a damaged record
        previous = previous or {}
        moved = listed_targets(source)  # the ids redirects.yaml names → where it sends them
        listed = frozenset(moved)  # never given to new text, never asked for
        found = versions.build_history(  # pins the ids of unnumbered clauses (track/lineage.py)
            source,
            corpus.documents,
            recorded=record.clauses,
            retired=listed | set(record.removed),  # the record's removed ids: never given to new text either
            texts={i: r["text"] for i, r in previous.items() if isinstance(r.get("text"), str)},
            log=log,
        )
    finally:
        log.close()  # git stopped when the build stopped before it read the history
    corpus = replace(corpus, documents=found.documents)
    pages = published.with_committed(pages, found.committed_pages)
    agencies, tasks, indicators = extract(source, corpus, errors, moved=moved)
    linked = link_crossrefs(source, corpus, errors, moved=moved)
    search_terms = load_search_terms(source, corpus, agencies, errors)
    site = Site(
        corpus=corpus,
        agencies=agencies,
        tasks=tasks,
        indicators=indicators,
        crossrefs=linked.refs,
        rejected=linked.rejected,
        recorded_pages=pages,
        removed_ids=clause_ids.removed_ids(record.removed, listed, corpus.documents),
        search_terms=search_terms,
    )
    tracked = changelog.track_changes(
        source, corpus, found, previous, errors, recorded=record.clauses, removed=record.removed, listed=listed
    )
    site = replace(site, **tracked)
    site = replace(site, renumberings=renumberings(site))
    if check_record and not errors.errors:  # ``check``: once the texts build, a record not theirs is one more error
        try:
            clause_ids.check_current(source, corpus.documents, site.removed_ids)
        except CurationError as error:
            errors.add(error)
    errors.raise_if_any()
    return site


def plan_pages(site: Site) -> tuple[list[PageSpec], list[PageSpec]]:
    """The pages to render: the site's own, and the notices at the addresses of removed clauses' pages."""
    pages = [*home_pages(site), *document_pages(site), *change_pages(site), *data_pages(site)]
    pages += [*task_pages(site), *agency_pages(site), *indicator_pages(site)]
    pages += crossref_pages(site)
    return pages, moved_pages(site, {page.path for page in pages})


def answered_pages(site: Site, pages: list[PageSpec], moved: list[PageSpec], source: Path) -> list[PageSpec]:
    """A page at each address the site published and no longer does, as redirects.yaml answers for it
    (track/published.py); ``BuildErrors`` while one is unanswered, or an entry is wrong."""
    errors = Collector()
    sections = [f"/{folder}/" for folder, _ in SECTIONS]  # each has an index page: its module's, or a plain one
    urls = [*(page.url for page in [*pages, *moved]), *sections]
    answered = published.answer_gone(site, urls, source, errors, notices=[page.url for page in moved])
    errors.raise_if_any()
    return page_stubs(site, answered)


def render_site(site: Site, source: Path | None = None) -> list[OutputFile]:
    """Every file of docs/; with ``source``, the pages answering for addresses gone (``answered_pages``)."""
    pages, moved = plan_pages(site)
    stubs = answered_pages(site, pages, moved, source) if source is not None else []
    doc_numbers = {d.meta.doc_number: f"documents/{d.slug}.md" for d in site.corpus.documents}
    renderer = Renderer(doc_numbers=doc_numbers)
    renderer.load_templates()  # compiled once, before the fork: both processes use them, errors are raised here
    # The 数据 page states the size of each file under data/: it is rendered once they all are.
    sized = [page for page in pages if page.path == DATA_PAGE]
    first = [page for page in pages if page.path != DATA_PAGE]
    # half of the pages and the search index here, the other half and the open data in a second process: the
    # child takes the first page of each pair (the more pages, when they are odd, and of the five texts the
    # three document pages, the heaviest), as the search index costs more than the open data (cold, in CPU:
    # 33 ms of pages + 19 of index here and 40 + 12 there, not 40 + 19 and 33 + 12)
    shared, forked = fork.in_parallel(
        lambda: [*renderer.render_all(first[1::2]), search_index_file(site, pages)],
        lambda: [*renderer.render_all(first[0::2]), *export.data_files(site)],
    )
    outputs = [*shared, *forked, *redirect_files(site)]
    outputs.append(export.data_package(site, outputs))  # each data file's size and hash: once they are all there
    outputs.extend(renderer.render_all([with_sizes(page, outputs) for page in sized]))
    outputs.extend(renderer.render_all(missing_section_indexes(outputs)))
    outputs.extend(renderer.render_all([*moved, *stubs]))
    duplicates = {path for path, count in Counter(output.path for output in outputs).items() if count > 1}
    if duplicates:
        raise AssertionError(f"two outputs claim the same path: {sorted(duplicates)}")
    return sorted(outputs, key=lambda output: output.path)


def _changed_records(source: Path, site: Site, urls: list[str]) -> dict[Path, str]:
    """The records beside the texts this build rewrites (clause_ids.tsv, published_pages.tsv) → their new
    content; one that cannot be written is refused now, with docs/ as it was."""
    records = (
        (source / clause_ids.FILE_NAME, clause_ids.render(site.corpus.documents, site.removed_ids), "clause-id record"),
        (source / published.FILE_NAME, published.updated(site, urls), "record of published pages"),
    )
    return {path: content for path, content, what in records if check_rewritable(path, content, what)}


# Objects a build makes before the cyclic collector's youngest generation is examined. A build makes
# hundreds of thousands that only reference counting frees, so at Python's default (700) the collector
# ran 60 times in a cold build (54 passes over the youngest generation, 5 over the middle one and one
# over every object, the imported modules' included): 5 % of its time.
BUILD_GC_THRESHOLD = 50_000


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The cyclic collector run rarely while a build runs, and never over what existed before it
    (the imported modules: ``gc.freeze``); Python's settings are back afterwards (``serve`` builds again)."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(BUILD_GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def generate(source: Path, docs: Path, *, write: bool = True, check_record: bool = False) -> GenerateResult:
    with _fewer_collections():
        return _generate(source, docs, write=write, check_record=check_record)


def _generate(source: Path, docs: Path, *, write: bool, check_record: bool) -> GenerateResult:
    if write:
        _check_apart(source, docs)
    found = Collector()  # the run's warnings: said with its result, or counted with the problems that stop it
    with BackgroundCompile() as templates:  # a cold build compiles the templates on a second core meanwhile
        previous = changelog.read_previous_clauses(docs)  # the last build, read before anything is written
        site = build_site(source, previous=previous, check_record=check_record, errors=found)
        templates.wait()
    try:
        outputs = render_site(site, source)
    except BuildErrors as stopped:  # an address gone unanswered: the texts' warnings are counted with it
        raise BuildErrors(stopped.errors, warnings=found.warnings) from None
    urls = [page_url(output.path) for output in outputs if output.path.endswith(".md")]
    if check_record:
        try:
            published.check_current(source, site, urls)
        except CurationError as error:
            raise BuildErrors([error], warnings=found.warnings) from None
    try:
        records = _changed_records(source, site, urls) if write else {}
        with signals_held():  # Ctrl-C stops the run once docs/ and the records are whole
            report = write_outputs(docs, outputs) if write else None
            for path, content in records.items():  # after docs/, which they describe
                write_atomic(path, content.encode("utf-8"), durable=True)
        pages_recorded = published.added(site, urls) if write else 0
    except OutputError as error:  # the texts' warnings are counted with it
        error.warnings = found.sorted_warnings()
        raise
    ids_recorded = source / clause_ids.FILE_NAME in records
    return GenerateResult(
        site=site,
        outputs=tuple(outputs),
        report=report,
        since_last_build=changelog.since_last_build(previous, site),
        ids_recorded=ids_recorded,
        pages_recorded=pages_recorded,
        warnings=found.sorted_warnings(),
    )
