"""No published page dies silently (track/published.py): pages gone for other reasons than a removed
clause (an agency id changed, a task scope or the 对照 roles narrowed, a document removed) stop the
build, located in source_texts/published_pages.tsv, until redirects.yaml answers for them with
``page:``; each answered address then has a page that sends readers on or says why it is gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import cache
from build_scripts.errors import BuildErrors
from build_scripts.model import page_url
from build_scripts.pipeline import generate
from build_scripts.track import published
from build_scripts.track.published import FILE_NAME

from .helpers import SOURCE, copy_sources, generated_copy, mkdocs_build, run_cli

GENERATE = ("generate", "--source", "source_texts", "--docs", "docs")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")


def record_line(source: Path, url: str) -> int:
    lines = (source / FILE_NAME).read_text(encoding="utf-8").split("\n")
    return lines.index(url) + 1


def rename_agency(source: Path) -> None:
    """The 装备发展部's id changes (its name and every mention stay): its page moves."""
    path = source / "agencies.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  - id: cmc-edd\n" in text
    path.write_text(text.replace("  - id: cmc-edd\n", "  - id: cmc-equipment\n"), encoding="utf-8")


def errors_of(source: Path, docs: Path) -> list[str]:
    with pytest.raises(BuildErrors) as caught:
        generate(source, docs, write=False)
    return [str(error) for error in caught.value.errors]


def test_a_renamed_agency_page_stops_the_build_located_until_redirects_yaml_answers(tmp_path):
    source = generated_copy(tmp_path)
    rename_agency(source)
    before = sorted((p.relative_to(tmp_path), p.read_bytes()) for p in (tmp_path / "docs").rglob("*") if p.is_file())
    proc = run_cli(*GENERATE, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    line = record_line(source, "/agencies/cmc-edd/")
    assert proc.stderr.splitlines()[0] == (
        f"source_texts/{FILE_NAME}:{line}:1: expected a page at /agencies/cmc-edd/, which the site published "
        "(a shared link may lead there), found none in this build; add a redirects.yaml entry "
        "(page: /agencies/cmc-edd/, with to: the page readers go to now, or note: why it is gone); "
        "/agencies/cmc-equipment/ is new under /agencies/ (to: /agencies/cmc-equipment/, if it is this page renamed)"
    )
    after = sorted((p.relative_to(tmp_path), p.read_bytes()) for p in (tmp_path / "docs").rglob("*") if p.is_file())
    assert after == before  # docs/ as it was

    (source / "redirects.yaml").write_text(
        "redirects:\n  - page: agencies/cmc-edd/\n    to: /agencies/cmc-equipment/\n    note: 部门编号更正\n",
        encoding="utf-8",
    )
    proc = run_cli(*GENERATE, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"1 new page(s) recorded in source_texts/{FILE_NAME}" in proc.stdout
    recorded = (source / FILE_NAME).read_text(encoding="utf-8").split("\n")
    assert "/agencies/cmc-edd/" in recorded and "/agencies/cmc-equipment/" in recorded  # it only grows
    stub = (tmp_path / "docs/agencies/cmc-edd.md").read_text(encoding="utf-8")
    assert 'redirect_to: "../cmc-equipment/"' in stub
    assert '<p class="retired-clause-page" id="moved-notice" role="note">此页面已移至新位置：部门编号更正</p>' in stub
    assert '<p id="moved-to">新位置：<a href="../cmc-equipment/">/agencies/cmc-equipment/</a></p>' in stub
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    html = (tmp_path / "site/agencies/cmc-edd/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../cmc-equipment/">' in html
    # the same sources again: nothing written, the record unchanged
    proc = run_cli(*GENERATE, cwd=tmp_path)
    assert proc.returncode == 0 and "0 written" in proc.stdout and "recorded" not in proc.stdout


def test_narrowed_task_scope_and_roles_are_answered_by_one_entry_per_prefix(tmp_path):
    source = copy_sources(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    assert "      - {kind: box}\n" in listing and "    crossrefs: local\n" in listing
    narrowed = listing.replace("      - {kind: box}\n", "").replace("    crossrefs: local\n", "")
    (source / "documents.yaml").write_text(narrowed, encoding="utf-8")
    (source / "crossrefs.yaml").write_text("crossrefs: []\n", encoding="utf-8")
    messages = errors_of(source, tmp_path / "docs")  # many in one folder: one message, naming the * entry
    assert len(messages) == 3 and all(m.startswith(f"{source / FILE_NAME}:") for m in messages)
    # the folder's own page, which a * entry does not answer for (PageRedirect.covers)
    assert messages.pop(0).startswith(
        f"{source / FILE_NAME}:{record_line(source, '/crossrefs/chongqing/')}:1: expected a page at "
        "/crossrefs/chongqing/, which the site published"
    )
    line = record_line(source, "/crossrefs/chongqing/c1-p1/")
    assert messages[0] == (
        f"{source / FILE_NAME}:{line}:1: expected pages at 28 addresses under /crossrefs/chongqing/, which the site "
        "published (/crossrefs/chongqing/c1-p1/ first; a shared link may lead there), found none in this build; add "
        "a redirects.yaml entry for each, or one for all (page: /crossrefs/chongqing/*, with to: the page readers go "
        "to now, or note: why they are gone)"
    )
    assert (
        "expected pages at 9 addresses under /tasks/, which the site published (/tasks/guofa-2016-86-box1/ first"
        in (messages[1])
    )  # not /tasks/*, which would answer for the task pages still published, and is refused (staff review)
    assert "or one for all (page: /tasks/guofa-2016-86-box*, with to:" in messages[1], messages[1]

    (source / "redirects.yaml").write_text(
        "redirects:\n"
        "  - page: /tasks/guofa-2016-86-box*\n    to: /documents/guofa-2016-86/\n    note: 专栏不再单列为任务\n"
        "  - page: /crossrefs/chongqing/*\n    note: 本站不再对照重庆措施\n    date: 2026-12-01\n"
        "  - page: /crossrefs/chongqing/\n    note: 本站不再对照重庆措施\n    date: 2026-12-01\n",
        encoding="utf-8",
    )
    result = generate(source, tmp_path / "docs", write=False)
    pages = {o.path: o.content for o in result.outputs}
    box = pages["tasks/guofa-2016-86-box3.md"]
    assert 'redirect_to: "../../documents/guofa-2016-86/"' in box and "此页面已移至新位置：专栏不再单列为任务" in box
    assert "tasks/guofa-2016-86-4-1-1.md" in pages  # still a task: its page is the task's, not a notice
    group = next(content for path, content in pages.items() if path.startswith("crossrefs/chongqing/c"))
    assert "此页面已于2026-12-01删除：本站不再对照重庆措施" in group and "redirect_to" not in group


def test_a_removed_documents_task_pages_carry_its_notice(tmp_path):
    source = copy_sources(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    start = listing.index("  - slug: guofa-2016-86\n")
    end = listing.index("  - slug:", start + 1)
    (source / "documents.yaml").write_text(listing[:start] + listing[end:], encoding="utf-8")
    (source / "guofa-2016-86.txt").unlink()
    for name in ("crossrefs.yaml", "indicators.yaml"):  # what names the removed document's clauses goes too
        path = source / name
        key = name.removesuffix(".yaml")
        path.write_text(f"{key}: []\n", encoding="utf-8")
    retired = "redirects:\n  - id: guofa-2016-86\n    note: 测试移除\n    date: 2026-12-01\n"
    (source / "redirects.yaml").write_text(retired, encoding="utf-8")
    messages = errors_of(source, tmp_path / "docs")  # its indicators' pages are not named after it: asked for
    assert len(messages) == 1 and "expected pages at 16 addresses under /indicators/" in messages[0]
    (source / "redirects.yaml").write_text(
        retired + "  - page: /indicators/*\n    to: /indicators/\n    note: 指标随文件移除\n", encoding="utf-8"
    )
    result = generate(source, tmp_path / "docs", write=False)
    pages = {o.path: o.content for o in result.outputs}
    assert "此页面已移至新位置：指标随文件移除" in pages["indicators/ip-royalty-exports.md"]
    assert "documents/guofa-2016-86.md" not in pages  # the 404 page answers there, with the document's notice
    task = pages["tasks/guofa-2016-86-box1.md"]
    assert (
        '<p class="retired-clause-page" id="moved-notice" role="note">此页面属于已移除的文件。本站已于2026-12-01移除'
        in task
    )
    assert "测试移除" in task and "redirect_to" not in task
    assert pages["indicators/index.md"] and "indicators/index.md" not in {  # /indicators/* left the folder's page
        path for path, content in pages.items() if "此页面" in content
    }


def test_gone_pages_no_one_entry_answers_for_are_each_named_at_their_line(tmp_path):
    """59号 removed: its six indicators' pages are gone, among ten /indicators/ pages still published, so no
    ``/indicators/…*`` entry answers for them all. The message named the first address and said "add a
    redirects.yaml entry for each", leaving staff to find the other five (staff review): each is now said
    at its own line, with the entry that answers for it."""
    source = copy_sources(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    start = listing.index("  - slug: guozhifaguanzi-2015-59\n")
    end = listing.index("  - slug:", start + 1)
    (source / "documents.yaml").write_text(listing[:start] + listing[end:], encoding="utf-8")
    (source / "guozhifaguanzi-2015-59.txt").unlink()
    indicators = (source / "indicators.yaml").read_text(encoding="utf-8")
    kept = [e for e in indicators.split("\n\n") if "guozhifaguanzi-2015-59/" not in e]
    (source / "indicators.yaml").write_text("\n\n".join(kept), encoding="utf-8")
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: guozhifaguanzi-2015-59\n    note: 测试移除\n", encoding="utf-8"
    )
    gone = [
        f"/indicators/{name}/"
        for name in (
            "distinctive-ip-provinces",
            "distinctive-province-demo-cities",
            "leading-ip-provinces",
            "leading-province-demo-city-share",
            "supporting-ip-provinces",
            "supporting-province-demo-city-share",
        )
    ]
    messages = errors_of(source, tmp_path / "docs")
    assert messages == [
        f"{source / FILE_NAME}:{record_line(source, url)}:1: expected a page at {url}, which the site "
        "published (a shared link may lead there), found none in this build; add a redirects.yaml entry "
        f"(page: {url}, with to: the page readers go to now, or note: why it is gone)"
        for url in gone
    ]
    answers = "".join(f"  - page: {url}\n    note: 指标随文件移除\n" for url in gone)
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: guozhifaguanzi-2015-59\n    note: 测试移除\n" + answers, encoding="utf-8"
    )
    pages = {o.path: o.content for o in generate(source, tmp_path / "docs", write=False).outputs}
    assert "此页面已删除：指标随文件移除" in pages["indicators/leading-ip-provinces.md"]


def test_an_entry_whose_to_moved_on_is_told_where_redirects_yaml_sends_it_now(tmp_path):
    """A page renamed twice (cmc-edd → cmc-equipment → cmc-zb): the first entry's 'to' is gone in turn.
    The message said only "not published", leaving staff to find the page readers go to now (a red team
    of staff sequences); as for a clause moved twice, it names where the second entry sends it, or that
    it retires it."""
    source = generated_copy(tmp_path)
    rename_agency(source)
    first = "redirects:\n  - page: /agencies/cmc-edd/\n    to: /agencies/cmc-equipment/\n"
    (source / "redirects.yaml").write_text(first, encoding="utf-8")
    assert run_cli(*GENERATE, cwd=tmp_path).returncode == 0  # the record lists /agencies/cmc-equipment/ now
    path = source / "agencies.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: cmc-equipment\n", "id: cmc-zb\n"), encoding="utf-8")
    unpublished = f"{source / 'redirects.yaml'}:3:9: expected 'to' of /agencies/cmc-edd/ to be a page this build "
    unpublished += "publishes, found /agencies/cmc-equipment/, not published"
    second = "  - page: /agencies/cmc-equipment/\n    to: /agencies/cmc-zb/\n"
    (source / "redirects.yaml").write_text(first + second, encoding="utf-8")
    assert errors_of(source, tmp_path / "docs") == [
        f"{unpublished}; redirects.yaml sends /agencies/cmc-equipment/ to /agencies/cmc-zb/: write /agencies/cmc-zb/"
    ]
    (source / "redirects.yaml").write_text(
        first + "  - page: /agencies/cmc-equipment/\n    note: 撤销\n", encoding="utf-8"
    )
    assert errors_of(source, tmp_path / "docs") == [
        f"{unpublished}; redirects.yaml retires /agencies/cmc-equipment/: retire this page too (note: why), or name the "
        "page readers go to now"
    ]


def test_page_entries_are_validated_with_located_messages(tmp_path):
    source = copy_sources(tmp_path)
    rename_agency(source)
    path = source / "redirects.yaml"
    path.write_text(  # what an entry says, read with the file
        "redirects:\n"
        "  - page: 'Agencies/X'\n    note: 地址不对\n"  # line 2
        "  - page: /agencies/other/\n"  # line 4: neither to nor note
        "  - page: /agencies/cmc-edd/\n    to: /agencies/cmc-equipment/\n"  # line 5
        "  - page: /agencies/cmc-edd/\n    note: 重复\n"  # line 7
        "  - page: /agencies/x/\n    to: agencies\n"  # line 9
        "  - page: /agencies/y/\n    id: yufufa-2016-25/2-1/p3\n    note: 两样\n"  # line 11
        "  - page: /agencies/z\n    note: 少了斜杠\n"  # line 14
        "  - page: /agencies/w/\n    to: [a]\n"  # line 16: a 'to' that is no text is said once
        "  - page: /agencies/v/\n    to: https://www.cnipa.gov.cn/\n",  # line 18: another site's
        encoding="utf-8",
    )
    assert errors_of(source, tmp_path / "docs") == [
        f"{path}:2:11: expected 'page' to be a page's address such as /agencies/guojia-zhishichanquanju/ "
        "(or a beginning of addresses ending in *), found 'Agencies/X'",
        f"{path}:4:5: expected 'to' (the page readers go to now) or 'note' (why it is gone) for /agencies/other/, "
        "found neither",
        f"{path}:7:5: expected each page once, found /agencies/cmc-edd/ again (first at line 5)",
        f"{path}:10:9: expected 'to' of the page /agencies/x/ to be a page's address such as /agencies/x/, "
        "found 'agencies'",
        f"{path}:12:5: expected one of page, to, note, date in a page redirect, found unknown key 'id'",
        f"{path}:14:11: expected 'page' to be a page's address such as /agencies/guojia-zhishichanquanju/ "
        "(or a beginning of addresses ending in *) (end it with /: /agencies/z/), found '/agencies/z'",
        f"{path}:17:9: expected 'to' of a page redirect to be a page's address (text), found ['a']",
        f"{path}:19:9: expected 'to' of the page /agencies/v/ to be a page's address such as /agencies/x/, "
        "found 'https://www.cnipa.gov.cn/'; to names a page of this site: name another site's page in the note",
    ]
    path.write_text(  # what an entry answers for, checked against the pages: said at its page (or to) value
        "redirects:\n"
        "  - page: /agencies/cmc-edd/\n    to: /agencies/nowhere/\n"  # lines 2 and 3
        "  - page: /agencies/\n    note: 仍在\n"  # line 4: still published
        "  - page: /agencies/never/\n    note: 从未发布\n"  # line 6
        "  - page: /tasks/zzz-*\n    note: 无\n"  # line 8: matches nothing gone
        "  - page: /agencies/c*\n    note: 太宽\n"  # line 10: would answer for published pages too
        "  - page: /*\n    note: 全部\n",  # line 12
        encoding="utf-8",
    )
    messages = errors_of(source, tmp_path / "docs")
    assert messages[-1].startswith(  # /* would answer for every page there is
        f"{path}:12:11: expected /* to answer only for pages this build no longer publishes, found 3"
    )
    assert messages[:-1] == [
        f"{path}:3:9: expected 'to' of /agencies/cmc-edd/ to be a page this build publishes, found /agencies/nowhere/, "
        "not published",
        f"{path}:4:11: expected a page this build no longer publishes, found /agencies/, which it publishes",
        f"{path}:6:11: expected /agencies/never/ to name a page the site published ({FILE_NAME} lists each) "
        "and no longer publishes, found none",
        f"{path}:8:11: expected /tasks/zzz-* to name a page the site published ({FILE_NAME} lists each) "
        "and no longer publishes, found none",
        f"{path}:10:11: expected /agencies/c* to answer only for pages this build no longer publishes, found 14 it "
        "publishes (/agencies/cac/ first): it would answer for the next page to go there too; name the gone pages "
        "more narrowly",
    ]


def test_an_entry_sends_readers_to_a_page_not_a_notice(tmp_path):
    """A moved clause's notice page is published, but sending readers there would chain notices."""
    source = copy_sources(tmp_path)
    rename_agency(source)
    text = (source / "yufufa-2016-25.txt").read_text(encoding="utf-8").split("\n")
    (source / "yufufa-2016-25.txt").write_text("\n".join(text[:28] + text[29:]), encoding="utf-8")  # 2-1/p4 goes
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/2-1/p4\n    note: 删去\n"
        "  - page: /agencies/cmc-edd/\n    to: /crossrefs/chongqing/c2-1-p4/\n",  # lines 4 and 5
        encoding="utf-8",
    )
    assert errors_of(source, tmp_path / "docs") == [
        f"{source / 'redirects.yaml'}:5:9: expected 'to' of /agencies/cmc-edd/ to be a page this build publishes, "
        "found /crossrefs/chongqing/c2-1-p4/, only a moved clause's notice"
    ]


def test_a_removed_document_answers_only_for_the_pages_named_after_it(tmp_path):
    """Retiring a slug that begins another's (guofa-2016 of guofa-2016-86) answers for none of the
    other document's pages: the longest slug naming a page owns it."""
    source = copy_sources(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    (source / "documents.yaml").write_text(listing.replace("      - {kind: box}\n", ""), encoding="utf-8")
    (source / "redirects.yaml").write_text("redirects:\n  - id: guofa-2016\n    note: 另一份\n", encoding="utf-8")
    messages = errors_of(source, tmp_path / "docs")
    assert len(messages) == 1 and "expected pages at 9 addresses under /tasks/" in messages[0]


def test_a_malformed_record_is_a_located_error(tmp_path):
    source = copy_sources(tmp_path)
    path = source / FILE_NAME
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5] = "tasks/no-slash"
    lines.append(lines[6])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    messages = errors_of(source, tmp_path / "docs")
    assert messages[0].startswith(f"{path}:6:1: expected a page address such as /tasks/ ")
    assert messages[0].endswith("found 'tasks/no-slash'")
    assert messages[1] == f"{path}:{len(lines)}:1: expected each address once, found {lines[6]!r} again"


def test_check_fails_while_the_record_is_not_what_the_build_writes(tmp_path):
    source = copy_sources(tmp_path)
    path = source / FILE_NAME
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines.index("/indicators/") + 1
    path.write_text("\n".join(entry for entry in lines if entry != "/indicators/"), encoding="utf-8")
    check = ("check", "--source", "source_texts", "--docs", "docs")
    proc = run_cli(*check, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(
        f"source_texts/{FILE_NAME}:{line}:1: expected '/indicators/' (every page the site has published as "
        f"`make build` records them), found '{lines[line]}'; run `make build` and commit {FILE_NAME}"
    )
    # the same addresses in another order (a merge resolved by hand): check says so, as generate would rewrite it
    header = [entry for entry in lines if entry.startswith("#")]
    body = sorted((entry for entry in lines if entry and not entry.startswith("#")), reverse=True)
    path.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")
    proc = run_cli(*check, cwd=tmp_path)
    assert proc.returncode == 1 and f"{FILE_NAME}:{len(header) + 1}:1: expected '/'" in proc.stderr
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0 and "recorded" not in proc.stdout  # rewritten, with no page new
    assert path.read_text(encoding="utf-8").split("\n") == lines
    assert run_cli(*check, cwd=tmp_path).returncode == 0


def test_the_committed_record_lists_every_page_the_real_corpus_publishes(tmp_path):
    result = generate(SOURCE, tmp_path / "docs", write=False)
    recorded = set((SOURCE / FILE_NAME).read_text(encoding="utf-8").split("\n"))
    published = {page_url(o.path) for o in result.outputs if o.path.endswith(".md")}
    assert len(published) > 250 and published <= recorded


@pytest.mark.parametrize(
    ("live", "entry"),
    [
        ([], "/tasks/*"),
        (["/tasks/b-t1/"], "/tasks/a-t*"),
        (["/tasks/a-t4/"], None),  # every entry answering for all three answers for a-t4 too
    ],
)
def test_the_entry_a_message_suggests_answers_for_no_page_still_published(live, entry):
    gone = ["/tasks/a-t1/", "/tasks/a-t2/", "/tasks/a-t3/"]
    assert published._shared_entry("/tasks/", gone, live) == entry


def test_a_removed_chongqing_paragraph_gets_its_own_notice_not_a_national_ones(tmp_path):
    """Session 40's link review: with 25号's 三（三） paragraph removed and answered for, the build stopped with an
    internal error (two outputs claim crossrefs/chongqing/c3-3-p1.md): the 对照 page of a removed clause was named
    after its anchor alone, so 106号's entry for its own 3-3/p1 claimed that page too. Only the local document's
    entries answer for 对照 pages."""
    source = copy_sources(tmp_path, SOURCE)  # the live texts: their redirects.yaml answers for 106号's 3-3/p1
    text = (source / "yufufa-2016-25.txt").read_text(encoding="utf-8")
    line = next(line for line in text.split("\n") if line.strip().startswith("完善知识产权宣传工作体系"))
    (source / "yufufa-2016-25.txt").write_text(text.replace(line + "\n", ""), encoding="utf-8")
    crossrefs = (source / "crossrefs.yaml").read_text(encoding="utf-8")
    start = crossrefs.index("  - national: guofa-2016-86/2-3/p2/s3\n")
    end = crossrefs.index("  - national:", start + 1)
    (source / "crossrefs.yaml").write_text(crossrefs[:start] + crossrefs[end:], encoding="utf-8")
    redirects = (source / "redirects.yaml").read_text(encoding="utf-8")
    assert "\nredirects:\n" in redirects
    entry = "  - id: yufufa-2016-25/3-3/p1\n    note: 测试删去宣传段\n    date: 2026-12-07\n"
    (source / "redirects.yaml").write_text(
        redirects.replace("\nredirects:\n", "\nredirects:\n" + entry, 1), encoding="utf-8"
    )
    result = generate(source, tmp_path / "docs", write=False)
    pages = {o.path: o.content for o in result.outputs}
    page = pages["crossrefs/chongqing/c3-3-p1.md"]
    assert "测试删去宣传段" in page and "yufufa-2016-25/3-3/p1" in page
    assert "guobanfa-2016-106" not in page


def test_a_page_published_by_a_reverted_commit_gets_its_notice_not_a_bare_404(tmp_path):
    """Session 40's link review: a paragraph added, built and committed with the records, then ``git revert``: the
    revert took published_pages.tsv back with the text, and the paragraph's task and 对照 pages, published in
    between, were answered by a bare 404 once its clause had its redirects.yaml entry. Every committed version of
    the record counts; the build asks for their pages as for any other, and writes the record back whole."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    assert run_cli(*GENERATE, cwd=tmp_path).returncode == 0
    git(source, "add", ".")
    git(source, "commit", "-q", "--allow-empty", "-m", "构建记录")
    path = source / "yufufa-2016-25.txt"
    heading = "　　（二）健全知识产权资本化机制。\n"
    path.write_text(path.read_text(encoding="utf-8").replace(heading, heading + "　　新增试点段落。\n", 1), "utf-8")
    assert run_cli(*GENERATE, cwd=tmp_path).returncode == 0
    added = ["/tasks/yufufa-2016-25-2-2-p0a/", "/crossrefs/chongqing/c2-2-p0a/"]
    record = (source / FILE_NAME).read_text(encoding="utf-8")
    assert all(f"{url}\n" in record for url in added), record  # the paragraph's task and 对照 pages were published
    git(source, "add", ".")
    git(source, "commit", "-q", "-m", "新增段落")
    git(source, "revert", "--no-edit", "HEAD")
    assert "/tasks/yufufa-2016-25-2-2-p0a/\n" not in (source / FILE_NAME).read_text(encoding="utf-8")
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/2-2/p0a\n    note: 撤回新增段落\n    date: 2026-12-07\n", encoding="utf-8"
    )
    proc = run_cli(*GENERATE, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    # said, for the record to be committed (else check refuses the commit lacking it: session 40's code review)
    assert f"{len(added)} new page(s) recorded in" in proc.stdout, proc.stdout
    task = (tmp_path / "docs/tasks/yufufa-2016-25-2-2-p0a.md").read_text(encoding="utf-8")
    assert "撤回新增段落" in task  # the notice, where the page was
    assert "/tasks/yufufa-2016-25-2-2-p0a/\n" in (source / FILE_NAME).read_text(encoding="utf-8")  # written back
