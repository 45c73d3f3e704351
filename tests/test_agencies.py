"""The agency register: located errors for bad curated data, mentions without false hits, pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import SOURCE, copy_sources, generate_in, read_page, run_cli


def _damaged(tmp_path: Path, name: str, old: str, new: str) -> Path:
    source = copy_sources(tmp_path)
    path = source / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return source


def _line_col(source: Path, name: str, needle: str) -> tuple[int, int]:
    """Line and column of the last line holding ``needle`` (a repeat is reported where it repeats)."""
    lines = (source / name).read_text(encoding="utf-8").split("\n")
    number = max(n for n, line in enumerate(lines, 1) if needle in line)
    return number, lines[number - 1].index(needle) + 1


CASES = {
    "unknown abbreviation in a 66号 parenthetical": (
        "guobanhan-2016-66.txt",
        "（公安部负责）",
        "（国家公安局负责）",
        "国家公安局",
        "expected an agency name or short name from agencies.yaml, found '国家公安局'",
    ),
    "abbreviation not first in the list": (
        "guobanhan-2016-66.txt",
        "（工商总局、法制办负责）",
        "（工商总局、法治办负责）",
        "法治办",
        "expected an agency name or short name from agencies.yaml, found '法治办'",
    ),
    "agency id used but not defined": (
        "indicators.yaml",
        "agencies: [cnipa]",
        "agencies: [cnipo]",
        "cnipo",  # at the list item (it was at the indicator's entry)
        "expected an agency id defined in agencies.yaml, found 'cnipo'",
    ),
    "duplicate agency id": (
        "agencies.yaml",
        "id: cpc-organization",
        "id: cpc-publicity",
        "id: cpc-publicity\n",
        "expected each agency id once, found 'cpc-publicity' again",
    ),
    "duplicate short name": (
        "agencies.yaml",
        "short_names: [中央组织部]",
        "short_names: [中央宣传部]",
        "name: 中央宣传部",  # at cpc-publicity's name, the form it gives after cpc-organization's short name
        "expected each short name once, found '中央宣传部' again",
    ),
    "bad kind": ("agencies.yaml", "kind: military", "kind: army", "kind: army", "expected kind to be one of"),
    "unknown key": (
        "agencies.yaml",
        "    kind: military\n",
        "    kind: military\n    rank: 1\n",
        "rank: 1",
        "expected one of id, name, full_name, short_names, former_names, search_aliases, search_offices, kind, successor, unchanged, source in an agency, found unknown key 'rank'",
    ),
    "search alias that is a short name": (  # the matcher never reads aliases: it would miss this one
        "agencies.yaml",
        "short_names: [中央组织部]",
        "short_names: [中央组织部]\n    search_aliases: [中央宣传部]",
        "search_aliases: [中央宣传部]",
        "expected a search alias that is no name or short name, found '中央宣传部' (cpc-publicity, line ",
    ),
    "former name that is no short name": (  # the matcher reads short_names: a former name must be one of them
        "agencies.yaml",
        "short_names: [中央组织部]",
        "short_names: [中央组织部]\n    former_names: [中组部]",
        "former_names: [中组部]",
        "expected each former name to be one of the agency's short_names, found '中组部'",
    ),
    "search alias given twice": (
        "agencies.yaml",
        "short_names: [中央组织部]",
        "short_names: [中央组织部]\n    search_aliases: [中组部, 中组部]",
        "search_aliases: [中组部, 中组部]",
        "expected each search alias once, found '中组部' again (first at line ",
    ),
    "search aliases that are no list": (
        "agencies.yaml",
        "short_names: [中央组织部]",
        "short_names: [中央组织部]\n    search_aliases: 组织部",
        "search_aliases: 组织部",
        "expected 'search_aliases' of an agency to be a list of text, found '组织部'",
    ),
    "renamed and unchanged": (  # which of the two the page should say is unknown
        "agencies.yaml",
        "商标管理职责划入重新组建的国家知识产权局}",
        "商标管理职责划入重新组建的国家知识产权局}\n    unchanged: 此后未再更名",
        "unchanged: 此后未再更名",
        "expected either 'successor' (the body was renamed or merged) or 'unchanged' (checked: it was not), found both",
    ),
    "later successor that is no mapping": (
        "agencies.yaml",
        "successor: {name: 中国银行保险监督管理委员会, year: 2018, note:",
        "successor: {name: 中国银行保险监督管理委员会, year: 2018, later: 国家金融监督管理总局, note:",
        "later: 国家金融监督管理总局",
        "expected 'later' to be a mapping with name, year, found '国家金融监督管理总局'",
    ),
    "duplicate indicator variant": (
        "indicators.yaml",
        "variants: [计算机软件著作权登记量]",
        "variants: [植物新品种申请量]",
        "variants: [植物新品种申请量]",  # the later one's item (line 36's is the first)
        "expected each name and variant once, found '植物新品种申请量' again",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_curated_data_gives_a_located_error(tmp_path, case):
    name, old, new, needle, message = CASES[case]
    source = _damaged(tmp_path, name, old, new)
    line, column = _line_col(source, name, needle.rstrip("\n"))
    if case in (
        "search aliases that are no list",
        "renamed and unchanged",
        "later successor that is no mapping",
        "bad kind",
        "duplicate agency id",
        "duplicate short name",
    ):  # at the key's value (a repeat too: it was said at the entry, the "- " that opens it)
        column += len(needle.split(": ")[0]) + 2
    elif case in (
        "search alias that is a short name",
        "search alias given twice",
        "former name that is no short name",
        "duplicate indicator variant",
    ):  # at the last item of the needle's list
        column += max(needle.rfind("["), needle.rfind(" ")) + 1
    # else where the needle is: a text's name, or the list item of "agency id used but not defined"
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"source_texts/{name}:{line}:{column}: {message}" in proc.stderr, proc.stderr
    assert re.search(rf"^source_texts/{re.escape(name)}:\d+:\d+: expected .+, found .+$", proc.stderr, re.M)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("short_names: [工业和信息化部]", 'short_names: [工业和信息化部, "工业和\\n信息化部"]'),
        ("search_aliases: [工商, 国家工商总局]", 'search_aliases: [工商, "工商\\n总局"]'),
    ],
    ids=["short name", "search alias"],
)
def test_a_line_break_in_a_listed_name_is_refused_where_it_stands(tmp_path, old, new):
    """A name, a title or an id given a line break is refused; a short name or a search alias was taken
    with it (a form no text holds, a page that shows its alias broken in two)."""
    source = _damaged(tmp_path, "agencies.yaml", old, new)
    line, column = _line_col(source, "agencies.yaml", new[new.index('"') :].rstrip("]"))  # the item, quoted
    key, written = new.split(": [", 1)[0], new.split('"')[1].replace("\\n", "\n")
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.splitlines()[:-1] == [
        f"{source.name}/agencies.yaml:{line}:{column}: expected each of '{key}' of an agency to be one line of "
        f"text, found a line break in {written!r}"
    ], proc.stderr


def test_mentions_refuse_provincial_offices_and_parts_of_longer_names(model):
    agencies = {a.id: a for a in model.agencies}
    clauses = model.corpus.clause_index()
    for agency in model.agencies:
        for m in agency.mentions:
            text = clauses[m.clause].text
            assert text[m.start : m.end] == m.surface
            assert not text[: m.start].endswith(("兵团", "省", "市")), (agency.id, text)
    cnipa_59 = [m for m in agencies["cnipa"].mentions if m.clause.startswith("guozhifaguanzi-2015-59/")]
    assert all(m.surface == "国家知识产权局" for m in cnipa_59) and len(cnipa_59) == 6
    assert [m.surface for m in agencies["ncac"].mentions if m.clause.startswith("yufufa")] == ["国家版权局"]
    assert not any(m.surface == "版权局" and not m.role for m in agencies["ncac"].mentions)
    # “新闻出版广电总局（国家版权局）”: one body under its two names is one mention, not two
    in_106 = [(m.clause, m.surface) for m in agencies["ncac"].mentions if m.clause.startswith("guobanfa-2016-106/")]
    assert in_106 == [
        ("guobanfa-2016-106/1-3/s6", "新闻出版广电总局"),
        ("guobanfa-2016-106/3-1/s2", "新闻出版广电总局"),
        ("guobanfa-2016-106/3-3/s2", "新闻出版广电总局"),
    ]
    roles = sum(m.role for a in model.agencies for m in a.mentions)
    assert roles == sum(len(t.lead_agencies + t.other_agencies) for t in model.tasks)


def test_every_agency_task_and_indicator_page_is_built_and_its_links_resolve(built):
    site = built.site
    pages = [f"tasks/{t.id}" for t in site.tasks] + [f"agencies/{a.id}" for a in site.agencies]
    pages += [f"indicators/{i.id}" for i in site.indicators] + ["tasks", "agencies", "agencies/matrix", "indicators"]
    for page in pages:
        html_path = built.html / page / "index.html"
        html = html_path.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#:?]*)(?:#([^"]*))?"', html):
            target, anchor = href
            if not target and not anchor:
                continue
            resolved = (html_path.parent / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file(), (page, target)
            if anchor and resolved.suffix == ".html":
                assert f'id="{anchor}"' in resolved.read_text(encoding="utf-8"), (page, target, anchor)


def test_agency_pages_name_co_leads_and_list_each_sentence_once(built):
    saic = (built.docs / "agencies" / "saic.md").read_text(encoding="utf-8")
    assert "| [任务24 推动完善商业秘密保护法律法规，" in saic  # named as its page is headed
    # the other agencies link to their pages, as a task page names them (plain text here: session 42's phone review)
    assert (
        "商业秘密保护](../tasks/guobanhan-2016-66-t24.md) | — | [法制办](sclao.md){ .table-agency } |" in saic
    )  # 24: 工商总局 leads alone, 法制办 takes part
    assert (
        "| 参与 | [全国打击侵权假冒工作领导小组办公室](anti-counterfeiting-office.md){ .table-agency }、[高检院](spp.md){ .table-agency } |"
        in saic
    )  # 20: who leads what it joins
    assert "| 按职责分别负责 | [农业部](moa.md){ .table-agency } |" in saic  # 17: 按职责分别负责, 农业部 listed first
    # a page some 24 phone screens long (国家知识产权局's) says at its top what it holds, each a link
    contents = re.search(r'<nav class="page-contents" aria-label="本页目录">(.*)</nav>', saic)
    assert contents and re.findall(r'href="#([^"]+)"', contents.group(1)) == ["tasks-led", "tasks-shared", "mentions"]
    led, shared = saic.split("{ #tasks-led }")[1].split("{ #tasks-shared }")
    counts = re.findall(r"（(\d+)）", contents.group(1))
    assert counts == [str(led.count("| [任务")), str(shared.split("{ #mentions }")[0].count("| [任务"))], counts
    for page in ("agencies/ncac.md", "indicators/pct-applications.md"):  # two names in one sentence
        links = re.findall(r'<li><a href="([^"]+)"', (built.docs / page).read_text(encoding="utf-8"))
        assert links and len(links) == len(set(links)), page


def test_an_agency_page_shows_the_common_forms_the_texts_do_not_use(tmp_path):
    """A reader who searched 中组部 lands on 中央组织部's page: it shows that form, as press usage the texts
    do not have, and as text (an alias is never markup)."""
    _damaged(tmp_path, "agencies.yaml", "[中央组织部]", '[中央组织部]\n    search_aliases: [中组部, "<b>组织部</b>"]')
    assert generate_in(tmp_path).returncode == 0
    page = (tmp_path / "docs/agencies/cpc-organization.md").read_text(encoding="utf-8")
    assert (
        "<dt>简称</dt><dd>中央组织部</dd>\n<dt>常用简称</dt><dd>中组部、&lt;b&gt;组织部&lt;/b&gt; "
        "<small>（一般报道中的通行简称，所收文件未用）</small></dd>\n"
    ) in page
    assert "常用简称" not in (tmp_path / "docs/agencies/cpc-publicity.md").read_text(encoding="utf-8")  # none: no line


def test_an_office_of_an_agency_is_listed_as_its_office_not_as_a_name_of_it(built, tmp_path):
    """商标局 was 工商总局's office (its 内设机构) in 2016, not a name of it, and the page listed it under 常用简称
    (session 39's fact-check review). agencies.yaml's search_offices: found by search as an alias is (the browser
    test_search), listed as 内设机构; given as a name of another agency, refused at its item."""
    saic = read_page(built.docs / "agencies" / "saic.md")
    assert "<dt>常用简称</dt><dd>工商、国家工商总局 <small>" in saic
    assert "<dt>内设机构</dt><dd>商标局 <small>（所收文件印发时属本机构" in saic
    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    entry = next(e for e in index["e"] if e["l"] == "agencies/saic/")
    assert (
        entry["x"] == "国家工商行政管理总局、工商总局、工商、国家工商总局；内设机构：商标局"
    )  # a result says what it is
    assert "商标局" in entry["n"]  # and search still finds the page by it
    source = copy_sources(tmp_path, SOURCE)
    path = source / "agencies.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("search_offices: [商标局]", "search_offices: [商标局, 知识产权局]"),
        encoding="utf-8",
    )
    proc = run_cli("generate", "--source", str(source), "--docs", str(tmp_path / "docs"))
    line, column = _line_col(source, "agencies.yaml", "[商标局, 知识产权局]")
    column += len("[商标局, ")
    assert proc.returncode == 1
    assert (
        f"agencies.yaml:{line}:{column}: expected a search office that is no name or short name, found '知识产权局'"
        in proc.stderr
    )


def test_an_agency_page_says_whether_its_name_was_checked_after_2018(built):
    """名称未变（或未核实） told a reader nothing (public-reader review): 28 of the 32 bodies without a
    successor were checked against the 2018 and 2023 reform plans (agencies_notes.md; the 知识产权战略
    联席会议 against the 2021 纲要; cnipa, re-formed under its name as 司法部 was, since session 44), 4 were not. A checked one says 名称未变 and how it went on; an
    unchecked one says 未核实; the list of agencies tells them apart too; the data says which."""
    pages = {a.id: read_page(built.docs / "agencies" / f"{a.id}.md") for a in built.site.agencies}
    assert "名称未变（或未核实）" not in "".join(pages.values()) and "2018年以后" not in "".join(pages.values())
    moj = "将司法部和国务院法制办公室的职责整合，重新组建司法部，不再保留国务院法制办公室"
    assert f"<dt>后续沿革</dt><dd>名称未变<br><small>2018年《国务院机构改革方案》{moj}</small></dd>" in pages["moj"]
    assert '<dt>后续沿革</dt><dd><span class="unknown">未核实</span></dd>' in pages["cq-duchashi"]
    assert "<dt>后续沿革</dt><dd>生态环境部（2018年）" in pages["mep"]
    listing = read_page(built.docs / "agencies" / "index.md")
    rows = {
        line.split("](", 1)[1].split(".md)", 1)[0]: line
        for line in listing.splitlines()
        if "](" in line and " | " in line
    }
    assert rows["moj"].rstrip(" |").endswith("名称未变") and rows["cq-duchashi"].rstrip(" |").endswith("未核实")
    assert rows["mep"].rstrip(" |").endswith("生态环境部（2018年）")
    records = {r["id"]: r for r in json.loads((built.docs / "data" / "agencies.json").read_text(encoding="utf-8"))}
    checked = [a.id for a in built.site.agencies if a.successor is None and a.unchanged]
    unchecked = [a.id for a in built.site.agencies if a.successor is None and not a.unchanged]
    assert (len(checked), len(unchecked)) == (28, 4)
    assert records["moj"]["unchanged"].startswith("2018年") and records["cq-duchashi"]["unchanged"] is None
    assert records["mep"]["unchanged"] is None and records["mep"]["successor"]["name"] == "生态环境部"
    # a successor itself gone: the chain, on the page, in the list and in the data
    chain = "中国银行保险监督管理委员会（2018年） → 国家金融监督管理总局（2023年）"
    assert f"<dt>后续沿革</dt><dd>{chain}<br>" in pages["cbrc"] and rows["cbrc"].rstrip(" |").endswith(chain)
    assert records["cbrc"]["successor"]["later"] == {"name": "国家金融监督管理总局", "year": 2023}
    assert records["mep"]["successor"]["later"] is None


def test_a_body_re_formed_under_its_own_name_is_said_unchanged_not_succeeded(built):
    """Open-data review (session 44): cnipa's successor was 国家知识产权局, its own name, while 科技部 and 司法部,
    re-formed (重新组建) in 2018 under their names too, are unchanged with no successor; a reader listing the
    bodies that no longer exist got cnipa. Each re-formed body is now said as the other two."""
    records = json.loads((built.docs / "data" / "agencies.json").read_text(encoding="utf-8"))
    assert not [r["id"] for r in records if r["successor"] and r["successor"]["name"] in (r["name"], r["full_name"])]
    cnipa = next(r for r in records if r["id"] == "cnipa")
    assert cnipa["successor"] is None and "重新组建国家知识产权局" in cnipa["unchanged"]
    page = read_page(built.docs / "agencies" / "cnipa.md")
    assert "<dt>后续沿革</dt><dd>名称未变<br><small>2018年《国务院机构改革方案》重新组建国家知识产权局" in page


def test_a_line_separator_in_the_text_does_not_shift_the_reported_position(tmp_path):
    """U+2028 is no line break to the parser; ``str.splitlines`` would count one and report the
    unknown agency on the wrong line's column."""
    source = _damaged(tmp_path, "guobanhan-2016-66.txt", "（公安部负责）", "（国家公安局负责）")
    path = source / "guobanhan-2016-66.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[9] += "\u2028"  # above the damaged line
    path.write_text("\n".join(lines), encoding="utf-8")
    line, column = _line_col(source, "guobanhan-2016-66.txt", "国家公安局")
    assert line > 10
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    expected = f"{source.name}/guobanhan-2016-66.txt:{line}:{column}: expected an agency name or short name"
    assert proc.stderr.startswith(expected), proc.stderr


def test_the_list_of_agencies_groups_them_by_kind_party_organs_first(built):
    from build_scripts.model import AGENCY_KINDS

    text = (built.docs / "agencies/index.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (\S+) \{ #kind-([a-z-]+) \}$", text, re.M)
    kinds = [kind for kind in AGENCY_KINDS if any(a.kind == kind for a in built.site.agencies)]
    assert headings == [(AGENCY_KINDS[k], k.replace("_", "-")) for k in kinds]
    assert headings[:2] == [("党中央机构", "party-organ"), ("国务院组成部门", "state-council-department")]
    listed = re.findall(r"\]\(([a-z0-9-]+)\.md\)", text.split("\n## ", 1)[1])  # each row links to its agency
    assert sorted(listed) == sorted(a.id for a in built.site.agencies)  # each once
    for heading, section in zip(headings, re.split(r"^## .*$", text, flags=re.M)[1:], strict=True):
        ids = re.findall(r"\]\(([a-z0-9-]+)\.md\)", section)
        kind = heading[1].replace("-", "_")
        assert ids == [a.id for a in built.site.agencies if a.kind == kind]  # the register's order within a kind


# The 国务院组成部门 in the order of 《国务院关于机构设置的通知》（国发〔2013〕14号）, as far as the texts name them.
STATE_COUNCIL_ORDER = [
    "外交部",
    "发展改革委",
    "教育部",
    "科技部",
    "工业和信息化部",
    "公安部",
    "司法部",
    "财政部",
    "人力资源社会保障部",
    "环境保护部",
    "农业部",
    "商务部",
    "文化部",
    "卫生计生委",
    "人民银行",
]


def test_agencies_within_a_kind_follow_the_official_order(built):
    """Not the code-point order of their names (人力资源社会保障部 before 外交部): readers look for a
    ministry where official lists put it."""
    text = (built.docs / "agencies/index.md").read_text(encoding="utf-8")
    section = text.split("{ #kind-state-council-department }", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"\[([^\]]+)\]\([a-z0-9-]+\.md\)", section) == list(STATE_COUNCIL_ORDER)
    regulators = text.split("{ #kind-regulator }", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"\[([^\]]+)\]\([a-z0-9-]+\.md\)", regulators) == ["银监会", "证监会", "保监会"]
    matrix = (built.docs / "agencies/matrix.md").read_text(encoding="utf-8")
    rows = re.findall(r'<th scope="row"><a href="\.\./([a-z0-9-]+)/">', matrix)
    assert rows.index("mfa") < rows.index("ndrc") < rows.index("pboc") < rows.index("gacc")


def test_an_agency_page_names_the_one_kind_of_state_council_body_it_is(built):
    """国资委 is a 国务院直属特设机构, 法制办 an 办事机构, 国防科工局 and 邮政局 国家局 managed by a ministry,
    the others 直属机构 (国发〔2013〕14号 and 15号, in force in 2016). Their pages said
    “国务院直属特设机构、直属机构、办事机构或部委管理的国家局”, four statuses joined by 或, so a reader
    could not tell which one applies (public-reader review); each page now names its own."""
    kinds = {
        "sasac": "国务院直属特设机构",
        "cnipa": "国务院直属机构",
        "saic": "国务院直属机构",
        "sclao": "国务院办事机构",
        "sastind": "部委管理的国家局",
        "spb": "部委管理的国家局",
    }
    for agency, kind in kinds.items():
        page = (built.docs / f"agencies/{agency}.md").read_text(encoding="utf-8")
        assert f"<dt>类别</dt><dd>{kind}</dd>" in page, agency
    index = (built.docs / "agencies/index.md").read_text(encoding="utf-8")
    assert "或部委管理" not in index
    headings = re.findall(r"^## (\S+) \{ #kind-", index, re.M)
    assert headings[1:6] == [
        "国务院组成部门",
        "国务院直属特设机构",
        "国务院直属机构",
        "国务院办事机构",
        "部委管理的国家局",
    ]


def test_an_agency_page_says_which_document_its_task_numbers_are_from(built):
    """Public-reader review: 工商总局's page listed 牵头的任务 as bare numbers (24, 58) without saying they
    are 国办函〔2016〕66号's; a reader landing from search could not tell which document they number."""
    page = read_page(built.docs / "agencies" / "saic.md")
    assert "## 牵头的任务（国办函〔2016〕66号） { #tasks-led }" in page
    assert "## 参与的任务（国办函〔2016〕66号） { #tasks-shared }" in page


def test_a_sentence_naming_an_agency_many_times_is_read_in_time_growing_with_its_length(model):
    """Whether a name stands after a place (重庆市知识产权局) was asked of all the text before it, from each of
    its characters: a parenthetical listing 20,000 names (a botched export) took 12 s, time growing with the
    square of its length. The place is the few characters before the name. Guard against a hang, not a speed
    test: 40,000 names are read in about 0.1 s now and about 45 s before; the bound, 5 s, is far from both."""
    import time

    from build_scripts.extract.agencies import AgencyMatcher

    matcher = AgencyMatcher(model.agencies)
    text = "、".join(["版权局", "市知识产权局", "知识产权局门"] * 13_334)
    started = time.perf_counter()
    found = matcher.find(text)
    assert time.perf_counter() - started < 5.0
    assert len(found) == 13_334
    assert matcher.find("重庆市\n知识产权局、版权局")[0][1] == len("重庆市\n知识产权局、")


def test_an_agencys_short_names_are_not_its_full_name_again(built):
    """Three bodies the texts name only in full (中央全面深化改革领导小组, the 部际联席会议 and its 办公室) showed
    their page's title again under 简称: the line lists the other forms only, and is left out when there is none."""
    for agency in built.site.agencies:
        page = read_page(built.docs / "agencies" / f"{agency.id}.md")
        listed = re.search(r"<dt>简称</dt><dd>([^<]*)</dd>", page)
        others = [name for name in agency.short_names if name != agency.full_name and name not in agency.former_names]
        assert (listed.group(1).split("、") if listed else []) == others, agency.id
    assert "<dt>简称</dt>" not in read_page(built.docs / "agencies" / "central-reform-group.md")


def test_an_earlier_name_the_texts_use_is_shown_as_the_bodys_former_name_not_a_short_one(built):
    """59号 and 66号's task 1 name the 部际联席会议 by its earlier name, 国家知识产权战略实施工作部际联席会议; task 1 itself
    is what made it the 国务院… one, under a 国务院 leader. Its page called that name a 简称 (session 43's fidelity
    review); agencies.yaml's former_names marks it, and the page shows it as 旧称."""
    page = read_page(built.docs / "agencies" / "ip-strategy-conference.md")
    assert "<dt>旧称</dt><dd>国家知识产权战略实施工作部际联席会议 <small>" in page
    assert "<dt>简称</dt>" not in page
    data = json.loads((built.docs / "data" / "agencies.json").read_text(encoding="utf-8"))
    records = data["agencies"] if isinstance(data, dict) else data
    record = next(r for r in records if r["id"] == "ip-strategy-conference")
    assert record["former_names"] == ["国家知识产权战略实施工作部际联席会议"]
    assert "国家知识产权战略实施工作部际联席会议" in record["short_names"]  # still read in the texts


def test_the_agencies_list_says_what_its_mention_count_counts(built):
    """The list's 提及 column (发展改革委: 牵头 1, 参与 12, 提及 13) was not explained: read as more mentions beside
    the tasks, it doubled them. The page says it counts every time the texts name the body, the 分工括注 too,
    and so it is never less than the tasks the 括注 give it."""
    listing = read_page(built.docs / "agencies" / "index.md")
    intro = listing.split("{ #agencies }", 1)[1].split("\n\n", 2)[1]
    assert "“提及”" in intro and "分工括注中的也计在内" in intro, intro
    rows = re.findall(r"^\| .*\]\(([a-z0-9-]+)\.md\).*$", listing, re.M)
    assert len(rows) == len(built.site.agencies)
    for row in re.findall(r"^\| .*\]\([a-z0-9-]+\.md\).*$", listing, re.M):
        cells = [re.sub(r'<span class="cell-label">[^<]*</span>', "", c).strip() for c in row.strip("|").split("|")]
        led, shared, mentioned = (int(c) for c in cells[2:5])
        assert mentioned >= led + shared, cells


@pytest.mark.parametrize(
    "text",
    ["各市（州）知识产权局：", "各县（市、区）知识产权局要加强执法。", "各省(区、市)知识产权局", "市（区）版权局负责"],
)
def test_a_place_with_its_parts_in_brackets_before_a_name_makes_it_a_local_body(model, text):
    """From session 38's review: a Sichuan notice's addressees, 各市（州）知识产权局, were listed on the national
    office's page as its mention: the place was looked for just before the name, and a ） stood there."""
    from build_scripts.extract.agencies import AgencyMatcher

    assert AgencyMatcher(model.agencies).find(text) == []


def test_a_bracketed_note_before_a_name_leaves_it_the_national_body(model):
    from build_scripts.extract.agencies import AgencyMatcher

    found = AgencyMatcher(model.agencies).find("（工商总局负责）知识产权局牵头")
    assert [agency for agency, _, _ in found] == ["saic", "cnipa"], found


AGENCY_LINK_RE = re.compile(
    r'<a class="agency-ref" href="\.\./\.\./agencies/([a-z0-9-]+)/" title="([^"]*)">([^<]*)</a>'
)


def test_every_agency_name_in_a_documents_text_links_to_its_page(built):
    """From session 38's public-reader review: the document pages linked no agency page. 66号's parenthetical
    （知识产权局、发展改革委、财政部负责） is where a reader asks what else an office does: each name the texts
    give (in a 分工括注 or in running text) now links to its page, the words as the text has them."""
    agencies = {agency.id: agency for agency in built.site.agencies}
    clauses = built.site.corpus.clause_index()
    expected: dict[str, list[tuple[str, str]]] = {}
    for agency in built.site.agencies:
        for mention in agency.mentions:  # in a sentence, or a clause without sentences (59号's 国家知识产权局 line)
            expected.setdefault(clauses[mention.clause].doc, []).append((agency.id, mention.surface))
    assert sum(len(found) for found in expected.values()) >= 480, expected.keys()
    for document in built.site.corpus.documents:
        page = read_page(built.docs / "documents" / f"{document.slug}.md")
        found = AGENCY_LINK_RE.findall(page)
        assert sorted((a, words) for a, _, words in found) == sorted(expected.get(document.slug, [])), document.slug
        for agency_id, title, _ in found:
            assert title == f"部门页：{agencies[agency_id].full_name}", title
    task = read_page(built.docs / "documents" / "guobanhan-2016-66.md").split('id="t55-s4"', 1)[1]
    task = task.split(">", 1)[1].split("</span>")[0]
    assert [(a, w) for a, _, w in AGENCY_LINK_RE.findall(task)] == [
        ("cnipa", "知识产权局"),
        ("ndrc", "发展改革委"),
        ("mof", "财政部"),
    ]
    assert re.sub(r"<[^>]+>", "", task).startswith("（知识产权局、发展改革委、财政部负责）"), task
