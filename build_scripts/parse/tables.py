"""The parse stage's table reader: a table laid out one cell per line (86号's 主要指标), its header checked
against ``documents.yaml``'s columns, its rows and its note, as clauses of the ``Builder``'s tree."""

from __future__ import annotations

from .. import patterns
from ..model import ClauseKind, SourceLine, TableSpec
from .tree import Builder, Frame, numbering_kind, starts_with_label


def read_table(builder: Builder, spec: TableSpec, lines: list[SourceLine], start: int) -> int:
    """Parse a table laid out one cell per line; return the index after it.

    The caption, then the header's cells, then each row's, a blank line between rows. The table ends
    with its note (注：…, ``_note_lines``), or before a group of lines that are no row: one of them starts
    with a label (numerals listed, 一、二线城市, are a cell) or is prose (``patterns.NO_CELL_RE``). Those
    lines are the body's, read by its grammar as any other (a mistyped label 2) is said there); a group of
    cells of the wrong count is a located error."""
    builder.pop_to(ClauseKind.SUBSECTION)
    parent = builder.stack[-1]
    builder.tables += 1
    base = f"table{builder.tables}"
    caption = lines[start]
    number_path = builder.numbering()  # the section's it stands in: its header, rows and note carry it too
    builder.add(
        kind=ClauseKind.TABLE,
        path=base,
        parent=parent,
        label="",
        number_path=number_path,
        text=caption.text,
        line=caption.number,
        title=caption.text,
    )
    frame = Frame(kind=ClauseKind.BOX, clause_id=builder.make_id(base), path=base, depth=parent.depth + 1)
    groups = _groups(lines, start + 1)
    if not groups:
        builder.error(caption.number, f"expected the header of table {spec.caption!r}, found the end of the text")
        return len(lines)
    header, *rest = groups
    cells = [cell.text.replace(" ", "") for cell in header]
    expected = [column.replace(" ", "") for column in spec.columns]
    if cells != expected:
        first_bad = next(
            (i for i, (a, b) in enumerate(zip(cells, expected, strict=False)) if a != b),
            min(len(cells), len(expected)),
        )
        at = header[min(first_bad, len(header) - 1)]
        if first_bad >= len(expected):  # the header ran on into the first row: its blank line is gone
            builder.error(
                at.number,
                f"expected a blank line after the {len(expected)} header cells of table {spec.caption!r}"
                + (f" ({expected[0]} … {expected[-1]})" if expected else "")
                + f", found {cells[first_bad]!r}: put a blank line before the first row",
            )
        elif first_bad >= len(cells):  # the header stopped short: a cell of it is gone
            builder.error(
                at.number,
                f"expected table header cell {expected[first_bad]!r} after {cells[-1]!r}, found the end of "
                f"the header (a blank line): the header of table {spec.caption!r} has {len(expected)} cells, "
                "one a line",
            )
        else:
            builder.error(at.number, f"expected table header cell {expected[first_bad]!r}, found {cells[first_bad]!r}")
    builder.add(
        kind=ClauseKind.TABLE_HEADER,
        path=f"{base}/head",
        parent=frame,
        label="",
        number_path=number_path,
        text="\n".join(cell.text for cell in header),
        line=header[0].number,
    )
    end = _after(lines, header[-1])
    # the groups that read as rows whole (a row with a stop in a cell is told by them)
    whole = [
        [cell.text for cell in g] for g in rest if len(g) == len(spec.columns) and not any(_no_cell(c.text) for c in g)
    ]
    for rows, group in enumerate(rest, start=1):
        first = group[0]
        if patterns.TABLE_NOTE_RE.match(first.text):
            return read_table_note(builder, base, frame, group, lines, number_path)
        # a note typed under the row's cells with no blank line between: the row ends at it
        noted = next((i for i, cell in enumerate(group) if i and patterns.TABLE_NOTE_RE.match(cell.text)), 0)
        group, note = (group[:noted], group[noted:]) if noted else (group, [])
        row_follows = rows < len(rest) and [cell.text for cell in rest[rows]] in whole
        stopped = _stopped_cells(group, whole, row_follows=row_follows)
        for cell in stopped:  # a row all but its stops: said at each, and read as the row it is
            mark = patterns.NO_CELL_RE.search(cell.text)
            pointed = patterns.MARK_IN_NUMBER_RE.sub(".", cell.text)  # 6。3: a point typed as a stop
            fix = f"write {pointed!r}" if pointed != cell.text else "take it out"
            builder.error(
                cell.number,
                f"expected a table cell (a name, a number or a word) in row {rows} of table {spec.caption!r}, "
                f"found {cell.text!r}: a stop in a cell ends the table; {fix}",
                near=mark.group() if mark else "",
            )
        if not stopped and (
            any(_no_cell(cell.text) for cell in group)
            or (numbering_kind(first.text) is not None and len(group) != len(spec.columns))
        ):  # a group of cells 二、三产业增加值 … is a row; 二、三产业融合发展 alone is the heading it may be
            return end  # the table ended at its last row: the body goes on (a label, prose)
        if len(group) != len(spec.columns):
            # said at a cell holding a | (a Markdown table's bar: cells run together on a line, or a bar
            # alone), the damage to be seen; else at the row's first line (which cell is missing, or
            # which is one too many, the count cannot tell)
            barred = next((cell for cell in group if "|" in cell.text), None)
            builder.error(
                (barred or first).number,
                f"expected {len(spec.columns)} cells in row {rows} of table {spec.caption!r}, one a line, "
                f"found {len(group)}" + (f": a | (a Markdown table's bar?) in {barred.text!r}" if barred else ""),
                near="|" if barred else "",
            )
        builder.add(
            kind=ClauseKind.TABLE_ROW,
            path=f"{base}/r{rows}",
            parent=frame,
            label="",
            number_path=number_path,
            text="\n".join(cell.text for cell in group),
            line=first.number,
            title=first.text,
        )
        end = _after(lines, group[-1])
        if note:
            return read_table_note(builder, base, frame, note, lines, number_path)
    return end


def read_table_note(
    builder: Builder,
    base: str,
    frame: Frame,
    group: list[SourceLine],
    lines: list[SourceLine],
    number_path: tuple[str, ...],
) -> int:
    """The note under a table, ``group`` from its 注：… line on (``_note_lines``), under the table's
    ``number_path``; the index after it."""
    group = _note_lines(group)
    for offset, note in enumerate(group):
        path = f"{base}/note" if offset == 0 else f"{base}/note{offset + 1}"
        builder.add(
            kind=ClauseKind.TABLE_NOTE,
            path=path,
            parent=frame,
            label="",
            number_path=number_path,
            text=note.text,
            line=note.number,
        )
    return _after(lines, group[-1])


def _no_cell(text: str) -> bool:
    """Whether a line in a table's place is no cell of it: it starts with a label (but for a number mistyped
    so that it starts like one, ``patterns.NUMBER_LIKE_CELL_RE``) or is prose (``patterns.NO_CELL_RE``)."""
    if patterns.NO_CELL_RE.search(text):
        return True
    return starts_with_label(text) and not patterns.NUMBER_LIKE_CELL_RE.fullmatch(text)


# The longest line a stop in it makes no cell of (a table's cells are names, numbers and words: 86号's longest has
# 14 characters); a longer one is prose after the table.
LONGEST_CELL = 30


def _stopped_cells(group: list[SourceLine], rows: list[list[str]], *, row_follows: bool) -> list[SourceLine]:
    """The lines of a group that a stop alone makes no cell (预期性。, 6。3, …（件），) when, those stops taken
    out, the group reads as a row of the table: as many lines as the table's other rows (``rows``), none with a
    label, each a number where every other row has one, and words where every other row has words. A row
    damaged, not prose after the table (各地要加强组织领导，/ 各部门要密切配合: words where numbers stand); or none.
    A table of words only tells a row from prose by a row of it after the group (``row_follows``): prose after
    its last row ends it, as before."""
    if not rows or len(group) != len(rows[0]) or any(starts_with_label(cell.text) for cell in group):
        return []
    odd = [cell for cell in group if _no_cell(cell.text)]
    if any(len(cell.text) > LONGEST_CELL for cell in odd):
        return []
    unstopped = {cell.number: patterns.NO_CELL_MARK_RE.sub("", cell.text) for cell in odd}
    if any(not text or _no_cell(text) for text in unstopped.values()):
        return []
    cells = [unstopped.get(cell.number, cell.text) for cell in group]
    told = row_follows  # a row of the table after it, or a column of numbers its cells match: a row, not prose
    for column, cell in enumerate(cells):
        numbers = {bool(patterns.NUMBER_LIKE_CELL_RE.fullmatch(row[column])) for row in rows}
        if len(numbers) == 1 and numbers != {bool(patterns.NUMBER_LIKE_CELL_RE.fullmatch(cell))}:
            return []
        told = told or numbers == {True}
    return odd if told else []


def _note_lines(group: list[SourceLine]) -> list[SourceLine]:
    """The lines of a table's note (注：…), the first of ``group``, and those after it up to a label line: a
    heading or item typed with no blank line after the note (二、保障措施) is the body's, not a note's. A note
    that opens with its points (注：1.…) keeps its further points (2.…, or （2）… after 注：（1）…); a line ending
    in its colon announces a list (注： alone, 注：数据说明如下：, 1.…含：): its point 1 (or （1）) is the note's,
    and the numbering it interrupted goes on after it (（1）（2） then 2.)."""
    first = _point(patterns.TABLE_NOTE_RE.sub("", group[0].text, count=1).lstrip())
    last = {first[0]: first[1]} if first is not None else {}
    before = group[0].text
    for count, line in enumerate(group[1:], start=1):
        here = _point(line.text) if numbering_kind(line.text) is not None else None
        if here is not None and here[1] == 1 and before.rstrip().endswith(("：", ":")):
            last[here[0]] = 1  # the first point of the list the line before announced
        elif here is not None and here[0] in last and here[1] == last[here[0]] + 1:
            last[here[0]] = here[1]
        elif numbering_kind(line.text) is not None:
            return group[:count]
        before = line.text
    return group


def _point(text: str) -> tuple[ClauseKind, int] | None:
    """The kind and number of the item or sub-item label ``text`` starts with (a note's point), else None."""
    for kind, regex in ((ClauseKind.SUBITEM, patterns.SUBITEM_RE), (ClauseKind.ITEM, patterns.ITEM_RE)):
        match = regex.match(text)
        if match is not None:
            return kind, int(match.group("num"))
    return None


def _groups(lines: list[SourceLine], start: int) -> list[list[SourceLine]]:
    """Runs of consecutive non-blank lines from ``start`` on."""
    groups: list[list[SourceLine]] = []
    current: list[SourceLine] = []
    previous = None
    for line in lines[start:]:
        if previous is not None and line.number != previous + 1 and current:
            groups.append(current)
            current = []
        current.append(line)
        previous = line.number
    if current:
        groups.append(current)
    return groups


def _after(lines: list[SourceLine], last: SourceLine) -> int:
    for index, line in enumerate(lines):
        if line.number > last.number:
            return index
    return len(lines)
