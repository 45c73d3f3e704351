"""The orchestrator: load → clean → parse → extract → link → render → write.

Everything is gathered and rendered before anything is written, so a problem in
any document leaves docs/ exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import curated, export
from .errors import Collector, SourceError
from .load import read_text
from .model import Corpus, Document, OutputFile, Site
from .pages.documents import document_pages
from .pages.home import home_pages
from .parse import parse_document
from .render import Renderer
from .write import WriteReport, write_outputs


@dataclass(frozen=True, kw_only=True)
class GenerateResult:
    site: Site
    outputs: tuple[OutputFile, ...]
    report: WriteReport | None  # None when nothing was written (check)


def load_corpus(source: Path, errors: Collector) -> Corpus:
    """Load, clean and parse every document listed in ``documents.yaml``."""
    metas = curated.load_documents(source, errors)
    external = curated.load_external(source, errors)
    documents: list[Document] = []
    for meta in metas:
        try:
            raw = read_text(source / meta.source_file)
        except SourceError as error:
            errors.add(error)
            continue
        document = parse_document(meta, raw, errors, yaml_path=source / "documents.yaml")
        if document is not None:
            documents.append(document)
    errors.raise_if_any()
    return Corpus(documents=tuple(documents), external=external)


def build_site(source: Path) -> Site:
    """Every stage up to the linked model; raises ``BuildErrors`` with all problems found."""
    errors = Collector()
    corpus = load_corpus(source, errors)
    site = Site(corpus=corpus)
    errors.raise_if_any()
    return site


def render_site(site: Site) -> list[OutputFile]:
    doc_numbers = {d.meta.doc_number: f"documents/{d.slug}.md" for d in site.corpus.documents}
    renderer = Renderer(doc_numbers=doc_numbers)
    pages = [*home_pages(site), *document_pages(site)]
    outputs = renderer.render_all(pages)
    outputs.extend(export.data_files(site))
    paths = [output.path for output in outputs]
    duplicates = {path for path in paths if paths.count(path) > 1}
    if duplicates:
        raise AssertionError(f"two outputs claim the same path: {sorted(duplicates)}")
    return sorted(outputs, key=lambda output: output.path)


def generate(source: Path, docs: Path, *, write: bool = True) -> GenerateResult:
    site = build_site(source)
    outputs = render_site(site)
    report = write_outputs(docs, outputs) if write else None
    return GenerateResult(site=site, outputs=tuple(outputs), report=report)
