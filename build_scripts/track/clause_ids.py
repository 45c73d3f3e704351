"""``source_texts/clause_ids.tsv``: the record of the ids unnumbered clauses have, kept by ``generate``.

Paragraphs, sentences and table rows carry no number in the texts, so their ids (``…/2-1/p2/s3``,
``…/table1/r2``) cannot be read from the text alone once one has been inserted or removed:
``lineage.pin`` aligns the text with this record instead. The record lives beside the texts and is committed with them, so every
copy of ``source_texts/`` (a fresh or shallow clone, a test's copy, an archive) gives the same ids.

One line per unnumbered clause, in text order: its id and the first ``lineage.DIGEST_CHARS`` hex
digits of the SHA-1 of its text and of its opening sentence (what tells an edited paragraph from a
new one in a copy that has no old texts), separated by tabs. Lines starting with ``#`` are comments. Nobody
edits it by hand; ``generate`` rewrites it when the ids or texts change (and only then).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from .. import cache, patterns
from ..clean import split_lines
from ..errors import Collector, CurationError, display_path
from ..load.texts import read_record
from ..model import Document
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

Records = dict[str, tuple[Recorded, ...]]  # document slug → its recorded clauses, in text order


def load(source: Path, errors: Collector) -> Records:
    """The record, by document (empty when there is none yet); a malformed line is a located error."""
    path = source / FILE_NAME
    text = read_record(path, errors, "clause-id record")
    return {} if text is None else parse_kept(path, text, errors, name="working-tree")


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
        if not line or line.startswith("#"):
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


@functools.lru_cache(maxsize=1 << 15)
def _read_line(line: str) -> Recorded | None:
    """One line of a record, or None when it is not one: read once for every version of the record that
    holds it (a build reads the record beside the texts and each committed one, mostly the same lines)."""
    match = patterns.CLAUSE_RECORD_RE.match(line)
    if match is None:
        return None
    return Recorded(id=match.group("id"), digest=match.group("digest"), opening=match.group("opening") or "")


def render(documents: Iterable[Document]) -> str:
    lines = [HEADER]
    for document in documents:
        lines.extend(f"{r.id}\t{r.digest}\t{r.opening}\n" for r in record(document))
    return "".join(lines)


def check_current(source: Path, documents: Iterable[Document]) -> None:
    """Raise a located error when the record is not what ``generate`` would write for the texts
    (``check``: a text changed, or committed without the record its build rewrote)."""
    check_record(source / FILE_NAME, render(documents), "the ids of the texts")
