"""What a document's page says of its text against the file: the lines the clean stage changed, and the lines
dropped as web-page chrome (session 43's fidelity review: 59号's page differed from its file, whose SHA-256 the
data publishes, in 250 characters of 51 lines, and listed none of its five dropped lines but 发布时间)."""

from __future__ import annotations

import re

from build_scripts.errors import Collector
from build_scripts.pipeline import load_corpus

from .helpers import SOURCE, tiny_source


def test_a_line_changed_beyond_white_space_is_edited_and_one_changed_only_there_is_not(tmp_path):
    text = '一、总则\n（一）目标,推进。\n1. 第一项。\n2.第二项　 有空格。\n3.“引号”照录。\n4."直引号"改写。\n'
    corpus = load_corpus(tiny_source(tmp_path, text), Collector())
    # line 2: a half-width comma beside CJK; line 6: straight quotes. Line 3 loses the space after its
    # number, line 4 an ideographic space: white space only.
    assert corpus.documents[0].edited == (2, 6)


def test_the_document_page_lists_its_dropped_lines_and_the_lines_its_text_changed(built):
    documents = {d.slug: d for d in built.site.corpus.documents}
    page = (built.docs / "documents" / "guozhifaguanzi-2015-59.md").read_text(encoding="utf-8")
    box = re.search(r'<details class="provenance" id="doc-editing">.*?</details>', page, re.S)
    assert box is not None
    shown = re.sub(r"<[^>]+>", "", box.group(0))
    document = documents["guozhifaguanzi-2015-59"]
    assert [line.number for line in document.dropped] == [5, 7, 110, 112, 116]
    for line in document.dropped:
        assert f"第 {line.number} 行“{line.text}”" in shown
    assert f"原文件有 {len(document.edited)} 行按本站统一的整理规则改写了字符" in shown
    assert f"改写的行：第 {'、'.join(map(str, document.edited))} 行" in shown
    assert 40 < len(document.edited) < 60 and 3 in document.edited  # its ## heading, its half-width commas
    source = (SOURCE / "guozhifaguanzi-2015-59.txt").read_text(encoding="utf-8").splitlines()
    assert source[2].startswith("#")  # line 3, as the file has it
    for slug in ("guobanhan-2016-66", "guofa-2016-86", "guobanfa-2016-106", "yufufa-2016-25"):
        assert not documents[slug].edited and not documents[slug].dropped
        assert "doc-editing" not in (built.docs / "documents" / f"{slug}.md").read_text(encoding="utf-8")
