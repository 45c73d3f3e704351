"""``source_texts/clause_ids.tsv``: the record of the ids unnumbered clauses have, kept by ``generate``.

Paragraphs, sentences and table rows carry no number in the texts, so their ids (``…/2-1/p2/s3``,
``…/table1/r2``) cannot be read from the text alone once one has been inserted or removed:
``lineage.pin`` aligns the text with this record instead. The record lives beside the texts and is committed with them, so every
copy of ``source_texts/`` (a fresh or shallow clone, a test's copy, an archive) gives the same ids.

One line per unnumbered clause, in text order: its id and the first ``lineage.DIGEST_CHARS`` hex
digits of the SHA-1 of its text and of its opening sentence (what tells an edited paragraph from a
new one in a copy that has no old texts), separated by tabs. Lines starting with ``#`` are comments. Nobody
edits it by hand; ``generate`` rewrites it when the ids or texts change (and only then).

A closing section, after a comment of its own, lists the removed ids ``redirects.yaml`` answers for
(an entry's ``id:``, a clause id or a removed document's slug, that no current clause or document has),
one a line with the word ``removed`` in place of the digests: what says, in a copy with neither git nor
a last build, that the id was published, so that taking its entry out is refused
(``changelog.track_changes``) as git's history refuses it. They are no clauses: ``lineage.pin`` never
sees them, and gives them to no new text. Like published_pages.tsv the section only grows: an id stays
once an entry answered for it, until a clause has it again (a numbered clause put back).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache, patterns
from ..clean import split_lines
from ..errors import Collector, CurationError, display_path
from ..load.texts import read_record
from ..model import Document, natural
from ..write import check_record
from .lineage import DIGEST_CHARS, Recorded, record

FILE_NAME = "clause_ids.tsv"
HEADER = (
    "# 条款编号记录：未编号段落、句子与表格各行的编号（id）及其文字摘要，由 generate 维护，请勿手工修改，随文本一并提交。\n"
    "# The ids of unnumbered paragraphs, sentences and table rows, kept by `generate` so that an\n"
    "# inserted paragraph does not renumber the ones after it (README: Clause ids and links).\n"
    "# Commit it with the texts; do not edit it by hand. Each line: the clause id, then the first\n"
    f"# {DIGEST_CHARS} hex digits of the SHA-1 of its text and of its opening sentence, tab-separated.\n"
)

# The closing section: the removed ids redirects.yaml answers for, each with the word REMOVED.
REMOVED = "removed"
REMOVED_HEADER = (
    "# 已删除的条款编号：redirects.yaml 为之设有条目的编号（新位置或删除说明），由 generate 记下，不再删去。\n"
    "# Removed clause ids (and removed documents' slugs) that redirects.yaml answers for, kept so that\n"
    "# taking an entry out is refused in a copy without git too (README: Removing or renumbering a clause).\n"
)

Records = dict[str, tuple[Recorded, ...]]  # document slug → its recorded clauses, in text order


@dataclass(frozen=True, kw_only=True)
class Record:
    """The whole record: the clauses ``lineage.pin`` aligns the texts with, and the removed ids."""

    clauses: Records = field(default_factory=dict)
    removed: Mapping[str, int] = field(default_factory=dict)  # removed id → its line in the record


def load(source: Path, errors: Collector) -> Records:
    """The record's clauses, by document (empty when there is none yet); a malformed line is a located error."""
    return load_record(source, errors).clauses


def load_record(source: Path, errors: Collector) -> Record:
    """The record, its clauses and its removed ids (empty when there is none yet); a malformed line is a
    located error."""
    path = source / FILE_NAME
    text = read_record(path, errors, "clause-id record")
    if text is None:
        return Record()
    clauses = parse_kept(path, text, errors, name="working-tree")
    return Record(clauses=clauses, removed=parse_removed(path, text, errors, clauses=clauses))


def parse_kept(path: Path, text: str, errors: Collector, *, name: str) -> Records:
    """``parse``, kept in .cache/records/ as ``name`` (the working tree's, or a committed version's
    blob id) when it parses without a problem: every build reads the record in the working tree and
    every committed version of it (``versions``), about 10 ms each, and they seldom change. A record
    with problems is parsed each time, so that they are said."""
    key = cache.fingerprint([cache.package_fingerprint(), text])
    kept = cache.load_entry("records", name, key)
    if isinstance(kept, dict):
        return kept
    before = len(errors.errors)
    records = parse(path, text, errors)
    if len(errors.errors) == before:
        cache.store_entry("records", name, key, records)
    return records


def parse(path: Path, text: str, errors: Collector) -> Records:
    records: dict[str, list[Recorded]] = defaultdict(list)
    seen: set[str] = set()
    for number, line in enumerate(split_lines(text), start=1):
        if not line or line.startswith("#") or line.endswith(f"\t{REMOVED}"):  # removed ids: parse_removed
            continue
        recorded = _read_line(line)
        if recorded is None:
            errors.add(
                CurationError(
                    path,
                    number,
                    1,
                    f"expected a clause id and two tab-separated digests of {DIGEST_CHARS} hex digits (this file is written by "
                    f"`make build`: restore it with `git checkout -- {display_path(path)}`), found {line[:60]!r}",
                )
            )
            continue
        if recorded.id in seen:
            errors.add(CurationError(path, number, 1, f"expected each clause id once, found {recorded.id!r} again"))
            continue
        seen.add(recorded.id)
        records[recorded.id.split("/", 1)[0]].append(recorded)
    return {slug: tuple(items) for slug, items in records.items()}


def parse_removed(path: Path, text: str, errors: Collector, *, clauses: Records) -> dict[str, int]:
    """The removed ids of the record's closing section → their lines (``parse`` reads the clauses)."""
    current = {r.id for rs in clauses.values() for r in rs}
    removed: dict[str, int] = {}
    for number, line in enumerate(split_lines(text), start=1):
        if not line.endswith(f"\t{REMOVED}") or line.startswith("#"):
            continue
        match = patterns.CLAUSE_REMOVED_RE.match(line)
        if match is None:
            errors.add(
                CurationError(
                    path,
                    number,
                    1,
                    f"expected a removed clause id, a tab and {REMOVED!r} (this file is written by `make build`: "
                    f"restore it with `git checkout -- {display_path(path)}`), found {line[:60]!r}",
                )
            )
        elif match.group("id") in current or match.group("id") in removed:
            errors.add(
                CurationError(path, number, 1, f"expected each clause id once, found {match.group('id')!r} again")
            )
        else:
            removed[match.group("id")] = number
    return removed


@functools.lru_cache(maxsize=1 << 15)
def _read_line(line: str) -> Recorded | None:
    """One line of a record, or None when it is not one: read once for every version of the record that
    holds it (a build reads the record beside the texts and each committed one, mostly the same lines)."""
    match = patterns.CLAUSE_RECORD_RE.match(line)
    if match is None:
        return None
    return Recorded(id=match.group("id"), digest=match.group("digest"), opening=match.group("opening") or "")


def render(documents: Iterable[Document], removed: Iterable[str] = ()) -> str:
    """The record of the texts' clauses, then its closing section of ``removed`` (``removed_ids``), when any."""
    lines = [HEADER]
    for document in documents:
        lines.extend(f"{r.id}\t{r.digest}\t{r.opening}\n" for r in record(document))
    gone = sorted(set(removed), key=natural)
    if gone:
        lines.append(REMOVED_HEADER)
        lines.extend(f"{clause_id}\t{REMOVED}\n" for clause_id in gone)
    return "".join(lines)


def removed_ids(kept: Iterable[str], listed: Collection[str], documents: Iterable[Document]) -> tuple[str, ...]:
    """The record's closing section as ``generate`` writes it: the removed ids it ``kept``, and every id
    redirects.yaml lists (``listed``: clause ids and slugs; a page's entry is no id), but those a current
    clause or document has (put back)."""
    documents = tuple(documents)
    current = {c.id for d in documents for c in d.clauses} | {d.slug for d in documents}
    ids = {i for i in (*kept, *listed) if patterns.CLAUSE_REMOVED_RE.match(f"{i}\t{REMOVED}")}
    return tuple(sorted(ids - current, key=natural))


def check_current(source: Path, documents: Iterable[Document], removed: Iterable[str] = ()) -> None:
    """Raise a located error when the record is not what ``generate`` would write for the texts
    (``check``: a text changed, or committed without the record its build rewrote); ``removed``:
    ``removed_ids``."""
    check_record(source / FILE_NAME, render(documents, removed), "the ids of the texts")
