"""Everyday forms of the texts' wording, for the search box: ``source_texts/search_terms.yaml``.

The public types 电商 where the texts say 电子商务, 知产 for 知识产权, 双创 for 大众创业、万众创新 or
创新创业, 两法衔接 for 行政执法与刑事司法衔接. Such a form is in no text, so a query holding it found
nothing, or only what shares the words typed beside it. The file lists each form with the wording the
texts use for it; the search index carries the list (``"a"``) and the worker reads a query holding a form
with each of its wordings in its place (``clause-search-worker.js``, ``readingsOf``).

Curated data, like the agencies' ``search_aliases`` (which name a page, where these stand for words), each
entry validated and every problem a located error:

- a form a text uses (but inside its ``not_in`` words) is refused: the search box finds it as it is, and reading
  it as other words would hide what the text says with it (打假: 86号's 加强打假专业队伍能力建设);
- so is a form an agency is known by: its page is found by it (agencies.yaml's names and search aliases);
- a wording no text holds is refused: it would find nothing, or another sense of its parts;
- a form of one character, a form given twice, a wording of one character, a wording given twice in one
  entry, a form given no wording.

``not_in`` lists longer words holding a form where it means something else (机密 is 商业秘密 in 公司机密, not in
国家机密): the index gives each no wording, and the worker, finding the longest form first at each place,
reads it as typed. Each must hold its form and be longer, be given once in its entry, and be no form itself.
A form a text holds only inside such a word hides nothing the texts say, and is taken (小企业: 86号's 中小企业,
中小 and 企业).

Texts are compared as the worker compares them: NFKC, lower case, without white space, punctuation or
symbols (大众创业万众创新 is held by 大众创业、万众创新). Without the file there are no forms.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from .. import cache
from ..errors import Collector
from ..load import files
from ..load.curated import Fields, entries
from ..model import Agency, ClauseKind, Corpus, SearchTerm

FILE_NAME = "search_terms.yaml"
_KEYS = ("form", "means", "not_in")
MIN_FORM = 2  # characters, as the worker reads them: one character is part of too many words


def searchable(text: str) -> str:
    """``text`` as the search worker reads it (its ``normChar``): NFKC, lower case, 〇 as 零, without white
    space, punctuation, symbols or control characters (the worker's "|" between two numbers aside)."""
    return searchable_lines((text,))


def searchable_lines(texts: Iterable[str]) -> str:
    """``searchable`` of each text, a line each (a text's own line breaks are white space to it): one
    normalisation for many texts."""
    text = unicodedata.normalize("NFKC", "\n".join(t.replace("\n", " ") for t in texts).replace("〇", "零")).lower()
    dropped = {ord(c): None for c in set(text) if unicodedata.category(c)[0] in "PSZC" and c != "\n"}
    return text.translate(dropped)


def load_search_terms(
    source: Path, corpus: Corpus, agencies: Iterable[Agency], errors: Collector
) -> tuple[SearchTerm, ...]:
    """Read and validate ``search_terms.yaml`` against the texts and the agency register."""
    path = source / FILE_NAME
    if files.absent(path):
        return ()
    held = _HeldBy(corpus)
    known = {
        searchable(name): agency.id
        for agency in agencies
        for name in (agency.name, agency.full_name, *agency.short_names, *agency.search_aliases, *agency.search_offices)
    }
    terms: list[SearchTerm] = []
    forms: dict[str, int] = {}  # a form as the worker reads it → the line of its first value
    excepted: list[tuple[Fields, int, str, str]] = []  # each word of a not_in list, checked against every form after
    for entry in entries(path, "terms", errors):
        f = Fields(path, entry, "an everyday form", errors)
        f.unknown_keys(_KEYS)
        form, means = f.text("form"), f.some_strings("means", "wording")  # the worker drops a form without one
        if "means" not in entry:
            f.fail("expected an everyday form to have 'means' (the texts' wording for it), found none")
        if form is None:
            continue
        read = searchable(form)
        not_in = f.strings("not_in")
        # a text's word the form is not read in (中小企业 for 小企业: 中小 and 企业) is read as typed, so a form held
        # only there hides nothing the texts say
        where = held.holder(read, besides=[word for word in map(searchable, not_in) if read in word and word != read])
        if len(read) < MIN_FORM:
            f.fail(f"expected a form of two characters or more, found {form!r}", key="form")
        elif where:
            f.fail(
                f"expected a form no text uses, found {form!r}, which {where}: the search box finds it as it is",
                key="form",
            )
        elif read in known:
            f.fail(
                f"expected a form no agency is known by, found {form!r} (agencies.yaml gives it to {known[read]}): "
                "its page is found by it",
                key="form",
            )
        elif f.repeated(forms, read, "form", repr(form), at="form"):
            continue
        seen: set[str] = set()
        for item, wording in enumerate(means):
            as_read = searchable(wording)
            if len(as_read) < MIN_FORM:  # read so, a query holding the form finds every word holding it
                f.fail(f"expected a wording of two characters or more, found {wording!r}", key="means", item=item)
            elif as_read in seen:
                f.fail(f"expected each wording of a form once, found {wording!r} again", key="means", item=item)
            elif not held.holder(as_read):
                f.fail(f"expected wording a text holds, found {wording!r}, which no text holds", key="means", item=item)
            seen.add(as_read)
        given: set[str] = set()
        for item, word in enumerate(not_in):
            as_read = searchable(word)
            if read not in as_read or len(as_read) <= len(read):
                f.fail(f"expected a word holding the form {form!r} and longer, found {word!r}", key="not_in", item=item)
            elif as_read in given:
                f.fail(
                    f"expected each word the form is not read in once, found {word!r} again", key="not_in", item=item
                )
            else:
                excepted.append((f, item, word, as_read))
            given.add(as_read)
        terms.append(
            SearchTerm(form=form, means=tuple(dict.fromkeys(means)), line=f.line, not_in=tuple(dict.fromkeys(not_in)))
        )
    for f, item, word, as_read in excepted:
        if as_read in forms:
            f.fail(
                f"expected a word the form is not read in that is no form itself, found {word!r}, a form of line "
                f"{forms[as_read]}",
                key="not_in",
                item=item,
            )
    return tuple(terms)


class _HeldBy:
    """The clauses of the texts as the worker reads them, to say which holds a form (their sentences are
    parts of them).

    Read as one text, one clause a line, and searched once per form: a build reads the file every time,
    and made searchable clause by clause and searched one by one, the clauses took 13 ms of it. A form
    never spans two clauses: ``searchable`` leaves no line break in it. Each document's lines are kept
    in .cache/ (``_searchable_clauses``): after an edit the edited text alone is read anew."""

    def __init__(self, corpus: Corpus) -> None:
        held = [
            (document, [clause for clause in document.clauses if clause.kind is not ClauseKind.SENTENCE])
            for document in corpus.documents
        ]
        self.where = [(document.meta.source_file, clause.line) for document, clauses in held for clause in clauses]
        self.text = "\n".join(
            _searchable_clauses(document.meta.slug, [clause.text for clause in clauses])
            for document, clauses in held
            if clauses
        )
        self.starts = [0]  # where each clause starts in ``text``
        for line in self.text.split("\n")[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def holder(self, read: str, besides: Iterable[str] = ()) -> str:
        """``"<text file> holds at line N"`` of the first clause holding ``read`` outside the words ``besides``
        (each holding it), or "" when none does."""
        inside = [(word, start) for word in besides for start in _places(word, read)]
        for at in _places(self.text, read) if read else ():
            if _cuts_word(self.text, at) or _cuts_word(self.text, at + len(read)):
                continue  # IP inside TRIPS or <script> is no use of it: the worker reads no form inside a latin word
            if not any(self.text.startswith(word, at - start) for word, start in inside if at >= start):
                name, line = self.where[bisect.bisect_right(self.starts, at) - 1]
                return f"{name} holds at line {line}"
        return ""


def _cuts_word(text: str, at: int) -> bool:
    """Whether ``at`` falls inside a latin word of ``text`` (the worker's ``cutsWord``)."""
    return 0 < at < len(text) and _is_latin(text[at - 1]) and _is_latin(text[at])


def _is_latin(ch: str) -> bool:
    return "a" <= ch <= "z"


def _places(text: str, word: str) -> Iterable[int]:
    """Each place where ``word`` stands in ``text``."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _searchable_clauses(slug: str, texts: list[str]) -> str:
    """``searchable_lines(texts)``, a document's clauses, kept in .cache/ under the texts, Python's Unicode
    tables and the package's code: NFKC took most of the 11 ms of an edit build ``_HeldBy`` took. The
    documents' lines joined by a line break are all the clauses' lines: normalisation, lower case and the
    characters dropped never reach across a line break."""
    key = cache.fingerprint([cache.package_fingerprint(), unicodedata.unidata_version, *texts])
    kept = cache.load_entry("searchable", slug, key)
    if isinstance(kept, str):
        return kept
    lines = searchable_lines(texts)
    cache.store_entry("searchable", slug, key, lines)
    return lines
