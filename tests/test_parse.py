"""The parser on tiny texts: every level of the grammar, ids from numbering, not position."""

from __future__ import annotations

from build_scripts.errors import Collector
from build_scripts.pipeline import load_corpus

from .helpers import tiny_source

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
