"""Each named pattern of the numbering grammar, on the shapes the texts use."""

from __future__ import annotations

import time

import pytest

from build_scripts import patterns

from .helpers import FIXTURE, SOURCE

CASES = [
    (patterns.SECTION_RE, "一、总体要求", "一"),
    (patterns.SECTION_RE, "十二、附则", "十二"),
    (patterns.SUBSECTION_RE, "（三）发展目标。", "三"),
    (patterns.ITEM_RE, "14.提高知识产权侵权法定赔偿上限", "14"),
    (patterns.ITEM_RE, "2．健全知识产权制度实施体系", "2"),
    (patterns.SUBITEM_RE, "（1）建立专利导航", "1"),
    (patterns.BOX_RE, "专栏1 知识产权法律完善工程", "1"),
]


@pytest.mark.parametrize(("regex", "line", "number"), CASES)
def test_numbering_pattern_reads_the_number(regex, line, number):
    match = regex.match(line)
    assert match is not None and match.group("num") == number


@pytest.mark.parametrize(
    ("regex", "line"),
    [
        (patterns.ITEM_RE, "1.7万件"),  # a decimal is not an item
        (patterns.ITEM_RE, "2015年"),
        (patterns.SECTION_RE, "一是加强保护"),
        (patterns.SUBSECTION_RE, "（试行）"),
        (patterns.BOX_RE, "专栏目录"),
    ],
)
def test_numbering_pattern_refuses_look_alikes(regex, line):
    assert regex.match(line) is None


def test_responsibility_parenthetical_closes_a_task():
    match = patterns.RESPONSIBILITY_RE.search("16.完善知识产权快速维权机制。（知识产权局负责）")
    assert match is not None and match.group("body") == "知识产权局负责"
    assert patterns.RESPONSIBILITY_RE.search("（以下简称《方案》），请结合工作实际") is None


def test_a_parenthetical_left_open_takes_time_in_proportion_to_its_length():
    """A task whose （ is never closed and whose line runs on (a damaged text: lines joined, words pasted) was
    searched in time growing with the square of its length: 1 s for 20,000 characters, half a minute for
    100,000, and the extract and link stages search each task five times or more."""
    open_line = "1.完善知识产权快速维权机制。（" + "负责" * 50_000
    start = time.perf_counter()
    assert patterns.RESPONSIBILITY_RE.search(open_line) is None
    assert patterns.RESPONSIBILITY_RE.sub("", open_line) == open_line
    assert time.perf_counter() - start < 1.0  # about a millisecond; 30 s or more before


def test_doc_number_reference():
    match = patterns.DOC_NUMBER_RE.search("《若干意见》（国发〔2015〕71号）")
    assert match is not None and match.group("number") == "国发〔2015〕71号" and match.group("year") == "2015"


def test_doc_number_as_typed_in_yaml():
    """The parts of a 文号 however its year is bracketed or its number written; a free form is no 文号."""
    for typed in ("国发[2015]71号", "国发（2015）71号", "国发 【2015】 第071号", "国发〔2015〕71号"):
        match = patterns.DOC_NUMBER_VARIANT_RE.match(typed)
        assert match is not None and (match["code"], match["year"], match["serial"]) == ("国发", "2015", "71"), typed
    assert patterns.DOC_NUMBER_VARIANT_RE.match("国发〔2016〕86-2号") is None  # make bench's copies: left alone


def test_scraper_artefacts():
    assert patterns.MARKDOWN_MARK_RE.sub("", "#### （三）主要目标") == "（三）主要目标"
    assert patterns.MARKDOWN_MARK_RE.sub("", "——分类推进") == "——分类推进"
    assert patterns.SPACE_BETWEEN_CJK_RE.sub("", "每万人 口") == "每万人口"
    assert patterns.SPACE_BETWEEN_CJK_RE.sub("", "PCT 专利") == "PCT 专利"


@pytest.mark.parametrize(
    ("ordinal", "prefix", "number"), [("p2", "p", "2"), ("s13", "s", "13"), ("pre1", "pre", "1"), ("p1ab", "p", "1")]
)
def test_an_unnumbered_clauses_ordinal_with_or_without_inserted_letters(ordinal, prefix, number):
    match = patterns.ORDINAL_RE.match(ordinal)
    assert match and (match.group("prefix"), match.group("number")) == (prefix, number)


@pytest.mark.parametrize("ordinal", ["1-2", "p", "P2", "p2-1", "2p"])
def test_other_steps_are_no_ordinals(ordinal):
    # (t14 and box2 have the shape too: lineage tells them apart by the clause's kind)
    assert not patterns.ORDINAL_RE.match(ordinal)


def test_a_clause_record_line_and_an_opening_sentence():
    match = patterns.CLAUSE_RECORD_RE.match("yufufa-2016-25/2-1/p1a/s2\t0b7b3762\t4fc64406")
    assert match and match.group("id") == "yufufa-2016-25/2-1/p1a/s2" and match.group("digest") == "0b7b3762"
    assert match.group("opening") == "4fc64406"
    older = patterns.CLAUSE_RECORD_RE.match("yufufa-2016-25/2-1/p1\t0b7b3762")  # written before openings were
    assert older and older.group("opening") is None
    assert not patterns.CLAUSE_RECORD_RE.match("yufufa-2016-25/2-1/p1 0b7b3762")  # a space, not a tab
    assert not patterns.CLAUSE_RECORD_RE.match("yufufa-2016-25/2-1/p1\t0B7B3762")
    assert patterns.OPENING_SENTENCE_RE.match("加强人才培养。建设基地；引进人才。").group() == "加强人才培养。"
    assert not patterns.OPENING_SENTENCE_RE.match("没有句末标点")
    row = "PCT专利申请量（万件）\n3\n6"  # a table row: its first cell
    assert patterns.OPENING_SENTENCE_RE.match(row).group() == "PCT专利申请量（万件）\n"


def test_a_documents_yaml_entry_read_line_by_line():
    text = "documents:\n  - slug: guofa-2016-86\n    title: x\n    source_file: guofa-2016-86.txt  # note\n"
    entry = patterns.LISTING_ENTRY_RE.search(text)
    assert entry and entry.group("slug") == "guofa-2016-86"
    assert patterns.LISTING_FILE_RE.search(text, entry.end()).group("file") == "guofa-2016-86.txt"
    assert not patterns.LISTING_ENTRY_RE.search("  - slug: Guofa 86\n")  # not a slug
    assert not patterns.LISTING_FILE_RE.search("source_file: x.txt\n")  # a top-level key, not an entry's


@pytest.mark.parametrize(
    "line", ["2016年7月8日", "2016年12月30日", "二〇一六年七月八日", "二〇一六年十二月三十日", "二○一六年七月八日"]
)
def test_a_written_date_of_a_signature(line):
    assert patterns.WRITTEN_DATE_RE.match(line)


@pytest.mark.parametrize("line", ["到2020年", "2016年7月8日印发", "2016年", "发布时间： 2015-10-22"])
def test_other_lines_are_no_written_date(line):
    assert not patterns.WRITTEN_DATE_RE.match(line)


NOT_ITEM_NUMBERS = (
    "第55项第1句",
    "任务四（六）2",
    "表1第3行",
    "专栏2第1段",
    "第二部分第（一）条第1段",
    "第十五条第（一）项",
)


@pytest.mark.parametrize(
    ("label", "number"),
    [("任务55", "55"), ("第106项", "106"), ("第四部分第（六）条第2项", "2"), ("专栏2", "2"), ("表1", "1")]
    + [(x, None) for x in NOT_ITEM_NUMBERS],
)
def test_an_arabic_item_label_is_a_task_or_item_number_only(label, number):
    match = patterns.ARABIC_ITEM_LABEL_RE.match(label)
    assert (match and match.group("num")) == number


@pytest.mark.parametrize(
    ("label", "number"),
    [("任务二（三）第3段", "3"), ("第1段", "1"), ("任务一第12段", "12")]
    + [
        (x, None)
        for x in ("第二部分第（三）条第3段", "正文第1段", "专栏2第1段", "任务二（三）第3段第1句", "任务55", "第3项")
    ],
)
def test_an_arabic_paragraph_task_label_is_a_tasks_label_only(label, number):
    match = patterns.ARABIC_PARAGRAPH_TASK_LABEL_RE.match(label)
    assert (match and match.group("num")) == number


@pytest.mark.parametrize("text", ["2. 健全制度", "2.健全制度", "（二）健全制度", "二、　健全制度", "（2）健全制度"])
def test_a_number_and_the_space_after_it_are_what_renumbering_changes(text):
    assert patterns.NUMBER_LABEL_RE.sub("", text, count=1) == "健全制度"


def test_label_lookalike_finds_a_label_the_grammar_does_not_read_and_not_prose():
    from build_scripts.patterns import label_lookalike_re

    fifty_eight, five, three = (label_lookalike_re(n) for n in (("58", "五十八"), ("5", "五"), ("3", "三")))
    assert all(fifty_eight.match(line) for line in ("58。深化…", "58.58.深化…", "58 深化", "58，深化", "58"))
    assert all(five.match(line) for line in ("五.重大专项", "（五)重点", "(五）重点", "五 、重大"))
    assert three.match("专栏三 知识产权") and three.match("专栏 3知识产权")
    assert not any(fifty_eight.match(line) for line in ("580.深化", "58个城市", "5.8万件", "158.深化"))
    assert not any(
        five.match(line) for line in ("五年来，", "五十、", "5年", "55.", "5.8万件", "5%的企业", "第五，加强")
    )
    assert not label_lookalike_re(("1", "一")).match("1.1万件") and not three.match("3—4个")
    assert label_lookalike_re(("2", "二")).match("第二 章 总则")


def test_label_lookalike_is_not_a_count_a_ratio_or_a_longer_box_number():
    """Prose session 18's review found still taken for a skipped label: a count or span written with a space
    (5 年内, 41 家企业), a ratio (3：1的比例), and 专栏三十 for 专栏三. A label typed with a space (58 深化)
    or a colon (3：加强) is still found."""
    from build_scripts.patterns import label_lookalike_re

    five, forty_one, three = (label_lookalike_re(n) for n in (("5", "五"), ("41", "四十一"), ("3", "三")))
    assert not five.match("5 年内") and not five.match("5 个百分点") and not forty_one.match("41 家企业")
    assert not three.match("3：1的比例") and not three.match("3:1") and not three.match("专栏三十 知识产权")
    assert not three.match("专栏三百")
    assert three.match("3：加强") and three.match("3 加强组织") and three.match("专栏三")


def test_label_lookalike_finds_a_label_whose_closing_bracket_is_missing():
    """（三试点布局… (the ） deleted): the skip it makes was said at the next label with no word of this line.
    A bracket's count, range or decimal is no label: （三个, （3—4个）, （3.5万件）, （5%）, （三十."""
    from build_scripts.patterns import label_lookalike_re

    three = label_lookalike_re(("3", "三"))
    assert three.match("（三试点布局和试点期限。") and three.match("(三试点") and three.match("（3加强")
    assert not any(three.match(line) for line in ("（三个", "（3—4个）", "（3.5万件）", "（3%）", "（三十", "（3年"))


def test_label_lookalike_finds_a_label_with_a_space_inside_its_number():
    """4 1.完善… (a no-break, ideographic or zero-width space, or a tab, typed inside 41: the cleaner makes it
    one space) was said only at the next label, 'expected task 41 after task 40, found 42', without a word
    of this line. Digits apart are no number of a count: 4 1家 is not 41."""
    from build_scripts.patterns import label_lookalike_re

    forty_one, hundred_six = label_lookalike_re(("41", "四十一")), label_lookalike_re(("106", "一百零六"))
    assert forty_one.match("4 1.完善知识产权审查协作机制") and forty_one.match("（4 1）完善")
    assert hundred_six.match("10 6.加强") and hundred_six.match("1 0 6.加强")
    assert not forty_one.match("4 1家企业") and not forty_one.match("4 12.完善") and not forty_one.match("4 1 家企业")


@pytest.mark.parametrize(("cell", "read"), [("预期性", True), ("约束性", True), ("预期性 |", False), ("预期", False)])
def test_an_indicators_attribute_is_one_of_the_two_a_plan_marks(cell, read):
    assert bool(patterns.INDICATOR_ATTRIBUTE_RE.match(cell)) is read


@pytest.mark.parametrize(
    ("written", "task"),
    [
        ("/tasks/guofa-2016-86-4-2-1/", "guofa-2016-86-4-2-1"),
        ("https://example.org/site/tasks/guobanhan-2016-66-t20/#chongqing", "guobanhan-2016-66-t20"),
        ("tasks/yufufa-2016-25-2-1-p3.md", "yufufa-2016-25-2-1-p3"),
        ("/documents/guofa-2016-86/#c4-2-1", None),
    ],
)
def test_a_task_address_names_its_task(written, task):
    found = patterns.TASK_ADDRESS_RE.search(written)
    assert (found and found["task"]) == task


@pytest.mark.parametrize(
    ("written", "sides"),
    [
        (
            "/crossrefs/chongqing/c2-5-p1/#c2-5-p1-s2-vs-guofa-2016-86-4-2-1-s4",
            ("c2-5-p1-s2", "guofa-2016-86-4-2-1-s4"),
        ),
        (
            "https://x.org/crossrefs/chongqing/c2-1-p3/#c2-1-p3-s2-vs-guobanhan-2016-66-t20",
            ("c2-1-p3-s2", "guobanhan-2016-66-t20"),
        ),
        ("/documents/yufufa-2016-25/#c2-1-p3-s2", None),
    ],
)
def test_a_comparison_address_names_both_sides(written, sides):
    found = patterns.COMPARISON_ADDRESS_RE.search(written)
    assert (found and (found["local"], found["national"])) == sides


@pytest.mark.parametrize(
    "line",
    ["加强组织领导。", "主要任务如下：", "是否到位？", "加快建设；", "实施方案（试行）", "推进“放管服”", "见《办法》"],
)
def test_a_paragraph_ends_in_a_stop_a_colon_or_a_closing_bracket(line):
    assert patterns.PARAGRAPH_END_RE.search(line) is not None


@pytest.mark.parametrize("line", ["各地区要加强", "附件", "第二章保护", "完善知识产权（", "增长15%", "加强，"])
def test_a_line_ending_otherwise_is_no_paragraphs_end(line):
    """A half sentence of a PDF's copy, or a heading outside the numbering: a warning (doubts/line_breaks.py)."""
    assert patterns.PARAGRAPH_END_RE.search(line) is None


def test_mistyped_label_is_a_plain_labels_lookalike_and_its_match_the_label_typed():
    """What parse says at its line as a label mistyped: the numeral with a label's punctuation, a bracket half
    typed or missing; never a 专栏 or 第…章/条 (第二条规定的… is prose), a year, count or span."""
    from build_scripts.patterns import mistyped_label_re

    two = mistyped_label_re(("2", "二"))
    typed = {
        "2)健全": "2)",
        "(2)健全": "(2)",
        "2）健全": "2）",
        "（2)健全": "（2)",
        "二.保障": "二.",
        "二，保障": "二，",
    }
    assert {line: (m.group() if (m := two.match(line)) else None) for line in typed} == typed
    assert two.match("（二试点布局").group() == "（二"
    assert mistyped_label_re(("41", "四十一")).match("4 1.完善").group() == "4 1."
    assert not any(
        two.match(line) for line in ("第二条规定的", "专栏2", "专栏二", "2020年", "2个", "二〇一六年", "（2020年）")
    )


def test_mistyped_label_is_not_a_list_of_numbers():
    """2、3月份 (February and March), 2，3号文件, （2、3）: Arabic numbers listed, prose; ITEM_RE does not read 2、 before
    a digit as a label either. Taken for a mistyped 2. (after item 1.), the build stopped with 'found '2、', not a
    label: write 2.', a label form it reads. A label typed with a comma (58，深化, 三，保障) is still found, and so is
    a Chinese one before a figure (三，2020年重点工作)."""
    from build_scripts.patterns import mistyped_label_re

    two, three = mistyped_label_re(("2", "二")), mistyped_label_re(("3", "三"))
    assert not any(
        two.match(line) for line in ("2、3月份，开展专项检查。", "2，3号文件", "2,3月", "2、 3项", "（2、3）", "(2,3)")
    )
    assert all(two.match(line) for line in ("2，深化", "2,深化", "二，保障", "（2，深化"))
    assert three.match("三，2020年重点工作").group() == "三，"


def test_mistyped_label_is_the_patterns_match_without_compiling_it_for_other_lines():
    """``mistyped_label`` skips the pattern of a line whose numeral cannot stand where a label's does: the same
    match as the pattern's for every line of the five texts, the lookalikes above and their bracketed forms."""
    from build_scripts.numerals import int_to_cn
    from build_scripts.patterns import mistyped_label, mistyped_label_re

    lines = [
        line.strip() for path in sorted(SOURCE.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
    ]
    lines += [
        "2)健全",
        "(2)健全",
        "（ 2）健全",
        "（二试点布局",
        "( 4 1.完善",
        "4 1.完善",
        "  二，保障",
        "（（2）",
        "",
        "（",
    ]
    for number in (1, 2, 3, 10, 41):
        numerals = (str(number), int_to_cn(number))
        for line in lines:
            expected = mistyped_label_re(numerals).match(line)
            found = mistyped_label(line, numerals)
            assert (found and found.group()) == (expected and expected.group()), (line, number)
    assert mistyped_label("（ 2）健全", ("2", "二")).group() == "（ 2）"
    assert mistyped_label("2020年", ("2", "二")) is None


@pytest.mark.parametrize(
    ("line", "page"),
    [
        ("2 -", True),
        ("2", True),
        ("2 / 15", True),
        ("12", True),
        ("2)", False),
        ("2 部门", False),
        ("2)健全", False),
        ("二", False),
        ("2.", False),
        ("（2", False),
    ],
)
def test_a_page_number_is_a_number_alone_or_between_a_pages_dashes(line, page):
    """A PDF's page number as the cleaner leaves it (- 2 - loses its first dash as a Markdown mark): no label."""
    assert bool(patterns.PAGE_NUMBER_RE.match(line)) is page


@pytest.mark.parametrize(
    "name",
    [
        ".yufufa-2016-25.txt.swp",
        ".documents.yaml.swo",
        ".x.txt.kate-swp",
        "4913",
        "5036",
        "x.txt~",
        "#documents.yaml#",
        ".goutputstream-4LJ2Q2",
        "x.txt___jb_tmp___",
        "x.txt___jb_old___",
    ],
)
def test_an_editors_file_beside_a_text(name):
    assert patterns.EDITOR_FILE_RE.fullmatch(name)


def test_no_file_the_build_reads_is_an_editors_file():
    """serve does not regenerate for an editor's file: so none the texts' folder holds may look like one."""
    names = {path.name for folder in (FIXTURE, SOURCE) for path in folder.iterdir()}
    names |= {"2016.txt", "x.md", "x.swp.txt", "~x.txt", "notes#1.md"}
    assert not [name for name in names if patterns.EDITOR_FILE_RE.fullmatch(name)]


@pytest.mark.parametrize(
    ("segment", "parts"),
    [
        ("t107", ("t", "107", "")),
        ("2-9", ("2-", "9", "")),
        ("s12", ("s", "12", "")),
        ("p1a", ("p", "1", "a")),
        ("107", ("", "107", "")),
        ("1a2b", ("1a", "2", "b")),
        ("a1b2", ("a1b", "2", "")),
        ("box", None),
    ],
)
def test_id_segment_number_splits_at_the_last_number(segment, parts):
    found = patterns.ID_SEGMENT_NUMBER_RE.match(segment)
    assert (found and (found["head"], found["number"], found["tail"])) == parts


def test_id_segment_number_reads_a_long_segment_in_time_growing_with_its_length():
    """The last step of an id no clause has, as staff typed it (crossrefs.yaml, redirects.yaml), split at its
    number for the ids a message names: written with a lazy head before the digits, a long run of digits
    not ending as an id does (a pasted number) was split in every way (20,000 digits: 4 s; 1 MB: days).
    Guard against a hang, not a speed test: 50,000 digits take about 0.001 s now and 25 s before; the
    bound, 1 s, is far from both."""
    started = time.perf_counter()
    assert patterns.ID_SEGMENT_NUMBER_RE.match("1" * 50_000 + "!") is None
    assert patterns.ID_SEGMENT_NUMBER_RE.match("a1" * 25_000 + "bc") is None
    assert time.perf_counter() - started < 1.0


def test_the_runs_a_line_keeps_whole_and_what_is_not_text():
    found = patterns.NUMBER_UNIT_RE.findall(
        "2015年、2011—2016年，1年，2.5年，十三五年，2016年12月30日至31日，2016年5月底，86号第2项第1段第3句，"
        "文首第2行，2—3个，6.3件，2.4倍，3万件，3289亿元，50%，c2-1，2015-10-22"
    )
    assert found == [
        "2015年", "2011—2016年", "1年", "2.5年", "2016年12月30日", "31日", "2016年5月", "86号", "2项", "1段", "3句",
        "2行", "2—3个", "6.3件", "2.4倍", "3万件", "3289亿元",
    ]  # fmt: skip
    assert patterns.DASH_JOINED_RE.findall("国家—重庆对照，国家-重庆，国家——重庆") == ["国家—重庆"]
    page = '<p id="c1" title="1年">1年</p>{ #x data-a="2年" }[3年](../4年.md "5年")`6年`<code class="x">7年</code>'
    assert patterns.NOT_TEXT_RE.split(page)[0::2] == ["", "1年", "", "[3年", "", "", ""]
    chart = '<svg role="img"><title>2015年 6.3 件</title><text x="0">2015年</text><rect/></svg>2020年'
    assert patterns.NOT_TEXT_RE.split(chart)[0::2] == ["", "2020年"]  # an SVG's words are placed, not wrapped
    assert patterns.FRONT_MATTER_RE.match("---\ntitle: x\n---\n\n# x\n---\n").group() == "---\ntitle: x\n---\n"
