"""Links never die silently: every clause id that ever existed resolves, or the build stops.

``source_texts/redirects.yaml`` lists clause ids that are gone, each with its new id (``to``) or a
note saying why it was retired. A clause id that existed in the last build (docs/data/clauses.json)
or in any committed version of its source text or of the clause-id record, and exists no more, must
have an entry; until it does the build fails with ``RedirectMissing`` located where the clause stood.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import patterns
from ..errors import Collector, CurationError, RedirectMissing
from ..load import files
from ..load.curated import Fields, address_hint, entries, nearest_hint
from ..load.located_yaml import read_committed_yaml, read_yaml, value_positions
from ..model import (
    Clause,
    ClauseKind,
    Corpus,
    DocumentMeta,
    OutputFile,
    PageRedirect,
    Redirect,
    RetiredDocument,
    Site,
    clause_url,
    id_prefixes,
    natural,
)
from .lineage import PINNED_KINDS, digest, ordinal_prefix, parent_number, relabelled

FILE_NAME = "redirects.yaml"
_KEYS = ("id", "to", "to_quote", "note", "date")
_PAGE_KEYS = ("page", "to", "note", "date")
MIN_MERGED_CHARS = 10  # a removed text at least this long, found inside a clause, was merged into it
# a removed numbered text whose words after its number are at least this long, found whole under another
# number, was renumbered there (66号's 58.深化商标富农工作。 has 9)
MIN_RENUMBERED_CHARS = 4
# Said of ids git never had: the build, or the record, remembers a draft that was reverted.
DRAFT_HINT = (
    "; git never had it: if that was a draft, restore the committed record "
    "(git checkout source_texts/clause_ids.tsv) and delete docs/data/clauses.json to forget it"
)


def listed_targets(source: Path) -> dict[str, str | None]:
    """Each id redirects.yaml lists → the id its entry sends it to (None for a retired one, or a ``to``
    that is not text), read before the corpus is pinned (no listed id is given to new text) and for hints
    in other files' messages; what is wrong with the file is reported by ``load_redirects``."""
    try:
        data = read_yaml(source / FILE_NAME)
    except CurationError:
        return {}
    return _targets(data)


def committed_targets(data: bytes) -> dict[str, str | None]:
    """``listed_targets`` of redirects.yaml as a commit has it (``data``: its bytes); {} when it does not parse."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}
    return _targets(read_committed_yaml(Path(FILE_NAME), text))


def _targets(data: Any) -> dict[str, str | None]:
    listed = data.get("redirects") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return {}
    return {
        entry["id"]: entry["to"] if isinstance(entry.get("to"), str) else None
        for entry in listed
        if isinstance(entry, dict) and isinstance(entry.get("id"), str)
    }


@dataclass(frozen=True, kw_only=True)
class KnownIds:
    """What redirects.yaml's entries may name (``changelog._existed``): every clause id and slug that
    existed; ``removed``: the ids gone that the build asks an entry for (the hint for a typo)."""

    ids: frozenset[str]
    removed: frozenset[str] = frozenset()

    def __contains__(self, clause_id: object) -> bool:
        return clause_id in self.ids


def load_redirects(
    source: Path,
    corpus: Corpus,
    errors: Collector,
    *,
    existed: KnownIds | None = None,
    texts: Mapping[str, str] | None = None,
) -> tuple[tuple[Redirect, ...], tuple[RetiredDocument, ...], tuple[PageRedirect, ...]]:
    """Read and validate redirects.yaml (absent = no redirects).

    An ``id``'s anchor must be no live clause's and no other entry's (``guofa-2016-86/c4-2-3`` would
    hide 4-2-3 behind a notice); ``to`` must name a clause that exists and, when the entry quotes it
    (``to_quote``), still hold the quoted words. The id's document may be gone: the entries of a
    removed document's clauses keep their links working (the 404 page reads data/redirects.json).
    ``existed``: every id and slug that ever existed (``changelog._existed``), None when that cannot be
    told; an id none had that reads as a typo of a removed id still without an entry is refused
    (``_typo_of``); any other stands, as the history at hand may not go back far enough. ``texts``: the
    text each id had last (in a commit or the last build), for the hint to a ``to`` gone with its paragraph.
    An entry whose id is a slug retires a whole removed document (``RetiredDocument``). An entry with
    ``page:`` instead of ``id:`` answers for a page (``PageRedirect``); whether that page was published
    and is gone, and whether its ``to`` is published, is checked against the pages (track/published.py).
    """
    path = source / FILE_NAME
    if files.absent(path):
        return (), (), ()
    texts = texts or {}
    index = corpus.clause_index()
    slugs = {document.slug for document in corpus.documents}
    live = {clause_url(clause_id): clause_id for clause_id in index}
    result: list[Redirect] = []
    documents: list[RetiredDocument] = []
    seen: dict[str, tuple[str, int]] = {}  # anchor URL (or slug) → (id, line) of the entry that has it
    pages: list[PageRedirect] = []
    seen_pages: dict[str, int] = {}
    for entry in entries(path, "redirects", errors):
        if "page" in entry:
            page = _page_entry(Fields(path, entry, "a page redirect", errors), seen_pages)
            if page is not None:
                pages.append(page)
            continue
        f = Fields(path, entry, "a redirect", errors)
        f.unknown_keys(_KEYS)
        old = f.text("id", meaning="a removed clause id or document slug")
        to, note = f.text("to", required=False, meaning="a clause id"), f.text("note", required=False)
        date = f.date("date")
        if old is None or _left_empty(f, "to", "the new clause id"):
            continue
        if "/" not in old and patterns.SLUG_RE.match(old):  # a whole removed document
            document = _document_entry(f, old, to, note, slugs, seen)
            if document is not None:
                documents.append(replace(document, date=date))
            continue
        if not patterns.CLAUSE_ID_RE.match(old):
            f.fail(f"expected a clause id such as yufufa-2016-25/2-1/p3, found {old!r}", key="id")
            continue
        if old in index:
            f.fail(f"expected a removed clause id, found {old!r}, which still exists", key="id")
            continue
        url = clause_url(old)
        if url in live:
            f.fail(
                f"expected a removed clause id, found {old!r}, whose anchor is that of {live[url]}, "
                "which exists (the notice would hide it)",
                key="id",
            )
            continue
        if url in seen:
            first, line = seen[url]
            again = "again" if first == old else f"with the same anchor as {first!r}"
            f.fail(f"expected each removed clause id once, found {old!r} {again} (first at line {line})", key="id")
            continue
        seen[url] = (old, f.value_line("id"))
        if existed is not None and (old if old.split("/", 1)[0] in slugs else old.split("/", 1)[0]) not in existed:
            typo = _typo_of(old, existed)
            if typo is not None:
                f.fail(typo, key="id")
                continue
        if to is None and note is None:
            if not _given(f, "to", "note"):  # one given but not text is said where it stands
                f.fail(
                    f"expected 'to' (the new clause id) or 'note' (why it was retired) for {old!r}, found neither",
                    key="note",  # at 'note:' when it is written with nothing
                )
            continue
        if to is not None and to not in index:
            # an entry's 'to' removed since may have an entry of its own: where it went (read only here)
            onward = listed_targets(source)
            hint = (
                _onward_hint(old, to, onward)
                or _holder_hint(old, to, onward, index, texts)
                or address_hint(to, index)
                or nearest_hint(to, index)
            )
            f.fail(f"expected 'to' of {old!r} to be an existing clause id, found {to!r}{hint}", key="to")
            continue
        if to is None and "to_quote" in entry:
            f.fail(
                f"expected 'to_quote' only with 'to' (it quotes the new clause), found it in the retired {old!r}",
                key="to_quote",
            )
            continue
        if to is not None and not f.quote_holds("to_quote", index[to]):
            continue  # 'to' is positional too: a paragraph added above since would move the redirect
        result.append(Redirect(old=old, to=to, note=note or "", date=date, line=f.line))
    return (
        tuple(sorted(result, key=lambda r: r.old)),
        tuple(sorted(documents, key=lambda d: d.slug)),
        tuple(sorted(pages, key=lambda p: p.page)),
    )


def _onward_hint(old: str, to: str, onward: Mapping[str, str | None]) -> str:
    """For the entry of ``old`` whose ``to`` is gone and has an entry of its own (a clause moved twice):
    where that entry sends it, or that it retires it; "" when it has none (or sends it back to ``old``)."""
    if to not in onward or onward[to] == old:
        return ""
    if onward[to] is None:
        return (
            f"; redirects.yaml retires {to}: retire this id too (note: why), or name the clause holding its words now"
        )
    return f"; redirects.yaml sends {to} to {onward[to]}: write {onward[to]}"


def _holder_hint(
    old: str, to: str, onward: Mapping[str, str | None], index: Mapping[str, Clause], texts: Mapping[str, str]
) -> str:
    """For the entry of ``old`` whose ``to`` is gone with the clause holding it (a sentence of a paragraph
    moved since), whose own entry serves it: where that entry sends it, the clause there with its words
    (``texts``: the text each id had last) when one has them; "" when no entry serves it. When that entry
    retires ``old`` too (a removed document's, and ``old`` one of its clauses), this entry may simply go."""
    holder = next((head for head in id_prefixes(to)[1:] if head in onward), None)
    if holder is None:
        return ""
    then = onward[holder]
    if then is None and holder in id_prefixes(old):
        return (
            f"; {FILE_NAME} retires {holder}, which held it and this id: remove this entry (that one serves this "
            "id too), retire this id with a note of its own, or name the clause holding its words now"
        )
    if then is None:
        return (
            f"; {FILE_NAME} retires {holder}, which held it: retire this id too (note: why), or name the clause "
            "holding its words now"
        )
    words = texts.get(to)
    same = next((c.id for c in index.values() if c.parent == then and words is not None and c.text == words), then)
    return f"; {FILE_NAME} sends {holder}, which held it, to {then}: write {same}"


def _typo_of(clause_id: str, existed: KnownIds) -> str | None:
    """The message for an entry naming an id no version had that reads as a typo of an id removed without
    an entry (``existed.removed``: the build asks for that one anyway); else None, and the entry stands.
    Unknown alone proves nothing: a history begun again (a new repository, a squash, an export) lacks the
    ids of older versions, which entries rightly name (the bench's git copy of source_texts/ lacks
    guobanfa-2016-106/3-3/p1, which only a committed record of this repository holds)."""
    doc = clause_id.split("/", 1)[0] + "/"
    gone = difflib.get_close_matches(clause_id, [i for i in existed.removed if i.startswith(doc)], n=1, cutoff=0.8)
    if not gone:
        return None
    return (
        "expected the id of a clause that existed (in a committed version, clause_ids.tsv or the last build), "
        f"found {clause_id!r}, which none had; did you mean {gone[0]}, removed without an entry?"
    )


def _page_entry(f: Fields, seen: dict[str, int]) -> PageRedirect | None:
    """An entry for a page (``page: /agencies/x/``, with ``to: /agencies/y/`` or a ``note``); the address
    is written as the browser shows it, its leading ``/`` optional."""
    f.unknown_keys(_PAGE_KEYS)
    written = f.text("page", meaning="a page's address")
    to, note = f.text("to", required=False, meaning="a page's address"), f.text("note", required=False)
    date = f.date("date")
    if written is None or _left_empty(f, "to", "the page readers go to now"):
        return None
    page = "/" + written.removeprefix("/")
    if not (patterns.PAGE_URL_RE.match(page) or patterns.PAGE_PREFIX_RE.match(page)) or page == "/":
        hint = f" (end it with /: {page}/)" if patterns.PAGE_URL_RE.match(page + "/") else ""
        f.fail(
            "expected 'page' to be a page's address such as /agencies/guojia-zhishichanquanju/ "
            f"(or a beginning of addresses ending in *){hint}, found {written!r}",
            key="page",
        )
        return None
    if to is not None:
        written_to, to = to, "/" + to.removeprefix("/")
        if not patterns.PAGE_URL_RE.match(to):
            # said as written (https://… was quoted as /https://…); another site is no page of this one: a note
            # can name it
            elsewhere = "; to names a page of this site: name another site's page in the note" if "://" in to else ""
            f.fail(
                f"expected 'to' of the page {page} to be a page's address such as /agencies/x/, found "
                f"{written_to!r}{elsewhere}",
                key="to",
            )
            return None
    if to is None and note is None:
        if not _given(f, "to", "note"):  # one given but not text is said where it stands
            f.fail(
                f"expected 'to' (the page readers go to now) or 'note' (why it is gone) for {page}, found neither",
                key="note",  # at 'note:' when it is written with nothing
            )
        return None
    if f.repeated(seen, page, "page", page):
        return None
    return PageRedirect(
        page=page, to=to, note=note or "", date=date, line=f.line, column=f.column, positions=value_positions(f.entry)
    )


def _left_empty(f: Fields, key: str, meaning: str) -> bool:
    """Whether ``key`` is written with no value (``to:``), said where it stands: an entry whose new place
    was forgotten would otherwise retire the clause or page with its note, and no link would lead on."""
    if key in f.entry and f.entry[key] is None:
        f.fail(
            f"expected '{key}' of {f.what} to be {meaning}, found {f.nothing(key)} (to retire it, leave '{key}' out)",
            key=key,
        )
        return True
    return False


def _given(f: Fields, *keys: str) -> bool:
    """Whether the entry gives a value to any of ``keys`` (``note:`` alone gives none)."""
    return any(f.entry.get(key) is not None for key in keys)


def covering(
    redirects: Iterable[Redirect],
    removed: Iterable[str],
    *,
    texts: Mapping[str, str] | None = None,
    corpus: Corpus | None = None,
) -> tuple[Redirect, ...]:
    """``redirects`` plus one for each removed id without an entry of its own whose parent (or
    grandparent …) has one: a paragraph's entry also serves its sentences, which go where it went
    (or are retired with its note). A sentence whose words (``texts``: the removed ids' texts) stand
    unchanged as a sentence of the clause its paragraph went to goes to that sentence."""
    explicit = {r.old: r for r in redirects}
    sentences: dict[tuple[str, str], str] = {}  # (parent id, text) → the first sentence of that parent that reads so
    for clause in reversed(tuple(corpus.clauses()) if corpus else ()):
        if clause.kind is ClauseKind.SENTENCE and clause.parent:
            sentences[clause.parent, clause.text] = clause.id
    derived = []
    for clause_id in removed:
        if clause_id in explicit:
            continue
        head = next((head for head in id_prefixes(clause_id)[1:] if head in explicit), None)
        if head is not None:
            entry = explicit[head]
            same = sentences.get((entry.to or "", (texts or {}).get(clause_id, "")))
            derived.append(replace(entry, old=clause_id, to=same or entry.to))
    return tuple(sorted((*explicit.values(), *derived), key=lambda r: natural(r.old)))


def _document_entry(
    f: Fields, slug: str, to: str | None, note: str | None, slugs: Collection[str], seen: dict[str, tuple[str, int]]
) -> RetiredDocument | None:
    """An entry for a whole removed document (``id: guozhifaguanzi-2015-59``): its note answers for
    every anchor the document had."""
    if slug in slugs:
        f.fail(
            f"expected a removed document or clause id, found {slug!r}, a document documents.yaml still lists", key="id"
        )
    elif to is not None:
        f.fail(
            f"expected a 'note' (why it was removed) and no 'to' for the removed document {slug!r}, found 'to'",
            key="to",
        )
    elif note is None:
        if not _given(f, "note"):  # one given but not text is said where it stands
            found = "nothing" if "note" in f.entry else "none"  # 'note:' written with nothing: said there
            f.fail(
                f"expected a 'note' (why it was removed) for the removed document {slug!r}, found {found}", key="note"
            )
    elif slug in seen:
        f.fail(f"expected each removed document once, found {slug!r} again (first at line {seen[slug][1]})", key="id")
    else:
        seen[slug] = (slug, f.value_line("id"))
        return RetiredDocument(slug=slug, note=note, line=f.line)
    return None


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
        if (unlabelled := patterns.NUMBER_LABEL_RE.sub("", text, count=1)) != text
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
        unlabelled = patterns.NUMBER_LABEL_RE.sub("", words, count=1)
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


def notice(redirect: Redirect | RetiredDocument | PageRedirect) -> str:
    """The words a reader sees on landing at a retired anchor. A document left the collection, which
    says nothing of whether it is still in force: 移除, not 撤销 (a revoked provision); a clause or page
    gone from the site is 删除, as 变更记录 says it."""
    when = f"于{dt.date.fromisoformat(redirect.date).isoformat()}" if redirect.date else ""
    if isinstance(redirect, PageRedirect):
        if redirect.to is None:
            return f"此页面已{when}删除：{redirect.note}"
        return f"此页面已{when}移至新位置" + (f"：{redirect.note}" if redirect.note else "")
    if isinstance(redirect, RetiredDocument):
        what = f"{redirect.title}（{redirect.doc_number}）" if redirect.title else "此文件"
        return f"本站已{when}移除{what}：{redirect.note}"
    if redirect.to is None:
        return f"此条已{when}删除：{redirect.note}"
    return f"此条已{when}移至新位置" + (f"：{redirect.note}" if redirect.note else "")


def redirect_files(site: Site) -> list[OutputFile]:
    """docs/data/redirects.json: ``{old clause URL: {"to": new URL or null, "note": …, "id": …, "date": …}}``;
    a whole removed document under its page's URL (``/documents/<slug>/``), which answers for all its anchors."""
    data = {
        r.url: {"id": r.old, "to": r.to_url, "to_id": r.to, "note": r.note, "date": r.date, "notice": notice(r)}
        for r in site.redirects
    }
    for d in site.retired_documents:
        data[d.url] = {"id": d.slug, "to": None, "to_id": None, "note": d.note, "date": d.date, "notice": notice(d)}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    return [OutputFile(path="data/redirects.json", content=text)]
