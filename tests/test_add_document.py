"""Adding a document as the README says: a text in source_texts/ and its documents.yaml entry."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from build_scripts import cache
from build_scripts.errors import Collector
from build_scripts.link.similarity import local_sentences
from build_scripts.pipeline import generate, load_corpus

from .helpers import SOURCE, copy_sources, mkdocs_build, read_page, run_cli, unkept

TEXT = """测试市知识产权工作方案

一、总体要求
（一）基本原则。坚持创新驱动。坚持依法保护。
1.完善制度。健全知识产权保护制度。
2.加强服务。提升公共服务水平。
二、保障措施
加强组织领导，落实工作责任。
"""
ENTRY = """
  - slug: cefa-2020-7
    title: 测试市人民政府关于印发测试市知识产权工作方案的通知
    short_title: 《测试市知识产权工作方案》
    doc_number: 测府发〔2020〕7号
    issuer: 测试市人民政府
    date: 2020-03-01
    published: null
    level: municipal
    implements: 国发〔2016〕86号
    source_file: cefa-2020-7.txt
    body_starts_at: 一、总体要求
    dropped_lines: []
"""


def add_document(source: Path) -> str:
    """Add the sixth document to ``source`` as README says; returns documents.yaml as it was before."""
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    (source / "cefa-2020-7.txt").write_text(TEXT, encoding="utf-8")
    (source / "documents.yaml").write_text(listing + ENTRY, encoding="utf-8")
    return listing


def test_a_sixth_document_gets_its_page_and_clauses_and_the_site_builds(tmp_path):
    source = copy_sources(tmp_path)
    add_document(source)
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "docs/documents/cefa-2020-7.md").read_text(encoding="utf-8")
    assert "健全知识产权保护制度" in page and 'id="c1-1-1"' in page
    clauses = json.loads((tmp_path / "docs/data/clauses.json").read_text(encoding="utf-8"))
    ids = {c["id"] for c in clauses if c["doc"] == "cefa-2020-7"}
    assert {"cefa-2020-7/1", "cefa-2020-7/1-1", "cefa-2020-7/1-1-2", "cefa-2020-7/2/p1"} <= ids
    home = (tmp_path / "docs/index.md").read_text(encoding="utf-8")  # the counts said 五件 whatever the list held
    assert "本站收录六件中国知识产权政策文件" in home and "六件文件的全文" in home and "五件" not in home
    # the kinds of documents were written into the template (国务院的规划与方案…重庆市的落实意见): a sixth
    # document's issuer went unsaid; the issuers are now the documents.yaml entries'
    assert "发文机关为国务院办公厅、国务院、国家知识产权局、重庆市人民政府和测试市人民政府。" in home, home[:800]
    assert "六件文件提到的部门" in (tmp_path / "docs/agencies/index.md").read_text(encoding="utf-8")
    build = mkdocs_build(tmp_path / "docs", tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site/documents/cefa-2020-7/index.html").is_file()


def test_a_document_cannot_take_the_slug_of_the_documents_list(tmp_path):
    source = copy_sources(tmp_path)
    (source / "cefa-2020-7.txt").write_text(TEXT, encoding="utf-8")
    with open(source / "documents.yaml", "a", encoding="utf-8") as handle:
        handle.write(ENTRY.replace("slug: cefa-2020-7", "slug: index"))
    line = next(
        n
        for n, text in enumerate((source / "documents.yaml").read_text(encoding="utf-8").split("\n"), 1)
        if "slug: index" in text
    )
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert proc.stderr.splitlines()[0] == (
        f"source_texts/documents.yaml:{line}:11: expected a slug other than index (the list of documents has "
        "that page), found 'index'"
    )
    assert not (tmp_path / "docs").exists()


def test_the_twenty_fold_corpus_of_make_bench_is_a_valid_collection(tmp_path):
    """``make bench`` builds 19 renamed copies of each document; its documents.yaml must load (it once
    held YAML aliases for the lists the copies shared, which the loader refuses)."""
    from build_scripts.errors import Collector
    from build_scripts.load.collection import load_documents

    from .bench import COPIES, multiplied_corpus

    # the bench multiplies the live texts (the real site's speed), not the frozen corpus: as many as they hold
    live = len(yaml.safe_load((SOURCE / "documents.yaml").read_text(encoding="utf-8"))["documents"])
    errors = Collector()
    metas = load_documents(multiplied_corpus(tmp_path), errors)
    assert errors.errors == [] and len(metas) == live * COPIES
    assert len({meta.slug for meta in metas}) == len({meta.doc_number for meta in metas}) == live * COPIES


def test_a_new_national_document_is_matched_when_its_entry_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    source = copy_sources(tmp_path)
    sentence = next(s for s in local_sentences(load_corpus(source, Collector())) if len(s.text) > 40)
    (source / "cefa-2020-7.txt").write_text(
        f"一、重点任务\n{sentence.text}\n二、保障措施\n加强组织领导。\n", encoding="utf-8"
    )
    listing = read_page(source / "documents.yaml")
    # a national role is a national document's (its clauses are shown as 国家依据): not a municipal one
    entry = ENTRY.replace("body_starts_at: 一、总体要求", "body_starts_at: null").replace(
        "level: municipal", "level: national"
    )

    intro = {}  # role → the 对照 page's opening paragraph

    def links_to_it(role: str) -> list[tuple[str, str, float]]:
        (source / "documents.yaml").write_text(listing + entry + role, encoding="utf-8")
        result = generate(source, tmp_path / "docs", write=False)
        index = next(unkept(o.content) for o in result.outputs if o.path == "crossrefs/index.md")
        intro[role] = next(line for line in index.splitlines() if "逐句与国家文件对照" in line)
        crossrefs = result.site.crossrefs
        return [(r.national, r.local, r.score) for r in crossrefs if r.national.startswith("cefa-2020-7/")]

    assert links_to_it("    crossrefs: national\n") == [("cefa-2020-7/1/p1/s1", sentence.id, 1.0)]
    assert links_to_it("") == []  # a document without the role is not matched
    national = "国发〔2016〕86号、国办发〔2016〕106号、国知发管字〔2015〕59号"
    assert f"或{national}、测府发〔2020〕7号中的哪一条" in intro["    crossrefs: national\n"]
    assert "与其他四份文件的对应" in intro["    crossrefs: national\n"]
    assert f"或{national}中的哪一条" in intro[""] and "与其他三份文件的对应" in intro[""]


def test_a_new_documents_tasks_are_the_clauses_its_entry_names(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    source = copy_sources(tmp_path)
    listing = add_document(source)

    def tasks(scopes: str) -> list[tuple[str, str]]:
        (source / "documents.yaml").write_text(listing + ENTRY + scopes, encoding="utf-8")
        site = generate(source, tmp_path / "docs", write=False).site
        return [(t.clause, t.number) for t in site.tasks if t.doc == "cefa-2020-7"]

    assert tasks("") == []  # no tasks named: no task pages
    assert tasks("    tasks:\n      - {kind: item, sections: [1]}\n") == [
        ("cefa-2020-7/1-1-1", "一（一）1"),
        ("cefa-2020-7/1-1-2", "一（一）2"),
    ]
    assert tasks("    tasks: [{kind: paragraph, sections: [2], depth: 1}]\n") == [("cefa-2020-7/2/p1", "二第1段")]


def test_a_local_document_without_numbered_sections_is_refused_at_its_role(tmp_path):
    """Its sentences under 一、二、… are the ones matched: with none, the 对照 pages would be empty. Said at
    its crossrefs value (it stood at the entry's '- slug:', a dozen lines above)."""
    source = copy_sources(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8").replace("    crossrefs: local\n", "")
    (source / "cefa-2020-7.txt").write_text("测试市人民政府：\n加强知识产权保护。完善服务体系。\n", encoding="utf-8")
    entry = ENTRY.replace("body_starts_at: 一、总体要求", "body_starts_at: null") + "    crossrefs: local\n"
    (source / "documents.yaml").write_text(listing + entry, encoding="utf-8")
    (source / "crossrefs.yaml").write_text("crossrefs: []\n", encoding="utf-8")
    line = (listing + entry).split("\n").index("    crossrefs: local") + 1
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr.splitlines()[:-1] == [
        f"source_texts/documents.yaml:{line}:16: expected crossrefs: local on a document with sentences under "
        "numbered sections (一、…), the ones matched, found none in cefa-2020-7"
    ]


def test_without_a_tasks_document_the_chongqing_page_links_to_no_comparison(tmp_path, monkeypatch):
    """No role crossrefs: tasks, no 对照 pages: the Chongqing document page must not link to them."""
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    source = copy_sources(tmp_path)
    (source / "published_pages.tsv").unlink()  # a collection that never had 对照 pages (else: tests/test_published)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    (source / "documents.yaml").write_text(listing.replace("    crossrefs: tasks\n", ""), encoding="utf-8")
    for name, key in (("crossrefs.yaml", "crossrefs"), ("task_terms.yaml", "tasks")):
        (source / name).write_text(f"{key}: []\n", encoding="utf-8")
    result = generate(source, tmp_path / "docs", write=False)
    paths = {o.path for o in result.outputs}
    assert [path for path in paths if path.startswith("crossrefs/")] == ["crossrefs/index.md"]  # the menu's, empty
    page = next(unkept(o.content) for o in result.outputs if o.path == "documents/yufufa-2016-25.md")
    assert "crossrefs/chongqing" not in page and "国家依据" not in page


def test_a_slug_that_continues_another_cannot_take_its_task_pages(tmp_path):
    """guofa-2016-86-4's 一、1. would be task guofa-2016-86-4-1-1, the page of 86号's 四、（一）1. too:
    it was an internal error (two outputs claim the same path). Said at the slug (it stood at the entry's '- ')."""
    source = copy_sources(tmp_path)
    (source / "guofa-2016-86-4.txt").write_text("一、总则\n1.甲项。\n2.乙项。\n", encoding="utf-8")
    entry = ENTRY.replace("cefa-2020-7", "guofa-2016-86-4").replace("    body_starts_at: 一、总体要求\n", "")
    with open(source / "documents.yaml", "a", encoding="utf-8") as handle:
        handle.write(entry + "    tasks: [{kind: item}]\n")
    lines = (source / "documents.yaml").read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if "slug: guofa-2016-86-4" in text)
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert proc.stderr.splitlines()[0] == (
        f"source_texts/documents.yaml:{line}:11: expected task pages of guofa-2016-86-4's own, found "
        "/tasks/guofa-2016-86-4-1-1/ the page of both guofa-2016-86/4-1-1 and guofa-2016-86-4/1-1: give it a slug "
        "that does not continue guofa-2016-86's"
    )
    assert not (tmp_path / "docs").exists()


REGULATION = """测试市知识产权保护办法

第一章　总则
第一条　为了加强知识产权保护，结合本市实际，制定本办法。
第二章　保护措施
第二条　市知识产权局负责知识产权保护工作。区县人民政府应当加强领导。
第三条　下列行为应当予以查处：
（一）假冒专利的；
（二）侵犯商标专用权的。
第一百零一条　本办法自2020年3月1日起施行。
"""


# 第三条 with a further paragraph after its items, its 第二款
ARTICLE_WITH_PARAGRAPH = REGULATION.replace("第一百零一条", "第四条").replace(
    "（二）侵犯商标专用权的。\n", "（二）侵犯商标专用权的。\n当事人应当予以协助、配合。\n"
)


def add_regulation(source: Path, text: str, tasks: str = "") -> None:
    """A sixth document numbered as regulations and measures are: 第一章, 第一条 (through the text); its
    clauses of kind ``tasks`` are its tasks when given."""
    (source / "cefa-2020-7.txt").write_text(text, encoding="utf-8")
    entry = ENTRY.replace("body_starts_at: 一、总体要求", "body_starts_at: 第一章")
    entry += f"    tasks: [{{kind: {tasks}}}]\n" if tasks else ""
    (source / "documents.yaml").write_text((source / "documents.yaml").read_text(encoding="utf-8") + entry, "utf-8")


def test_a_regulations_chapters_and_articles_are_its_numbering(tmp_path):
    """第X章 and 第X条 are numbered clauses: ids from their numbers (an article's through the text, as it
    is cited alone), citations as a regulation is cited (第三条第（一）项), the printed space after the
    label kept, and a number out of sequence located."""
    source = copy_sources(tmp_path)
    add_regulation(source, REGULATION.replace("第一百零一条", "第四条"))
    generate(source, tmp_path / "docs")
    clauses = json.loads((tmp_path / "docs/data/clauses.json").read_text(encoding="utf-8"))
    mine = {c["id"].split("/", 1)[1]: c for c in clauses if c["doc"] == "cefa-2020-7" and c["kind"] != "sentence"}
    assert {i: (c["kind"], c["label"], c["parent"]) for i, c in mine.items() if i != "pre1"} == {
        "ch1": ("chapter", "第一章", None),
        "art1": ("article", "第一条", "cefa-2020-7/ch1"),
        "ch2": ("chapter", "第二章", None),
        "art2": ("article", "第二条", "cefa-2020-7/ch2"),
        "art3": ("article", "第三条", "cefa-2020-7/ch2"),
        "art3-1": ("subsection", "（一）", "cefa-2020-7/art3"),
        "art3-2": ("subsection", "（二）", "cefa-2020-7/art3"),
        "art4": ("article", "第四条", "cefa-2020-7/ch2"),
    }
    assert mine["art2"]["text"] == "第二条 市知识产权局负责知识产权保护工作。区县人民政府应当加强领导。"
    page = (tmp_path / "docs/documents/cefa-2020-7.md").read_text(encoding="utf-8")
    assert "## 第二章 保护措施 { #ch2 " in page  # a chapter is a heading; an article's （一） is not
    for anchor, cited in (("art2-s2", "第二条第2句"), ("art3-1", "第三条第（一）项"), ("ch1", "第一章")):
        assert re.search(rf'id="{anchor}"[^>]* data-cite="{cited}"|#{anchor} data-cite="{cited}"', page), anchor
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0

    skipped = copy_sources(tmp_path / "skipped")
    add_regulation(skipped, REGULATION)  # 第一百零一条 after 第三条
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path / "skipped")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0] == (
        "source_texts/cefa-2020-7.txt:10:1: expected article 第四条 after article 第三条, found 第一百零一条"
    )


def test_a_line_that_runs_on_from_an_article_label_is_a_paragraph_of_the_article(tmp_path):
    """第X条 and 第X章 are labels only when the printed space (or the end of the line) follows them: an
    article's further paragraph that opens by citing one ("第一条规定的事项…") is its 第二款, not an
    article out of sequence."""
    source = copy_sources(tmp_path)
    runs_on = "第二条　市知识产权局负责知识产权保护工作。区县人民政府应当加强领导。\n"
    add_regulation(
        source,
        REGULATION.replace("第一百零一条", "第四条").replace(
            runs_on, runs_on + "第一条规定的事项，由市知识产权局组织实施。\n第二章规定的措施，区县参照执行。\n"
        ),
    )
    generate(source, tmp_path / "docs")
    clauses = json.loads((tmp_path / "docs/data/clauses.json").read_text(encoding="utf-8"))
    mine = {c["id"]: c for c in clauses if c["doc"] == "cefa-2020-7"}
    assert mine["cefa-2020-7/art2/p1"]["text"] == "第一条规定的事项，由市知识产权局组织实施。"
    assert mine["cefa-2020-7/art2/p2"]["text"] == "第二章规定的措施，区县参照执行。"
    assert {"cefa-2020-7/art3", "cefa-2020-7/art4"} <= mine.keys()
    page = (tmp_path / "docs/documents/cefa-2020-7.md").read_text(encoding="utf-8")
    assert 'id="art2-p1" data-clause="cefa-2020-7/art2/p1" data-cite="第二条第二款"' in page


def test_a_paragraph_after_an_articles_items_is_the_articles_next_paragraph(tmp_path):
    """An article's items are 项 of its first paragraph: the unnumbered line after them is the article's
    第二款 (art3/p1), not a paragraph of its last item (art3-2/p1, cited 第三条第（二）项第1段)."""
    source = copy_sources(tmp_path)
    add_regulation(source, ARTICLE_WITH_PARAGRAPH)
    generate(source, tmp_path / "docs")
    clauses = json.loads((tmp_path / "docs/data/clauses.json").read_text(encoding="utf-8"))
    paragraph = next(c for c in clauses if c["text"] == "当事人应当予以协助、配合。" and c["kind"] == "paragraph")
    assert (paragraph["id"], paragraph["parent"]) == ("cefa-2020-7/art3/p1", "cefa-2020-7/art3")
    page = (tmp_path / "docs/documents/cefa-2020-7.md").read_text(encoding="utf-8")
    assert 'id="art3-p1" data-clause="cefa-2020-7/art3/p1" data-cite="第三条第二款"' in page


def test_an_articles_task_is_numbered_as_the_article_and_holds_all_of_it(tmp_path):
    """``tasks: [{kind: article}]``: each article's task is numbered 第三条 (it had no number: "#  有下列…")
    and its text is the whole article, its items and further paragraphs with it (it was the first line,
    "…予以查处：", alone)."""
    source = copy_sources(tmp_path)
    add_regulation(source, ARTICLE_WITH_PARAGRAPH, tasks="article")
    generate(source, tmp_path / "docs")
    tasks = {t["id"]: t for t in json.loads((tmp_path / "docs/data/tasks.json").read_text(encoding="utf-8"))}
    task = tasks["cefa-2020-7-art3"]
    assert task["number"] == "第三条"
    assert (
        task["text"]
        == "下列行为应当予以查处：\n（一）假冒专利的；\n（二）侵犯商标专用权的。\n当事人应当予以协助、配合。"
    )
    page = (tmp_path / "docs/tasks/cefa-2020-7-art3.md").read_text(encoding="utf-8")
    assert "# 第三条 下列行为应当予以查处 { #task-title }" in page
    # an article is cited alone, so it names its task alone everywhere (it was 任务第三条 in the search box, and
    # in 相关任务 once task pages were headed by their label)
    assert "- [第二条 市知识产权局负责知识产权保护工作](cefa-2020-7-art2.md)" in page
    index = json.loads((tmp_path / "docs/data/search-index.json").read_text(encoding="utf-8"))
    result = next(entry for entry in index["e"] if entry["l"] == "tasks/cefa-2020-7-art3/")
    assert result["t"].endswith(" 第三条 下列行为应当予以查处") and result["c"][0] == "第三条"
    assert "<p>（二）侵犯商标专用权的。</p><p>当事人应当予以协助、配合。</p>" in page


def test_an_article_number_gone_backwards_is_one_message(tmp_path):
    """A stray 第一条 between 第二条 and 第三条 is reported once; 第三条 after it is not "found 第三条 again"."""
    source = copy_sources(tmp_path)
    add_regulation(source, REGULATION.replace("第三条　", "第一条　多出的一条。\n第三条　"))
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[:2] == [
        "source_texts/cefa-2020-7.txt:7:1: expected article 第三条 after article 第二条, found 第一条",
        "source_texts/cefa-2020-7.txt:11:1: expected article 第四条 after article 第三条, found 第一百零一条",
    ]
    assert not (tmp_path / "docs").exists()


def test_an_articles_paragraph_task_is_numbered_as_its_citation_counts_it(tmp_path):
    """``tasks: [{kind: paragraph}]`` in a regulation: an article's further paragraph is cited 第三条第二款 (the
    article's own line is its 第一款); its task was numbered 第三条第1段 (the paragraph counted from its first
    one, as a 段), so the page's heading and its 引用 line under it named one paragraph two ways."""
    source = copy_sources(tmp_path)
    add_regulation(source, ARTICLE_WITH_PARAGRAPH, tasks="paragraph")
    generate(source, tmp_path / "docs")
    tasks = {t["id"]: t for t in json.loads((tmp_path / "docs/data/tasks.json").read_text(encoding="utf-8"))}
    assert tasks["cefa-2020-7-art3-p1"]["number"] == "第三条第二款"
    page = (tmp_path / "docs/tasks/cefa-2020-7-art3-p1.md").read_text(encoding="utf-8")
    assert "# 第三条第二款 当事人应当予以协助、配合 { #task-title }" in unkept(page)
    assert "引用：《测试市知识产权工作方案》（测府发〔2020〕7号）第三条第二款" in unkept(page)


def test_a_boxs_paragraph_task_is_numbered_in_its_box(tmp_path, monkeypatch):
    """``tasks: [{kind: paragraph}]`` in a plan with a 专栏: the box's paragraphs were numbered as if they stood
    in the section the box's heading is in (一第1段, 一第2段), so its first took the number and page heading
    of the section's own first paragraph (two pages headed 任务一第1段); they are 专栏1第1段, as cited."""
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    source = copy_sources(tmp_path)
    listing = add_document(source)
    (source / "cefa-2020-7.txt").write_text(
        "测试市知识产权工作方案\n\n一、总体要求\n坚持创新驱动。\n专栏1　保护工程\n\n建设保护中心。\n开展执法行动。\n\n"
        "二、保障措施\n加强组织领导。\n",
        encoding="utf-8",
    )
    (source / "documents.yaml").write_text(listing + ENTRY + "    tasks: [{kind: paragraph}]\n", encoding="utf-8")
    site = generate(source, tmp_path / "docs", write=False).site
    tasks = [(t.clause.split("/", 1)[1], t.label) for t in site.tasks if t.doc == "cefa-2020-7"]
    assert tasks == [
        ("1/p1", "任务一第1段"),
        ("box1/p1", "专栏1第1段"),
        ("box1/p2", "专栏1第2段"),
        ("2/p1", "任务二第1段"),
    ]


@pytest.mark.parametrize(
    ("kind", "labels"),
    [
        ("paragraph", [("ch1/p1", "第一章第1段"), ("ch2/p1", "第二章第1段")]),
        ("chapter", [("ch1", "第一章"), ("ch2", "第二章")]),
    ],
)
def test_a_chapters_tasks_are_numbered_by_the_chapter(tmp_path, kind, labels):
    """``tasks: [{kind: paragraph}]`` in a regulation whose chapters open with a line before their first
    article: each such paragraph was numbered 第1段, its chapter left out as an article's is (two pages headed
    第1段); it is 第一章第1段, as cited. A chapter that is a task had no number at all (labelled 任务)."""
    source = copy_sources(tmp_path)
    opened = REGULATION.replace("第一百零一条", "第四条")
    for chapter in ("第一章　总则\n", "第二章　保护措施\n"):
        opened = opened.replace(chapter, chapter + "本章规定" + chapter[4:-1] + "。\n")
    add_regulation(source, opened, tasks=kind)
    site = generate(source, tmp_path / "docs", write=False).site
    assert [(t.clause.split("/", 1)[1], t.label) for t in site.tasks if t.doc == "cefa-2020-7"] == labels
