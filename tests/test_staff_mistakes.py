"""Mistakes staff make editing source_texts/: a merge left half done, two files joined into one, a saved
web page given as the text. Each is refused where it stands (`path:line:column: expected …, found …`),
exit 1, no traceback, docs/ as it was; none of them may reach the public site as clause text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.errors import CurationError
from build_scripts.load.located_yaml import read_yaml
from build_scripts.load.texts import read_text

from .helpers import FIXTURE, copy_sources, generate_in, refused_after, replace, rewrite

YUFUFA = "yufufa-2016-25.txt"
PARAGRAPH = "　　强化企业知识产权主体地位。"  # line 25 of the frozen 25号


def _conflict(source: Path) -> None:
    """A merge of two edits of one paragraph that git could not resolve, committed as git left it."""
    replace(
        YUFUFA,
        PARAGRAPH,
        f"<<<<<<< HEAD\n{PARAGRAPH}甲。\n=======\n{PARAGRAPH}乙。\n>>>>>>> edits\n{PARAGRAPH}",
    )(source)


def test_merge_conflict_markers_in_a_text_are_refused_at_the_first(tmp_path):
    """They were read as paragraphs: <<<<<<< HEAD, ======= and >>>>>>> edits were clause text on the site."""
    stderr = refused_after(tmp_path, _conflict)
    assert stderr.startswith(
        f"source_texts/{YUFUFA}:25:1: expected text, found the merge-conflict marker '<<<<<<< HEAD' git leaves "
        "where a merge did not resolve: keep the lines meant, delete the markers\n"
    ), stderr


@pytest.mark.parametrize("marker", ["=======", ">>>>>>> edits", "||||||| base"])
def test_each_kind_of_merge_conflict_marker_in_a_text_is_refused(tmp_path, marker):
    """A marker left alone (the others deleted by hand), diff3's ||||||| too."""
    stderr = refused_after(tmp_path, replace(YUFUFA, PARAGRAPH, f"{marker}\n{PARAGRAPH}"))
    assert f"{YUFUFA}:25:1: expected text, found the merge-conflict marker {marker!r}" in stderr, stderr


CURATED = ["documents.yaml", "agencies.yaml", "crossrefs.yaml", "external.yaml", "indicators.yaml", "task_terms.yaml"]


def _with_conflict(path: Path, at: str) -> int:
    """``path`` with a conflict around its first line (``at`` "top") or the middle value line; the line
    of its first marker."""
    lines = path.read_text(encoding="utf-8").split("\n")
    values = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    i = 0 if at == "top" else values[len(values) // 2]
    lines[i : i + 1] = ["<<<<<<< HEAD", lines[i], "=======", lines[i], ">>>>>>> edits"]
    path.write_text("\n".join(lines), encoding="utf-8")
    return i + 1


@pytest.mark.parametrize("at", ["top", "middle"])
@pytest.mark.parametrize("name", CURATED)
def test_merge_conflict_markers_in_a_curated_file_are_named_where_they_stand(tmp_path, name, at):
    """YAML said "could not find expected ':'" on the line after the marker, or "did not find expected
    <document start>" at the file's end, naming no marker."""
    source = copy_sources(tmp_path)
    line = _with_conflict(source / name, at)
    with pytest.raises(CurationError) as raised:
        read_yaml(source / name)
    assert str(raised.value) == (
        f"{source / name}:{line}:1: expected YAML, found the merge-conflict marker '<<<<<<< HEAD' git leaves "
        "where a merge did not resolve: keep the lines meant, delete the markers"
    )


def test_merge_conflict_markers_in_documents_yaml_stop_generate(tmp_path):
    stderr = refused_after(tmp_path, lambda source: _with_conflict(source / "documents.yaml", "top"))
    assert stderr.startswith(
        "source_texts/documents.yaml:1:1: expected YAML, found the merge-conflict marker '<<<<<<< HEAD'"
    ), stderr


def test_a_line_of_more_signs_is_no_marker(tmp_path):
    """Only a line that is a marker as git writes it: seven signs at the start of a line, alone or
    followed by a space and a name; a rule of more signs, or signs inside a line, is text."""
    path = tmp_path / "t.txt"
    text = "一、总体要求\n==========\n<<<<<<<<<< 甲\n正文。>>>>>>> 乙\n"
    path.write_text(text, encoding="utf-8")
    assert read_text(path).text == text


def _joined(source: Path) -> None:
    """Another file, saved as UTF-8 with its byte order mark, appended to the text (cat a.txt b.txt)."""
    rewrite(YUFUFA, lambda data: data.rstrip() + "\n\ufeff附件：\n　　另一个文件的正文。\n".encode())(source)


def test_a_byte_order_mark_inside_a_text_is_refused_as_two_files_joined(tmp_path):
    """The BOM was removed and the other file's lines published as paragraphs of the document."""
    lines = (FIXTURE / YUFUFA).read_text(encoding="utf-8").rstrip().count("\n") + 1
    stderr = refused_after(tmp_path, _joined)
    assert stderr.startswith(
        f"source_texts/{YUFUFA}:{lines + 1}:1: expected one text, found a byte order mark (U+FEFF) inside it, where "
        "a second file was joined on: keep the document's own text (or, if nothing was joined, delete the "
        "invisible character)\n"
    ), stderr


def test_a_text_with_two_byte_order_marks_at_its_start_still_builds(tmp_path):
    """A tool that added a BOM to a file that had one: nothing joined."""
    source = copy_sources(tmp_path)
    rewrite(YUFUFA, lambda data: b"\xef\xbb\xbf\xef\xbb\xbf" + data)(source)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr


def _web_page(source: Path) -> None:
    """The page the text was copied from, saved from the browser (File → Save as) and given as the text."""
    text = (source / YUFUFA).read_text(encoding="utf-8")
    page = "\n".join(f"<p>{line}</p>" for line in text.split("\n"))
    (source / YUFUFA).write_text(
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>重庆市人民政府</title>\n'
        f"</head>\n<body>\n{page}\n</body>\n</html>\n",
        encoding="utf-8",
    )


def _web_page_around_the_text(source: Path) -> None:
    """… the text itself left as it was between the page's tags (it built, tags shown as paragraphs)."""
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_text(
        f"<html>\n<head><title>重庆市人民政府</title></head>\n<BODY>\n{text}</BODY>\n</html>\n", encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("damage", "found"),
    [(_web_page, "1:1: .*found '<!DOCTYPE html'"), (_web_page_around_the_text, "1:1: .*found '<html'")],
    ids=["saved page", "tags around the text"],
)
def test_a_saved_web_page_is_refused_as_no_text(tmp_path, damage, found):
    stderr = refused_after(tmp_path, damage)
    assert re.match(
        rf"source_texts/{re.escape(YUFUFA)}:{found} of a saved web page: copy the document's text from the page "
        "into a plain text file\n",
        stderr,
    ), stderr
    assert stderr.startswith(f"source_texts/{YUFUFA}:1:1: expected plain text, found '<"), stderr


LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 21821\n"
)


def _lfs_pointer(source: Path) -> None:
    """A clone made without Git LFS (or before ``git lfs pull``) leaves the pointer file in place of the text."""
    (source / YUFUFA).write_text(LFS_POINTER, encoding="utf-8")


def test_a_git_lfs_pointer_in_place_of_a_text_is_said_as_such(tmp_path):
    """Before, it was refused as a text whose body_starts_at line is missing, which sent staff to documents.yaml."""
    stderr = refused_after(tmp_path, _lfs_pointer)
    assert stderr.startswith(
        f"source_texts/{YUFUFA}:1:1: expected the document's text, found a Git LFS pointer to it "
        "('version https://git-lfs.github.com/spec/v1'): run git lfs pull, or save the text itself in its place\n"
    ), stderr
    assert "body_starts_at" not in stderr


@pytest.mark.parametrize("name", ["documents.yaml", "agencies.yaml", "indicators.yaml"])
def test_a_git_lfs_pointer_in_place_of_a_curated_file_is_said_as_such(tmp_path, name):
    """A clone without Git LFS leaves a curated file's pointer as it leaves a text's: it was said as 'expected a
    mapping with a list 'documents:', found text', which named neither the pointer nor its fix."""
    stderr = refused_after(tmp_path, lambda source: (source / name).write_text(LFS_POINTER, encoding="utf-8"))
    assert stderr.startswith(
        f"source_texts/{name}:1:1: expected YAML, found a Git LFS pointer to the file "
        "('version https://git-lfs.github.com/spec/v1'): run git lfs pull, or save the file itself in its place\n"
    ), stderr


GUOFA = "guofa-2016-86.txt"
ITEM_2 = "2.健全知识产权相关法律制度"  # line 96 of the frozen 86号, item 四（一）2., its last


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        *(
            pytest.param(
                GUOFA,
                ITEM_2,
                label + ITEM_2[2:],
                f"96:1: expected item 2. after item 1., found {label!r}, not a label: write 2.",
                id=label,
            )
            for label in ("2)", "(2)", "2）", "（2)", "2﹒", "2﹐")  # the small forms of . and , (U+FE52, U+FE50)
        ),
        pytest.param(  # a subsection typed as an Arabic one: the （二） the text numbers its parts with is expected
            YUFUFA,
            "（二）健全知识产权资本化机制",
            "2)健全知识产权资本化机制",
            "31:3: expected subsection （二） after subsection （一）, found '2)', not a label: write （二）",
            id="（二） as 2)",
        ),
        pytest.param(  # a label the grammar reads, a sub-item's, where no sub-item can start: （2） for 2.
            GUOFA,
            ITEM_2,
            "（2）" + ITEM_2[2:],
            "96:1: expected item 2. after item 1., found '（2）', a sub-item's label: write 2.",
            id="（2）",
        ),
        *(
            pytest.param(  # … and （2） for （二）
                YUFUFA,
                f"（{chinese}）健全",
                f"（{arabic}）健全",
                f"{line}:3: expected subsection （{chinese}） after subsection （{before}）, found '（{arabic}）', "
                f"a sub-item's label: write （{chinese}）",
                id=f"（{chinese}） as （{arabic}）",
            )
            for line, before, chinese, arabic in ((31, "一", "二", "2"), (69, "五", "六", "6"))
        ),
        pytest.param(  # the last subsection of 二、: no later number was out of sequence
            YUFUFA,
            "（六）健全",
            "6)健全",
            "69:3: expected subsection （六） after subsection （五）, found '6)', not a label: write （六）",
            id="（六） as 6)",
        ),
        *(
            pytest.param(
                YUFUFA,
                "三、保障措施",
                label + "保障措施",
                f"77:3: expected section 三、 after section 二、, found {label!r}, not a label: write 三、",
                id=label,
            )
            for label in ("三.", "三，", "三﹑")  # … and of 、 (U+FE51), as a PDF's or a web page's text has them
        ),
    ],
)
def test_a_mistyped_label_is_said_at_its_line_and_column(tmp_path, name, old, new, expected):
    """A label the grammar does not read (a half-width bracket, a stop or comma for 、) made the line prose. The
    message was about something else, or said elsewhere: for the last of its kind, only a removed clause's missing
    redirects.yaml entry (…/4-1-2, …/2-6; said at the parent's heading, line 94 or 20, in a copy with no last
    build); else a number out of sequence at a later label (2) for （二）: at （三） of line 41; 三.: at （一） of
    line 78, as （七） after （六）). It is said at the line and column of the label, with the label expected.
    So is a sub-item's label typed for the subsection's, （2） for （二）, where no sub-item numbering is open: it
    was 'expected the first sub-item to be （1）', then a second message at the next subsection's label."""
    stderr = refused_after(tmp_path, replace(name, old, new))
    assert stderr == (f"source_texts/{name}:{expected}\n1 problem(s) found; docs/ was not changed.\n"), stderr


def test_prose_opening_with_a_number_is_no_mistyped_label(tmp_path):
    """Lines that open with the number the numbering expects next, but as prose: a year, a count, a span, and
    a list of its own (1) 2) 3)) inside an item, which the grammar does not number."""
    source = copy_sources(tmp_path)
    prose = ["2020年底前，完成修订。", "2个以上省份先行。", "五年来，成效显著。", "1)甲项。", "2)乙项。", "3）丙项。"]
    replace(GUOFA, "\n" + ITEM_2, "\n" + "\n".join(prose) + "\n" + ITEM_2)(source)
    replace(YUFUFA, "\n　　（二）健全", "\n　　1)甲项。\n　　2)乙项。\n　　3)丙项。\n　　（二）健全")(source)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    clauses = (tmp_path / "docs" / "data" / "clauses.json").read_text(encoding="utf-8")
    assert all(f'"text":"{line}"' in clauses.replace(": ", ":") for line in prose), clauses[:200]
