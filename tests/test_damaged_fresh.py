"""A second red team on copies of the real corpus: damage the other damage tests do not try, through the
real CLI (a located message with docs/ untouched, or a build in which nothing is lost)."""

from __future__ import annotations

import json

import pytest

from .helpers import generate_in, generated_copy, refused_after, replace, rewrite

GUOFA = "guofa-2016-86.txt"
CAPTION = "“十三五”知识产权保护和运用主要指标"


def test_a_table_header_run_on_into_its_first_row_is_said_as_a_missing_blank_line(tmp_path):
    """The blank line between the 86号 table's header and its first row deleted: it was said as 'expected
    table header cell 'no further cell', found '每万人口发明专利拥有量（件）'', as if a cell were named so."""
    stderr = refused_after(tmp_path, replace(GUOFA, "\t属性\n\n\t每万人口", "\t属性\n\t每万人口"))
    assert stderr.splitlines() == [
        f"source_texts/{GUOFA}:24:2: expected a blank line after the 5 header cells of table {CAPTION!r} "
        "(指标 … 属性), found '每万人口发明专利拥有量（件）': put a blank line before the first row",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


def test_a_table_header_cut_short_says_the_cell_it_lacks(tmp_path):
    """The header's last cell (属性) deleted: it was said as 'found 'the end of the header'', quoted as a cell."""
    stderr = refused_after(tmp_path, replace(GUOFA, "\t累计增加值\n\t属性\n\n", "\t累计增加值\n\n"))
    assert stderr.splitlines()[0] == (
        f"source_texts/{GUOFA}:22:2: expected table header cell '属性' after '累计增加值', found the end of the "
        f"header (a blank line): the header of table {CAPTION!r} has 5 cells, one a line"
    ), stderr


def test_a_mistyped_number_in_a_table_cell_is_said_as_the_cell_it_is(tmp_path):
    """6.3 typed 6..3 in the 86号 table: the cell starts like item 6.'s label, so the table ended before the row and
    its cells were read as the body's, said as 'expected the first item to be 1, found 6', of no table at all."""
    stderr = refused_after(tmp_path, replace(GUOFA, "\t6.3\n", "\t6..3\n"))
    assert stderr.splitlines() == [
        f"source_texts/{GUOFA}:26:2: expected the 2015年 cell of guofa-2016-86/table1/r1 to be a number in 件 or —, "
        "found '6..3'",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


LAST_LINE = (
    "各区县（自治县）人民政府、市级有关部门和有关单位要按照任务分工和要求，结合实际制定具体推进方案和措施。"
    "引入第三方机制，定期评估知识产权工作绩效。市政府督查室牵头，定期对本实施意见的执行情况进行专项督查，确保各项任务落到实处。"
)
BODY_START = "    body_starts_at: 知识产权制度是激励创新的基本保障。\n"


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        (
            BODY_START,
            BODY_START + "    closing_starts_at: 各区县（自治县）人民政府、市\n",
            "a line of the 落款 (documents.yaml's closing_starts_at)",
        ),
        (
            BODY_START + "    dropped_lines: []\n",
            BODY_START + f"    dropped_lines: [{LAST_LINE}]\n",
            "a dropped line (documents.yaml's dropped_lines)",
        ),
    ],
    ids=["closing_starts_at", "dropped_lines"],
)
def test_a_paragraph_documents_yaml_takes_out_of_the_body_says_where_it_went(tmp_path, old, new, where):
    """closing_starts_at set at the last paragraph of 渝府发25号 (三（四）各区县…), or that line listed in
    dropped_lines: its clause left the body, and the message asked for a redirects.yaml entry for a 'removed
    clause' with no word of where it went or why."""
    stderr = refused_after(tmp_path, replace("documents.yaml", old, new))
    assert stderr.splitlines() == [
        "source_texts/yufufa-2016-25.txt:92:1: expected a redirects.yaml entry for removed clause "
        f"yufufa-2016-25/3-4/p1 (new id or retired note), found none; its words are now {where}, not a clause; "
        "the entry serves its 3 sentence(s) too",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


YUFUFA = "yufufa-2016-25.txt"


@pytest.mark.parametrize(("codec", "name"), [("hz", "HZ"), ("utf-7", "UTF-7")])
def test_a_text_in_an_encoding_that_writes_chinese_in_ascii_is_said_so_at_the_text(tmp_path, codec, name):
    """渝府发25号 saved as HZ (~{…~}, old e-mail and Usenet Chinese) or UTF-7 (+…-): all ASCII, it read as UTF-8
    without a Chinese character, and was said only in documents.yaml ('expected a line starting with
    body_starts_at … in yufufa-2016-25.txt, found none'), with no word of the file's encoding."""
    damage = rewrite(YUFUFA, lambda data: data.decode("utf-8").encode(codec))
    stderr = refused_after(tmp_path, damage)
    assert stderr.splitlines() == [
        f"source_texts/{YUFUFA}:1:1: expected UTF-8 (or GBK) text, found {name}, which writes Chinese in ASCII; "
        "save it as UTF-8",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


def test_a_table_caption_twice_in_the_text_is_said_at_the_second(tmp_path):
    """The 86号 table's caption typed again as a line after it, before 三、主要任务: it was read as a second
    table, said as 'expected table header cell '指标', found '三、主要任务'', and the headings after it as out of
    order (3 problems), with no word of the caption standing twice."""
    stderr = refused_after(tmp_path, replace(GUOFA, "\n三、主要任务\n", f"\n{CAPTION}\n三、主要任务\n"))
    assert stderr.splitlines() == [
        f"source_texts/{GUOFA}:88:1: expected the caption {CAPTION!r} (of a table in documents.yaml's tables) "
        "once, found it again (first at line 18)",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


def test_a_number_found_again_names_the_line_of_the_first(tmp_path):
    """A stray line 专栏1 in the 86号 table (row 1's name replaced): the table ended there and the real 专栏1, 73
    lines on, was said as 'expected box 专栏2 after box 专栏1, found 专栏1 again', with no word of line 25, where
    the damage stands; the first is now named."""
    stderr = refused_after(tmp_path, replace(GUOFA, "\t每万人口发明专利拥有量（件）\n", "\t专栏1　知识产权\n"))
    assert stderr.splitlines() == [
        f"source_texts/{GUOFA}:98:2: expected box 专栏2 after box 专栏1, found 专栏1 again (first at line 25)",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


@pytest.mark.parametrize("typed", ["5 ．", "5 、", "5\u3000."])
def test_a_space_before_a_task_numbers_mark_is_quoted_with_the_mark(tmp_path, typed):
    """5 ．扩大… (a space typed before the full-width stop) was said as "found '5', not a label: write 5.": the
    line looks like 5. in an editor, and the message quoted neither the space nor the mark to take out."""
    stderr = refused_after(tmp_path, replace("guobanhan-2016-66.txt", "\n5.扩大", f"\n{typed}扩大"))
    shown = typed.replace("\u3000", " ")  # as cleaned: one space
    assert stderr.splitlines() == [
        f"source_texts/guobanhan-2016-66.txt:37:1: expected task 5. after task 4., found {shown!r}, not a label: "
        "write 5.",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


def test_a_table_listed_twice_in_documents_yaml_is_said_at_the_second(tmp_path):
    """Two tables entries of one caption: the parse keeps one spec per caption (the last), so the first one's
    columns were dropped unsaid, and nothing was said of the repeat."""
    columns = "        columns: [指标, 2015年, 2020年, 累计增加值, 属性]\n"
    again = f"      - caption: {CAPTION}\n        columns: [指标, 2020年, 属性]\n"
    stderr = refused_after(tmp_path, replace("documents.yaml", columns, columns + again))
    assert stderr.splitlines() == [
        f"source_texts/documents.yaml:81:18: expected each table caption of a document once, found {CAPTION!r} "
        "again (first at line 79)",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


@pytest.mark.parametrize(
    ("written", "found", "column"),
    [
        ("（知识产权局，中央编办，工商总局，版权局负责）", "知识产权局，中央编办，工商总局，版权局", 42),
        ("（知识产权局、中央编办、工商总局和版权局负责）", "工商总局和版权局", 53),
    ],
    ids=["commas", "和"],
)
def test_agencies_run_together_in_a_parenthetical_are_said_to_be_several(tmp_path, written, found, column):
    """66号 task 3's agencies separated by ， (or the last two joined by 和): said as one unknown agency, with no
    word that each of its parts is a known one and only the separator is wrong."""
    old = "（知识产权局、中央编办、工商总局、版权局负责）"
    stderr = refused_after(tmp_path, replace("guobanhan-2016-66.txt", old, written))
    assert stderr.splitlines() == [
        f"source_texts/guobanhan-2016-66.txt:34:{column}: expected an agency name or short name from agencies.yaml, "
        f"found {found!r}: agencies of agencies.yaml run together; separate them with 、",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


def test_a_removed_line_whose_words_a_dropped_line_holds_is_not_said_to_be_dropped(tmp_path):
    """59号's signature line 国家知识产权局 deleted: the message said 'its words are now a dropped line', as the
    web page's footer dropped in documents.yaml (…主办单位: 国家知识产权局 | …) holds those words among others."""
    stderr = refused_after(
        tmp_path, replace("guozhifaguanzi-2015-59.txt", "特此通知。\n\n国家知识产权局\n", "特此通知。\n\n")
    )
    assert stderr.splitlines()[0] == (
        "source_texts/guozhifaguanzi-2015-59.txt:19:1: expected a redirects.yaml entry for removed clause "
        "guozhifaguanzi-2015-59/pre8 (new id or retired note), found none"
    ), stderr


def test_two_swapped_cells_of_an_indicator_row_are_warned_of_at_the_row(tmp_path):
    """Row 1 of the 86号 table with its 2020年 and 累计增加值 lines swapped (6.3, 5.7, 12): published without a word
    as a target of 5.7 件 from 6.3, an increase of 12. Every row of the real table adds up (2015年 + 累计增加值 =
    2020年), so one that does not is said, as a warning: the build goes on, nothing is lost."""
    source = generated_copy(tmp_path)
    replace(GUOFA, "\t6.3\n\t12\n\t5.7\n", "\t6.3\n\t5.7\n\t12\n")(source)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (
        f"source_texts/{GUOFA}:26:2: warning: expected the 2015年 and 累计增加值 cells of guofa-2016-86/table1/r1 to add "
        "up to its 2020年 cell (5.7), found 6.3 + 12 = 18.3: a value mistyped, or two cells swapped?"
    ) in proc.stderr.splitlines(), proc.stderr


@pytest.mark.parametrize(
    "invisible",
    ["\u200d", "\u00ad", "\u200b", "\u200f"],
    ids=["zero-width joiner", "soft hyphen", "zero-width space", "right-to-left mark"],
)
def test_a_web_pages_line_with_an_invisible_character_is_dropped_as_documents_yaml_lists_it(tmp_path, invisible):
    """59号's 打印 and 关闭窗口 lines, as a scraped page leaves them: with a character no editor shows. They were
    never dropped ('expected dropped line '打印' in …, found no such line'), and staff could not list them
    otherwise: documents.yaml refuses such a character in a value. The open data keeps each line as written."""
    source = generated_copy(tmp_path)
    before = (tmp_path / "docs/data/clauses.json").read_bytes()
    replace("guozhifaguanzi-2015-59.txt", "\n打印\n\n关闭窗口\n", f"\n打{invisible}印\n\n{invisible}关闭窗口\n")(source)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "docs/data/clauses.json").read_bytes() == before
    documents = json.loads((tmp_path / "docs/data/documents.json").read_text(encoding="utf-8"))
    dropped = next(d["dropped_lines"] for d in documents if d["id"] == "guozhifaguanzi-2015-59")
    assert [line["text"] for line in dropped][1:3] == [f"打{invisible}印", f"{invisible}关闭窗口".strip()]


@pytest.mark.parametrize(
    "listed", ["Close Window", "CloseWindow"], ids=["as the build quotes it", "as an editor shows it"]
)
def test_a_web_pages_line_with_a_zero_width_space_is_dropped_as_read_or_as_seen(tmp_path, listed):
    """A zero-width space is a space to the cleaner (Close\u200bWindow is quoted 'Close Window') and nothing to an
    editor (CloseWindow): documents.yaml may list the line either way. Listed as quoted, it was dropped until
    the invisible characters were taken out of the line before its spaces were read (b4a5813), then refused as
    'found no such line'."""
    source = generated_copy(tmp_path)
    replace("guozhifaguanzi-2015-59.txt", "\n关闭窗口\n", "\nClose\u200bWindow\n")(source)
    replace("documents.yaml", "      - 关闭窗口\n", f"      - {listed}\n")(source)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    documents = json.loads((tmp_path / "docs/data/documents.json").read_text(encoding="utf-8"))
    dropped = next(d["dropped_lines"] for d in documents if d["id"] == "guozhifaguanzi-2015-59")
    assert {"line": 112, "text": "Close\u200bWindow"} in dropped, dropped
