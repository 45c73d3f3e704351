"""Indicators: names and variants from ``source_texts/indicators.yaml``, numbers from the texts.

A table-row indicator takes its unit, baseline, target, increase and attribute from the
row's cells and its years from the table header ("2015年", "2020年"); "－" is null. A cell
that reads otherwise is refused at its line and column in the text, where the damage is. The
table note (注：…) is attached to the indicator it names. A prose goal takes its number
from the quoted ``goal`` words; a range such as "3—4" is kept as ``target_text`` with
``target_low``/``target_high`` and a null ``target``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import patterns
from ..clean import split_lines
from ..errors import Collector, SourceError, SourceWarning, TextError
from ..load import files
from ..load.curated import Fields, entries, gone_hint, nearest_hint
from ..load.texts import read_text
from ..model import Clause, ClauseKind, Corpus, Indicator, Mention
from .agencies import leaf_clauses

_KEYS = ("id", "name", "row", "clause", "goal", "variants", "agencies", "remark")

FILE_NAME = "indicators.yaml"


@dataclass(frozen=True, kw_only=True)
class _Cell:
    """One cell of an indicator's table row, and where it stands in its text: a damaged cell is said
    there (``fail``), at the line and column of its words, not at the indicators.yaml entry naming the row."""

    text: str
    where: str  # "the 2015年 cell of guofa-2016-86/table1/r1"
    path: Path  # the source text
    line: int
    errors: Collector

    def fail(self, message: str) -> None:
        self.errors.add(TextError(self.path, self.line, _column(self.path, self.line), message))


def _column(path: Path, line: int) -> int:
    """1-based column where a cell's words start on ``line`` of the raw text (after its tab), or 1.
    Read again only for a message: a build whose cells are sound never opens the text twice."""
    try:
        raw_lines = split_lines(read_text(path).text)
    except SourceError:
        return 1
    if not 0 < line <= len(raw_lines):
        return 1
    raw = raw_lines[line - 1]
    return len(raw) - len(raw.lstrip(" \t\u3000\ufeff")) + 1


def _number(cell: _Cell, unit: str | None) -> float | None:
    """A table cell's number, None for an empty one (—); a cell that is neither is refused where it
    stands (it was published as a missing value), as is one too large for a JSON number (published as
    Infinity). A percent sign is the row's unit written again when its unit (``unit``, from the name) is
    %; in a row of another unit (件) it says the number is not in that unit, and is refused (it was dropped)."""
    text = cell.text.strip()
    if patterns.EMPTY_CELL_RE.match(text):
        return None
    sign, digits = (-1, text[1:]) if text[:1] in patterns.MINUS_SIGNS else (1, text)
    percent = unit in ("%", "％")
    match = patterns.NUMBER_RE.fullmatch(digits.rstrip("%％") if percent else digits)
    if match is None:
        in_unit = f" in {unit}" if unit and not percent else ""
        cell.fail(f"expected {cell.where} to be a number{in_unit} or —, found {text!r}")
        return None
    value = _finite(cell.fail, match.group(), cell.where)
    return None if value is None else sign * value


def _attribute(cell: _Cell) -> str | None:
    """A row's 属性: 预期性 or 约束性, None for —; anything else is refused where it stands (预期性 | was
    published as the attribute)."""
    text = cell.text.strip()
    if patterns.EMPTY_CELL_RE.match(text):
        return None
    if not patterns.INDICATOR_ATTRIBUTE_RE.match(text):
        cell.fail(f"expected {cell.where} to be 预期性, 约束性 or —, found {text!r}")
        return None
    return text


def _finite(fail: Callable[[str], None], digits: str, where: str) -> float | None:
    value = float(digits)
    if math.isfinite(value):
        return value
    fail(f"expected {where} to be a number JSON can hold, found {digits[:20]}… ({len(digits)} digits)")
    return None


def load_indicators(
    source: Path,
    corpus: Corpus,
    agency_ids: set[str] | None,
    errors: Collector,
    *,
    moved: Mapping[str, str | None] | None = None,
) -> tuple[Indicator, ...]:
    """The curated indicators, each agency id checked against ``agency_ids`` (None: the register did not read);
    ``moved``: the ids redirects.yaml lists → where it sends them, named when a ``row`` or ``clause`` is gone."""
    moved = moved or {}
    path = source / FILE_NAME
    if files.absent(path):
        return ()
    indicators: list[Indicator] = []
    ids: dict[str, int] = {}
    names: dict[str, tuple[str, int]] = {}  # name or variant → (indicator id, line)
    for entry in entries(path, "indicators", errors):
        f = Fields(path, entry, "an indicator", errors)
        f.unknown_keys(_KEYS)
        indicator_id, name = f.text("id"), f.text("name")
        variants = f.strings("variants")
        agencies = f.strings("agencies")
        for number, agency in enumerate(agencies):  # each item (``strings`` keeps them all, or none)
            if agency_ids is not None and agency not in agency_ids:
                f.fail_item(
                    entry["agencies"], number, f"expected an agency id defined in agencies.yaml, found {agency!r}"
                )
        if indicator_id is not None:
            f.page_id(indicator_id, "an indicator id")
            f.repeated(ids, indicator_id, "indicator id", repr(indicator_id), at="id")
        # each form said at its value (a variant at its item), naming the line of the form given first
        for key, item, form in (("name", None, name), *(("variants", n, v) for n, v in enumerate(variants))):
            if form is None:
                continue
            owner = names.get(form)
            if owner is not None:
                f.fail(
                    f"expected each name and variant once, found {form!r} again (first at line {owner[1]}, {owner[0]})",
                    key=key,
                    item=item,
                )
            names.setdefault(form, (indicator_id or "", f.value_line(key, item)))
        row_id = f.text("row", required=False, meaning="a clause id")
        clause_id = f.text("clause", required=False, meaning="a clause id")
        given = [key for key in ("row", "clause") if entry.get(key) is not None]
        if len(given) != 1:
            f.fail(
                "expected an indicator to have either 'row' or 'clause' (with 'goal'), found "
                + ("both" if given else "neither")
            )
            continue
        if row_id is None and clause_id is None:
            continue  # given, but no text: said where it stands
        if indicator_id is None or name is None:
            continue
        remark = f.text("remark", required=False) or ""
        common = {"id": indicator_id, "name": name, "variants": variants, "agencies": agencies, "remark": remark}
        if row_id is not None:
            indicator = _from_row(f, corpus, row_id, common, source, moved)
        else:
            indicator = _from_goal(f, corpus, clause_id or "", common, source, moved)
        if indicator is not None:
            indicators.append(indicator)
    return tuple(indicators)


def _from_row(
    f: Fields, corpus: Corpus, row_id: str, common: dict[str, Any], source: Path, moved: Mapping[str, str | None]
) -> Indicator | None:
    clauses = corpus.clause_index()
    row = clauses.get(row_id)
    if row is None or row.kind is not ClauseKind.TABLE_ROW:
        gone = (
            ""
            if row
            else f", which no document has{gone_hint(row_id, clauses, moved) or nearest_hint(row_id, clauses)}"
        )
        f.fail(f"expected 'row' to be the clause id of a table row, found {row_id!r}{gone}", key="row")
        return None
    cells = row.text.split("\n")
    header = next((c for c in clauses.values() if c.parent == row.parent and c.kind is ClauseKind.TABLE_HEADER), None)
    head = header.text.split("\n") if header else []
    if len(cells) != 5 or len(head) != 5:
        f.fail(f"expected a row of 5 cells under a 5-cell header, found {len(cells)} cells in {row_id}")
        return None
    named = patterns.INDICATOR_NAME_UNIT_RE.match(cells[0])
    row_name, unit = (named.group("name"), named.group("unit")) if named else (cells[0], None)
    if row_name != common["name"]:
        f.fail(f"expected name {row_name!r} as in {row_id}, found {common['name']!r}", key="name")
    years = [patterns.YEAR_RE.search(h) for h in head[1:3]]
    note = next(
        (
            c.text.split("：", 1)[-1].strip()
            for c in clauses.values()
            if c.parent == row.parent and c.kind is ClauseKind.TABLE_NOTE and row_name in c.text
        ),
        None,
    )
    path = source / corpus.document(row.doc).meta.source_file
    # one cell a line (parse.tables.read_table): cell i of the row stands i lines below its first
    cell = [
        _Cell(text=text, where=f"the {head[i]} cell of {row_id}", path=path, line=row.line + i, errors=f.errors)
        for i, text in enumerate(cells)
    ]
    baseline, target, increase = _number(cell[1], unit), _number(cell[2], unit), _number(cell[3], unit)
    if baseline is not None and target is not None and increase is not None:
        _add_up(cell, baseline, target, increase)
    return Indicator(
        **common,
        unit=unit,
        baseline=baseline,
        baseline_year=int(years[0].group()) if years[0] else None,
        target=target,
        target_year=int(years[1].group()) if years[1] else None,
        increase=increase,
        attribute=_attribute(cell[4]),
        note=note,
        clause=row.id,
        doc=row.doc,
        group=clauses[row.parent].text if row.parent in clauses else "",
    )


def _add_up(cell: list[_Cell], baseline: float, target: float, increase: float) -> None:
    """Warn of a row whose baseline and increase do not add up to its target (every row of the real table does):
    two of its lines swapped (6.3, 5.7, 12), or a value mistyped, would be published as figures no one wrote.
    A warning: an official table may round. Said at the baseline's cell, the first of the three."""
    total = baseline + increase
    if math.isclose(total, target, rel_tol=1e-9, abs_tol=1e-9):
        return
    first, row_id = cell[1], cell[1].where.rsplit(" of ", 1)[-1]
    names = [c.where.removeprefix("the ").split(" cell of ", 1)[0] for c in cell[1:4]]
    message = (
        f"expected the {names[0]} and {names[2]} cells of {row_id} to add up to its {names[1]} cell ({cell[2].text}), "
        f"found {cell[1].text} + {cell[3].text} = {round(total, 9):g}: a value mistyped, or two cells swapped?"
    )
    first.errors.warn(SourceWarning(first.path, first.line, _column(first.path, first.line), message))


def _from_goal(
    f: Fields, corpus: Corpus, clause_id: str, common: dict[str, Any], source: Path, moved: Mapping[str, str | None]
) -> Indicator | None:
    clauses = corpus.clause_index()
    clause = clauses.get(clause_id)
    goal = f.text("goal")
    if clause is None:
        gone = gone_hint(clause_id, clauses, moved) or nearest_hint(clause_id, clauses)
        f.fail(
            f"expected 'clause' to be a clause id of the texts, found {clause_id!r}, which no document has{gone}",
            key="clause",
        )
        return None
    if goal is None:
        return None
    if goal not in clause.text:
        f.fail(f"expected the goal words to occur in {clause_id}, found {goal!r} not there", key="goal")
        return None
    value = patterns.GOAL_VALUE_RE.search(goal[goal.find(next((ch for ch in goal if ch.isdigit()), "")) :])
    if value is None or not any(ch.isdigit() for ch in goal):
        f.fail(f"expected the goal words to hold a number, found {goal!r}", key="goal")
        return None
    text, unit = value.group("value"), value.group("unit")
    span = patterns.RANGE_RE.fullmatch(text)
    low = _finite(f.fail, span.group("low"), "the goal's number") if span else None
    high = _finite(f.fail, span.group("high"), "the goal's number") if span else None
    if low is not None and high is not None and low > high:  # the text's words: published as written, read in order
        path = source / corpus.document(clause.doc).meta.source_file
        line, column = _where_in_text(path, clause, goal, text)
        message = (
            f"expected the range of the goal of indicator {common['id']!r} from its low end to its high end, found "
            f"{text!r}: read as {round(high, 9):g} to {round(low, 9):g}; is a number mistyped?"
        )
        f.errors.warn(SourceWarning(path, line, column, message))
        low, high = high, low
    target_year = _target_year(clause, clauses)
    parent = clauses.get(clause.parent or "")
    return Indicator(
        **common,
        unit={"％": "%"}.get(unit or "", unit),
        baseline=None,
        baseline_year=None,
        target=None if span else _finite(f.fail, text, "the goal's number"),
        target_year=target_year,
        increase=None,
        attribute=None,
        note=None,
        clause=clause.id,
        doc=clause.doc,
        target_text=text if span else None,
        target_low=low,
        target_high=high,
        group=parent.title if parent else "",
        goal=goal,
    )


def _where_in_text(path: Path, clause: Clause, goal: str, words: str) -> tuple[int, int]:
    """The line and column of ``words`` (in the goal's words ``goal``) in the raw text of ``clause``, for a
    message; else where the clause's words start. Read again only for a message, as ``_column`` reads."""
    try:
        raw_lines = split_lines(read_text(path).text)
    except SourceError:
        return clause.line, 1
    for number in range(clause.line, min(clause.line + clause.text.count("\n"), len(raw_lines)) + 1):
        raw = raw_lines[number - 1]
        at = raw.find(goal)
        at = at + goal.find(words) if at >= 0 else raw.find(words)
        if at >= 0:
            return number, at + 1
    return clause.line, _column(path, clause.line)


def _target_year(clause: Clause, clauses: dict[str, Clause]) -> int | None:
    """The nearest "到YYYY年": in the clause, else in the first paragraph of its parent."""
    candidates = [clause] + [
        c for c in clauses.values() if c.parent == clause.parent and c.kind is ClauseKind.PARAGRAPH and c.id < clause.id
    ][:1]
    for candidate in candidates:
        match = patterns.TARGET_YEAR_RE.search(candidate.text)
        if match:
            return int(match.group("year"))
    return None


def find_indicator_mentions(corpus: Corpus, indicators: tuple[Indicator, ...]) -> dict[str, tuple[Mention, ...]]:
    """Every place a name, a variant or a goal's words occur, longest form first, at sentence level."""
    by_form: dict[str, str] = {}
    for indicator in indicators:
        for form in (indicator.name, *indicator.variants, *((indicator.goal,) if indicator.goal else ())):
            by_form.setdefault(form, indicator.id)
    regex = patterns.names_regex(sorted(by_form, key=lambda form: (-len(form), form)))
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for clause in leaf_clauses(corpus):
        text = clause.text.split("\n")[0] if clause.kind is ClauseKind.TABLE_ROW else clause.text
        for match in regex.finditer(text):
            mentions[by_form[match.group()]].append(
                Mention(clause=clause.id, start=match.start(), end=match.end(), surface=match.group())
            )
    return {key: tuple(value) for key, value in mentions.items()}
