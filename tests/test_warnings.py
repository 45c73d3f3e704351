"""Warnings: located doubts about a text that do not stop the build (README: Warnings). A sentence broken
across two lines, as text pasted from a PDF has, is one: staff may mean the line (a heading outside the
numbering, 附件, a list of names), so it is said, ``path:line:column: warning: expected …, found …``,
and the build goes on, its exit status and docs/ as without it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.errors import Collector
from build_scripts.pipeline import load_corpus

from .helpers import FIXTURE, ROOT, SOURCE, generate_in, mkdocs_config, run_cli, tiny_source

# One warning as the CLI prints it, run in the folder holding source_texts/.
WARNED = re.compile(r"^source_texts/[^:\s]+:[1-9]\d*:[1-9]\d*: warning: expected .+, found .+$", re.MULTILINE)
EXPECTED = "expected a line ending in 。！？；： or a closing bracket or quote, or the next line joined to it"

# Line 3 is broken (an ideographic space after it, as a PDF's copy may leave).
BROKEN = "测试文件\n一、总体要求\n\u3000\u3000各地区要加强\u3000\n组织领导。\n二、主要任务\n（一）完善制度。\n"


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line]


def test_the_real_texts_give_no_warnings():
    """Staff see none on a normal build: the live texts and the frozen corpus the tests copy."""
    for source in (SOURCE, FIXTURE):
        found = Collector()
        load_corpus(source, found)
        assert [str(warning) for warning in found.warnings] == [], source


def test_check_of_the_real_texts_says_nothing_on_stderr():
    proc = run_cli("check", "--source", "source_texts", "--docs", "docs", cwd=ROOT)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


def test_a_sentence_broken_across_two_lines_is_one_warning_and_the_build_goes_on(tmp_path):
    """At the broken line, its last character's column (line 3 is 　　各地区要加强　: the 强 is column 8)."""
    tiny_source(tmp_path, BROKEN)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert _warnings(proc.stderr) == [
        f"source_texts/test-2020-1.txt:3:8: warning: {EXPECTED}, found '各地区要加强' at its end"
    ]
    assert WARNED.match(_warnings(proc.stderr)[0])
    assert proc.stderr.splitlines()[-1] == "1 warning(s) found; they stop nothing: see each line above.", proc.stderr
    page = (tmp_path / "docs/documents/test-2020-1.md").read_text(encoding="utf-8")
    assert ">各地区要加强<" in page and ">组织领导。<" in page  # both halves kept, as two paragraphs


def test_a_long_line_is_quoted_by_its_end(tmp_path):
    tiny_source(tmp_path, "一、总体要求\n各地区各部门要把知识产权工作摆在更加突出的位置，切实加强\n组织领导。\n")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert _warnings(proc.stderr) == [
        f"source_texts/test-2020-1.txt:2:28: warning: {EXPECTED}, found '…更加突出的位置，切实加强' at its end"
    ]


def test_check_prints_the_warning_too(tmp_path):
    tiny_source(tmp_path, BROKEN)
    assert generate_in(tmp_path).returncode == 0  # the records check compares with
    proc = run_cli("check", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("ok: 1 documents"), proc.stdout
    assert len(_warnings(proc.stderr)) == 1 and "test-2020-1.txt:3:8: warning: " in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_build_prints_the_warning_and_its_count_last(tmp_path):
    tiny_source(tmp_path, BROKEN)
    config = mkdocs_config(tmp_path / "docs", tmp_path / "site")
    proc = run_cli("build", "--source", "source_texts", "--docs", "docs", "--config-file", str(config), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert (tmp_path / "site/index.html").is_file()
    assert len(_warnings(proc.stderr)) == 1, proc.stderr
    assert proc.stderr.splitlines()[-1] == "1 warning(s) found; they stop nothing: see each line above.", proc.stderr


def test_the_same_warning_on_a_build_from_the_cache(tmp_path):
    """A parse kept in .cache/ is not run again: the warning is found all the same."""
    tiny_source(tmp_path, BROKEN)
    first = generate_in(tmp_path)
    again = generate_in(tmp_path)
    assert _warnings(first.stderr) == _warnings(again.stderr) and len(_warnings(again.stderr)) == 1, again.stderr


def test_a_chapter_heading_is_a_chapter_not_a_warning(tmp_path):
    """第一章 总则, its label followed by a space (as printed) or ending the line, is a chapter of the grammar."""
    tiny_source(tmp_path, "第一章 总则\n第一条 为了加强保护，制定本办法。\n第二章 保护\n第二条 加强执法。\n")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


def test_a_heading_the_grammar_does_not_read_is_a_warning_not_an_error(tmp_path):
    """第二章保护, without the space, is prose to the grammar (第二章规定的行为… is a sentence): an unnumbered
    line after the first numbered part that ends in no stop, so a warning, and the line is kept."""
    tiny_source(tmp_path, "第一章 总则\n第一条 为了加强保护，制定本办法。\n第二章保护\n第二条 加强执法。\n附件\n")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert _warnings(proc.stderr) == [
        f"source_texts/test-2020-1.txt:3:5: warning: {EXPECTED}, found '第二章保护' at its end",
        f"source_texts/test-2020-1.txt:5:2: warning: {EXPECTED}, found '附件' at its end",
    ]
    assert proc.stderr.splitlines()[-1] == "2 warning(s) found; they stop nothing: see each line above."
    page = (tmp_path / "docs/documents/test-2020-1.md").read_text(encoding="utf-8")
    assert ">第二章保护<" in page and ">附件<" in page


def test_lines_before_the_first_numbered_part_are_not_warned_of(tmp_path):
    """A title, 文号 and addressees end in no stop: the rule starts at the first numbered part."""
    tiny_source(tmp_path, "测试文件\n测发〔2020〕1号\n各省、自治区、直辖市人民政府\n一、总体要求\n加强保护。\n")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr


def test_a_failed_run_counts_its_warnings_and_says_its_problems(tmp_path):
    """A run that stops says its problems; its warnings, often their consequence (a tables entry that does
    not read makes each cell of the table a line ending in no stop), are counted, said by the run that goes on."""
    source = tiny_source(tmp_path, BROKEN)
    entries = (source / "documents.yaml").read_text(encoding="utf-8")
    second = entries.split("documents:\n", 1)[1].replace("test-2020-1", "test-2020-2").replace("〕1号", "〕2号")
    (source / "documents.yaml").write_text(entries + second, encoding="utf-8")
    (source / "test-2020-2.txt").write_text("一、总体要求\n三、主要任务\n", encoding="utf-8")
    proc = generate_in(tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.splitlines() == [
        "source_texts/test-2020-2.txt:2:1: expected section 二、 after section 一、, found 三、",
        "1 problem(s) found (and 1 warning(s), said once the problems are fixed); docs/ was not changed.",
    ]
    assert not (tmp_path / "docs").exists()


def test_a_run_docs_cannot_be_written_for_counts_its_warnings(tmp_path):
    """docs/ a file (or any write refused, OutputError): the run said the write's problem and dropped the
    warnings its texts gave, as if there were none; they are counted, as a run stopped by problems counts them."""
    tiny_source(tmp_path, BROKEN)
    (tmp_path / "docs").write_text("not a folder\n", encoding="utf-8")
    proc = generate_in(tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.splitlines() == [
        "docs:1:1: expected a folder to write pages into, found a file",
        "docs/ was not changed.",
        "1 warning(s) found, said once docs/ can be written.",
    ]


def test_a_warning_is_located_as_an_error_is():
    from build_scripts.errors import SourceWarning

    warning = SourceWarning(Path("source_texts/x.txt"), 4, 7, "expected a, found b")
    assert str(warning) == "source_texts/x.txt:4:7: warning: expected a, found b"
    assert (warning.location.line, warning.location.column) == (4, 7)


def test_the_column_is_the_last_characters_before_spaces_and_invisible_marks():
    from build_scripts.doubts.line_breaks import last_column

    assert last_column("各地区要加强") == 6
    assert last_column("\u3000\u3000各地区要加强\u3000 \t\u200d") == 8
    assert last_column("") == 1


CLOSING_HINT = "; the text's last lines look like its 落款 (issuer, date): set closing_starts_at: {start!r} in its documents.yaml entry"


def _warned(tmp_path: Path, text: str) -> list[str]:
    found = Collector()
    load_corpus(tiny_source(tmp_path, text), found)
    return [str(warning).split("test-2020-1.txt", 1)[1] for warning in found.warnings]


@pytest.mark.parametrize(
    ("issuer", "cleaned"),
    [
        ("测试机关", "测试机关"),
        ("重庆市知识产权局", "重庆市知识产权局"),
        ("中共测试市委 测试市政府", "中共测试市委测试市政府"),
    ],
)
def test_a_closing_signature_left_in_the_body_says_to_set_closing_starts_at(tmp_path, issuer, cleaned):
    """A new document without closing_starts_at: its issuer and date, the text's last lines, were two line-break
    warnings that said to join each to the next line; they say to set closing_starts_at too (its value quoted as
    the line reads after cleaning, as closing_starts_at is matched), the warning otherwise unchanged. The issuer
    is the entry's (测试机关) or a body's name."""
    hint = CLOSING_HINT.format(start=cleaned)
    assert _warned(tmp_path, f"一、总体要求\n加强保护。\n{issuer}\n2020年3月1日\n") == [
        f":3:{len(issuer)}: warning: {EXPECTED}, found {cleaned!r} at its end{hint}",
        f":4:9: warning: {EXPECTED}, found '2020年3月1日' at its end{hint}",
    ]
    found = Collector()  # done as said, the warnings are gone and the lines are the 落款
    text = f"一、总体要求\n加强保护。\n{issuer}\n2020年3月1日\n"
    corpus = load_corpus(tiny_source(tmp_path / "fixed", text, extra={"closing_starts_at": cleaned}), found)
    assert found.warnings == [] and [line.number for line in corpus.documents[0].closing] == [3, 4]


@pytest.mark.parametrize(
    "text",
    [
        "一、总体要求\n测试机关\n2020年3月1日\n加强保护。\n",  # not the text's last lines
        "一、总体要求\n加强保护。\n附件\n2020年3月1日\n",  # no issuer before the date
        "一、总体要求\n加强保护。\n测试机关\n附件\n",  # no date
    ],
)
def test_lines_that_are_no_closing_signature_keep_the_plain_warning(tmp_path, text):
    warned = _warned(tmp_path, text)
    assert warned and all(message.endswith("at its end") for message in warned), warned
