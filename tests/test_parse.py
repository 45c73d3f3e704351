"""The parser on tiny texts: every level of the grammar, ids from numbering, not position."""

from __future__ import annotations

import contextlib

import pytest

from build_scripts.errors import BuildErrors, Collector
from build_scripts.pipeline import load_corpus

from .helpers import tiny_source, unkept

TEXT = """
一、总则
（一）目标。到2020年取得进展；建立体系。
1．第一项。
（1）第一目。
（2）第二目。
2.第二项。
未编号的段落。
专栏1 示范工程
工程内容。
二、附则
(一) 附加条款
"""


def _ids(tmp_path, text):
    corpus = load_corpus(tiny_source(tmp_path, text), Collector())
    return {c.id: c for c in corpus.documents[0].clauses}


def test_every_level_of_the_grammar(tmp_path):
    clauses = _ids(tmp_path, TEXT)
    kinds = {i.split("/", 1)[1]: c.kind.value for i, c in clauses.items() if c.kind.value != "sentence"}
    assert kinds == {
        "1": "section",
        "1-1": "subsection",
        "1-1-1": "item",
        "1-1-1-1": "subitem",
        "1-1-1-2": "subitem",
        "1-1-2": "item",
        "1-1-2/p1": "paragraph",
        "box1": "box",
        "box1/p1": "paragraph",
        "2": "section",
        "2-1": "subsection",
    }
    assert clauses["test-2020-1/1-1/s2"].text == "到2020年取得进展；"
    assert clauses["test-2020-1/1-1-1-2"].number_path == ("一、", "（一）", "1．", "（2）")
    assert clauses["test-2020-1/box1"].parent == "test-2020-1/1-1"


def test_inserting_a_paragraph_moves_no_numbered_id(tmp_path):
    before = _ids(tmp_path / "a", TEXT)
    after = _ids(tmp_path / "b", TEXT.replace("2.第二项。", "插入的段落。\n2.第二项。"))
    numbered = {i for i, c in before.items() if c.label}
    assert numbered <= set(after)
    assert all(after[i].text == before[i].text for i in numbered)
    assert after["test-2020-1/1-1-1-2/p1"].text == "插入的段落。"
    assert after["test-2020-1/1-1-2/p1"].text == "未编号的段落。"  # only later unnumbered siblings shift


def _errors(tmp_path, text):
    errors = Collector()
    with contextlib.suppress(BuildErrors):  # the messages are what is checked
        load_corpus(tiny_source(tmp_path, text), errors)
    return [f"{e.location.line}: {e.message}" for e in errors.errors]


SLIPS = {  # items of 一、 → the one message each slip gives (lines count from 1: 一、 is line 1)
    "2 3 4 5": ["2: expected the first item to be 1, found 2"],
    "1 2 2 4": ["4: expected item 3 after item 2, found 2 again (first at line 3)"],  # 3 misnumbered
    "1 2 2 3": ["4: expected item 3 after item 2, found 2 again (first at line 3)"],  # an extra 2
    "1 2 4 5": ["4: expected item 3 after item 2, found 4"],  # 3 missing
    "1 2 9 4": ["4: expected item 3 after item 2, found 9"],  # 3 misnumbered
    "1 2 4 4 6": ["4: expected item 3 after item 2, found 4", "6: expected item 5 after item 4, found 6"],  # two slips
}


@pytest.mark.parametrize("numbers", SLIPS)
def test_one_slip_in_a_numbering_gives_one_message_not_one_per_later_number(tmp_path, numbers):
    items = "".join(f"{n}.第{k}项。\n" for k, n in enumerate(numbers.split(), start=1))
    assert _errors(tmp_path, "一、总则\n" + items) == SLIPS[numbers]


SUBITEMS = {  # a sub-item's label （n） → what it gives (lines count from 1: 一、 is line 1)
    "going on from （1）, （二） due": ("（一）目标。\n（1）甲。\n（2）乙。\n（二）措施。\n", []),
    "（二） typed （2）": (
        "（一）目标。\n（2）措施。\n（三）其他。\n",
        ["3: expected subsection （二） after subsection （一）, found '（2）', a sub-item's label: write （二）"],
    ),
    "2. typed （2）": (
        "1.甲。\n（2）乙。\n3.丙。\n",
        ["3: expected item 2. after item 1., found '（2）', a sub-item's label: write 2."],
    ),
    "nothing due 3": ("（一）目标。\n（3）甲。\n", ["3: expected the first sub-item to be （1）, found （3）"]),
}


@pytest.mark.parametrize("case", SUBITEMS)
def test_a_sub_item_label_where_another_numbering_is_due_is_said_once(tmp_path, case):
    """（2） where no sub-item can start and （二） (or 2.) is due was 'expected the first sub-item to be （1）',
    and a second message at the next label of the numbering meant; a （2） after （1） is a sub-item."""
    text, expected = SUBITEMS[case]
    assert _errors(tmp_path, "一、总则\n" + text) == expected


def test_two_numberings_under_one_heading_would_share_ids_and_are_refused(tmp_path):
    text = "一、总则\n（一）目标。\n（1）第一目。\n1.第一项。\n2.第二项。\n"
    assert _errors(tmp_path, text) == [
        "4: expected one kind of numbering per level, found item 1. after sub-item （1） of line 3: "
        "both would be clause test-2020-1/1-1-1"
    ]


CLOSING_TEXT = """\
一、总则
（一）目标。正文第一段。
二、措施
正文第二段。
四川省知识产权局
2017年3月1日
"""


def test_the_closing_signature_is_the_documents_not_a_clause(tmp_path):
    """落款 (issuing body and date after the body), named by closing_starts_at: kept with its line
    numbers in the document's metadata and shown under the text, not a paragraph of 二、."""
    import json

    from build_scripts.pipeline import generate

    from .helpers import tiny_source

    source = tiny_source(tmp_path, CLOSING_TEXT, extra={"closing_starts_at": "四川省知识产权局"})
    result = generate(source, tmp_path / "docs", write=False)
    document = result.site.corpus.documents[0]
    assert [(line.number, line.text) for line in document.closing] == [(5, "四川省知识产权局"), (6, "2017年3月1日")]
    assert all("四川省知识产权局" not in clause.text for clause in document.clauses)
    assert document.clauses[-1].text.startswith("正文第二段")
    pages = {o.path: unkept(o.content) for o in result.outputs}
    assert (
        '<div class="closing" id="closing" role="note" aria-label="落款"><p>四川省知识产权局</p><p>2017年3月1日</p></div>'
        in pages["documents/test-2020-1.md"]
    )
    (record,) = json.loads(pages["data/documents.json"])
    assert record["closing_lines"] == [{"line": 5, "text": "四川省知识产权局"}, {"line": 6, "text": "2017年3月1日"}]


NOTICE_TEXT = """\
关于印发《测试文件

实施方案》的通知
测发〔2020〕1号
各有关单位：
现将《测试》印发给你们。
测试机关
2020年1月2日
测试文件
实施方案
一、总则
正文第一段。
"""


def test_titles_the_number_and_the_signature_are_set_as_printed(tmp_path):
    """A 公文 prints its title centred (here over two lines), its 文号 under it and its 落款 to the right,
    and the plan it issues under its own title: the page marks those lines so (the 主送 and the text
    stay plain), and keeps each line a clause with its own link."""
    import re

    from build_scripts.pipeline import generate

    extra = {"title": "测试机关关于印发《测试文件实施方案》的通知", "body_starts_at": "测试文件"}
    source = tiny_source(tmp_path, NOTICE_TEXT, extra=extra)
    page = {o.path: unkept(o.content) for o in generate(source, tmp_path / "docs", write=False).outputs}[
        "documents/test-2020-1.md"
    ]
    lines = re.findall(r'<p class="clause clause-[a-z]+ ?([^"]*)" id="([a-z0-9-]+)"[^>]*>(?:<[^>]+>)*([^<]*)', page)
    assert lines == [
        ("layout-title", "pre1", "关于印发《测试文件"),
        ("layout-title", "pre2", "实施方案》的通知"),
        ("layout-number", "pre3", "测发〔2020〕1号"),
        ("", "pre4", "各有关单位："),
        ("", "pre5", "现将《测试》印发给你们。"),
        ("layout-signature", "pre6", "测试机关"),
        ("layout-signature", "pre7", "2020年1月2日"),
        ("layout-title", "p1", "测试文件"),
        ("layout-title", "p2", "实施方案"),
        ("", "c1-p1", "正文第一段。"),
    ]


def test_a_masthead_and_number_above_the_title_and_the_issuer_as_masthead_or_signature(tmp_path):
    """Printed as GB/T 9704 sets a 公文: the masthead (发文机关标志) and the 文号 above the title; the issuer
    alone is a masthead before the notice's text and its 落款 after it."""
    from build_scripts.layout import line_layouts
    from build_scripts.pipeline import generate

    text = "测试机关文件\n测发〔2020〕1号\n测试机关关于印发\n测试方案的通知\n各有关单位：\n测试机关\n二○二○年一月二日\n一、总则\n正文第一段。\n"
    extra = {"title": "测试机关关于印发测试方案的通知", "body_starts_at": "一、总则"}
    document = generate(tiny_source(tmp_path, text, extra=extra), tmp_path / "docs", write=False).site.corpus.documents[
        0
    ]
    layouts = line_layouts(document)
    assert [layouts.get(c.id, "") for c in document.clauses if c.kind.value == "preamble"] == [
        "masthead",
        "number",
        "title",
        "title",
        "",
        "signature",
        "signature",
    ]


def test_a_line_that_only_shares_a_word_with_the_title_is_no_title(tmp_path):
    from build_scripts.layout import line_layouts
    from build_scripts.pipeline import generate

    from .helpers import tiny_source

    text = "测试\n各有关单位：\n一、总则\n正文第一段。\n"
    source = tiny_source(tmp_path, text, extra={"title": "测试文件", "body_starts_at": "一、总则"})
    document = generate(source, tmp_path / "docs", write=False).site.corpus.documents[0]
    assert [c.text for c in document.clauses[:2]] == ["测试", "各有关单位："]
    assert line_layouts(document) == {}


def test_a_closing_start_not_found_is_a_located_error(tmp_path):
    from build_scripts.errors import BuildErrors
    from build_scripts.pipeline import generate

    from .helpers import tiny_source

    source = tiny_source(tmp_path, CLOSING_TEXT, extra={"closing_starts_at": "重庆市人民政府"})
    with pytest.raises(BuildErrors) as caught:
        generate(source, tmp_path / "docs", write=False)
    (error,) = caught.value.errors
    assert str(error) == (  # at the value (it stood at the entry's '- slug:', line 2)
        f"{source / 'documents.yaml'}:13:22: expected a line starting with closing_starts_at '重庆市人民政府' after the "
        "body of test-2020-1.txt, found none"
    )


CLOSE_TEXT = """\
一、总体要求
（一）目标。正文第一段。
二、组织实施
（一）加强领导。各地要加强领导。
（二）做好评估。要做好评估。
各有关部门要按照本方案精神，抓好落实。要及时总结。
结束语的第二段。
"""


def test_the_bodys_closing_paragraphs_stand_after_its_last_part_not_in_it(tmp_path):
    """body_close_starts_at: 各有关部门要按照本方案精神… closes the plan; without it the paragraph reads
    as a second paragraph of 二（二）, and is cited so (国办发〔2016〕106号's close was, before)."""
    from build_scripts.citation import positions

    assert _ids(tmp_path / "a", CLOSE_TEXT)["test-2020-1/2-2/p1"].parent == "test-2020-1/2-2"
    source = tiny_source(tmp_path / "b", CLOSE_TEXT, extra={"body_close_starts_at": "各有关部门要按照本方案精神"})
    document = load_corpus(source, Collector()).documents[0]
    clauses = {c.id: c for c in document.clauses}
    assert [(i, c.parent) for i, c in clauses.items() if c.kind.value == "paragraph"] == [
        ("test-2020-1/p1", None),
        ("test-2020-1/p2", None),
    ]
    assert clauses["test-2020-1/p1/s2"].text == "要及时总结。"
    assert "test-2020-1/2-2/p1" not in clauses and clauses["test-2020-1/2-2/s2"].text == "要做好评估。"
    # after the numbered parts: the body's close, not its first paragraphs (citation.closing_paragraphs)
    assert positions(document)["test-2020-1/p1"] == "正文结尾第1段"
    assert positions(document)["test-2020-1/p2/s1"] == "正文结尾第2段第1句"


def test_a_body_close_not_found_is_a_located_error_at_its_value(tmp_path):
    source = tiny_source(tmp_path, CLOSE_TEXT, extra={"body_close_starts_at": "各地区要"})
    with pytest.raises(BuildErrors) as caught:
        load_corpus(source, Collector())
    assert [str(error) for error in caught.value.errors] == [
        f"{source / 'documents.yaml'}:13:25: expected a line starting with body_close_starts_at '各地区要' in the body "
        "of test-2020-1.txt, found none"
    ]


def test_a_line_both_closing_keys_name_is_said_as_such_not_as_missing(tmp_path):
    """body_close_starts_at and closing_starts_at naming one line (one typed for the other): the close was said to
    be missing from the text, blaming the key that may be right (damaged-input review, session 40)."""
    close = "各有关部门要按照本方案精神"
    extra = {"body_close_starts_at": close, "closing_starts_at": close}
    source = tiny_source(tmp_path, CLOSE_TEXT, extra=extra)
    with pytest.raises(BuildErrors) as caught:
        load_corpus(source, Collector())
    assert [str(error) for error in caught.value.errors] == [
        f"{source / 'documents.yaml'}:13:25: expected body_close_starts_at '{close}' to start a line of the body of "
        "test-2020-1.txt, found line 6, which closing_starts_at (line 14:22) puts in the 落款 after the body: a line "
        "is one or the other, remove one of the two"
    ]


def test_a_numbered_line_in_the_bodys_close_is_a_located_error_at_the_line(tmp_path):
    source = tiny_source(tmp_path, CLOSE_TEXT, extra={"body_close_starts_at": "（一）加强领导"})
    with pytest.raises(BuildErrors) as caught:
        load_corpus(source, Collector())
    messages = [str(error) for error in caught.value.errors]
    assert messages[0] == (
        f"{source / 'test-2020-1.txt'}:4:1: expected only unnumbered closing paragraphs from body_close_starts_at "
        "'（一）加强领导' on, found the numbered line '（一）加强领导。各地要加强领导。'"
    )
    assert len(messages) == 2 and messages[1].startswith(f"{source / 'test-2020-1.txt'}:5:1: ")


TABLE_TEXT = """\
一、总体要求
（一）目标。正文第一段。
主要指标
指标
2020年

专利
12

商标
30
"""
TABLE = {"tables": [{"caption": "主要指标", "columns": ["指标", "2020年"]}]}


def test_a_body_close_inside_a_table_is_a_located_error_at_the_line(tmp_path):
    """The table read its rows past the start of the close: 商标 stayed a row and body_close_starts_at
    was silently not followed."""
    source = tiny_source(tmp_path, TABLE_TEXT, extra={**TABLE, "body_close_starts_at": "商标"})
    with pytest.raises(BuildErrors) as caught:
        load_corpus(source, Collector())
    assert [str(error) for error in caught.value.errors] == [
        f"{source / 'test-2020-1.txt'}:10:1: expected only unnumbered closing paragraphs from body_close_starts_at "
        "'商标' on, found a line of table '主要指标'"
    ]


def test_a_table_caption_not_found_is_a_located_error_at_the_caption(tmp_path):
    """A caption the text lacks (a typo) left the table's lines as paragraphs, unsaid, as body_starts_at,
    closing_starts_at and body_close_starts_at are not."""
    source = tiny_source(tmp_path, TABLE_TEXT, extra={"tables": [{"caption": "主要指表", "columns": ["指标"]}]})
    with pytest.raises(BuildErrors) as caught:
        load_corpus(source, Collector())
    assert [str(error) for error in caught.value.errors] == [
        f"{source / 'documents.yaml'}:14:14: expected a line '主要指表' (the caption of a table in tables) in the body "
        "of test-2020-1.txt, found none"
    ]
    document = load_corpus(tiny_source(tmp_path / "ok", TABLE_TEXT, extra=TABLE), Collector()).documents[0]
    assert [c.kind.value for c in document.clauses if c.kind.value.startswith("table")] == [
        "table",
        "table_header",
        "table_row",
        "table_row",
    ]


@pytest.mark.parametrize("start", ["二、措施", "一、总则"])
def test_a_numbered_line_in_the_closing_signature_is_a_located_error_at_the_line(tmp_path, start):
    """A closing_starts_at that names a numbered line (二、 here, or the body's first line) moved the
    numbered parts after it into the 落款, and the page showed them under the text as the signature,
    unsaid; the body's close says so of such a line (body_close_starts_at)."""
    source = tiny_source(tmp_path, CLOSING_TEXT, extra={"closing_starts_at": start})
    with pytest.raises(BuildErrors) as caught:
        load_corpus(source, Collector())
    numbered = [line for line in CLOSING_TEXT.splitlines() if line.startswith(("一、", "（一）", "二、"))]
    assert [str(error) for error in caught.value.errors] == [
        f"{source / 'test-2020-1.txt'}:{CLOSING_TEXT.splitlines().index(line) + 1}:1: expected only the unnumbered "
        f"lines of the 落款 from closing_starts_at {start!r} on, found the numbered line {line!r}"
        for line in numbered[numbered.index(start) :]
    ]


def test_a_paragraph_listing_numbers_after_an_item_is_prose(tmp_path):
    """2、3月份… after item 1.: months listed, not item 2. mistyped (the build stopped: 'found '2、', not a label:
    write 2.')."""
    text = "一、总则\n（一）目标。\n1.第一项。\n2、3月份，开展专项检查。\n2.第二项。\n"
    errors = Collector()
    corpus = load_corpus(tiny_source(tmp_path, text), errors)
    assert errors.errors == []
    clauses = {c.id: c for c in corpus.documents[0].clauses}
    assert clauses["test-2020-1/1-1-1/p1"].text == "2、3月份，开展专项检查。"
    assert clauses["test-2020-1/1-1-2"].label == "2."


@pytest.mark.parametrize("line", ["- 2 -", "2", "2 / 15", "-  2  -"])
def test_a_pdfs_page_number_after_item_one_is_no_mistyped_item_two(tmp_path, line):
    """Text pasted from a PDF keeps its page numbers (- 2 -, 2, 2 / 15), each a line. One that happens to be the
    next item's number stopped the build: 'expected item 2. after item 1., found '2', not a label: write 2.',
    advice that would make the page number an item. It is a paragraph, as it was before that rule (the
    warning of a line ending in no stop says it, doubts/line_breaks.py)."""
    text = f"一、总则\n（一）目标。\n1.第一项。\n{line}\n2.第二项。\n"
    errors = Collector()
    corpus = load_corpus(tiny_source(tmp_path, text), errors)
    assert errors.errors == []
    clauses = {c.id: c for c in corpus.documents[0].clauses}
    assert clauses["test-2020-1/1-1-1/p1"].kind.value == "paragraph"
    assert clauses["test-2020-1/1-1-2"].label == "2."
    assert [w.location.line for w in errors.warnings] == [4]  # a line ending in no stop


# Section 二、 has two subsections: the next section and the next subsection are both 三.
TWO_SUBSECTIONS = "一、总则\n（一）目标。\n二、任务\n（一）完善。\n（二）加强。\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *(
            pytest.param(
                TWO_SUBSECTIONS + f"{typed}保障措施\n（一）组织领导。\n",
                f":6:1: expected section 三、 after section 二、, found {typed!r}, not a label: write 三、",
                id=typed,
            )
            for typed in ("三.", "三，", "三。", "三：")
        ),
        pytest.param(  # a bracket typed: the subsection's label
            TWO_SUBSECTIONS + "（三保障。\n",
            ":6:1: expected subsection （三） after subsection （二）, found '（三', not a label: write （三）",
            id="（三",
        ),
        pytest.param(  # item 2. after item 1. with one sub-item: 2， is the item's label, not sub-item （2）
            "一、总则\n（一）目标。\n1.完善。\n（1）健全。\n2，加强。\n",
            ":5:1: expected item 2. after item 1., found '2，', not a label: write 2.",
            id="2，",
        ),
    ],
)
def test_a_mistyped_label_is_said_as_the_numbering_whose_form_it_has(tmp_path, text, expected):
    """三. after section 二、 with subsections （一）（二）: the section's label mistyped, 三、, as 三. is said where no
    subsection （三） is expected. Both being expected, it was said as subsection （三） ('write （三）'), the deepest,
    and the （一） after it gave a second message ('expected subsection （四） after subsection （三）, found （一）').
    Without a bracket it is the unbracketed label's (三、 or 2.); with one, the bracketed label's."""
    errors = Collector()
    with contextlib.suppress(BuildErrors):
        load_corpus(tiny_source(tmp_path, text), errors)
    assert [str(e).split("test-2020-1.txt", 1)[1] for e in errors.errors] == [expected]


def _kinds(tmp_path, text, extra):
    """(id below the slug, kind, text) of each clause but sentences; the messages must be none."""
    errors = Collector()
    document = load_corpus(tiny_source(tmp_path, text, extra=extra), errors).documents[0]
    assert errors.errors == []
    return [(c.id.split("/", 1)[1], c.kind.value, c.text) for c in document.clauses if c.kind.value != "sentence"]


@pytest.mark.parametrize("heading", ["二、保障措施", "（二）保障措施", "1.加强领导。", "专栏1 示范工程"])
def test_a_label_line_ends_the_table_note_before_it(tmp_path, heading):
    """A table note with no blank line after it took the lines up to the next blank line as notes of its own:
    二、保障措施 and its paragraph became table_note clauses, the section silently gone."""
    text = TABLE_TEXT.replace("30\n", f"30\n\n注：专利为累计值。\n{heading}\n加强组织领导。\n")
    clauses = _kinds(tmp_path, text, TABLE)
    notes = [(path, text) for path, kind, text in clauses if kind == "table_note"]
    assert notes == [("table1/note", "注：专利为累计值。")]
    assert any(text == heading for _, _, text in clauses), clauses
    assert clauses[-1][1:] == ("paragraph", "加强组织领导。")


def test_a_table_note_runs_on_over_its_own_lines_and_numbered_points(tmp_path):
    """The note's own lines stay its: a line broken in it, and its points 1. 2. when it opens with 注：1."""
    text = TABLE_TEXT.replace("30\n", "30\n\n注：1.专利为累计值，\n按年计。\n2.商标为当年值。\n")
    notes = [(path, text) for path, kind, text in _kinds(tmp_path, text, TABLE) if kind == "table_note"]
    assert notes == [
        ("table1/note", "注：1.专利为累计值，"),
        ("table1/note2", "按年计。"),
        ("table1/note3", "2.商标为当年值。"),
    ]


@pytest.mark.parametrize(
    "after",
    [
        "各地要加强组织领导。\n各部门要密切配合。\n",  # two lines of prose, as many as the table's columns
        "各地要加强组织领导，\n各部门要密切配合\n",  # a sentence broken in two, its stop in neither line
        "保障措施\n二、保障措施\n",  # a heading outside the numbering, then the next section
    ],
)
def test_lines_that_are_no_cells_end_the_table(tmp_path, after):
    """After a table's last row, a blank line and as many lines as it has columns were one more row of it,
    silently, unless their first line was numbered: prose (a line holding a sentence's stop) and lines with a
    label among them are no cells; the table ends before them and they are read by the body's grammar."""
    clauses = _kinds(tmp_path, TABLE_TEXT + "\n" + after, TABLE)
    assert [path for path, kind, _ in clauses if kind == "table_row"] == ["table1/r1", "table1/r2"]
    lines = after.splitlines()
    assert [text for _, kind, text in clauses if not kind.startswith("table")][-len(lines) :] == lines


def test_a_mistyped_item_after_a_table_is_said_not_read_as_a_row(tmp_path):
    """2)加强。 and the two lines after it, as many as the table's three columns, were its row 2, silently;
    the group is no row (2)加强。 is prose), so the item it starts like is said, as anywhere in the body."""
    text = "一、总体要求\n1.目标。\n主要指标\n指标\n2020年\n属性\n\n专利\n12\n预期性\n\n2)加强。\n各地要加强。\n各部门要配合。\n"
    extra = {"tables": [{"caption": "主要指标", "columns": ["指标", "2020年", "属性"]}]}
    errors = Collector()
    with contextlib.suppress(BuildErrors):
        load_corpus(tiny_source(tmp_path, text, extra=extra), errors)
    assert [str(e).split("test-2020-1.txt", 1)[1] for e in errors.errors] == [
        ":12:1: expected item 2. after item 1., found '2)', not a label: write 2."
    ]


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        pytest.param(  # where section 二 is due, but 二、保障措施 comes after it: 二、三产业 (the 2nd and 3rd industries)
            "一、总体要求\n推进农业。\n二、三产业融合发展。\n二、保障措施\n加强领导。\n",
            ["推进农业。", "二、三产业融合发展。", "加强领导。"],
            id="二、三产业 where 二 is due",
        ),
        pytest.param(  # where no section 一 or 三 is due: prose whatever follows
            "一、总体要求\n（一）目标。\n一、二类医疗器械加快审批。\n三、四季度加快进度。\n一、二、三产业融合发展。\n二、保障措施\n",
            ["一、二类医疗器械加快审批。", "三、四季度加快进度。", "一、二、三产业融合发展。"],
            id="一、二类 三、四季度 一、二、三产业",
        ),
    ],
)
def test_numerals_listed_before_the_word_they_rank_are_prose_not_a_section(tmp_path, text, prose):
    """二、三产业融合发展。 at the start of a line was read as section 二 (title 三产业融合发展), and 一、二类… or
    三、四季度… as section 一 or 三: out of sequence, an error; where due, a section invented and the real 二、
    after it said as a repeat."""
    clauses = _kinds(tmp_path, text, {})
    assert [text for _, kind, text in clauses if kind == "paragraph"] == prose
    assert [path for path, kind, _ in clauses if kind == "section"] == ["1", "2"]
    assert [text for _, kind, text in clauses if kind == "section"][-1].endswith("保障措施")


def test_numerals_listed_where_the_section_is_due_and_none_follows_are_its_label(tmp_path):
    """Where section 三 is due and no other 三、 follows, 三、四季度重点工作 is its heading: the numbering needs it."""
    text = "一、总体要求\n推进。\n二、主要任务\n加强。\n三、四季度重点工作\n抓好落实。\n"
    clauses = _kinds(tmp_path, text, {})
    assert [(path, title) for path, kind, title in clauses if kind == "section"] == [
        ("1", "一、总体要求"),
        ("2", "二、主要任务"),
        ("3", "三、四季度重点工作"),
    ]


@pytest.mark.parametrize(
    ("text", "extra"),
    [
        pytest.param(  # the body's close opens with it: no section is due there
            "一、总体要求\n推进。\n二、三产业要融合发展。\n各地要抓好落实。\n",
            {"body_close_starts_at": "二、三产业"},
            id="body_close_starts_at names it",
        ),
        pytest.param(  # a later paragraph of the body's close
            "一、总体要求\n推进。\n各地要抓好落实。\n二、三产业要融合发展。\n",
            {"body_close_starts_at": "各地要抓好落实"},
            id="in the body's close",
        ),
        pytest.param(  # a line of the 落款
            "一、总体要求\n推进。\n二、主要任务\n做好。\n二、三产业融合发展办公室\n2020年1月1日\n",
            {"closing_starts_at": "二、三产业融合发展办公室"},
            id="in the 落款",
        ),
    ],
)
def test_numerals_listed_in_the_close_are_no_numbered_line(tmp_path, text, extra):
    """二、三产业… is prose in the body (``numerals_listed``), but the checks that the body's close and the 落款
    hold no numbered line still took it for section 二: 'expected only unnumbered closing paragraphs …, found
    the numbered line '二、三产业要融合发展。''. No section is due there: it is prose there too."""
    clauses = _kinds(tmp_path, text, extra)  # no message
    if "closing_starts_at" in extra:  # the document's, not a clause
        assert all(not body.startswith("二、三") for _, _, body in clauses), clauses
        return
    lines = [line for line in text.splitlines() if line.startswith(("二、三", "各地"))]
    assert [body for _, kind, body in clauses if kind == "paragraph"][-len(lines) :] == lines


@pytest.mark.parametrize("opening", ["注：", "注：数据说明如下：", "注:"])
def test_a_table_note_that_announces_its_points_keeps_them(tmp_path, opening):
    """注： alone (or ending in its colon) on its line, then its points 1. 2.: the note ended at 1., a label line
    (8ec763b), and the points became items 1. 2. of the subsection above the table, unsaid."""
    text = TABLE_TEXT + f"\n{opening}\n1.专利为累计值。\n2.商标为当年值。\n"
    clauses = _kinds(tmp_path, text, TABLE)
    assert [(path, body) for path, kind, body in clauses if kind == "table_note"] == [
        ("table1/note", opening.replace(":", "：")),  # as cleaned
        ("table1/note2", "1.专利为累计值。"),
        ("table1/note3", "2.商标为当年值。"),
    ]
    assert not [body for _, kind, body in clauses if kind == "item"]


def test_cells_with_numerals_listed_are_cells(tmp_path):
    """A cell 一、二线城市 or 二、三产业增加值 (numerals listed before the word they rank) starts like section 二's
    label: any such cell ended the table (67c39fd), and all its rows were read as paragraphs, each warned as a
    line to join. They are cells, as they are prose in the body; a heading so written still ends the table."""
    columns = {"tables": [{"caption": "主要指标", "columns": ["指标", "2020年", "备注"]}]}
    head = "一、总体要求\n（一）目标。正文第一段。\n主要指标\n指标\n2020年\n备注\n\n"
    text = head + "二、三产业增加值\n12\n一、二线城市\n\n商标\n30\n预期性\n"
    clauses = _kinds(tmp_path / "rows", text, columns)
    assert [(path, body) for path, kind, body in clauses if kind == "table_row"] == [
        ("table1/r1", "二、三产业增加值\n12\n一、二线城市"),
        ("table1/r2", "商标\n30\n预期性"),
    ]
    heading = _kinds(tmp_path / "heading", head + "专利\n12\n预期性\n\n二、三产业融合发展\n", columns)
    assert heading[-1] == ("2", "section", "二、三产业融合发展")


@pytest.mark.parametrize("note", ["注：专利为累计值。", "注：专利为累计值"])
def test_a_note_typed_under_the_last_row_with_no_blank_line_is_the_tables_note(tmp_path, note):
    """注：… typed directly under the last row's cells: with a stop in it, the group was prose (67c39fd) and the
    table ended before it, its last row (商标 30) and the note read as paragraphs, warned as lines to join;
    without one, 'expected 2 cells in row 2 …, found 3'. The row ends at the note, as the note ends at a label."""
    clauses = _kinds(tmp_path, TABLE_TEXT + f"{note}\n二、保障措施\n", TABLE)
    assert [(path, kind, body) for path, kind, body in clauses if kind.startswith("table_")] == [
        ("table1/head", "table_header", "指标\n2020年"),
        ("table1/r1", "table_row", "专利\n12"),
        ("table1/r2", "table_row", "商标\n30"),
        ("table1/note", "table_note", note),
    ]
    assert clauses[-1] == ("2", "section", "二、保障措施")


def test_a_table_notes_point_that_announces_sub_points_keeps_them(tmp_path):
    """注：1.…含： then （1）（2）, then 2.: the note ended at （1） (not the point 2. it was waiting for), and （1）
    （2） became sub-items of the subsection above the table and 2. its item, unsaid. A line ending in its colon
    announces a list: its first point 1 (or （1）) is the note's, and the numbering it left goes on after."""
    note = "注：1.专利为累计值，含：\n（1）发明；\n（2）实用新型。\n2.商标为当年值。\n"
    clauses = _kinds(tmp_path, TABLE_TEXT + "\n" + note + "二、保障措施\n", TABLE)
    assert [body for _, kind, body in clauses if kind == "table_note"] == note.splitlines()
    assert clauses[-1] == ("2", "section", "二、保障措施")
