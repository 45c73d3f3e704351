"""A stop typed into a cell of an indicator table is said at the cell. A line holding 。！？； (or ending in ，、：)
is prose, and before session 37 such a line ended the table where it stood: the later rows were read as body
paragraphs, and the messages named only what followed (a redirects.yaml entry asked for each row the table
lost, at its caption; indicators.yaml's rows 'which no document has'), never the damaged line."""

from __future__ import annotations

import pytest

from .helpers import refused_after

GUOFA = "guofa-2016-86.txt"


def damage_line(source, line: int, old: str, new: str) -> None:
    path = source / GUOFA
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1] == old, lines[line - 1]
    lines[line - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "old", "new", "column"),
    [
        (29, "\t预期性", "\t预期性。", 5),  # a stop after the row's last cell
        (26, "\t6.3", "\t6。3", 3),  # a value typed with the ideographic full stop
        (25, "\t每万人口发明专利拥有量（件）", "\t每万人口发明专利拥有量（件），", 16),  # a comma ending the first cell
    ],
)
def test_a_stop_in_a_cell_is_said_at_the_cell(tmp_path, line, old, new, column):
    stderr = refused_after(tmp_path, lambda source: damage_line(source, line, old, new))
    first = stderr.splitlines()[0]
    assert first.startswith(f"source_texts/{GUOFA}:{line}:{column}: expected a table cell"), stderr
    assert f"found {new.strip()!r}" in first, stderr
    assert "redirects.yaml" not in stderr and "which no document has" not in stderr, stderr
