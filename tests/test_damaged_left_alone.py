"""Damage earlier sessions noticed and left alone, in copies of the corpus and in small files: refused where it
stands (a located message, docs/ untouched), or read as what it shows, with nothing lost."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from build_scripts.errors import CurationError, TextError
from build_scripts.load.located_yaml import read_yaml
from build_scripts.load.texts import read_text

from .helpers import refused_after, replace, rewrite

YUFUFA = "yufufa-2016-25.txt"
PRIVATE_USE = "expected a standard character, found U+{:04X} (private use:"


@pytest.mark.parametrize("code", [0xE000, 0xE01A, 0xF8FF, 0xF0000, 0xFFFFD, 0x100000, 0x10FFFD])
def test_a_private_use_character_in_a_text_is_refused_where_it_stands(tmp_path, code):
    """Accepted and published (left alone in session 34): a box in every font but the one that typed it, or a
    vendor's glyph (a rare hanzi of a font's own, a logo) that no reader of the page has."""
    path = tmp_path / "x.txt"
    path.write_text(f"一、总则\n知识{chr(code)}产权。\n", encoding="utf-8")
    with pytest.raises(TextError) as caught:
        read_text(path)
    assert (caught.value.location.line, caught.value.location.column) == (2, 3)
    assert caught.value.message.startswith(PRIVATE_USE.format(code)), caught.value.message


@pytest.mark.parametrize(
    ("code", "found"),
    [
        (0xFFFC, "U+FFFC, the object replacement character a copy puts where a picture or other object stood"),
        (0xFFFF, "U+FFFF (a noncharacter:"),
        (0xFDD0, "U+FDD0 (a noncharacter:"),
        (0x10FFFE, "U+10FFFE (a noncharacter:"),
    ],
)
def test_a_character_that_stands_for_no_text_is_refused_where_it_stands(tmp_path, code, found):
    """A Word object's placeholder and Unicode's noncharacters were published as paragraphs (a line of one) or
    inside a sentence, a box or nothing on the page (left alone in session 34), as U+FFFD no longer is."""
    path = tmp_path / "x.txt"
    path.write_text(f"一、总则\n知识{chr(code)}产权。\n", encoding="utf-8")
    with pytest.raises(TextError) as caught:
        read_text(path)
    assert (caught.value.location.line, caught.value.location.column) == (2, 3)
    assert caught.value.message.startswith(f"expected text, found {found}"), caught.value.message


def test_a_private_use_character_is_said_with_the_texts_other_problems(tmp_path):
    def damage(source):
        replace(YUFUFA, "培育壮大", "培育\ue01a壮大")(source)
        replace(YUFUFA, "（三）健全知识产权服务机制", "（四）健全知识产权服务机制")(source)

    lines = refused_after(tmp_path, damage).splitlines()
    assert lines[0].startswith(f"source_texts/{YUFUFA}:23:5: {PRIVATE_USE.format(0xE01A)}"), lines
    assert lines[1].startswith(f"source_texts/{YUFUFA}:41:3: expected subsection （三）"), lines
    assert lines[2:] == ["2 problem(s) found; docs/ was not changed."], lines


def test_a_private_use_character_in_a_curated_value_is_refused_where_it_stands(tmp_path):
    path = tmp_path / "agencies.yaml"
    path.write_text("agencies:\n  - id: a\n    name: 知识产权\ue000局\n", encoding="utf-8")
    with pytest.raises(CurationError) as caught:
        read_yaml(path)
    assert str(caught.value) == f"{path}:3:11: expected text, found the private-use character U+E000"


def test_a_goals_range_written_backwards_is_published_as_written_with_its_ends_in_order(tmp_path):
    """59号's 建成3—4个 typed 建成4—3个 (and its goal in indicators.yaml with it): the words are the text's, but the
    open data gave the range a low end of 4 and a high end of 3, and the chart drew a 2-pixel bar beyond its
    scale, its 4—3 个 outside the picture (left alone in session 34). The ends are read in order, the words
    published as written, and the doubt said as a warning at the range."""
    from .helpers import generate_in, generated_copy, read_page

    source = generated_copy(tmp_path)
    replace("guozhifaguanzi-2015-59.txt", "建成3—4个引领型", "建成4—3个引领型")(source)
    replace("indicators.yaml", "goal: 建成3—4个引领型", "goal: 建成4—3个引领型")(source)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (
        "source_texts/guozhifaguanzi-2015-59.txt:49:5: warning: expected the range of the goal of indicator "
        "'leading-ip-provinces' from its low end to its high end, found '4—3': read as 3 to 4; is a number mistyped?"
    ) in proc.stderr.splitlines(), proc.stderr
    records = json.loads((tmp_path / "docs/data/indicators.json").read_text(encoding="utf-8"))
    record = next(r for r in records if r["id"] == "leading-ip-provinces")
    assert (record["target_text"], record["target_low"], record["target_high"]) == ("4—3", 3, 4)
    chart = re.search(
        r'<rect class="bar bar-range" x="([\d.]+)" y="\d+" width="([\d.]+)"',
        read_page(tmp_path / "docs/indicators/leading-ip-provinces.md"),
    )
    assert chart is not None and float(chart[1]) + float(chart[2]) <= 360 and float(chart[2]) > 2, chart
    assert "4—3 个" in read_page(tmp_path / "docs/indicators/leading-ip-provinces.md")


def test_a_body_start_that_starts_thousands_of_lines_names_a_few(tmp_path):
    """yufufa's first line of the body pasted 5,000 times: the message named every line, 29 KB on one line."""
    start = "知识产权制度是激励创新的基本保障。"
    lines = refused_after(tmp_path, replace(YUFUFA, start, f"{start}\n" * 5000)).splitlines()
    assert lines[0].endswith(
        f"expected body_starts_at {start!r} to start one line of {YUFUFA}, found 5000 (lines 13, 14, 15, 16, "
        "17, 18, 19, 20, 21 … 5012): write more of the line meant"
    ), lines[0][:300]


def test_a_web_pages_line_with_a_kangxi_radical_is_dropped_as_documents_yaml_lists_it(tmp_path):
    """59号's 关闭窗口 line with the Kangxi radical ⼝ (U+2F1D) for 口, as a copy from a PDF gives it: documents.yaml
    lists it as 关闭窗口 (a value refuses the radical), and the line was not found to drop: 'found no such line'."""
    from .helpers import generate_in, generated_copy

    source = generated_copy(tmp_path)
    before = (tmp_path / "docs/data/clauses.json").read_bytes()
    replace("guozhifaguanzi-2015-59.txt", "\n关闭窗口\n", "\n关闭窗\u2f1d\n")(source)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "docs/data/clauses.json").read_bytes() == before
    documents = json.loads((tmp_path / "docs/data/documents.json").read_text(encoding="utf-8"))
    dropped = next(d["dropped_lines"] for d in documents if d["id"] == "guozhifaguanzi-2015-59")
    assert "关闭窗\u2f1d" in [line["text"] for line in dropped], dropped


def test_a_user_defined_character_of_a_gbk_text_is_said_as_private_use_not_as_another_encoding(tmp_path):
    """GBK's user-defined area (bytes AAA1–AFFE, F8A1–FEFE, A140–A7A0) decodes to the private-use area: a GBK text
    with one such character (a rare hanzi a font of its own drew) was said to be 'Big5 or Shift-JIS?'."""

    def gbk_with_a_user_defined_character(data: bytes) -> bytes:
        return (
            data.decode("utf-8").encode("gbk").replace("培育壮大".encode("gbk"), "培育".encode("gbk") + b"\xaa\xa1", 1)
        )

    lines = refused_after(tmp_path, rewrite(YUFUFA, gbk_with_a_user_defined_character)).splitlines()
    assert lines[0].startswith(f"source_texts/{YUFUFA}:23:5: {PRIVATE_USE.format(0xE000)}"), lines


LOOP = "a symbolic link that leads back to itself"


@pytest.mark.parametrize(
    ("looped", "expected"),
    [
        ("source_texts", f"source_texts:1:1: expected a folder of source texts and curated YAML, found {LOOP}"),
        ("docs", f"docs:1:1: expected a folder to write pages into, found {LOOP}"),
    ],
)
@pytest.mark.parametrize("command", ["generate", "check", "build"])
def test_a_folder_that_is_a_symbolic_link_loop_is_located(tmp_path, looped, expected, command):
    """source_texts or docs a link to a link back to it (ln -s loop docs; ln -s docs loop): an internal error
    (RuntimeError: Symlink loop, from Path.resolve), exit 3."""
    from .helpers import MKDOCS_YML, copy_sources, run_cli

    copy_sources(tmp_path)
    if looped == "source_texts":
        shutil.rmtree(tmp_path / "source_texts")
    (tmp_path / looped).symlink_to("loop")
    (tmp_path / "loop").symlink_to(looped)
    if command == "build":
        (tmp_path / "overrides").symlink_to(MKDOCS_YML.parent / "overrides")
    config = ["--config-file", str(shutil.copy(MKDOCS_YML, tmp_path))] if command == "build" else []
    proc = run_cli(command, "--source", "source_texts", "--docs", "docs", *config, cwd=tmp_path)
    if command == "check" and looped == "docs":  # check writes nothing: a docs/ it cannot read is no last build
        assert proc.returncode == 0 and "internal error" not in proc.stderr, proc.stderr
        return
    assert proc.returncode == 1 and "internal error" not in proc.stderr, proc.stderr
    assert proc.stderr.splitlines()[0] == expected, proc.stderr
