"""A line listed in dropped_lines is web-page chrome (打印, 关闭窗口): dropped wherever it stands, and it stands
before the body or after it. One found among the body's paragraphs is a warning at it: the text's own line of the
same words was dropped without a word until session 37."""

from __future__ import annotations

from build_scripts.errors import Collector
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
