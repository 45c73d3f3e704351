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


def test_a_paragraph_after_a_numbered_through_tasks_parenthetical_is_a_warning_at_it(tmp_path):
    """A whole task (its parenthetical closed it), then a paragraph the numbering puts under it: the body's, most
    often its close (各地区、各部门要…) left without body_close_starts_at. Said at it; the task is its own line."""
    text = "一、总则\n1.甲任务。（知识产权局负责）\n\u3000\u3000加快培育服务机构。\n2.乙任务。（知识产权局负责）\n"
    tasks, errors = tasks_of(tmp_path, text, GLOBAL)
    assert errors.errors == [] and tasks["1"].text == "甲任务。"
    said = [(w.location.line, w.location.column, w.message) for w in errors.warnings]
    assert said == [
        (
            3,
            3,
            "expected a task or a heading after task 1's parenthetical, found a paragraph ('加快培育服务机构。'): it is "
            "on the document page, not on task 1's; if it closes the body, set body_close_starts_at: '加快培育服务机构。' "
            "in its documents.yaml entry",
        )
    ], said


def test_a_closing_paragraph_after_the_last_task_builds(tmp_path):
    """From session 37's review: the close of a task list (各地区、各部门要…) stopped the build, sent to add a
    parenthetical; with body_close_starts_at it is the body's close and nothing is said."""
    close = "各地区、各部门要高度重视，认真抓好落实。"
    text = f"一、总则\n1.甲任务。（知识产权局负责）\n2.乙任务。（知识产权局负责）\n{close}\n"
    tasks, errors = tasks_of(tmp_path, text, GLOBAL)
    assert errors.errors == [] and [w.location.line for w in errors.warnings] == [4]
    tasks, errors = tasks_of(tmp_path / "closed", text, {**GLOBAL, "body_close_starts_at": "各地区、各部门要"})
    assert errors.errors == [] and errors.warnings == [] and tasks["2"].text == "乙任务。"


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


def test_a_damaged_real_text_says_the_paragraph_left_off_the_task_page(tmp_path):
    from build_scripts.pipeline import generate

    from .helpers import copy_sources

    source = copy_sources(tmp_path)
    path = source / "guobanhan-2016-66.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("版权局负责）\n5.", "版权局负责）\n加快培育甲乙丙丁服务机构。\n5.", 1), encoding="utf-8"
    )
    result = generate(source, tmp_path / "docs", write=False)
    assert [(w.location.line, w.message[:41]) for w in result.warnings] == [
        (37, "expected a task or a heading after task 4")
    ], result.warnings


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        pytest.param(  # said at task 6 alone (38:1), the line that lost its number two lines up unnamed
            "guobanhan-2016-66.txt",
            "5.扩大专利代理",
            "source_texts/guobanhan-2016-66.txt:38:1: expected task 5 after task 4, found 6; line 37 "
            "('扩大专利代理领域开放，放宽对专利代理机构…') has no label: is it task 5 with its number lost?",
            id="task",
        ),
        pytest.param(  # 106号's subsections are one line each: the line, read as a paragraph of （一）, was unnamed
            "guobanfa-2016-106.txt",
            "（二）构建便民利民",
            "source_texts/guobanfa-2016-106.txt:22:1: expected subsection （二） after subsection （一）, found （三）; "
            "line 21 ('构建便民利民的知识产权公共服务体系。坚持…') has no label: is it subsection （二） with its number lost?",
            id="subsection (damaged-input review, session 40)",
        ),
    ],
)
def test_a_line_whose_number_was_lost_is_named_with_the_skip(tmp_path, name, label, expected):
    """A label deleted from a line: the skip is said at the next number, naming the line that lost it, as a
    line that starts like the label (58。) already was."""
    from .helpers import refused_after, replace

    words = label.lstrip("0123456789.（）一二三四五六七八九十")
    stderr = refused_after(tmp_path, replace(name, "\n" + label, "\n" + words))
    assert stderr.splitlines()[0] == expected, stderr


def test_a_subsection_with_paragraphs_of_its_own_is_not_named_when_the_next_label_is_lost(tmp_path):
    """25号's subsections have several paragraphs: which of them lost （二） is not guessed."""
    text = "一、总则\n（一）甲。\n第一段。\n第二段。\n（三）丙。\n"
    found = Collector()
    with pytest.raises(BuildErrors):
        load_corpus(tiny_source(tmp_path, text), found)
    assert [e.message for e in found.errors] == ["expected subsection （二） after subsection （一）, found （三）"]


def test_a_paragraph_under_a_task_is_not_named_when_more_than_one_is_missing(tmp_path):
    text = "一、总则\n1.甲任务。（知识产权局负责）\n乙任务。（知识产权局负责）\n4.丁任务。（知识产权局负责）\n"
    source = tiny_source(tmp_path, text, extra=GLOBAL)
    found = Collector()
    with pytest.raises(BuildErrors):
        load_corpus(source, found)
    assert [e.message for e in found.errors] == ["expected task 2 after task 1, found 4"]


def test_a_parenthetical_on_its_own_line_is_not_named_as_a_lost_task(tmp_path):
    """From session 37's review: the hint named '（知识产权局负责）', the line the task before ends with."""
    source = tiny_source(
        tmp_path, "一、总则\n1.甲任务。\n（知识产权局负责）\n3.丙任务。（知识产权局负责）\n", extra=GLOBAL
    )
    found = Collector()
    with pytest.raises(BuildErrors):
        load_corpus(source, found)
    assert [e.message for e in found.errors] == ["expected task 2 after task 1, found 3"]
