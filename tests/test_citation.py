"""Citation wording by clause kind (build_scripts/citation.py)."""

from __future__ import annotations

from dataclasses import replace

from build_scripts import citation
from build_scripts.citation import positions
from build_scripts.errors import Collector
from build_scripts.extract.agencies import AgencyMatcher
from build_scripts.extract.tasks import extract_tasks
from build_scripts.model import ClauseKind, Corpus, CrossRef, Document, Site
from build_scripts.pages import crossrefs
from build_scripts.pipeline import load_corpus

from .helpers import SOURCE, tiny_source


def _cite(model, clause_id: str) -> str:
    document = model.corpus.document(clause_id.split("/")[0])
    return citation.citation(document, model.corpus.clause_index()[clause_id])


def test_a_66_task_is_cited_by_its_global_number(model):
    assert _cite(model, "guobanhan-2016-66/t14") == "《重点任务分工方案》（国办函〔2016〕66号）第14项"


def test_sections_subsections_items_and_sentences(model):
    doc = "《“十三五”国家知识产权保护和运用规划》（国发〔2016〕86号）"
    assert _cite(model, "guofa-2016-86/2") == doc + "第二部分"
    assert _cite(model, "guofa-2016-86/4-2-3") == doc + "第四部分第（二）条第3项"
    assert _cite(model, "guofa-2016-86/4-2-3/s1") == doc + "第四部分第（二）条第3项第1句"
    assert _cite(model, "guofa-2016-86/table1/r2") == doc + "表1第2行"


def test_a_covering_notice_is_cited_sentence_by_sentence_and_an_addressee_list_is_not_split(model):
    """Third public-reader review: 66号's covering notice (文首第7行: 各有关部门要按照分工方案要求…牵头部门要加强
    协调…) had one link for its 5 sentences, though the home page promises one for every sentence."""
    index = model.corpus.clause_index()
    sentences = [c for c in model.corpus.document("guobanhan-2016-66").clauses if c.parent == "guobanhan-2016-66/pre7"]
    assert [c.id.rsplit("/", 1)[1] for c in sentences] == ["s1", "s2", "s3", "s4", "s5"]
    assert "".join(c.text for c in sentences) == index["guobanhan-2016-66/pre7"].text
    assert sentences[1].text == "涉及多个部门的工作，牵头部门要加强协调，相关部门要密切配合。"
    doc = "《重点任务分工方案》（国办函〔2016〕66号）"
    assert _cite(model, "guobanhan-2016-66/pre7/s2") == doc + "文首第7行第2句"
    assert len([c for c in index.values() if c.parent == "guozhifaguanzi-2015-59/pre6"]) == 4
    # 59号's addressees (…知识产权局；局机关各部门…：) are one line, no prose: no sentences
    addressees = index["guozhifaguanzi-2015-59/pre4"]
    assert addressees.text.endswith("：") and not any(c.parent == addressees.id for c in index.values())


def test_the_title_of_the_plan_a_notice_issues_is_not_one_of_its_paragraphs(model):
    """66号's plan opens under its title, printed over two lines, then 为落实…: a reader counts that
    paragraph as the first, as the page sets the two lines as a title."""
    doc = "《重点任务分工方案》（国办函〔2016〕66号）"
    assert _cite(model, "guobanhan-2016-66/p1") == doc + "正文标题第1行"
    assert _cite(model, "guobanhan-2016-66/p2") == doc + "正文标题第2行"
    assert _cite(model, "guobanhan-2016-66/p3") == doc + "正文第1段"
    assert _cite(model, "guobanhan-2016-66/p3/s1") == doc + "正文第1段第1句"
    doc = "《知识产权综合管理改革试点总体方案》（国办发〔2016〕106号）"
    assert _cite(model, "guobanfa-2016-106/p1") == doc + "正文标题"
    assert _cite(model, "guobanfa-2016-106/p2") == doc + "正文第1段"


def test_the_106_plans_close_is_a_paragraph_of_its_body_and_its_old_anchors_lead_there(built):
    """各有关部门和地方要按照本方案精神… closes the plan (documents.yaml: body_close_starts_at); it was
    cited 第三部分第（三）条第1段 as if it were 三（三）做好评估推广's, and links to that id find it."""
    model = built.site
    doc = "《知识产权综合管理改革试点总体方案》（国办发〔2016〕106号）"
    close = model.corpus.clause_index()["guobanfa-2016-106/p4"]
    assert close.parent is None and close.text.startswith("各有关部门和地方要按照本方案精神")
    assert _cite(model, "guobanfa-2016-106/p4") == doc + "正文末段"
    assert _cite(model, "guobanfa-2016-106/p4/s2") == doc + "正文末段第2句"
    assert not any(c.id.startswith("guobanfa-2016-106/3-3/p") for c in model.corpus.clauses())
    page = (built.docs / "documents" / "guobanfa-2016-106.md").read_text(encoding="utf-8")
    # p3 and its sentences too (audit of every published build: #p3-s1 and #p3-s2 led on only by the page's script)
    moves = [(f"{old}{s}", f"p4{s}") for old in ("c3-3-p1", "p3") for s in ("", "-s1", "-s2")]
    for old, new in moves:
        assert f'<p class="retired-clause" id="{old}" role="note">此条已移至新位置 <a href="./#{new}">' in page


def test_every_citation_is_safe_in_an_attribute(model):
    for document in model.corpus.documents:
        for clause_id, position in citation.positions(document).items():
            assert citation.is_plain_citation(position), (clause_id, position)


# Positions after insertions: ids keep their number (track/lineage.py), citations count what a reader sees.

PARTS = "《测试》（测发〔2020〕1号）"
TEXT = """
国务院各部委：
现将方案印发给你们。
一、总则
（一）目标。
甲段。
乙段第一句。乙段第二句。乙段第三句。
丙段。
"""


def renamed(document: Document, renames: dict[str, str]) -> Document:
    """``document`` with ids renamed as the lineage stage pins them after an insertion: ``renames`` maps
    an old id (without the slug) to its new last step; a clause's children follow it."""

    def new(clause_id: str) -> str:
        slug, *steps = clause_id.split("/")
        path = [slug]
        for end, step in enumerate(steps, start=1):
            path.append(renames.get("/".join(steps[:end]), step))
        return "/".join(path)

    clauses = tuple(replace(c, id=new(c.id), parent=c.parent and new(c.parent)) for c in document.clauses)
    return replace(document, clauses=clauses)


def _tiny(tmp_path) -> Document:
    source = tiny_source(tmp_path, TEXT, extra={"body_starts_at": "一、"})
    return load_corpus(source, Collector()).documents[0]


def test_lettered_ids_are_cited_by_their_place_among_their_siblings(tmp_path):
    # 乙段 and its second sentence were inserted later: 乙 is p1a, 丙 keeps p2; 乙's sentences s1, s1a, s2
    document = renamed(
        _tiny(tmp_path),
        {"1-1/p2": "p1a", "1-1/p3": "p2", "1-1/p2/s2": "s1a", "1-1/p2/s3": "s2", "pre2": "pre1a"},
    )
    cite = {c.id.split("/", 1)[1]: citation.citation(document, c) for c in document.clauses}
    assert cite["1-1/p1a"] == PARTS + "第一部分第（一）条第2段"
    assert cite["1-1/p2"] == PARTS + "第一部分第（一）条第3段"
    assert cite["1-1/p1a/s1a"] == PARTS + "第一部分第（一）条第2段第2句"
    assert cite["1-1/p1a/s2"] == PARTS + "第一部分第（一）条第2段第3句"
    assert cite["pre1a"] == PARTS + "文首第2行"


def test_a_paragraph_inserted_before_the_first_is_the_first(tmp_path):
    document = renamed(_tiny(tmp_path), {"1-1/p1": "p0a", "1-1/p2": "p1", "1-1/p3": "p2"})
    cited = positions(document)
    assert cited["test-2020-1/1-1/p0a"] == "第一部分第（一）条第1段"
    assert cited["test-2020-1/1-1/p1/s3"] == "第一部分第（一）条第2段第3句"
    assert cited["test-2020-1/1-1/p2"] == "第一部分第（一）条第3段"


def test_the_crossref_pages_cite_a_sentence_as_the_copy_button_does(model):
    """对照 headings (第N句 of the Chongqing sentence) and national citations after a sentence insertion."""
    local = renamed(
        model.corpus.document("yufufa-2016-25"),
        {f"2-1/p2/s{n}": ("s1a" if n == 2 else f"s{n - 1}") for n in range(2, 7)},
    )
    national = renamed(
        model.corpus.document("guofa-2016-86"),
        {"2-3/p2": "p1a", "2-3/p3": "p2", "2-3/p4": "p3", "2-3/p4/s2": "s1a", "2-3/p4/s3": "s2"},
    )
    corpus = replace(
        model.corpus,
        documents=tuple({d.slug: d for d in (local, national)}.get(d.slug, d) for d in model.corpus.documents),
    )
    ref = CrossRef(national="guofa-2016-86/2-3/p3/s2", local="yufufa-2016-25/2-1/p2/s3", score=1.0, method="curated")
    site = Site(corpus=corpus, crossrefs=(ref,))

    row = next(r for g in crossrefs.groups(site) for r in g.rows if r.sentence.id == ref.local)
    assert row.number == 4
    assert positions(local)[ref.local].endswith("第二部分第（一）条第2段第4句")
    assert crossrefs.cited_positions(site)[ref.national] == positions(national)[ref.national]
    assert positions(national)[ref.national] == "第二部分第（三）条第4段第3句"


def test_a_chongqing_task_is_numbered_by_its_paragraphs_place(model):
    local = renamed(model.corpus.document("yufufa-2016-25"), {"2-1/p2": "p1a", "2-1/p3": "p2", "2-1/p4": "p3"})
    tasks = extract_tasks(Corpus(documents=(local,)), AgencyMatcher(()), SOURCE, Collector())
    numbers = {t.clause.split("/", 1)[1]: t.number for t in tasks if t.clause.startswith("yufufa-2016-25/2-1/")}
    assert numbers == {
        "2-1/p1": "二（一）第1段",
        "2-1/p1a": "二（一）第2段",
        "2-1/p2": "二（一）第3段",
        "2-1/p3": "二（一）第4段",
    }


def test_a_paragraph_after_the_numbered_parts_is_cited_as_the_bodys_close(model):
    """正文第2段 for 106号's closing call sent readers to the second paragraph under the title (public-reader
    review). A top-level paragraph after the numbered parts is 正文末段; with more than one, 正文结尾第N段;
    a paragraph between two parts, or before the first, is counted as before."""
    document = model.corpus.document("guobanfa-2016-106")
    assert citation.closing_paragraphs(document) == {"guobanfa-2016-106/p4": "正文末段"}
    top = [c for c in document.clauses if c.parent is None]
    section, paragraph = (next(c for c in top if c.kind is kind) for kind in (ClauseKind.SECTION, ClauseKind.PARAGRAPH))

    def shape(*kinds: str) -> dict[str, str]:
        clauses = [replace(section if k == "s" else paragraph, id=f"d/{i}") for i, k in enumerate(kinds)]
        return citation.closing_paragraphs(replace(document, clauses=tuple(clauses)))

    assert shape("p", "s", "p") == {"d/2": "正文末段"}
    assert shape("p", "s", "p", "s", "p", "p") == {"d/4": "正文结尾第1段", "d/5": "正文结尾第2段"}
    assert shape("p", "s", "s") == {}
