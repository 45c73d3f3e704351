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
        (25, "\t每万人口发明专利拥有量（件）", "\t每万人口发明专利拥有量（件）,", 16),  # … typed half-width
    ],
)
def test_a_stop_in_a_cell_is_said_at_the_cell(tmp_path, line, old, new, column):
    stderr = refused_after(tmp_path, lambda source: damage_line(source, line, old, new))
    first = stderr.splitlines()[0]
    assert first.startswith(f"source_texts/{GUOFA}:{line}:{column}: expected a table cell"), stderr
    cleaned = new.strip().replace(",", "，")
    assert f"found {cleaned!r}" in first, stderr
    fix = "write '6.3'" if cleaned == "6。3" else "take it out"
    assert first.endswith(f"a stop in a cell ends the table; {fix}"), stderr
    assert "redirects.yaml" not in stderr and "which no document has" not in stderr, stderr


WORDS_TABLE = "一、总体要求\n（一）目标。正文。\n重点工程表\n工程名称\n牵头单位\n\n甲工程\n发展改革委\n\n乙工程\n科技部\n\n{after}"
WORDS_SPEC = {"tables": [{"caption": "重点工程表", "columns": ["工程名称", "牵头单位"]}]}


def _load(tmp_path, after):
    from build_scripts.errors import BuildErrors, Collector
    from build_scripts.pipeline import load_corpus

    from .helpers import tiny_source

    found = Collector()
    try:
        corpus = load_corpus(tiny_source(tmp_path, WORDS_TABLE.format(after=after), extra=WORDS_SPEC), found)
    except BuildErrors:
        return None, found
    return corpus.documents[0], found


def test_prose_after_a_table_of_words_ends_it(tmp_path):
    """From session 37's review: a table with no column of numbers cannot tell a damaged row from two lines of
    prose by its cells; with no row of it after them, they are the body's (a heading, then a sentence)."""
    document, found = _load(tmp_path, "有关要求\n各区县要认真落实。\n")
    assert document is not None, [str(e) for e in found.errors]
    rows = [c.id for c in document.clauses if c.kind.value == "table_row"]
    assert rows == ["test-2020-1/table1/r1", "test-2020-1/table1/r2"]
    assert any(c.text == "各区县要认真落实。" for c in document.clauses)


def test_a_stop_in_a_row_of_a_table_of_words_is_said_when_a_row_follows(tmp_path):
    _, found = _load(tmp_path, "丙工程。\n财政部\n\n丁工程\n商务部\n")
    assert [(e.location.line, e.location.column) for e in found.errors] == [(13, 4)], [str(e) for e in found.errors]


def test_two_stops_in_a_row_are_each_said_at_their_cell(tmp_path):
    """Session 37 left a row with two stops in its cells to end the table (the old cascade of messages about
    what followed); each stop is said at its cell now, and nothing else."""

    def damage(source):
        damage_line(source, 26, "\t6.3", "\t6。3")
        damage_line(source, 29, "\t预期性", "\t预期性。")

    stderr = refused_after(tmp_path, damage)
    located = [line for line in stderr.splitlines() if line.startswith("source_texts/")]
    assert [line.split(": expected")[0] for line in located] == [
        f"source_texts/{GUOFA}:26:3",
        f"source_texts/{GUOFA}:29:5",
    ], stderr
    assert "redirects.yaml" not in stderr and "which no document has" not in stderr, stderr
