"""What a document's page says of its text against the file: the lines the clean stage changed, by rule, and the
lines dropped as web-page chrome (session 43's fidelity review: 59号's page differed from its file, whose SHA-256 the
data publishes, in 250 characters of 51 lines, and listed none of its five dropped lines but 发布时间)."""

from __future__ import annotations

import html
import re

from build_scripts import clean
from build_scripts.errors import Collector
from build_scripts.pages.documents import EDIT_RULES
from build_scripts.pipeline import load_corpus

from .helpers import SOURCE, tiny_source


def test_each_line_a_rule_changed_is_listed_under_that_rule_and_white_space_is_not():
    text = '一、总则\n（一）目标,推进。\n1. 第一项。\n2.第二项　 有空格。\n## 3.“引号”照录。\n4."直引号"改写(一)。\n'
    edits: dict[int, list[str]] = {}
    clean.clean_text(text, edits=edits)
    # line 3 loses the space after its number, line 4 an ideographic space: white space only
    assert edits == {2: ["punctuation"], 5: ["markdown"], 6: ["parentheses", "quotes"]}


def test_a_documents_edits_leave_out_its_dropped_lines(tmp_path):
    text = "一、总则\n（一）目标,推进。\n打印,关闭\n1.第一项。\n"
    corpus = load_corpus(tiny_source(tmp_path, text, extra={"dropped_lines": ["打印,关闭"]}), Collector())
    document = corpus.documents[0]
    assert [line.number for line in document.dropped] == [3]
    assert document.edits == (("punctuation", (2,)),) and document.edited == (2,)


def test_every_rule_is_said_in_words():
    assert tuple(EDIT_RULES) == clean.RULES


def test_the_document_page_lists_its_dropped_lines_and_the_lines_its_text_changed(built):
    documents = {d.slug: d for d in built.site.corpus.documents}
    page = (built.docs / "documents" / "guozhifaguanzi-2015-59.md").read_text(encoding="utf-8")
    box = re.search(r'<details class="provenance" id="doc-editing">.*?</details>', page, re.S)
    assert box is not None
    shown = html.unescape(re.sub(r"<[^>]+>", "", box.group(0)))
    document = documents["guozhifaguanzi-2015-59"]
    assert [line.number for line in document.dropped] == [5, 7, 110, 112, 116]
    for line in document.dropped:
        assert f"源文件第 {line.number} 行“{line.text}”" in shown
    assert f"源文件有 {len(document.edited)} 行按本站的整理规则改写了字符" in shown
    assert [rule for rule, _ in document.edits] == ["markdown", "parentheses", "punctuation", "quotes"]
    for rule, lines in document.edits:
        assert f"{EDIT_RULES[rule]}：源文件第 {'、'.join(map(str, lines))} 行" in shown
    assert 40 < len(document.edited) < 60 and 3 in dict(document.edits)["markdown"]
    source = (SOURCE / "guozhifaguanzi-2015-59.txt").read_text(encoding="utf-8").splitlines()
    assert source[2].startswith("#")  # line 3, as the file has it
    for slug in ("guobanhan-2016-66", "guofa-2016-86", "guobanfa-2016-106", "yufufa-2016-25"):
        assert not documents[slug].edits and not documents[slug].dropped
        assert "doc-editing" not in (built.docs / "documents" / f"{slug}.md").read_text(encoding="utf-8")
