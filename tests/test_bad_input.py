"""Malformed input: a located message, a non-zero exit, no traceback, docs/ untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import LOCATED, copy_sources, generated_copy, refused, replace, rewrite, run_cli


def _damage(tmp_path: Path, damage) -> Path:
    """A copy of the corpus in ``tmp_path``, generated into its docs/ and then damaged; returns the copy."""
    source = generated_copy(tmp_path)
    damage(source)
    return source


CASES = {
    "duplicate task": (
        replace("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "40.完善知识产权审查协作机制"),
        r"guobanhan-2016-66\.txt:83:1: expected task 41 after task 40, found 40 again",
    ),
    "skipped task": (
        replace("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "42.完善知识产权审查协作机制"),
        r"guobanhan-2016-66\.txt:83:1: expected task 41 after task 40, found 42",
    ),
    # a label the grammar does not read was said at the next label, as a number skipped (and 五. gave a second
    # message before that one, （八） expected after （七） at the first （一） of 五、): it is said at its own line
    "a task label the grammar does not read (58。 for 58.), said at its line": (
        replace("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "41。完善知识产权审查协作机制"),
        r"guobanhan-2016-66\.txt:83:1: expected task 41\. after task 40\., found '41。', not a label: write 41\.\n"
        r"1 problem\(s\) found",
    ),
    "a task label typed twice (57.57.)": (
        replace("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "41.41.完善知识产权审查协作机制"),
        r"guobanhan-2016-66\.txt:83:1: expected task 41\. after task 40\., found '41\.41\.', not a label: write 41\.\n"
        r"1 problem\(s\) found",
    ),
    "a section label with a half-width stop": (
        replace("guofa-2016-86.txt", "五、重大专项", "五.重大专项"),
        r"guofa-2016-86\.txt:185:1: expected section 五、 after section 四、, found '五\.', not a label: write 五、\n"
        r"1 problem\(s\) found",
    ),
    "skipped section": (
        replace("guofa-2016-86.txt", "五、重大专项", "六、重大专项"),
        r"guofa-2016-86\.txt:185:1: expected section 五、 after section 四、, found 六、",
    ),
    "a subsection label without its closing bracket, said at its line": (
        replace("guobanfa-2016-106.txt", "（三）试点布局", "（三试点布局"),
        r"guobanfa-2016-106\.txt:17:1: expected subsection （三） after subsection （二）, found '（三', not a label: "
        r"write （三）\n1 problem\(s\) found",
    ),
    "skipped subsection with half-width brackets": (
        replace("guozhifaguanzi-2015-59.txt", "(二) 工作方针", "(三) 工作方针"),
        r"guozhifaguanzi-2015-59\.txt:33:1: expected subsection （二） after subsection （一）, found （三）",
    ),
    "a dropped line the text lacks, said where it is listed": (
        replace("documents.yaml", "      - 打印\n", "      - 打印了\n"),
        r"documents\.yaml:126:9: expected dropped line '打印了' in guozhifaguanzi-2015-59\.txt, found no such line",
    ),
    "empty file": (
        rewrite("yufufa-2016-25.txt", lambda data: b""),
        r"yufufa-2016-25\.txt:1:1: expected the text of a document, found an empty file",
    ),
    "undecodable bytes": (
        rewrite("guobanfa-2016-106.txt", lambda data: data.replace("试点布局".encode(), b"\xff\xfe\x00\x01", 1)),
        r"guobanfa-2016-106\.txt:17:\d+: expected UTF-8 \(or GBK\) text, found undecodable bytes ff fe 00 01",
    ),
    "undecodable bytes in a file with a byte order mark": (  # was said 3 bytes early: 17:3, 'ef bc 89 ff'
        rewrite(
            "guobanfa-2016-106.txt",
            lambda data: b"\xef\xbb\xbf" + data.replace("试点布局".encode(), b"\xff\xfe\x00\x01", 1),
        ),
        r"guobanfa-2016-106\.txt:17:4: expected UTF-8 \(or GBK\) text, found undecodable bytes ff fe 00 01\n",
    ),
    "undecodable bytes in a file with lone-CR line ends": (  # old Mac line ends: still line 17
        rewrite(
            "guobanfa-2016-106.txt",
            lambda data: (
                data.replace(b"\r\n", b"\n").replace(b"\n", b"\r").replace("试点布局".encode(), b"\xff\xfe\x00\x01", 1)
            ),
        ),
        r"guobanfa-2016-106\.txt:17:\d+: expected UTF-8 \(or GBK\) text, found undecodable bytes ff fe 00 01",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gets_a_located_message(tmp_path, case):
    damage, expected = CASES[case]
    _damage(tmp_path, damage)
    stderr = refused(tmp_path)  # exit 1, no traceback, every message LOCATED, docs/ as it was
    assert re.search(expected, stderr), stderr


def test_gbk_text_is_decoded(tmp_path):
    source = copy_sources(tmp_path)
    path = source / "yufufa-2016-25.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk", errors="strict"))
    proc = run_cli("generate", "--source", str(source), "--docs", str(tmp_path / "docs"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    clauses = (tmp_path / "docs" / "data" / "clauses.json").read_text(encoding="utf-8")
    assert "培育壮大知识产权密集型产业。" in clauses


TRADITIONAL = "關於加強智慧財產權保護工作的通知\n\n各省、自治區、直轄市人民政府：\n\n為深入實施國家知識產權戰略，現就有關事項通知如下。\n"
JAPANESE = "知的財産権の保護に関する通知\n\n各都道府県知事殿\n\n知的財産の保護を強化するため、次のとおり通知する。\n"


@pytest.mark.parametrize(
    ("text", "encoding", "at", "found"),
    [
        (TRADITIONAL, "big5", "1:2", "'\\ue804\\ue661眏"),
        (JAPANESE, "shift_jis", "1:1", "'抦揑"),
        ("2016\r\r" + TRADITIONAL, "big5", "3:2", "'\\ue804"),  # lines end in a lone CR: still located
    ],
    ids=["big5", "shift-jis", "big5-cr"],
)
def test_a_text_in_another_east_asian_encoding_is_refused_not_published_garbled(tmp_path, text, encoding, at, found):
    """Big5 and Shift-JIS bytes also decode as GB 18030, into rare and private-use characters."""
    source = _damage(tmp_path, rewrite("yufufa-2016-25.txt", lambda data: text.encode(encoding)))
    first = refused(tmp_path).splitlines()[0]
    assert first.startswith(f"{source.name}/yufufa-2016-25.txt:{at}: expected UTF-8 or GBK text, found "), first
    assert found in first and "save the file as UTF-8" in first, first


def test_all_problems_of_a_run_are_reported_together(tmp_path):
    source = copy_sources(tmp_path)
    replace("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "40.完善知识产权审查协作机制")(source)
    replace("guozhifaguanzi-2015-59.txt", "4.助推特色产业", "5.助推特色产业")(source)
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 1
    assert len(LOCATED.findall(proc.stderr)) == 2, proc.stderr


def test_a_text_problem_does_not_hide_the_syntax_errors_of_the_curated_files(tmp_path):
    """The stages after parsing cannot run on a text that does not parse, but every curated file's
    syntax is still checked, so one run shows the problems of all files."""
    source = copy_sources(tmp_path)
    replace("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "40.完善知识产权审查协作机制")(source)
    replace("crossrefs.yaml", "    decision: confirm", "\tdecision: confirm")(source)
    replace("agencies.yaml", "  - id: cmc-edd\n", "  - id: cmc-edd\n    id: x\n")(source)
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert {(path, message.split(", found")[0]) for path, message in _problems(proc.stderr)} == {
        ("source_texts/guobanhan-2016-66.txt", "expected task 41 after task 40"),
        ("source_texts/agencies.yaml", "expected each key once"),
        ("source_texts/crossrefs.yaml", "expected spaces (YAML allows no tab there)"),
    }


def _problems(stderr: str) -> list[tuple[str, str]]:
    return [(line.split(":")[0], line.split(": ", 1)[1]) for line in stderr.splitlines() if LOCATED.match(line)]


def _found(stderr: str) -> set[tuple[str, str]]:
    """The problems of a run, as (file name, message up to ", found")."""
    return {(path.rsplit("/", 1)[-1], message.split(", found")[0]) for path, message in _problems(stderr)}


def _apply(source: Path, name: str, old: str | None, new: str) -> None:
    """Replace the line ``old`` of ``source/name`` with ``new``; without ``old``, ``new`` is the whole file."""
    if old is None:
        (source / name).write_text(new, encoding="utf-8")
    else:
        replace(name, old, new)(source)


@pytest.mark.parametrize(
    ("damages", "expected"),
    [
        (  # documents.yaml does not read: no text can be, but the other curated files' syntax can
            [
                ("documents.yaml", "    issuer: 国务院\n", "\tissuer: 国务院\n"),
                ("agencies.yaml", "  - id: cmc-edd\n", "  - id: cmc-edd\n    id: x\n"),
            ],
            {
                ("documents.yaml", "expected spaces (YAML allows no tab there)"),
                ("agencies.yaml", "expected each key once"),
            },
        ),
        (  # external.yaml is read with documents.yaml, before the texts: it hid every text's problems
            [
                ("external.yaml", "external:", "external: [\n"),
                ("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "40.完善知识产权审查协作机制"),
            ],
            {
                ("external.yaml", "expected a value here"),
                ("guobanhan-2016-66.txt", "expected task 41 after task 40"),
            },
        ),
        (  # the texts parse: each later stage read its own file and the first that did not read stopped the run
            [
                ("agencies.yaml", "  - id: cmc-edd\n", "  - id: cmc-edd\n    id: x\n"),
                ("crossrefs.yaml", "    decision: confirm", "\tdecision: confirm"),
                ("redirects.yaml", None, "redirects: [\n"),  # the frozen corpus has none: a new one
                ("indicators.yaml", "indicators:", "indicators: {\n"),
                ("task_terms.yaml", "tasks:", "tasks: 'x\n"),
            ],
            {
                ("agencies.yaml", "expected each key once"),
                ("crossrefs.yaml", "expected spaces (YAML allows no tab there)"),
                ("redirects.yaml", "expected a value here"),
                ("indicators.yaml", "expected a value here"),
                ("task_terms.yaml", "expected a quoted value to end with its quote"),  # said where it opens
            },
        ),
    ],
    ids=["documents.yaml", "external.yaml", "texts parse"],
)
def test_a_curated_file_that_does_not_read_hides_no_other_problem(tmp_path, damages, expected):
    source = _damage(tmp_path, lambda source: None)
    for damage in damages:
        _apply(source, *damage)
    stderr = refused(tmp_path)
    found = _found(stderr)
    assert found == expected, stderr


def test_an_impossible_date_in_documents_yaml_hides_no_problem_of_the_texts(tmp_path):
    """A date such as 2016-13-40 was refused as YAML that does not read: documents.yaml as a whole, so no
    text was read, and a duplicated task number in 66号 was said only in the next run."""
    source = _damage(tmp_path, replace("documents.yaml", "date: 2016-12-30", "date: 2016-13-40"))
    replace("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "40.完善知识产权审查协作机制")(source)
    stderr = refused(tmp_path)
    assert _found(stderr) == {
        ("documents.yaml", "expected 'date' of a document to be a date YYYY-MM-DD or null"),
        ("guobanhan-2016-66.txt", "expected task 41 after task 40"),
    }, stderr
    assert (
        "documents.yaml:68:11: expected 'date' of a document to be a date YYYY-MM-DD or null, found '2016-13-40', "
        "a day no calendar has\n" in stderr
    )


UNKNOWN_AGENCY = ("guobanhan-2016-66.txt", "（版权局负责）\n（三）", "（火星局负责）\n（三）")


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (  # another text does not parse
            ("guofa-2016-86.txt", "2.健全知识产权相关法律制度", "1.健全知识产权相关法律制度"),
            ("guofa-2016-86.txt", "expected item 2 after item 1"),
        ),
        (  # 66号 itself does not parse: its parentheticals are read as far as its lines parse
            ("guobanhan-2016-66.txt", "41.完善知识产权审查协作机制", "40.完善知识产权审查协作机制"),
            ("guobanhan-2016-66.txt", "expected task 41 after task 40"),
        ),
        (
            ("yufufa-2016-25.txt", None, ""),
            ("yufufa-2016-25.txt", "expected the text of a document"),
        ),
        (  # what documents.yaml says of another text
            ("documents.yaml", "body_starts_at: 知识产权制度是激励创新的基本保障。", "body_starts_at: 不存在的开头"),
            ("documents.yaml", "expected a line starting with body_starts_at '不存在的开头' in yufufa-2016-25.txt"),
        ),
    ],
    ids=["another text", "the same text", "an empty text", "documents.yaml"],
)
def test_an_unknown_agency_is_reported_with_the_problem_that_stops_the_run(tmp_path, damage, expected):
    """An abbreviation the register lacks is found by the extract stage, which did not run when a text
    did not parse: a run with both problems reported only the other, and the next run the agency."""
    source = _damage(tmp_path, replace(*UNKNOWN_AGENCY))
    _apply(source, *damage)
    stderr = refused(tmp_path)
    found = _found(stderr)
    assert ("guobanhan-2016-66.txt", "expected an agency name or short name from agencies.yaml") in found, stderr
    assert expected in found, stderr
    assert (
        "source_texts/guobanhan-2016-66.txt:39:43: expected an agency name or short name from agencies.yaml, found '火星局'\n"
        in stderr
    )


@pytest.mark.parametrize(
    ("record", "line", "expected"),
    [
        ("clause_ids.tsv", "not a record\n", "expected a clause id and two tab-separated digests"),
        ("published_pages.tsv", "not/a/url\n", "expected a page address such as /tasks/"),
    ],
)
@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (
            ("guofa-2016-86.txt", "2.健全知识产权相关法律制度", "1.健全知识产权相关法律制度"),
            ("guofa-2016-86.txt", "expected item 2 after item 1"),
        ),
        (UNKNOWN_AGENCY, ("guobanhan-2016-66.txt", "expected an agency name or short name from agencies.yaml")),
    ],
    ids=["numbering", "agency"],
)
def test_a_damaged_record_is_reported_with_the_texts_problems(tmp_path, record, line, expected, damage, problem):
    """The records beside the texts were read after the texts parsed (published_pages.tsv after the
    extract stage): a text's problem hid a damaged record, and a damaged clause_ids.tsv an unknown agency."""
    source = _damage(tmp_path, replace(*damage))
    with (source / record).open("a", encoding="utf-8") as file:
        file.write(line)
    stderr = refused(tmp_path)
    found = _found(stderr)
    assert problem in found, stderr
    assert any(path == record and message.startswith(expected) for path, message in found), stderr


@pytest.mark.parametrize(
    ("name", "control", "damage", "problem"),
    [
        (
            "guofa-2016-86.txt",
            ("一、规划背景", "一、规划\0背景"),
            ("2.健全知识产权相关法律制度", "1.健全知识产权相关法律制度"),
            "expected item 2 after item 1",
        ),
        (
            "guobanhan-2016-66.txt",
            ("5.扩大专利代理领域开放", "5.扩大专利代理领域开放\x0c"),
            UNKNOWN_AGENCY[1:],
            "expected an agency name or short name from agencies.yaml",
        ),
    ],
    ids=["numbering", "agency"],
)
def test_a_control_character_does_not_hide_the_other_problems_of_its_text(tmp_path, name, control, damage, problem):
    """A NUL or a form feed is one damaged character, not an unreadable file: the text was not read on,
    so a duplicated number (or an unknown agency) in the same text was said only in the next run."""
    source = _damage(tmp_path, replace(name, *damage))
    replace(name, *control)(source)
    stderr = refused(tmp_path)
    found = _found(stderr)
    assert found == {(name, "expected text"), (name, problem)}, stderr


def test_bytes_full_of_control_characters_are_not_read_on_as_a_text(tmp_path):
    """Only the odd control character is damage in a text; a file of them is no text, and what is left
    of it would only give problems of its own (no table caption, only blank lines)."""
    _damage(tmp_path, rewrite("guofa-2016-86.txt", lambda data: b"\0" * 100 + "一、总则\n".encode()))
    stderr = refused(tmp_path)
    assert _problems(stderr) == [
        ("source_texts/guofa-2016-86.txt", "expected text, found the control character U+0000")
    ]


@pytest.mark.parametrize(
    ("register", "expected"),
    [
        (("    kind: party_organ\n", "    kind: martian\n"), "expected kind to be one of"),
        (("short_names: [中央宣传部]", "short_names: [中央宣传部, 中央组织部]"), "expected each short name once"),
    ],
    ids=["kind", "short name"],
)
def test_a_problem_of_the_agency_register_is_reported_with_the_texts_problems(tmp_path, register, expected):
    """agencies.yaml is read on its own, not against the texts: what its entries say was checked only in
    the extract stage, which a text that does not parse stops the run before."""
    source = _damage(tmp_path, replace("agencies.yaml", *register))
    replace("guofa-2016-86.txt", "2.健全知识产权相关法律制度", "1.健全知识产权相关法律制度")(source)
    stderr = refused(tmp_path)
    found = _found(stderr)
    assert ("guofa-2016-86.txt", "expected item 2 after item 1") in found, stderr
    assert any(path == "agencies.yaml" and message.startswith(expected) for path, message in found), stderr


def test_a_register_that_does_not_read_is_one_problem_not_one_per_indicator(tmp_path):
    """indicators.yaml names its agencies by the register's ids: when the register itself does not read,
    each of those names was said to be unknown too (six problems from one cause)."""
    source = copy_sources(tmp_path)
    _apply(source, "agencies.yaml", "agencies:\n", "")  # a bare list
    assert _found(refused(tmp_path)) == {("agencies.yaml", "expected a mapping with a list 'agencies:'")}


def test_a_source_that_is_a_file_is_one_problem(tmp_path):
    """--source naming a file was said three times: by the folder check and by each record beside the texts."""
    source = copy_sources(tmp_path)
    proc = run_cli("generate", "--source", str(source / "documents.yaml"), "--docs", "docs", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0].endswith(
        "documents.yaml:1:1: expected a folder of source texts and curated YAML, found a file"
    )
    assert len(proc.stderr.splitlines()) == 2, proc.stderr  # the problem and the count


@pytest.mark.parametrize("numbering", ["0", "''", "[]", "{items: 5}", "{item: global}"])
def test_a_numbering_that_does_not_read_is_one_problem_not_one_per_item(tmp_path, numbering):
    """66号's text was still parsed with items numbered by section, and each task after the first of its
    section was said to be out of order too: one message per item from one cause."""
    source = copy_sources(tmp_path)
    _apply(source, "documents.yaml", "numbering: {items: global}", f"numbering: {numbering}")
    messages = refused(tmp_path).splitlines()[:-1]
    expected = (
        "unknown key 'item'" if "item:" in numbering else "expected numbering to be {items: nested} or {items: global}"
    )
    assert len(messages) == 1 and expected in messages[0]


def test_a_control_character_in_a_file_name_reaches_the_terminal_as_its_escape(tmp_path):
    """A message names files and quotes what staff wrote: a terminal acts on a raw ESC (a colour, its title,
    the screen cleared), so each control character is printed as its escape (\\x1b), never raw."""
    source = copy_sources(tmp_path)
    (source / "a\x1b[31mred\x1b]0;title\x07\x9b.txt").write_text("x\n", encoding="utf-8")
    proc = run_cli("check", "--source", str(source))
    assert proc.returncode == 1
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", proc.stderr), repr(proc.stderr)
    assert "a\\x1b[31mred\\x1b]0;title\\x07\\x9b.txt:1:1: expected a documents.yaml entry" in proc.stderr


@pytest.mark.parametrize("name", ["a\nx", "a\rx"], ids=["line feed", "carriage return"])
def test_a_line_break_in_a_file_name_keeps_its_message_on_one_line(tmp_path, name):
    """A file named with a line break (a name a script made, or a hostile one) split its message in two, the
    second line reading as a message of its own ('x.txt:1:1: expected …'); a carriage return sent the cursor
    back, so the terminal showed the message from there on, its file's name hidden."""
    source = generated_copy(tmp_path)
    (source / f"{name}.txt").write_text("x\n", encoding="utf-8")
    stderr = refused(tmp_path)  # every line of stderr LOCATED, docs/ as it was
    written = name.replace("\n", "\\x0a").replace("\r", "\\x0d")
    assert stderr.splitlines()[0].startswith(f"source_texts/{written}.txt:1:1: expected a documents.yaml entry"), stderr


@pytest.mark.parametrize("lost", ["replace", "ignore"])
def test_a_utf8_text_once_read_as_gbk_and_saved_again_is_refused_not_published_garbled(tmp_path, lost):
    """Session 40's robustness review: 25号 opened as GBK and saved as UTF-8 (川府发 as 宸濆簻鍙, the bytes GBK could not
    pair ``lost``) is valid UTF-8, and was published garbled, 14 clauses and no warning."""

    def misread(data: bytes) -> bytes:
        return data.decode("utf-8").encode("utf-8").decode("gbk", errors=lost).encode("utf-8")

    source = _damage(tmp_path, rewrite("yufufa-2016-25.txt", misread))
    first = refused(tmp_path).splitlines()[0]
    assert first.startswith(f"{source.name}/yufufa-2016-25.txt:1:1: expected UTF-8 or GBK text, found UTF-8 once "), (
        first
    )
    assert "is '关于新形势下加快'" in first and "open the original as UTF-8" in first, first
