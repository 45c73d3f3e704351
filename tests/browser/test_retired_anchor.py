"""A link to a retired clause anchor lands on a visible notice, with JavaScript off."""

from __future__ import annotations

import pytest

from ..helpers import copy_sources, generated_copy, mkdocs_build, run_cli
from .conftest import SiteHostHandler, new_page, served

pytestmark = pytest.mark.browser
REMOVED = "强化高校和科研院所创造知识产权的市"  # yufufa-2016-25/2-1/p3 (p4 keeps its id: clause_ids.tsv)


def test_retired_anchor_shows_its_notice_without_javascript(tmp_path, browser):
    source = copy_sources(tmp_path)
    lines = (source / "yufufa-2016-25.txt").read_text(encoding="utf-8").split("\n")
    (source / "yufufa-2016-25.txt").write_text("\n".join(ln for ln in lines if REMOVED not in ln), encoding="utf-8")
    (source / "redirects.yaml").write_text(  # the paragraph's entry serves its sentences
        "redirects:\n  - id: yufufa-2016-25/2-1/p3\n    note: 原文删去\n    date: 2024-05-01\n", encoding="utf-8"
    )
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    url = (tmp_path / "site/documents/yufufa-2016-25/index.html").as_uri()
    page.goto(url)
    assert not page.locator("#c2-1-p3").is_visible()  # hidden until a link lands on it
    page.goto(url + "#c2-1-p3")
    notice = page.locator("#c2-1-p3")
    assert notice.is_visible() and "此条已于2024-05-01删除：原文删去" in notice.inner_text()
    assert notice.evaluate("e => e.getBoundingClientRect().top") < 900  # scrolled into view
    context.close()


def test_the_old_address_of_a_moved_paragraphs_task_page_leads_to_its_new_page(tmp_path, browser):
    """With JavaScript off, as a meta refresh: tasks/…-2-1-p3/ (p3 merged into p4) opens tasks/…-2-1-p4/."""
    source = copy_sources(tmp_path)
    lines = (source / "yufufa-2016-25.txt").read_text(encoding="utf-8").split("\n")
    (source / "yufufa-2016-25.txt").write_text("\n".join(ln for ln in lines if REMOVED not in ln), encoding="utf-8")
    entries = "  - id: yufufa-2016-25/2-1/p3\n    to: yufufa-2016-25/2-1/p4\n"
    (source / "redirects.yaml").write_text("redirects:\n" + entries, encoding="utf-8")
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    with served(tmp_path / "site") as base, new_page(browser, java_script_enabled=False) as page:
        page.goto(base + "tasks/yufufa-2016-25-2-1-p3/")
        page.wait_for_url(base + "tasks/yufufa-2016-25-2-1-p4/", timeout=10_000)
        assert page.locator("#task-title").is_visible()
        assert "健全重大经济活动知识产权评议机制" in page.locator("#task-title").inner_text()


def test_the_old_address_of_a_renamed_agencys_page_leads_to_its_new_page(tmp_path, browser):
    """A page gone for no removed clause (published_pages.tsv, a redirects.yaml page: entry): with
    JavaScript off, /agencies/cmc-edd/ opens /agencies/cmc-equipment/; a retired one shows why."""
    source = copy_sources(tmp_path)
    register = (source / "agencies.yaml").read_text(encoding="utf-8")
    renamed = register.replace("  - id: cmc-edd\n", "  - id: cmc-equipment\n").replace(
        "  - id: ccpit\n", "  - id: ccpit-2\n"
    )
    (source / "agencies.yaml").write_text(renamed, encoding="utf-8")
    (source / "redirects.yaml").write_text(
        "redirects:\n  - page: /agencies/cmc-edd/\n    to: /agencies/cmc-equipment/\n"
        "  - page: /agencies/ccpit/\n    note: 本站改用新的部门编号\n",
        encoding="utf-8",
    )
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    with served(tmp_path / "site") as base, new_page(browser, java_script_enabled=False) as page:
        page.goto(base + "agencies/cmc-edd/")
        page.wait_for_url(base + "agencies/cmc-equipment/", timeout=10_000)
        assert "中央军事委员会装备发展部" in page.locator("h1").inner_text()
        page.goto(base + "agencies/ccpit/")
        notice = page.locator("#moved-notice")
        assert notice.is_visible() and notice.inner_text() == "此页面已删除：本站改用新的部门编号"
        page.locator("#moved-home a").click()
        page.wait_for_url(base)


def test_every_address_of_a_removed_document_says_why_on_the_404_page(tmp_path, browser):
    """One redirects.yaml entry (id: <slug>) answers for all of a removed document's anchors."""
    from ..test_add_document import add_document

    source = copy_sources(tmp_path)
    listing = add_document(source)
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    (source / "documents.yaml").write_text(listing, encoding="utf-8")
    (source / "cefa-2020-7.txt").unlink()
    entry = "redirects:\n  - id: cefa-2020-7\n    note: 文件已废止\n    date: 2024-05-01\n"
    (source / "redirects.yaml").write_text(entry, encoding="utf-8")
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    with served(tmp_path / "site", SiteHostHandler) as base, new_page(browser) as page:
        # with and without an anchor, and as the page's own file
        for address in ("documents/cefa-2020-7/#c1-1-1", "documents/cefa-2020-7/", "documents/cefa-2020-7/index.html"):
            assert page.goto(base + address).status == 404
            notice = page.locator(".fragment-notice")
            notice.wait_for(timeout=10_000)
            assert notice.inner_text().strip() == "本站已于2024-05-01移除此文件：文件已废止。", address
        page.goto(base + "documents/guofa-2016-99/")  # never published: the plain 404 text only
        page.wait_for_load_state("networkidle")
        assert page.locator("[data-not-found]").is_visible() and page.locator(".fragment-notice").count() == 0
        page.locator("[data-not-found] a", has_text="回到首页").click()  # the menu is behind ☰ on a phone
        page.wait_for_url(base)


def test_a_sentence_link_of_a_moved_paragraph_still_leads_there_after_later_builds(tmp_path, browser):
    """In a copy without git, redirects.json keeps p3's record alone (its sentence ids are not known for
    good: the clause-id record drops them); a link to one of its sentences is sent where p3 went."""
    source = generated_copy(tmp_path)
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    lines = (source / "yufufa-2016-25.txt").read_text(encoding="utf-8").split("\n")
    (source / "yufufa-2016-25.txt").write_text("\n".join(ln for ln in lines if REMOVED not in ln), encoding="utf-8")
    entry = "redirects:\n  - id: yufufa-2016-25/2-1/p3\n    to: yufufa-2016-25/2-1/p4\n"
    (source / "redirects.yaml").write_text(entry, encoding="utf-8")
    for _ in range(2):
        assert run_cli(*generate, cwd=tmp_path).returncode == 0
    redirects = (tmp_path / "docs/data/redirects.json").read_text(encoding="utf-8")
    assert "#c2-1-p3-s2" not in redirects and "#c2-1-p3" in redirects  # the case this test is about
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    with served(tmp_path / "site", SiteHostHandler) as base, new_page(browser) as page:
        page.goto(base + "documents/yufufa-2016-25/#c2-1-p3-s2")
        page.wait_for_function("location.hash === '#c2-1-p4'", timeout=10_000)
        assert "已移至" in page.locator(".fragment-notice").inner_text()


def test_a_link_to_a_renumbered_task_lands_beside_the_note_saying_so(tmp_path, browser):
    """Task 100 deleted and 101–106 numbered one less: a link shared to #t100 lands, on a phone, with the note
    saying the number now names task 101's words in view under the task; #t101's note leads to the old task
    101, now 100."""
    from ..helpers import renumbered_and_answered

    docs = renumbered_and_answered(generated_copy(tmp_path), 100)
    assert mkdocs_build(docs, tmp_path / "site").returncode == 0
    with served(tmp_path / "site") as base, new_page(browser, viewport={"width": 375, "height": 667}) as page:
        page.goto(base + "documents/guobanhan-2016-66/#t100")
        note = page.locator("#t100 + .renumbered-note")
        note.wait_for(state="visible")
        assert (
            note.inner_text()
            == "编号已变更（2026-12-07）：现第100项原为第101项；原第100项已删除：删除第100项（测试）。"
        )
        box = note.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 667  # in view, not scrolled past
        page.goto(base + "documents/guobanhan-2016-66/#t101")
        page.locator("#t101 + .renumbered-note a").click()
        page.wait_for_url(base + "documents/guobanhan-2016-66/#t100")
        assert "积极推进知识产权海外侵权责任保险工作" in page.locator("#t100").inner_text()
