"""Damaged copies of the real corpus through the real CLI: a located message with docs/ untouched,
or a build in which nothing is lost and nothing is run."""

from __future__ import annotations

import html
import json
import re

import pytest

from build_scripts.clean import clean_text

from .helpers import FIXTURE, copy_sources, generated_copy, mkdocs_build, refused_after, replace, rewrite
from .helpers import generate_in as generate

YUFUFA = "yufufa-2016-25.txt"
INJECTED = " <script>alert(1)</script> *粗体* [x](javascript:alert(1)) 甲|乙|丙 "


FAILING = {
    "duplicated number": (
        replace(YUFUFA, "（三）健全知识产权服务机制", "（二）健全知识产权服务机制"),
        "found （二） again",
    ),
    "missing number": (replace(YUFUFA, "（三）健全知识产权服务机制", "（四）健全知识产权服务机制"), "found （四）"),
    "empty file": (rewrite(YUFUFA, lambda data: b""), "found an empty file"),
    # said as it is (it was "an empty file", and staff saw lines in their editor: session 40's review)
    "only blank lines": (
        rewrite(YUFUFA, lambda data: "\r\n\u3000\r\n".encode()),
        "found only white space (7 bytes: no character of text)",
    ),
}


@pytest.mark.parametrize("case", FAILING)
def test_damage_gives_a_located_message_and_leaves_docs_untouched(tmp_path, case):
    damage, found = FAILING[case]
    stderr = refused_after(tmp_path, damage)  # exit 1, no traceback, every message LOCATED, docs/ as it was
    assert found in stderr


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_crlf_bom_and_gbk_files_build_with_nothing_lost(tmp_path, encoding):
    source = generated_copy(tmp_path)
    before = (tmp_path / "docs/data/clauses.json").read_bytes()
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_bytes(text.replace("\n", "\r\n").encode(encoding))
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "docs/data/clauses.json").read_bytes() == before


def test_a_gbk_file_behind_a_utf8_byte_order_mark_builds_with_nothing_lost(tmp_path):
    """A tool that added a BOM to a GBK file: the BOM was read as GBK's 锘 and what followed refused at 1:2
    ('expected GBK text, found undecodable bytes bf 20', the BOM's last byte), a column no editor shows."""
    source = generated_copy(tmp_path)
    before = (tmp_path / "docs/data/clauses.json").read_bytes()
    text = (source / YUFUFA).read_text(encoding="utf-8")
    (source / YUFUFA).write_bytes(b"\xef\xbb\xbf" + text.encode("gbk"))
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "docs/data/clauses.json").read_bytes() == before


def test_markup_in_a_text_is_shown_literally_and_never_run(tmp_path):
    source = copy_sources(tmp_path)
    replace(YUFUFA, "培育壮大知识产权密集型产业。", "培育壮大知识产权密集型产业。" + INJECTED)(source)
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    markdown = (tmp_path / "docs/documents/yufufa-2016-25.md").read_text(encoding="utf-8")
    page = (tmp_path / "site/documents/yufufa-2016-25/index.html").read_text(encoding="utf-8")
    for output in (markdown, page):  # no script element, no javascript: link, no emphasis, no table made
        assert not re.search(r"<script>alert|href=.?javascript|<em>粗体|<t[dh]>[^<]*乙", output, re.I)
    paragraph = re.search(r'<p class="clause clause-paragraph" id="c2-1-p1".*?</p>', page, re.S).group(0)
    shown = html.unescape(re.sub(r"<[^>]+>", "", paragraph))
    assert clean_text(INJECTED).strip() in shown
    clauses = json.loads((tmp_path / "docs/data/clauses.json").read_text(encoding="utf-8"))
    assert any(clean_text(INJECTED).strip() in c["text"] for c in clauses if c["id"] == "yufufa-2016-25/2-1/p1")


def test_a_subsection_of_more_than_99_paragraphs_builds(tmp_path):
    """Its paragraphs are tasks, numbered 二（一）第N段: N past 99 was an internal error (KeyError: 10) when the
    number was written in Chinese numerals; it is now written in digits, as its citation is."""
    source = copy_sources(tmp_path)
    added = "".join(f"新增第{n}段正文。\n" for n in range(100))
    replace(YUFUFA, "（二）健全知识产权资本化机制", added + "（二）健全知识产权资本化机制")(source)
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr
    tasks = json.loads((tmp_path / "docs/data/tasks.json").read_text(encoding="utf-8"))
    numbers = [task["number"] for task in tasks if task["doc"] == "yufufa-2016-25"]
    assert {"二（一）第99段", "二（一）第100段", "二（一）第104段"} <= set(numbers)


def test_a_line_separator_inside_a_line_is_white_space_with_nothing_lost(tmp_path):
    """U+2028 and U+2029 (Word's and web pages' line breaks) split no line here, as clean_text counts lines:
    inside a label it hid the number ('（二\\u2028）' is no label), inside a name it hid the agency, and in
    prose it was published as a line break in mid-sentence."""
    source = generated_copy(tmp_path)
    before = (tmp_path / "docs/data/clauses.json").read_bytes()
    replace("guofa-2016-86.txt", "（二）基本原则。", "（二\u2028）基本原则。")(source)
    replace("guobanhan-2016-66.txt", "（知识产权局负责）\n2.积极", "（知识\u2028产权局负责）\n2.积极")(source)
    replace(YUFUFA, "培育壮大知识产权密集型产业。", "培育壮大\u2029知识产权密集型产业。")(source)
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "docs/data/clauses.json").read_bytes() == before


@pytest.mark.parametrize(
    "space", ["\u00a0", "\u3000", "\t", "\u200b"], ids=["nbsp", "ideographic", "tab", "zero-width"]
)
def test_a_space_inside_a_task_number_is_said_at_its_line(tmp_path, space):
    """4 1.完善… (a space typed, or pasted invisibly, inside 41) was said only at the next task's line,
    'expected task 41 after task 40, found 42', with no word of line 83, which looks right in an editor.
    (Then it was said there with a word of line 83; now at line 83 itself.)"""
    stderr = refused_after(tmp_path, replace("guobanhan-2016-66.txt", "\n41.完善", f"\n4{space}1.完善"))
    assert stderr.splitlines() == [
        "source_texts/guobanhan-2016-66.txt:83:1: expected task 41. after task 40., found '4 1.', not a label: "
        "write 41.",
        "1 problem(s) found; docs/ was not changed.",
    ], stderr


TEXTS = ["guobanhan-2016-66.txt", "guofa-2016-86.txt", "guobanfa-2016-106.txt", "guozhifaguanzi-2015-59.txt", YUFUFA]


@pytest.mark.parametrize(
    ("name", "separator"),
    [*((name, "\u2029") for name in TEXTS), (YUFUFA, "\u2028")],
    ids=[*(name.removesuffix(".txt") for name in TEXTS), "line-separator"],
)
def test_a_text_whose_lines_end_in_unicode_separators_is_said_to_be_so_at_the_text(tmp_path, name, separator):
    """A file exported with U+2029 (or U+2028) between its lines, and no line break: the text was read as one
    line, and the message was of another file (documents.yaml: 'expected a line starting with body_starts_at
    …, found none'; for 86号 its table caption), or of numbering gone wrong on line 1, with no word of why."""
    stderr = refused_after(tmp_path, rewrite(name, lambda data: data.replace(b"\n", separator.encode())))
    column = (FIXTURE / name).read_text(encoding="utf-8").index("\n") + 1  # where its first line ended
    assert stderr.splitlines()[1:] == ["1 problem(s) found; docs/ was not changed."], stderr
    assert re.match(
        rf"source_texts/{re.escape(name)}:1:{column}: expected lines that end in line breaks \(LF or CRLF\), found "
        rf"U\+{ord(separator):04X} \(a {'paragraph' if separator == chr(0x2029) else 'line'} separator\) ending "
        r"\d+ of them: save the file with ordinary line breaks\n",
        stderr,
    ), stderr


REFERENCES = "甲&lt;b&gt;乙&amp;丙&#60;丁&#x3C;戊&nbsp;己"


def test_html_character_references_in_a_text_are_kept_as_written(tmp_path):
    """A scraped text's &nbsp;, or &lt; typed as text: the ; before a hanzi was made the Chinese ；, so the
    page showed &lt；b&gt；乙, and the sentence ended there (a sentence 乙&amp；丙… of its own)."""
    source = copy_sources(tmp_path)
    replace(YUFUFA, "培育壮大知识产权密集型产业。", "培育壮大知识产权密集型产业。" + REFERENCES + "。")(source)
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr
    clauses = json.loads((tmp_path / "docs/data/clauses.json").read_text(encoding="utf-8"))
    sentences = [c["text"] for c in clauses if c["id"].startswith("yufufa-2016-25/2-1/p1/s")]
    assert REFERENCES + "。" in sentences, sentences[:4]
