"""Read and validate the curated YAML under ``source_texts/``: documents and external references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from . import patterns
from .errors import Collector, CurationError
from .located_yaml import read_yaml, where, where_value
from .model import CROSSREF_ROLES, TASK_KINDS, Clause, ClauseKind, DocumentMeta, ExternalDocument, TableSpec, TaskScope

LEVELS = ("national", "ministry", "provincial", "municipal")
RESERVED_SLUGS = ("index",)  # documents/index.md lists the documents
_REQUIRED = ("slug", "title", "short_title", "doc_number", "issuer", "level", "source_file")
_OPTIONAL = (
    "date",
    "published",
    "implements",
    "body_starts_at",
    "closing_starts_at",
    "tables",
    "numbering",
    "crossrefs",
    "tasks",
    "dropped_lines",
    "provenance",
)


# Curated prose that may run over several lines; every other text field is one line (a title, a name, an id).
_PROSE_KEYS = ("source", "note", "remark")


def shown_value(value: Any) -> str:
    """A found value for a message: without the loader's line keys (at any depth), and not endless."""
    text = repr(_plain(value))
    return text if len(text) <= 80 else text[:77] + "…"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not str(k).startswith("__")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _kind(value: Any) -> str:
    """What a YAML value is, in a reader's words (the loader's own classes are no one's business)."""
    if value is None:
        return "nothing"
    for kind, words in ((dict, "a mapping"), (list, "a list"), (str, "text"), (bool, "true/false"), (int, "a number")):
        if isinstance(value, kind):
            return words
    return "a " + type(value).__name__


_SPACE = str.maketrans("", "", " \t\u3000")


class Fields:
    """Typed access to one YAML mapping, each problem located at the mapping."""

    def __init__(self, path: Path, entry: Any, what: str, errors: Collector) -> None:
        self.path, self.entry, self.what, self.errors = path, entry, what, errors
        self.line, self.column = where(entry)

    def fail(self, message: str, key: str | None = None) -> None:
        """A located error: at the value of ``key`` when given, else at the entry."""
        line, column = where_value(self.entry, key) if key is not None else (self.line, self.column)
        self.errors.add(CurationError(self.path, line, column, message))

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.entry.get(key)
        if value is None:
            if required:
                self.fail(f"expected {self.what} to have '{key}', found none")
            return None
        if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"expected '{key}' of {self.what} to be text, found {shown_value(value)}", key=key)
            return None
        if key not in _PROSE_KEYS and ("\n" in value.strip() or "\r" in value):
            self.fail(
                f"expected '{key}' of {self.what} to be one line of text, found a line break in {value!r}", key=key
            )
            return None
        return value.strip()

    def date(self, key: str) -> str | None:
        value = self.entry.get(key)
        if value is None:
            return None
        try:  # fromisoformat alone also takes 20161230 and 2016-W52-5
            if patterns.ISO_DATE_RE.match(str(value)) is None:
                raise ValueError(value)
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.fail(
                f"expected '{key}' of {self.what} to be a date YYYY-MM-DD or null, found {shown_value(value)}", key=key
            )
            return None

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of one-line texts; a blank item is refused (an empty name is found at every character)."""
        value = self.entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"expected '{key}' of {self.what} to be a list of text, found {shown_value(value)}", key=key)
            return ()
        return tuple(v.strip() for v in value)

    def quote_holds(self, key: str, clause: Clause) -> bool:
        """Whether ``clause`` still holds the entry's quote under ``key``, when it has one.

        Unnumbered paragraphs and sentences (``…/p4/s3``) keep their ids through insertions only as far
        as ``source_texts/clause_ids.tsv`` records them (track/lineage.py): a paragraph split, merged or
        moved, or a copy of the texts without the record, can give the same id to another clause, and
        the entry would silently move to it. A few words quoted from the clause, as it read when the
        entry was written, catch that. White space is ignored (the cleaner's text and what staff paste
        from a page may differ only in spaces).
        """
        quote = self.text(key, required=False)
        if quote is None or quote.translate(_SPACE) in clause.text.translate(_SPACE):
            return True
        shown = clause.text if len(clause.text) <= 60 else clause.text[:60] + "…"
        self.fail(
            f"expected {clause.id} to contain its {key} {quote!r}, found {shown!r}; the clause may have been "
            "edited, split, merged or moved: point the entry at the clause that holds the quote",
            key=key,
        )
        return False

    def repeated(self, seen: dict[Any, int], key: Any, what: str, shown: str) -> bool:
        """Whether an earlier entry gave ``key`` already (said here, naming that entry's line); a key
        given first here is recorded in ``seen`` as this entry's."""
        if key in seen:
            self.fail(f"expected each {what} once, found {shown} again (first at line {seen[key]})")
            return True
        seen[key] = self.line
        return False

    def page_id(self, value: str, what: str) -> None:
        """An id that names a page (/agencies/<id>/): lower-case ASCII, and not the folder's own index page."""
        if not patterns.SLUG_RE.match(value):
            self.fail(f"expected {what} of lower-case ASCII letters, digits and hyphens, found {value!r}")
        elif value in RESERVED_SLUGS:
            self.fail(
                f"expected {what} other than {', '.join(RESERVED_SLUGS)} (the list has that page), found {value!r}"
            )

    def unknown_keys(self, known: tuple[str, ...]) -> None:
        for key in self.entry:
            if key not in known and not str(key).startswith("__"):
                self.fail(f"expected one of {', '.join(known)} in {self.what}, found unknown key '{key}'", key=key)


def entries(path: Path, key: str, errors: Collector) -> list[dict[str, Any]]:
    """The list under ``key`` in a curated YAML file, or [] with a located error."""
    data = read_yaml(path)
    if data is None:
        data = {key: []}
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        if not isinstance(data, dict):
            found = _kind(data)
        else:
            found = f"'{key}:' holding {_kind(data[key])}" if key in data else f"no '{key}:'"
        errors.add(CurationError(path, 1, 1, f"expected a mapping with a list '{key}:', found {found}"))
        return []
    result = []
    for number, item in enumerate(data[key]):
        if not isinstance(item, dict):
            line, column = where(item, data[key], number)
            message = f"expected each entry of '{key}' to be a mapping, found {shown_value(item)}"
            errors.add(CurationError(path, line, column, message))
            continue
        result.append(item)
    return result


def load_documents(source: Path, errors: Collector) -> tuple[DocumentMeta, ...]:
    path = source / "documents.yaml"
    if not source.is_dir():
        found = "a file" if source.exists() else "no such folder"
        raise CurationError(source, 1, 1, f"expected a folder of source texts and curated YAML, found {found}")
    metas: list[DocumentMeta] = []
    seen: dict[str, int] = {}
    roles: dict[str, int] = {}  # a role only one document may have → the line of its entry
    texts_seen: dict[str, int] = {}  # source_file → the line of the entry naming it first
    numbers_seen: dict[str, int] = {}  # 文号 → the line of the entry giving it first
    before = len(errors.errors)
    listed = entries(path, "documents", errors)
    if not listed and not errors.errors:
        errors.add(CurationError(path, 1, 1, "expected at least one entry under 'documents:', found none"))
    for entry in listed:
        f = Fields(path, entry, "a document", errors)
        f.unknown_keys(_REQUIRED + _OPTIONAL)
        values = {key: f.text(key) for key in _REQUIRED}
        slug = values["slug"] or ""
        if slug and not patterns.SLUG_RE.match(slug):
            f.fail(f"expected a slug of lower-case ASCII letters, digits and hyphens, found {slug!r}", key="slug")
        elif slug in RESERVED_SLUGS:
            f.fail(
                f"expected a slug other than {', '.join(RESERVED_SLUGS)} (the list of documents has that page), found {slug!r}",
                key="slug",
            )
        if slug in seen:
            f.fail(f"expected each slug once, found {slug!r} again (first at line {seen[slug]})", key="slug")
        seen[slug] = f.line
        if values["doc_number"]:  # a 文号 a text cites must name one document: its links, 实施依据 and pages
            f.repeated(numbers_seen, values["doc_number"], "doc_number", repr(values["doc_number"]))
        if values["level"] and values["level"] not in LEVELS:
            f.fail(f"expected level to be one of {', '.join(LEVELS)}, found {values['level']!r}", key="level")
        source_file = values["source_file"] or ""
        if source_file and (Path(source_file).is_absolute() or Path(source_file).name != source_file):
            f.fail(
                f"expected source_file to be a file name in {source.as_posix()}, found {source_file!r}",
                key="source_file",
            )
            source_file = ""
            values["source_file"] = None
        elif source_file and (standing := _not_a_text_in(source, source_file)):
            f.fail(
                f"expected source_file {source_file!r} to exist in {source.as_posix()}, found {standing}",
                key="source_file",
            )
            values["source_file"] = None  # reported here; not read again
        elif f.repeated(texts_seen, source_file, "source_file", repr(source_file)):
            values["source_file"] = None  # one text as two documents: every clause twice, under two slugs
        numbering = entry.get("numbering") or {}
        item_numbering = numbering.get("items", "nested") if isinstance(numbering, dict) else None
        if item_numbering not in ("nested", "global"):
            shown = item_numbering if isinstance(numbering, dict) else numbering
            f.fail(
                f"expected numbering to be {{items: nested}} or {{items: global}}, found {shown_value(shown)}",
                key="numbering",
            )
        crossrefs = _crossref_role(f, entry.get("crossrefs"), item_numbering, roles)
        tasks = _task_scopes(f, entry.get("tasks"), item_numbering)
        provenance = _provenance(f, entry.get("provenance"))
        texts = {key: value for key, value in values.items() if value is not None}
        if len(texts) < len(values):  # a required field is missing or invalid, already reported
            continue
        metas.append(
            DocumentMeta(
                slug=slug,
                title=texts["title"],
                short_title=texts["short_title"],
                doc_number=texts["doc_number"],
                issuer=texts["issuer"],
                date=f.date("date"),
                published=f.date("published"),
                level=texts["level"],
                implements=f.text("implements", required=False),
                source_file=source_file,
                dropped_lines=f.strings("dropped_lines"),
                provenance=provenance,
                body_starts_at=f.text("body_starts_at", required=False),
                closing_starts_at=f.text("closing_starts_at", required=False),
                tables=_tables(f, entry.get("tables")),
                item_numbering=item_numbering or "nested",
                crossrefs=crossrefs,
                tasks=tasks,
                line=f.line,
                column=f.column,
            )
        )
    if errors.errors[before:]:
        return tuple(metas)  # the list is in doubt: which texts it leaves out is asked once it reads
    named = {str(entry.get("source_file")) for entry in listed}
    files = (p for p in sorted(source.iterdir()) if p.suffix.lower() == ".txt" and p.is_file())
    for text in files:  # nothing lost: a text no entry names would never be published
        if text.name not in named and not text.name.startswith("."):  # ._x.txt: macOS's copy metadata
            message = (
                f"expected a documents.yaml entry with source_file: {text.name} (notes go in .md files), found none"
            )
            errors.add(CurationError(text, 1, 1, message))
    return tuple(metas)


def _not_a_text_in(source: Path, name: str) -> str | None:
    """What stands at ``source/name`` when it is no file of that folder (a link may not lead out of it:
    a text from elsewhere would be published), or None."""
    path = source / name
    if not path.is_file():
        return "a folder" if path.is_dir() else "no such file"
    target = path.resolve()  # is_file followed the links: they end at a file
    return None if target.parent == source.resolve() else f"a link to {target.as_posix()}, outside it"


def _provenance(f: Fields, value: Any) -> tuple[tuple[str, str], ...]:
    """The entry's ``provenance``: where each of its fields' values came from, one text per field name."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        f.fail(f"expected provenance to map field names to text, found {shown_value(value)}", key="provenance")
        return ()
    pf = Fields(f.path, value, "provenance", f.errors)
    pf.unknown_keys(_REQUIRED + _OPTIONAL)
    sources = []
    for key, source in value.items():
        if str(key).startswith("__") or key not in _REQUIRED + _OPTIONAL:
            continue
        if isinstance(source, (dict, list, bool)) or source is None or not str(source).strip():
            pf.fail(f"expected the provenance of '{key}' to be text, found {shown_value(source)}", key=key)
            continue
        sources.append((str(key), str(source).strip()))
    return tuple(sources)


def _crossref_role(f: Fields, value: Any, item_numbering: str | None, roles: dict[str, int]) -> str | None:
    """The entry's ``crossrefs`` role; ``roles`` collects the single ones (tasks, local) to refuse a second."""
    if value is None:
        return None
    if value not in CROSSREF_ROLES:
        f.fail(
            f"expected crossrefs to be one of {', '.join(CROSSREF_ROLES)} (or no crossrefs), found {shown_value(value)}"
        )
        return None
    if value in ("tasks", "local"):
        if value in roles:
            f.fail(f"expected one document with crossrefs: {value}, found a second (the first at line {roles[value]})")
            return None
        roles[value] = f.line
    if value == "tasks" and item_numbering == "nested":  # (a numbering that does not read is reported already)
        f.fail(
            "expected crossrefs: tasks on a document whose tasks are numbered through it "
            "(numbering: {items: global}), found its items numbered by section"
        )
        return None
    return str(value)


def _task_scopes(f: Fields, value: Any, item_numbering: str | None) -> tuple[TaskScope, ...]:
    """The entry's ``tasks``: a list of ``{kind, sections, depth}``, each problem located where it stands."""
    if value is None:
        return ()
    if item_numbering == "global":
        f.fail(
            f"expected no tasks on a document whose items are numbered through it (each is a task), found {shown_value(value)}"
        )
        return ()
    if not isinstance(value, list):
        f.fail(f"expected tasks to be a list of {{kind, sections, depth}}, found {shown_value(value)}")
        return ()
    if not value:
        f.fail("expected at least one {kind, sections, depth} under tasks (or no tasks), found an empty list")
        return ()
    kinds = ", ".join(kind.value for kind in TASK_KINDS)
    scopes = []
    for scope in value:
        if not isinstance(scope, dict):
            f.fail(f"expected each of tasks to be a mapping of kind, sections and depth, found {shown_value(scope)}")
            continue
        sf = Fields(f.path, scope, "a tasks entry", f.errors)
        before = len(f.errors.errors)
        sf.unknown_keys(("kind", "sections", "depth"))
        kind, sections, depth = scope.get("kind"), scope.get("sections", []), scope.get("depth")
        if not isinstance(kind, str) or kind not in {k.value for k in TASK_KINDS}:
            sf.fail(f"expected the kind of tasks to be one of {kinds}, found {shown_value(kind)}")
        if not isinstance(sections, list) or not all(_counting(n) for n in sections):
            sf.fail(
                f"expected the sections of tasks to be a list of section numbers (4 for 四、), found {shown_value(sections)}"
            )
        if depth is not None and not _counting(depth, start=0):
            sf.fail(f"expected the depth of tasks to be a whole number (0 for a section), found {shown_value(depth)}")
        if len(f.errors.errors) == before:
            scopes.append(
                TaskScope(
                    kind=ClauseKind(str(kind)),
                    sections=tuple(str(n) for n in sections),
                    depth=depth,
                    line=sf.line,
                    column=sf.column,
                )
            )
    return tuple(scopes)


def _counting(value: Any, *, start: int = 1) -> bool:
    """Whether ``value`` is a whole number from ``start`` on (YAML's true and false are not numbers)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= start


def _tables(f: Fields, value: Any) -> tuple[TableSpec, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        f.fail(f"expected tables to be a list, found {shown_value(value)}")
        return ()
    specs = []
    for table in value:
        tf = Fields(f.path, table, "a table", f.errors) if isinstance(table, dict) else None
        if tf is None:
            f.fail(f"expected each table to be a mapping, found {shown_value(table)}")
            continue
        caption = tf.text("caption")
        columns = tf.strings("columns")
        if caption and columns:
            specs.append(TableSpec(caption=caption, columns=columns))
    return tuple(specs)


def load_external(
    source: Path, errors: Collector, listed: tuple[DocumentMeta, ...] = ()
) -> tuple[ExternalDocument, ...]:
    """The documents the texts cite that the collection lacks: each 文号 once, and none that ``listed`` has
    (a citation of it is a link to its page, never this entry's 本站未收录)."""
    path = source / "external.yaml"
    if not path.exists():
        return ()
    result = []
    seen: dict[Any, int] = {}
    collection = {meta.doc_number: meta.line for meta in listed}
    for entry in entries(path, "external", errors):
        f = Fields(path, entry, "an external document", errors)
        number, title = f.text("doc_number"), f.text("title")
        if number in collection:
            f.fail(
                f"expected a document not in the collection, found {number!r} (documents.yaml line {collection[number]})"
            )
        elif number and title and not f.repeated(seen, number, "doc_number", repr(number)):
            result.append(ExternalDocument(doc_number=number, title=title))
    return tuple(result)
