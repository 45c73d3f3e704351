"""Citation wording by clause kind (build_scripts/citation.py)."""

from __future__ import annotations

from build_scripts import citation


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


def test_every_citation_is_safe_in_an_attribute(model):
    for document in model.corpus.documents:
        for clause_id, position in citation.positions(document).items():
            assert citation.is_plain_citation(position), (clause_id, position)
