"""No clause id gone without a word: each id that existed and is gone has a redirects.yaml entry, or the build stops.

A clause id that existed in the last build (docs/data/clauses.json), in any committed version of its source
text or of the clause-id record, and exists no more, must have an entry in ``source_texts/redirects.yaml``
(read by ``track/redirects.py``); until it does the build fails with ``RedirectMissing`` located where the
clause stood, saying where its words stand now when they stand somewhere (moved, renumbered, merged into
another clause, or set aside by documents.yaml) and which new clause may be it reworded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import patterns
from ..errors import Collector, RedirectMissing
from ..model import Clause, ClauseKind, Corpus, DocumentMeta, Redirect, id_prefixes, natural
from .lineage import PINNED_KINDS, digest, ordinal_prefix, parent_number, relabelled
from .redirects import FILE_NAME

MIN_MERGED_CHARS = 10  # a removed text at least this long, found inside a clause, was merged into it
# a removed numbered text whose words after its number are at least this long, found whole under another
# number, was renumbered there (66号's 58.深化商标富农工作。 has 9)
MIN_RENUMBERED_CHARS = 4
# Said of ids git never had: the build, or the record, remembers a draft that was reverted.
DRAFT_HINT = (
    "; git never had it: if that was a draft, restore the committed record "
    "(git checkout source_texts/clause_ids.tsv) and delete docs/data/clauses.json to forget it"
)


def check_removed(
    corpus: Corpus,
    metas: Iterable[DocumentMeta],
    redirects: Iterable[Redirect],
    known: Mapping[str, tuple[str, int]],
    source: Path,
    errors: Collector,
    *,
    texts: Mapping[str, str] | None = None,
    drafts: Collection[str] = (),
    listed: Collection[str] = (),
    recorded: Collection[str] = (),
    digests: Mapping[str, str] | None = None,
    located: Mapping[str, tuple[Path, int]] | None = None,
) -> None:
    """A located ``RedirectMissing`` for each known clause id that is gone without a redirects.yaml entry.

    ``texts``: the known clauses' texts, to say where a removed clause's words stand now (a moved
    paragraph), never at a clause a record or the last build (``recorded``: the ids clause_ids.tsv, a
    committed one or docs/data/clauses.json holds) has with the same text: one that read so beside the
    removed clause already; with none of them, at no clause whose text is known;
    ``drafts``: ids git never had (a reverted draft the last build or the record remembers);
    ``listed``: every id redirects.yaml lists, valid or not (a refused entry is reported where it is);
    ``digests``: the digest of the words clause_ids.tsv records for each id, which say where a removed
    clause's words stand now when no text of it is known (a copy with neither git nor a last build): at a
    clause no record holds, with the same digest. ``located``: where to say an id is missing when no place
    in a text is known for it (a removed id only clause_ids.tsv's closing section keeps, in no clause still
    there: its line there).
    """
    live = {c.id for c in corpus.clauses()}
    listed = set(listed)
    covered = {r.old for r in redirects} | listed
    files = {m.slug: m.source_file for m in metas}
    missing = sorted(set(known) - live - covered - set(files), key=natural)
    # a removed document's slug (clause_ids.tsv's closing section keeps it): its entry is asked for below
    slugs = [i for i in missing if "/" not in i]
    missing = [i for i in missing if "/" in i]
    if not missing and not slugs:  # every build that removed nothing: the hints below are for removed clauses only
        return
    texts = texts or {}
    # A clause a record or the last build holds, reading as before, stood beside the removed clause with the
    # same words (task 1's （知识产权局负责） when task 57's goes): not where they went. Not every known text: a
    # paragraph moved and committed before a build is known, from that commit, where it went (but with no
    # record and no build, a known text is all there is to go by).
    recorded = set(recorded)
    changed = tuple(c for c in corpus.clauses() if (recorded and c.id not in recorded) or texts.get(c.id) != c.text)
    # (sentence or not, text) → the first clause that reads so: a sentence is sent to a sentence
    current = {(c.kind is ClauseKind.SENTENCE, c.text): c.id for c in reversed(changed)}
    # … and by its words after its number (4. → 3.: an item renumbered), for the clauses that have one
    renumbered = {
        (sentence, unlabelled): clause_id
        for (sentence, text), clause_id in current.items()
        if (unlabelled := _unlabelled(clause_id, text)) != text
    }
    gone = set(missing)
    under = Counter(clause_id.rsplit("/", 1)[0] for clause_id in missing)  # missing id → its missing children
    # (parent id, p or s) → the clauses there no version had; for the kinds a record keeps, no record and no
    # build (when there is one): a text committed before its build has its new clauses in that commit
    fresh = {
        c.id
        for c in corpus.clauses()
        if (c.id not in recorded if recorded and c.kind in PINNED_KINDS else c.id not in known)
    }
    new_under: dict[tuple[str, str], list[str]] = {}
    for clause_id in sorted(fresh, key=natural):
        if "/" in clause_id:
            new_under.setdefault((clause_id.rsplit("/", 1)[0], ordinal_prefix(clause_id)), []).append(clause_id)
    # a new clause → the ids of the older siblings of its kind just before and after it in the text as it is
    # now (None at either end): a removed clause stood there when its id falls between them
    between: dict[str, tuple[str | None, str | None]] = {}
    siblings_now: dict[tuple[str, str], list[str]] = {}
    for c in corpus.clauses():
        if "/" in c.id and ordinal_prefix(c.id):
            siblings_now.setdefault((c.id.rsplit("/", 1)[0], ordinal_prefix(c.id)), []).append(c.id)
    for in_order in siblings_now.values():
        for at, clause_id in enumerate(in_order):
            if clause_id in fresh:
                before = next((i for i in reversed(in_order[:at]) if i not in fresh), None)
                after = next((i for i in in_order[at + 1 :] if i not in fresh), None)
                between[clause_id] = (before, after)

    def stood_at(clause_id: str, new: str) -> bool:
        """Whether the new clause ``new`` stands where the removed ``clause_id`` stood: between the older
        siblings its id falls between (ids keep the text's order but for paragraphs swapped, where the
        hint is then not given)."""
        before, after = between.get(new, (None, None))
        return (before is None or natural(before) < natural(clause_id)) and (
            after is None or natural(clause_id) < natural(after)
        )

    # (sentence or not, document, digest of the words) → the first clause no record holds that reads so
    unrecorded: dict[tuple[bool, str, str], str] = {}
    # … and those opening with a number (4.加强…), to be read under a removed clause's old number (3.加强…)
    numbered: dict[tuple[bool, str], list[Clause]] = {}
    if digests:
        for c in reversed(tuple(corpus.clauses())):
            if c.kind in PINNED_KINDS and c.id not in recorded:
                unrecorded[(c.kind is ClauseKind.SENTENCE, c.doc, digest(c.text))] = c.id
                if patterns.NUMBER_LABEL_RE.match(c.text):
                    numbered.setdefault((c.kind is ClauseKind.SENTENCE, c.doc), []).insert(0, c)

    def where_now(clause_id: str) -> tuple[str | None, bool]:
        """The clause in its document whose words are the removed clause's (after its number, when that
        changed: 4. → 3.), and whether it is under another number; (None, False) when none is."""
        sentence, words = ordinal_prefix(clause_id) == "s", texts.get(clause_id, "")
        moved_to, renumbered_to = current.get((sentence, words)), None
        if not words and digests and clause_id in digests:  # no text known: the record's digest of it
            doc, recorded_digest = known[clause_id][0], digests[clause_id]
            moved_to = unrecorded.get((sentence, doc, recorded_digest))
            number = parent_number(clause_id.rsplit("/", 1)[0])
            if moved_to is None and number is not None:  # a renumbered item's heading: its words under its old number
                moved_to = renumbered_to = next(
                    (
                        c.id
                        for c in numbered.get((sentence, doc), ())
                        if (old := relabelled(c.text, number)) is not None and digest(old) == recorded_digest
                    ),
                    None,
                )
        unlabelled = _unlabelled(clause_id, words)
        if moved_to is None and unlabelled != words and len(unlabelled) >= MIN_RENUMBERED_CHARS:
            moved_to = renumbered_to = renumbered.get((sentence, unlabelled))
        if moved_to is not None and moved_to.split("/", 1)[0] != known[clause_id][0]:
            return None, False  # the same words in another document are not where it went
        return moved_to, renumbered_to is not None

    def _merged_into(clause_id: str) -> str | None:
        """The changed clause of its document whose text holds the removed clause's words (merged into it);
        with no text of it known, the one clause whose new sentences have the recorded digests of all its
        sentences (a paragraph joined to another: ``unrecorded``)."""
        sentence, words = ordinal_prefix(clause_id) == "s", texts.get(clause_id, "")
        if not words and digests and not sentence:
            own = [d for i, d in digests.items() if i.rsplit("/", 1)[0] == clause_id and ordinal_prefix(i) == "s"]
            found = [unrecorded.get((True, known[clause_id][0], d)) for d in own]
            holders = {i.rsplit("/", 1)[0] for i in found if i is not None}
            return holders.pop() if own and None not in found and len(holders) == 1 else None
        # an item joined to the one before (18. read on after 17.'s words) keeps its words, not its number
        unlabelled = patterns.NUMBER_LABEL_RE.sub("", words, count=1)
        if len(unlabelled) < MIN_MERGED_CHARS:
            return None
        doc = known[clause_id][0]
        return next(
            (c.id for c in changed if c.doc == doc and any(_holds(c, sentence, w) for w in {words, unlabelled})),
            None,
        )

    def _set_aside(clause_id: str) -> str | None:
        """Where documents.yaml put the removed clause's words out of the clauses (closing_starts_at brought
        its line into the 落款, or dropped_lines names it), said so; None when they are not there."""
        words = [line for line in texts.get(clause_id, "").split("\n") if line]
        doc = known[clause_id][0]
        if not words or doc not in files:
            return None
        document = corpus.document(doc)
        for lines, place in (
            (document.closing, "a line of the 落款 (documents.yaml's closing_starts_at)"),
            (document.dropped, "a dropped line (documents.yaml's dropped_lines)"),
        ):
            texts_there = {line.text for line in lines}  # whole lines: 国家知识产权局 is not the chrome naming it
            if texts_there and all(word in texts_there for word in words):
                return place
        return None

    # the clauses holding a removed clause's words: none of them is another's successor "if reworded"
    holding = {moved_to for clause_id in missing if (moved_to := where_now(clause_id)[0])}
    # (parent, p or s) → how many of its removed clauses have no place to go: one new clause there can be
    # the rewording of one of them only, so it is offered when one is (never one sentence to four ids)
    unplaced = Counter(
        (clause_id.rsplit("/", 1)[0], ordinal_prefix(clause_id))
        for clause_id in missing
        if clause_id.rsplit("/", 1)[0] not in gone  # these are asked for below, with no place known
        and known[clause_id][0] in files
        and not any(head in listed for head in id_prefixes(clause_id)[1:])
        and not where_now(clause_id)[0]
        and not _merged_into(clause_id)
    )
    removed_documents: dict[str, set[str]] = {slug: {slug} for slug in slugs}  # one no longer listed → its missing ids
    for clause_id in missing:
        if any(head in listed for head in id_prefixes(clause_id)[1:]):
            continue  # under a listed paragraph or document: that entry serves it, or is reported where it stands
        doc, line = known[clause_id]
        source_file = files.get(doc)
        if source_file is None:
            removed_documents.setdefault(doc, set()).add(clause_id)  # one entry serves them all: asked for once
            continue
        if clause_id.rsplit("/", 1)[0] in gone:
            continue  # its paragraph is missing too: the entry asked for there serves it (said there)
        # where it stood, in the text as it is now (a reverted draft's line may be past its end)
        path, at = source / source_file, max(1, min(line, corpus.document(doc).line_count))
        path, at = (located or {}).get(clause_id, (path, at))
        message = f"expected a {FILE_NAME} entry for removed clause {clause_id} (new id or retired note), found none"
        moved_to, renumbered_to = where_now(clause_id)
        holder = None
        if moved_to:
            under_number = ", under another number," if renumbered_to else ""
            message += f"; its words now stand{under_number} at {moved_to} (to: {moved_to})"
        elif (holder := _merged_into(clause_id)) is not None:  # its words stand inside another clause
            message += f"; its words are now part of {holder} (to: {holder})"
        elif (aside := _set_aside(clause_id)) is not None:  # documents.yaml took its line out of the body
            message += f"; its words are now {aside}, not a clause"
        group = (clause_id.rsplit("/", 1)[0], ordinal_prefix(clause_id))
        if not moved_to and holder is None and unplaced[group] == 1:
            # reworded past recognition: the one new clause of its kind where it stood is its likely successor
            siblings = [
                new
                for new in new_under.get(group, [])
                if new not in holding  # another removed clause's words, renumbered or moved there
                and stood_at(clause_id, new)
            ]
            if len(siblings) == 1:
                message += f"; {siblings[0]} is new where it stood (to: {siblings[0]}, if that is it reworded)"
        if under[clause_id]:
            message += f"; the entry serves its {under[clause_id]} sentence(s) too"
        if clause_id in drafts:
            message += DRAFT_HINT
        errors.add(RedirectMissing(path, at, 1, message))
    for doc, ids in sorted(removed_documents.items()):
        clauses = ids - {doc}  # the slug itself: the record's closing section keeps a removed document's
        serves = f"; it serves its {len(clauses)} clause ids) or one for each of them" if clauses else ")"
        message = f"expected a {FILE_NAME} entry for removed document {doc} (id: {doc}, with a note saying why{serves}, found none"
        # at documents.yaml, which listed it; at the record's line when that alone knows the document
        path, at = min((located or {})[i] for i in ids) if ids <= set(located or {}) else (source / "documents.yaml", 1)
        errors.add(RedirectMissing(path, at, 1, message + (DRAFT_HINT if ids.issubset(drafts) else "")))


def _unlabelled(clause_id: str, text: str) -> str:
    """A clause's words after the number opening them (4.加强… → 加强…; a 专栏's heading, 专栏9 知识产权文化建设工程 →
    知识产权文化建设工程), or ``text`` when none does: renumbered words are the same after it."""
    if clause_id.rsplit("/", 1)[-1].startswith("box") and (box := patterns.BOX_RE.match(text)):
        return box.group("rest")
    return patterns.NUMBER_LABEL_RE.sub("", text, count=1)


def _holds(clause: Clause, sentence: bool, words: str) -> bool:
    core = words.rstrip(_SENTENCE_ENDS)  # a sentence merged into the next gave up its full stop (。 → ，)
    return (clause.kind is ClauseKind.SENTENCE) == sentence and core in clause.text and clause.text != words


_SENTENCE_ENDS = "".join(sorted(patterns.SENTENCE_END))


def known_from_previous(previous: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[str, int]]:
    """Clause ids of the last build's docs/data/clauses.json → (doc, line)."""
    known = {}
    for clause_id, record in previous.items():
        line = record.get("line")
        known[clause_id] = (str(record["doc"]), line if isinstance(line, int) else 1)
    return known
