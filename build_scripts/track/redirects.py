"""Links never die silently: ``source_texts/redirects.yaml``, read and checked, and what readers see of it.

The file lists clause ids that are gone, each with its new id (``to``) or a note saying why it was retired,
whole removed documents, and pages gone for other reasons (``page:``). This module reads it (each problem
located at its entry), extends each entry to the sentences of the clause it names (``covering``), and gives
the notice a reader lands on and ``docs/data/redirects.json``. That no id is gone without an entry is
``track/removed.py``'s check.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import patterns
from ..errors import Collector, CurationError
from ..load import files
from ..load.curated import Fields, address_hint, entries, nearest_hint
from ..load.located_yaml import read_committed_yaml, read_yaml, value_positions
from ..model import (
    Clause,
    ClauseKind,
    Corpus,
    OutputFile,
    PageRedirect,
    Redirect,
    RetiredDocument,
    Site,
    clause_url,
    id_prefixes,
    natural,
)

FILE_NAME = "redirects.yaml"
_KEYS = ("id", "to", "to_quote", "note", "date")
_PAGE_KEYS = ("page", "to", "note", "date")


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
        if to is not None and not f.quote_holds(
            "to_quote",
            index[to],
            corpus.document(index[to].doc).clauses,
            field="to",
            if_deleted=f"retire {old} (a note, without 'to')",
        ):
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
