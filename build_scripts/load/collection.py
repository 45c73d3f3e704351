"""The collection's curated YAML: ``documents.yaml``, the documents it holds and how each text is read
(metadata, numbering, tables, tasks, cross-reference role, provenance), and ``external.yaml``, the
documents its texts cite that it lacks. Each entry is validated on load, every problem located.
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path
from typing import Any

from .. import patterns
from ..errors import Collector, CurationError
from ..model import CROSSREF_ROLES, TASK_KINDS, ClauseKind, DocumentMeta, ExternalDocument, TableSpec, TaskScope
from . import files
from .curated import RESERVED_SLUGS, Fields, entries, shown_value
from .located_yaml import value_positions, where_value

LEVELS = ("national", "ministry", "provincial", "municipal")
LOCAL_LEVELS = ("provincial", "municipal")
# What to write instead of a second document with a role only one may have.
_SECOND_ROLE = {
    "local": ": the 对照 pages compare one local document with the national ones; leave crossrefs out of this one",
    "tasks": ": the 对照 pages match one document's tasks first; leave crossrefs out of this one",
}
_REQUIRED = ("slug", "title", "short_title", "doc_number", "issuer", "level", "source_file")
_OPTIONAL = (
    "date",
    "published",
    "implements",
    "body_starts_at",
    "closing_starts_at",
    "body_close_starts_at",
    "tables",
    "numbering",
    "crossrefs",
    "tasks",
    "dropped_lines",
    "provenance",
)


def check_source_folder(source: Path) -> None:
    """Raise a ``CurationError`` unless ``source`` is a folder: the one problem to say of a run that has no texts."""
    if files.symlink_loop(source):
        raise CurationError(
            source, 1, 1, f"expected a folder of source texts and curated YAML, found {files.SYMLINK_LOOP}"
        )
    if not source.is_dir():
        found = "a file" if source.exists() else "no such folder"
        raise CurationError(source, 1, 1, f"expected a folder of source texts and curated YAML, found {found}")


def load_documents(source: Path, errors: Collector) -> tuple[DocumentMeta, ...]:
    path = source / "documents.yaml"
    check_source_folder(source)
    metas: list[DocumentMeta] = []
    seen: dict[str, int] = {}
    roles: dict[str, int] = {}  # a role only one document may have → the line of its entry
    texts_seen: dict[str, int] = {}  # source_file → the line of its first value
    numbers_seen: dict[str, int] = {}  # 文号 → the line of its first value
    before = len(errors.errors)
    listed = entries(path, "documents", errors, required=True)
    if not listed and not errors.errors:
        errors.add(CurationError(path, 1, 1, "expected at least one entry under 'documents:', found none"))
    for entry in listed:
        f = Fields(path, entry, "a document", errors)
        f.unknown_keys(_REQUIRED + _OPTIONAL)
        values = {key: f.doc_number(key) if key == "doc_number" else f.text(key) for key in _REQUIRED}
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
        seen.setdefault(slug, f.value_line("slug"))
        if values["doc_number"]:  # a 文号 a text cites must name one document: its links, 实施依据 and pages
            f.repeated(numbers_seen, values["doc_number"], "doc_number", repr(values["doc_number"]), at="doc_number")
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
        elif f.repeated(texts_seen, source_file, "source_file", repr(source_file), at="source_file"):
            values["source_file"] = None  # one text as two documents: every clause twice, under two slugs
        elif source_file and not source_file.endswith(".txt"):  # external.yaml was published as a document
            f.fail(f"expected source_file to name a .txt text, found {source_file!r}", key="source_file")
            values["source_file"] = None
        short_title = values["short_title"] or ""
        if short_title and not (short_title.startswith("《") and short_title.endswith("》") and len(short_title) > 2):
            # cited as written: 《》 alone was shown as ### 《》 (session 40's robustness review)
            f.fail(f"expected short_title to be a title in 《》, found {short_title!r}", key="short_title")
            values["short_title"] = None
        published, dated = f.date("published"), f.date("date")
        if published and dated and published < dated:
            f.fail(f"expected published to be on or after date ({dated}), found {published}", key="published")
        item_numbering = _item_numbering(f, entry.get("numbering"))
        crossrefs = _crossref_role(f, entry.get("crossrefs"), item_numbering, roles, values["level"])
        tasks = _task_scopes(f, entry.get("tasks"), item_numbering)
        provenance = _provenance(f, entry.get("provenance"))
        dropped_lines = f.strings("dropped_lines")
        dropped_seen: dict[str, int] = {}  # a line as the parser matches it (white space as one space) → its line
        for place, line in enumerate(dropped_lines):
            key = " ".join(line.split())
            if key in dropped_seen:  # one entry would do: the second is a copy, or a line meant and mistyped
                first = dropped_seen[key]
                f.fail(
                    f"expected each dropped line once, found {line!r} again (first at line {first})",
                    "dropped_lines",
                    place,
                )
            dropped_seen.setdefault(key, f.value_line("dropped_lines", place))
        texts = {key: value for key, value in values.items() if value is not None}
        if len(texts) < len(values) or item_numbering not in ("nested", "global"):
            continue  # a required field or the numbering is missing or invalid, already reported: a text
            # parsed by a numbering it does not have would give one message per item as well
        metas.append(
            DocumentMeta(
                slug=slug,
                title=texts["title"],
                short_title=texts["short_title"],
                doc_number=texts["doc_number"],
                issuer=texts["issuer"],
                date=dated,
                published=published,
                level=texts["level"],
                implements=f.doc_number("implements", required=False),
                source_file=source_file,
                dropped_lines=dropped_lines,
                dropped_at=getattr(entry.get("dropped_lines"), "positions", ()),
                provenance=provenance,
                body_starts_at=f.text("body_starts_at", required=False),
                closing_starts_at=f.text("closing_starts_at", required=False),
                body_close_starts_at=f.text("body_close_starts_at", required=False),
                tables=_tables(f, entry.get("tables")),
                item_numbering=item_numbering or "nested",
                crossrefs=crossrefs,
                tasks=tasks,
                line=f.line,
                column=f.column,
                positions=value_positions(entry),
            )
        )
    if errors.errors[before:]:
        return tuple(metas)  # the list is in doubt: which texts it leaves out is asked once it reads
    named = {str(entry.get("source_file")).strip() for entry in listed}  # as Fields.text reads it
    # nothing lost: a text no entry names would never be published
    for text in (p for p in sorted(source.iterdir()) if p.suffix.lower() == ".txt"):
        if text.name not in named and not text.name.startswith("."):  # ._x.txt: macOS's copy metadata
            # a link to no file, or a folder, so named is no text, but what staff meant for one may be missing
            what = files.standing(text)
            it_is = "" if what == "a regular file" else f" (it is {what})"
            message = (
                f"expected a documents.yaml entry with source_file: {text.name} (notes go in .md files), found "
                f"none{it_is}"
            )
            errors.add(CurationError(text, 1, 1, message))
    return tuple(metas)


def _not_a_text_in(source: Path, name: str) -> str | None:
    """What stands at ``source/name`` when it is no file of that folder (a link may not lead out of it:
    a text from elsewhere would be published), or None."""
    path = source / name
    try:
        mode = path.stat().st_mode  # through the links
    except OSError as exc:  # a name too long: stat answers only for the names it can look up
        if isinstance(exc, FileNotFoundError) or exc.errno == errno.ELOOP:
            return files.missing(path, exc)
        return f"a name the file system refuses ({exc.strerror})"
    if not stat.S_ISREG(mode):  # a named pipe would keep the build waiting for a writer
        return files.kind(mode)
    target = path.resolve()  # stat followed the links: they end at a regular file
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
        if not isinstance(source, str) or not source.strip():  # nor a bare 2016-07-08, which YAML makes a date
            pf.fail(f"expected the provenance of '{key}' to be text, found {shown_value(source)}", key=key)
            continue
        sources.append((str(key), source.strip()))
    return tuple(sources)


def _item_numbering(f: Fields, value: Any) -> str | None:
    """The entry's ``numbering``: how its items are numbered (nested, the default, or global), or None when
    it does not read, said where it stands (at the value of ``items`` when the numbering is a mapping). A
    key other than items is refused: {item: global} would number the items by section, unsaid."""
    expected = "expected numbering to be {items: nested} or {items: global}"
    numbering = {} if value is None else value  # a bare no is no mapping
    if not isinstance(numbering, dict):
        f.fail(f"{expected}, found {shown_value(numbering)}", key="numbering")
        return None
    nf = Fields(f.path, numbering, "numbering", f.errors)
    before = len(f.errors.errors)
    nf.unknown_keys(("items",))
    items = numbering.get("items", "nested")
    if items not in ("nested", "global"):
        nf.fail(f"{expected}, found {shown_value(items)}", key="items")
        return None
    return str(items) if len(f.errors.errors) == before else None


def _crossref_role(
    f: Fields, value: Any, item_numbering: str | None, roles: dict[str, int], level: str | None
) -> str | None:
    """The entry's ``crossrefs`` role; ``roles`` collects the single ones (tasks, local) to refuse a second.
    A national role is a national (or ministry) document's: the 对照 pages show its clauses as 国家依据."""
    if value is None:
        return None
    if value not in CROSSREF_ROLES:
        f.fail(
            f"expected crossrefs to be one of {', '.join(CROSSREF_ROLES)} (or no crossrefs), found {shown_value(value)}",
            key="crossrefs",
        )
        return None
    if value in ("tasks", "local"):
        if value in roles:
            f.fail(
                f"expected one document with crossrefs: {value}, found a second (the first at line {roles[value]})"
                + _SECOND_ROLE[value],
                key="crossrefs",
            )
            return None
        roles[value] = f.value_line("crossrefs")
    if value == "national" and level in LOCAL_LEVELS:
        f.fail(
            "expected crossrefs: national on a national or ministry document (the 对照 pages show it as 国家依据), "
            f"found level {level}: leave crossrefs out",
            key="crossrefs",
        )
        return None
    if value == "tasks" and item_numbering == "nested":  # (a numbering that does not read is reported already)
        f.fail(
            "expected crossrefs: tasks on a document whose tasks are numbered through it "
            "(numbering: {items: global}), found its items numbered by section",
            key="crossrefs",
        )
        return None
    return str(value)


def _task_scopes(f: Fields, value: Any, item_numbering: str | None) -> tuple[TaskScope, ...]:
    """The entry's ``tasks``: a list of ``{kind, sections, depth}``, each problem located where it stands."""
    if value is None:
        return ()
    if item_numbering == "global":
        f.fail(
            f"expected no tasks on a document whose items are numbered through it (each is a task), found {shown_value(value)}",
            key="tasks",
        )
        return ()
    if not isinstance(value, list):
        f.fail(f"expected tasks to be a list of {{kind, sections, depth}}, found {shown_value(value)}", key="tasks")
        return ()
    if not value:
        f.fail(
            "expected at least one {kind, sections, depth} under tasks (or no tasks), found an empty list", key="tasks"
        )
        return ()
    kinds = ", ".join(kind.value for kind in TASK_KINDS)
    scopes = []
    for number, scope in enumerate(value):
        if not isinstance(scope, dict):
            found = shown_value(scope)
            f.fail_item(
                value, number, f"expected each of tasks to be a mapping of kind, sections and depth, found {found}"
            )
            continue
        sf = Fields(f.path, scope, "a tasks entry", f.errors)
        before = len(f.errors.errors)
        sf.unknown_keys(("kind", "sections", "depth"))
        kind, sections, depth = scope.get("kind"), scope.get("sections", []), scope.get("depth")
        if not isinstance(kind, str) or kind not in {k.value for k in TASK_KINDS}:
            sf.fail(f"expected the kind of tasks to be one of {kinds}, found {shown_value(kind)}", key="kind")
        if not isinstance(sections, list) or not all(_counting(n) for n in sections):
            sf.fail(
                f"expected the sections of tasks to be a list of section numbers (4 for 四、), found {shown_value(sections)}",
                key="sections",
            )
        if depth is not None and not _counting(depth, start=0):
            sf.fail(
                f"expected the depth of tasks to be a whole number (0 for a section), found {shown_value(depth)}",
                key="depth",
            )
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
        f.fail(f"expected tables to be a list, found {shown_value(value)}", key="tables")
        return ()
    specs = []
    seen: dict[str, int] = {}  # caption (as the parse matches it, spaces aside) → the line of its first entry
    for number, table in enumerate(value):
        tf = Fields(f.path, table, "a table", f.errors) if isinstance(table, dict) else None
        if tf is None:
            f.fail_item(value, number, f"expected each table to be a mapping, found {shown_value(table)}")
            continue
        caption = tf.text("caption")
        columns = tf.strings("columns")
        if "columns" not in table:  # the table would be dropped unsaid, its lines read as paragraphs
            tf.fail("expected a table to have 'columns', found none")
        elif table["columns"] is None or table["columns"] == []:  # any other value strings() refused
            found = shown_value(table["columns"])
            tf.fail(f"expected 'columns' of a table to be a list of at least one text, found {found}", key="columns")
        if caption and columns:
            line, column = where_value(table, "caption")
            key = caption.replace(" ", "")
            if key in seen:  # the parse keeps one table per caption: the other's columns would go unsaid
                found = f"{caption!r} again (first at line {seen[key]})"
                tf.fail(f"expected each table caption of a document once, found {found}", key="caption")
                continue
            seen[key] = line
            specs.append(TableSpec(caption=caption, columns=columns, line=line, column=column))
    return tuple(specs)


def load_external(
    source: Path, errors: Collector, listed: tuple[DocumentMeta, ...] = ()
) -> tuple[ExternalDocument, ...]:
    """The documents the texts cite that the collection lacks: each 文号 once, and none that ``listed`` has
    (a citation of it is a link to its page, never this entry's 本站未收录)."""
    path = source / "external.yaml"
    if files.absent(path):
        return ()
    result = []
    seen: dict[Any, int] = {}
    collection = {meta.doc_number: meta.line for meta in listed}
    for entry in entries(path, "external", errors):
        f = Fields(path, entry, "an external document", errors)
        f.unknown_keys(("doc_number", "title"))
        number, title = f.doc_number("doc_number"), f.text("title")
        if number in collection:
            f.fail(
                f"expected a document not in the collection, found {number!r} (documents.yaml line {collection[number]})",
                key="doc_number",
            )
        elif number and title and not f.repeated(seen, number, "doc_number", repr(number), at="doc_number"):
            line, column = f.place("doc_number")
            result.append(ExternalDocument(doc_number=number, title=title, line=line, column=column))
    return tuple(result)


def check_implements(
    source: Path, metas: tuple[DocumentMeta, ...], external: tuple[ExternalDocument, ...], errors: Collector
) -> None:
    """Each ``implements`` names a document of the collection or of external.yaml: a 文号 neither holds
    (a typo, most often) would be published as 本站未收录, with no title, as if it were a fact. And each
    document of external.yaml is one an ``implements`` names: its title is shown there and nowhere else,
    so an entry none names (a mistyped 文号, most often) is a mistake; asked only when documents.yaml
    read without a problem (a document that did not read may be the one that names it)."""
    documents_read = not errors.errors  # else a document that did not read may be the one implementing an entry
    known = {meta.doc_number for meta in metas} | {document.doc_number for document in external}
    path = source / "documents.yaml"
    dated = {meta.doc_number: meta for meta in metas}
    for meta in metas:
        if meta.implements is None:
            continue
        line, column = meta.where("implements")
        implemented_one = dated.get(meta.implements)
        if meta.implements not in known:
            message = (
                "expected implements to be the 文号 of a document in documents.yaml or external.yaml, "
                f"found {meta.implements!r}"
            )
            errors.add(CurationError(path, line, column, message))
        elif meta.implements == meta.doc_number:  # its 实施依据 linked to its own page (session 40's review)
            message = f"expected implements to be the 文号 of another document, found {meta.implements!r}, its own"
            errors.add(CurationError(path, line, column, message))
        elif implemented_one and implemented_one.date and meta.date and implemented_one.date > meta.date:
            message = (  # 59号 (2015-10-21) implementing 86号 (2016-12-30) was accepted
                f"expected implements to be the 文号 of a document dated before this one ({meta.date}), found "
                f"{meta.implements!r}, dated {implemented_one.date}"
            )
            errors.add(CurationError(path, line, column, message))
    implemented = {meta.implements for meta in metas}
    for document in external if documents_read else ():  # 实施依据 is where its title is shown: nowhere else
        if document.doc_number not in implemented:
            message = (
                "expected the 文号 of a document a documents.yaml entry implements, "
                f"found {document.doc_number!r}, which none does: its title would be shown nowhere"
            )
            errors.add(CurationError(source / "external.yaml", document.line, document.column, message))
