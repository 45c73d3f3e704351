"""The load stage on damaged bytes: a value or a located error (never a crash, never a traceback)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.errors import Collector, CurationError, TextError
from build_scripts.load.curated import Fields, entries
from build_scripts.load.located_yaml import read_yaml
from build_scripts.load.texts import read_record, read_text

BAD_YAML = {  # text → (line, column, words of the message)
    "a: " + "[" * 5000 + "]" * 5000: (1, 53, "expected at most 50 nested levels, found more"),
    "[" * 100000: (1, 51, "nested levels"),  # used to crash the process inside libyaml's composer
    "a:\n  b: !!int xyz": (2, 6, "expected a value its tag allows, found invalid literal"),
    "a: !!float x": (1, 4, "could not convert"),
    # a tag PyYAML has no value for in a word (!!bool maybe), or of a node of another kind: internal errors
    "a: !!bool maybe": (1, 4, "expected a value its tag allows, found 'maybe'"),
    "a: !!seq {b: 1}": (1, 4, "expected a value its tag allows, found a mapping"),
    "!!bool maybe": (1, 1, "expected valid YAML values, found 'maybe'"),
    "!!seq {b: 1}": (1, 1, "expected a value its tag allows, found a mapping"),
    "a: !!int ''": (1, 4, "expected a value its tag allows, found ''"),  # an IndexError in PyYAML
    "a: [!!float '']": (1, 5, "expected a value its tag allows, found ''"),
    "a: {b: !!map [1]}": (1, 8, "expected a value its tag allows, found a sequence"),
    "{[1]: 2}": (1, 2, "expected a plain key, found [1]"),
    "a: 1\na: 2": (2, 1, "expected each key once, found 'a' again"),
    "a: 1\nb: 2\nc: x\x00\n": (3, 5, "expected YAML text, found the character U+0000, which YAML does not allow"),
    # after Chinese text: libyaml counts bytes of UTF-8, the message counts characters
    "标题: 中文中文\r\nb: 中文\x00\n": (2, 6, "found the character U+0000"),
    "标题: 中文\rb: x\x00\n": (2, 5, "found the character U+0000"),  # a lone CR ends a line too
    # … nor does it let an escape in quotes make one, which would reach the pages (a NUL in a title)
    'a: 1\ntitle: "重庆\\0市"\n': (2, 8, "expected text, found the control character U+0000"),
    'a: [x, "\\e[31m"]\n': (1, 8, "expected text, found the control character U+001B"),
    # a tab where YAML wants spaces: libyaml says "found character that cannot start any token", naming none
    "documents:\n  - slug: a\n\ttitle: b\n": (3, 1, "expected spaces (YAML allows no tab there), found a tab"),
    # a line break only YAML sees ends a comment early and puts every later line number off
    "# 注释\u2028续\na: 1\nb: 2\nb: 3\n": (1, 5, "found the character U+2028, which YAML reads as a line break"),
    "a: 1\nb: 中文\u0085中文\n": (2, 6, "found the character U+0085, which YAML reads as a line break"),
    # an invisible direction override or joiner, which clean removes from a text: refused in a value
    "a: 1\nissuer: 重庆\u202e市\n": (2, 9, "expected text, found the invisible character U+202E"),
    "a: 1\nissuer: 重庆\u061c市\n": (2, 9, "expected text, found the invisible character U+061C"),  # a bidi mark too
    # a zero-width space is a space in a text, so a name that holds one is never found there
    "short_names: [知识产\u200b权局]\n": (1, 15, "expected text, found the invisible character U+200B"),
    "name: 知识产权\U000e0041局\n": (1, 7, "expected text, found the invisible character U+E0041"),
    # … nor a Kangxi radical or a compatibility ideograph, which a text gives as the hanzi it is
    "name: 知识产权\u2f45\n": (1, 7, "expected text, found U+2F45 (⽅), which is 方 (U+65B9) to Unicode: type 方"),
    "name: [甲, \uf900]\n": (
        1,
        11,
        "expected text, found U+F900 (\uf900), which is \u8c48 (U+8C48) to Unicode: type \u8c48",
    ),
    # … nor is a Hangul or Braille filler, which is a space there as well
    "name: 知识产权\u3164局\n": (1, 7, "expected text, found the invisible character U+3164"),
    "name: [甲, 知识\u2800产权局]\n": (1, 11, "expected text, found the invisible character U+2800"),
    "a:\n\t- x\n": (2, 1, "expected spaces (YAML allows no tab there), found a tab"),
    # a second document after ---: was "expected valid YAML, found but found another document"
    "a: 1\n---\nb: 2\n": (2, 1, "expected a single YAML document in the file (no --- after the first), found another"),
    # libyaml's words after "found" read as no sentence (expected valid YAML, found did not find expected key):
    # said in a reader's words, where the line or the bracket in question starts (review of session 42)
    "tasks:\n  x: 1\n  - task: 1\n": (3, 3, "expected a 'key: value' line indented as the keys above it, found"),
    'a: "x" y\n': (1, 8, "found a line YAML cannot read as one (indented otherwise than its neighbours, or text after"),
    "tasks:\n  - a: 1\n  b: 2\n": (3, 3, "expected a '- ' item indented as the items above it, found a line without"),
    "note: 见: 附件\n": (1, 8, "expected no ': ' here, found one (a value holding ': ' goes in quotes; or a line"),
    "- form\n  means: [x]\n": (
        2,
        8,
        "expected no ': ' here, found one (a value holding ': ' goes in quotes; or a line",
    ),
    "a: 1\n缺冒号的行\nc: 2\n": (2, 1, "expected a 'key: value' line, found a line without ': '"),
    "a: {b: 1\nc: 2\n": (1, 4, "expected the { opened here to be closed with }, found none"),
    "a: [b, c\nd: 1\n": (1, 4, "expected the [ opened here to be closed with ], found none"),
    "a: @x\n": (1, 4, "expected a value, found a character YAML reserves at the start of one (such as @, ` or %)"),
    "a: %x\n": (1, 4, "expected a value, found a character YAML reserves at the start of one (such as @, ` or %)"),
    "a: [\n": (2, 1, "expected a value here, found none (an empty item between commas, a stray ] or }, or a [ or {"),
    "a: [x, , y]\n": (1, 8, "expected a value here, found none (an empty item between commas"),
    # nine levels of nine aliases each are 9⁹ values once expanded: refused at the first alias
    "a: &a [x, x]\nb: &b [*a, *a]\n": (2, 8, "expected plain values, found the alias *a: write the value out"),
}


@pytest.mark.parametrize("text", BAD_YAML, ids=range(len(BAD_YAML)))
def test_bad_yaml_is_located(tmp_path, text):
    line, column, words = BAD_YAML[text]
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        read_yaml(path)
    assert (caught.value.location.line, caught.value.location.column) == (line, column)
    assert words in caught.value.message
    assert "found found" not in caught.value.message and "\n" not in caught.value.message


def test_a_date_that_is_no_date_is_read_as_text_for_its_field_to_refuse(tmp_path):
    """Not as a file that does not read: one wrong value in documents.yaml hid the problems of every text."""
    path = tmp_path / "x.yaml"
    path.write_text("date: 2016-13-40\npublished: 2016-12-30\n", encoding="utf-8")
    data = read_yaml(path)
    assert data["date"] == "2016-13-40" and str(data["published"]) == "2016-12-30"


def test_a_value_tagged_as_a_date_that_reads_as_none_is_read_as_text_for_its_field_to_refuse(tmp_path):
    """!!timestamp on a word no date pattern reads (x, .nan): an internal error (AttributeError in PyYAML)."""
    path = tmp_path / "x.yaml"
    path.write_text("date: !!timestamp x\npublished: !!timestamp .nan\n", encoding="utf-8")
    data = read_yaml(path)
    assert (data["date"], data["published"]) == ("x", ".nan")


def test_an_entry_that_is_not_a_mapping_is_located_at_its_own_line(tmp_path):
    path = tmp_path / "crossrefs.yaml"
    path.write_text("crossrefs:\n  - national: a\n    local: b\n  - 5\n  -\n    - x\n", encoding="utf-8")
    errors = Collector()
    assert [entry["national"] for entry in entries(path, "crossrefs", errors)] == ["a"]
    assert [(e.location.line, e.location.column, e.message) for e in errors.errors] == [
        (4, 5, "expected each entry of 'crossrefs' to be a mapping, found 5"),
        (6, 5, "expected each entry of 'crossrefs' to be a mapping, found ['x']"),
    ]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64) | st.text(max_size=64).map(lambda t: t.encode("utf-8")))
def test_any_bytes_read_as_text_or_a_located_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.txt"
        path.write_bytes(data)
        try:
            raw = read_text(path)
        except TextError as error:
            assert error.message.startswith("expected ") and ", found " in error.message
        else:
            assert not any(ord(ch) < 32 and ch not in "\t\n\r" for ch in raw.text)


@pytest.mark.parametrize(
    ("text", "found", "where"),
    [
        ("- a\n", "found a list", (1, 1)),
        ("# 机构\nx: 1\n", "found no 'agencies:'", (2, 1)),
        ("# 机构\n\nagencies: 5\n", "found 'agencies:' holding a number", (3, 11)),
        (
            "agencies:\nid: x\nname: y\n",
            "found 'agencies:' holding nothing and id, name beside it: indent its entries under it as '- ' items",
            (1, 10),
        ),
        ("agencies: {a: 1}\n", "found 'agencies:' holding a mapping", (1, 11)),
        ("", "found an empty file (for no entries, write 'agencies: []')", (1, 1)),
        ("# 机构\n", "found only comments (for no entries, write 'agencies: []')", (1, 1)),
        # a file that is one value: an internal error (TypeError) for a day in session 42, until its review
        ("5\n", "found a number", (1, 1)),
        ("true\n", "found true/false", (1, 1)),
        ("xagenciesx\n", "found text", (1, 1)),
        ("---\n", "found no value ('---' and nothing else) (for no entries, write 'agencies: []')", (1, 1)),
        ("\ufeff\n", "found an empty file (for no entries, write 'agencies: []')", (1, 1)),
    ],
)
def test_a_file_without_its_list_says_what_it_holds_in_a_readers_words(tmp_path, text, found, where):
    path = tmp_path / "agencies.yaml"
    path.write_text(text, encoding="utf-8")
    errors = Collector()
    assert entries(path, "agencies", errors) == []
    assert [str(e.message) for e in errors.errors] == [f"expected a mapping with a list 'agencies:', {found}"]
    # at the key's value, else at the one key there, else where the file starts
    assert [(e.location.line, e.location.column) for e in errors.errors] == [where]


def test_an_empty_file_that_must_have_entries_is_not_told_to_write_none(tmp_path):
    """documents.yaml and agencies.yaml must have entries: 'write documents: []', advised, was then refused
    (review of session 42)."""
    path = tmp_path / "documents.yaml"
    path.write_text("", encoding="utf-8")
    errors = Collector()
    assert entries(path, "documents", errors, required=True) == []
    assert [str(e.message) for e in errors.errors] == [
        "expected a mapping with a list 'documents:', found an empty file"
    ]


@pytest.mark.parametrize("text", ["agencies:\n", "# no agency yet\nagencies:  # none\n", "agencies: []\n"])
def test_a_list_with_every_entry_taken_out_is_an_empty_list(tmp_path, text):
    """Staff who delete a file's last entry leave its key: that was refused ('holding nothing'). An empty
    file, read as no entries until session 42, is refused: a save or re-encode cut short leaves one, and
    crossrefs.yaml so emptied published every pair staff had rejected (test_damaged_more)."""
    path = tmp_path / "agencies.yaml"
    path.write_text(text, encoding="utf-8")
    errors = Collector()
    assert entries(path, "agencies", errors) == []
    assert not errors.errors


def test_a_second_list_beside_the_files_own_is_refused_where_it_stands(tmp_path):
    """Entries written under another key (redirects pasted into crossrefs.yaml, a key mistyped beside the
    right one) were read by nothing and lost without a word (left alone in session 24's first pass)."""
    path = tmp_path / "agencies.yaml"
    path.write_text("agencies:\n  - id: a\nredirects:\n  - id: b\n", encoding="utf-8")
    errors = Collector()
    assert [e["id"] for e in entries(path, "agencies", errors)] == ["a"]
    assert [str(e) for e in errors.errors] == [
        f"{path}:3:1: expected only the key 'agencies:' at the top of agencies.yaml, found also 'redirects:', "
        "which nothing reads"
    ]
    path.write_text("agency:\n  - id: a\n", encoding="utf-8")
    errors = Collector()
    assert entries(path, "agencies", errors) == []
    assert [str(e.message) for e in errors.errors] == [
        "expected a mapping with a list 'agencies:', found no 'agencies:' ('agency:' is it, mistyped?)"
    ]


def test_a_bad_field_of_a_document_is_located_at_its_value(tmp_path):
    """Not at the entry's first line: in a long entry, staff look for the field the message names."""
    from build_scripts.errors import Collector
    from build_scripts.load.collection import load_documents

    from .helpers import tiny_source

    def messages(extra: dict) -> tuple[list[str], list[str], Path]:
        source = tiny_source(tmp_path / str(len(extra)), "一、总则\n正文。\n", extra=extra)
        errors = Collector()
        load_documents(source, errors)
        text = (source / "documents.yaml").read_text(encoding="utf-8")
        return sorted(str(e) for e in errors.errors), text.split("\n"), source

    def at(source: Path, lines: list[str], field: str) -> str:
        number = next(n for n, line in enumerate(lines, start=1) if line.lstrip().startswith(f"{field}:"))
        return f"{source / 'documents.yaml'}:{number}:{lines[number - 1].index(':') + 3}: "

    found, lines, source = messages({"date": "2017-3-1", "level": "province"})
    assert found == [
        at(source, lines, "date") + "expected 'date' of a document to be a date YYYY-MM-DD or null, found '2017-3-1'",
        at(source, lines, "level") + "expected level to be one of national, ministry, provincial, municipal, "
        "found 'province'",
    ]
    found, lines, source = messages({"source_file": "test-2020-01.txt"})
    assert found == [
        at(source, lines, "source_file") + f"expected source_file 'test-2020-01.txt' to exist in {source.as_posix()}, "
        "found no such file"
    ]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no BOM", "BOM"])
def test_an_undecodable_byte_of_a_curated_file_or_record_is_located_with_or_without_a_bom(tmp_path, bom):
    """Decoded as utf-8-sig, whose offsets count from after a byte order mark: with one (Windows Notepad's
    UTF-8), the byte was said 3 bytes early: a character early in the YAML (2:5 for 2:6), and in the
    record at the line's start (2:1 for 2:4)."""
    path = tmp_path / "x.yaml"
    path.write_bytes(bom + "a: 中文\nb: 中文".encode() + b"\xff" + "中\n".encode())
    with pytest.raises(CurationError) as caught:
        read_yaml(path)
    assert (caught.value.location.line, caught.value.location.column) == (2, 6)
    record = tmp_path / "clause_ids.tsv"
    record.write_bytes(bom + b"a\t1\nbb\t\xff\n")
    errors = Collector()
    assert read_record(record, errors, "clause-id record") is None
    assert [(e.location.line, e.location.column) for e in errors.errors] == [(2, 4)]


@pytest.mark.parametrize("key", ["~", "null", "5", "yes"])
def test_an_unknown_key_of_any_yaml_type_is_located_at_the_key(tmp_path, key):
    """A key YAML reads as null was said at the entry's first line ('- id:', two lines up), as no key; then
    (session 35) at its value; from session 38's review, at the key itself, the word the message names."""
    path = tmp_path / "agencies.yaml"
    path.write_text(f"agencies:\n  - id: a\n    name: 甲\n    {key}: x\n", encoding="utf-8")
    errors = Collector()
    (entry,) = entries(path, "agencies", errors)
    Fields(path, entry, "an agency", errors).unknown_keys(("id", "name"))
    assert [(e.location.line, e.location.column) for e in errors.errors] == [(4, 5)]


@pytest.mark.parametrize(
    ("key", "found"),
    [
        *((key, f"unknown key '{key}'") for key in ("~", "null", "NULL", "yes", "On", "0x1f", "1.50", "2016-01-01")),
        ("?", "an empty key"),  # an explicit key with nothing after the ?
    ],
)
def test_an_unknown_key_is_named_as_staff_wrote_it(tmp_path, key, found):
    """A key YAML reads as no text was named as Python shows what YAML made of it: ``~:`` as 'None', ``yes:``
    as 'True', ``0x1f:`` as '31' (left alone in session 34); staff look for what they wrote."""
    path = tmp_path / "agencies.yaml"
    written = "? \n    : x" if key == "?" else f"{key}: x"
    path.write_text(f"agencies:\n  - id: a\n    {written}\n", encoding="utf-8")
    errors = Collector()
    (entry,) = entries(path, "agencies", errors)
    Fields(path, entry, "an agency", errors).unknown_keys(("id", "name"))
    assert [e.message for e in errors.errors] == [f"expected one of id, name in an agency, found {found}"]


@pytest.mark.parametrize(
    ("key", "found"),
    [
        ("__remark", "expected one of id, name in an agency, found unknown key '__remark'"),
        ("__line__", "expected a key of the file's own, found '__line__', a name the build keeps for itself"),
    ],
)
def test_a_key_starting_with_two_underscores_is_no_key_nothing_reads(tmp_path, key, found):
    """The loader's own keys (``__line__``, ``__positions__``) start with __, and every key so written was passed
    over by the unknown-key check: ``__remark: …`` was read by nothing, without a word, and ``__line__: 3`` was
    overwritten by the loader (left alone until session 35)."""
    path = tmp_path / "agencies.yaml"
    path.write_text(f"agencies:\n  - id: a\n    name: 甲\n    {key}: x\n", encoding="utf-8")
    errors = Collector()
    try:
        (entry,) = entries(path, "agencies", errors)
    except CurationError as error:  # a key the loader keeps for itself: the file does not read
        errors.add(error)
    else:
        Fields(path, entry, "an agency", errors).unknown_keys(("id", "name"))
    assert [(e.location.line, e.location.column, e.message) for e in errors.errors] == [(4, 5, found)]


BESIDE = "expected only the key 'agencies:' at the top of agencies.yaml, found also '{}:', which nothing reads"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("agencies: []\n~: x\n", BESIDE.format("~")),
        ("agencies: []\nNo: x\n", BESIDE.format("No")),
        ("a: 1\n~: 1\nnull: 2\n", "expected each key once, found 'null' again"),
        ("a: 1\n1: 1\n0x1: 2\n", "expected each key once, found '0x1' again"),
        ("a: 1\n'b': 1\nb: 2\n", "expected each key once, found 'b' again"),
    ],
)
def test_a_key_is_quoted_as_written_in_every_message_about_it(tmp_path, text, message):
    """Beside the file's list and given twice, a key YAML reads as no text was named 'None', 'False', 1."""
    path = tmp_path / "agencies.yaml"
    path.write_text(text, encoding="utf-8")
    errors = Collector()
    try:
        entries(path, "agencies", errors)
    except CurationError as error:  # a key given twice: the file does not read
        errors.add(error)
    assert [e.message for e in errors.errors][:1] == [message]


@pytest.mark.parametrize(("written", "value"), [('""', ""), ("''", ""), ('"  "', "  ")])
def test_empty_text_is_said_to_be_empty(tmp_path, written, value):
    """``remark: ""`` was refused with "expected 'remark' … to be text, found ''", which reads as if
    text had been found; the message now says the text is empty."""
    path = tmp_path / "crossrefs.yaml"
    path.write_text(f"crossrefs:\n  - national: a\n    remark: {written}\n", encoding="utf-8")
    errors = Collector()
    [entry] = entries(path, "crossrefs", errors)
    assert Fields(path, entry, "a link", errors).text("remark", required=False) is None
    assert [str(e) for e in errors.errors] == [
        f"{path}:3:13: expected 'remark' of a link to be text, found empty text ({value!r})"
    ]


@pytest.mark.parametrize("written", ["2017-02-30", "2016-13-40", "2016-00-10"])
def test_a_date_written_right_that_no_calendar_has_is_said_so(tmp_path, written):
    """2017-02-30 was refused with "expected … a date YYYY-MM-DD", which it is written as; the message now
    says that the day does not exist."""
    path = tmp_path / "documents.yaml"
    path.write_text(f"documents:\n  - date: {written}\n", encoding="utf-8")
    errors = Collector()
    [entry] = entries(path, "documents", errors)
    assert Fields(path, entry, "a document", errors).date("date") is None
    assert [str(e) for e in errors.errors] == [
        f"{path}:2:11: expected 'date' of a document to be a date YYYY-MM-DD or null, "
        f"found '{written}', a day no calendar has"
    ]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("dropped_lines:\n      - 分享到: 微信", "'分享到: 微信'"),
        ("title:\n      来源: 中国政府网", "'来源: 中国政府网'"),
    ],
)
def test_a_text_yaml_read_as_a_key_and_value_is_told_to_be_quoted(tmp_path, written, hint):
    """From session 38's review: a chrome line with a colon (分享到: 微信) under dropped_lines was refused as
    "found {'分享到': '微信'}", which does not tell staff what to do: YAML read its colon and space as a key."""
    path = tmp_path / "documents.yaml"
    path.write_text(f"documents:\n  - slug: a\n    {written}\n", encoding="utf-8")
    errors = Collector()
    (entry,) = entries(path, "documents", errors)
    fields = Fields(path, entry, "a document", errors)
    if written.startswith("dropped_lines"):
        fields.strings("dropped_lines")
    else:
        fields.text("title")
    (message,) = [e.message for e in errors.errors]
    assert message.endswith(f"YAML reads a colon and a space as a key and its value; put the text in quotes, {hint}")


def test_a_curated_file_saved_as_gbk_is_told_to_be_saved_as_utf8(tmp_path):
    """From session 38's staff review: documents.yaml saved by an editor set to 简体中文 (GBK) was said as
    'found undecodable bytes', which tells staff neither what happened nor what to do."""
    path = tmp_path / "documents.yaml"
    path.write_bytes("documents:\n  - slug: a\n    title: 测试\n".encode("gbk"))
    with pytest.raises(CurationError) as caught:
        read_yaml(path)
    assert (caught.value.location.line, caught.value.location.column) == (3, 12)
    assert caught.value.message == "expected UTF-8 YAML, found bytes that read as GBK (GB 18030) text; save it as UTF-8"


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ('crossrefs:\n  - national: "guofa-2016-86/3-1/s6\n    local: x\n  - national: y\n', (2, 15)),
        ("terms:\n  - form: '电商\n    means: [电子商务]\n", (2, 11)),
    ],
    ids=["double", "single"],
)
def test_an_unclosed_quote_is_said_where_it_opens(tmp_path, text, at):
    """Session 40's robustness review: a quote left open at crossrefs.yaml:19 was said at the file's end (55:1: found
    unexpected end of stream), where YAML looked for its close."""
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        read_yaml(path)
    assert (caught.value.location.line, caught.value.location.column) == at
    assert caught.value.message == "expected a quoted value to end with its quote, found none before the file ends"
