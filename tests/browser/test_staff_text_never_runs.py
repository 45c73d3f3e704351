"""Red team: text staff control that looks like HTML, Markdown, Jinja or a Python-Markdown extension
(attr_list, md_in_html) is shown as the text it is, in a real browser, on every page it reaches.

One site is built from a committed copy of the corpus with such text in a sentence, a heading the 对照
links, a task title, an indicator table's row name, documents.yaml, agencies.yaml, indicators.yaml,
external.yaml, crossrefs.yaml and redirects.yaml fields, and a commit subject. No page may run it (a
handler sets ``window.__pwned``), carry an attribute or id it names (``onclick``, ``#t1``: 66号 task 1's
anchor, which staff links point to), or make a link of ``javascript:``; each shows it as written, and
the open data keeps it so.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

import pytest

from build_scripts.clean import clean_text

from ..helpers import copy_sources, mkdocs_build, replace, run_cli
from .conftest import new_page, served
from .search_probe import search_results

pytestmark = pytest.mark.browser


def markup(tag: str) -> str:
    """A line of everything that could act, ending in ``Z<tag>``: each page is asked for the tags it shows."""
    return (
        '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">[x](javascript:window.__pwned=1)'
        '{: onclick="window.__pwned=1" }{: #t1 }{{ 7*7 }}{% raw %}*a*|<!-- c -->&lt;[^1]<b markdown="1">*b*</b>'
        f"Z{tag}"
    )


def written(tag: str) -> str:
    """``markup`` as written in a source text, with a direction override and a zero-width space."""
    return markup(tag) + "\u202e\u200b"


def in_text(tag: str) -> str:
    """``written`` as clean keeps it: the override dropped, the space a space, "…" curled."""
    return clean_text(written(tag)).strip()


def in_yaml(tag: str) -> str:
    """``markup`` as a single-quoted YAML scalar (YAML values refuse invisible characters: none here)."""
    return "'" + markup(tag).replace("'", "''") + "'"


# Lines of their own, each a paragraph of 渝府发〔2016〕25号 二（一）.
LINES = ("---", '!!! note "x"', "[^1]: x", "{: #t1 }", '<div markdown="1">*x*</div>', "行末反斜杠\\", "|a|b|")
TITLE_86 = "PCT专利申请量（万件）"
TITLE_106 = "国务院办公厅关于印发知识产权综合管理改革试点总体方案的通知"
NAME = "PCT专利申请量" + markup("row").replace('"', "'")  # a row's name with no "…" pair for clean to curl
IN_TEXTS = {"sentence", "heading", "task"}


def shown(tag: str) -> str:
    """How the markup of ``tag`` reads on a page and in the open data."""
    if tag == "row":
        return clean_text(NAME).strip()
    return in_text(tag) if tag in IN_TEXTS else markup(tag)


class Site(NamedTuple):
    html: Path
    data: dict[str, str]


def _git(source: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args],
        cwd=source,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("injected")
    source = copy_sources(root)
    _git(source, "init", "-q")
    _git(source, "add", ".")
    _git(source, "commit", "-q", "-m", "初始版本")
    replace(
        "yufufa-2016-25.txt",
        "培育壮大知识产权密集型产业。",
        "培育壮大知识产权密集型产业。" + written("sentence") + "。",
    )(source)
    replace(
        "yufufa-2016-25.txt",
        "　　培育壮大知识产权密集型产业。",
        "\n".join(LINES) + "\n　　培育壮大知识产权密集型产业。",
    )(source)
    replace(
        "guobanfa-2016-106.txt",
        "（二）构建便民利民的知识产权公共服务体系",
        "（二）构建便民利民的知识产权公共服务体系" + written("heading"),
    )(source)
    replace(
        "guobanhan-2016-66.txt",
        "2.积极研究探索知识产权管理体制机制改革",
        "2.积极研究探索知识产权管理体制机制改革" + written("task"),
    )(source)
    replace("guofa-2016-86.txt", "\t" + TITLE_86, "\t" + NAME + "（万件）")(source)
    replace(
        "indicators.yaml",
        "name: PCT专利申请量\n    row: guofa-2016-86/table1/r2",
        f'name: "{NAME}"\n    row: guofa-2016-86/table1/r1a',
    )(source)
    (source / "redirects.yaml").write_text(  # the renamed row is a new row: its old id is retired
        f"redirects:\n  - id: guofa-2016-86/table1/r2\n    note: {in_yaml('retired')}\n    date: 2024-05-01\n",
        encoding="utf-8",
    )
    # 国办发〔2016〕106号's entry (its issuer is the one dated 2016-12-30)
    replace("documents.yaml", "title: " + TITLE_106, f"title: {in_yaml('title')}")(source)
    replace(
        "documents.yaml",
        "short_title: 《知识产权综合管理改革试点总体方案》",
        "short_title: '《" + markup("short_title").replace("'", "''") + "》'",  # a title in 《》 (documents.yaml)
    )(source)
    replace(
        "documents.yaml",
        "issuer: 国务院办公厅\n    date: 2016-12-30",
        f"issuer: {in_yaml('issuer')}\n    date: 2016-12-30",
    )(source)
    replace("agencies.yaml", "full_name: 中央军事委员会装备发展部", f"full_name: {in_yaml('agency')}")(source)
    replace(
        "external.yaml", "title: 国务院关于新形势下加快知识产权强国建设的若干意见", f"title: {in_yaml('external')}"
    )(source)
    (source / "crossrefs.yaml").write_text(
        (source / "crossrefs.yaml").read_text(encoding="utf-8")
        + "  - national: guobanfa-2016-106/2-2/s1\n    national_quote: 构建便民利民的知识产权公共服务体系\n"
        "    local: yufufa-2016-25/2-3/p1/s1\n    local_quote: 完善知识产权公共服务体系\n    decision: confirm\n"
        f"    remark: {in_yaml('remark')}\n",
        encoding="utf-8",
    )
    _git(source, "commit", "-q", "-am", markup("subject"))
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=root)
    assert proc.returncode == 0, proc.stderr
    proc = mkdocs_build(root / "docs", root / "site")
    assert proc.returncode == 0, proc.stderr[-4000:]
    data = {path.name: path.read_text(encoding="utf-8") for path in (root / "docs/data").glob("*.json")}
    return Site(html=root / "site", data=data)


PAGES = {
    "documents/yufufa-2016-25/": ["sentence"],
    "documents/guobanfa-2016-106/": ["heading", "title", "short_title", "issuer"],
    "documents/guobanhan-2016-66/": ["task", "external"],
    "documents/guofa-2016-86/": ["row"],
    "documents/": ["title", "issuer"],
    "tasks/guobanhan-2016-66-t2/": ["task", "sentence"],
    "indicators/pct-applications/": ["row"],
    "indicators/": ["row"],
    "agencies/cmc-edd/": ["agency"],
    "crossrefs/chongqing/c2-3-p1/": ["heading", "remark"],
    "changes/": ["sentence", "row", "task", "heading", "subject", "retired"],
    "": ["short_title", "issuer"],
}

# What a page may not carry: a handler attribute, a javascript: link, an element with the id #t1 but on
# 66号's page (its task 1), an element the markup would make.
PROBE = """() => ({
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    handlers: [...document.querySelectorAll("*")].flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name))
        .map(a => `${e.tagName} ${a.name}`)),
    scripted: [...document.querySelectorAll("[href], [src]")].map(e => e.getAttribute("href") || e.getAttribute("src"))
        .filter(url => /^\\s*javascript:/i.test(url)),
    t1: [...document.querySelectorAll("[id=t1]")].map(e => e.tagName),
    made: [...document.querySelectorAll("article img, article b, article em, article hr, article sup, article .admonition")]
        .map(e => e.outerHTML.slice(0, 80)),
    text: document.body.innerText,
})"""


@pytest.mark.parametrize("path", list(PAGES))
def test_markup_staff_wrote_is_shown_as_text_on_every_page_it_reaches(site, browser, path):
    with served(site.html) as base, new_page(browser) as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + path, wait_until="load")
        found = page.evaluate(PROBE)
        text = found.pop("text")
        assert found == {
            "pwned": None,
            "handlers": [],
            "scripted": [],
            "t1": ["P"] if path == "documents/guobanhan-2016-66/" else [],
            "made": [],
        }
        assert errors == []
        assert [tag for tag in PAGES[path] if shown(tag) not in text] == [], path


def test_the_lines_that_look_like_markdown_blocks_are_paragraphs_as_written(site, browser):
    with served(site.html) as base, new_page(browser) as page:
        page.goto(base + "documents/yufufa-2016-25/", wait_until="load")
        shown = page.eval_on_selector_all(".clause-paragraph", "ps => ps.map(p => p.textContent)")
        for line in LINES:
            assert any(text.startswith(clean_text(line).strip()) for text in shown), line


def test_the_open_data_keeps_the_markup_as_written(site):
    for tag, files in {
        "sentence": ["clauses.json", "tasks.json", "search-index.json", "changes.json"],
        "task": ["clauses.json", "tasks.json"],
        "heading": ["clauses.json", "search-index.json"],
        "row": ["clauses.json", "indicators.json"],
        "title": ["documents.json", "search-index.json"],
        "issuer": ["documents.json"],
        "agency": ["agencies.json"],
        "remark": ["crossrefs.json"],
        "retired": ["redirects.json"],
        "subject": ["changes.json"],
    }.items():
        quoted = json.dumps(shown(tag), ensure_ascii=False)[1:-1]
        assert [name for name in files if quoted not in site.data[name]] == [], tag


# Pinyin the worker reads again as the Chinese it spells, with a notice quoting the query.
PINYIN = "zhuanli <img src=x onerror=window.__pwned=1>"
# The search's result line once it answers: neither the words while the worker starts nor those before a query.
ANSWERED = """() => {
    const words = JSON.parse(document.getElementById("__config").textContent).translations;
    const said = document.querySelector(".md-search-result__meta").textContent.trim();
    return said !== "" && said !== words["search.result.initializer"] && said !== words["search.result.placeholder"];
}"""


@pytest.mark.parametrize(
    "query",
    [markup("query"), '"><svg onload=window.__pwned=1>', "Zsentence", "pwned", "script 知识产权", PINYIN],
)
def test_a_query_and_the_results_it_finds_are_shown_as_text(site, browser, query):
    """The search box's query (from ?q= too: Material fills the box from it) and the results: the worker
    escapes each title and text before it marks the words found, and Material inserts them as HTML."""
    with served(site.html) as base, new_page(browser, viewport={"width": 1280, "height": 900}) as page:
        groups = search_results(page, base, query)
        assert page.evaluate(PROBE)["pwned"] is None
        page.goto(base + "?q=" + quote(query), wait_until="load")
        page.wait_for_function(ANSWERED)
        found = page.evaluate(PROBE)
        assert (found["pwned"], found["handlers"], found["scripted"]) == (None, [], [])
        results = page.eval_on_selector_all(".md-search-result img, .md-search-result svg[onload]", "es => es.length")
        assert results == 0
        if query == PINYIN:  # read as 专利, and said so: the words typed are quoted as text
            assert groups[0][0]["title"].startswith(f"没有找到“{PINYIN}”"), groups[0][0]
        if query == "Zsentence":
            texts = [link["text"] for group in groups for link in group]
            assert any("*a*|<!-- c -->&lt;[^1]" in text for text in texts), texts[:3]
