"""The change-tracking stage: the change log's records, redirects, and no clause id gone without one.

``track_changes`` takes the versions ``versions.build_history`` found in git: a clause id that
existed (in a commit, the last build, or the clause-id record) and is gone needs a redirects.yaml
entry. ``change_records`` turns the versions into docs/data/changes.json. The comparison with the
*previous build* (docs/data/clauses.json) is not part of the change log (it would make a second
identical rebuild differ from the first); ``since_last_build`` summarises it for the command line
instead.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import patterns
from ..errors import Collector, CurationError
from ..load import files
from ..model import Clause, ClauseKind, Corpus, Document, Redirect, Site, id_prefixes
from . import clause_ids, git_log
from .lineage import digest
from .redirects import KnownIds, committed_targets
from .versions import History

# A document whose slug none of the records knows, holding more than this share of the words a record gives
# a slug documents.yaml no longer lists, is that document under a changed slug (``_renamed_unseen``).
RENAMED_SHARE = 0.9

# Showing a change -------------------------------------------------------------------


def change_records(site: Site) -> list[dict[str, Any]]:
    """docs/data/changes.json: one record per clause change, per document version."""
    records = []
    for version in site.history:
        base = {"doc": version.doc, "revision": version.revision, "date": version.date, "subject": version.subject}
        if version.initial:
            records.append(
                {
                    **base,
                    "change": "initial",
                    "id": None,
                    "kind": None,
                    "old_text": None,
                    "new_text": None,
                    "clause_count": version.clause_count,
                }
            )
        for change in version.changes:
            records.append(
                {
                    **base,
                    "change": change.change,
                    "id": change.id,
                    "kind": change.kind,
                    "old_text": change.old_text,
                    "new_text": change.new_text,
                    "clause_count": version.clause_count,
                }
            )
    return records


# Since the last build (command line only) ----------------------------------------------


def read_previous_clauses(docs: Path) -> dict[str, dict[str, Any]]:
    """Clause records of the last build (docs/data/clauses.json), read before anything is written."""
    try:
        records = json.loads(files.read_text(docs / "data" / "clauses.json"))
    except (OSError, ValueError, RecursionError):  # no record, or a damaged one (nesting too deep: RecursionError)
        return {}
    if not isinstance(records, list):
        return {}
    return {
        r["id"]: r
        for r in records
        if isinstance(r, dict)
        and isinstance(r.get("id"), str)
        and isinstance(r.get("doc"), str)
        and patterns.CLAUSE_ID_RE.fullmatch(r["id"])  # a damaged record's id that is no clause id is not read
    }


def since_last_build(previous: dict[str, dict[str, Any]], site: Site) -> str:
    """One line for the command line: clauses added, removed and modified since the last build."""
    if not previous:
        return "no previous build to compare with"
    current = {c.id: c for c in site.corpus.clauses() if c.kind is not ClauseKind.SENTENCE}
    old = {i: r for i, r in previous.items() if r.get("kind") != ClauseKind.SENTENCE.value}
    added = sorted(set(current) - set(old))
    removed = sorted(set(old) - set(current))
    modified = sorted(i for i in set(current) & set(old) if current[i].text != old[i].get("text"))
    if not (added or removed or modified):
        return "since the last build: no clause changed"
    shown = ", ".join(
        [*(f"+{i}" for i in added[:3]), *(f"-{i}" for i in removed[:3]), *(f"~{i}" for i in modified[:3])]
    )
    return (
        f"since the last build: {len(added)} clause(s) added, {len(removed)} removed, "
        f"{len(modified)} modified ({shown}{', …' if max(len(added), len(removed), len(modified)) > 3 else ''})"
    )


def track_changes(
    source: Path,
    corpus: Corpus,
    found: History,
    previous: dict[str, dict[str, Any]],
    errors: Collector,
    *,
    recorded: clause_ids.Records | None = None,
    removed: Mapping[str, int] | None = None,
    listed: Collection[str] = (),
) -> dict[str, Any]:
    """The change-tracking stage: the change log (``found``: ``build_history`` of the corpus),
    redirects, and the no-dead-links check: an id that existed (in a commit, the last build, or the
    clause-id record: its clauses ``recorded``, or the removed ids ``removed`` of its closing section,
    each → its line there) and is gone needs a redirects.yaml entry. ``listed``: the ids redirects.yaml
    names, valid or not (``redirects.listed_targets``).

    Returns the ``Site`` fields it fills (``history``, ``redirects``, ``retired_documents``,
    ``moved_pages``); problems go to ``errors``.
    """
    from .redirects import covering, load_redirects
    from .removed import check_removed, known_from_previous

    index = corpus.clause_index()
    from_record = {r.id: (slug, _line_near(r.id, index)) for slug, rs in (recorded or {}).items() for r in rs}
    # … and the clauses holding them: a recorded sentence's item (…/4-2-7 of …/4-2-7/s1) existed too, and a
    # copied link names it; in a copy with neither git nor a last build the record is all that says so. Each
    # is placed as its recorded clauses are: at the nearest clause still there (四（二） for …/4-2-7)
    from_record = {**{head: place for i, place in from_record.items() for head in _holders(i)}, **from_record}
    last_build = known_from_previous(previous)
    # … and every id a committed record holds: one that no version parsed today has (a line documents.yaml
    # drops since, 59号's pre2; a closing paragraph it moved out of 三（三）, 106号's 3-3/p1) was published too
    from_commits = {i: (i.split("/", 1)[0], _line_near(i, index)) for i in found.recorded_ids}
    # … and the removed ids the record keeps, those redirects.yaml answered for: in a copy with neither git nor a
    # last build, what says they were published once the build that answered for them rewrote the rest
    removed = _published_removed(removed or {}, found)
    from_removed = {i: (i.split("/", 1)[0], _line_near(i, index)) for i in removed}
    known = {**from_commits, **from_removed, **from_record, **found.known_ids, **last_build}
    # one known from that section alone, in no clause still there, is said at its line in the record
    located = {
        i: (source / clause_ids.FILE_NAME, line)
        for i, line in removed.items()
        if _enclosing_line(i, index) is None
        and not any(i in other for other in (from_commits, found.known_ids, last_build))
    }
    renamed = _renamed_slugs(source, corpus, found, errors, retired=listed)
    renamed |= _swapped_slugs(source, corpus, found, previous, recorded or {}, errors, retired=listed)
    renamed |= _renamed_unseen(source, corpus, found, known, recorded or {}, errors, retired={*listed, *renamed})
    known = {i: place for i, place in known.items() if place[0] not in renamed}  # said once, at the slug
    existed = _existed(source, corpus, found, known, listed)
    entries, retired_documents, moved_pages = load_redirects(
        source, corpus, errors, existed=existed, texts=found.known_texts
    )
    # An entry for a paragraph serves its sentences: each gets an entry of its own where git knows it
    # (in any version committed), sent to the sentence that has its words where the paragraph went.
    # Not from the record or the last build: the build that writes the record drops the removed ids,
    # so the next build would write other data from the same sources (the page script sends a
    # sentence's link by its paragraph's entry instead). A removed document's entry serves all its
    # anchors by itself (data/redirects.json, the 404 page).
    redirects = covering(
        entries, (i for i in found.known_ids if i not in index), texts=found.committed_texts, corpus=corpus
    )
    redirects = _cited(redirects, found)
    drafts = _drafts(known, found)
    if drafts & removed.keys():  # an id the newest commit's redirects.yaml answers for was published, no draft
        drafts -= committed_targets(found.committed_redirects or b"").keys()
    check_removed(
        corpus,
        [d.meta for d in corpus.documents],
        redirects,
        known,
        source,
        errors,
        texts=found.known_texts,
        drafts=drafts,
        listed=listed,  # an entry load_redirects refused has its own message already
        recorded={r.id for rs in (recorded or {}).values() for r in rs}
        | found.recorded_ids
        | set(last_build)
        | set(removed),
        digests={r.id: r.digest for rs in (recorded or {}).values() for r in rs},
        located=located,
    )
    retired_documents = tuple(  # what the document was, where git still has its entry
        replace(d, title=found.committed_names[d.slug][0], doc_number=found.committed_names[d.slug][1])
        if d.slug in found.committed_names
        else d
        for d in retired_documents
    )
    return {
        "history": found.versions,
        "redirects": redirects,
        "retired_documents": retired_documents,
        "moved_pages": moved_pages,
    }


def _published_removed(removed: Mapping[str, int], found: History) -> Mapping[str, int]:
    """The removed ids of clause_ids.tsv's closing section (→ their lines) that say an id was published: all
    of them without git; with git, which tells what was published itself, those it had in some form (a
    commit's text, as recorded or as the parser reads it, a committed record, or the newest commit's
    redirects.yaml). An entry built and taken out before it was committed (a draft, or a typo the build let
    stand) leaves its id in the section, but no commit says the id was published: it is not asked for."""
    if not found.committed:
        return removed
    had = found.known_ids.keys() | found.recorded_ids | found.parsed_ids
    if any(i not in had for i in removed):
        had |= committed_targets(found.committed_redirects or b"").keys()
    return {i: line for i, line in removed.items() if i in had}


def _existed(
    source: Path, corpus: Corpus, found: History, known: Mapping[str, tuple[str, int]], listed: Collection[str]
) -> KnownIds | None:
    """Every clause id and slug that existed, for redirects.yaml's entries (an entry for another that reads as
    a typo of a removed id is refused: ``redirects._typo_of``): the ids of every committed version (as
    pinned, and as the parser reads it), every committed record, the record beside the texts, the last
    build and the texts now (``known`` holds the ids of those it can), and, when an entry names an id
    none of those has, every id the newest commit's redirects.yaml lists; with their documents' slugs and
    every slug a committed documents.yaml gave. None when that cannot be told: without git, or in a
    shallow clone, older versions had ids nothing here shows (the real redirects.yaml's guobanfa-2016-106/3-3/p1 only a
    committed record holds), and then no entry is refused for naming an id unknown. git is asked whether the
    clone is shallow only when an entry names an id the history shows nowhere."""
    if not found.committed:
        return None
    index = corpus.clause_index()
    ids = {*known, *found.recorded_ids, *found.parsed_ids, *index}
    slugs = {i.split("/", 1)[0] for i in ids} | {d.slug for d in corpus.documents}
    slugs.update(slug for committed in found.committed_slugs.values() for slug in committed)
    if any(i not in ids and i not in slugs for i in listed):
        # an id the newest commit's redirects.yaml lists was answered for by the builds of that commit (its
        # clause gone before the history at hand begins): no typo made now, whatever was removed since
        ids.update(committed_targets(found.committed_redirects or b""))
    existed = KnownIds(
        ids=frozenset(ids | slugs), removed=frozenset(i for i in known if i not in index and i not in listed)
    )
    if all(i in existed for i in listed) or not git_log.shallow(source):
        return existed
    return None


def _cited(redirects: Iterable[Redirect], found: History) -> tuple[Redirect, ...]:
    """Each redirect with the citation its clause had where it stood, where a committed version shows
    it with the words the site published under its id (``History.former_positions``); else "" (the
    page says 原条款). Never read from the id (its number is no place: ids keep theirs when a sibling
    goes, an insertion's is lettered, and redirects.yaml may list an id no text had), nor from the
    last build (the next build would not have it)."""
    return tuple(replace(redirect, old_position=found.former_positions.get(redirect.old, "")) for redirect in redirects)


def _renamed_slugs(
    source: Path, corpus: Corpus, found: History, errors: Collector, *, retired: Collection[str]
) -> set[str]:
    """Slugs a commit gave a text that documents.yaml now lists under another slug: each is a located
    error at its slug (a slug never changes: every link to the document would die), unless
    redirects.yaml retires the old slug (one that was never published)."""
    listed = {document.slug for document in corpus.documents}
    renamed = set()
    for document in corpus.documents:
        for old in sorted(found.committed_slugs.get(document.meta.source_file, frozenset()) - listed - set(retired)):
            renamed.add(old)
            _say_slug_changed(
                source,
                errors,
                document,
                old,
                "as committed",
                f"; if {old} was never published, retire it in redirects.yaml (id: {old}, with a note)",
            )
    return renamed


def _say_slug_changed(
    source: Path, errors: Collector, document: Document, old: str, how: str, advice: str, *, now: Document | None = None
) -> None:
    """The message of the three checks of a changed slug, at ``document``'s slug: it had ``old`` (``how`` it is
    known), which every link to it keeps; ``now``: the document listed under ``old`` instead (a swap)."""
    lost = f"would lead to {now.meta.source_file}, which documents.yaml now lists under it" if now else "would die"
    message = (
        f"expected slug {old!r} for {document.meta.source_file}, {how} (a published document keeps its slug: every "
        f"link to /documents/{old}/ {lost}), found {document.slug!r}{advice}"
    )
    errors.add(CurationError(source / "documents.yaml", *document.meta.where("slug"), message))


def _recorded_how(old: str, recorded: clause_ids.Records) -> str:
    """How a slug a record gives words is known, without git: clause_ids.tsv, or else the last build."""
    return f"whose clauses {'clause_ids.tsv records' if old in recorded else 'the last build published'} under it"


def _swapped_slugs(
    source: Path,
    corpus: Corpus,
    found: History,
    previous: Mapping[str, Mapping[str, Any]],
    recorded: clause_ids.Records,
    errors: Collector,
    *,
    retired: Collection[str],
) -> set[str]:
    """Slugs documents.yaml still lists, but for another text than the one they were given: two entries'
    slugs exchanged (or passed round). ``_renamed_slugs`` and ``_renamed_unseen`` see only a slug no longer
    listed. Each is said at the slug of the text that had it, as they say a changed slug, and its ids are
    asked no entry (said once, here). With git, a text's committed slug (``History.committed_slugs``) now
    listed for another file: unless clause_ids.tsv or the last build gives that slug words, and this text
    holds no more than ``RENAMED_SHARE`` of them (a swap committed, and corrected, before it was ever built).
    Without git, a slug whose words (clause_ids.tsv, or the last build's docs/data/clauses.json) the text
    listed under it no longer holds, more than ``RENAMED_SHARE`` of them held by another listed text."""
    by_slug = {document.slug: document for document in corpus.documents}
    held = {document.slug: _held(document) for document in corpus.documents}
    last_build = ((str(r["doc"]), r["text"]) for r in previous.values() if isinstance(r.get("text"), str))
    words = _words_by_slug(recorded, last_build)  # slug → the words a record or the last build gives it

    def holds(document: Document, slug: str) -> bool:
        return len(words.get(slug, set()) & held[document.slug]) > RENAMED_SHARE * len(words.get(slug, ()))

    swapped: set[str] = set()
    for document in corpus.documents:
        committed = found.committed_slugs.get(document.meta.source_file, frozenset())
        for old in sorted(set(by_slug) - {document.slug} - set(retired)):
            if found.committed:
                if old not in committed or (words.get(old) and not holds(document, old)):
                    continue
                how = "as committed"
            elif words.get(old) and holds(document, old) and not holds(by_slug[old], old):
                how = _recorded_how(old, recorded)
            else:
                continue
            swapped.add(old)
            _say_slug_changed(source, errors, document, old, how, "", now=by_slug[old])
    return swapped


def _renamed_unseen(
    source: Path,
    corpus: Corpus,
    found: History,
    known: Mapping[str, tuple[str, int]],
    recorded: clause_ids.Records,
    errors: Collector,
    *,
    retired: Collection[str],
) -> set[str]:
    """Slugs that clause_ids.tsv (``recorded``) or the last build gives the words of a text documents.yaml now
    lists under a slug none of them knows: the slug changed (a typo) where git cannot tell (``_renamed_slugs``:
    a copy without the history, a text not yet committed). Said at the new slug, as there, and not asked to be
    retired as a removed document: its words have not gone. A document is taken for the other when it holds
    more than ``RENAMED_SHARE`` of its words (unchanged, or hardly edited with the slug). Not a slug git has
    committed (``_renamed_slugs`` knows its file: under another file it is another document, replaced), nor
    one whose ids git never had where there is a history (a draft: ``check_removed`` says how to forget it).
    Without git a new document replacing an old one of the same words looks the same: the message says so."""
    listed = {document.slug for document in corpus.documents}
    known_slugs = {doc for doc, _ in known.values()}
    unseen = [document for document in corpus.documents if document.slug not in known_slugs]
    committed = set().union(*found.committed_slugs.values())  # git tells a rename from a replacement itself
    drafts = _drafts(known, found)  # a slug only a draft had: check_removed says how to forget it
    renamed: set[str] = set()
    candidates = sorted(known_slugs - listed - set(retired) - committed) if unseen else []
    by_old: dict[str, set[str]] = {}
    held: dict[str, set[str]] = {}
    if candidates:  # each text and clause digested once, not once per candidate slug
        by_old = _words_by_slug(recorded, ((i.split("/", 1)[0], text) for i, text in found.known_texts.items()))
        held = {document.slug: _held(document) for document in unseen}
    for old in candidates:
        if found.committed and {i for i, (doc, _) in known.items() if doc == old} <= drafts:
            continue
        words = by_old.get(old, set())
        document = next((d for d in unseen if len(words & held[d.slug]) > RENAMED_SHARE * len(words)), None)
        if document is None:
            continue
        renamed.add(old)
        advice = (
            f"; if {old} was never published, or is another document this one replaces, retire it in redirects.yaml "
            f"(id: {old}, with a note)"
        )
        _say_slug_changed(source, errors, document, old, _recorded_how(old, recorded), advice)
    return renamed


def _words_by_slug(recorded: clause_ids.Records, texts: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Slug → the digests of the words clause_ids.tsv (``recorded``) and ``texts`` ((slug, text) pairs: the
    last build's, or every text git and the last build knew) give it: what ``_swapped_slugs`` and
    ``_renamed_unseen`` look for in a listed text."""
    words: dict[str, set[str]] = {slug: {r.digest for r in records} for slug, records in recorded.items()}
    for slug, text in texts:
        words.setdefault(slug, set()).add(digest(text))
    return words


def _held(document: Document) -> set[str]:
    """The digests of a document's clause texts, to compare with ``_words_by_slug``'s."""
    return {digest(c.text) for c in document.clauses}


def _drafts(known: Mapping[str, tuple[str, int]], found: History) -> set[str]:
    """The known ids git never had: in no committed version of a text, nor of the clause-id record
    (a draft built, or saved in the record, and reverted). A removed document's numbered ids are in
    no record: they are drafts when none of its ids was ever committed. None without a git history."""
    if not found.committed:
        return set()
    never = {i for i in known if i not in found.known_ids and i not in found.recorded_ids}
    with_committed_ids = {known[i][0] for i in known if i not in never}
    current = {document.slug for document in found.documents}
    return {i for i in never if known[i][0] in current or known[i][0] not in with_committed_ids}


def _holders(clause_id: str) -> list[str]:
    """The clause ids ``clause_id`` continues with ``/`` (``…/4-2-7/s1`` → ``…/4-2-7``), not the slug."""
    return [head for head in id_prefixes(clause_id)[1:] if "/" in head]


def _line_near(clause_id: str, index: Mapping[str, Clause]) -> int:
    """The line of the nearest enclosing clause that still exists (a recorded id's own line is not
    recorded), or 1: ``…/2-1/p3/s2`` tries ``…/2-1/p3``, ``…/2-1``, then ``…/2``."""
    return _enclosing_line(clause_id, index) or 1


def _enclosing_line(clause_id: str, index: Mapping[str, Clause]) -> int | None:
    """``_line_near``'s line, or None when no enclosing clause exists."""
    head = clause_id
    while "/" in head:
        head = head.rsplit("/", 1)[0]
        if head in index:
            return index[head].line
        numbered = head
        while "/" in numbered and "-" in numbered.rsplit("/", 1)[-1]:  # 四、（二）3. (4-2-3) is in 4-2, in 4
            numbered = numbered.rsplit("-", 1)[0]
            if numbered in index:
                return index[numbered].line
    return None
