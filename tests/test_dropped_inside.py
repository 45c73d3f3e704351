"""A line listed in dropped_lines is web-page chrome (打印, 关闭窗口): dropped wherever it stands, and it stands
before the body or after it. One found among the body's paragraphs is a warning at it: the text's own line of the
same words was dropped without a word until session 37."""

from __future__ import annotations

import pytest

from build_scripts.errors import BuildErrors, Collector
from build_scripts.pipeline import load_corpus

from .helpers import copy_sources, generate_in, tiny_source

TEXT = "测试文件\n打印\n一、总则\n正文第一段。\n{middle}正文第二段。\n打印\n关闭窗口\n"
EXTRA = {"dropped_lines": ["打印", "关闭窗口"]}


def warnings_of(tmp_path, middle):
    found = Collector()
    (document,) = load_corpus(tiny_source(tmp_path, TEXT.format(middle=middle), extra=EXTRA), found).documents
    return document, [(w.location.line, w.location.column, w.message) for w in found.warnings]


def test_chrome_before_and_after_the_body_is_no_doubt(tmp_path):
    document, said = warnings_of(tmp_path, "")
    assert said == []
    assert [(line.number, line.text) for line in document.dropped] == [(2, "打印"), (6, "打印"), (7, "关闭窗口")]


def test_a_dropped_line_among_the_bodys_paragraphs_is_said_where_it_stands(tmp_path):
    _, said = warnings_of(tmp_path, "\u3000\u3000打印\n")
    assert said == [
        (
            5,
            3,
            "expected dropped line '打印' (web-page chrome) before or after the body, found it among the body's "
            "paragraphs: it is dropped there too; if the text means it, take it out of dropped_lines",
        )
    ], said


def test_the_real_texts_chrome_is_no_doubt(tmp_path):
    """59号's chrome lines stand before its body (大 中 小) and after it (打印, 关闭窗口, the site's footer)."""
    copy_sources(tmp_path)
    found = Collector()
    corpus = load_corpus(tmp_path / "source_texts", found)
    dropped = {d.slug: [line.text for line in d.dropped] for d in corpus.documents if d.dropped}
    assert list(dropped) == ["guozhifaguanzi-2015-59"]
    assert {"大 中 小", "打印", "关闭窗口"} <= set(dropped["guozhifaguanzi-2015-59"]), dropped
    assert found.warnings == []
    proc = generate_in(tmp_path)
    assert proc.returncode == 0 and "warning" not in proc.stderr, proc.stderr


UNLISTED = (
    "首页 > 政务公开 > 通知公告\n发布时间：2017-03-01 【字体：大 中 小】\n测试文件\n一、总则\n正文第一段。\n"
    "【打印】【关闭】\n正文第二段。\n分享到：微信 微博\n\u3000版权所有：测试机关 京ICP备05001234号\n"
)


def test_chrome_no_dropped_line_lists_is_said_wherever_it_stands(tmp_path):
    """From session 38's review: a page's path and font-size bar above the title, a toolbar in the body and a
    share bar and footer after it were published as the document's lines (clauses with their own links, a
    paragraph of a task, the 落款's) without a word; only lines dropped_lines listed were known as chrome."""
    found = Collector()
    load_corpus(tiny_source(tmp_path, UNLISTED), found)
    said = [(w.location.line, w.location.column, w.message.split(", which reads")[0]) for w in found.warnings]
    assert said == [
        (1, 1, "expected the text's own words, found '首页 > 政务公开 > 通知公告'"),
        (2, 1, "expected the text's own words, found '发布时间：2017-03-01 【字体：大 中 小】'"),
        (6, 1, "expected the text's own words, found '【打印】【关闭】'"),
        (8, 1, "expected the text's own words, found '分享到：微信 微博'"),
        (9, 2, "expected the text's own words, found '版权所有：测试机关 京ICP备05001234号'"),
    ], said
    assert found.warnings[0].message.endswith(
        "if it is, list it under dropped_lines in the text's documents.yaml entry"
    )


def test_chrome_dropped_lines_lists_is_no_doubt_before_or_after_the_body(tmp_path):
    lines = [line.strip() for line in UNLISTED.split("\n") if line.strip()]
    extra = {"dropped_lines": [lines[0], lines[1], lines[5], lines[7], lines[8]]}
    found = Collector()
    (document,) = load_corpus(tiny_source(tmp_path, UNLISTED, extra=extra), found).documents
    assert [(w.location.line, w.message.split(",")[0]) for w in found.warnings] == [
        (6, "expected dropped line '【打印】【关闭】' (web-page chrome) before or after the body")
    ]
    assert len(document.dropped) == 5


def test_a_numbered_line_dropped_lines_takes_out_is_named_in_the_numbering_message(tmp_path):
    """A task listed in dropped_lines (a whole line copied there by mistake) left the numbering message at the
    next task with no word of why its number was missing (damaged-input review, session 40)."""
    text = "测试文件\n一、总则\n1.第一项工作。\n2.第二项工作。\n3.第三项工作。\n二、保障\n三、附则\n"
    said = []
    for number, dropped in enumerate(("2.第二项工作。", "二、保障")):
        found = Collector()
        with pytest.raises(BuildErrors):
            load_corpus(tiny_source(tmp_path / str(number), text, extra={"dropped_lines": [dropped]}), found)
        said += [(e.location.line, e.message) for e in found.errors]
    assert said == [
        (
            5,
            "expected item 2 after item 1, found 3; line 4 ('2.第二项工作。') opens with 2, but documents.yaml's "
            "dropped_lines takes it out of the text",
        ),
        (
            7,
            "expected section 二、 after section 一、, found 三、; line 6 ('二、保障') opens with 二、, but "
            "documents.yaml's dropped_lines takes it out of the text",
        ),
    ], said


def test_a_dropped_line_of_another_numbering_is_not_named_for_the_skip(tmp_path):
    """（二） is no label of task 2 (review of session 41: any numeral was taken)."""
    text = "测试文件\n一、总则\n1.第一项工作。\n（二）第二项工作。\n3.第三项工作。\n"
    found = Collector()
    with pytest.raises(BuildErrors):
        load_corpus(tiny_source(tmp_path, text, extra={"dropped_lines": ["（二）第二项工作。"]}), found)
    assert [e.message for e in found.errors] == ["expected item 2 after item 1, found 3"]


def test_a_dropped_line_listed_twice_is_refused_at_the_second(tmp_path):
    """Two entries for one line (white space aside, as lines are matched) were accepted: one is a copy, or a line
    meant and mistyped, which then stays in the text unsaid (damaged-input review, session 40)."""
    source = tiny_source(tmp_path, TEXT.format(middle=""), extra={"dropped_lines": ["打印", "关闭窗口", "打印  "]})
    found = Collector()
    with pytest.raises(BuildErrors):
        load_corpus(source, found)
    (error,) = found.errors
    written = (source / "documents.yaml").read_text(encoding="utf-8").split("\n")
    at = error.location.line
    assert written[at - 1].strip() == "- '打印  '" and written[at - 3].strip() == "- 打印", written
    assert error.message == f"expected each dropped line once, found '打印' again (first at line {at - 2})"
