"""Invariants of the clause model over the five real texts: nothing lost, nothing invented."""

from __future__ import annotations

from collections import Counter

from build_scripts.clean import clean_text
from build_scripts.model import ClauseKind

from .helpers import SOURCE

# The five texts these facts are about; a document staff add later is checked by the generic tests.
FIVE = ("guobanhan-2016-66", "guofa-2016-86", "guobanfa-2016-106", "guozhifaguanzi-2015-59", "yufufa-2016-25")


def test_every_source_line_is_in_a_clause_or_dropped(model):
    for document in model.corpus.documents:
        raw = (SOURCE / document.meta.source_file).read_text(encoding="utf-8-sig")
        unaccounted = Counter(  # each line of the clauses' texts, as often as it stands there
            line
            for clause in document.clauses
            if clause.kind is not ClauseKind.SENTENCE
            for line in clause.text.split("\n")
        )
        dropped = {line.number for line in (*document.dropped, *document.closing)}  # chrome, or the 落款
        for number, raw_line in enumerate(raw.splitlines(), start=1):
            cleaned = clean_text(raw_line).strip()
            if not cleaned or number in dropped:
                continue
            # each source line takes one of its copies: a lost line whose text stands elsewhere too is found
            assert unaccounted[cleaned] > 0, f"{document.meta.source_file}:{number}: line lost: {cleaned[:40]}"
            unaccounted[cleaned] -= 1


def test_clause_texts_concatenate_to_the_body(model):
    for document in model.corpus.documents:
        raw = (SOURCE / document.meta.source_file).read_text(encoding="utf-8-sig")
        dropped = {line.number for line in (*document.dropped, *document.closing)}
        body = [
            line for number, line in enumerate(clean_text(raw).split("\n"), start=1) if line and number not in dropped
        ]
        rebuilt = "\n".join(c.text for c in document.clauses if c.kind is not ClauseKind.SENTENCE).split("\n")
        assert rebuilt == body, document.slug


def test_sentences_are_slices_of_their_parent_in_order(model):
    index = model.corpus.clause_index()
    children: dict[str, list[str]] = {}
    for clause in model.corpus.clauses():
        if clause.kind is ClauseKind.SENTENCE:
            children.setdefault(clause.parent, []).append(clause.text)
    for parent_id, texts in children.items():
        parent = index[parent_id].text
        position = 0
        for text in texts:
            found = parent.find(text, position)
            assert found >= 0, (parent_id, text)
            position = found + len(text)
        assert "".join(texts).replace(" ", "") == parent.replace(" ", ""), parent_id


def test_dropped_lines_are_only_web_page_chrome(model):
    dropped = {d.slug: [line.text for line in d.dropped] for d in model.corpus.documents}
    # the publishing page's stamp (its date is the document's 发布日期), its font-size and print buttons
    assert dropped["guozhifaguanzi-2015-59"][:4] == ["发布时间: 2015-10-22", "大 中 小", "打印", "关闭窗口"]
    assert dropped["guozhifaguanzi-2015-59"][4].startswith("联系我们 | 网站地图")
    assert all(
        not dropped[slug] for slug in FIVE if slug != "guozhifaguanzi-2015-59"
    )  # (a document staff add later may have chrome of its own)


def test_ids_are_unique_lower_case_ascii(model):
    ids = [clause.id for clause in model.corpus.clauses()]
    assert len(ids) == len(set(ids))
    assert all(i.isascii() and i == i.lower() and " " not in i for i in ids)
    anchors = [(c.doc, c.anchor) for c in model.corpus.clauses()]
    assert len(anchors) == len(set(anchors))
    assert all(not anchor[:1].isdigit() for _, anchor in anchors)


def test_66_has_106_tasks_with_their_full_line(model):
    document = model.corpus.document("guobanhan-2016-66")
    tasks = [c for c in document.clauses if c.kind is ClauseKind.ITEM]
    assert [c.id for c in tasks] == [f"guobanhan-2016-66/t{n}" for n in range(1, 107)]
    raw_lines = (SOURCE / document.meta.source_file).read_text(encoding="utf-8").splitlines()
    for task in tasks:
        assert task.text == raw_lines[task.line - 1].strip()
        assert task.text.startswith(f"{task.id.rsplit('/t', 1)[1]}.")
        assert task.text.endswith("负责）") or "负责。列第一位者为牵头部门" in task.text
    t2 = document.clauses[[c.id for c in document.clauses].index("guobanhan-2016-66/t2")]
    assert t2.text.endswith("（中央编办、知识产权局、工商总局、版权局负责。列第一位者为牵头部门，下同）")


def test_86_indicator_table_has_10_rows_and_a_note(model):
    index = model.corpus.clause_index()
    rows = [c for c in model.corpus.clauses() if c.kind is ClauseKind.TABLE_ROW]
    assert [c.id for c in rows] == [f"guofa-2016-86/table1/r{n}" for n in range(1, 11)]
    assert rows[0].text.split("\n") == ["每万人口发明专利拥有量（件）", "6.3", "12", "5.7", "预期性"]
    assert rows[8].text.split("\n")[3] == "－"
    note = index["guofa-2016-86/table1/note"]
    assert note.kind is ClauseKind.TABLE_NOTE and note.text == "注：知识产权使用费出口额为五年累计值。"
    assert index["guofa-2016-86/table1"].parent == "guofa-2016-86/2-3"


def test_numbering_paths_follow_the_documents(model):
    index = model.corpus.clause_index()
    assert index["guofa-2016-86/4-2-3"].text.startswith("3.加强知识产权行政执法体系建设")
    assert index["guofa-2016-86/4-2-3"].number_path == ("四、", "（二）", "3.")
    assert index["guofa-2016-86/box2"].text.startswith("专栏2")
    assert index["guofa-2016-86/box2"].parent == "guofa-2016-86/4-2"
    assert index["guofa-2016-86/4-3-2"].text.startswith("2.实施商标战略")  # item after 专栏3
    assert index["guozhifaguanzi-2015-59/2-3-4"].text.startswith("4.助推特色产业做大做强")  # no "- " mark
    assert index["guozhifaguanzi-2015-59/4-4"].text.startswith("（四）推进整体提升")
    assert index["yufufa-2016-25/2-1/p1/s1"].text == "培育壮大知识产权密集型产业。"
    assert index["guobanfa-2016-106/1-2/p1"].text.startswith("——问题导向。")


def test_an_unnumbered_clause_carries_the_numbering_it_stands_under(model):
    """number_path is 从顶层部分起逐级的编号 for every clause: a paragraph under 二、（五）, its sentences and
    a table under 二、（三） carry their section's path, as a numbered item's sentences do (the open-data
    review grouped clauses by number_path[0] and lost almost every Chongqing measure: 462 were empty)."""
    index = model.corpus.clause_index()
    assert index["yufufa-2016-25/2-5/p3"].number_path == ("二、", "（五）")
    assert index["yufufa-2016-25/2-5/p3/s5"].number_path == ("二、", "（五）")
    assert index["guofa-2016-86/table1"].number_path == ("二、", "（三）")
    assert index["guofa-2016-86/table1/r1"].number_path == ("二、", "（三）")
    assert index["guofa-2016-86/box2/p1"].number_path[:2] == ("四、", "（二）")
    assert index["guofa-2016-86/p1"].number_path == ()  # before 一、: under no number
    for clause in model.corpus.clauses():
        parent = index.get(clause.parent or "")
        if parent is not None:  # a clause's path runs on from its parent's (a numbered one adds its label)
            assert clause.number_path[: len(parent.number_path)] == parent.number_path, clause.id


def test_sentences_split_outside_quotes_and_brackets(model):
    index = model.corpus.clause_index()
    t1 = [index[f"guobanhan-2016-66/t1/s{n}"].text for n in (1, 2)]
    assert t1 == ["1.完善国家知识产权战略实施工作部际联席会议制度，由国务院领导同志担任召集人。", "（知识产权局负责）"]
    t2_last = index["guobanhan-2016-66/t2/s2"].text
    assert t2_last == "（中央编办、知识产权局、工商总局、版权局负责。列第一位者为牵头部门，下同）"


def test_a_documents_basis_is_cited_in_its_text_and_precedes_it(model):
    """实施依据 (``implements``) is a fact: the text cites that 文号, and that document is not younger
    (59号 once named 国发〔2015〕71号, issued two months after it)."""
    issued = {"国发〔2015〕71号": "2015-12-18"}  # the basis documents' 成文日期, from their official publication
    documents = model.corpus.documents
    five = {d.slug: d.meta.implements for d in documents if d.slug in FIVE}
    assert five == {slug: (None if slug == "guozhifaguanzi-2015-59" else "国发〔2015〕71号") for slug in FIVE}
    for document in documents:
        basis = document.meta.implements
        if basis is None:
            continue
        text = clean_text((SOURCE / document.meta.source_file).read_text(encoding="utf-8"))
        assert basis in text, document.slug
        if basis in issued:  # (a basis staff add later: its date is not known here)
            assert document.meta.date is None or issued[basis] <= document.meta.date, document.slug
