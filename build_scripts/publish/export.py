"""Open data: the JSON files under docs/data/ and their JSON Schemas.

These files are a public interface (documented in the README). Output is
deterministic: keys sorted, UTF-8, one record per line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..citation import positions
from ..model import Clause, CrossRef, Document, OutputFile, Site
from ..track.changelog import change_records
from .records import agency_record, indicator_record, task_record

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


# One encoder for every record: json.dumps with options builds a new encoder on each call,
# which costs more than encoding a small record.
_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def dump_records(records: Iterable[dict[str, Any]]) -> str:
    """A JSON array with one record per line: small diffs, easy to grep."""
    lines = [_RECORD_ENCODER.encode(record) for record in records]
    if not lines:
        return "[]\n"
    return "[\n" + ",\n".join(lines) + "\n]\n"


def document_record(document: Document) -> dict[str, Any]:
    meta = document.meta
    return {
        "id": meta.slug,
        "title": meta.title,
        "short_title": meta.short_title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "date": meta.date,
        "published": meta.published,
        "level": meta.level,
        "implements": meta.implements,
        "url": document.url,
        "source_file": f"source_texts/{meta.source_file}",
        "sha256": document.sha256,
        "encoding": document.encoding,
        "dropped_lines": [{"line": line.number, "text": line.text} for line in document.dropped],
        "closing_lines": [{"line": line.number, "text": line.text} for line in document.closing],
        "provenance": dict(meta.provenance),
    }


def clause_record(clause: Clause, cited: Mapping[str, str]) -> dict[str, Any]:
    """``cited``: clause id → its position as the site cites it (``citation.positions``)."""
    return {
        "id": clause.id,
        "doc": clause.doc,
        "parent": clause.parent,
        "kind": clause.kind.value,
        "label": clause.label,
        "cite": cited[clause.id],
        "number_path": list(clause.number_path),
        "text": clause.text,
        "line": clause.line,
        "url": clause.url,
    }


def clause_records(site: Site) -> Iterator[dict[str, Any]]:
    for document in site.corpus.documents:
        cited = positions(document)
        yield from (clause_record(clause, cited) for clause in document.clauses)


def crossref_record(ref: CrossRef) -> dict[str, Any]:
    return {
        "national": ref.national,
        "local": ref.local,
        "score": ref.score,
        "method": ref.method,
        "remark": ref.remark,
    }


# Each open-data file: name → function from the site to its records.
DATASETS: dict[str, Callable[[Site], Iterable[dict[str, Any]]]] = {
    "documents": lambda site: (document_record(d) for d in site.corpus.documents),
    "clauses": lambda site: clause_records(site),
    "tasks": lambda site: (task_record(t) for t in site.tasks),  # records.py
    "agencies": lambda site: (agency_record(a, site) for a in site.agencies),
    "indicators": lambda site: (indicator_record(i) for i in site.indicators),
    "changes": lambda site: change_records(site),  # track/changelog.py
    "crossrefs": lambda site: (crossref_record(r) for r in site.crossrefs),
}


def record_count(name: str, site: Site) -> int:
    """How many records ``DATASETS[name]`` gives (the data page says so), without making the clauses':
    each reads its citation, worked out for its whole document (``citation.positions``), and the data
    page counted all of them before the render stage made them again for clauses.json."""
    if name == "clauses":  # clause_records: one per clause of each document
        return sum(len(document.clauses) for document in site.corpus.documents)
    return sum(1 for _ in DATASETS[name](site))


def data_files(site: Site) -> list[OutputFile]:
    files = [OutputFile(path=f"data/{name}.json", content=dump_records(fn(site))) for name, fn in DATASETS.items()]
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        files.append(OutputFile(path=f"data/schemas/{schema.name}", content=schema.read_text(encoding="utf-8")))
    files.extend(source_files(site))
    return files


SOURCES_DIR = "data/sources"


def published_sources(site: Site) -> list[Document]:
    """The documents whose source text is published under data/sources/: each with the bytes it was read
    from (the file, the 数据 page's table and datapackage.json all list these)."""
    return [document for document in site.corpus.documents if document.source]


def source_files(site: Site) -> list[OutputFile]:
    """Each source text as the build read it, byte for byte, under data/sources/: what documents.json's
    ``sha256``, a clause's ``line`` and a dropped line's number refer to, reachable by whoever reads the
    data (the repository is not published with the site)."""
    return [
        OutputFile(path=f"{SOURCES_DIR}/{document.meta.source_file}", content="", raw=document.source)
        for document in published_sources(site)
    ]


def is_data_file(path: str) -> bool:
    """A JSON file directly under data/ (clauses.json, search-index.json, datapackage.json …), not a schema
    nor a source text: the files the 数据 page states the size of."""
    return path.startswith("data/") and path.count("/") == 1 and path.endswith(".json")


PACKAGE_FILE = "data/datapackage.json"
PACKAGE_NAME = "zhishichanquan-zhengce-wenjianku"


def format_version(schema_dir: Path = SCHEMA_DIR) -> str:
    """The data's format as a short digest of its JSON Schemas (file names and bytes): it changes when, and
    only when, a schema does (a field added, a description reworded), with no number for staff to bump."""
    digest = hashlib.sha256()
    for schema in sorted(schema_dir.glob("*.schema.json")):
        digest.update(schema.name.encode("utf-8") + b"\0" + schema.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def data_package(site: Site, outputs: Iterable[OutputFile]) -> OutputFile:
    """data/datapackage.json (a Frictionless Data Package): each published data file and source text with
    its size and SHA-256, and the format version, so that a consumer can check a download whole and tell
    whether the format changed since the last one. The data files' entries are made from the outputs, once
    all are rendered; the search index (internal, see the 数据 page) and the schemas (named by the files) are
    not resources. A source text's entry is its document's: named by its id (a file name may hold characters
    a resource name may not), with the bytes and the SHA-256 the load stage read."""
    resources = []
    for output in sorted(outputs, key=lambda o: o.path):
        name = output.path.removeprefix("data/")
        if not is_data_file(output.path) or output.path == PACKAGE_FILE or name == "search-index.json":
            continue
        stem, data = name.removesuffix(".json"), output.data
        schema = SCHEMA_DIR / f"{stem}.schema.json"
        resources.append(
            {
                "name": stem,
                "path": name,
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                **({"jsonschema": f"schemas/{schema.name}"} if schema.exists() else {}),
                "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
            }
        )
    for document in sorted(published_sources(site), key=lambda d: d.slug):
        resources.append(
            {
                "name": f"source-{document.slug}",
                "path": f"{SOURCES_DIR.removeprefix('data/')}/{document.meta.source_file}",
                "format": "txt",
                "mediatype": "text/plain",
                "encoding": document.encoding,
                "bytes": len(document.source),
                "hash": "sha256:" + document.sha256,  # the load stage hashed these bytes already
            }
        )
    package = {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": "知识产权政策文件库：开放数据",
        "format_version": format_version(),
        "resources": resources,
    }
    return OutputFile(
        path=PACKAGE_FILE, content=json.dumps(package, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    )
