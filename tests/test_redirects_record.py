"""clause_ids.tsv remembers the removed ids redirects.yaml answers for: in a copy without git (an archive),
taking an entry out, or the whole file, is refused where the id stood, as git's history refuses it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import LOCATED, copy_sources, generate_in, generated_copy, refused, run_cli, tree_digest
from .test_redirects import P3_IDS, remove_paragraph, write_p3_redirects

RECORD = "clause_ids.tsv"
P3 = "yufufa-2016-25/2-1/p3"
# p3 gone: located in its text, at the heading of the subsection that held it (二（一）, line 21)
P3_MISSING = re.compile(
    r"^source_texts/yufufa-2016-25\.txt:21:1: expected a redirects\.yaml entry for removed clause "
    r"yufufa-2016-25/2-1/p3 \(new id or retired note\), found none(; the entry serves its \d+ sentence\(s\) too)?$",
    re.MULTILINE,
)


def removed_lines(source: Path) -> list[str]:
    """The record's lines of removed ids (``<id>\tremoved``), in order."""
    lines = (source / RECORD).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.endswith("\tremoved")]


def p3_retired(tmp_path: Path) -> Path:
    """A copy without git, built, then p3 removed and retired (it and each sentence, as staff write them)
    and built again: the record now holds p3's removed ids, and neither it nor the last build has p3."""
    source = generated_copy(tmp_path)
    assert not removed_lines(source)  # the frozen corpus has no redirects.yaml
    remove_paragraph(source)
    write_p3_redirects(source, "    note: 原第三段删去\n")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    return source


def removed_106_paragraph(tmp_path: Path, line: int, opening: str, clause: str) -> Path:
    """A copy without git, built, then 106号's paragraph at ``line`` (starting ``opening``) removed, its id
    (``guobanfa-2016-106/<clause>``) retired in redirects.yaml, and built again."""
    source = generated_copy(tmp_path)
    path = source / "guobanfa-2016-106.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].startswith(opening)
    path.write_text("\n".join(lines[: line - 1] + lines[line:]), encoding="utf-8")
    (source / "redirects.yaml").write_text(
        f"redirects:\n  - id: guobanfa-2016-106/{clause}\n    note: 原文删去此段\n", encoding="utf-8"
    )
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    return source


def test_the_record_keeps_the_ids_redirects_yaml_answers_for_and_a_rebuild_writes_nothing(tmp_path):
    source = p3_retired(tmp_path)
    assert removed_lines(source) == [f"{i}\tremoved" for i in sorted(P3_IDS)]
    text = (source / RECORD).read_text(encoding="utf-8")
    # a section of its own, after every clause of the texts, with a comment saying what it is
    head, section = text.split("\n# ", 1)[0], text[text.index(removed_lines(source)[0]) :]
    assert "removed" not in head and section == "".join(f"{i}\tremoved\n" for i in sorted(P3_IDS))
    assert not any(line.startswith(P3 + "\t") and not line.endswith("removed") for line in text.splitlines())
    before = tree_digest(source), tree_digest(tmp_path / "docs")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "clause ids recorded" not in proc.stdout + proc.stderr
    assert (tree_digest(source), tree_digest(tmp_path / "docs")) == before
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("taken_out", ["the whole file", "one entry"])
def test_an_entry_taken_out_in_a_copy_without_git_is_refused_where_the_id_stood(tmp_path, taken_out):
    """Neither git, nor the last build, nor the record's clauses have p3 any more: the record's removed ids
    are all that says it was published, and its entry is asked for again, with docs/ as it was."""
    source = p3_retired(tmp_path)
    if taken_out == "the whole file":
        (source / "redirects.yaml").unlink()
    else:
        text = (source / "redirects.yaml").read_text(encoding="utf-8")
        entry = f"  - id: {P3}\n    note: 原第三段删去\n"
        assert entry in text
        (source / "redirects.yaml").write_text(text.replace(entry, ""), encoding="utf-8")
    stderr = refused(tmp_path)
    assert P3_MISSING.search(stderr), stderr
    assert len(stderr.splitlines()) == 2  # p3 alone: its entry serves its sentences
    # … and the record is as it was: the build stopped before writing anything
    assert removed_lines(source) == [f"{i}\tremoved" for i in sorted(P3_IDS)]


def test_a_removed_id_whose_clause_is_back_leaves_the_record(tmp_path):
    """A numbered clause removed, answered for, then put back: its id is a clause again, the entry goes
    (an entry for a live id is refused), and the record's removed line with it."""
    source = generated_copy(tmp_path)
    path, terms = source / "guobanhan-2016-66.txt", source / "task_terms.yaml"
    original, original_terms = path.read_text(encoding="utf-8"), terms.read_text(encoding="utf-8")
    task = next(line for line in original.split("\n") if line.startswith("106."))
    path.write_text(original.replace(task + "\n", ""), encoding="utf-8")
    its_terms = original_terms[original_terms.index("  - task: 106\n") :].split("\n", 2)
    terms.write_text(original_terms.replace("\n".join(its_terms[:2]) + "\n", ""), encoding="utf-8")
    (source / "redirects.yaml").write_text(
        "redirects:\n  - id: guobanhan-2016-66/t106\n    note: 原第106项删去\n", encoding="utf-8"
    )
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert removed_lines(source) == ["guobanhan-2016-66/t106\tremoved"]
    path.write_text(original, encoding="utf-8")
    terms.write_text(original_terms, encoding="utf-8")
    (source / "redirects.yaml").write_text("redirects: []\n", encoding="utf-8")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert removed_lines(source) == []
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_check_flags_a_record_without_a_removed_id_generate_would_write(tmp_path):
    source = p3_retired(tmp_path)
    text = (source / RECORD).read_text(encoding="utf-8")
    first = removed_lines(source)[0]
    line = text[: text.index(first)].count("\n") + 1
    (source / RECORD).write_text(text.replace(first + "\n", ""), encoding="utf-8")
    proc = run_cli("check", "--source", "source_texts", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    message = proc.stderr.splitlines()[0]
    assert LOCATED.match(message) and message.startswith(f"source_texts/{RECORD}:{line}:1: expected {first!r}"), (
        proc.stderr
    )


def test_a_paragraph_no_page_is_named_after_is_asked_for_again_when_redirects_yaml_goes(tmp_path):
    """106号's ——紧扣发展 paragraph (1-2/p2, line 14) has no page of its own, so the record of published pages
    says nothing when its entry goes: only the record's removed ids keep its anchor's notice from vanishing."""
    source = removed_106_paragraph(tmp_path, 14, "——紧扣发展", "1-2/p2")
    assert removed_lines(source) == ["guobanfa-2016-106/1-2/p2\tremoved"]
    (source / "redirects.yaml").unlink()
    stderr = refused(tmp_path)
    assert stderr.splitlines()[0] == (
        "source_texts/guobanfa-2016-106.txt:12:1: expected a redirects.yaml entry for removed clause "
        "guobanfa-2016-106/1-2/p2 (new id or retired note), found none"
    ), stderr


def test_a_removed_id_in_no_clause_still_there_is_said_at_its_line_in_the_record(tmp_path):
    """106号's opening paragraph (p2, line 9) stands in no clause of its own: with its entry taken out, nothing
    in the text says where it stood, and the record's line of it is named."""
    source = removed_106_paragraph(tmp_path, 9, "推进知识产权综合管理改革是", "p2")
    record = (source / RECORD).read_text(encoding="utf-8").split("\n")
    line = record.index("guobanfa-2016-106/p2\tremoved") + 1
    (source / "redirects.yaml").write_text("redirects: []\n", encoding="utf-8")
    assert refused(tmp_path).splitlines()[0] == (
        f"source_texts/{RECORD}:{line}:1: expected a redirects.yaml entry for removed clause guobanfa-2016-106/p2 "
        "(new id or retired note), found none"
    )


def test_a_removed_documents_entry_taken_out_is_asked_for_again_at_the_record(tmp_path):
    """A document removed with its entry (id: <slug>): its slug is kept, and the entry is asked for again."""
    from .test_add_document import add_document

    source = copy_sources(tmp_path)
    listing = add_document(source)
    assert generate_in(tmp_path).returncode == 0
    (source / "documents.yaml").write_text(listing, encoding="utf-8")
    (source / "cefa-2020-7.txt").unlink()
    (source / "redirects.yaml").write_text("redirects:\n  - id: cefa-2020-7\n    note: 文件已废止\n", encoding="utf-8")
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert removed_lines(source) == ["cefa-2020-7\tremoved"]
    line = (source / RECORD).read_text(encoding="utf-8").split("\n").index("cefa-2020-7\tremoved") + 1
    (source / "redirects.yaml").unlink()
    assert refused(tmp_path).splitlines()[0] == (
        f"source_texts/{RECORD}:{line}:1: expected a redirects.yaml entry for removed document cefa-2020-7 "
        "(id: cefa-2020-7, with a note saying why), found none"
    )


def test_a_damaged_removed_line_is_refused_where_it_stands(tmp_path):
    from build_scripts.errors import Collector
    from build_scripts.track import clause_ids

    source = copy_sources(tmp_path)
    path = source / RECORD
    text = path.read_text(encoding="utf-8")
    first = text.split("\n")[5].split("\t")[0]  # the first clause the record holds
    path.write_text(text + f"{clause_ids.REMOVED_HEADER}Not/An-Id\tremoved\n{first}\tremoved\n", encoding="utf-8")
    count = text.count("\n") + clause_ids.REMOVED_HEADER.count("\n")
    errors = Collector()
    record = clause_ids.load_record(source, errors)
    assert [str(e) for e in errors.errors] == [
        f"{path}:{count + 1}:1: expected a removed clause id, a tab and 'removed' (this file is written by `make "
        f"build`: restore it with `git checkout -- {path}`), found 'Not/An-Id\\tremoved'",
        f"{path}:{count + 2}:1: expected each clause id once, found {first!r} again",
    ]
    assert record.removed == {} and record.clauses == clause_ids.load(copy_sources(tmp_path / "again"), Collector())
