"""Every version of each document in git, its ids pinned, with the clauses added, removed and modified.

The change log is a function of the source tree and its git history only: every committed version
of a source text (``git log`` + ``git cat-file``) is parsed with today's metadata, its unnumbered
clauses' ids pinned (``lineage``) against the clause-id record committed with it, or else the version
before, and compared with the version before it; the working tree is one more version when it differs
from the last commit. No wall clock: versions carry commit hashes and committer dates, so an unchanged
tree gives a byte-identical page. ``build_history`` also gives the documents with their ids pinned (the
ids the whole build uses) and every id and text git has known (what ``changelog.track_changes`` checks
that no link loses).
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import cache, citation, patterns
from ..errors import Collector
from ..load import files
from ..load.located_yaml import read_committed_yaml
from ..load.texts import RawText
from ..model import Clause, ClauseChange, ClauseKind, Document, DocumentMeta, DocumentVersion, cited, id_prefixes
from ..parse import parse_document
from . import clause_ids, git_log, lineage
from .published import FILE_NAME as PUBLISHED_FILE
from .published import committed_urls
from .redirects import FILE_NAME as REDIRECTS_FILE

WORKING_TREE = "working-tree"


@dataclass(frozen=True, kw_only=True)
class History:
    versions: tuple[DocumentVersion, ...]
    # every clause id any committed version had → (doc slug, 1-based line in that version)
    known_ids: dict[str, tuple[str, int]]
    known_texts: dict[str, str]  # the text each id had last (in a commit or the last build)
    documents: tuple[Document, ...]  # the documents given, their ids pinned along their history
    committed_texts: Mapping[str, str] = field(default_factory=dict)  # the text each id had last in a commit
    committed: bool = False  # git has a history of source_texts/: what is not in it was never committed
    recorded_ids: frozenset[str] = frozenset()  # every id a committed version of clause_ids.tsv holds
    # every id the parser reads in a version (the working tree's too) before lineage pins it: the ids builds
    # published before clause_ids.tsv, and those an entry names for them (guobanfa-2016-106/p3)
    parsed_ids: frozenset[str] = frozenset()
    committed_slugs: Mapping[str, frozenset[str]] = field(default_factory=dict)  # source_file → every slug it had
    # slug → (cited title, 文号) as the newest committed documents.yaml that lists it gives them
    committed_names: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # an id redirects.yaml lists (or one under it) → the position part of its citation in the newest
    # committed version that had it with the text a committed record gives it, parsed as today
    # ("文首第5行"; ``_former_positions``); not there when no version shows that
    former_positions: Mapping[str, str] = field(default_factory=dict)
    # redirects.yaml as the newest commit has it (``git_log.committed_file``), read with the texts' versions:
    # None without git, or when that commit has none
    committed_redirects: bytes | None = None
    # every page address a committed version of published_pages.tsv lists: a revert that took the record back
    # took back the addresses of pages the site published meanwhile (session 40's link review)
    committed_pages: frozenset[str] = frozenset()


def _shown(clauses: Iterable[Clause]) -> dict[str, Clause]:
    """The clauses the change log compares: all but sentences (their paragraph shows the change)."""
    return {c.id: c for c in clauses if c.kind is not ClauseKind.SENTENCE}


def shown_text(text: str) -> str:
    """A clause's text as the change log shows it (its page, changes.json). A committed version may hold a
    control character (ESC pasted from a terminal) that the build refuses in the text it reads now, and a
    commit made keeps it: each is shown as the character Unicode pictures it with (␛; ␡ for DEL), a C1
    control, which has none, as U+FFFD. Not dropped, as a commit subject's are: the edit that put one in,
    or took it out, would show the same text twice. Ids and their lineage read the text as it is."""
    return patterns.CONTROL_CHAR_RE.sub(_picture, text)


def _picture(found: re.Match[str]) -> str:
    code = ord(found.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def diff_clauses(old: Iterable[Clause], new: Iterable[Clause]) -> tuple[ClauseChange, ...]:
    """What changed from ``old`` to ``new``, by id, each text as the change log shows it (``shown_text``)."""
    before, after = _shown(old), _shown(new)
    changes = []
    for clause_id, clause in after.items():
        previous = before.get(clause_id)
        if previous is None:
            changes.append(
                ClauseChange(
                    id=clause_id,
                    change="added",
                    kind=clause.kind.value,
                    old_text=None,
                    new_text=shown_text(clause.text),
                )
            )
        elif previous.text != clause.text:
            changes.append(
                ClauseChange(
                    id=clause_id,
                    change="modified",
                    kind=clause.kind.value,
                    old_text=shown_text(previous.text),
                    new_text=shown_text(clause.text),
                )
            )
    for clause_id, clause in before.items():
        if clause_id not in after:
            changes.append(
                ClauseChange(
                    id=clause_id,
                    change="removed",
                    kind=clause.kind.value,
                    old_text=shown_text(clause.text),
                    new_text=None,
                )
            )
    return tuple(changes)


def _parse(meta: DocumentMeta, path: Path, data: bytes, yaml_path: Path) -> Document | None:
    """A past version parsed with today's metadata, or None when it does not parse (skipped quietly).

    Kept in .cache/history per version, under a key of everything the parse reads: after an edit
    every rebuild compares with the committed version, which need not be parsed each time."""
    key = cache.fingerprint([cache.package_fingerprint(), repr(meta), str(path), str(yaml_path), data])
    name = f"{meta.slug}.{git_log.blob_id(data)}"
    document = cache.load_entry("history", name, key)
    if isinstance(document, Document):
        return document
    document = _parse_version(meta, path, data, yaml_path)
    if document is not None:
        cache.store_entry("history", name, key, document)
    return document


def _parse_version(meta: DocumentMeta, path: Path, data: bytes, yaml_path: Path) -> Document | None:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    raw = RawText(path=path, text=text, sha256="", encoding=encoding)
    try:
        return parse_document(meta, raw, Collector(), yaml_path=yaml_path)
    except Exception:  # noqa: BLE001 - an old version the parser cannot read is skipped, never fatal
        return None


def build_history(
    source: Path,
    documents: Iterable[Document],
    *,
    recorded: clause_ids.Records | None = None,
    retired: Collection[str] = (),
    texts: Mapping[str, str] | None = None,
    log: git_log.StartedLog | None = None,
) -> History:
    """Every version of every document git knows, plus the working tree when it differs from HEAD.

    Ids are pinned (``lineage``): each committed version against the clause-id record committed
    with it, or else the version before; the working tree against ``recorded`` (the record in
    ``source_texts/``), or else the newest commit. ``retired``: the ids redirects.yaml lists, never
    given to a new clause; ``texts``: the last build's clause texts. Edited paragraphs are paired by
    likeness to the texts a record's ids stood for, found by id and digest in every committed version
    and the last build. For the ids ``retired`` lists and those under them, it finds where each stood
    as far as a committed version shows it (``_former_positions``). ``log``: the history of ``source``,
    begun already (``git_log.StartedLog``).
    """
    documents = tuple(documents)
    recorded = recorded or {}
    histories = log.histories() if log is not None else git_log.file_histories(source)
    record_revisions = histories.get(clause_ids.FILE_NAME, [])  # the record's own versions, oldest first
    wanted = {r.blob for d in documents for r in histories.get(d.meta.source_file, ())}
    listings = histories.get("documents.yaml", [])  # every committed documents.yaml
    page_records = histories.get(PUBLISHED_FILE, [])  # every committed record of published pages
    blobs = git_log.read_blobs(  # one git call, redirects.yaml as committed too (``History.committed_redirects``)
        source,
        wanted | {r.blob for r in (*record_revisions, *listings, *page_records)},
        committed=(REDIRECTS_FILE,) if histories else (),
    )
    committed_records = _committed_records(source, record_revisions, blobs, recorded)
    versions: list[DocumentVersion] = []
    known: dict[str, tuple[str, int]] = {}
    known_texts: dict[str, str] = {}
    # each committed state of the texts (commit age, version pinned to the record of that commit), for
    # the ids redirects.yaml answers for: where they stood (``_former_positions``)
    states: list[tuple[int, Document]] = []
    seen = lineage.old_texts((texts or {}).items())  # (id, digest) → text, every version's and the last build's
    pinned_documents: list[Document] = []
    parsed_ids: set[str] = set()
    for document in documents:
        revisions = [r for r in histories.get(document.meta.source_file, ()) if r.blob in blobs]
        path = source / document.meta.source_file
        try:
            data = files.read_bytes(path)
        except OSError:
            current_blob: str | None = None
        else:
            current_blob = git_log.blob_id(data)
            newest = blobs[revisions[-1].blob] if revisions else None
            if newest is not None and current_blob != revisions[-1].blob and _crlf_of(data, newest):
                current_blob = revisions[-1].blob  # the newest commit's text, checked out with CRLF
        # The version in the working tree is already parsed: the newest commit usually has the same bytes.
        parsed: dict[str, Document | None] = {current_blob: document} if current_blob else {}
        previous: Document | None = None
        previous_old: tuple[lineage.Recorded, ...] | None = None  # what the newest commit was pinned to
        previous_own: tuple[lineage.Recorded, ...] | None = None  # the record committed with the text before
        # every record of the document, the working tree's first, then the newest commit's: the ids the site published
        every_record = [recorded.get(document.slug, ())] + [
            committed_records(r).get(document.slug, ()) for r in reversed(record_revisions)
        ]
        # ids a record holds or a version was given: never given to other words, in any version
        given: set[str] = {r.id for rs in every_record for r in rs}
        used: set[str] = set(retired) | given  # … nor, in the working tree, the ids redirects.yaml lists
        for revision in revisions:  # every version, parsed once (the loop below pins them)
            if revision.blob not in parsed:
                parsed[revision.blob] = _parse(document.meta, path, blobs[revision.blob], source / "documents.yaml")
        parsed_ids.update(c.id for version in parsed.values() if version for c in version.clauses)
        # words a later record gives an id: a text committed without its record takes the ids its build published
        claimed = functools.cache(
            functools.partial(_claims, document.slug, every_record, parsed.values(), texts or {}, retired)
        )
        answered = {i for i in retired if i.startswith(f"{document.slug}/")}  # its ids redirects.yaml lists
        later_records = list(_record_states(document.slug, revisions, record_revisions, committed_records))
        # a text blob → the newest record a later commit gave it: the one today's documents.yaml agrees with
        # (106号's first record put its closing paragraph in 三（三）, as documents.yaml did then)
        later_record: dict[str, tuple[lineage.Recorded, ...]] = {}
        for _, text_blob, records in reversed(later_records):  # newest record commit first
            later_record.setdefault(text_blob, records)
        borrowed: set[str] = set()  # text blobs the loop below pinned to their later_record
        for revision in revisions:
            version = parsed[revision.blob]
            if version is None:
                continue
            # the record committed with this text; for a text older than the record (the five texts' first
            # commit), the record a later commit gave this same text: by position its ids need not be those
            # published (59号's first commit parsed today lacks the dropped 发布时间 line: pre3 would be pre2)
            own = committed_records(revision).get(document.slug)
            committed = own
            working = recorded.get(document.slug)
            if revision.blob == current_blob and working and working != own and _extends(working, committed):
                # the working tree's text: pinned as the record beside it has it, which a build wrote from
                # this text when the commit left the record behind (the text committed alone, then built);
                # the committed record would give its new clauses other ids than the build published. Not
                # a record that gives an id the commit's record has to other words (one edited by hand).
                committed = working
            elif not committed and revision.blob in later_record:
                committed = later_record[revision.blob]
                borrowed.add(revision.blob)
            elif own and previous is not None and own == previous_own:
                # the record did not change since the text before (this text came without it): the ids that
                # version was given extend it, and a clause it added keeps its id here
                committed = lineage.record(previous)
            previous_old = committed or (lineage.record(previous) if previous else None)
            # A clause new against the commit's record takes an id no record holds and no version was given;
            # an id only redirects.yaml lists may be it: a build published it from this text, and the record
            # it wrote was never committed (else a record would hold it), and the clause is gone since.
            own_record = bool(own) and committed is not working  # the working tree's record: never a listed id
            version = lineage.pin(version, previous_old, given if own_record else used, seen, claimed)
            previous_own = own
            for clause in version.clauses:
                known.setdefault(clause.id, (document.slug, clause.line))
                known_texts[clause.id] = clause.text
                used.add(clause.id)
                given.add(clause.id)
            seen.update(lineage.old_texts((c.id, c.text) for c in version.clauses if lineage.pinned_kind(c)))
            if answered:
                states.append((revision.age, version))
            versions.append(
                _version(document.slug, revision.commit, revision.date, revision.subject, previous, version)
            )
            previous = version
        if answered:  # the same text as later commits of the record pinned it (a record younger than the text)
            taken = frozenset(used)
            # (text blob, record) → the text pinned to it: a commit that changed the record of other
            # documents gives this one the record the commit before did, and the same pinning
            pinnings: dict[tuple[str, tuple[lineage.Recorded, ...]], Document] = {}
            for age, text_blob, later in later_records:
                if text_blob in borrowed and later is later_record[text_blob]:
                    continue  # that pinning is among the states already, as the text's own commit
                if (text := parsed.get(text_blob)) is not None:
                    if (text_blob, later) not in pinnings:
                        pinnings[text_blob, later] = lineage.pin(text, later, taken, seen)
                    states.append((age, pinnings[text_blob, later]))
        old = recorded.get(document.slug) or (lineage.record(previous) if previous else None)
        if previous is not None and current_blob == revisions[-1].blob and old in (previous_old, previous_own):
            current = previous  # the newest commit's text and record: pinned already
        else:
            current = lineage.pin(document, old, used, seen)
        if revisions and current_blob != revisions[-1].blob:
            versions.append(_version(document.slug, WORKING_TREE, None, "未提交的修改", previous, current))
        pinned_documents.append(current)
    return History(
        versions=tuple(versions),
        known_ids=known,
        known_texts={**known_texts, **(texts or {})},  # the last build's last
        committed_texts=known_texts,
        documents=tuple(pinned_documents),
        committed=bool(histories),
        committed_redirects=blobs.get(f"{git_log.HEAD_FILE}{REDIRECTS_FILE}"),
        former_positions=_former_positions(
            states, frozenset(retired), _published(record_revisions, committed_records, recorded)
        ),
        recorded_ids=frozenset(r.id for rev in record_revisions for rs in committed_records(rev).values() for r in rs),
        parsed_ids=frozenset(parsed_ids),
        **_committed_listings(listings, blobs),
        committed_pages=committed_urls(blobs[r.blob] for r in page_records if r.blob in blobs),
    )


def _claims(
    slug: str,
    records: Sequence[Sequence[lineage.Recorded]],
    versions: Iterable[Document | None],
    texts: Mapping[str, str],
    retired: Collection[str] = (),
) -> lineage.Claims:
    """``lineage.Claims`` of a document's records (the working tree's, then the last build's ``texts``,
    which published them, then the committed ones, the newest first), with the words any version or
    the last build shows for their digests."""
    words = {lineage.digest(text): text for text in texts.values()}
    words.update((lineage.digest(c.text), c.text) for version in versions if version for c in version.clauses)
    last_build = tuple(
        lineage.Recorded(id=i, digest=lineage.digest(text))
        for i, text in texts.items()
        if i.startswith(f"{slug}/") and lineage.ordinal_prefix(i)
    )
    return lineage.claims([records[0], last_build, *records[1:]], words, retired)


def _extends(newer: Sequence[lineage.Recorded], older: Sequence[lineage.Recorded] | None) -> bool:
    """Whether ``newer`` gives every id ``older`` also has the same text (digest), adding ids only."""
    digests = {r.id: r.digest for r in older or ()}
    return all(digests.get(r.id, r.digest) == r.digest for r in newer)


def _record_states(
    slug: str,
    revisions: Sequence[git_log.Revision],
    record_revisions: Sequence[git_log.Revision],
    committed_records: Callable[[git_log.Revision], clause_ids.Records],
) -> Iterable[tuple[int, str, tuple[lineage.Recorded, ...]]]:
    """(commit age, text blob, the document's record) for each commit that changed the clause-id record
    and not the text: the text as that commit had it, with the ids that record gives it (the texts'
    own commit may predate every record, or one that a later documents.yaml renumbered)."""
    text_ages = {revision.age for revision in revisions}
    for record_revision in record_revisions:
        older = [r for r in revisions if r.age >= record_revision.age]  # the text as the commit had it
        records = committed_records(record_revision).get(slug)
        if older and records and record_revision.age not in text_ages:
            yield record_revision.age, older[-1].blob, records


def _published(
    record_revisions: Sequence[git_log.Revision],
    committed_records: Callable[[git_log.Revision], clause_ids.Records],
    current: clause_ids.Records,
) -> frozenset[tuple[str, str]]:
    """(clause id, digest of its text) of every unnumbered clause a committed version of the record, or
    the record in the working tree, holds: what the site published under each id."""
    records = [committed_records(revision) for revision in record_revisions] + [current]
    return frozenset((r.id, r.digest) for record in records for rs in record.values() for r in rs)


def _former_positions(
    states: Sequence[tuple[int, Document]], answered: Collection[str], published: Collection[tuple[str, str]]
) -> dict[str, str]:
    """Clause id → the position part of its citation (``citation.positions``, counted in the whole
    version, as its readers counted) in the newest committed state that shows where it stood: for
    each id redirects.yaml answers for (``answered``) and the ids under it. ``states``: (commit age,
    the version of a text as that commit had it, pinned to that commit's record).

    A state shows it only when its text under the id is the text the site published under that id:
    for an unnumbered clause (and each unnumbered clause its id continues: a sentence's paragraph),
    the digest a committed record (or the current one) holds for that id (``published``). A version
    pinned to no record keeps the parser's positional ids, whose numbers need not be the ones
    published (by position, the texts' first commit, parsed with today's documents.yaml, which drops
    59号's 发布时间 line, would hold under ``pre6`` the words published as ``pre7``; it is pinned to a
    later record now, but a text committed twice before any record is not): an id whose words it does
    not hold is not placed by it. Other clauses have ids the text gives them, read the
    same way in every version (``3-3`` and ``t14`` are labels, a table row's ``r2`` its row): any
    version that has the id shows it. No state shows it: not there (the page says 原条款)."""
    found: dict[str, str] = {}
    for _, version in sorted(states, key=lambda state: state[0]):  # newest first
        by_id = {clause.id: clause for clause in version.clauses}
        shown = [
            clause.id
            for clause in version.clauses
            if clause.id not in found
            and any(head in answered for head in id_prefixes(clause.id))  # its sentences too
            and all(
                (head, lineage.digest(by_id[head].text)) in published
                for head in id_prefixes(clause.id)
                if head in by_id and lineage.pinned_kind(by_id[head])
            )
        ]
        if shown:
            cited = citation.positions(version)
            found.update((clause_id, cited[clause_id]) for clause_id in shown)
    return found


def _crlf_of(data: bytes, committed: bytes) -> bool:
    """Whether ``data`` is ``committed`` with CRLF line ends, as git checks a text out under
    ``core.autocrlf = true`` where no .gitattributes says otherwise (git status: unchanged)."""
    return b"\r\n" in data and b"\r" not in committed and data.replace(b"\r\n", b"\n") == committed


def _committed_listings(listings: Sequence[git_log.Revision], blobs: Mapping[str, bytes]) -> dict[str, Any]:
    """What every committed documents.yaml said, as ``History`` fields: ``committed_slugs`` (source
    file → every slug it had) and ``committed_names`` (slug → cited title and 文号, the newest)."""
    slugs: dict[str, set[str]] = {}
    names: dict[str, tuple[str, str]] = {}
    key = cache.package_fingerprint()
    # every version's reading, by blob, in one .cache/ entry: a version is read once, however long the
    # history (one file for all of them: a cold build wrote, and every build read, one per version)
    stored = cache.load_entry("listings", "documents.yaml", key)
    kept = stored if isinstance(stored, dict) else {}
    read: dict[str, tuple[list[tuple[str, str]], dict[str, tuple[str, str]]]] = {}
    for revision in listings:
        if revision.blob not in blobs:
            continue
        listing = kept.get(revision.blob)
        if not (isinstance(listing, tuple) and len(listing) == 2):
            listing = _read_listing(blobs[revision.blob].decode("utf-8", errors="replace"))
        read[revision.blob] = listing
        pairs, named = listing
        for source_file, slug in pairs:
            slugs.setdefault(source_file, set()).add(slug)
        names.update(named)
    if any(kept.get(blob) != listing for blob, listing in read.items()):
        # a version read anew: kept beside the others (another copy's history's too, as one file each was)
        cache.store_entry("listings", "documents.yaml", key, {**kept, **read})
    return {
        "committed_slugs": {source_file: frozenset(found) for source_file, found in slugs.items()},
        "committed_names": names,
    }


def _read_listing(text: str) -> tuple[list[tuple[str, str]], dict[str, tuple[str, str]]]:
    """(source file, slug) of each entry of one version of documents.yaml, and slug → (cited title,
    文号) of each entry that gives them: read as YAML, or line by line (slugs only) when the version
    does not parse (its entries may still name their slugs)."""
    data = read_committed_yaml(Path("documents.yaml"), text)
    entries = data.get("documents") if isinstance(data, dict) else None
    if isinstance(entries, list):
        entries = [e for e in entries if isinstance(e, dict) and e.get("slug")]
        names = {}
        for e in entries:
            title, number = e.get("short_title") or e.get("title"), e.get("doc_number")
            if isinstance(title, str) and isinstance(number, str):
                names[str(e["slug"])] = (cited(title), number)
        return [(str(e["source_file"]), str(e["slug"])) for e in entries if e.get("source_file")], names
    starts = list(patterns.LISTING_ENTRY_RE.finditer(text))
    pairs = []
    for entry, following in zip(starts, [*starts[1:], None], strict=True):
        found = patterns.LISTING_FILE_RE.search(text, entry.end(), following.start() if following else len(text))
        if found:
            pairs.append((found.group("file"), entry.group("slug")))
    return pairs, {}


def _committed_records(
    source: Path, revisions: Sequence[git_log.Revision], blobs: Mapping[str, bytes], current: clause_ids.Records
) -> Callable[[git_log.Revision], clause_ids.Records]:
    """The clause-id record as a commit had it: its newest version not younger than the commit
    (none before the record existed, or when that version does not parse). ``current``: the record
    in the working tree, parsed already (usually the newest commit's)."""
    parsed: dict[str, clause_ids.Records] = {}
    with contextlib.suppress(OSError):  # no record in the working tree
        parsed[git_log.blob_id(files.read_bytes(source / clause_ids.FILE_NAME))] = current
    for revision in revisions:
        if revision.blob in parsed:
            continue
        problems = Collector()
        try:
            text = blobs[revision.blob].decode("utf-8")
            records = clause_ids.parse_kept(source / clause_ids.FILE_NAME, text, problems, name=revision.blob)
        except (KeyError, UnicodeDecodeError):
            continue
        if not problems.errors:
            parsed[revision.blob] = records

    def at(commit: git_log.Revision) -> clause_ids.Records:
        older = [r for r in revisions if r.age >= commit.age]  # the same commit or before it
        return parsed.get(older[-1].blob, {}) if older else {}

    return at


def _version(
    slug: str, revision: str, date: str | None, subject: str, old: Document | None, new: Document
) -> DocumentVersion:
    return DocumentVersion(
        doc=slug,
        revision=revision,
        date=date,
        subject=subject,
        clause_count=len(_shown(new.clauses)),
        changes=_cited(diff_clauses(old.clauses, new.clauses), old, new) if old is not None else (),
        initial=old is None,
    )


def _cited(changes: tuple[ClauseChange, ...], old: Document, new: Document) -> tuple[ClauseChange, ...]:
    """``changes``, each with its position as that version counts it (a removed clause's in ``old``),
    so the change log can cite a clause as 复制引用 does, not by its id alone."""
    if not changes:
        return changes
    was, now = citation.positions(old), citation.positions(new)
    return tuple(replace(c, position=(was if c.change == "removed" else now).get(c.id, "")) for c in changes)
