"""The home page's entries say what each section holds."""

from __future__ import annotations

import re

from .helpers import read_page


def entry(home: str, section: str) -> str:
    """The words after ``[section](…)：`` in the home page's 从这里开始 list."""
    found = re.search(rf"^- \[{section}\]\([^)]*\)：(.*)$", home, re.M)
    assert found, section
    return found.group(1)


def test_the_indicators_entry_names_every_document_the_indicators_come_from(built):
    """It said 规划中的量化指标: only 86号 is a 规划, and 59号's 2030 goals (six of the sixteen, with no 基期值)
    are indicators too."""
    said = entry(read_page(built.docs / "index.md"), "指标")
    documents = {d.slug: d for d in built.site.corpus.documents}
    sources = {documents[i.doc].meta.doc_number for i in built.site.indicators}
    assert len(sources) >= 2
    assert all(number in said for number in sources), said
    assert "规划中" not in said


def test_the_changes_entry_says_it_records_the_texts_edits(built):
    """It said 本站条款编号与链接的变更记录: the page lists, version by version, the clauses added, removed and
    reworded in each text, and then where the old links lead."""
    said = entry(read_page(built.docs / "index.md"), "变更")
    assert all(word in said for word in ("新增", "删除", "修改", "链接")), said
