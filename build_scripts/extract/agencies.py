"""The agency register (``source_texts/agencies.yaml``) and where the texts name each agency.

Loading validates every entry and reports each problem at ``agencies.yaml:line:col``.
Mentions are found sentence by sentence, longest form first, so ``国家版权局`` is never
counted as ``版权局`` and ``新疆生产建设兵团知识产权局`` (a provincial office) is never
counted as ``知识产权局`` (国家知识产权局).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from .. import patterns
from ..errors import Collector, CurationError
from ..load import files
from ..load.curated import Fields, entries, shown_value
from ..model import AGENCY_KINDS, AGENCY_MATRIX, Agency, Clause, ClauseKind, Corpus, Mention, Successor

_KEYS = (
    "id",
    "name",
    "full_name",
    "short_names",
    "former_names",
    "search_aliases",
    "search_offices",
    "kind",
    "successor",
    "unchanged",
    "source",
)
_SUCCESSOR_KEYS = ("name", "year", "note", "later")

FILE_NAME = "agencies.yaml"
_SEARCH_KINDS = {"search_aliases": "search alias", "search_offices": "search office"}  # as messages name them


def load_agencies(source: Path, errors: Collector) -> tuple[Agency, ...]:
    """Read and validate the register; every problem is located at its entry."""
    path = source / FILE_NAME
    if files.absent(path):  # a source folder without a register (e.g. a one-document test): no agencies
        return ()
    agencies: list[Agency] = []
    ids: dict[str, int] = {}
    forms: dict[str, tuple[str, int]] = {}  # a name or short name → (agency id, the line of its first value)
    # (its entry, its key, its item, an alias or office): checked once every form is known
    aliases: list[tuple[Fields, str, int, str]] = []
    before = len(errors.errors)
    listed = entries(path, "agencies", errors, required=True)
    if not listed and len(errors.errors) == before:  # an emptied register would let every agency name pass unchecked
        errors.add(CurationError(path, 1, 1, "expected at least one entry under 'agencies:', found none"))
    for entry in listed:
        f = Fields(path, entry, "an agency", errors)
        f.unknown_keys(_KEYS)
        agency_id, name, full_name, kind = f.text("id"), f.text("name"), f.text("full_name"), f.text("kind")
        if "short_names" not in entry:
            f.fail("expected an agency to have 'short_names', found none")
        if "successor" not in entry:
            f.fail("expected an agency to have 'successor' (a mapping or null), found none")
        short_names = f.strings("short_names")
        former_names = f.strings("former_names")
        for place, former in enumerate(former_names):  # a name of the body before, as the texts use it: shown so
            if former not in short_names:
                f.fail(
                    f"expected each former name to be one of the agency's short_names, found {former!r}",
                    key="former_names",
                    item=place,
                )
        search_aliases, search_offices = f.strings("search_aliases"), f.strings("search_offices")
        aliases.extend((f, "search_aliases", item, alias) for item, alias in enumerate(search_aliases))
        aliases.extend((f, "search_offices", item, office) for item, office in enumerate(search_offices))
        if agency_id is not None:
            f.page_id(agency_id, "an agency id", taken={AGENCY_MATRIX: "the matrix of agencies and sections"})
            f.repeated(ids, agency_id, "agency id", repr(agency_id), at="id")
        if kind is not None and kind not in AGENCY_KINDS:
            f.fail(f"expected kind to be one of {', '.join(AGENCY_KINDS)}, found {kind!r}", key="kind")
        # Every form the matcher resolves (name, full name, short names) must name one agency only: each said
        # at its value (a short name at its item), naming the line of the form given first.
        given: list[tuple[str, int | None, str | None]] = [("name", None, name), ("full_name", None, full_name)]
        given += [("short_names", n, short_name) for n, short_name in enumerate(short_names)]
        places: dict[str, tuple[str, int | None]] = {}  # each form → where this entry gives it first
        for key, item, form in given:
            if form and form not in places:
                places[form] = (key, item)
        for item, short_name in enumerate(short_names):  # [中宣部, 中宣部]
            if short_name in short_names[:item]:
                first = f.value_line("short_names", short_names.index(short_name))
                f.fail(
                    f"expected each short name once, found {short_name!r} again (first at line {first})",
                    key="short_names",
                    item=item,
                )
        for form, (key, item) in places.items():
            owner = forms.get(form)
            if owner is not None and owner[0] != agency_id:
                f.fail(
                    f"expected each short name once, found {form!r} again (first at line {owner[1]}, {owner[0]})",
                    key=key,
                    item=item,
                )
            forms.setdefault(form, (agency_id or "", f.value_line(key, item)))
        successor = _successor(f, entry.get("successor"))
        unchanged = f.text("unchanged", required=False) or ""
        if unchanged and entry.get("successor") is not None:
            f.fail(
                "expected either 'successor' (the body was renamed or merged) or 'unchanged' (checked: it was not), "
                "found both",
                key="unchanged",
            )
        if agency_id is None or name is None or full_name is None or kind is None:
            continue
        agencies.append(
            Agency(
                id=agency_id,
                name=name,
                full_name=full_name,
                short_names=short_names,
                former_names=former_names,
                search_aliases=search_aliases,
                search_offices=search_offices,
                kind=kind,
                successor=successor,
                unchanged=unchanged,
                source=f.text("source", required=False) or "",
                line=f.line,
            )
        )
    _check_aliases(aliases, forms)
    return tuple(agencies)


def _check_aliases(aliases: list[tuple[Fields, str, int, str]], forms: dict[str, tuple[str, int]]) -> None:
    """A search alias (发改委) or office (商标局) is found by the search box only; the matcher never reads
    it, so it must be no agency's name or short name (that one would be matched in the texts) and lead to one
    agency. Each (its entry, its key, its item, the alias) is said at its item."""
    seen: dict[str, int] = {}  # alias or office → the line of its first item
    for f, key, item, alias in aliases:
        owner = forms.get(alias)
        if owner is not None:
            f.fail(
                f"expected a {_SEARCH_KINDS[key]} that is no name or short name, found {alias!r} ({owner[0]}, line {owner[1]})",
                key=key,
                item=item,
            )
        elif alias in seen:
            f.fail(
                f"expected each {_SEARCH_KINDS[key]} once, found {alias!r} again (first at line {seen[alias]})",
                key=key,
                item=item,
            )
        seen.setdefault(alias, f.value_line(key, item))


def _successor(f: Fields, value: Any) -> Successor | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        f.fail(
            f"expected successor to be a mapping with name, year, note or null, found {shown_value(value)}",
            key="successor",
        )
        return None
    sf = Fields(f.path, value, "a successor", f.errors)
    sf.unknown_keys(_SUCCESSOR_KEYS)
    name = sf.text("name")
    year = _year(sf, value.get("year"), "successor year")
    later = None
    if value.get("later") is not None:  # the body that took the successor's work in a later reform
        if not isinstance(value["later"], dict):
            sf.fail(
                f"expected 'later' to be a mapping with name, year, found {shown_value(value['later'])}", key="later"
            )
        else:
            lf = Fields(f.path, value["later"], "a later successor", f.errors)
            lf.unknown_keys(("name", "year"))
            later_name = lf.text("name")
            later = (later_name, _year(lf, value["later"].get("year"), "later successor year")) if later_name else None
    if name is None:
        return None
    return Successor(name=name, year=year, note=sf.text("note", required=False) or "", later=later)


def _year(f: Fields, year: Any, what: str) -> int | None:
    if year is not None and not (isinstance(year, int) and 1949 <= year <= 2100):
        f.fail(f"expected {what} to be a year like 2018 or null, found {shown_value(year)}")
        return None
    return int(year) if year is not None else None


# Mentions ----------------------------------------------------------------------


class AgencyMatcher:
    """Finds agency names in text: longest form first, qualified local bodies refused."""

    def __init__(self, agencies: tuple[Agency, ...]) -> None:
        self.by_form: dict[str, str] = {}
        # forms two agencies give (refused where the second gives it, load_agencies): read as the first's, so a
        # parenthetical naming both bodies would name one twice, a mistake of the register's, said there once
        self.contested: set[str] = set()
        # ids two entries give (refused at the second, load_agencies): both bodies' names read as one agency
        self.shared_ids: set[str] = set()
        seen_ids: set[str] = set()
        for agency in agencies:
            if agency.id in seen_ids:
                self.shared_ids.add(agency.id)
            seen_ids.add(agency.id)
            for form in (agency.name, agency.full_name, *agency.short_names):
                if self.by_form.setdefault(form, agency.id) != agency.id:
                    self.contested.add(form)
        ordered = sorted(self.by_form, key=lambda form: (-len(form), form))
        self.regex = patterns.names_regex(ordered)

    def resolve(self, form: str) -> str | None:
        return self.by_form.get(form)

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """``(agency id, start, end)`` for every name in ``text`` that means a national body."""
        found: list[tuple[str, int, int]] = []
        for match in self.regex.finditer(text):
            start, end = match.span()
            # the place is in the few characters before the name (and the one after it): asked of all the text
            # before it, a long list of names took time growing with the square of its length
            before = text[max(0, start - patterns.LOCAL_QUALIFIER_SPAN) : start]
            if patterns.LOCAL_QUALIFIER_RE.search(before) or patterns.NAME_CONTINUES_RE.match(text[end : end + 1]):
                continue
            agency = self.by_form[match.group()]
            if found and found[-1][0] == agency and text[found[-1][2] : start] in ("（", "("):
                continue  # 新闻出版广电总局（国家版权局）: one body's two names, one mention
            found.append((agency, start, end))
        return found


def leaf_clauses(corpus: Corpus) -> list[Clause]:
    """Clauses whose text is not split further: sentences, and clauses without sentences."""
    parents = {clause.parent for clause in corpus.clauses() if clause.kind is ClauseKind.SENTENCE}
    return [clause for clause in corpus.clauses() if clause.kind is ClauseKind.SENTENCE or clause.id not in parents]


def find_agency_mentions(corpus: Corpus, matcher: AgencyMatcher) -> dict[str, tuple[Mention, ...]]:
    """Every mention of every agency, at sentence level, in reading order."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for clause in leaf_clauses(corpus):
        for agency_id, start, end in matcher.find(clause.text):
            mentions[agency_id].append(Mention(clause=clause.id, start=start, end=end, surface=clause.text[start:end]))
    return {agency_id: tuple(found) for agency_id, found in mentions.items()}
