"""A task's further paragraphs belong to the task: on its page, in tasks.json, and for a task numbered through
(66号), in the text its closing parenthetical is looked for in. Until session 37 the text of a task that is an item
or a subsection was its first line's alone: a paragraph after it (a scrape that broke the task's line, a
paragraph staff added) was on the document page but left off the task page and tasks.json without a word, and
a parenthetical broken onto a line of its own after a 66号 task was never read."""

from __future__ import annotations

import shutil

import pytest

from build_scripts.errors import BuildErrors, Collector
from build_scripts.extract import extract
from build_scripts.pipeline import load_corpus

from .helpers import FIXTURE, tiny_source

GLOBAL = {"numbering": {"items": "global"}}


def tasks_of(tmp_path, text, extra):
    source = tiny_source(tmp_path, text, extra=extra)
    shutil.copy(FIXTURE / "agencies.yaml", source / "agencies.yaml")
    errors = Collector()
    _, tasks, _ = extract(source, load_corpus(source, errors), errors)
    return {t.number: t for t in tasks}, errors


def test_an_items_further_paragraph_is_part_of_its_task(tmp_path):
    text = "一、任务\n1.甲任务。\n甲任务的第二段。\n2.乙任务。\n"
    tasks, errors = tasks_of(tmp_path, text, {"tasks": [{"kind": "item"}]})
    assert errors.errors == []
    assert tasks["一1"].text == "甲任务。\n甲任务的第二段。"
    assert tasks["一2"].text == "乙任务。"


def test_a_subsections_further_paragraph_is_part_of_its_task(tmp_path):
    text = "一、任务\n（一）建立体制。鼓励探索。\n加快培育服务机构。\n（二）完善机制。\n"
    tasks, errors = tasks_of(tmp_path, text, {"tasks": [{"kind": "subsection"}]})
    assert errors.errors == []
    assert [t.text for t in tasks.values()] == ["建立体制。鼓励探索。\n加快培育服务机构。", "完善机制。"]


def test_a_parenthetical_broken_onto_its_own_line_is_read(tmp_path):
    text = "一、总则\n1.甲任务。\n（知识产权局、工商总局负责）\n2.乙任务。（知识产权局负责）\n"
    tasks, errors = tasks_of(tmp_path, text, GLOBAL)
    assert errors.errors == []
    assert (tasks["1"].lead_agencies, tasks["1"].other_agencies, tasks["1"].text) == (("cnipa",), ("saic",), "甲任务。")


def test_a_paragraph_after_a_numbered_through_tasks_parenthetical_is_located(tmp_path):
    text = "一、总则\n1.甲任务。（知识产权局负责）\n加快培育服务机构。\n2.乙任务。（知识产权局负责）\n"
    _, errors = tasks_of(tmp_path, text, GLOBAL)
    said = [(e.location.line, e.location.column, e.message) for e in errors.errors]
    assert said == [
        (3, 10, "expected task 1 to end in a parenthetical like （A、B负责）, found '加快培育服务机构。'"),
    ], said


def test_a_second_parenthetical_on_a_line_of_its_own_is_located(tmp_path):
    text = "一、总则\n1.甲任务。（知识产权局负责）\n（工商总局负责）\n2.乙任务。（知识产权局负责）\n"
    _, errors = tasks_of(tmp_path, text, GLOBAL)
    said = [(e.location.line, e.location.column) for e in errors.errors]
    assert said == [(2, 7)], [e.message for e in errors.errors]
    assert "found two: （知识产权局负责）（工商总局负责）" in errors.errors[0].message


def test_the_real_tasks_are_unchanged(model):
    """None of the five texts has a paragraph after a task's first line (but for 86号's boxes and articles)."""
    tasks = {t.id: t for t in model.tasks}
    assert (
        tasks["guobanhan-2016-66-t4"].text
        == "放宽知识产权服务业准入，促进服务业优质高效发展，加快建设知识产权服务业集聚区。"
    )
    assert "\n" not in tasks["guobanfa-2016-106-2-1"].text


def test_a_damaged_real_text_builds_no_task_page_without_its_paragraph(tmp_path):
    from .helpers import copy_sources

    source = copy_sources(tmp_path)
    path = source / "guobanhan-2016-66.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("版权局负责）\n5.", "版权局负责）\n加快培育甲乙丙丁服务机构。\n5.", 1), encoding="utf-8"
    )
    from build_scripts.pipeline import generate

    with pytest.raises(BuildErrors) as caught:
        generate(source, tmp_path / "docs", write=False)
    assert any(
        e.location.line == 37 and "expected task 4 to end in a parenthetical" in e.message for e in caught.value.errors
    ), [str(e) for e in caught.value.errors]


def test_a_task_whose_number_was_lost_is_named_with_the_skip(tmp_path):
    """5. deleted from task 5's line: the skip was said at task 6 alone (38:1), the line that lost its number
    two lines up unnamed; it is named now, as a line that starts like 5 (58。) already was."""
    from .helpers import refused_after, replace

    stderr = refused_after(tmp_path, replace("guobanhan-2016-66.txt", "\n5.扩大专利代理", "\n扩大专利代理"))
    assert stderr.splitlines()[0] == (
        "source_texts/guobanhan-2016-66.txt:38:1: expected task 5 after task 4, found 6; line 37 "
        "('扩大专利代理领域开放，放宽对专利代理机构…') has no label: is it task 5 with its number lost?"
    ), stderr


def test_a_paragraph_under_a_task_is_not_named_when_more_than_one_is_missing(tmp_path):
    text = "一、总则\n1.甲任务。（知识产权局负责）\n乙任务。（知识产权局负责）\n4.丁任务。（知识产权局负责）\n"
    source = tiny_source(tmp_path, text, extra=GLOBAL)
    found = Collector()
    with pytest.raises(BuildErrors):
        load_corpus(source, found)
    assert [e.message for e in found.errors] == ["expected task 2 after task 1, found 4"]
