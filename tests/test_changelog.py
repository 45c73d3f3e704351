"""The change log: versions from git history (and the working tree), differences highlighted and escaped."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest

from build_scripts.errors import BuildError, Collector
from build_scripts.pages.marks import diff_html
from build_scripts.pipeline import generate, load_corpus
from build_scripts.track import git_log, versions

from .helpers import DOCUMENT_COUNT, SOURCE, copy_sources, read_page, replace

YUFUFA = "yufufa-2016-25.txt"
FIFTY_NINE = "guozhifaguanzi-2015-59.txt"
OLD, NEW = "培育壮大知识产权密集型产业。", "培育壮大知识产权<script>密集型产业。"


def git(source: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2024-01-02T03:04:05+00:00",
        "GIT_COMMITTER_DATE": "2024-01-02T03:04:05+00:00",
    }
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args],
        cwd=source,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def committed_copy(tmp_path: Path) -> Path:
    source = copy_sources(tmp_path)
    git(source, "init", "-q")
    git(source, "add", ".")
    git(source, "commit", "-q", "-m", "初始版本")
    return source


def edit(source: Path) -> None:
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_text(text.replace(OLD, NEW), encoding="utf-8")


def test_a_committed_edit_is_recorded_with_old_and_new_text(tmp_path):
    source = committed_copy(tmp_path)
    edit(source)
    git(source, "commit", "-q", "-am", "修改一句")
    generate(source, tmp_path / "docs")
    records = json.loads((tmp_path / "docs/data/changes.json").read_text(encoding="utf-8"))
    edits = [r for r in records if r["change"] == "modified"]
    assert [(r["id"], r["subject"], r["date"]) for r in edits] == [
        ("yufufa-2016-25/2-1/p1", "修改一句", "2024-01-02T03:04:05+00:00")
    ]
    assert OLD in edits[0]["old_text"] and NEW in edits[0]["new_text"]
    schema = json.loads((tmp_path / "docs/data/schemas/changes.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(records)  # a modified clause's kind is of the schema's enum
    page = (tmp_path / "docs/changes/index.md").read_text(encoding="utf-8")
    assert "<ins>&lt;script&gt;</ins>" in page and "<script>" not in page
    # a version's commit subject is shown (staff write it for readers), except the first one's: that
    # commit brought the whole collection, and its words are about the repository, not the text
    assert '<p class="changes-subject">修改一句</p>' in page and "初始版本" not in page
    assert page.count('<p class="changes-subject">首次收录：') == DOCUMENT_COUNT
    assert 'href="../documents/yufufa-2016-25/#c2-1-p1"' in page


def test_a_commit_subject_is_shown_as_text_whatever_characters_it_holds(tmp_path):
    """Red team: the build told git log's records apart by a \\x01 before each, and a subject holding one
    (pasted from a terminal) was cut there. Its rest was read as the next record's commit hash: the
    version lost its subject and date, changes.json gave the rest as its revision, and the heading's id,
    made from the revision, took its words: `x\\x01a hidden` gave <h3 hidden id="…-a">, a version hidden
    from readers. A direction override (U+202E) showed the words after it reversed; the texts and curated
    files hold none (clean removes them, YAML refuses them), and neither may a subject: both are dropped."""
    source = committed_copy(tmp_path)
    edit(source)
    git(source, "commit", "-q", "-am", "修改一句\x01a hidden {{ 7*7 }} *b* \u202eevil\u200b")
    commit = git(source, "rev-parse", "HEAD").strip()
    generate(source, tmp_path / "docs")
    records = json.loads((tmp_path / "docs/data/changes.json").read_text(encoding="utf-8"))
    edits = [r for r in records if r["change"] == "modified"]
    assert [(r["revision"], r["subject"], r["date"]) for r in edits] == [
        (commit, "修改一句a hidden {{ 7*7 }} *b* evil\u200b", "2024-01-02T03:04:05+00:00")
    ]
    page = (tmp_path / "docs/changes/index.md").read_text(encoding="utf-8")
    assert f"### 2024-01-02 · 版本 {commit[:7]} {{ #yufufa-2016-25-{commit[:12]} }}\n" in page.replace("&#45;", "-")
    assert '<p class="changes-subject">修改一句a hidden {{ 7*7 }} *b* evil\u200b</p>' in page


def test_a_control_character_a_committed_version_holds_is_shown_as_its_picture(tmp_path):
    """A version committed with an ESC in a clause (pasted from a terminal), which the build refuses in the
    text it reads now, is history as it is: its raw ESC reached the change log's page and HTML, and
    changes.json as \\u001b. It is shown as the character that pictures it (␛, Unicode's Control Pictures;
    a C1 control, which has none, as U+FFFD), so the commit that put it in and the one that took it out
    each show what they changed; the clause's id is kept, as for any edit."""
    source = committed_copy(tmp_path)
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_text(text.replace(OLD, "培育壮大\x1b知识产权\x85密集型产业。"), encoding="utf-8")
    git(source, "commit", "-q", "-am", "粘贴时带入控制字符")
    (source / YUFUFA).write_text(text, encoding="utf-8")
    git(source, "commit", "-q", "-am", "去掉控制字符")
    generate(source, tmp_path / "docs")
    docs = tmp_path / "docs"
    assert not [
        p
        for p in docs.rglob("*")
        if p.is_file() and re.search(r"[\x1b\x85]|\\u001b|\\u0085", p.read_text(encoding="utf-8"))
    ]
    records = json.loads((docs / "data/changes.json").read_text(encoding="utf-8"))
    shown = "培育壮大␛知识产权\ufffd密集型产业。"
    edits = [r for r in records if r["change"] == "modified"]
    assert [(r["id"], r["subject"]) for r in edits] == [
        ("yufufa-2016-25/2-1/p1", "粘贴时带入控制字符"),
        ("yufufa-2016-25/2-1/p1", "去掉控制字符"),
    ]
    assert OLD in edits[0]["old_text"] and shown in edits[0]["new_text"]
    assert shown in edits[1]["old_text"] and OLD in edits[1]["new_text"]
    page = (docs / "changes/index.md").read_text(encoding="utf-8")
    assert "<ins>␛</ins>" in page and "<del>␛</del>" in page


def test_each_change_is_headed_by_its_clauses_citation_not_its_id_alone(tmp_path):
    """Public-reader review: a change was headed 修改 yufufa-2016-25/2-1/p1, an id readers cannot place;
    the 链接变更 entries below it cite positions. Each change now names its clause as 复制引用 cites it,
    counted in that version, with the id under it for staff."""
    source = committed_copy(tmp_path)
    edit(source)
    replace(YUFUFA, "　　强化企业知识产权主体地位。", "　　新增的一段。\n\n　　强化企业知识产权主体地位。")(source)
    git(source, "commit", "-q", "-am", "修改一句，新增一段")
    generate(source, tmp_path / "docs")
    page = read_page(tmp_path / "docs/changes/index.md")
    heads = re.findall(r'<p class="change-head">(.*?)</p>\n<p class="change-ids">(.*?)</p>', page)
    assert [(re.sub(r"<[^>]+>", "", head), re.sub(r"<[^>]+>", "", ids)) for head, ids in heads] == [
        ("修改 第二部分第（一）条第1段", "yufufa-2016-25/2-1/p1"),
        ("新增 第二部分第（一）条第2段", "yufufa-2016-25/2-1/p1a"),
    ]
    assert '<a href="../documents/yufufa-2016-25/#c2-1-p1">第二部分第（一）条第1段</a>' in heads[0][0]


def test_versions_are_dated_in_beijing_time_whoever_committed_them(tmp_path):
    """A version was dated by its committer's own calendar: an edit committed in Beijing at 01:00 on
    2 January, then one committed in Los Angeles eleven hours later, at 20:00 on 1 January there, were
    dated 2026-01-02 and then 2026-01-01, the later version the earlier day. Versions are dated in Beijing
    time, as the footer gives the build time; changes.json keeps each commit's own time and offset."""
    source = committed_copy(tmp_path)
    second = replace(YUFUFA, "　　强化企业知识产权主体地位。", "　　强化企业知识产权主体地位（测试）。")
    for when, change in (("2026-01-02T01:00:00+08:00", edit), ("2026-01-01T20:00:00-08:00", second)):
        change(source)
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
            + ["commit", "-q", "-am", f"修改于{when}"],
            cwd=source,
            env={**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when},
            check=True,
        )
    generate(source, tmp_path / "docs")
    page = (tmp_path / "docs/changes/index.md").read_text(encoding="utf-8").replace("&#45;", "-")
    dated = re.findall(r"^### (\d{4}-\d\d-\d\d) · 版本 \w+ \{ #yufufa-2016-25-", page, re.MULTILINE)
    assert dated[:2] == ["2026-01-02", "2026-01-02"]  # newest first: 01-02 12:00 and 01:00 in Beijing
    records = json.loads((tmp_path / "docs/data/changes.json").read_text(encoding="utf-8"))
    assert {r["date"] for r in records if r["change"] == "modified"} == {
        "2026-01-02T01:00:00+08:00",
        "2026-01-01T20:00:00-08:00",
    }


def test_an_uncommitted_edit_is_a_working_tree_version(tmp_path):
    source = committed_copy(tmp_path)
    edit(source)
    site = generate(source, tmp_path / "docs", write=False).site
    versions = [v for v in site.history if v.doc == "yufufa-2016-25"]
    assert [v.revision for v in versions][-1] == "working-tree"
    assert [c.id for c in versions[-1].changes] == ["yufufa-2016-25/2-1/p1"]


def test_a_checkout_with_crlf_line_ends_is_no_uncommitted_edit(tmp_path):
    """A checkout made under core.autocrlf = true without a .gitattributes saying otherwise (a clone made
    before the project had one) holds the texts with CRLF. git status says nothing changed, but the bytes
    on disk were not the committed blob, and every text had a version 未提交的修改（条款文字无变化）."""
    source = committed_copy(tmp_path)
    git(source, "config", "core.autocrlf", "true")
    for name in (YUFUFA, FIFTY_NINE):
        (source / name).unlink()
    git(source, "checkout", "--", YUFUFA, FIFTY_NINE)
    assert b"\r\n" in (source / YUFUFA).read_bytes() and git(source, "status", "--porcelain") == ""
    site = generate(source, tmp_path / "docs", write=False).site
    assert [v.doc for v in site.history if v.revision == "working-tree"] == []
    edit(source)  # a real edit is still one
    site = generate(source, tmp_path / "docs", write=False).site
    assert [(v.doc, [c.id for c in v.changes]) for v in site.history if v.revision == "working-tree"] == [
        ("yufufa-2016-25", ["yufufa-2016-25/2-1/p1"])
    ]


def test_without_git_the_change_log_is_empty_and_the_build_passes(tmp_path):
    site = generate(copy_sources(tmp_path), tmp_path / "docs").site
    assert site.history == ()
    assert "没有可用的版本历史" in (tmp_path / "docs/changes/index.md").read_text(encoding="utf-8")


def docs_files(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_the_git_configuration_of_the_machine_changes_nothing_in_docs(tmp_path):
    """The same sources give the same docs/ on any staff machine. Two settings change what ``git log``
    prints: ``log.showRoot = false`` left out the files of the first commit (each text's first version
    and the record's), and ``i18n.logOutputEncoding = GBK`` (or ``i18n.commitEncoding``, set where git
    runs in a GBK console) printed the subjects in GBK, shown as ����. The repository's own config stands
    for the user's global one here."""
    source = committed_copy(tmp_path)
    edit(source)
    git(source, "commit", "-q", "-am", "修改一句")
    generate(source, tmp_path / "plain")
    git(source, "config", "log.showRoot", "false")
    git(source, "config", "i18n.logOutputEncoding", "GBK")
    generate(source, tmp_path / "configured")
    page = (tmp_path / "configured/changes/index.md").read_text(encoding="utf-8")
    assert '<p class="changes-subject">修改一句</p>' in page
    assert page.count('<p class="changes-subject">首次收录：') == DOCUMENT_COUNT
    assert docs_files(tmp_path / "configured") == docs_files(tmp_path / "plain")


def test_a_git_hook_in_a_linked_worktree_sees_the_same_history(tmp_path, monkeypatch):
    """git runs a hook of a linked worktree (``git worktree add``) with GIT_DIR set to that worktree's
    folder. A ``make build`` or ``make check`` in a pre-commit hook then ran ``git -C source_texts log``
    as if source_texts/ were the top of the work tree: no path matched, and every text lost its history."""
    source = copy_sources(tmp_path)  # tmp_path/source_texts, in a repository at tmp_path
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "初始版本")
    edit(source)
    git(tmp_path, "commit", "-q", "-am", "修改一句")
    generate(source, tmp_path / "plain")
    monkeypatch.setenv("GIT_DIR", str(tmp_path / ".git"))
    monkeypatch.setenv("GIT_INDEX_FILE", ".git/index")
    generate(source, tmp_path / "hooked")
    page = (tmp_path / "hooked/changes/index.md").read_text(encoding="utf-8")
    assert '<p class="changes-subject">修改一句</p>' in page
    assert docs_files(tmp_path / "hooked") == docs_files(tmp_path / "plain")


def test_a_repository_git_refuses_to_read_stops_the_build_instead_of_losing_its_history(tmp_path, monkeypatch):
    """git refuses a repository another user owns unless safe.directory names it (a shared checkout on a
    server). The build went on as in a folder without git: no change log, and clause ids pinned without
    the old texts, from the same commit. It now stops, saying why and what to run. git here is a stand-in
    that answers as git 2.39 does, as the tests may not change a folder's owner."""
    source = committed_copy(tmp_path)
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text(
        "#!/bin/sh\n"
        f"echo \"fatal: detected dubious ownership in repository at '{source}'\" >&2\n"
        "echo 'To add an exception for this directory, call:' >&2\n"
        f"printf '\\n\\tgit config --global --add safe.directory {source}\\n' >&2\n"
        "exit 128\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(BuildError) as raised:
        generate(source, tmp_path / "docs")
    message = str(raised.value)
    assert message.startswith(f"{source.as_posix()}:1:1: expected a git repository this user may read")
    assert f"detected dubious ownership in repository at '{source}'" in message
    assert f"git config --global --add safe.directory {source}" in message
    assert not (tmp_path / "docs").exists()


def test_a_text_named_in_chinese_has_its_history(tmp_path):
    """git quotes a file name outside ASCII in what ``git log --raw`` prints (``core.quotePath``, on by
    default): a text saved as 渝府发〔2016〕25号.txt had no versions, where core.quotePath = false has them."""
    source = copy_sources(tmp_path)
    name = "渝府发〔2016〕25号.txt"
    (source / YUFUFA).rename(source / name)
    replace("documents.yaml", f"source_file: {YUFUFA}", f"source_file: {name}")(source)
    git(source, "init", "-q")
    git(source, "config", "core.quotePath", "true")
    git(source, "add", ".")
    git(source, "commit", "-q", "-m", "初始版本")
    text = (source / name).read_text(encoding="utf-8")
    (source / name).write_text(text.replace(OLD, NEW), encoding="utf-8")
    git(source, "commit", "-q", "-am", "修改一句")
    site = generate(source, tmp_path / "docs", write=False).site
    versions = [v for v in site.history if v.doc == "yufufa-2016-25"]
    assert [(v.subject, [c.id for c in v.changes]) for v in versions][1:] == [("修改一句", ["yufufa-2016-25/2-1/p1"])]
    assert len(versions) == 2


def test_diff_marks_are_added_after_escaping():
    old, new = diff_html("甲<b>乙", "甲<i>乙&")
    assert old == "甲&lt;<del>b</del>&gt;乙"
    assert new == "甲&lt;<ins>i</ins>&gt;乙<ins>&amp;</ins>"


def test_the_change_log_lists_each_old_link_of_a_document_and_where_it_leads(built):
    """106号's closing paragraph was renumbered by documents.yaml, not by an edit of its text: no version
    shows it, so the log lists redirects.yaml's entries under their document, old anchor to new."""
    page = (built.docs / "changes/index.md").read_text(encoding="utf-8")
    section = page[page.index("### 链接变更 { #guobanfa-2016-106-links }") :].split("\n## ")[0]
    moved = [r for r in built.site.redirects if r.doc == "guobanfa-2016-106"]
    for redirect in moved:
        assert redirect.to is not None
        old, new = redirect.url.removeprefix("/"), redirect.to_url.removeprefix("/")
        assert f'<a href="../{old}"><code>{redirect.old}</code></a> → <code>{redirect.to}</code></p>' in section
        assert f'为<a href="../{new}">正文末段' in section
    assert len(moved) == section.count('<div class="change change-moved">') >= 4  # and derived sentences
    # Where they stood, no committed version parsed today shows: 3-3/p1 (三（三）'s paragraph until f772f0a)
    # is out of 三（三） under today's documents.yaml, and p3 is only the texts' first commit's positional
    # id (pinned to no record: no record ever held p3). Their ids' numbers are no place: 原条款.
    assert "原为" not in section and section.count("原条款现为") == len(moved)


def test_a_retired_line_is_said_to_be_deleted_and_given_no_place_no_version_shows(built):
    """59号's pre2 (发布时间, 文首第2行 from 07cef76 to f772f0a): documents.yaml now drops the line, so no
    committed text parsed today has it; the texts' commit, which predates the record, has pre2 on the
    next line's words (国知发管字〔2015〕59号). Its place is not read from that version, nor from the id."""
    page = (built.docs / "changes/index.md").read_text(encoding="utf-8")
    section = page[page.index("### 链接变更 { #guozhifaguanzi-2015-59-links }") :].split("\n## ")[0]
    assert (
        '<p class="change-head"><span class="change-kind">删除</span> 原条款已删去（2026-12-03）</p>\n'
        '<p class="change-ids"><a href="../documents/guozhifaguanzi-2015-59/#pre2">'
        "<code>guozhifaguanzi-2015-59/pre2</code></a></p>"
    ) in section
    assert "撤销" not in section  # a clause link is not a revoked provision


def test_a_gone_clause_is_cited_as_the_newest_commit_that_had_it_counted(tmp_path):
    """A paragraph inserted in a commit gets a lettered id (p2a, track/lineage.py), which says nothing of
    its place; removed again, 链接变更 cites it where that commit had it, and where it went."""
    source = committed_copy(tmp_path)
    text = read_page(source / YUFUFA)
    third = "　　强化高校和科研院所创造知识产权的市"  # 第二部分第（一）条第3段
    (source / YUFUFA).write_text(text.replace(third, "　　插入的一段。\n\n" + third, 1), encoding="utf-8")
    generate(source, tmp_path / "docs")
    git(source, "commit", "-qam", "插入一段")
    (source / YUFUFA).write_text(text, encoding="utf-8")
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/2-1/p2a\n    to: yufufa-2016-25/2-1/p1\n", encoding="utf-8"
    )
    generate(source, tmp_path / "docs")
    page = read_page(tmp_path / "docs/changes/index.md")
    assert (
        '<span class="change-kind">移动</span> 原为第二部分第（一）条第3段，现为'
        '<a href="../documents/yufufa-2016-25/#c2-1-p1">第二部分第（一）条第1段</a></p>\n'
        '<p class="change-ids"><a href="../documents/yufufa-2016-25/#c2-1-p2a"><code>yufufa-2016-25/2-1/p2a</code></a>'
        " → <code>yufufa-2016-25/2-1/p1</code></p>"
    ) in page
    assert "原为第二部分第（一）条第3段第1句，现为" in page  # its sentence, which git knew, goes with it


def texts_committed_before_their_record(tmp_path: Path) -> Path:
    """The real repository's shape: the texts are committed (57df95d) before the clause-id record
    (07cef76), and documents.yaml later drops 59号's 发布时间 line (531e85d: its id pre2 retired, pre3…
    keep theirs). The texts' commit, pinned to no record, has positional ids: its pre3… hold the text
    of the line after (pre6 the line the site published as pre7)."""
    source = copy_sources(tmp_path)
    git(source, "init", "-q")
    git(source, "add", ".")
    git(source, "rm", "-q", "--cached", "clause_ids.tsv")
    git(source, "commit", "-q", "-m", "初始版本")
    replace(
        "documents.yaml",
        "    dropped_lines:\n      - 大 中 小\n",
        '    dropped_lines:\n      - "发布时间: 2015-10-22"\n      - 大 中 小\n',
    )(source)
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: guozhifaguanzi-2015-59/pre2\n    note: 发布网页所加的一行\n", encoding="utf-8"
    )
    generate(source, tmp_path / "docs")
    git(source, "add", ".")
    git(source, "commit", "-q", "-m", "条款编号记录")
    return source


def links_section(page: str, slug: str) -> str:
    return page[page.index(f"### 链接变更 {{ #{slug}-links }}") :].split("\n## ")[0]


def test_a_removed_line_is_cited_where_the_site_had_it_not_where_an_unpinned_commit_put_its_id(tmp_path):
    """Repro of a defect: pre6 (published as 文首第5行) removed was said 原为文首第6行, its place in the
    texts' commit whose pre6 held the next line's words. A place is taken only from a version whose
    text under the id is the one a committed record gives it: here the texts' commit as the record
    commit pinned it. A place no committed version verifies is not given (pre2: 原条款)."""
    source = texts_committed_before_their_record(tmp_path)
    lines = read_page(source / FIFTY_NINE).split("\n")
    assert lines[14].startswith("《方案》是指导各省")  # line 15: pre6, 文首第5行 on the site
    (source / FIFTY_NINE).write_text("\n".join(lines[:14] + lines[15:]), encoding="utf-8")
    with (source / "redirects.yaml").open("a", encoding="utf-8") as redirects:
        redirects.write("  - id: guozhifaguanzi-2015-59/pre6\n    note: 测试删去\n")
    for state in ("uncommitted", "committed"):  # the same before the removal is committed with its record and after
        if state == "committed":
            git(source, "commit", "-qam", "删去一行")
        generate(source, tmp_path / "docs")
        section = links_section(read_page(tmp_path / "docs/changes/index.md"), "guozhifaguanzi-2015-59")
        assert "文首第6行" not in section
        assert '<span class="change-kind">删除</span> 原为文首第5行，已删去</p>' in section
        # pre2's line is dropped by documents.yaml: no version parsed today has its words under its id
        assert '<span class="change-kind">删除</span> 原条款已删去</p>' in section


def test_an_edit_after_texts_older_than_their_record_lists_only_what_it_changed(tmp_path):
    """Repro of a defect: the texts' first commit predates the clause-id record, and its ids were given by
    position; parsed with today's documents.yaml (which drops 59号's 发布时间 line) its pre3–pre8 held the
    next line's words, so removing one line was logged as 修改 pre3, pre4, pre5, pre7, pre8 and 新增 pre9,
    and the removal itself not at all. That commit's text is pinned to the record a later commit gave it."""
    source = texts_committed_before_their_record(tmp_path)
    lines = read_page(source / FIFTY_NINE).split("\n")
    (source / FIFTY_NINE).write_text("\n".join(lines[:14] + lines[15:]), encoding="utf-8")  # pre6
    with (source / "redirects.yaml").open("a", encoding="utf-8") as redirects:
        redirects.write("  - id: guozhifaguanzi-2015-59/pre6\n    note: 测试删去\n")
    generate(source, tmp_path / "docs")  # records the ids
    git(source, "commit", "-qam", "删去一行")
    generate(source, tmp_path / "docs")
    page = read_page(tmp_path / "docs/changes/index.md")
    document = page[page.index("{ #guozhifaguanzi-2015-59 }") :].split("\n## ")[0]
    newest = document[document.index("\n### ") :].split("\n### ")[1]
    assert "删去一行" in newest
    changes = r'<span class="change-kind">(.+?)</span> (?:<a href="[^"]*">)?(.+?)(?:</a>)?</p>\n<p class="change-ids"><code>([^<]+)</code>'
    assert re.findall(changes, newest) == [("删除", "文首第5行", "guozhifaguanzi-2015-59/pre6")]


def test_an_id_that_never_existed_is_given_no_place(tmp_path):
    """redirects.yaml may list an id no version had; its id's number is no place (文首第0行, 第0项, a
    paragraph's 29th sentence): without git, nothing says where a gone clause stood."""
    source = copy_sources(tmp_path)
    ids = ("guozhifaguanzi-2015-59/pre0", "guobanhan-2016-66/t0", "guobanhan-2016-66/t200", "yufufa-2016-25/2-1/p1/s29")
    entries = "".join(f"  - id: {clause_id}\n    note: 从未有过\n" for clause_id in ids)
    (source / "redirects.yaml").write_text("redirects:\n" + entries, encoding="utf-8")
    generate(source, tmp_path / "docs")
    page = (tmp_path / "docs/changes/index.md").read_text(encoding="utf-8")
    for clause_id in ids:
        at = page.index(f"<code>{clause_id}</code>")
        head = page[page.rindex('<p class="change-head">', 0, at) : at]
        assert '<span class="change-kind">删除</span> 原条款已删去</p>' in head, clause_id
    assert "原为" not in page


def test_every_document_page_links_to_its_history(built):
    for document in built.site.corpus.documents:
        page = (built.docs / f"documents/{document.slug}.md").read_text(encoding="utf-8")
        assert f'href="../../changes/#{document.slug}"' in page
        assert f'id="{document.slug}"' in (built.html / "changes/index.html").read_text(encoding="utf-8")


def test_the_slugs_a_committed_documents_yaml_gave_its_texts_in_any_spelling():
    from build_scripts.track.versions import _read_listing

    spellings = [
        "documents:\n  - slug: a-1\n    source_file: a-1.txt\n",
        "documents:\r\n  - slug: a-1\r\n    source_file: a-1.txt\r\n",  # committed from Windows
        "documents:\n  - slug: \"a-1\"  # quoted, with a comment\n    source_file: 'a-1.txt'\n",
        "documents:\n  - source_file: a-1.txt\n    slug: a-1\n",  # another key first
    ]
    for text in spellings:
        assert _read_listing(text)[0] == [("a-1.txt", "a-1")], text
    broken = 'documents:\n  - slug: "a-1"\r\n    source_file: a-1.txt # x\n  - slug: b-2\n    title: [\n'
    assert _read_listing(broken) == ([("a-1.txt", "a-1")], {})  # not YAML: read line by line, slugs only


def test_a_versions_changes_come_in_the_order_the_schema_gives(built):
    """Open-data consumer review: changes.json's order was not said anywhere. Within a version the added and
    modified clauses come in the new text's order, then the removed ones in the old text's order."""
    from dataclasses import replace as with_fields

    from build_scripts.track.versions import diff_clauses

    old = [c for c in built.site.corpus.document("yufufa-2016-25").clauses if c.kind.value != "sentence"]
    gone, edited, late = old[3], old[10], old[20]
    new = [c for c in old if c is not gone]
    new[new.index(edited)] = with_fields(edited, text=edited.text + "（改）")
    new.insert(new.index(late), with_fields(late, id=late.id + "x", text="新增的一段。"))
    changes = diff_clauses(old, new)
    assert [(c.change, c.id) for c in changes] == [
        ("modified", edited.id),
        ("added", late.id + "x"),
        ("removed", gone.id),
    ]
    schema = json.loads((built.docs / "data/schemas/changes.schema.json").read_text(encoding="utf-8"))
    assert "先列新增和修改的条款（按新版本原文先后），再列删除的条款（按旧版本原文先后）" in schema["description"]


def test_changes_come_document_by_document_oldest_version_first_uncommitted_last(tmp_path):
    source = committed_copy(tmp_path)
    edit(source)
    git(source, "commit", "-q", "-am", "修改一句")
    text = (source / FIFTY_NINE).read_text(encoding="utf-8")
    (source / FIFTY_NINE).write_text(text.replace("积极组织实施。", "积极组织实施（试）。", 1), encoding="utf-8")
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_text(text.replace(NEW, NEW + "（再改）"), encoding="utf-8")
    generate(source, tmp_path / "docs")
    records = json.loads((tmp_path / "docs/data/changes.json").read_text(encoding="utf-8"))
    docs = [d["id"] for d in json.loads((tmp_path / "docs/data/documents.json").read_text(encoding="utf-8"))]
    assert [r["doc"] for r in records] == sorted((r["doc"] for r in records), key=docs.index)
    steps = [(r["doc"], r["subject"], r["change"]) for r in records if r["doc"] in {"yufufa-2016-25", docs[3]}]
    assert [(doc, change) for doc, _, change in steps] == [
        (docs[3], "initial"),
        (docs[3], "modified"),
        ("yufufa-2016-25", "initial"),
        ("yufufa-2016-25", "modified"),
        ("yufufa-2016-25", "modified"),
    ]
    assert [subject for doc, subject, _ in steps if doc == "yufufa-2016-25"][1:] == ["修改一句", "未提交的修改"]
    assert docs[3] == "guozhifaguanzi-2015-59"


def test_a_committed_documents_yaml_with_a_date_no_calendar_has_is_history_not_an_internal_error(tmp_path):
    """PyYAML reads 2016-13-45 as a date and raises ValueError, not a YAMLError: a version of
    documents.yaml committed with such a date and mended in the next commit stopped every later build
    with "internal error: ValueError"; that version is read line by line, as one that does not parse."""
    source = committed_copy(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    assert "date: 2016-07-08" in listing
    (source / "documents.yaml").write_text(listing.replace("date: 2016-07-08", "date: 2016-13-45"), encoding="utf-8")
    git(source, "commit", "-q", "-am", "日期有误")
    (source / "documents.yaml").write_text(listing, encoding="utf-8")
    git(source, "commit", "-q", "-am", "改正日期")
    result = generate(source, tmp_path / "docs")
    assert len(result.site.corpus.documents) == DOCUMENT_COUNT
    page = (tmp_path / "docs/changes/index.md").read_text(encoding="utf-8")
    assert page.count('<p class="changes-subject">首次收录：') == DOCUMENT_COUNT


def test_a_committed_listing_that_no_yaml_type_reads_gives_its_slugs_line_by_line():
    from build_scripts.track.versions import _read_listing

    for value in ("2016-13-45", "[" * 2000 + "]" * 2000):  # a date no calendar has; nesting past the recursion limit
        text = f"documents:\n  - slug: a-1\n    source_file: a-1.txt\n    date: {value}\n"
        assert _read_listing(text)[0] == [("a-1.txt", "a-1")], value[:20]


def test_the_committed_redirects_are_read_in_the_one_git_call_that_reads_the_texts_versions(tmp_path, monkeypatch):
    """The newest commit's redirects.yaml (every id it lists existed) comes from the ``git cat-file --batch``
    that reads the committed texts, not from a ``git show`` of its own after it (a second git process on
    every rebuild of the bench's working copy), and it is what ``git show`` gives: the file, or None."""
    source = copy_sources(tmp_path, SOURCE)  # the live corpus: its redirects.yaml lists ids no version here has
    git(source, "init", "-q")
    git(source, "add", ".")
    git(source, "commit", "-q", "-m", "初始版本")
    edit(source)
    asked = []
    real = git_log._run
    monkeypatch.setattr(git_log, "_run", lambda where, *args, **kw: asked.append(args[0]) or real(where, *args, **kw))
    generate(source, tmp_path / "docs")
    assert asked == ["cat-file"]  # git log aside (begun at the start, ``StartedLog``)
    found = versions.build_history(source, load_corpus(source, Collector()).documents)
    assert found.committed_redirects == git_log.committed_file(source, "redirects.yaml") is not None
    git(source, "rm", "-q", "redirects.yaml")
    git(source, "commit", "-q", "-m", "删除")
    found = versions.build_history(source, load_corpus(source, Collector()).documents)
    assert found.committed_redirects is None and git_log.committed_file(source, "redirects.yaml") is None


def test_the_command_line_summary_says_when_it_left_clauses_out(tmp_path):
    """From session 38's review: five paragraphs added under an item were summarised as three ids and no …
    (the … came only past nine changes in all); any kind listed in part ends in … now."""
    from .helpers import tiny_source

    text = "一、总体要求\n（一）目标。正文一。\n（二）任务。正文二。\n"
    source = tiny_source(tmp_path, text)
    docs = tmp_path / "docs"
    generate(source, docs)
    more = "".join(f"补充段落{n}。\n" for n in range(1, 6))
    (source / "test-2020-1.txt").write_text(text + more, encoding="utf-8")
    summary = generate(source, docs).since_last_build
    assert summary.startswith("since the last build: 5 clause(s) added, 0 removed, 0 modified ("), summary
    assert summary.count("+test-2020-1/") == 3 and summary.endswith(", …)"), summary
