"""A shared link to an anchor the cross-reference matcher made (a task page's 重庆落实 entry, a 对照 page's
pair) that is gone says which sentence it named and where that sentence is now, not only that the page
has no such place."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..helpers import copy_sources, mkdocs_build, run_cli
from .conftest import SubPathHostHandler, new_page, served

pytestmark = pytest.mark.browser
REJECTED = ("guobanhan-2016-66/t56", "yufufa-2016-25/2-1/p1/s1")  # 培育壮大知识产权密集型产业 ↔ task 56
REMOVED = "强化高校和科研院所创造知识产权的市"  # yufufa-2016-25/2-1/p3, whose s5 is linked to task 46
GENERIC = "本页没有链接所指的位置（{}）：链接可能有误，或该条款的编号已调整。请在本页或用搜索查找。"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The fixture corpus with staff rejecting task 56 ↔ 2-1/p1/s1, and 2-1/p3 removed, sent to 2-1/p4."""
    root = tmp_path_factory.mktemp("crossref-anchor")
    source = copy_sources(root)
    with (source / "crossrefs.yaml").open("a", encoding="utf-8") as f:
        f.write(f"  - national: {REJECTED[0]}\n    local: {REJECTED[1]}\n    decision: reject\n")
    lines = (source / "yufufa-2016-25.txt").read_text(encoding="utf-8").split("\n")
    (source / "yufufa-2016-25.txt").write_text("\n".join(ln for ln in lines if REMOVED not in ln), encoding="utf-8")
    entry = "redirects:\n  - id: yufufa-2016-25/2-1/p3\n    to: yufufa-2016-25/2-1/p4\n    date: 2024-05-01\n"
    (source / "redirects.yaml").write_text(entry, encoding="utf-8")
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=root).returncode == 0
    assert mkdocs_build(root / "docs", root / "site").returncode == 0
    return root / "site"


def notice_of(page, url: str) -> str:
    page.goto(url)
    notice = page.locator(".fragment-notice")
    notice.wait_for(timeout=10_000)
    return notice.inner_text().strip()


def test_a_rejected_links_task_page_anchor_names_the_sentence_and_leads_to_it(site, browser):
    with served(site) as base, new_page(browser) as page:
        said = notice_of(page, base + "tasks/guobanhan-2016-66-t56/#chongqing-c2-1-p1-s1")
        assert said.startswith(
            "链接所指的重庆句子（渝府发〔2016〕25号 第二部分第（一）条第1段第1句）现未列为本任务的落实措施。"
        ), said
        heading = page.locator("#chongqing")  # the notice stands just above the sentences listed now
        assert page.locator(".fragment-notice + #chongqing").count() == 1 and heading.is_visible()
        page.locator(".fragment-notice a", has_text="在原文中查看此句").click()
        page.wait_for_url(base + "documents/yufufa-2016-25/#c2-1-p1-s1")
        assert "培育壮大知识产权密集型产业" in page.locator("#c2-1-p1-s1").inner_text()


def test_a_rejected_pairs_comparison_anchor_names_both_sides(site, browser):
    with served(site) as base, new_page(browser) as page:
        said = notice_of(page, base + "crossrefs/chongqing/c2-1-p1/#c2-1-p1-s1-vs-guobanhan-2016-66-t56")
        assert said.startswith(
            "链接所指的对照（渝府发〔2016〕25号 第二部分第（一）条第1段第1句 与 国办函〔2016〕66号 第56项）现未列出。"
        ), said
        assert page.locator(".fragment-notice + #c2-1-p1-s1").count() == 1  # above the sentence's row
        links = page.locator(".fragment-notice a")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert hrefs == [base + "documents/yufufa-2016-25/#c2-1-p1-s1", base + "documents/guobanhan-2016-66/#t56"]


def test_a_moved_sentences_task_page_anchor_says_where_it_went(site, browser):
    with served(site) as base, new_page(browser) as page:
        said = notice_of(page, base + "tasks/guobanhan-2016-66-t46/#chongqing-c2-1-p3-s5")
        assert said.startswith(
            "链接所指的重庆句子（渝府发〔2016〕25号 #c2-1-p3-s5）已于2024-05-01移至渝府发〔2016〕25号 第二部分第（一）条第3段"
        ), said
        assert "现未列为本任务的落实措施" in said
        page.locator(".fragment-notice a").click()
        page.wait_for_url(base + "documents/yufufa-2016-25/#c2-1-p4")


def test_an_anchor_that_names_no_sentence_gets_the_plain_notice(site, browser):
    with served(site) as base, new_page(browser) as page:
        for address, anchor in (
            ("tasks/guobanhan-2016-66-t56/", "#chongqing-c9-9-p9-s9"),
            ("crossrefs/chongqing/c2-1-p1/", "#c9-9-p9-s9-vs-guobanhan-2016-66-t56"),
            ("crossrefs/chongqing/c2-1-p1/", "#c2-1-p1-s1-vs-guobanhan-2016-66-t999"),
            ("tasks/guobanhan-2016-66-t56/", "#nothing-here"),
        ):
            assert notice_of(page, base + address + anchor) == GENERIC.format(anchor), anchor
            assert page.locator(".fragment-notice a").count() == 0


def test_a_pair_anchor_on_a_moved_paragraphs_comparison_page_is_carried_to_its_new_page(site, browser):
    """c2-1-p3's 对照 page now sends readers to c2-1-p4's (a meta refresh, which drops the fragment): with
    JavaScript the anchor goes along, and the new page says what became of the pair."""
    with served(site) as base, new_page(browser) as page:
        page.goto(base + "crossrefs/chongqing/c2-1-p3/#c2-1-p3-s5-vs-guobanhan-2016-66-t46")
        page.wait_for_url(base + "crossrefs/chongqing/c2-1-p4/#c2-1-p3-s5-vs-guobanhan-2016-66-t46", timeout=10_000)
        notice = page.locator(".fragment-notice")
        notice.wait_for(timeout=10_000)
        assert notice.inner_text().startswith(
            "链接所指的对照（渝府发〔2016〕25号 #c2-1-p3-s5 与 国办函〔2016〕66号 第46项）现未列出。"
            "重庆句子已于2024-05-01移至渝府发〔2016〕25号 第二部分第（一）条第3段。"
        )


def test_a_task_page_anchor_of_a_sentence_moved_where_the_task_lists_sentences_opens_them(site, browser):
    """2-1/p3 went to 2-1/p4, whose sentences task 8 lists: the link opens the first, the notice above it."""
    with served(site) as base, new_page(browser) as page:
        said = notice_of(page, base + "tasks/guobanhan-2016-66-t8/#chongqing-c2-1-p3-s1")
        assert said == (
            "链接所指的重庆句子（渝府发〔2016〕25号 #c2-1-p3-s1）已于2024-05-01移至渝府发〔2016〕25号 "
            "第二部分第（一）条第3段，该段有句子列为本任务的落实措施，见下。"
        ), said
        assert page.evaluate("location.hash") == "#chongqing-c2-1-p4-s1"
        assert page.locator("li:has(> .fragment-notice) + #chongqing-c2-1-p4-s1").count() == 1


def test_under_a_sub_path_the_data_and_the_links_are_the_sites(site, browser):
    with served(site, SubPathHostHandler) as root, new_page(browser) as page:
        base = root + SubPathHostHandler.PREFIX.lstrip("/")
        said = notice_of(page, base + "tasks/guobanhan-2016-66-t56/#chongqing-c2-1-p1-s1")
        assert said.startswith("链接所指的重庆句子（渝府发〔2016〕25号 第二部分第（一）条第1段第1句）"), said
        link = page.locator(".fragment-notice a").get_attribute("href")
        assert link == base + "documents/yufufa-2016-25/#c2-1-p1-s1"
