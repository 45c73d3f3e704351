"""Tasks and their roles: the real 66号 and tiny synthetic texts, every role mode."""

from __future__ import annotations

import html
import json
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from build_scripts.citation import positions
from build_scripts.errors import Collector
from build_scripts.extract import extract
from build_scripts.extract.tasks import parse_roles
from build_scripts.pipeline import load_corpus

from .helpers import FIXTURE, read_page, tiny_source, unkept

T = "guobanhan-2016-66-t"


def _task(model, number):
    return next(t for t in model.tasks if t.id == f"{T}{number}")


def test_66_gives_tasks_1_to_106_and_42_agencies(model):
    tasks = [t for t in model.tasks if t.doc == "guobanhan-2016-66"]
    assert [t.number for t in tasks] == [str(n) for n in range(1, 107)]
    used = {a for t in tasks for a in t.lead_agencies + t.other_agencies}
    assert len(used) == 42
    full = {a.id: a.full_name for a in model.agencies}
    assert all(full[a] for a in used)
    assert all(t.mode != "none" for t in tasks)


@pytest.mark.parametrize(
    ("number", "mode", "leads", "others", "open_list"),
    [
        (1, "sole", ["cnipa"], [], False),
        (2, "first_listed", ["scopsr"], ["cnipa", "saic", "ncac"], False),  # "…负责。列第一位者为牵头部门，下同"
        (
            20,
            "explicit",
            ["anti-counterfeiting-office", "spp"],
            ["spc", "mps", "moa", "moc", "gacc", "saic", "aqsiq", "ncac", "sfa", "cnipa"],
            False,
        ),
        (33, "explicit", ["cnipa", "spc"], [], False),  # "知识产权局、高法院牵头负责"
        (
            17,
            "by_duty",
            ["moa"],
            ["moc", "gacc", "saic", "aqsiq", "ncac", "cfda", "sfa", "cnipa"],
            False,
        ),  # 列第一位者牵头
        (23, "explicit", ["ndrc", "pboc"], ["saic", "ncac", "cnipa"], True),  # "…知识产权局等负责"
        (102, "explicit", ["mof", "cnipa"], ["miit"], False),
    ],
)
def test_real_tasks_have_their_roles(model, number, mode, leads, others, open_list):
    task = _task(model, number)
    assert (task.mode, list(task.lead_agencies), list(task.other_agencies), task.open_list) == (
        mode,
        leads,
        others,
        open_list,
    )


def test_mode_counts_of_66(model):
    modes = Counter(t.mode for t in model.tasks if t.doc == "guobanhan-2016-66")
    assert modes == {"first_listed": 62, "by_duty": 20, "sole": 15, "explicit": 9}


def test_tasks_of_the_other_texts(model):
    per_doc = Counter(t.doc for t in model.tasks)
    assert per_doc == {
        "guobanhan-2016-66": 106,
        "guofa-2016-86": 48,
        "yufufa-2016-25": 26,
        "guozhifaguanzi-2015-59": 13,
        "guobanfa-2016-106": 3,
    }
    ids = {t.id: t for t in model.tasks}
    assert ids["guofa-2016-86-box3"].title == "专利质量提升工程"
    assert ids["guofa-2016-86-4-2-3"].section == "guofa-2016-86/4"
    chongqing = ids["yufufa-2016-25-2-1-p1"]
    assert (chongqing.title, chongqing.mode) == ("培育壮大知识产权密集型产业", "none")
    named = ids["yufufa-2016-25-3-1-p1"]
    assert (named.mode, named.lead_agencies, named.mentioned_agencies) == ("none", (), ("cnipa", "saic", "ncac"))


@pytest.mark.parametrize(
    ("body", "mode", "leads", "others", "open_list"),
    [
        ("甲局负责", "sole", ["甲局"], [], False),
        ("甲局、乙部负责。列第一位者为牵头部门，下同", "first_listed", ["甲局"], ["乙部"], False),
        ("甲局、乙部牵头，丙委、丁署负责", "explicit", ["甲局", "乙部"], ["丙委", "丁署"], False),
        ("甲局、乙部牵头负责", "explicit", ["甲局", "乙部"], [], False),
        ("甲局、乙部按职责分别负责", "by_duty", ["甲局"], ["乙部"], False),
        ("甲局牵头，乙部、丙委等负责", "explicit", ["甲局"], ["乙部", "丙委"], True),
        ("甲局、乙部等按职责分别负责", "by_duty", ["甲局"], ["乙部"], True),
    ],
)
def test_parse_roles(body, mode, leads, others, open_list):
    roles = parse_roles(body)
    assert (roles.mode, [n for n, _ in roles.leads], [n for n, _ in roles.others], roles.open_list) == (
        mode,
        leads,
        others,
        open_list,
    )


TINY = """
一、总则
（一）分工
1.甲任务。（知识产权局负责）
2.乙任务。（知识产权局、工商总局负责。列第一位者为牵头部门，下同）
3.丙任务。（知识产权局、高法院牵头负责）
4.丁任务。（商务部、科技部牵头，财政部、知识产权局等负责）
5.戊任务。（农业部、知识产权局按职责分别负责）
"""


def test_tiny_text_gives_every_mode(tmp_path):
    source = tiny_source(tmp_path, TINY, extra={"numbering": {"items": "global"}})
    shutil.copy(FIXTURE / "agencies.yaml", source / "agencies.yaml")
    errors = Collector()
    _, tasks, _ = extract(source, load_corpus(source, errors), errors)
    assert errors.errors == []
    got = [(t.number, t.mode, t.lead_agencies, t.other_agencies, t.open_list) for t in tasks]
    assert got == [
        ("1", "sole", ("cnipa",), (), False),
        ("2", "first_listed", ("cnipa",), ("saic",), False),
        ("3", "explicit", ("cnipa", "spc"), (), False),
        ("4", "explicit", ("mofcom", "most"), ("mof", "cnipa"), True),
        ("5", "by_duty", ("moa",), ("cnipa",), False),
    ]


def test_the_pages_name_the_document_the_roles_come_from(tmp_path):
    """Roles come from the parentheticals of a document numbered through (66号 here): another such
    document's pages name its own 文号, not 国办函〔2016〕66号 as the templates had it written in."""
    from build_scripts.pipeline import generate

    source = tiny_source(tmp_path, TINY, extra={"numbering": {"items": "global"}})
    shutil.copy(FIXTURE / "agencies.yaml", source / "agencies.yaml")
    pages = {o.path: unkept(o.content) for o in generate(source, tmp_path / "docs", write=False).outputs}
    for path in ("tasks/index.md", "agencies/index.md", "agencies/matrix.md", "agencies/cnipa.md", "agencies/mof.md"):
        assert "测发〔2020〕1号" in pages[path] and "66号" not in pages[path], path


def test_an_index_cell_without_an_agency_says_so(built):
    """Task 1 has one agency: a dash, not an empty cell (a bare label on a phone's card). Task 14
    (按职责分别负责) is led by the first listed, as 66号's rule says of every list (session 39's fact check:
    the index said no one led it)."""
    rows = (built.docs / "tasks" / "index.md").read_text(encoding="utf-8").splitlines()
    row = {n: next(r for r in rows if f"(guobanhan-2016-66-t{n}.md)" in r) for n in (1, 14)}
    assert '<span class="cell-label">其他部门</span>— |' in row[1]
    assert '<span class="cell-label">牵头部门</span>高法院 |' in row[14]


def test_a_task_without_a_parenthetical_is_not_said_to_have_no_roles(built):
    """Roles are read from 66号's parentheticals only. 渝府发〔2016〕25号 三（四） has none, but gives a
    lead in prose (市政府督查室牵头，定期…进行专项督查); its page said 分工方式：未分工 and
    文中提及（非分工）, and 市政府督查室's page 没有牵头的任务, against the text."""
    task = read_page(built.docs / "tasks/yufufa-2016-25-3-4-p1.md")
    assert "市政府督查室牵头" in task
    assert "分工方式：<strong>原文未逐项列出责任部门</strong>" in task and "- 文中提及：[市政府督查室]" in task
    assert "未分工" not in task and "非分工" not in task
    agency = read_page(built.docs / "agencies/cq-duchashi.md")
    assert "\n没有牵头的任务。" not in agency and "国办函〔2016〕66号的分工括注中没有它牵头的任务。" in agency
    index = read_page(built.docs / "tasks/index.md")
    assert "未作部门分工" not in index and "未分工" not in index


def test_a_related_task_names_the_leads_it_shares(model):
    """Task 33 is led by 高法院 and 知识产权局, task 1 by 知识产权局 alone: listed as sharing 知识产权局,
    not as having the same leads (牵头部门相同, as it said)."""
    from build_scripts.pages.tasks import TaskNeighbours

    names = {agency.id: agency.name for agency in model.agencies}
    neighbours = TaskNeighbours(model.tasks, model.corpus.clause_index(), names, cited_positions(model))
    task = next(t for t in model.tasks if t.id == "guobanhan-2016-66-t33")
    reasons = {r.task.id: r.reason for r in neighbours.related(task)}
    assert len(task.lead_agencies) == 2
    assert reasons["guobanhan-2016-66-t1"] == "同由知识产权局牵头"
    assert all(r.startswith(("同属", "同由")) for r in reasons.values())


def test_a_related_task_of_the_same_subsection_names_it(model):
    """Public-reader review: task 55's page listed task 56 alone as 同一部分, though 三、 (第三部分) holds
    tasks 39-70: the tasks listed share its subsection, （五）, which the reason now names as cited."""
    from build_scripts.pages.tasks import TaskNeighbours

    names = {agency.id: agency.name for agency in model.agencies}
    neighbours = TaskNeighbours(model.tasks, model.corpus.clause_index(), names, cited_positions(model))
    task = next(t for t in model.tasks if t.id == "guobanhan-2016-66-t55")
    reasons = {r.task.id: r.reason for r in neighbours.related(task)}
    assert reasons["guobanhan-2016-66-t56"] == "同属第三部分第（五）条", reasons
    assert "同一部分" not in reasons.values()


def cited_positions(site):
    from build_scripts.citation import positions

    return {clause_id: where for d in site.corpus.documents for clause_id, where in positions(d).items()}


def test_boxes_stand_under_the_section_their_heading_is_in(tmp_path, model):
    """86号's 专栏 (ids box1 …) stand under 四、 and 五、: naming those sections selects the same boxes."""
    from .helpers import copy_sources

    source = copy_sources(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    assert listing.count("      - {kind: box}\n") == 1
    (source / "documents.yaml").write_text(
        listing.replace("      - {kind: box}\n", "      - {kind: box, sections: [4, 5]}\n"), encoding="utf-8"
    )
    errors = Collector()
    corpus = load_corpus(source, errors)
    _, tasks, _ = extract(source, corpus, errors)
    errors.raise_if_any()
    boxes = [t.clause for t in tasks if t.clause.startswith("guofa-2016-86/box")]
    assert len(boxes) == 9
    assert boxes == [t.clause for t in model.tasks if t.clause.startswith("guofa-2016-86/box")]
    (source / "documents.yaml").write_text(
        listing.replace("      - {kind: box}\n", "      - {kind: box, sections: [5]}\n"), encoding="utf-8"
    )
    corpus = load_corpus(source, errors)
    _, tasks, _ = extract(source, corpus, errors)
    errors.raise_if_any()
    assert [t.clause for t in tasks if "/box" in t.clause] == [f"guofa-2016-86/box{n}" for n in (7, 8, 9)]  # 五、's


def test_a_plans_title_is_no_task_and_no_paragraph_of_its_numbering(tmp_path):
    """A body opening under the plan's title (测试方案): the title line is no task, and the plan's first
    paragraph is its 第1段, as its copy button cites it (正文第1段), not 第2段."""
    from build_scripts.citation import positions
    from build_scripts.pipeline import generate

    text = "关于印发测试方案的通知\n各有关单位：\n测试方案\n为了测试，制定本方案。\n一、总则\n正文第一段。\n"
    extra = {"title": "关于印发测试方案的通知", "body_starts_at": "测试方案", "tasks": [{"kind": "paragraph"}]}
    site = generate(tiny_source(tmp_path, text, extra=extra), tmp_path / "docs", write=False).site
    document = site.corpus.documents[0]
    first = next(c for c in document.clauses if c.text == "为了测试，制定本方案。")
    tasks = {task.clause: task.number for task in site.tasks}
    assert tasks[first.id] == "第1段" and positions(document)[first.id] == "正文第1段"
    title = next(c for c in document.clauses if c.text == "测试方案")
    assert title.id not in tasks
    assert sorted(tasks.values()) == ["一第1段", "第1段"]


def test_a_task_page_gives_the_citation_the_copy_buttons_give(built):
    """Public-reader review: a task page has no 复制引用 button, and its heading (55 探索…) is no
    citation; staff copying from it got a form of their own. The page now gives the citation in words."""
    page = read_page(built.docs / "tasks" / "guobanhan-2016-66-t55.md")
    assert '<p class="task-cite" id="task-cite">引用：《重点任务分工方案》（国办函〔2016〕66号）第55项</p>' in page
    page = read_page(built.docs / "tasks" / "guofa-2016-86-4-6-3.md")
    assert "引用：《“十三五”国家知识产权保护和运用规划》（国发〔2016〕86号）第四部分第（六）条第3项</p>" in page


def test_an_unknown_agency_after_a_long_run_of_spaces_is_located_at_once():
    """The column of an unknown agency is found in the raw line with the spaces clean removed allowed between
    its characters; written as a repeated run of spaces, a 某 followed by thirty spaces and no second 某 was
    tried in every way of splitting the run (time doubling with each space: minutes for thirty)."""
    from build_scripts.extract.tasks import _column

    raw = "1.完善机制。（知识产权局、某" + " " * 30 + "局、某某办负责）"
    start = time.perf_counter()
    assert _column([raw], 1, "某某办") == raw.index("某某办") + 1
    assert time.perf_counter() - start < 1.0  # about a millisecond


def test_related_tasks_of_a_crowded_subsection_take_no_time_per_sibling():
    """A subsection of 200,000 tasks (a paragraph task per line of a 5 MB text): each page listed its related
    tasks by going through every sibling, so the task pages took time growing with the square of the
    subsection (20,000 paragraphs: 7 s of a 29 s generate; 150,000: past any timeout). The first eight
    siblings are all a page lists. Guard against a hang, not a speed test: 1,000 pages' lists take about
    0.01 s now and 20 s or more when each walks the subsection; the bound, 1 s, is far from both."""
    from types import SimpleNamespace

    from build_scripts.model import Task
    from build_scripts.pages.tasks import RELATED_MAX, TaskNeighbours

    count = 200_000
    tasks = tuple(
        Task(
            id=f"test-2020-1-p{n}",
            doc="test-2020-1",
            number=str(n),
            clause=f"test-2020-1/1-1/p{n}",
            title="",
            text="",
            lead_agencies=("zhishichanquanju",),
            other_agencies=(),
            mode="sole",
            open_list=False,
        )
        for n in range(count)
    )
    clauses = {t.clause: SimpleNamespace(parent="test-2020-1/1-1", line=n + 1) for n, t in enumerate(tasks)}
    names, cited = {"zhishichanquanju": "知识产权局"}, {"test-2020-1/1-1": "第一部分第（一）条"}
    neighbours = TaskNeighbours(tasks, clauses, names, cited)  # type: ignore[arg-type]
    started = time.perf_counter()
    lists = [neighbours.related(task) for task in tasks[-1000:]]
    assert time.perf_counter() - started < 1.0
    assert [r.task.id for r in lists[-1]] == [f"test-2020-1-p{n}" for n in range(RELATED_MAX)]
    assert {r.reason for related in lists for r in related} == {"同属第一部分第（一）条"}


def _front_matter_title(page: str) -> str:
    line = next(line for line in page.splitlines() if line.startswith("title: "))
    return json.loads(line.removeprefix("title: "))


def test_a_task_page_is_headed_and_titled_by_the_tasks_label(built):
    """Reader review: a 66号 task page was headed, and its tab and a search engine's result titled, "10 在对…",
    a bare number no reader could tell for task 10 of 66号, where the search box, the 对照 pages and the
    国家依据 lines all say 任务10. Every task page is headed by its label and title; its title puts its
    document before them."""
    page = (built.docs / "tasks" / "guobanhan-2016-66-t10.md").read_text(encoding="utf-8")
    assert "\n# 任务10 在对党政领导班子和领导干部进行综合考核评价时，" in page
    assert _front_matter_title(page).startswith("《重点任务分工方案》 任务10 在对党政领导班子")
    served = (built.html / "tasks" / "guobanhan-2016-66-t10" / "index.html").read_text(encoding="utf-8")
    assert "<title>《重点任务分工方案》 任务10 在对党政领导班子" in served
    documents = {document.slug: document for document in built.site.corpus.documents}
    wrong = []
    for task in built.site.tasks:
        page = read_page(built.docs / "tasks" / f"{task.id}.md")  # 二（五）第3段 keeps 3段 together
        heading = f"{task.label} {task.title}"
        title = f"{documents[task.doc].meta.short_title} {heading}"
        shown = re.search(r"^# (.*) \{ #task-title \}$", page, re.MULTILINE)
        if not shown or html.unescape(shown[1]) != heading or _front_matter_title(page) != title:
            wrong.append(task.id)
    assert wrong == []
    labels = {task.label for task in built.site.tasks}
    assert {f"任务{n}" for n in range(1, 107)} <= labels and {"专栏3", "任务四（二）1", "任务二（一）"} <= labels


# A link in docs/: Markdown's [words](address) or an HTML <a href="address">words</a>
_LINK_RE = re.compile(
    r"\[(?P<md_words>[^\]]*)\]\((?P<md_to>[^)\s]+)\)|<a href=\"(?P<html_to>[^\"]+)\"[^>]*>(?P<html_words>.*?)</a>"
)
_PAGE_NAME_RE = re.compile(r"(?P<name>[a-z0-9-]+)(?:\.md|/)(?:#.*)?$")  # the page an address ends at


def test_every_link_to_a_task_page_names_the_task_as_the_pages_heading_does(built):
    """Reader review: the 相关任务 lists of the task pages and the task tables of the agency pages named a
    task "10 在对…", where its page (now) and the 对照 pages say 任务10. A link to a task page says its
    heading, or its label alone, either after its document's 文号 (国办函〔2016〕66号 任务14); the task index,
    whose 编号 column gives the number, links the title alone."""
    tasks = {task.id: task for task in built.site.tasks}
    numbers = {document.slug: document.meta.doc_number for document in built.site.corpus.documents}
    wrong, seen = [], 0
    for path in sorted(built.docs.rglob("*.md")):
        where = path.relative_to(built.docs).as_posix()
        for link in _LINK_RE.finditer(path.read_text(encoding="utf-8")):
            to = link["md_to"] or link["html_to"]
            name = _PAGE_NAME_RE.search(to)
            if not name or name["name"] not in tasks or "documents/" in to:
                continue
            task = tasks[name["name"]]
            words = html.unescape(re.sub(r"<[^>]+>", "", link["md_words"] or link["html_words"] or ""))
            named = {f"{task.label} {task.title}", task.label}
            named |= {f"{numbers[task.doc]} {n}" for n in named}
            if where == "tasks/index.md":
                named.add(task.title)
            seen += 1
            if words not in named:
                wrong.append((where, words))
    assert seen > 1500
    assert wrong == [], f"{len(wrong)}: {wrong[:5]}"


# A task page's section of the other side of the national–Chongqing links: 重庆落实 (66号), 重庆文件中的对应句
# (86号, 106号, 59号) or 国家依据 (25号's measures)
_LINKED_SECTIONS = ("chongqing", "national-basis")


def test_a_task_pages_chongqing_section_comes_before_its_related_tasks(built):
    """Staff review: on a phone, a 66号 task page read 任务内容, 责任部门, 相关任务 (up to 8 long items, about a
    screen), then 重庆落实, where staff most often look (how did Chongqing carry out task N). On every task
    page, of each document, the section on the other side of the links comes before 相关任务, in the page
    and in its table of contents."""
    both, checked = set(), 0
    for task in built.site.tasks:
        page = (built.docs / "tasks" / f"{task.id}.md").read_text(encoding="utf-8")
        sections = re.findall(r"^## .* \{ #([a-z-]+) \}$", page, re.MULTILINE)
        linked = [section for section in sections if section in _LINKED_SECTIONS]
        if not linked or "related-tasks" not in sections:
            continue
        both.add(task.doc)
        assert sections.index(linked[0]) < sections.index("related-tasks"), (task.id, sections)
        served = (built.html / "tasks" / task.id / "index.html").read_text(encoding="utf-8")
        contents = served.split('aria-label="目录"', 1)[1].split("</nav>", 1)[0]
        assert contents.index(f'href="#{linked[0]}"') < contents.index('href="#related-tasks"'), task.id
        checked += 1
    assert both == {document.slug for document in built.site.corpus.documents}  # all four national and 25号
    assert checked > 140


def test_a_paragraphs_place_is_written_in_one_style_wherever_the_site_writes_it(built):
    """Staff review: 25号's measures were numbered 二（五）第三段 (page titles, headings, 相关任务, the task
    index, tasks.json, the search records) while their citation line, the 对照 basis lines and clauses.json
    said 第3段, and so of 第N句 and 文首第N行. A counted place (段, 句, 行) is written in Arabic digits
    everywhere; only an article's 款 (第二款) keeps Chinese numerals, as laws cite it."""
    counted_in_chinese = re.compile(r"第[〇零一二三四五六七八九十百两]+[段句行]")
    found = {}
    for path in sorted(built.docs.rglob("*")):
        if path.suffix in (".md", ".json") and path.name != "search-index.json":
            hits = counted_in_chinese.findall(path.read_text(encoding="utf-8"))
            if hits:
                found[path.relative_to(built.docs).as_posix()] = hits[:3]
    assert found == {}
    cited = positions(built.site.corpus.document("yufufa-2016-25"))
    paragraphs = [task for task in built.site.tasks if task.clause.split("/")[-1].startswith("p")]
    assert len(paragraphs) == 26
    for task in paragraphs:  # 二（五）第3段 and its citation 第二部分第（五）条第3段 end alike
        assert task.number.endswith(re.search(r"第[0-9]+段$", cited[task.clause])[0]), task.number
    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    entry = next(e for e in index["e"] if e["l"] == "tasks/yufufa-2016-25-2-3-p3/")
    # the form readers were given before still finds it (25号 二（三）第三段), after the one the site writes
    assert entry["c"][:2] == ["任务二（三）第3段", "任务二（三）第三段"], entry["c"]


def test_each_task_and_indicator_is_linked_from_its_place_in_the_documents_text(built):
    """From session 38's public-reader review: the document pages, where readers arrive, linked no task page but
    66号's (by ⇄, for the 70 tasks Chongqing takes up) and no indicator page: a reader of 86号 reached its tasks'
    责任单位 only by the lists or search. Each task's clause and each indicator's row now link their page, in the
    built HTML, inside the clause's own element."""
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: list[str] = []  # the ids of the open elements that carry one
            self.stack: list[str | None] = []
            self.found: set[tuple[str, str]] = set()  # (an enclosing id, a page link's href)

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
                return
            self.stack.append(attrs.get("id"))
            if tag == "a" and attrs.get("class") == "page-link":
                self.found |= {(i, attrs["href"]) for i in self.stack if i}

        def handle_endtag(self, tag):
            if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr") and self.stack:
                self.stack.pop()

    site = built.site
    by_doc: dict[str, set[tuple[str, str]]] = {}
    for document in site.corpus.documents:
        parser = Links()
        parser.feed((built.html / "documents" / document.slug / "index.html").read_text(encoding="utf-8"))
        by_doc[document.slug] = {(anchor, href.rstrip("/").rsplit("/", 1)[-1]) for anchor, href in parser.found}
    clauses = site.corpus.clause_index()
    for task in site.tasks:
        assert (clauses[task.clause].anchor, task.id) in by_doc[task.doc], task.id
    rows = [i for i in site.indicators if i.clause and i.clause not in {t.clause for t in site.tasks}]
    assert len(rows) >= 10
    for indicator in rows:
        assert (clauses[indicator.clause].anchor, indicator.id) in by_doc[indicator.doc], indicator.id
    assert sum(len(links) for links in by_doc.values()) >= len(site.tasks) + len(rows)


def test_a_list_carried_by_duty_is_led_by_the_agency_listed_first(built):
    """66号's task 2 says of every list after it 列第一位者为牵头部门，下同, and the brief's rule is the same:
    the first listed leads unless the text names the lead. The 20 lists that end 按职责分别负责 name none, and
    the site said no one led them (session 39's fact check): 工业和信息化部 led 0 tasks, not t29 and t78."""
    by_duty = [t for t in built.site.tasks if t.mode == "by_duty"]
    assert len(by_duty) == 20
    assert all(len(t.lead_agencies) == 1 for t in by_duty)
    assert [t.number for t in built.site.tasks_led_by("miit") if t.mode == "by_duty"] == ["29", "78"]
    page = read_page(built.docs / "tasks" / "guobanhan-2016-66-t14.md")
    assert "分工方式：<strong>按职责分别负责，列第一位者牵头</strong>" in page
    assert "- 牵头：[高法院](../agencies/spc.md)" in page and "无牵头" not in page


def _names_only(page: Path) -> str:
    """An agency page with the other agencies of its tables (links to their pages since session 42) as their names."""
    return re.sub(r"\[([^\]]+)\]\([a-z-]+\.md\)\{ \.table-agency \}", r"\1", read_page(page))


def test_an_agency_page_says_the_others_of_a_task_it_leads_by_duty_carry_it_each_within_their_remit(built):
    """Session 39's code review: 工业和信息化部's page listed the others of t29 (按职责分别负责) under 参与, where
    the task page and the pages of those others say 分别负责: the lead page now says so too."""
    page = _names_only(built.docs / "agencies" / "miit.md")
    row = next(line for line in page.splitlines() if "tasks/guobanhan-2016-66-t29.md" in line)
    assert row.endswith(
        "公安部、司法部、农业部、商务部、文化部、人民银行、海关总署、工商总局、质检总局、版权局、林业局、知识产权局、网信办、邮政局（按职责分别负责） |"
    )
    cnipa = _names_only(built.docs / "agencies" / "cnipa.md")
    cnipa = cnipa.split("{ #tasks-shared }")[0]
    rows = {t.number: t for t in built.site.tasks_led_by("cnipa")}
    names = {a.id: a.name for a in built.site.agencies}
    plain = [n for n, t in rows.items() if t.mode == "first_listed" and t.other_agencies]
    assert len(plain) >= 10
    for number in plain:  # a task led as first listed says 参与 by its column alone
        row = next(line for line in cnipa.splitlines() if f"66-t{number}.md" in line)
        assert "按职责" not in row and row.endswith("、".join(names[a] for a in rows[number].other_agencies) + " |")
