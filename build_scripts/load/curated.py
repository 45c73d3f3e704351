"""Typed, located access to the curated YAML under ``source_texts/``: every reader of a curated file
(documents, agencies, indicators, terms, cross-references, redirects) takes its entries and their
fields through ``entries`` and ``Fields``, so each problem is a ``CurationError`` naming the file and
the line of the entry or value, and a found value is shown without the loader's position keys.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import patterns
from ..errors import Collector, CurationError, excerpt
from ..model import Clause, id_written_otherwise, natural
from . import files
from .located_yaml import LOADER_KEYS, WRITTEN_KEYS_KEY, read_yaml, where, where_key, where_value, written_key

RESERVED_SLUGS = ("index",)  # documents/index.md lists the documents


# Curated prose that may run over several lines; every other text field is one line (a title, a name, an id).
_PROSE_KEYS = ("source", "note", "remark", "unchanged")


def address_hint(written: str, ids: Collection[str]) -> str:
    """For a message about an id no clause has: the clause id ``written`` is the address or anchor of
    (``/documents/x/#c2-2-4`` or ``x#c2-2-4``, as staff copy it from a page; a task page's name), if it is one,
    or that it is in full-width characters (``ｔ２０``, ``－``, ``／``, as a Chinese input method may type
    them); else nothing."""
    half = unicodedata.normalize("NFKC", written)
    width = " written with full-width characters" if half != written else ""
    if width and half in ids:
        return f"; it is {half}{width}: write {half}"
    meant = id_written_otherwise(half, ids)
    return f"; it is the address of {meant}{width}: write its id, {meant}" if meant else ""


def nearest_hint(written: str, ids: Collection[str]) -> str:
    """For an id no clause has, past its other hints: the clauses of its form that the nearest clause or
    document holding it does hold (``guobanhan-2016-66/t107``: "guobanhan-2016-66 holds t1 … t106"), when its
    last segment ends in a number and such clauses exist; for a slug no document has, the one it is close to."""
    holder, _, segment = written.rpartition("/")
    if not holder:
        return ""
    slugs = {i.partition("/")[0] for i in ids}
    if holder.partition("/")[0] not in slugs:
        close = difflib.get_close_matches(holder.partition("/")[0], sorted(slugs), n=1, cutoff=0.8)
        return f"; no document is {holder.partition('/')[0]}: is it {close[0]}?" if close else ""
    while holder not in ids and "/" in holder:  # a paragraph that is not there either: its section's
        holder, _, segment = holder.rpartition("/")
    children = [child for i in ids if i.startswith(f"{holder}/") and "/" not in (child := i[len(holder) + 1 :])]
    siblings: list[str] = []
    while not siblings and (form := patterns.ID_SEGMENT_NUMBER_RE.match(segment)) is not None:
        siblings = [c for c in children if (m := patterns.ID_SEGMENT_NUMBER_RE.match(c)) and m["head"] == form["head"]]
        segment = form["head"].removesuffix("-")  # 4-9-9 and no 4-9-…: the 4-… there are
    if not siblings:
        return ""
    siblings.sort(key=natural)
    shown = ", ".join(siblings) if len(siblings) <= 4 else f"{siblings[0]} … {siblings[-1]}"
    return f"; {holder} holds {shown}"


def gone_hint(clause_id: str, index: Mapping[str, Clause], moved: Mapping[str, str | None]) -> str:
    """For an id a curated file names and no clause has (crossrefs.yaml, indicators.yaml): where
    redirects.yaml sends it (``moved``: ``track.redirects.listed_targets``), or the paragraph, section or
    document that held it, whose entry serves it; else the clause an address names (``address_hint``)."""
    holder = clause_id
    while holder not in moved and "/" in holder:
        holder = holder.rpartition("/")[0]
    if holder not in moved:
        return address_hint(clause_id, index)
    to = moved[holder]
    if holder == clause_id:
        if to is None:
            return "; redirects.yaml retires it: remove the entry, or name the clause that holds its words now"
        return f"; redirects.yaml sends it to {to}: write {to}"
    if to is None:
        return f"; redirects.yaml retires {holder}, which held it: remove the entry"
    return f"; redirects.yaml sends {holder}, which held it, to {to}: name the clause of {to} meant"


def shown_value(value: Any) -> str:
    """A found value for a message: without the loader's line keys (at any depth), and not endless; a
    value YAML made of a bare word (null, yes, 2016-11-01) as YAML reads it, not as Python shows it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return (
            "true (YAML's reading of a bare yes, on or true)"
            if value
            else "false (YAML's reading of a bare no, off or false)"
        )
    if isinstance(value, dt.date):  # a time too is no date YYYY-MM-DD: say so
        return (
            f"the date and time {_yaml_form(value)}"
            if isinstance(value, dt.datetime)
            else f"the date {_yaml_form(value)}"
        )
    text = _yaml_form(value)
    return text if len(text) <= 80 else text[:77] + "…"


def colon_hint(value: Any) -> str:
    """For a text YAML read as a key and its value (a line such as ``分享到: 微信``, whose colon and space make a
    mapping): how to write it as text; else ''."""
    pairs = [(k, v) for k, v in value.items() if k not in LOADER_KEYS] if isinstance(value, dict) else []
    if len(pairs) != 1 or not isinstance(pairs[0][1], str | int | float) or isinstance(pairs[0][1], bool):
        return ""
    line = f"{pairs[0][0]}: {pairs[0][1]}"
    return f": YAML reads a colon and a space as a key and its value; put the text in quotes, '{line}'"


def _yaml_form(value: Any) -> str:
    """A value as YAML reads it (null, true, 2016-11-01, 'text', [a, b], {k: v}), at any depth: an item of
    a list is not shown as Python shows it (None, datetime.date(2016, 1, 1)); the loader's keys left out."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        written = value.get(WRITTEN_KEYS_KEY, {})  # ~ as ~, not as null: staff look for what they wrote
        shown = (
            f"{written[k] if k in written else _yaml_form(k)}: {_yaml_form(v)}"
            for k, v in value.items()
            if k not in LOADER_KEYS
        )
        return "{" + ", ".join(shown) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_form(v) for v in value) + "]"
    return repr(value)


def _kind(value: Any) -> str:
    """What a YAML value is, in a reader's words (the loader's own classes are no one's business)."""
    if value is None:
        return "nothing"
    for kind, words in ((dict, "a mapping"), (list, "a list"), (str, "text"), (bool, "true/false"), (int, "a number")):
        if isinstance(value, kind):
            return words
    return "a " + type(value).__name__


_SPACE = str.maketrans("", "", " \t\u3000")


def _nothing(path: Path) -> str:
    """What a curated file YAML reads as nothing holds, as a message says it: "an empty file" (white space and a
    byte order mark at most), "only comments", or the first line that is neither ('---', '~', 'null')."""
    lines = [line.strip() for line in files.read_text(path).lstrip("\ufeff").splitlines()]
    other = next((line for line in lines if line and not line.startswith("#")), None)
    if other is not None:
        return f"no value ({other!r} and nothing else)"
    return "only comments" if any(lines) else "an empty file"


def _holds(clause: Clause, quote: str) -> bool:
    """Whether the clause's text holds the quote, white space ignored."""
    return quote.translate(_SPACE) in clause.text.translate(_SPACE)


class Fields:
    """Typed access to one YAML mapping, each problem located at the mapping."""

    def __init__(self, path: Path, entry: Any, what: str, errors: Collector) -> None:
        self.path, self.entry, self.what, self.errors = path, entry, what, errors
        self.line, self.column = where(entry)

    def fail(self, message: str, key: str | None = None, item: int | None = None) -> None:
        """A located error: at the value of ``key`` (at its item ``item``, a list) when given, else at the entry."""
        line, column = self.place(key, item) if key is not None else (self.line, self.column)
        self.errors.add(CurationError(self.path, line, column, message))

    def place(self, key: str, item: int | None = None) -> tuple[int, int]:
        """Where the value of ``key`` starts, or its item ``item`` when given (the value a list, as ``strings``
        takes it); else the entry's start."""
        if item is None:
            return where_value(self.entry, key)
        within = self.entry.get(key)
        if isinstance(within, list) and 0 <= item < len(within):
            return where(within[item], within, item)
        return self.line, self.column

    def nothing(self, key: str) -> str:
        """What a message says ``key`` holds when YAML gave it no value: "nothing", and when what staff wrote
        after it is ``#`` and one word (an anchor copied from a page, ``#c2-1-p3-s3``), that YAML read it as a
        comment, and the value quoted."""
        line, column = where_value(self.entry, key)
        try:
            written = files.read_text(self.path, encoding="utf-8-sig").splitlines()[line - 1][column - 1 :].lstrip()
        except (OSError, UnicodeDecodeError, IndexError):
            return "nothing"
        value = written.rstrip()
        if not patterns.COMMENTED_VALUE_RE.match(value):  # a comment of words: staff meant one
            return "nothing"
        return f"nothing: YAML took {value!r} for a comment (a # after a space starts one); quote it: '{value}'"

    def value_line(self, key: str, item: int | None = None) -> int:
        """The line the value of ``key`` (its item ``item``) starts on (else the entry's): what "first at line N"
        names when the message about a repeat is said at the value."""
        return self.place(key, item)[0]

    def fail_item(self, within: Any, number: int, message: str) -> None:
        """A located error at item ``number`` of the list ``within`` (one of the entry's values)."""
        self.errors.add(CurationError(self.path, *where(within[number], within, number), message))

    def text(self, key: str, *, required: bool = True, meaning: str = "") -> str | None:
        """The one-line text (prose for a ``_PROSE_KEYS`` key) under ``key``; ``meaning`` says what it names
        (``a clause id``). Nothing YAML made of a bare 5, yes or 2016-11-01 is taken for text: a value that
        reads so is quoted. An optional key given no value (``to:``, ``to: null``) is one not given."""
        value = self.entry.get(key)
        expected = f"'{key}' of {self.what} to be " + (f"{meaning} (text)" if meaning else "text")
        if value is None:
            if required and key in self.entry:
                self.fail(f"expected {expected}, found {self.nothing(key)}", key=key)
            elif required:
                self.fail(f"expected {self.what} to have '{key}', found none")
            return None
        if isinstance(value, str) and not value.strip():  # ``remark: ""``: "found ''" read as if '' were no text
            self.fail(f"expected {expected}, found empty text ({value!r})", key=key)
            return None
        if not isinstance(value, str):
            self.fail(f"expected {expected}, found {shown_value(value)}{colon_hint(value)}", key=key)
            return None
        if key not in _PROSE_KEYS and ("\n" in value.strip() or "\r" in value):
            self.fail(
                f"expected '{key}' of {self.what} to be one line of text, found a line break in {value!r}", key=key
            )
            return None
        return value.strip()

    def doc_number(self, key: str, *, required: bool = True) -> str | None:
        """A 文号 (``text``), refused when it is one written otherwise than GB/T 9704 writes it (国发[2015]71号,
        国发（2015）71号, 国发〔2015〕第71号): it would be published so, and match no citation of the texts."""
        value = self.text(key, required=required)
        variant = patterns.DOC_NUMBER_VARIANT_RE.match(value) if value else None
        if value and variant:
            standard = f"{variant['code']}〔{int(variant['year'])}〕{int(variant['serial'])}号"  # ２０１７: 2017
            if value != standard:
                self.fail(
                    f"expected {key} written {standard} (the year in 〔〕, the number without 第 or a leading 0), "
                    f"found {value!r}",
                    key=key,
                )
                return None
        return value

    def date(self, key: str) -> str | None:
        value = self.entry.get(key)
        if value is None:
            return None
        expected = f"expected '{key}' of {self.what} to be a date YYYY-MM-DD or null, found {shown_value(value)}"
        if patterns.ISO_DATE_RE.match(str(value)) is None:  # fromisoformat alone also takes 20161230 and 2016-W52-5
            self.fail(expected, key=key)
            return None
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:  # written so, but 2017-02-30: "expected YYYY-MM-DD" alone reads as a wrong form
            self.fail(f"{expected}, a day no calendar has", key=key)
            return None

    def strings(self, key: str) -> tuple[str, ...]:
        """A list of one-line texts; a blank item is refused (an empty name is found at every character), and
        so is one with a line break, as ``text`` refuses it (a short name, an alias no text or query holds).
        An item that is no text is refused where it stands, each one: in a long list, the list shown cut at
        80 characters may not show it."""
        value = self.entry.get(key)
        value = [] if value is None else value  # not `or []`: a bare no, 0 or '' is no list
        if not isinstance(value, list):
            self.fail(f"expected '{key}' of {self.what} to be a list of text, found {shown_value(value)}", key=key)
            return ()
        wrong = [(item, v) for item, v in enumerate(value) if not isinstance(v, str) or not v.strip()]
        for item, v in wrong:
            found = f"empty text ({v!r})" if isinstance(v, str) else shown_value(v) + colon_hint(v)
            self.fail(f"expected each of '{key}' of {self.what} to be text, found {found}", key=key, item=item)
        broken = [(item, v) for item, v in enumerate(value) if isinstance(v, str) and ("\n" in v.strip() or "\r" in v)]
        for item, v in broken:
            self.fail(
                f"expected each of '{key}' of {self.what} to be one line of text, found a line break in {v!r}",
                key=key,
                item=item,
            )
        return () if wrong or broken else tuple(v.strip() for v in value)

    def some_strings(self, key: str, item: str) -> tuple[str, ...]:
        """``strings``, given at least one: ``key:`` with nothing or ``key: []`` is refused at the key (a list
        of at least one ``item``). A key not given at all is the caller's to say, in its own words."""
        found = self.strings(key)
        if key in self.entry and (self.entry[key] is None or self.entry[key] == []):
            shown = shown_value(self.entry[key])
            self.fail(f"expected '{key}' of {self.what} to be a list of at least one {item}, found {shown}", key=key)
        return found

    def quote_holds(
        self,
        key: str,
        clause: Clause,
        elsewhere: Iterable[Clause],
        *,
        field: str,
        written: Callable[[Clause], object] = lambda c: c.id,
        if_deleted: str = "remove the entry",
    ) -> bool:
        """Whether ``clause`` still holds the entry's quote under ``key``, when it has one.

        Unnumbered paragraphs and sentences (``…/p4/s3``) keep their ids through insertions only as far
        as ``source_texts/clause_ids.tsv`` records them (track/lineage.py): a paragraph split, merged or
        moved, or a copy of the texts without the record, can give the same id to another clause, and
        the entry would silently move to it. A few words quoted from the clause, as it read when the
        entry was written, catch that. White space is ignored (the cleaner's text and what staff paste
        from a page may differ only in spaces).

        When it does not, the clauses of ``clause``'s kind among ``elsewhere`` (its document's: read only
        then) that hold the quote are named, the entry's ``field`` to be ``written(holder)``; or it is said
        that none does (the words were deleted: ``if_deleted``; or reworded).
        """
        quote = self.text(key, required=False)
        if quote is None or _holds(clause, quote):
            return True
        holders = [c for c in elsewhere if c.kind is clause.kind and c.id != clause.id and _holds(c, quote)]
        if len(holders) == 1:
            advice = f"{holders[0].id} holds the quote now: write {field}: {written(holders[0])}"
        elif holders:
            shown = ", ".join(c.id for c in holders[:3]) + (" …" if len(holders) > 3 else "")
            advice = f"the quote is in {shown}: point '{field}' at the one the entry means, or quote more words"
        else:
            advice = f"no other {clause.kind.value} of {clause.doc} holds the quote: if the words were deleted, {if_deleted}; if they were reworded, check the entry still holds for the new words and quote them"
        self.fail(
            f"expected {clause.id} to contain its {key} {quote!r}, found {excerpt(clause.text, 60)!r}; the clause may have been "
            f"edited, split, merged or moved: {advice}",
            key=key,
        )
        return False

    def repeated(self, seen: dict[Any, int], key: Any, what: str, shown: str, *, at: str | None = None) -> bool:
        """Whether an earlier entry gave ``key`` already (said here, naming that entry's line); a key
        given first here is recorded in ``seen`` as this entry's. With ``at``, the entry's key whose value
        ``key`` is: said at that value, naming the line of the first one (the value staff must change,
        not the entry's ``- id``). Every caller whose ``key`` is one value gives ``at``."""
        if key in seen:
            self.fail(f"expected each {what} once, found {shown} again (first at line {seen[key]})", key=at)
            return True
        seen[key] = self.line if at is None else self.value_line(at)
        return False

    def page_id(self, value: str, what: str, *, taken: Mapping[str, str] | None = None) -> None:
        """An id that names a page (/agencies/<id>/): lower-case ASCII, and not the folder's own index page nor
        another page of the folder (``taken``: its name → what the page is)."""
        taken = {**dict.fromkeys(RESERVED_SLUGS, "the list"), **(taken or {})}
        if not patterns.SLUG_RE.match(value):
            self.fail(f"expected {what} of lower-case ASCII letters, digits and hyphens, found {value!r}")
        elif value in taken:
            self.fail(f"expected {what} other than {value} ({taken[value]} has that page), found {value!r}")

    def unknown_keys(self, known: tuple[str, ...]) -> None:
        for key in self.entry:
            if key not in known and key not in LOADER_KEYS:
                allowed = f"one of {', '.join(known)}" if len(known) > 1 else f"only the key {known[0]}"
                written = written_key(self.entry, key)
                found = f"unknown key '{written}'" if written else "an empty key"
                message = f"expected {allowed} in {self.what}, found {found}"
                close = difflib.get_close_matches(written, known, n=1, cutoff=0.75)
                message += f": is it {close[0]}, mistyped?" if close else ""
                # at the key, whatever YAML read it as (a bare ~ or null is None, which fail takes for no key)
                self.errors.add(CurationError(self.path, *where_key(self.entry, key), message))


def entries(path: Path, key: str, errors: Collector, *, required: bool = False) -> list[dict[str, Any]]:
    """The list under ``key`` in a curated YAML file, or [] with a located error. ``required``: the file must
    have entries (documents.yaml, agencies.yaml), so an empty one is not told to write ``key: []``."""
    data = read_yaml(path)
    if data is None:  # an empty file, or comments alone: what a save or re-encode cut short leaves (every entry lost)
        hint = "" if required else f" (for no entries, write '{key}: []')"
        errors.add(CurationError(path, 1, 1, f"expected a mapping with a list '{key}:', found {_nothing(path)}{hint}"))
        return []
    others = [k for k in data if k != key and k not in LOADER_KEYS] if isinstance(data, dict) else []
    beside = [written_key(data, k) for k in others]
    if isinstance(data, dict) and key in data and data[key] is None and not beside:
        data = {**data, key: []}  # every entry taken out, the key left: as an empty file, none
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        if not isinstance(data, dict):
            found = _kind(data)
        else:
            found = f"'{key}:' holding {_kind(data[key])}" if key in data else f"no '{key}:'"
            close = difflib.get_close_matches(key, beside, n=1, cutoff=0.6)  # the one key there, if like it
            found += f" ('{close[0]}:' is it, mistyped?)" if key not in data and close else ""
            if key in data and data[key] is None:  # entries not indented under it
                found += f" and {', '.join(beside)} beside it: indent its entries under it as '- ' items"
        # at the key's value (documents: 7), else the first key there (a mistyped one), else the file's start
        at = (1, 1)
        if isinstance(data, dict):
            at = where_value(data, key) if key in data else where_key(data, others[0]) if others else at
        errors.add(CurationError(path, *at, f"expected a mapping with a list '{key}:', found {found}"))
        return []
    for other in others:  # a second list here is read by nothing: its entries would be lost without a word
        written = written_key(data, other)
        message = (
            f"expected only the key '{key}:' at the top of {path.name}, found also '{written}:', which nothing reads"
        )
        errors.add(CurationError(path, *where_key(data, other), message))  # at the key nothing reads
    result = []
    for number, item in enumerate(data[key]):
        if not isinstance(item, dict):
            line, column = where(item, data[key], number)
            message = f"expected each entry of '{key}' to be a mapping, found {shown_value(item)}"
            errors.add(CurationError(path, line, column, message))
            continue
        result.append(item)
    return result
