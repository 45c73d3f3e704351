"""Links never die silently: a removed clause needs a redirects.yaml entry, and its old anchor shows a notice."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from build_scripts.track.published import draft_hint

from .helpers import (
    FIXTURE,
    SOURCE,
    answered,
    copy_sources,
    delete_task_and_renumber,
    generate_in,
    generated_copy,
    mkdocs_build,
    read_page,
    refused,
    renumbered_and_answered,
    replace,
    run_cli,
)

YUFUFA = "yufufa-2016-25.txt"
REMOVED = "强化高校和科研院所创造知识产权的市"  # start of yufufa-2016-25/2-1/p3 (line 27)
MISSING = re.compile(
    r"^source_texts/yufufa-2016-25\.txt:27:1: expected a redirects\.yaml entry for removed clause "
    r"(yufufa-2016-25/2-1/p3(/s\d+)?) \(new id or retired note\), found none(; .*)?$"
)


def remove_paragraph(source: Path) -> None:
    lines = (source / YUFUFA).read_text(encoding="utf-8").split("\n")
    (source / YUFUFA).write_text("\n".join(ln for ln in lines if REMOVED not in ln), encoding="utf-8")


# p3 and its sentences, as the frozen corpus's record has them: an entry for an id that never existed is
# refused where git shows every version. The paragraphs after it keep their ids (source_texts/clause_ids.tsv
# records them: track/lineage.py).
P3_IDS = tuple(
    line.split("\t", 1)[0]
    for line in (FIXTURE / "clause_ids.tsv").read_text(encoding="utf-8").splitlines()
    if line.split("\t", 1)[0] == "yufufa-2016-25/2-1/p3" or line.startswith("yufufa-2016-25/2-1/p3/")
)


def write_p3_redirects(source: Path, fields: str) -> None:
    """A redirects.yaml entry for p3 and each of its sentences, each with ``fields`` (YAML lines)."""
    entries = "".join(f"  - id: {clause_id}\n{fields}" for clause_id in P3_IDS)
    (source / "redirects.yaml").write_text("redirects:\n" + entries, encoding="utf-8")


def built_once(tmp_path: Path) -> Path:
    source = generated_copy(tmp_path)
    return source


def test_removing_a_clause_fails_with_a_located_message_until_redirects_yaml_has_it(tmp_path):
    source = built_once(tmp_path)
    remove_paragraph(source)  # the id p3 (and its sentences) is gone; p4 keeps its id
    before = (tmp_path / "docs/data/clauses.json").read_bytes()
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    missing = [MISSING.match(line) for line in proc.stderr.splitlines()[:-1]]
    assert all(missing) and "yufufa-2016-25/2-1/p3" in {m.group(1) for m in missing}
    assert (tmp_path / "docs/data/clauses.json").read_bytes() == before
    note = "原第三段删去 <b>并</b> *非* [链接](x)"  # text, never HTML or Markdown
    entries = "".join(f"  - id: {m.group(1)}\n    note: {note}\n    date: 2024-05-01\n" for m in missing)
    (source / "redirects.yaml").write_text("redirects:\n" + entries, encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    redirects = json.loads((tmp_path / "docs/data/redirects.json").read_text(encoding="utf-8"))
    assert redirects["/documents/yufufa-2016-25/#c2-1-p3"]["to"] is None
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    page = (tmp_path / "site/documents/yufufa-2016-25/index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="retired-clause" id="c2-1-p3" role="note">此条已于2024-05-01删除：原第三段删去', page)
    # the change log says it too, its id beside; no git here, so nothing shows where it stood (the
    # number in its id is no place: ids keep theirs when a sibling goes)
    changes = (tmp_path / "site/changes/index.html").read_text(encoding="utf-8")
    assert (
        '<span class="change-kind">删除</span> 原条款已删去（2024-05-01）</p>\n'
        '<p class="change-ids"><a href="../documents/yufufa-2016-25/#c2-1-p3"><code>yufufa-2016-25/2-1/p3</code></a></p>\n'
        f'<p class="change-old"><span class="change-side">说明</span>{html.escape(note, quote=False)}</p>'
    ) in changes


def test_a_moved_clause_links_to_its_new_id(tmp_path):
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path)  # the texts committed with their record: git shows where p3 stood
    remove_paragraph(source)
    write_p3_redirects(source, "    to: yufufa-2016-25/2-1/p4\n")  # merged into the next paragraph, say
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    page = read_page(tmp_path / "docs/documents/yufufa-2016-25.md")
    assert '<p class="retired-clause" id="c2-1-p3" role="note">此条已移至新位置 <a href="./#c2-1-p4">' in page
    # where it went, in words a citation can be corrected with (public-reader review: only a link said it)
    assert '<a href="./#c2-1-p4">转到新位置：第二部分第（一）条第3段</a>' in page
    changes = read_page(tmp_path / "docs/changes/index.md")
    section = changes[changes.index("### 链接变更 { #yufufa-2016-25-links }") :]
    # p4 is now the third paragraph: the citation is the same, the link is not
    assert (
        '<span class="change-kind">移动</span> 原为第二部分第（一）条第3段，现仍为'
        '<a href="../documents/yufufa-2016-25/#c2-1-p4">第二部分第（一）条第3段</a>，链接已更新</p>\n'
        '<p class="change-ids"><a href="../documents/yufufa-2016-25/#c2-1-p3"><code>yufufa-2016-25/2-1/p3</code></a>'
        " → <code>yufufa-2016-25/2-1/p4</code></p>"
    ) in section
    assert "原为第二部分第（一）条第3段第1句，现为" in section  # a sentence git knew


def test_redirects_yaml_is_validated_with_located_messages(tmp_path):
    source = copy_sources(tmp_path)
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/9-9\n    to: yufufa-2016-25/9-8\n"
        "  - id: yufufa-2016-25/2-1/p1\n    note: 仍然存在\n  - id: yufufa-2016-25/9-7\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "--source", "source_texts", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[:3] == [
        "source_texts/redirects.yaml:3:9: expected 'to' of 'yufufa-2016-25/9-9' to be an existing clause id, "
        "found 'yufufa-2016-25/9-8'; yufufa-2016-25 holds 1, 2, 3",  # its sections: no 9, no 9-…
        "source_texts/redirects.yaml:4:9: expected a removed clause id, found 'yufufa-2016-25/2-1/p1', which still exists",
        "source_texts/redirects.yaml:6:5: expected 'to' (the new clause id) or 'note' (why it was retired) "
        "for 'yufufa-2016-25/9-7', found neither",
    ]


def test_a_redirect_field_yaml_reads_as_no_text_is_refused_where_it_stands(tmp_path):
    """YAML reads a bare 5, yes or 2016-11-01 as a number, true or a date: no id, address or note is one.
    `id: 5` was taken as a removed document named "5", `note: 2016-11-01` as the note "2016-11-01"."""
    source = built_once(tmp_path)
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: 5\n    note: x\n  - id: [a]\n    note: x\n  - id: null\n    note: x\n"
        "  - id: yufufa-2016-25/9-1\n    to: 5\n  - id: yufufa-2016-25/9-2\n    note: [a]\n"
        "  - id: yufufa-2016-25/9-3\n    note: 2016-11-01\n  - id: yufufa-2016-25/9-4\n    note: yes\n"
        "  - page: 5\n    note: x\n",
        encoding="utf-8",
    )
    clause_id, text = "a removed clause id or document slug (text)", "'note' of a redirect to be text"
    assert refused(tmp_path).splitlines()[:-1] == [  # each once, where it stands: no "found neither" after it
        f"source_texts/redirects.yaml:2:9: expected 'id' of a redirect to be {clause_id}, found 5",
        f"source_texts/redirects.yaml:4:9: expected 'id' of a redirect to be {clause_id}, found ['a']",
        f"source_texts/redirects.yaml:6:9: expected 'id' of a redirect to be {clause_id}, found nothing",
        "source_texts/redirects.yaml:9:9: expected 'to' of a redirect to be a clause id (text), found 5",
        f"source_texts/redirects.yaml:11:11: expected {text}, found ['a']",
        f"source_texts/redirects.yaml:13:11: expected {text}, found the date 2016-11-01",
        f"source_texts/redirects.yaml:15:11: expected {text}, found true (YAML's reading of a bare yes, on or true)",
        "source_texts/redirects.yaml:16:11: expected 'page' of a page redirect to be a page's address (text), found 5",
    ]


def test_an_entrys_id_and_note_are_refused_where_they_stand(tmp_path):
    """A removed document's entry given twice was said at the entry's '- ', not at its id; a note written
    with nothing ('note:') at the entry, not where it stands; and a note that is no text was said twice,
    where it stands and at the entry as if none were written."""
    source = built_once(tmp_path)
    (source / "redirects.yaml").write_text(
        "redirects:\n"
        "  - id: cefa-2019-1\n    note: 废止\n"
        "  - id: cefa-2019-1\n    note: 再次\n"  # line 4: the same document again
        "  - id: cefa-2019-2\n    note:\n"  # line 7: a note written with nothing
        "  - id: cefa-2019-3\n    note: ' '\n"  # line 9: a note that is no text
        "  - id: cefa-2019-4\n"  # line 10: no note at all, said at the entry
        "  - id: yufufa-2016-25/9-1\n    note:\n"  # line 12
        "  - page: /agencies/x/\n    note:\n",  # line 14
        encoding="utf-8",
    )
    assert refused(tmp_path).splitlines()[:-1] == [
        "source_texts/redirects.yaml:4:9: expected each removed document once, found 'cefa-2019-1' again "
        "(first at line 2)",
        "source_texts/redirects.yaml:7:10: expected a 'note' (why it was removed) for the removed document "
        "'cefa-2019-2', found nothing",
        "source_texts/redirects.yaml:9:11: expected 'note' of a redirect to be text, found empty text (' ')",
        "source_texts/redirects.yaml:10:5: expected a 'note' (why it was removed) for the removed document "
        "'cefa-2019-4', found none",
        "source_texts/redirects.yaml:12:10: expected 'to' (the new clause id) or 'note' (why it was retired) for "
        "'yufufa-2016-25/9-1', found neither",
        "source_texts/redirects.yaml:14:10: expected 'to' (the page readers go to now) or 'note' (why it is gone) "
        "for /agencies/x/, found neither",
    ]


def test_a_new_place_left_empty_is_refused_not_taken_for_a_retirement(tmp_path):
    """`to:` written with nothing after it (the new place forgotten) beside a note was read as no `to`:
    the clause or page was retired with the note, and its links led nowhere."""
    source = built_once(tmp_path)
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/9-1\n    to:\n    note: 移到第二部分\n"
        "  - page: /agencies/x/\n    to: null\n    note: 改名\n",
        encoding="utf-8",
    )
    assert refused(tmp_path).splitlines()[:-1] == [
        "source_texts/redirects.yaml:3:8: expected 'to' of a redirect to be the new clause id, "
        "found nothing (to retire it, leave 'to' out)",
        "source_texts/redirects.yaml:6:9: expected 'to' of a page redirect to be the page readers go to now, "
        "found nothing (to retire it, leave 'to' out)",
    ]


def test_a_redirect_can_hide_neither_a_live_clause_nor_another_entry(tmp_path):
    source = generated_copy(tmp_path)
    docs = tmp_path / "docs"
    before = (docs / "documents/guofa-2016-86.md").read_bytes()
    (source / "redirects.yaml").write_text(
        "redirects:\n"
        "  - id: guofa-2016-86/c4-2-3\n    to: guofa-2016-86/4-2-2\n"  # the id as the URL spells it
        "  - id: guofa-2016-86/4/2/3\n    note: x\n"  # slashes for hyphens: the same anchor
        "  - id: guofa-2016-86/9-9\n    note: 删去\n"
        "  - id: guofa-2016-86/c9-9\n    to: guofa-2016-86/4-2-2\n"  # the same anchor as the entry above
        "  - id: guofa-2016-86/9-8\n    note: 删去\n    to_quote: 完全不存在的文字\n",  # quotes no new clause
        encoding="utf-8",
    )
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    hidden = "which exists (the notice would hide it)"
    assert proc.stderr.splitlines()[:4] == [
        "source_texts/redirects.yaml:2:9: expected a removed clause id, found 'guofa-2016-86/c4-2-3', whose anchor "
        f"is that of guofa-2016-86/4-2-3, {hidden}",
        "source_texts/redirects.yaml:4:9: expected a removed clause id, found 'guofa-2016-86/4/2/3', whose anchor "
        f"is that of guofa-2016-86/4-2-3, {hidden}",
        "source_texts/redirects.yaml:8:9: expected each removed clause id once, found 'guofa-2016-86/c9-9' with "
        "the same anchor as 'guofa-2016-86/9-9' (first at line 6)",
        "source_texts/redirects.yaml:12:15: expected 'to_quote' only with 'to' (it quotes the new clause), found it "
        "in the retired 'guofa-2016-86/9-8'",
    ]
    assert (docs / "documents/guofa-2016-86.md").read_bytes() == before


def test_a_removed_document_needs_one_entry_and_builds_ever_after(tmp_path):
    """Its clause ids are known from the last build: the first build without it asks, once, for an
    entry for the whole document (``id: <slug>`` and a note), which serves every anchor it had; with
    it every later build passes and writes the same data, from the same docs/ or from an empty one."""
    from .test_add_document import add_document

    source = copy_sources(tmp_path)
    listing = add_document(source)
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    (source / "documents.yaml").write_text(listing, encoding="utf-8")
    (source / "cefa-2020-7.txt").unlink()
    proc = run_cli(*generate, cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr.splitlines()[:-1] == [
        "source_texts/documents.yaml:1:1: expected a redirects.yaml entry for removed document cefa-2020-7 "
        "(id: cefa-2020-7, with a note saying why; it serves its 15 clause ids) or one for each of them, found none"
    ]
    (source / "redirects.yaml").write_text("redirects:\n  - id: cefa-2020-7\n    note: 文件已废止\n", encoding="utf-8")
    for _ in range(2):
        proc = run_cli(*generate, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    data = (tmp_path / "docs/data/redirects.json").read_text(encoding="utf-8")
    assert json.loads(data) == {
        "/documents/cefa-2020-7/": {
            "id": "cefa-2020-7",
            "to": None,
            "to_id": None,
            "note": "文件已废止",
            "date": None,
            "notice": "本站已移除此文件：文件已废止",
        }
    }
    schema = json.loads((tmp_path / "docs/data/schemas/redirects.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(data), schema)
    shutil.rmtree(tmp_path / "docs")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    assert (tmp_path / "docs/data/redirects.json").read_text(encoding="utf-8") == data  # docs/ or not, the same


def test_a_clause_entry_within_a_removed_document_is_told_the_documents_entry_serves_it(tmp_path):
    """A paragraph of a sixth document removed (entry 2/p1 → 1-1), then the document removed with its own
    entry (README's steps, followed by a new staff member): the paragraph's entry was refused with 'retire
    this id too (note: why), or name the clause holding its words now', not saying that the document's
    entry serves the id and that removing the paragraph's entry is all it takes. It says so, and that builds."""
    from .test_add_document import add_document

    source = copy_sources(tmp_path)
    listing = add_document(source)
    assert generate_in(tmp_path).returncode == 0
    replace("cefa-2020-7.txt", "加强组织领导，落实工作责任。\n", "")(source)
    entry = "  - id: cefa-2020-7/2/p1\n    to: cefa-2020-7/1-1\n"
    (source / "redirects.yaml").write_text("redirects:\n" + entry, encoding="utf-8")
    assert generate_in(tmp_path).returncode == 0
    (source / "documents.yaml").write_text(listing, encoding="utf-8")
    (source / "cefa-2020-7.txt").unlink()
    retired = "  - id: cefa-2020-7\n    note: 文件已废止\n"
    (source / "redirects.yaml").write_text("redirects:\n" + entry + retired, encoding="utf-8")
    assert refused(tmp_path).splitlines()[:-1] == [
        "source_texts/redirects.yaml:3:9: expected 'to' of 'cefa-2020-7/2/p1' to be an existing clause id, found "
        "'cefa-2020-7/1-1'; redirects.yaml retires cefa-2020-7, which held it and this id: remove this entry "
        "(that one serves this id too), retire this id with a note of its own, or name the clause holding its "
        "words now"
    ]
    (source / "redirects.yaml").write_text("redirects:\n" + retired, encoding="utf-8")
    assert generate_in(tmp_path).returncode == 0


def test_an_entry_for_a_document_still_listed_is_refused(tmp_path):
    source = copy_sources(tmp_path)
    (source / "redirects.yaml").write_text("redirects:\n  - id: guofa-2016-86\n    note: 废止\n", encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0] == (
        "source_texts/redirects.yaml:2:9: expected a removed document or clause id, "
        "found 'guofa-2016-86', a document documents.yaml still lists"
    )


def test_redirects_in_a_collection_without_the_chongqing_text(tmp_path):
    """No 对照 pages without the Chongqing text: a redirect is still read, and nothing breaks."""
    from .test_add_document import ENTRY, TEXT

    source = tmp_path / "source_texts"
    source.mkdir()
    (source / "cefa-2020-7.txt").write_text(TEXT, encoding="utf-8")
    (source / "documents.yaml").write_text("documents:" + ENTRY, encoding="utf-8")
    external = "external:\n  - doc_number: 国发〔2016〕86号\n    title: “十三五”国家知识产权保护和运用规划\n"
    (source / "external.yaml").write_text(external, encoding="utf-8")  # what the document implements
    (source / "redirects.yaml").write_text("redirects:\n  - id: cefa-2020-7/1-3\n    note: 删去\n", encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "/documents/cefa-2020-7/#c1-3" in (tmp_path / "docs/data/redirects.json").read_text(encoding="utf-8")


def test_a_clause_removed_since_the_last_commit_needs_an_entry_even_without_a_previous_build(tmp_path):
    from .test_changelog import committed_copy

    remove_paragraph(committed_copy(tmp_path))
    proc = run_cli("check", "--source", "source_texts", cwd=tmp_path)
    assert proc.returncode == 1
    # Known from the commit (no previous build): the removed paragraph's own id p3 is the one gone, at
    # the line it stood on, and p4 keeps its id (clause_ids.tsv: track/lineage.py).
    removed = proc.stderr.splitlines()[0]
    assert removed.startswith(
        "source_texts/yufufa-2016-25.txt:27:1: expected a redirects.yaml entry for removed clause "
        "yufufa-2016-25/2-1/p3 (new id or retired note), found none; the entry serves its "
    ), removed
    assert "2-1/p4" not in proc.stderr.split("\n", 1)[1]


def _moved_to_p4(source: Path, quote: str) -> None:
    """Entries sending p3 and its sentences to p4, the paragraph after it, quoting ``quote``."""
    write_p3_redirects(source, f"    to: yufufa-2016-25/2-1/p4\n    to_quote: {quote}\n")


def test_a_to_quote_the_new_clause_holds_builds(tmp_path):
    source = built_once(tmp_path)
    remove_paragraph(source)  # p4 (健全重大经济活动…) keeps its id
    _moved_to_p4(source, "健全重大经济活动 知识产权评议机制")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    redirects = json.loads((tmp_path / "docs/data/redirects.json").read_text(encoding="utf-8"))
    assert redirects["/documents/yufufa-2016-25/#c2-1-p3"]["to_id"] == "yufufa-2016-25/2-1/p4"


def test_a_to_quote_the_new_clause_no_longer_holds_stops_the_build_at_the_entry(tmp_path):
    source = built_once(tmp_path)
    before = (tmp_path / "docs/data/clauses.json").read_bytes()
    remove_paragraph(source)
    # quoting the removed paragraph, not p4: the redirect would send readers to other words
    _moved_to_p4(source, REMOVED)
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    first = proc.stderr.splitlines()[0]
    assert re.fullmatch(
        r"source_texts/redirects\.yaml:4:15: expected yufufa-2016-25/2-1/p4 to contain its to_quote "  # at the quote
        rf"'{REMOVED}', found '健全重大经济活动知识产权评议机制。.*…'; the clause may have been edited, .*: no other "
        r"paragraph of yufufa-2016-25 holds the quote: if the words were deleted, retire yufufa-2016-25/2-1/p3 \(a "
        r"note, without 'to'\); if they were reworded, .*",
        first,
    ), first
    assert (tmp_path / "docs/data/clauses.json").read_bytes() == before


def test_a_to_quote_another_clause_holds_is_refused_naming_that_clause(tmp_path):
    """The quote stands in another paragraph (the entry's 'to' mistyped, or its clause moved since): the
    message names the paragraph and what to write, not only that the clause may have moved."""
    source = built_once(tmp_path)
    remove_paragraph(source)
    _moved_to_p4(source, "强化企业知识产权主体地位")  # p2's words
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    first = proc.stderr.splitlines()[0]
    assert first.startswith("source_texts/redirects.yaml:4:15: expected yufufa-2016-25/2-1/p4 to contain"), first
    assert first.endswith(": yufufa-2016-25/2-1/p2 holds the quote now: write to: yufufa-2016-25/2-1/p2"), first


def test_the_pages_of_a_removed_paragraph_answer_at_their_old_address(tmp_path):
    """Removing 2-1/p3 takes away its task page and 对照 page (named after its id). A page stays at
    each old address, sending readers to the clause it went to; a retired id's pages say why. Only
    ids whose kind had pages get one (a sentence has none)."""
    source = built_once(tmp_path)
    remove_paragraph(source)
    ids = [f"yufufa-2016-25/2-1/p3/s{i}" for i in range(1, 30)]
    entries = "  - id: yufufa-2016-25/2-1/p3\n    to: yufufa-2016-25/2-1/p4\n    date: 2024-05-01\n"
    entries += "".join(f"  - id: {i}\n    note: 原第三段删去\n" for i in ids)
    (source / "redirects.yaml").write_text("redirects:\n" + entries, encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    docs = tmp_path / "docs"
    assert mkdocs_build(docs, tmp_path / "site").returncode == 0
    site = tmp_path / "site"
    for old, new in (
        ("tasks/yufufa-2016-25-2-1-p3", "../yufufa-2016-25-2-1-p4/"),
        ("crossrefs/chongqing/c2-1-p3", "../c2-1-p4/"),
    ):
        page = (site / old / "index.html").read_text(encoding="utf-8")
        assert f'<meta http-equiv="refresh" content="0; url={new}">' in page, old
        # the new place as readers cite it, not its id (session 38's staff review: 新位置：guofa-2016-86/4-2-6)
        moved_to = re.search(r'<p id="moved-to">(.*?)</p>', page, re.S)
        assert moved_to and f'<a href="{new}">' in moved_to.group(1), old
        assert re.sub(r"<[^>]+>", "", moved_to.group(1)) == "新位置：第二部分第（一）条第3段", moved_to.group(1)
        assert "此条已于2024-05-01移至新位置" in page
        assert (site / old.replace("p3", "p4") / "index.html").is_file()  # the page it points at
    # sentences have no pages of their own: nothing is made for them
    assert not any("p3-s" in path.name for path in (docs / "tasks").iterdir())
    # the moved pages are not listed as tasks, nor found by search
    assert "2-1-p3" not in (docs / "tasks/index.md").read_text(encoding="utf-8")
    assert "2-1/p3" not in (docs / "data/search-index.json").read_text(encoding="utf-8")


def test_a_sentence_gone_from_a_paragraph_keeps_its_anchor_on_the_paragraphs_comparison_page(tmp_path):
    """The ⇄ beside each Chongqing sentence links to it on its paragraph's 对照 page
    (/crossrefs/chongqing/c2-1-p3/#c2-1-p3-s4). A sentence merged into the one before (an entry sending
    …/p3/s4 to …/p3/s3) left that address to a page without the anchor, which said only that it has no
    such place (a red team of staff sequences). The page carries the sentence's notice, as the document
    page does, leading to the comparison of the sentence it went to; a retired one's says why."""
    source = built_once(tmp_path)
    replace(YUFUFA, "持续提升知识产权创新质量。鼓励将", "持续提升知识产权创新质量，鼓励将")(source)
    entries = "  - id: yufufa-2016-25/2-1/p3/s4\n    to: yufufa-2016-25/2-1/p3/s3\n"
    (source / "redirects.yaml").write_text("redirects:\n" + entries, encoding="utf-8")
    assert generate_in(tmp_path).returncode == 0
    page = read_page(tmp_path / "docs/crossrefs/chongqing/c2-1-p3.md")
    assert (
        '<p class="retired-clause" id="c2-1-p3-s4" role="note">此条已移至新位置 <a href="./#c2-1-p3-s3">转到新位置：'
        "第二部分第（一）条第3段第3句</a><code>yufufa-2016-25/2-1/p3/s4</code></p>"
    ) in page
    replace(YUFUFA, "依托协同创新中心建设，完善科技资源配置机制，持续提升知识产权创新质量，鼓励将", "")(source)
    replace(YUFUFA, "自主知识产权创造运用纳入高校综合评价考核体系，并加大相应权重。", "")(source)
    entries = "".join(f"  - id: yufufa-2016-25/2-1/p3/{s}\n    note: 删去\n" for s in ("s3", "s4"))
    (source / "redirects.yaml").write_text("redirects:\n" + entries, encoding="utf-8")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    page = read_page(tmp_path / "docs/crossrefs/chongqing/c2-1-p3.md")
    assert '<p class="retired-clause" id="c2-1-p3-s3" role="note">此条已删除：删去<code>' in page


def test_a_notice_stands_only_at_an_address_the_site_published(tmp_path):
    """The record of published pages says which pages a removed clause had: with its 对照 page's
    address taken out of the record (never published), only its task page gets a notice."""
    source = built_once(tmp_path)
    record = source / "published_pages.tsv"
    record.write_text(
        record.read_text(encoding="utf-8").replace("/crossrefs/chongqing/c2-1-p3/\n", ""), encoding="utf-8"
    )
    remove_paragraph(source)
    write_p3_redirects(source, "    note: 原第三段删去\n")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    docs = tmp_path / "docs"
    assert "此条已删除：原第三段删去" in (docs / "tasks/yufufa-2016-25-2-1-p3.md").read_text(encoding="utf-8")
    assert not (docs / "crossrefs/chongqing/c2-1-p3.md").exists()
    assert "/crossrefs/chongqing/c2-1-p3/" not in record.read_text(encoding="utf-8")  # nor is it recorded now


def test_a_retired_paragraph_keeps_a_page_that_says_why(tmp_path):
    source = built_once(tmp_path)
    remove_paragraph(source)
    write_p3_redirects(source, "    note: 原第三段删去\n")
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    page = (tmp_path / "docs/tasks/yufufa-2016-25-2-1-p3.md").read_text(encoding="utf-8")
    assert "redirect_to" not in page and "此条已删除：原第三段删去" in page
    assert 'href="../../documents/yufufa-2016-25/#c2-1-p3"' in page  # the notice on the document page


def _p3_removed_and_sent_to(tmp_path: Path, to: str):
    """Build, remove p3, give it one entry sending it to ``to``, generate again; the second run."""
    source = built_once(tmp_path)
    remove_paragraph(source)
    (source / "redirects.yaml").write_text(
        f"redirects:\n  - id: yufufa-2016-25/2-1/p3\n    to: {to}\n", encoding="utf-8"
    )
    return run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)


def test_an_entry_for_a_paragraph_serves_its_sentences_and_the_data_stay_the_same(tmp_path):
    """With git, each sentence of the removed paragraph gets its record; without, the paragraph's record
    serves them (site.js). Either way the build after it writes the same data: nothing."""
    from .test_changelog import committed_copy

    for copy, sentences_listed in (("git", True), ("bare", False)):
        root = tmp_path / copy
        source = committed_copy(root) if copy == "git" else copy_sources(root)
        generate = ("generate", "--source", "source_texts", "--docs", "docs")
        assert run_cli(*generate, cwd=root).returncode == 0
        remove_paragraph(source)
        entry = "redirects:\n  - id: yufufa-2016-25/2-1/p3\n    to: yufufa-2016-25/2-1/p4\n"
        (source / "redirects.yaml").write_text(entry, encoding="utf-8")
        assert run_cli(*generate, cwd=root).returncode == 0
        data = (root / "docs/data/redirects.json").read_text(encoding="utf-8")
        proc = run_cli(*generate, cwd=root)
        assert proc.returncode == 0 and "0 written" in proc.stdout, (copy, proc.stdout)
        assert (root / "docs/data/redirects.json").read_text(encoding="utf-8") == data
        redirects = json.loads(data)
        sentences = [url for url in redirects if url.startswith("/documents/yufufa-2016-25/#c2-1-p3-s")]
        assert bool(sentences) is sentences_listed, copy
        assert all(redirects[url]["to_id"] == "yufufa-2016-25/2-1/p4" for url in sentences)


def test_the_message_says_where_a_moved_paragraph_now_stands(tmp_path):
    source = built_once(tmp_path)
    text = (source / YUFUFA).read_text(encoding="utf-8")
    moved = next(line for line in text.split("\n") if REMOVED in line)
    remove_paragraph(source)  # … and put it back at the end of the next section
    anchor = "　　培育壮大知识产权密集型产业。"
    assert text.count(anchor) == 1
    (source / YUFUFA).write_text(
        (source / YUFUFA).read_text(encoding="utf-8").replace(anchor, moved + "\n" + anchor), encoding="utf-8"
    )
    proc = run_cli("check", "--source", "source_texts", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    removed = [line for line in proc.stderr.splitlines() if "removed clause" in line]
    assert len(removed) == 1, removed  # its sentences go with it: the paragraph's entry serves them
    assert re.fullmatch(
        r"source_texts/yufufa-2016-25\.txt:27:1: expected a redirects\.yaml entry for removed clause "
        r"yufufa-2016-25/2-1/p3 \(new id or retired note\), found none; its words now stand at "
        r"yufufa-2016-25/[0-9a-z/-]+ \(to: yufufa-2016-25/[0-9a-z/-]+\); the entry serves its \d+ sentence\(s\) too",
        removed[0],
    ), removed[0]
    assert "draft" not in proc.stderr  # no git: nothing says what was committed


def test_words_that_stood_elsewhere_already_are_not_where_a_removed_clause_went(tmp_path):
    """Task 57's （知识产权局负责） run into the sentence before it (…保护力度（知识产权局负责）): its old
    sentence is removed, and the hint looked for its words in every clause, so it could name task 1's own
    （知识产权局负责）, there all along; a redirect written from it sends task 57's readers to task 1. The
    hint looks only at clauses whose text changed (here none holds the words: too short to name a merge)."""
    source = built_once(tmp_path)
    text = (source / "guobanhan-2016-66.txt").read_text(encoding="utf-8")
    edited = text.replace("保护力度。（知识产权局负责）\n58.", "保护力度（知识产权局负责）\n58.", 1)
    assert edited != text
    (source / "guobanhan-2016-66.txt").write_text(edited, encoding="utf-8")
    stderr = refused(tmp_path)
    (removed,) = [line for line in stderr.splitlines() if "removed clause" in line]
    assert "t1/" not in removed, removed
    assert removed.startswith(
        "source_texts/guobanhan-2016-66.txt:104:1: expected a redirects.yaml entry for removed clause "
        "guobanhan-2016-66/t57/s3 (new id or retired note), found none"
    ), removed


def test_an_agency_corrected_in_a_task_keeps_its_parentheticals_id(tmp_path):
    """Task 57's （知识产权局负责） corrected to （工商总局负责）, a routine correction: the build asked for a
    redirects.yaml entry for t57/s3 (the two share too few words to be read as one sentence edited), and
    the corrected one took a new id, t57/s4 (outside-grader check). The parenthetical keeps its id, modified."""
    source = built_once(tmp_path)
    text = (source / "guobanhan-2016-66.txt").read_text(encoding="utf-8")
    edited = text.replace("（知识产权局负责）\n58.", "（工商总局负责）\n58.", 1)
    (source / "guobanhan-2016-66.txt").write_text(edited, encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    clauses = {c["id"]: c["text"] for c in json.loads((tmp_path / "docs/data/clauses.json").read_text("utf-8"))}
    assert clauses["guobanhan-2016-66/t57/s3"] == "（工商总局负责）"
    assert "guobanhan-2016-66/t57/s4" not in clauses
    assert "0 clause(s) added, 0 removed, 1 modified (~guobanhan-2016-66/t57)" in proc.stdout, proc.stdout


PAGE_DRAFT_HINT = draft_hint(Path("source_texts"))  # as run_cli's generate, in tmp_path, says it
DRAFT_HINT = (
    "; git never had it: if that was a draft, restore the committed record "
    "(git checkout source_texts/clause_ids.tsv) and delete docs/data/clauses.json to forget it"
)


def test_a_draft_that_was_built_and_reverted_is_named_as_such_until_it_is_forgotten(tmp_path):
    """Staff revert the text alone: the record written by the draft's build still holds its id, so the
    hint stays until both the last build and the record forget it, as it says."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_text(
        text.replace("　　培育壮大知识产权密集型产业。", "　　草稿段落。\n　　培育壮大知识产权密集型产业。"),
        encoding="utf-8",
    )
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    git(source, "checkout", "--", YUFUFA)  # the draft text is dropped; clause_ids.tsv still holds its id
    for _ in range(2):  # with the last build, then without it: the record remembers the draft too
        proc = run_cli(*generate, cwd=tmp_path)
        assert proc.returncode == 1
        first = proc.stderr.splitlines()[0]
        assert " for removed clause yufufa-2016-25/" in first and first.endswith(DRAFT_HINT), first
        (tmp_path / "docs/data/clauses.json").unlink(missing_ok=True)
    git(source, "checkout", "--", "clause_ids.tsv")  # what the hint says, both halves
    proc = run_cli(*generate, cwd=tmp_path)  # the draft's pages (its paragraph's task and 对照 pages) next
    assert proc.returncode == 1 and proc.stderr.splitlines()[0].endswith(PAGE_DRAFT_HINT), proc.stderr
    git(source, "checkout", "--", "published_pages.tsv")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0


def test_a_document_that_was_only_a_draft_is_named_as_such(tmp_path):
    from .test_add_document import add_document
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    add_document(source)
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    (source / "cefa-2020-7.txt").unlink()
    git(source, "checkout", "--", "documents.yaml")
    proc = run_cli(*generate, cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0].endswith(DRAFT_HINT)
    (tmp_path / "docs/data/clauses.json").unlink()
    git(source, "checkout", "--", "clause_ids.tsv")
    proc = run_cli(*generate, cwd=tmp_path)
    assert proc.returncode == 1
    assert "/documents/cefa-2020-7/" in proc.stderr and proc.stderr.splitlines()[0].endswith(PAGE_DRAFT_HINT)
    git(source, "checkout", "--", "published_pages.tsv")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0


def test_a_refused_entry_is_reported_once_where_it_stands(tmp_path):
    proc = _p3_removed_and_sent_to(tmp_path, "yufufa-2016-25/2-1/p99")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0] == (
        "source_texts/redirects.yaml:3:9: expected 'to' of 'yufufa-2016-25/2-1/p3' to be an existing clause id, "
        "found 'yufufa-2016-25/2-1/p99'; yufufa-2016-25/2-1 holds p1, p2, p4"  # p3 is the one removed
    )
    assert "removed clause yufufa-2016-25/2-1/p3" not in proc.stderr  # not also "… found none", nor for its sentences


def test_a_removed_sentence_is_sent_to_a_sentence_with_its_words_not_to_a_paragraph(tmp_path):
    """A paragraph of one sentence has the same words as that sentence: the hint for a removed
    sentence names the sentence."""
    from build_scripts.errors import Collector
    from build_scripts.model import ClauseKind
    from build_scripts.track.removed import check_removed

    source = copy_sources(tmp_path)
    site = generate_site(source)
    sentence = next(
        c
        for c in site.corpus.clauses()
        if c.kind is ClauseKind.SENTENCE and site.clause(c.parent).text == c.text and c.doc == "yufufa-2016-25"
    )
    gone = f"{sentence.parent}-gone/s1"  # an id no longer there, whose words the sentence holds
    errors = Collector()
    check_removed(
        site.corpus,
        [d.meta for d in site.corpus.documents],
        (),
        {gone: (sentence.doc, 1)},
        source,
        errors,
        texts={gone: sentence.text},
    )
    (error,) = errors.errors
    assert str(error).endswith(f"; its words now stand at {sentence.id} (to: {sentence.id})")


def generate_site(source: Path):
    from build_scripts.pipeline import generate

    return generate(source, source.parent / "docs", write=False).site


def test_a_changed_slug_is_refused_at_its_entry_not_asked_to_be_retired(tmp_path):
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    (source / "documents.yaml").write_text(
        listing.replace("slug: guobanfa-2016-106", "slug: guobanfa-2016-0106"), encoding="utf-8"
    )
    line = next(n for n, text in enumerate(listing.splitlines(), 1) if "slug: guobanfa-2016-106" in text)
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    refused = (
        f"source_texts/documents.yaml:{line}:11: expected slug 'guobanfa-2016-106' for guobanfa-2016-106.txt, as "
        "committed (a published document keeps its slug: every link to /documents/guobanfa-2016-106/ would die), "
        "found 'guobanfa-2016-0106'; if guobanfa-2016-106 was never published, retire it in redirects.yaml "
        "(id: guobanfa-2016-106, with a note)"
    )
    # the cause first (staff review): crossrefs.yaml's entries naming its clauses came before it
    assert proc.stderr.splitlines()[0] == refused and "crossrefs.yaml" in proc.stderr, proc.stderr
    assert "removed document" not in proc.stderr and "removed clause" not in proc.stderr
    git(source, "commit", "-qam", "改名")  # committed, the rename is refused all the same
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and refused in proc.stderr.splitlines()


@pytest.mark.parametrize("last_build", [False, True], ids=["record", "last build"])
def test_a_changed_slug_is_refused_at_its_entry_without_git_too(tmp_path, last_build):
    """A slug misspelt in a copy without git (no committed documents.yaml to tell): clause_ids.tsv, or the
    last build, has the text's words under the old slug. It was said at documents.yaml:1:1 as a removed
    document to retire, which it is not: now at the new slug, as with git."""
    source = built_once(tmp_path) if last_build else copy_sources(tmp_path)
    if last_build:
        (source / "clause_ids.tsv").unlink()
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    (source / "documents.yaml").write_text(
        listing.replace("slug: guofa-2016-86", "slug: guofa-2016-68"), encoding="utf-8"
    )
    said = refused(tmp_path).splitlines()
    where = "the last build published" if last_build else "clause_ids.tsv records"
    assert said[0] == (
        f"source_texts/documents.yaml:63:11: expected slug 'guofa-2016-86' for guofa-2016-86.txt, whose clauses {where} "
        "under it (a published document keeps its slug: every link to /documents/guofa-2016-86/ would die), found "
        "'guofa-2016-68'; if guofa-2016-86 was never published, or is another document this one replaces, retire it "
        "in redirects.yaml (id: guofa-2016-86, with a note)"
    )
    assert not any("removed document" in line or "removed clause" in line for line in said), said


def swap_slugs(source: Path, first: str, second: str) -> list[str]:
    """documents.yaml with the slugs of two entries exchanged; returns the listing's lines as they were."""
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    swapped = listing.replace(f"slug: {first}\n", "slug: @@\n").replace(f"slug: {second}\n", f"slug: {first}\n")
    (source / "documents.yaml").write_text(swapped.replace("slug: @@\n", f"slug: {second}\n"), encoding="utf-8")
    return listing.splitlines()


def swapped_messages(lines: list[str], how: str) -> list[str]:
    """The two messages a swap of guofa-2016-86 and guobanfa-2016-106 is told by, at each entry's slug."""
    said = []
    for old, new in (("guofa-2016-86", "guobanfa-2016-106"), ("guobanfa-2016-106", "guofa-2016-86")):
        line = next(n for n, text in enumerate(lines, 1) if text == f"  - slug: {old}")
        said.append(
            f"source_texts/documents.yaml:{line}:11: expected slug {old!r} for {old}.txt, {how(old)} (a published "
            f"document keeps its slug: every link to /documents/{old}/ would lead to {new}.txt, which documents.yaml "
            f"now lists under it), found {new!r}"
        )
    return said


def test_two_exchanged_slugs_are_each_named_at_their_entry(tmp_path):
    """The slugs of two committed documents exchanged: each file's committed slug is still listed, by the other
    entry, so neither was taken for a changed slug; the build gave some 380 messages, none naming the swap,
    the removed-clause ones at the wrong file (guobanfa-2016-106.txt:1:1: … removed clause guofa-2016-86/…)."""
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path)
    lines = swap_slugs(source, "guofa-2016-86", "guobanfa-2016-106")
    said = refused(tmp_path).splitlines()
    assert said[:2] == swapped_messages(lines, lambda old: "as committed"), said[:4]
    assert not any("removed document" in line or "removed clause" in line for line in said), said


@pytest.mark.parametrize("last_build", [False, True], ids=["record", "last build"])
def test_two_exchanged_slugs_are_each_named_at_their_entry_without_git_too(tmp_path, last_build):
    """The same swap in a copy without git: clause_ids.tsv (or the last build) gives each slug the words of the
    text the other slug is listed for now."""
    source = built_once(tmp_path) if last_build else copy_sources(tmp_path)
    if last_build:
        (source / "clause_ids.tsv").unlink()
    lines = swap_slugs(source, "guofa-2016-86", "guobanfa-2016-106")
    said = refused(tmp_path).splitlines()
    where = "the last build published" if last_build else "clause_ids.tsv records"
    assert said[:2] == swapped_messages(lines, lambda old: f"whose clauses {where} under it"), said[:4]
    assert not any("removed document" in line or "removed clause" in line for line in said), said


def test_the_message_says_which_clause_a_merged_paragraph_is_now_part_of(tmp_path):
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path)
    text = (source / YUFUFA).read_text(encoding="utf-8")
    merged = "\n\n　　" + REMOVED  # p3 joins the end of p2
    assert text.count(merged) == 1
    (source / YUFUFA).write_text(text.replace(merged, REMOVED), encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1
    removed = [line for line in proc.stderr.splitlines() if "removed clause yufufa-2016-25/2-1/p3 " in line]
    assert len(removed) == 1 and (
        "; its words are now part of yufufa-2016-25/2-1/p2 (to: yufufa-2016-25/2-1/p2)" in removed[0]
    ), proc.stderr


def test_a_committed_slug_that_was_never_published_can_be_retired(tmp_path):
    """A typo in a new document's slug, committed and then corrected: the old slug is retired once."""
    from .test_add_document import add_document
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    add_document(source)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    (source / "documents.yaml").write_text(listing.replace("slug: cefa-2020-7", "slug: cefb-2020-7"), encoding="utf-8")
    git(source, "add", ".")
    git(source, "commit", "-qm", "新增测府发〔2020〕7号")
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    (source / "documents.yaml").write_text(listing, encoding="utf-8")  # the slug corrected
    proc = run_cli(*generate, cwd=tmp_path)
    assert proc.returncode == 1 and "expected slug 'cefb-2020-7' for cefa-2020-7.txt" in proc.stderr
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: cefb-2020-7\n    note: 文号拼写有误\n", encoding="utf-8"
    )
    proc = run_cli(*generate, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_the_sentences_of_a_moved_paragraph_are_sent_to_their_own_words(tmp_path):
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path)
    lines = (source / YUFUFA).read_text(encoding="utf-8").split("\n")
    moved = next(n for n, line in enumerate(lines) if REMOVED in line)
    after = next(n for n in range(moved + 1, len(lines)) if lines[n].strip())  # p4, which p3 now follows
    lines[moved], lines[after] = lines[after], lines[moved]
    (source / YUFUFA).write_text("\n".join(lines), encoding="utf-8")
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    proc = run_cli(*generate, cwd=tmp_path)  # one of the two is read as moved: the message says which, and where
    old_id, new_id = re.search(r"removed clause (\S+) .*its words now stand at (\S+) \(to:", proc.stderr).groups()
    (source / "redirects.yaml").write_text(f"redirects:\n  - id: {old_id}\n    to: {new_id}\n", encoding="utf-8")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    redirects = json.loads((tmp_path / "docs/data/redirects.json").read_text(encoding="utf-8"))
    anchor = "/documents/yufufa-2016-25/#c" + old_id.split("/", 1)[1].replace("/", "-")
    assert redirects[anchor]["to_id"] == new_id
    assert redirects[anchor + "-s2"]["to_id"] == f"{new_id}/s2"  # the sentence, not just its paragraph


def test_a_removed_document_is_named_in_the_change_log_and_its_notice_as_git_last_had_it(tmp_path):
    from .test_add_document import add_document
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    listing = add_document(source)
    git(source, "add", ".")
    git(source, "commit", "-qm", "新增测府发〔2020〕7号")
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    (source / "documents.yaml").write_text(listing, encoding="utf-8")
    (source / "cefa-2020-7.txt").unlink()
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: cefa-2020-7\n    note: 方案已到期\n    date: 2024-05-01\n", encoding="utf-8"
    )
    git(source, "commit", "-qam", "移除测府发〔2020〕7号")
    proc = run_cli(*generate, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    said = "本站已于2024-05-01移除《测试市知识产权工作方案》（测府发〔2020〕7号）：方案已到期"
    record = json.loads((tmp_path / "docs/data/redirects.json").read_text(encoding="utf-8"))
    assert record["/documents/cefa-2020-7/"]["notice"] == said
    changes = read_page(tmp_path / "docs/changes/index.md")
    removed = changes[changes.index("## 已移除的文件") :]
    assert "<code>/documents/cefa-2020-7/</code>" in removed and said in html.unescape(removed)
    assert "cefa-2020-7" not in changes[: changes.index("## 已移除的文件")]  # its versions are not listed
    build = mkdocs_build(tmp_path / "docs", tmp_path / "site")
    assert build.returncode == 0, build.stderr


def test_a_reverted_drafts_paragraph_past_the_end_is_located_within_the_text(tmp_path):
    """A draft added paragraphs at the end, was built, then the text alone was reverted: the ids the
    build and the record remember stood past the end of the text as it is now; the message points at
    its last line, not at a line the file does not have."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    from build_scripts.errors import Collector
    from build_scripts.pipeline import load_corpus

    lines = load_corpus(source, Collector()).document("yufufa-2016-25").line_count  # as the messages count them
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_text(text.rstrip() + "\n\n　　草稿段落一。\n\n　　草稿段落二。\n", encoding="utf-8")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    git(source, "checkout", "--", YUFUFA)
    proc = run_cli(*generate, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    located = [re.match(rf"source_texts/{YUFUFA}:(\d+):1: ", line) for line in proc.stderr.splitlines()[:-1]]
    assert located and all(located), proc.stderr
    assert all(1 <= int(m.group(1)) <= lines for m in located), proc.stderr


def test_a_paragraph_reworded_past_recognition_names_its_likely_successor(tmp_path):
    """Its id cannot be kept (too little of it is left), so it is removed and a new one added: the
    message names the new paragraph where it stood, for the entry's ``to``."""
    source = built_once(tmp_path)
    lines = (source / YUFUFA).read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if REMOVED in line)
    lines[at] = "　　鼓励保险公司推出专利执行保险，降低银行贷款风险。"
    (source / YUFUFA).write_text("\n".join(lines), encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    first = proc.stderr.splitlines()[0]
    assert first.startswith(f"source_texts/{YUFUFA}:{at + 1}:1: expected a redirects.yaml entry for removed clause ")
    new = re.search(r"; (yufufa-2016-25/2-1/p\w+) is new where it stood \(to: \1, if that is it reworded\)", first)
    assert new, first
    (source / "redirects.yaml").write_text(
        f"redirects:\n  - id: yufufa-2016-25/2-1/p3\n    to: {new.group(1)}\n", encoding="utf-8"
    )
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0


def test_a_paragraph_added_elsewhere_in_its_subsection_is_not_offered_as_where_it_stood(tmp_path):
    """p3 deleted and, in the same edit, a paragraph of other words added at the top of 二（一）, above p1
    (a scratch run of staff edits): p3 was told '2-1/p0a is new where it stood (to: 2-1/p0a, if that is it
    reworded)'. p0a stands before p1, p3 stood after p2: nothing new stands where it stood."""
    source = built_once(tmp_path)
    lines = (source / YUFUFA).read_text(encoding="utf-8").split("\n")
    lines = [line for line in lines if REMOVED not in line]
    heading = next(n for n, line in enumerate(lines) if "（一）健全知识产权与产业发展融合机制" in line)
    lines[heading + 1 : heading + 1] = ["", "　　新增一段文字，强化知识产权工作的统筹协调。"]
    (source / YUFUFA).write_text("\n".join(lines), encoding="utf-8")
    stderr = refused(tmp_path)
    (said,) = [line for line in stderr.splitlines() if "removed clause yufufa-2016-25/2-1/p3 " in line]
    assert "is new where it stood" not in said, said


def _move_p3_after(source: Path, words: str) -> None:
    lines = (source / YUFUFA).read_text(encoding="utf-8").split("\n")
    moved = next(line for line in lines if REMOVED in line)
    lines.remove(moved)
    at = next(n for n, line in enumerate(lines) if words in line)
    lines[at + 1 : at + 1] = ["", moved]
    (source / YUFUFA).write_text("\n".join(lines), encoding="utf-8")


def _suggested(stderr: str, clause_id: str) -> str:
    (said,) = [line for line in stderr.splitlines() if f"removed clause {clause_id} " in line]
    found = re.search(r"\(to: (\S+)\)", said)
    assert found, said
    return found.group(1)


def test_an_entry_whose_to_moved_on_is_told_where_redirects_yaml_sends_it_now(tmp_path):
    """p3 moved to 二（二） (entry p3 → B), then B moved on to 二（三） and given its entry (B → C) (a scratch
    run of staff edits): p3's entry was refused with '2-2 holds p1, p2, p3, p4', though redirects.yaml
    itself says where B went. It says so, as crossrefs.yaml's messages do."""
    source = built_once(tmp_path)
    _move_p3_after(source, "促进知识产权出资入股")
    moved = _suggested(refused(tmp_path), "yufufa-2016-25/2-1/p3")
    (source / "redirects.yaml").write_text(
        f"redirects:\n  - id: yufufa-2016-25/2-1/p3\n    to: {moved}\n", encoding="utf-8"
    )
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    _move_p3_after(source, "完善知识产权公共服务体系")
    again = _suggested(refused(tmp_path), moved)
    with (source / "redirects.yaml").open("a", encoding="utf-8") as entries:
        entries.write(f"  - id: {moved}\n    to: {again}\n")
    (said,) = refused(tmp_path).splitlines()[:-1]
    assert said.startswith("source_texts/redirects.yaml:3:9: expected 'to' of 'yufufa-2016-25/2-1/p3' "), said
    assert said.endswith(f"; redirects.yaml sends {moved} to {again}: write {again}"), said
    text = (source / "redirects.yaml").read_text(encoding="utf-8")
    (source / "redirects.yaml").write_text(text.replace(f"to: {again}", "note: 删去"), encoding="utf-8")
    (said,) = refused(tmp_path).splitlines()[:-1]
    assert said.endswith(
        f"; redirects.yaml retires {moved}: retire this id too (note: why), or name the clause holding its words now"
    ), said


def test_an_entry_sent_to_a_sentence_whose_paragraph_moved_on_is_told_where_its_words_went(tmp_path):
    """p3's s4 merged into s3 (entry s4 → s3), then p3 moved to 二（二） with its own entry (p3 → B), which
    serves its sentences (a red team of staff sequences): s4's entry was refused with '2-1 holds p1, p2,
    p4'. It says where p3's entry sends the sentence: the one of B with its words."""
    source = built_once(tmp_path)
    replace(YUFUFA, "持续提升知识产权创新质量。鼓励将", "持续提升知识产权创新质量，鼓励将")(source)
    first = "redirects:\n  - id: yufufa-2016-25/2-1/p3/s4\n    to: yufufa-2016-25/2-1/p3/s3\n"
    (source / "redirects.yaml").write_text(first, encoding="utf-8")
    assert generate_in(tmp_path).returncode == 0
    _move_p3_after(source, "促进知识产权出资入股")
    moved = _suggested(refused(tmp_path), "yufufa-2016-25/2-1/p3")
    second = f"  - id: yufufa-2016-25/2-1/p3\n    to: {moved}\n"
    (source / "redirects.yaml").write_text(first + second, encoding="utf-8")
    (said,) = refused(tmp_path).splitlines()[:-1]
    assert said.startswith("source_texts/redirects.yaml:3:9: expected 'to' of 'yufufa-2016-25/2-1/p3/s4' "), said
    assert said.endswith(f"; redirects.yaml sends yufufa-2016-25/2-1/p3, which held it, to {moved}: write {moved}/s3")
    (source / "redirects.yaml").write_text(
        first.replace("yufufa-2016-25/2-1/p3/s3", f"{moved}/s3") + second, encoding="utf-8"
    )
    assert generate_in(tmp_path).returncode == 0


def test_a_renumbered_items_words_are_found_under_their_new_number(tmp_path):
    """Item 2 of 59号's 二（二） deleted, 3 and 4 renumbered 2 and 3: the gone 2-2-4 and the old item 3's
    sentences were asked for with no word of where they stand, their number being part of their text
    (staff review)."""
    source = built_once(tmp_path)
    path = source / "guozhifaguanzi-2015-59.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("- 2. 健全知识产权制度实施体系"))
    assert lines[at + 1].startswith("- 3.推进") and lines[at + 2].startswith("- 4.支撑")
    lines[at : at + 3] = ["- 2." + lines[at + 1][4:], "- 3." + lines[at + 2][4:]]
    path.write_text("\n".join(lines), encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    said = {m.group(1): line for line in proc.stderr.splitlines() if (m := re.search(r"removed clause (\S+) ", line))}
    doc = "guozhifaguanzi-2015-59"
    assert f"; its words now stand, under another number, at {doc}/2-2-3 (to: {doc}/2-2-3)" in said[f"{doc}/2-2-4"]
    assert re.search(rf"under another number, at {doc}/2-2-2/s\d+ \(to: ", said[f"{doc}/2-2-3/s1"])
    assert "now stand" not in said[f"{doc}/2-2-2/s1"]  # the deleted item's words are nowhere


def test_the_message_says_which_sentence_a_merged_sentence_is_now_part_of(tmp_path):
    """Two sentences made one: the first's full stop became a comma, so its words stand inside the
    merged sentence without it."""
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path)
    text = (source / YUFUFA).read_text(encoding="utf-8")
    two = "培育壮大知识产权密集型产业。集成创新资源，"  # 2-1/p1/s1 and the start of s2
    assert text.count(two) == 1
    (source / YUFUFA).write_text(text.replace(two, "培育壮大知识产权密集型产业，集成创新资源，"), encoding="utf-8")
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1
    (removed,) = [line for line in proc.stderr.splitlines() if "removed clause yufufa-2016-25/2-1/p1/s1 " in line]
    assert removed.endswith("; its words are now part of yufufa-2016-25/2-1/p1/s2 (to: yufufa-2016-25/2-1/p1/s2)"), (
        proc.stderr
    )


def test_a_crossrefs_decision_on_a_removed_clause_says_where_redirects_yaml_sends_it(tmp_path):
    """A crossrefs.yaml entry naming a sentence of a removed paragraph said only 'which no document has',
    though redirects.yaml already said where the paragraph went (outside-grader check of a removal)."""
    source = copy_sources(tmp_path)
    remove_paragraph(source)
    (source / "redirects.yaml").write_text(
        "redirects:\n"
        "  - id: yufufa-2016-25/2-1/p3\n    to: yufufa-2016-25/2-1/p4\n"
        "  - id: yufufa-2016-25/2-1/p3/s1\n    to: yufufa-2016-25/2-1/p4/s1\n"
        "  - id: yufufa-2016-25/2-1/p3/s2\n    note: 删去\n",
        encoding="utf-8",
    )
    (source / "crossrefs.yaml").write_text(
        "crossrefs:\n"
        "  - national: guobanhan-2016-66/t47\n    local: yufufa-2016-25/2-1/p3/s1\n    decision: confirm\n"
        "  - national: guobanhan-2016-66/t47\n    local: yufufa-2016-25/2-1/p3/s2\n    decision: confirm\n"
        "  - national: guobanhan-2016-66/t47\n    local: yufufa-2016-25/2-1/p3/s3\n    decision: confirm\n",
        encoding="utf-8",
    )
    said = refused(tmp_path).splitlines()
    for line, hint in (
        (3, "; redirects.yaml sends it to yufufa-2016-25/2-1/p4/s1: write yufufa-2016-25/2-1/p4/s1"),
        (6, "; redirects.yaml retires it: remove the entry, or name the clause that holds its words now"),
        (
            9,
            "; redirects.yaml sends yufufa-2016-25/2-1/p3, which held it, to yufufa-2016-25/2-1/p4: "
            "name the clause of yufufa-2016-25/2-1/p4 meant",
        ),
    ):
        message = next(m for m in said if f"crossrefs.yaml:{line}:" in m)
        assert message.endswith(hint), message


def test_a_paragraph_moved_and_committed_before_any_build_is_said_to_stand_where_it_went(tmp_path):
    """Staff move 2-1/p3 to after 推动知识产权市场化运营 and commit before building: the message asked for
    an entry without the hint README promises, because the new paragraph's text was known already (from
    the commit being built) and taken for words that stood there all along (review of db67fad)."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    lines = (source / YUFUFA).read_text(encoding="utf-8").split("\n")
    moved = next(line for line in lines if REMOVED in line)
    lines.remove(moved)
    at = next(n for n, line in enumerate(lines) if "推动知识产权市场化运营。" in line)
    lines.insert(at + 1, moved)
    (source / YUFUFA).write_text("\n".join(lines), encoding="utf-8")
    git(source, "commit", "-q", "-am", "移动一段")
    stderr = refused(tmp_path)
    (said,) = [line for line in stderr.splitlines() if "removed clause yufufa-2016-25/2-1/p3 " in line]
    assert "; its words now stand at yufufa-2016-25/2-2/p3a (to: yufufa-2016-25/2-2/p3a)" in said, said


def test_without_a_record_words_that_stood_elsewhere_are_still_not_where_a_removed_clause_went(tmp_path):
    """The same edit as above in a copy with no clause_ids.tsv and no build: the hint named task 1's
    （知识产权局负责） again, the record being all the fix above went by (review)."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    git(source, "rm", "-q", "clause_ids.tsv")
    git(source, "commit", "-q", "-m", "无记录")
    text = (source / "guobanhan-2016-66.txt").read_text(encoding="utf-8")
    (source / "guobanhan-2016-66.txt").write_text(
        text.replace("保护力度。（知识产权局负责）\n58.", "保护力度（知识产权局负责）\n58.", 1), encoding="utf-8"
    )
    stderr = refused(tmp_path)
    (removed,) = [line for line in stderr.splitlines() if "removed clause" in line]
    assert "removed clause guobanhan-2016-66/t57/s3 " in removed and "t1/" not in removed, removed


def test_a_paragraph_reworded_and_committed_before_any_build_names_its_likely_successor(tmp_path):
    """2-1/p3 replaced by words of its own and committed before building: the message asked for its entry
    without the 'is new where it stood' hint it gives when built before committing, the new paragraph being
    known from the commit (review; as for the hint of moved words)."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    lines = (source / YUFUFA).read_text(encoding="utf-8").split("\n")
    lines = [("　　完全改写的一段新文字，与原文没有共同的词句。" if REMOVED in line else line) for line in lines]
    (source / YUFUFA).write_text("\n".join(lines), encoding="utf-8")
    git(source, "commit", "-q", "-am", "改写一段")
    stderr = refused(tmp_path)
    (said,) = [line for line in stderr.splitlines() if "removed clause yufufa-2016-25/2-1/p3 " in line]
    assert "is new where it stood (to: yufufa-2016-25/2-1/p2a, if that is it reworded)" in said, said


def test_an_entry_for_an_id_no_version_had_is_refused_where_it_stands(tmp_path):
    """An entry for a removed id typed wrong (p8 for the removed p3) left that id to its own message only
    (staff review): an id git, the record and the last build never had, close to an id removed without an
    entry, is refused at the entry, naming that id. An id no version had and nothing removed is near
    (2-2/p9, or a document no version had) stands: a history begun again (a new repository, a squash)
    lacks older versions' ids, which entries rightly name."""
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path)
    assert run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path).returncode == 0
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/2-2/p9\n    note: 删去\n  - id: yufufa-2061-25/2-1/p3\n    note: 删去\n",
        encoding="utf-8",
    )
    kept = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    unknown = "expected the id of a clause that existed (in a committed version, clause_ids.tsv or the last build)"
    remove_paragraph(source)  # 2-1/p3 goes, and its entry names p8 by mistake
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/2-1/p8\n    note: 删去\n", encoding="utf-8"
    )
    said = refused(tmp_path).splitlines()
    assert said[0] == (
        f"source_texts/redirects.yaml:2:9: {unknown}, found 'yufufa-2016-25/2-1/p8', which none had; "
        "did you mean yufufa-2016-25/2-1/p3, removed without an entry?"
    )
    assert any(line.startswith(f"source_texts/{YUFUFA}:27:1: expected a redirects.yaml entry") for line in said)
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/2-1/p3\n    note: 删去\n", encoding="utf-8"
    )
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_an_entry_the_newest_commit_holds_is_no_typo_of_a_clause_removed_since(tmp_path):
    """A history begun again (a squash, make bench's new repository) lacks older versions' ids, which
    committed entries name (…/2-1/p7, a paragraph removed before). A clause removed since with an id close to
    it (…/2-1/p3) had that entry refused as its typo ("did you mean …/2-1/p3"): staff following that would
    take the notice from a link the site published (found by a red team of staff sequences: 106号's real
    entry 3-3/p1 refused so once its p2 went). An entry the newest commit holds was not typed now: it
    stands, and only p3 is asked for."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/2-1/p7\n    note: 删去\n", encoding="utf-8"
    )
    git(source, "add", "redirects.yaml")
    git(source, "commit", "-qm", "记下早先删去的一段")
    assert generate_in(tmp_path).returncode == 0
    remove_paragraph(source)
    said = refused(tmp_path).splitlines()[:-1]
    assert [line.split(": ", 1)[0] for line in said] == [f"source_texts/{YUFUFA}:27:1"], said


def test_an_entry_known_only_from_history_a_shallow_clone_lacks_is_not_refused(tmp_path):
    """A shallow clone (a CI checkout) has the newest commit only: the ids of older versions are not
    known there, so an entry is refused for being unknown only with the whole history."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path / "full")
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    remove_paragraph(source)
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: yufufa-2016-25/2-1/p3\n    note: 删去\n", encoding="utf-8"
    )
    assert run_cli(*generate, cwd=tmp_path / "full").returncode == 0  # rewrites the record: p3 is in it no more
    git(source, "add", ".")
    git(source, "commit", "-qm", "删去一段")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", source.as_uri(), str(clone / "source_texts"))
    proc = run_cli(*generate, cwd=clone)
    assert proc.returncode == 0, proc.stderr
    assert "/documents/yufufa-2016-25/#c2-1-p3" in (clone / "docs/data/redirects.json").read_text(encoding="utf-8")


def test_the_real_entries_stand_in_a_history_begun_again(tmp_path):
    """make bench copies source_texts/ into a new repository (one commit): redirects.yaml's entries for
    guobanfa-2016-106/3-3/p1 and its sentences, which only a committed record of this repository holds, were
    refused there as ids no version had (found by a fresh clone's make bench). They stand."""
    import os
    import subprocess

    source = copy_sources(tmp_path, SOURCE)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid"}
    env.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "begun again"]):
        subprocess.run(["git", "-C", str(source), *args], check=True, env=env, capture_output=True)
    proc = run_cli("generate", "--source", str(source), "--docs", str(tmp_path / "docs"))
    assert proc.returncode == 0, proc.stderr


def test_a_draft_documents_slug_corrected_before_its_commit_gets_the_draft_hint(tmp_path):
    """A new document built once and its slug corrected before anything was committed: git never had the
    old slug, so the build says how to forget the draft; it was taken for a published document's rename
    (a review of 0ee1b91), whose only way out was to retire a slug no reader ever saw."""
    from .test_add_document import add_document
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path)
    add_document(source)  # not committed
    generate = ("generate", "--source", "source_texts", "--docs", "docs")
    assert run_cli(*generate, cwd=tmp_path).returncode == 0
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    (source / "documents.yaml").write_text(listing.replace("slug: cefa-2020-7", "slug: cefa-2020-8"), encoding="utf-8")
    proc = run_cli(*generate, cwd=tmp_path)
    assert proc.returncode == 1
    assert "expected slug" not in proc.stderr, proc.stderr
    assert "removed document cefa-2020-7" in proc.stderr and "git never had it" in proc.stderr, proc.stderr


def test_a_committed_document_replaced_by_a_new_one_is_not_taken_for_a_rename(tmp_path):
    """59号 replaced by a new document of much the same words, under its own file, slug and 文号: git knows
    the old slug under another file, so this is a removed document (a redirects.yaml entry), not a changed
    slug (a review of 0ee1b91: the words alone decided)."""
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path)
    old = source / "guozhifaguanzi-2015-59.txt"
    text = old.read_text(encoding="utf-8")
    old.unlink()
    (source / "guozhifaguanzi-2017-9.txt").write_text(text, encoding="utf-8")
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    listing = listing.replace("slug: guozhifaguanzi-2015-59", "slug: guozhifaguanzi-2017-9")
    listing = listing.replace("source_file: guozhifaguanzi-2015-59.txt", "source_file: guozhifaguanzi-2017-9.txt")
    (source / "documents.yaml").write_text(
        listing.replace("国知发管字〔2015〕59号", "国知发管字〔2017〕9号"), encoding="utf-8"
    )
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1
    assert "expected slug" not in proc.stderr, proc.stderr
    assert "removed document guozhifaguanzi-2015-59" in proc.stderr, proc.stderr


def test_an_indicator_on_a_removed_document_says_what_redirects_yaml_did_with_it(tmp_path):
    """Staff remove 59号 (its entry and its text) and retire it in redirects.yaml, as README says: each
    indicators.yaml goal on its clauses said only "expected 'clause' to be a clause id of the texts,
    found …", not that the document holding it was retired nor what to do (staff review); a
    crossrefs.yaml entry on a gone clause already said so."""
    source = copy_sources(tmp_path)
    listing = (source / "documents.yaml").read_text(encoding="utf-8")
    start = listing.index("  - slug: guozhifaguanzi-2015-59")
    end = listing.index("  - slug: yufufa-2016-25")
    (source / "documents.yaml").write_text(listing[:start] + listing[end:], encoding="utf-8")
    (source / "guozhifaguanzi-2015-59.txt").unlink()
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: guozhifaguanzi-2015-59\n    note: 不再收录\n", encoding="utf-8"
    )
    said = [line for line in refused(tmp_path).splitlines() if "indicators.yaml:" in line]
    assert len(said) == 6, said
    for message in said:
        assert re.search(
            r"found 'guozhifaguanzi-2015-59/1-3/p\d', which no document has; redirects\.yaml retires "
            r"guozhifaguanzi-2015-59, which held it: remove the entry$",
            message,
        ), message


def test_a_deleted_task_and_the_next_renumbered_are_each_sent_where_their_words_are(tmp_path):
    """66号's task 16 deleted and tasks 17–106 renumbered 16–105 (staff review). Two hints were untrue:
    the deleted task's sentence was offered the new sentence of task 16 "if that is it reworded",
    though the next message said those were task 17's words, renumbered; and task 58's 深化商标富农工作。,
    too short for the renumbered words to be looked for, was offered task 58's new sentence, task 59's
    words, instead of task 57, where its own stand."""
    source = built_once(tmp_path)
    delete_task_and_renumber(source / "guobanhan-2016-66.txt", 16)
    proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    said = {m.group(1): line for line in proc.stderr.splitlines() if (m := re.search(r"removed clause (\S+) ", line))}
    sent = {}  # each removed id → the clause its message sends it to
    for clause_id, line in said.items():
        to = re.search(r"\(to: ([^,)]+)", line)
        if to:
            sent[clause_id] = to.group(1)
    doc = "guobanhan-2016-66"
    assert f"{doc}/t16/s1" not in sent, said[f"{doc}/t16/s1"]  # its words are nowhere
    assert "under another number" in said[f"{doc}/t58/s1"] and sent[f"{doc}/t58/s1"].startswith(f"{doc}/t57/s")
    targets = list(sent.values())
    assert len(targets) == len(set(targets)), [t for t in targets if targets.count(t) > 1]  # no place offered twice


def _renumber_86s_items(source: Path, *, delete: str | None = None, insert_before: str | None = None) -> None:
    """86号's 四（二）: item ``delete`` taken out and the next renumbered down, or a new item inserted before
    ``insert_before`` and the items from there renumbered up."""
    path = source / "guofa-2016-86.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith(delete or insert_before or "?"))
    end = next(n for n in range(at, len(lines)) if not re.match(r"\d+\.", lines[n]))
    items = lines[at:end]
    step = -1 if delete else 1
    renumbered = [f"{int(line.split('.', 1)[0]) + step}.{line.split('.', 1)[1]}" for line in items]
    if delete:
        lines[at:end] = renumbered[1:]
    else:
        lines[at:end] = [items[0].split(".", 1)[0] + ".新增一项知识产权保护测试措施。加强测试。", *renumbered]
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_renumbered_items_heading_does_not_take_the_heading_id_of_the_item_it_replaces(tmp_path):
    """86号 四（二）6 deleted, 7 renumbered 6 (staff review): 4-2-6/s1, 6.加强新领域新业态知识产权保护。, kept its
    id for 6.加强民生领域知识产权保护。 (the old 7's heading, renumbered), 0.81 alike: a link to the deleted
    heading showed other words and was never asked for. Inserting an item before 3 did the same to 4-2-7/s1,
    and offered it as where 4-2-6/s1's words stand."""
    doc = "guofa-2016-86"
    for case, change in (
        ("deleted", {"delete": "6.加强新领域新业态知识产权保护"}),
        ("inserted", {"insert_before": "3.加强知识产权行政执法体系建设"}),
    ):
        source = built_once(tmp_path / case)
        _renumber_86s_items(source, **change)
        proc = run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=tmp_path / case)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        said = {m.group(1): ln for ln in proc.stderr.splitlines() if (m := re.search(r"removed clause (\S+) ", ln))}
        if case == "deleted":
            assert "now stand" not in said[f"{doc}/4-2-6/s1"]  # its words are nowhere
            assert f"under another number, at {doc}/4-2-6 " in said[f"{doc}/4-2-7"]
        else:
            assert f"under another number, at {doc}/4-2-8/s" in said[f"{doc}/4-2-7/s1"]
            to = re.search(r"\(to: ([^,)]+)", said[f"{doc}/4-2-6/s1"])
            assert to and to.group(1).startswith(f"{doc}/4-2-7/s") and to.group(1) != f"{doc}/4-2-7/s1"


def test_a_task_joined_to_the_one_before_says_where_its_opening_words_stand(tmp_path):
    """66号's task 18 joined onto task 17 (two items that are one), 19–106 renumbered 18–105 (a scratch run
    of staff edits): t18/s1 (18.开展与相关国际组织…) was asked for with no word of where it went, though its
    words, their number aside, are now part of a sentence of t17."""
    _join_task_18_to_17(built_once(tmp_path))
    stderr = refused(tmp_path)
    (said,) = [line for line in stderr.splitlines() if "removed clause guobanhan-2016-66/t18/s1 " in line]
    assert re.search(r"; its words are now part of (guobanhan-2016-66/t17/s\w+) \(to: \1\)", said), said


def test_an_entry_taken_out_for_an_id_only_a_committed_record_holds_is_asked_for_again(tmp_path):
    """59号's 发布时间 line, published as pre2, then dropped by documents.yaml and retired in redirects.yaml,
    as the real texts did; then the entry taken out (a scratch run of staff edits): the build passed and
    the notice at #pre2 was gone. No version parsed today has pre2 (documents.yaml drops its line): only the
    committed records say it was published."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    assert generate_in(tmp_path).returncode == 0
    documents = (source / "documents.yaml").read_text(encoding="utf-8")
    dropped = "    dropped_lines:\n      - 大 中 小\n"
    (source / "documents.yaml").write_text(
        documents.replace(dropped, dropped + "      - '发布时间: 2015-10-22'\n", 1),
        encoding="utf-8",
    )
    entry = "redirects:\n  - id: guozhifaguanzi-2015-59/pre2\n    note: 发布网页所加\n"
    (source / "redirects.yaml").write_text(entry, encoding="utf-8")
    assert generate_in(tmp_path).returncode == 0
    git(source, "add", ".")
    git(source, "commit", "-q", "-m", "删去发布时间")
    (source / "redirects.yaml").write_text("redirects: []\n", encoding="utf-8")
    stderr = refused(tmp_path)
    assert "expected a redirects.yaml entry for removed clause guozhifaguanzi-2015-59/pre2 " in stderr, stderr


def _renumbering_notes(page: str) -> dict[str, str]:
    """The renumbering note after each clause of a document page: the clause's anchor → the note's words."""
    notes = {}
    for match in re.finditer(r'id="(t\d+)"[^\n]*\n(?:\n<p class="renumbered-note" role="note">(.*?)</p>)?', page):
        if match.group(2) is not None:
            notes[match.group(1)] = re.sub(r"<[^>]+>", "", html.unescape(match.group(2)))
    return notes


def test_a_renumbered_tasks_number_says_beside_it_what_it_held(tmp_path):
    """Task 100 deleted and 101–106 numbered 100–105 (link review, session 40): a link shared to #t100 landed on
    the old task 101's words with no notice. Each number that names other words now says so beside its task,
    on the document page and on the task's page, and leads to where its old words stand; no other task does."""
    docs = renumbered_and_answered(built_once(tmp_path), 100)
    page = read_page(docs / "documents" / "guobanhan-2016-66.md")
    notes = _renumbering_notes(page)
    assert sorted(notes) == [f"t{n}" for n in range(100, 106)], notes
    assert notes["t100"] == "编号已变更（2026-12-07）：现第100项原为第101项；原第100项已删除：删除第100项（测试）。"
    assert notes["t101"] == "编号已变更：现第101项原为第102项；原第101项现为第100项。"
    assert notes["t105"] == "编号已变更：现第105项原为第106项；原第105项现为第104项。"
    assert '原第101项现为<a href="./#t100">第100项</a>' in page
    task = read_page(docs / "tasks" / "guobanhan-2016-66-t100.md")
    assert "编号已变更（2026&#45;12&#45;07）：现第100项原为第101项；原第100项已删除" in task
    assert "renumbered-note" not in read_page(docs / "tasks" / "guobanhan-2016-66-t99.md")


def test_no_clause_of_the_collection_as_it_is_says_it_was_renumbered(tmp_path):
    """The frozen corpus, and the real one with its redirects.yaml (106号's paragraph moved to p4, 59号's web
    stamp retired: no number changed), give no renumbering note."""
    generated_copy(tmp_path / "frozen")
    live = tmp_path / "live"
    shutil.copytree(SOURCE, live / "source_texts")
    assert generate_in(live).returncode == 0
    for folder in (tmp_path / "frozen", live):
        pages = list((folder / "docs").rglob("*.md"))
        assert len(pages) > 300 and not any("renumbered-note" in p.read_text(encoding="utf-8") for p in pages)


def test_an_inserted_item_and_a_joined_task_say_which_numbers_name_other_words(tmp_path):
    """An item inserted before 86号's 四（二）3 (3–7 become 4–8): 3 says where its words went, 4 to 8 what they
    were, and no other item says anything. 66号's task 18 joined onto 17 and 19–106 numbered one less: 17 keeps
    its words (18's are added to them) and says nothing; 18 onwards hold the next number's words."""
    inserted = tmp_path / "inserted"
    _renumber_86s_items(built_once(inserted), insert_before="3.加强知识产权行政执法体系建设")
    notes = {
        anchor: re.sub(r"<[^>]+>", "", html.unescape(note))
        for anchor, note in re.findall(
            r'id="(c4-2-\d+)"[^\n]*\n\n<p class="renumbered-note" role="note">(.*?)</p>',
            read_page(answered(inserted, None) / "documents" / "guofa-2016-86.md"),
        )
    }
    assert sorted(notes, key=lambda a: int(a.rsplit("-", 1)[1])) == [f"c4-2-{n}" for n in range(3, 9)], notes
    assert notes["c4-2-3"] == "编号已变更：原第四部分第（二）条第3项现为第四部分第（二）条第4项。"
    assert notes["c4-2-8"] == "编号已变更：现第四部分第（二）条第8项原为第四部分第（二）条第7项。"
    deleted = tmp_path / "deleted"  # its deletion said once, not once per retired sentence (review of session 41)
    _renumber_86s_items(built_once(deleted), delete="2.强化知识产权刑事")
    page = read_page(answered(deleted, 2) / "documents" / "guofa-2016-86.md")
    (note,) = re.findall(r'id="c4-2-2"[^\n]*\n\n<p class="renumbered-note" role="note">(.*?)</p>', page)
    assert re.sub(r"<[^>]+>", "", html.unescape(note)) == (
        "编号已变更（2026-12-07）：现第四部分第（二）条第2项原为第四部分第（二）条第3项；"
        "原第四部分第（二）条第2项已删除：删除第2项（测试）。"
    )
    joined = tmp_path / "joined"
    _join_task_18_to_17(built_once(joined))
    said = _renumbering_notes(read_page(answered(joined, 18) / "documents" / "guobanhan-2016-66.md"))
    assert sorted(said, key=lambda a: int(a[1:])) == [f"t{n}" for n in range(18, 106)], said
    # without git, its id says t18/s1 opened 18: the first of its removed sentences, s1
    assert said["t18"] == "编号已变更：现第18项原为第19项；原第18项现并入第17项。"


def _join_task_18_to_17(source: Path) -> None:
    """66号's task 18 read on after task 17's words (two items that are one), 19–106 numbered one less."""
    path = source / "guobanhan-2016-66.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("18."))
    lines[at - 1 : at + 1] = [lines[at - 1] + lines[at].removeprefix("18.")]
    renumbered = (re.sub(r"^(\d+)\.", lambda m: f"{int(m.group(1)) - 1}.", line) for line in lines[at:])
    path.write_text("\n".join([*lines[:at], *renumbered]), encoding="utf-8")


def test_with_git_a_joined_tasks_number_says_which_task_its_words_joined(tmp_path):
    """With the texts' history, where task 18's first sentence stood is known (第18项第1句), not read from its id:
    its words, now inside task 17, are said to have joined it, with a link; 17 keeps its own words and says
    nothing."""
    from .test_changelog import committed_copy

    _join_task_18_to_17(committed_copy(tmp_path))
    page = read_page(answered(tmp_path, 18) / "documents" / "guobanhan-2016-66.md")
    said = _renumbering_notes(page)
    assert "t17" not in said and said["t18"] == "编号已变更：现第18项原为第19项；原第18项现并入第17项。", said
    assert '原第18项现并入<a href="./#t17">第17项</a>' in page


def _delete_box_5(source: Path) -> None:
    """86号's 专栏5 知识产权评议工程 taken out with its paragraphs, and 专栏6–9 numbered 5–8."""
    path = source / "guofa-2016-86.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("\t专栏5"))
    end = next(n for n, line in enumerate(lines) if line.startswith("6.推动军民"))
    del lines[at:end]
    less = [re.sub(r"^\t专栏([6-9])", lambda m: f"\t专栏{int(m.group(1)) - 1}", line) for line in lines]
    path.write_text("\n".join(less), encoding="utf-8")


def test_a_renumbered_box_says_so_though_its_heading_is_no_sentence(tmp_path):
    """专栏5 deleted and 6–9 numbered 5–8 (review of session 41): only 专栏8 said anything (its id was asked for);
    专栏5–7, each holding the next box's paragraphs, said nothing. A box holds another's words when every
    paragraph it has came from that box's."""
    _delete_box_5(built_once(tmp_path))
    page = read_page(answered(tmp_path, 5) / "documents" / "guofa-2016-86.md")
    notes = {
        box: re.sub(r"<[^>]+>", "", html.unescape(note))
        for box, note in re.findall(r'\{ #(box\d)[^\n]*\n\n<p class="renumbered-note" role="note">(.*?)</p>', page)
    }
    assert notes == {
        "box5": "编号已变更（2026-12-07）：现专栏5原为专栏6；原专栏5已删除：删除第5项（测试）。",
        "box6": "编号已变更：现专栏6原为专栏7；原专栏6现为专栏5。",
        "box7": "编号已变更：现专栏7原为专栏8；原专栏7现为专栏6。",
        "box8": "编号已变更：现专栏8原为专栏9；原专栏8现为专栏7。",
    }, notes


def _reword_task_103_in_place(source: Path) -> None:
    replace(
        "guobanhan-2016-66.txt",
        "103.加强知识产权相关学科建设，完善产学研联合培养模式，在管理学和经济学中增设知识产权专业，加强知识产权专业学位教育。",
        "103.",
    )(source)


def _move_a_sentence_of_104_to_105(source: Path) -> None:
    path = source / "guobanhan-2016-66.txt"
    text = path.read_text(encoding="utf-8")
    moved = "探索建立知识产权国际化人才储备库和利用知识产权发现人才的信息平台。"
    path.write_text(text.replace(moved, "", 1).replace("\n105.", "\n105." + moved, 1), encoding="utf-8")


def _move_an_item_of_86_to_the_next_subsection(source: Path) -> None:
    path = source / "guofa-2016-86.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("7.加强民生领域知识产权保护"))
    item = lines.pop(at)
    end = next(n for n in range(at + 1, len(lines)) if lines[n].startswith("（四）"))
    last = max(n for n in range(at, end) if re.match(r"\d+\.", lines[n]))
    lines.insert(last + 1, f"{int(lines[last].split('.', 1)[0]) + 1}.{item.split('.', 1)[1]}")
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "with_git"),
    [
        pytest.param(_reword_task_103_in_place, True, id="a task's first sentence deleted in place"),
        pytest.param(_move_a_sentence_of_104_to_105, False, id="a sentence moved between tasks"),
        pytest.param(_move_an_item_of_86_to_the_next_subsection, False, id="an item moved to a new number"),
    ],
)
def test_no_number_is_said_to_name_other_words_when_none_does(tmp_path, change, with_git):
    """Review of session 41: a task's first sentence retired in place gave 编号已变更：原第103项已删除 (no number
    changed); without git, a task's second sentence moved to the next task gave two false notes, and an item
    moved to a new number, whose old citation no version gives, an empty one (编号已变更：。)."""
    from .test_changelog import committed_copy

    source = committed_copy(tmp_path) if with_git else built_once(tmp_path)
    change(source)
    docs = answered(tmp_path, None)
    assert not any("renumbered-note" in p.read_text(encoding="utf-8") for p in docs.rglob("*.md"))


def test_a_task_terms_entry_left_behind_by_a_renumbering_is_refused_at_its_quote(tmp_path):
    """Task 100 deleted and 101–106 numbered one less, task_terms.yaml's 106 dropped (the one number the build
    asked about): every entry from 100 on lent its phrases to the next task, unsaid (review of session 41).
    Each entry quotes its task's opening words (task_quote): the entries left behind are refused there."""
    source = tmp_path / "source_texts"
    shutil.copytree(SOURCE, source)
    delete_task_and_renumber(source / "guobanhan-2016-66.txt", 100)
    terms = source / "task_terms.yaml"
    terms.write_text(terms.read_text(encoding="utf-8").split("  - task: 106\n", 1)[0], encoding="utf-8")
    said = refused(tmp_path).splitlines()
    quoted = [line for line in said if line.startswith("source_texts/task_terms.yaml:")]
    written = terms.read_text(encoding="utf-8").split("\n")
    at = written.index("  - task: 100") + 2  # its task_quote's line
    assert quoted[0].startswith(
        f"source_texts/task_terms.yaml:{at}:17: expected guobanhan-2016-66/t100 to contain its task_quote "
        "'制定专利收费减缴办法', found '100.积极推进知识产权海外侵权责任保险工作。"
    ), quoted
    assert quoted[0].endswith(
        "no other item of guobanhan-2016-66 holds the quote: if the words were deleted, remove the entry; if they were reworded, check the entry still holds for the new words and quote them"
    )
    # 101–105: each quotes the task now numbered one less, and is told so
    assert len(quoted) == 6, quoted
    for number, said in enumerate(quoted[1:], 101):
        assert said.endswith(f": guobanhan-2016-66/t{number - 1} holds the quote now: write task: {number - 1}"), said


def test_a_sentence_naming_a_box_is_not_taken_for_another_box_sentence_renumbered(tmp_path):
    """专栏1所列工程… removed and 专栏2所列工程… added elsewhere (review of session 41): read with 专栏N as a label,
    the removed sentence was said to stand, under another number, at the new one. A box's label is read only in
    a box's heading."""
    from .test_changelog import committed_copy, git

    source = committed_copy(tmp_path)
    named = "{}所列工程由国家知识产权局会同有关部门负责组织实施。"
    replace("guofa-2016-86.txt", "规范有效保护商业秘密。", "规范有效保护商业秘密。" + named.format("专栏1"))(source)
    git(source, "commit", "-qam", "加一句")
    replace("guofa-2016-86.txt", named.format("专栏1"), "")(source)
    replace(
        "guofa-2016-86.txt",
        "加大高技术含量知识产权转移转化力度。",
        "加大高技术含量知识产权转移转化力度。" + named.format("专栏2"),
    )(source)
    (said,) = [line for line in refused(tmp_path).splitlines() if "removed clause" in line]
    assert said.endswith("(new id or retired note), found none"), said
