"""More damaged copies of the corpus through the real CLI: each gets located messages
(`path:line:column: expected …, found …`), exit 1, no traceback, and docs/ left as it was."""

from __future__ import annotations

import errno
import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from build_scripts import pipeline
from build_scripts.errors import OutputError
from build_scripts.load import files

from .helpers import (
    LOCATED,
    copy_sources,
    generated_copy,
    mkdocs_build,
    refused,
    refused_after,
    replace,
    rewrite,
    run_cli,
)
from .helpers import generate_in as generate
from .helpers import tree_digest as digest

TASK1 = "（知识产权局负责）\n2.积极"


def encoded(name: str, encoding: str):
    """The file saved in another encoding than UTF-8."""
    return rewrite(name, lambda b: b.decode().encode(encoding))


def gbk_with_bad_byte_on_line_13(data: bytes) -> bytes:
    lines = data.decode("utf-8").encode("gbk").split(b"\n")
    return b"\n".join([*lines[:12], b"\xff" + lines[12], *lines[13:]])


def gbk_with_control_on_line_13(control: bytes):
    """The text saved as GBK with a control character at the start of line 13: GBK text, damaged there."""

    def make(data: bytes) -> bytes:
        lines = data.decode("utf-8").encode("gbk").split(b"\n")
        return b"\n".join([*lines[:12], control + lines[12], *lines[13:]])

    return make


def gbk_with_a_utf8_line(number: int, text: str | None = None):
    """The text saved as GBK but for its line ``number`` (``text`` there instead, if given), saved as UTF-8:
    a line pasted in from another file."""

    def make(data: bytes) -> bytes:
        lines = data.decode("utf-8").split("\n")
        if text is not None:
            lines[number - 1] = text
        return b"\n".join(line.encode("utf-8" if n == number else "gbk") for n, line in enumerate(lines, 1))

    return make


CASES = {  # what was broken → (damage, the message it must give)
    "documents.yaml empty": (
        rewrite("documents.yaml", lambda b: b""),
        r"documents\.yaml:1:1: expected a mapping with a list 'documents:', found an empty file\n",
    ),
    "documents.yaml with no entries": (
        rewrite("documents.yaml", lambda b: b"documents: []\n"),
        r"documents\.yaml:1:1: expected at least one entry under 'documents:', found none",
    ),
    "impossible date": (
        replace("documents.yaml", "date: 2016-12-30", "date: 2016-13-40"),
        r":\d+:11: .*found '2016-13-40'",
    ),
    "source_file outside": (
        replace("documents.yaml", "source_file: yufufa-2016-25.txt", "source_file: ../../x.txt"),
        "a file name in",
    ),
    "source_file too long a name": (  # the file system refuses the name: was an internal error (OSError)
        replace("documents.yaml", "source_file: yufufa-2016-25.txt", "source_file: " + "x" * 300 + ".txt"),
        r"documents\.yaml:\d+:18: expected source_file 'x{300}\.txt' to exist in source_texts, found a name the "
        r"file system refuses \(File name too long\)\n",
    ),
    "title over lines": (
        replace("documents.yaml", "issuer: 重庆市人民政府", 'issuer: "重庆\\n# 注入"'),
        "one line of text",
    ),
    "documents.yaml a folder": (
        lambda s: ((s / "documents.yaml").unlink(), (s / "documents.yaml").mkdir()),
        r"documents\.yaml:1:1: expected a readable curated YAML file, found a folder, not a regular file\n",
    ),
    "NUL byte": (rewrite("yufufa-2016-25.txt", lambda b: b.replace("培育".encode(), b"\0", 1)), r":\d+:\d+: .*U\+0000"),
    "GBK bad byte": (
        rewrite("yufufa-2016-25.txt", gbk_with_bad_byte_on_line_13),
        r"25\.txt:13:1: expected GBK text, found .* ff",
    ),
    "a character an earlier conversion lost (U+FFFD)": (  # was published as 培育��, without a word
        rewrite("yufufa-2016-25.txt", lambda b: b.replace("培育壮大".encode(), "培育\ufffd\ufffd".encode(), 1)),
        r"25\.txt:23:5: expected text, found U\+FFFD, the replacement character a conversion puts for one it "
        r"could not read: convert the file again from the original\n",
    ),
    "U+FFFD said with the text's other problems": (
        lambda source: [
            rewrite("yufufa-2016-25.txt", lambda b: b.replace("培育壮大".encode(), "培育\ufffd".encode(), 1))(source),
            replace("yufufa-2016-25.txt", "（三）健全知识产权服务机制", "（四）健全知识产权服务机制")(source),
        ],
        r"25\.txt:23:5: expected text, found U\+FFFD.*\n.*25\.txt:41:3: expected subsection （三）",
    ),
    "GBK with a NUL byte": (  # was "expected UTF-8 (or GBK) text, found undecodable bytes" at the first hanzi
        rewrite("yufufa-2016-25.txt", gbk_with_control_on_line_13(b"\0")),
        r"25\.txt:13:1: expected text, found the control character U\+0000\n",
    ),
    "GBK with a form feed": (
        rewrite("yufufa-2016-25.txt", gbk_with_control_on_line_13(b"\x0c")),
        r"25\.txt:13:1: expected text, found the control character U\+000C\n",
    ),
    "GBK with a line in UTF-8 that reads as GBK": (  # was published as 鍔犲揩鎺ㄨ繘, without a word
        rewrite("yufufa-2016-25.txt", gbk_with_a_utf8_line(22, "加快推进")),
        r"25\.txt:22:1: expected GBK text like the rest of the file, found a line saved as UTF-8 \('加快推进'\); "
        r"save the whole file as UTF-8\n",
    ),
    "GBK with a line in UTF-8 that does not": (  # was "expected GBK text, found undecodable bytes 80 e3" at 23:2
        rewrite("yufufa-2016-25.txt", gbk_with_a_utf8_line(23)),
        r"25\.txt:23:1: expected GBK text like the rest of the file, found a line saved as UTF-8 "
        r"\('培育壮大知识产权密集型产业。集成创新资源…'\); save the whole file as UTF-8\n",
    ),
    "GBK with words in UTF-8 inside a line": (  # was published as 闆嗘垚鍒涙柊资源, without a word
        rewrite(
            "yufufa-2016-25.txt",
            lambda data: data.decode("utf-8").encode("gbk").replace("集成创新".encode("gbk"), "集成创新".encode(), 1),
        ),
        r"25\.txt:23:17: expected GBK text like the rest of the file, found words saved as UTF-8 \('集成创新', which "
        r"GBK reads as '闆嗘垚鍒涙柊'\); type them again in this file, or save the whole file as UTF-8\n",
    ),
    "UTF-16": (encoded("yufufa-2016-25.txt", "utf-16"), "found UTF-16"),
    "UTF-32": (  # its byte order mark starts with UTF-16's
        encoded("yufufa-2016-25.txt", "utf-32"),
        r"25\.txt:1:1: expected UTF-8 \(or GBK\) text, found UTF-32 \(byte order mark\); save it as UTF-8",
    ),
    "YAML in UTF-32": (
        encoded("agencies.yaml", "utf-32"),
        r"agencies\.yaml:1:1: expected UTF-8 YAML, found UTF-32; save it as UTF-8",
    ),
    "UTF-16 without a BOM": (
        encoded("yufufa-2016-25.txt", "utf-16-le"),
        r"25\.txt:1:1: expected UTF-8 \(or GBK\) text, found UTF-16 without a byte order mark; save it as UTF-8",
    ),
    "YAML in UTF-16": (
        encoded("agencies.yaml", "utf-16-be"),
        r"agencies\.yaml:1:1: expected UTF-8 YAML, found UTF-16; save it as UTF-8",
    ),
    "66 no parenthetical": (
        replace("guobanhan-2016-66.txt", TASK1, "\n2.积极"),
        r"66\.txt:32:40: expected task 1 to end in",  # just after the text: where it is missing
    ),
    "66 unbalanced": (
        replace("guobanhan-2016-66.txt", TASK1, "（知识产权局负责\n2.积极"),
        "found '…同志担任召集人。（知识产权局负责'",
    ),
    "66 empty agency": (
        replace("guobanhan-2016-66.txt", TASK1, "（知识产权局、负责）\n2.积极"),
        "found none in （知识产权局、负责）",
    ),
    "a text documents.yaml does not list": (  # it would never be published: nothing lost
        lambda source: (source / "extra-2016-1.txt").write_text("一、总则\n正文。\n", encoding="utf-8"),
        r"extra-2016-1\.txt:1:1: expected a documents\.yaml entry with source_file: extra-2016-1\.txt "
        r"\(notes go in \.md files\), found none",
    ),
    "a .txt link to no file": (  # passed unsaid: only regular files were asked for an entry (review, session 42)
        lambda source: (source / "notes.txt").symlink_to("gone.txt"),
        r"notes\.txt:1:1: expected a documents\.yaml entry with source_file: notes\.txt \(notes go in \.md files\), "
        r"found none \(it is a symbolic link to gone\.txt, which leads to no file\)",
    ),
    "a folder named .txt": (
        lambda source: (source / "notes.txt").mkdir(),
        r"notes\.txt:1:1: expected a documents\.yaml entry with source_file: notes\.txt .*found none \(it is a folder\)",
    ),
    "notes saved as .TXT": (
        lambda source: (source / "Notes.TXT").write_text("备忘\n", encoding="utf-8"),
        r"Notes\.TXT:1:1: expected a documents\.yaml entry with source_file: Notes\.TXT",
    ),
    "agencies.yaml empty": (
        rewrite("agencies.yaml", lambda b: b"agencies: []\n"),
        r"agencies\.yaml:1:1: expected at least one entry under 'agencies:', found none",
    ),
    "agencies.yaml missing": (
        lambda source: (source / "agencies.yaml").unlink(),
        r"agencies\.yaml:1:1: expected the agency register, which guobanhan-2016-66\.txt needs .*found no such file",
    ),
    "two numberings, one id": (  # an item 1. before section 一、 would be clause …/1 as well
        replace("guobanfa-2016-106.txt", "\n一、总体要求", "\n1.前言条目。\n一、总体要求"),
        r"106\.txt:\d+:1: expected one kind of numbering per level, found section 一、 after item 1\. of line \d+: "
        r"both would be clause guobanfa-2016-106/1\n",
    ),
    "two numberings under a subsection": (  # （1） and 1. under one （一）: both would be …/2-1-1
        replace(
            "yufufa-2016-25.txt",
            "\n　　培育壮大知识产权密集型产业",
            "\n（1）甲。\n1.乙。\n　　培育壮大知识产权密集型产业",
        ),
        r"25\.txt:\d+:1: expected one kind of numbering per level, found item 1\. after sub-item （1） of line",
    ),
    "one text listed twice": (  # under two slugs, every clause would be published twice
        replace("documents.yaml", "source_file: guofa-2016-86.txt", "source_file: guobanhan-2016-66.txt"),
        r"documents\.yaml:72:18: expected each source_file once, found 'guobanhan-2016-66\.txt' again "
        r"\(first at line 54\)",
    ),
    "one 文号, two documents": (  # which would 实施依据 and a text's 《…》（国发〔2016〕86号） name?
        replace("documents.yaml", "doc_number: 渝府发〔2016〕25号", "doc_number: 国发〔2016〕86号"),
        r"documents\.yaml:137:17: expected each doc_number once, found '国发〔2016〕86号' again \(first at line 66\)",
    ),
    "an external 文号 twice": (  # one title would be dropped unsaid
        rewrite(
            "external.yaml", lambda data: data + "  - doc_number: 国发〔2015〕71号\n    title: 另一标题\n".encode()
        ),
        r"external\.yaml:5:17: expected each doc_number once, found '国发〔2015〕71号' again \(first at line 3\)",
    ),
    "an external document the collection has": (  # its entry would never be shown
        rewrite("external.yaml", lambda data: data + "  - doc_number: 国发〔2016〕86号\n    title: 规划\n".encode()),
        r"external\.yaml:\d+:17: expected a document not in the collection, found '国发〔2016〕86号' \(documents\.yaml line \d+\)",
    ),
    # a 文号 in implements that no list holds was shown as 国发〔2015〕17号（本站未收录）: a typo published as a fact
    "implements a 文号 no list holds": (
        replace("documents.yaml", "implements: 国发〔2015〕71号", "implements: 国发〔2015〕17号"),
        r"documents\.yaml:53:17: expected implements to be the 文号 of a document in documents\.yaml or "
        r"external\.yaml, found '国发〔2015〕17号'",
    ),
    # crossrefs messages were located at the entry ('- slug:', ten lines above); now at the value
    "crossrefs role misspelt": (
        replace("documents.yaml", "crossrefs: national", "crossrefs: nation"),
        r"documents\.yaml:73:16: expected crossrefs to be one of tasks, national, local \(or no crossrefs\), "
        r"found 'nation'",
    ),
    "two local documents": (  # which one's sentences would be matched?
        replace(
            "documents.yaml",
            "source_file: guobanfa-2016-106.txt\n    crossrefs: national",
            "source_file: guobanfa-2016-106.txt\n    crossrefs: local",
        ),
        r"documents\.yaml:144:16: expected one document with crossrefs: local, found a second \(the first at line \d+\)",
    ),
    "tasks numbered by section": (  # the matcher reads tasks t1, t2 … numbered through the document
        lambda source: [
            replace("documents.yaml", "crossrefs: tasks", "crossrefs: national")(source),
            replace("documents.yaml", "86.txt\n    crossrefs: national", "86.txt\n    crossrefs: tasks")(source),
        ],
        r"documents\.yaml:73:16: expected crossrefs: tasks on a document whose tasks are numbered through it "
        r"\(numbering: \{items: global\}\), found its items numbered by section",
    ),
    "tasks of an unknown kind": (
        replace("documents.yaml", "{kind: subsection, sections: [2]}", "{kind: subsections, sections: [二]}"),
        # at each value in the flow mapping (columns 16 and 39), not at its { (9): review of session 42
        r"documents\.yaml:\d+:16: expected the kind of tasks to be one of chapter, article, section, subsection, item, subitem, box, "
        r"paragraph, found 'subsections'\n.*documents\.yaml:\d+:39: expected the sections of tasks to be a list of "
        r"section numbers \(4 for 四、\), found \['二'\]",
    ),
    "tasks as an empty list": (
        replace(
            "documents.yaml",
            "    tasks:  # 二、主要任务: its subsections\n      - {kind: subsection, sections: [2]}\n",
            "    tasks: []\n",
        ),
        r"documents\.yaml:100:12: expected at least one \{kind, sections, depth\} under tasks \(or no tasks\), "
        r"found an empty list",
    ),
    # Found by mutation fuzzing (seed-free sweep: each key's value given another YAML type): these were
    # located at the document's entry (its '- slug:' line, 11 lines above the tasks or tables written wrong)
    "tasks as a mapping": (
        replace(
            "documents.yaml",
            "tasks:  # 四、重点工作 and 五、重大专项 items, and the 专栏 projects\n      - {kind: item, sections: [4, 5]}\n"
            "      - {kind: box}\n",
            "tasks: {kind: box}\n",
        ),
        r"documents\.yaml:74:12: expected tasks to be a list of \{kind, sections, depth\}, found \{'kind': 'box'\}",
    ),
    "a tasks entry that is no mapping": (
        replace("documents.yaml", "      - {kind: box}\n", "      - 5\n"),
        r"documents\.yaml:76:9: expected each of tasks to be a mapping of kind, sections and depth, found 5\n",
    ),
    "tables as text": (
        replace(
            "documents.yaml",
            "    tables:\n      - caption: “十三五”知识产权保护和运用主要指标\n        columns: [指标, 2015年, 2020年, 累计增加值, 属性]\n",
            "    tables: 主要指标\n",
        ),
        r"documents\.yaml:78:13: expected tables to be a list, found '主要指标'",
    ),
    # Said in the parse and link stages of values documents.yaml gives, located at its entry (the '- slug:'
    # line, up to 16 lines above): now at the value, as the load stage says its own
    "a body start the text lacks": (
        replace(
            "documents.yaml",
            "body_starts_at: 知识产权综合管理改革试点总体方案",
            "body_starts_at: 知识产权综合改革试点总体方案",
        ),
        r"documents\.yaml:102:21: expected a line starting with body_starts_at '知识产权综合改革试点总体方案' in "
        r"guobanfa-2016-106\.txt, found none\n",
    ),
    "a body close the text lacks": (
        replace(
            "documents.yaml",
            "    dropped_lines: []\n",
            "    body_close_starts_at: 各部门要按照本方案精神\n    dropped_lines: []\n",
        ),
        r"documents\.yaml:58:27: expected a line starting with body_close_starts_at '各部门要按照本方案精神' in the body "
        r"of guobanhan-2016-66\.txt, found none\n",
    ),
    "a closing start the text lacks": (
        replace(
            "documents.yaml",
            "    dropped_lines: []\n",
            "    closing_starts_at: 国务院办公厅秘书局\n    dropped_lines: []\n",
        ),
        r"documents\.yaml:58:24: expected a line starting with closing_starts_at '国务院办公厅秘书局' after the body "
        r"of guobanhan-2016-66\.txt, found none\n",
    ),
    "a table caption the text lacks": (
        replace(
            "documents.yaml", "caption: “十三五”知识产权保护和运用主要指标", "caption: “十三五”知识产权保护主要指标"
        ),
        r"documents\.yaml:79:18: expected a line '“十三五”知识产权保护主要指标' \(the caption of a table in tables\) in the "
        r"body of guofa-2016-86\.txt, found none\n",
    ),
    "a numbering of items misspelt": (  # at the word, not at the { that opens the numbering
        replace("documents.yaml", "numbering: {items: global}", "numbering: {items: globl}"),
        r"documents\.yaml:57:24: expected numbering to be \{items: nested\} or \{items: global\}, found 'globl'\n",
    ),
    "a numbering key misspelt": (  # was read as no numbering given: items numbered by section, 66号's 27 out of order
        replace("documents.yaml", "numbering: {items: global}", "numbering: {item: global}"),
        r"documents\.yaml:57:17: expected only the key items in numbering, found unknown key 'item': is it items, mistyped\?\n",
    ),
    "a table that is no mapping": (
        replace(
            "documents.yaml",
            "      - caption: “十三五”知识产权保护和运用主要指标\n        columns: [指标, 2015年, 2020年, 累计增加值, 属性]\n",
            "      - 主要指标\n",
        ),
        r"documents\.yaml:79:9: expected each table to be a mapping, found '主要指标'\n",
    ),
    # The same sweep's values of indicators.yaml and agencies.yaml that were located at their entry ('- id:')
    "an indicator row that is no table row": (
        replace("indicators.yaml", "row: guofa-2016-86/table1/r1\n", "row: guofa-2016-86/table1\n"),
        r"indicators\.yaml:23:10: expected 'row' to be the clause id of a table row, found 'guofa-2016-86/table1'",
    ),
    "an indicator clause the texts lack": (
        replace(
            "indicators.yaml", "clause: guozhifaguanzi-2015-59/1-3/p2\n", "clause: guozhifaguanzi-2015-59/1-3/p9\n"
        ),
        r"indicators\.yaml:81:13: expected 'clause' to be a clause id of the texts, found 'guozhifaguanzi-2015-59/1-3/p9'",
    ),
    "goal words the clause lacks": (
        replace("indicators.yaml", "goal: 建成3—4个引领型知识产权强省\n", "goal: 建成5个引领型知识产权强省\n"),
        r"indicators\.yaml:82:11: expected the goal words to occur in guozhifaguanzi-2015-59/1-3/p2, found '建成5个",
    ),
    "an agency kind that is none": (
        replace(
            "agencies.yaml",
            "    kind: party_organ\n    successor: {name: 中央全面深化改革委员会",
            "    kind: party\n    successor: {name: 中央全面深化改革委员会",
        ),
        r"agencies\.yaml:18:11: expected kind to be one of .*, found 'party'",
    ),
    "a successor that is text": (
        replace(
            "agencies.yaml",
            "    successor: {name: 中央全面深化改革委员会, year: 2018, note: 2018年深化党和国家机构改革方案，中央全面深化改革领导小组改为中央全面深化改革委员会}\n",
            "    successor: 中央全面深化改革委员会\n",
        ),
        r"agencies\.yaml:19:16: expected successor to be a mapping with name, year, note or null, found '中央全面深化改革委员会'",
    ),
    "tasks of a kind given as a list": (
        replace("documents.yaml", "- {kind: box}", "- {kind: [box]}"),
        r"documents\.yaml:\d+:16: expected the kind of tasks to be one of .*, found \['box'\]",
    ),
    "tasks that name no clause": (  # a typo would take every task page of the document away
        replace("documents.yaml", "{kind: item, sections: [2]}", "{kind: item, sections: [9]}"),
        r"documents\.yaml:\d+:9: expected the tasks scope to name clauses of guozhifaguanzi-2015-59, "
        r"found no item under section 9",
    ),
    "tasks that name a section beside a right one": (  # section 五、's task pages would go, unsaid (review, session 42)
        replace("documents.yaml", "{kind: item, sections: [4, 5]}", "{kind: item, sections: [4, 9]}"),
        r"documents\.yaml:\d+:9: expected each section of the tasks scope to name clauses of guofa-2016-86, "
        r"found no item under section 9",
    ),
    "crossrefs role as a mapping": (  # the loader's line keys are not shown
        replace("documents.yaml", "crossrefs: national", "crossrefs: {national: true}"),
        r"documents\.yaml:73:16: expected crossrefs to be one of .*, found \{'national': true\}\n",
    ),
    "66 without its crossrefs role": (  # every 对照 page would go, and staff decisions with them, unsaid
        replace("documents.yaml", "    crossrefs: tasks\n", ""),
        r"crossrefs\.yaml:\d+:5: expected documents with crossrefs: tasks and crossrefs: local in documents\.yaml, "
        r"whose links these decisions are on, found no tasks document\n.*task_terms\.yaml:\d+:5: expected a "
        r"document with crossrefs: tasks in documents\.yaml, whose tasks these are, found none",
    ),
    "tasks on a document numbered through": (  # its items are its tasks already
        replace(
            "documents.yaml", "numbering: {items: global}", "numbering: {items: global}\n    tasks: [{kind: item}]"
        ),
        r"documents\.yaml:58:12: expected no tasks on a document whose items are numbered through it",
    ),
    "a blank short name": (  # '' is found at every character of every text: a mention of the agency at each
        replace("agencies.yaml", "short_names: [中央组织部]", "short_names: [中央组织部, ' ']"),
        r"agencies\.yaml:25:26: expected each of 'short_names' of an agency to be text, found empty text \(' '\)",
    ),
    "a blank indicator variant": (
        replace("indicators.yaml", "variants: [知识产权质押融资额]", "variants: [知识产权质押融资额, '']"),
        r"indicators\.yaml:50:27: expected each of 'variants' of an indicator to be text, found empty text \(''\)",
    ),
    "provenance not text": (  # was shown on the page as the loader's mapping, line keys and all
        replace("documents.yaml", "      date: 文本落款（2016年7月8日）", "      date: {文本落款: 2016年7月8日}"),
        r"documents\.yaml:\d+:13: expected the provenance of 'date' to be text, found \{'文本落款': '2016年7月8日'\}\n",
    ),
    "provenance of no field": (  # a misspelt field: the note would stand under a name no value has
        replace("documents.yaml", "      date: 文本落款（2016年7月8日）", "      data: 文本落款（2016年7月8日）"),
        r"documents\.yaml:\d+:7: expected one of slug, .* in provenance, found unknown key 'data'",
    ),
    "a date as a week": (  # ISO 8601 allows it (2016-12-30), but staff meant something else
        replace("documents.yaml", "date: 2016-12-30", "date: 2016-W52-5"),
        r"documents\.yaml:\d+:11: expected 'date' of a document to be a date YYYY-MM-DD or null, found '2016-W52-5'\n",
    ),
    "a date without hyphens": (
        replace("documents.yaml", "date: 2016-12-30", "date: 20161230"),
        r"documents\.yaml:\d+:11: expected 'date' of a document to be a date YYYY-MM-DD or null, found 20161230\n",
    ),
    "a date as a mapping": (  # the loader's line keys are not shown
        replace("documents.yaml", "date: 2016-12-30", "date: {年: 2016}"),
        r"documents\.yaml:\d+:11: expected 'date' of a document to be a date YYYY-MM-DD or null, found \{'年': 2016\}\n",
    ),
    "a successor year as a mapping": (
        replace("agencies.yaml", "year: 2018,", "year: {年: 2018},"),
        r"agencies\.yaml:\d+:\d+: expected successor year to be a year like 2018 or null, found \{'年': 2018\}\n",
    ),
    "66 nobody after 牵头，": (  # was read as 知识产权局 leading and nobody taking part
        replace("guobanhan-2016-66.txt", TASK1, "（知识产权局牵头，负责）\n2.积极"),
        r"66\.txt:32:40: expected an agency name at each 、 and after 牵头， in the parenthetical of task 1, "
        r"found none in （知识产权局牵头，负责）",
    ),
    "an agency id that is the list's page": (  # agencies/index.md twice: an internal error in a copy
        lambda source: [  # without the record of published pages (which would ask for the old page first)
            replace("agencies.yaml", "  - id: cpc-organization", "  - id: index")(source),
            (source / "published_pages.tsv").unlink(),
        ],
        r"agencies\.yaml:\d+:5: expected an agency id other than index \(the list has that page\), found 'index'\n",
    ),
    "an agency id that is the matrix's page": (  # agencies/matrix.md twice: an internal error (exit 3)
        lambda source: [
            replace("agencies.yaml", "  - id: cpc-organization", "  - id: matrix")(source),
            (source / "published_pages.tsv").unlink(),
        ],
        r"agencies\.yaml:\d+:5: expected an agency id other than matrix \(the matrix of agencies and sections has "
        r"that page\), found 'matrix'\n",
    ),
    "an indicator id that is the list's page": (
        lambda source: [
            replace("indicators.yaml", "  - id: pct-applications", "  - id: index")(source),
            (source / "published_pages.tsv").unlink(),
        ],
        r"indicators\.yaml:\d+:5: expected an indicator id other than index \(the list has that page\), found 'index'\n",
    ),
    # an indicator cell's damage is said at the cell, in the text (it was said at the indicators.yaml entry)
    "an indicator cell that is no number": (  # was published as a missing value (null)
        replace("guofa-2016-86.txt", "\t6.3\n", "\t约六\n"),
        r"(?m)^source_texts/guofa-2016-86\.txt:26:2: expected the 2015年 cell of guofa-2016-86/table1/r1 to be a number "
        r"in 件 or —, found '约六'\n",
    ),
    "a percent sign in a cell whose row counts 件": (  # was published as the target 12 件
        replace("guofa-2016-86.txt", "\t12\n", "\t12%\n"),
        r"(?m)^source_texts/guofa-2016-86\.txt:27:2: expected the 2020年 cell of guofa-2016-86/table1/r1 to be a number "
        r"in 件 or —, found '12%'\n",
    ),
    "an indicator cell too large for JSON": (  # was published as Infinity, which no JSON reader takes
        replace("guofa-2016-86.txt", "\t6.3\n", "\t" + "9" * 400 + "\n"),
        r"(?m)^source_texts/guofa-2016-86\.txt:26:2: expected the 2015年 cell of guofa-2016-86/table1/r1 to be a number "
        r"JSON can hold, found 9{20}… \(400 digits\)\n",
    ),
    "a stray | in an indicator cell": (  # a Markdown table's bar left in the text
        replace("guofa-2016-86.txt", "\t3\n\t6\n\t3\n", "\t3\n\t6\n\t　3 |\n"),
        r"(?m)^source_texts/guofa-2016-86\.txt:34:3: expected the 累计增加值 cell of guofa-2016-86/table1/r2 to be a "
        r"number in 万件 or —, found '3 \|'\n",
    ),
    "a stray | in an indicator's attribute cell": (  # was published as the attribute '预期性 |'
        replace("guofa-2016-86.txt", "\t5.7\n\t预期性\n", "\t5.7\n\t预期性 |\n"),
        r"(?m)^source_texts/guofa-2016-86\.txt:29:2: expected the 属性 cell of guofa-2016-86/table1/r1 to be "
        r"预期性, 约束性 or —, found '预期性 \|'\n",
    ),
    "a | alone on a line of a table row": (  # was said at the row's first line, 25
        replace("guofa-2016-86.txt", "\t5.7\n", "\t5.7\n\t|\n"),
        r"(?m)^source_texts/guofa-2016-86\.txt:29:2: expected 5 cells in row 1 of table '“十三五”知识产权保护和运用主要指标', "
        r"one a line, found 6: a \| \(a Markdown table's bar\?\) in '\|'\n",
    ),
    "a table row written as a Markdown table's": (  # was said at the row's first line, 25
        replace("guofa-2016-86.txt", "\t6.3\n\t12\n\t5.7\n", "\t6.3 | 12 | 5.7\n"),
        r"(?m)^source_texts/guofa-2016-86\.txt:26:6: expected 5 cells in row 1 of table '“十三五”知识产权保护和运用主要指标', "
        r"one a line, found 3: a \| \(a Markdown table's bar\?\) in '6\.3 \| 12 \| 5\.7'\n",
    ),
    "66 two parentheticals": (  # the roles came from the last one, the first was left in the task's text
        replace("guobanhan-2016-66.txt", TASK1, "（知识产权局负责）（发展改革委负责）\n2.积极"),
        r"66\.txt:32:40: expected task 1 to end in one parenthetical like （A、B负责）, "
        r"found two: （知识产权局负责）（发展改革委负责）\n",
    ),
    "a table without columns": (  # the table was dropped without a word, its lines read as paragraphs
        replace("documents.yaml", "        columns: [指标, 2015年, 2020年, 累计增加值, 属性]\n", ""),
        r"documents\.yaml:79:9: expected a table to have 'columns', found none\n",
    ),
    "a table with no column": (
        replace("documents.yaml", "columns: [指标, 2015年, 2020年, 累计增加值, 属性]", "columns: []"),
        r"documents\.yaml:80:18: expected 'columns' of a table to be a list of at least one text, found \[\]\n",
    ),
    "a table with columns left empty": (
        replace("documents.yaml", "columns: [指标, 2015年, 2020年, 累计增加值, 属性]", "columns:"),
        r"documents\.yaml:80:17: expected 'columns' of a table to be a list of at least one text, found nothing\n",
    ),
    "66 agency twice": (
        replace("guobanhan-2016-66.txt", TASK1, "（知识产权局、知识产权局负责）\n2.积极"),
        "'知识产权局' again",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_damage_gets_located_messages_and_docs_stay(tmp_path, case):
    damage, expected = CASES[case]
    stderr = refused_after(tmp_path, damage)  # exit 1, no traceback, every message LOCATED, docs/ as it was
    assert re.search(expected, stderr), stderr


def _linked_from_outside(source: Path) -> None:
    (source.parent / "elsewhere.txt").write_bytes((source / "yufufa-2016-25.txt").read_bytes())
    (source / "yufufa-2016-25.txt").unlink()
    (source / "yufufa-2016-25.txt").symlink_to(Path("..") / "elsewhere.txt")


def _a_folder(source: Path) -> None:
    (source / "yufufa-2016-25.txt").unlink()
    (source / "yufufa-2016-25.txt").mkdir()


@pytest.mark.parametrize(
    ("damage", "found"),
    [(_linked_from_outside, r"a link to /.*/elsewhere\.txt, outside it"), (_a_folder, "a folder")],
    ids=["link out", "folder"],
)
def test_a_source_file_that_is_no_text_of_the_folder_is_located(tmp_path, damage, found):
    """A link may not bring in a file from outside source_texts/, as ../x.txt may not."""
    source = generated_copy(tmp_path)
    damage(source)
    stderr = refused(tmp_path)
    expected = rf"^source_texts/documents\.yaml:\d+:18: expected source_file 'yufufa-2016-25\.txt' to exist in source_texts, found {found}\n"
    assert re.match(expected, stderr), stderr


@pytest.mark.parametrize("docs", ["source_texts", "source_texts/docs", "."])
def test_pages_are_not_written_among_the_texts(tmp_path, docs):
    """--docs naming source_texts/, a folder in it or one holding it mixed pages with the curated files
    (and MkDocs would publish the texts and notes under docs/): refused before anything is written."""
    source = copy_sources(tmp_path)
    before = digest(source)
    proc = run_cli("generate", "--source", "source_texts", "--docs", docs, cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    expected = f"{docs}:1:1: expected a folder for pages apart from the source texts source_texts, found "
    assert proc.stderr.startswith(expected), proc.stderr
    assert digest(source) == before and sorted(p.name for p in tmp_path.iterdir()) == ["source_texts"]


@pytest.mark.parametrize("where", ["source", "docs", "docs/agencies"])
def test_a_file_where_a_folder_belongs_is_located(tmp_path, where):
    generated_copy(tmp_path)
    blocker = tmp_path / ("source_texts" if where == "source" else where)
    shutil.rmtree(blocker)
    blocker.write_text("x", encoding="utf-8")
    proc = generate(tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert re.match(rf"{blocker.relative_to(tmp_path)}:1:1: expected a folder .*, found a file\n", proc.stderr), (
        proc.stderr
    )
    assert proc.stderr.endswith("docs/ was not changed.\n")


INJECTED = "<script>alert(1)</script><img src=x onerror=alert(2)>|*粗体*|[x](javascript:alert(3)){{ 7*7 }}"


def test_markup_in_page_titles_is_shown_literally_and_never_run(tmp_path):
    """Task titles, 专栏 titles and agency names become front-matter titles, which MkDocs prints raw."""
    source = copy_sources(tmp_path)
    replace("guobanhan-2016-66.txt", "5.扩大专利代理领域开放", "5." + INJECTED + "扩大专利代理领域开放")(source)
    replace("guofa-2016-86.txt", "专栏3　专利质量提升工程", "专栏3　" + INJECTED)(source)
    replace("agencies.yaml", "full_name: 中央军事委员会装备发展部", f"full_name: '{INJECTED}'")(source)
    assert generate(tmp_path).returncode == 0
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    for page in ("tasks/guobanhan-2016-66-t5", "tasks/guofa-2016-86-box3", "agencies/cmc-edd"):
        html_text = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
        assert not re.search(r"<script>alert|<img src=x|href=.?javascript|<em>粗体", html_text), page
        title = re.search(r"<title>(.*?) - ", html_text, re.S).group(1)
        assert INJECTED in html.unescape(title), title


RARE = "𠮷"  # U+20BB7, a CJK Extension B character, beyond the BMP as rare characters of names are


def test_a_rare_character_beyond_the_bmp_in_a_page_title_keeps_the_title(tmp_path):
    """The front matter gave it as the JSON surrogate pair \\ud842\\udfb7, which YAML reads as two lone
    surrogates: MkDocs dropped the whole front matter without a word and printed it as the page's first
    paragraph (title: "\\u300a…", exclude: true …), and the page took its title from its file name."""
    source = copy_sources(tmp_path)
    replace("guobanhan-2016-66.txt", "5.扩大专利代理领域开放", f"5.扩大{RARE}专利代理领域开放")(source)
    agency = f"full_name: 中央军事委员会装备{RARE}发展部"
    replace("agencies.yaml", "full_name: 中央军事委员会装备发展部", agency)(source)
    assert generate(tmp_path).returncode == 0
    assert mkdocs_build(tmp_path / "docs", tmp_path / "site").returncode == 0
    for page in ("tasks/guobanhan-2016-66-t5", "agencies/cmc-edd"):
        html_text = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
        assert RARE in re.search(r"<title>(.*?) - ", html_text, re.S).group(1), page
        assert "exclude: true" not in html_text and "title: " not in html_text, page


def test_a_collection_without_86_has_no_internal_error(tmp_path):
    import yaml

    from .helpers import copy_sources, run_cli

    source = copy_sources(tmp_path)
    data = yaml.safe_load((source / "documents.yaml").read_text(encoding="utf-8"))
    data["documents"] = [d for d in data["documents"] if d["slug"] != "guofa-2016-86"]
    (source / "documents.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0 or LOCATED.search(proc.stderr)


def test_a_list_of_documents_that_does_not_read_gives_one_message_not_one_per_text(tmp_path):
    source = copy_sources(tmp_path)
    replace("documents.yaml", "documents:", "documents: 5\nx:")(source)
    proc = generate(tmp_path)
    assert proc.returncode == 1 and proc.stderr.splitlines()[:-1] == [
        "source_texts/documents.yaml:44:12: expected a mapping with a list 'documents:', found 'documents:' holding a number"
    ]


def test_the_metadata_files_macos_leaves_beside_a_copied_text_are_not_texts(tmp_path):
    source = copy_sources(tmp_path)
    (source / "._guofa-2016-86.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("content", [b"not json", b"[1, 2]", b"[" * 100_000], ids=["garbage", "no records", "deep"])
def test_a_damaged_record_of_the_last_build_is_no_previous_build(tmp_path, content):
    """docs/data/clauses.json is read before anything is written, to say what changed since: one that does
    not read is as if there were none (nesting too deep for the JSON reader was an internal RecursionError)."""
    generated_copy(tmp_path)
    (tmp_path / "docs/data/clauses.json").write_bytes(content)
    proc = generate(tmp_path)
    assert proc.returncode == 0 and "no previous build to compare with" in proc.stdout, proc.stderr


def test_an_id_of_the_last_build_that_is_no_clause_id_is_left_out(tmp_path):
    """Code review (session 44): an id of docs/data/clauses.json holding a digit Python's isdigit takes and int
    refuses (², ①) was an internal ValueError in the sort of removed clauses (model.natural); the record is the
    last build's, which a damaged one must not stop. Ids that are no clause id are not read."""
    generated_copy(tmp_path)
    record = tmp_path / "docs/data/clauses.json"
    clauses = json.loads(record.read_text(encoding="utf-8"))
    odd = {**clauses[0], "id": "guofa-2016-86/p1²2"}
    newline = {**clauses[0], "id": "guofa-2016-86/p1\n"}  # a clause id but for its end: no removed clause
    record.write_text(json.dumps([*clauses, odd, newline], ensure_ascii=False), encoding="utf-8")
    proc = generate(tmp_path)
    assert proc.returncode == 0 and "internal error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert "since the last build: no clause changed" in proc.stdout, proc.stdout


@pytest.mark.parametrize("year", ["2015.12", "2015年底"])
def test_a_table_heading_that_writes_its_year_with_more_is_read_for_the_year(tmp_path, year):
    """Code review (session 44): a year heading written 2015.12 (December 2015) was an internal ValueError:
    the heading's number was taken whole as the baseline year. The year is the four digits."""
    source = copy_sources(tmp_path)
    replace(
        "documents.yaml",
        "columns: [指标, 2015年, 2020年, 累计增加值, 属性]",
        f'columns: [指标, "{year}", 2020年, 累计增加值, 属性]',
    )(source)
    replace("guofa-2016-86.txt", "\t2015年\n", f"\t{year}\n")(source)
    proc = generate(tmp_path)
    assert proc.returncode == 0 and "internal error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    indicators = json.loads((tmp_path / "docs/data/indicators.json").read_text(encoding="utf-8"))
    assert {i["baseline_year"] for i in indicators if i["doc"] == "guofa-2016-86"} == {2015}


def _a_named_pipe(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


FIFO = "found a named pipe (FIFO)"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "yufufa-2016-25.txt",
            rf"documents\.yaml:\d+:18: expected source_file 'yufufa-2016-25\.txt' to exist in source_texts, {re.escape(FIFO)}\n",
        ),
        (
            "documents.yaml",
            rf"documents\.yaml:1:1: expected a readable curated YAML file, {re.escape(FIFO)}, not a regular file\n",
        ),
        (
            "crossrefs.yaml",
            rf"crossrefs\.yaml:1:1: expected a readable curated YAML file, {re.escape(FIFO)}, not a regular file\n",
        ),
        (
            "clause_ids.tsv",
            rf"clause_ids\.tsv:1:1: expected a readable clause-id record, {re.escape(FIFO)}, not a regular file\n",
        ),
    ],
    ids=["text", "documents.yaml", "crossrefs.yaml", "record"],
)
def test_a_named_pipe_among_the_texts_is_located_not_waited_on(tmp_path, name, expected):
    """Reading a named pipe waits for a writer: the build hung without a word. It is now refused where it
    stands (run_cli's timeout would fail the test instead)."""
    stderr = refused_after(tmp_path, lambda source: _a_named_pipe(source / name))
    assert re.search(expected, stderr), stderr


@pytest.mark.parametrize("page", ["index.md", "data/clauses.json"])
def test_a_named_pipe_where_a_page_goes_is_located_before_anything_is_written(tmp_path, page):
    source = generated_copy(tmp_path)
    replace("yufufa-2016-25.txt", "培育", "培养")(source)  # pages to write again
    _a_named_pipe(tmp_path / "docs" / page)
    before = digest(tmp_path / "docs")
    proc = generate(tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr == (
        f"docs/{page}:1:1: expected a page file or nothing, {FIFO}, not a regular file\ndocs/ was not changed.\n"
    )
    assert digest(tmp_path / "docs") == before


@pytest.mark.parametrize(("path", "kind"), [("/dev/zero", "a character device"), (".", "a folder")])
def test_only_regular_files_are_read(path, kind):
    """/dev/zero never ends: a text linked to it would fill the memory."""
    with pytest.raises(OSError, match=re.escape(f"{kind}, not a regular file")):
        files.read_bytes(Path(path))


def _read_only(monkeypatch, folder: Path) -> None:
    """``folder`` as a read-only mount, or another user's folder, shows it to this process (the tests may
    run as root, who may write anywhere): nothing can be made in it."""
    real_open, real_access, folder = os.open, os.access, folder.resolve()

    def refuse_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR) and Path(path).resolve().parent == folder:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    def refuse_access(path, mode, *args, **kwargs):
        return not (mode & os.W_OK and Path(path).resolve() == folder) and real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_open)
    monkeypatch.setattr(os, "access", refuse_access)


@pytest.mark.parametrize("where", ["source_texts", "docs/documents"])
def test_a_folder_generate_cannot_write_is_refused_before_docs_is_touched(tmp_path, monkeypatch, where):
    """source_texts/ read-only (a shared checkout): the clause-id record an edit changes could not be
    rewritten, an internal OSError after docs/ was written. docs/documents/ read-only: the pages before
    it were written, then 'docs/ may be partly written'. Both are refused now before anything is written."""
    source = generated_copy(tmp_path)
    replace("yufufa-2016-25.txt", "培育壮大知识产权密集型产业", "培育发展知识产权密集型产业")(source)
    before, record = digest(tmp_path / "docs"), (source / "clause_ids.tsv").read_bytes()
    _read_only(monkeypatch, tmp_path / where)
    with pytest.raises(OutputError) as caught:
        pipeline.generate(source, tmp_path / "docs")
    named = source / "clause_ids.tsv" if where == "source_texts" else tmp_path / where
    what = "a writable clause-id record" if where == "source_texts" else "a folder generate may write pages into"
    assert re.fullmatch(rf"{re.escape(str(named))}:1:1: expected {what}, found .+", str(caught.value))
    assert not caught.value.partial  # the CLI says: docs/ was not changed
    assert digest(tmp_path / "docs") == before and (source / "clause_ids.tsv").read_bytes() == record


def test_a_socket_is_named_as_such(tmp_path):
    """Opening a socket fails (ENXIO): 'found No such device or address' said nothing of what stands there."""
    import socket

    path = tmp_path / "s.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OSError, match=re.escape("a socket, not a regular file")):
            files.read_bytes(path)


def written(name: str, content: str):
    """A damage to a source folder: its file ``name`` (there or not) holds ``content``."""
    return lambda source: (source / name).write_text(content, encoding="utf-8")


TITLE_86 = "    title: 国务院关于印发“十三五”国家知识产权保护和运用规划的通知\n"


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        pytest.param(  # the first entry's slug is not its first key: line 64, not the entry's 63
            lambda source: [
                replace(
                    "documents.yaml",
                    f"  - slug: guofa-2016-86\n{TITLE_86}",
                    f"  -{TITLE_86[3:]}    slug: guofa-2016-86\n",
                )(source),
                replace("documents.yaml", "slug: guobanfa-2016-106", "slug: guofa-2016-86")(source),
            ],
            "source_texts/documents.yaml:89:11: expected each slug once, found 'guofa-2016-86' again (first at line 64)",
            id="slug",
        ),
        pytest.param(  # was said at the entry's start, line 63 column 5, not at the value staff must change
            replace("documents.yaml", "source_file: guofa-2016-86.txt", "source_file: guobanhan-2016-66.txt"),
            "source_texts/documents.yaml:72:18: expected each source_file once, found 'guobanhan-2016-66.txt' again "
            "(first at line 54)",
            id="source_file",
        ),
        pytest.param(  # … as was a 文号 given twice
            replace("documents.yaml", "doc_number: 渝府发〔2016〕25号", "doc_number: 国发〔2016〕86号"),
            "source_texts/documents.yaml:137:17: expected each doc_number once, found '国发〔2016〕86号' again "
            "(first at line 66)",
            id="doc_number",
        ),
        pytest.param(
            replace("documents.yaml", "106.txt\n    crossrefs: national", "106.txt\n    crossrefs: local"),
            "source_texts/documents.yaml:144:16: expected one document with crossrefs: local, found a second "
            "(the first at line 99): the 对照 pages compare one local document with the national ones; leave "
            "crossrefs out of this one",
            id="crossrefs role",
        ),
        pytest.param(
            written(
                "redirects.yaml",
                "redirects:\n  - note: 废止\n    id: cefa-2019-1\n  - id: cefa-2019-1\n    note: 再次\n",
            ),
            "source_texts/redirects.yaml:4:9: expected each removed document once, found 'cefa-2019-1' again "
            "(first at line 3)",
            id="removed document",
        ),
        pytest.param(
            written(
                "redirects.yaml",
                "redirects:\n  - note: 删去\n    id: guofa-2016-86/9-9\n  - id: guofa-2016-86/c9-9\n    note: x\n",
            ),
            "source_texts/redirects.yaml:4:9: expected each removed clause id once, found 'guofa-2016-86/c9-9' with "
            "the same anchor as 'guofa-2016-86/9-9' (first at line 3)",
            id="removed clause id",
        ),
        pytest.param(  # external.yaml's repeats were said at the entry's start (line 5, column 5)
            rewrite(
                "external.yaml", lambda data: data + "  - title: 另一标题\n    doc_number: 国发〔2015〕71号\n".encode()
            ),
            "source_texts/external.yaml:6:17: expected each doc_number once, found '国发〔2015〕71号' again "
            "(first at line 3)",
            id="external doc_number",
        ),
        pytest.param(  # the first entry's id not its first key: line 23, not the entry's 22
            lambda source: [
                replace(
                    "agencies.yaml",
                    "  - id: cpc-organization\n    name: 中央组织部\n",
                    "  - name: 中央组织部\n    id: cpc-organization\n",
                )(source),
                replace("agencies.yaml", "  - id: cpc-publicity\n", "  - id: cpc-organization\n")(source),
            ],
            "source_texts/agencies.yaml:30:9: expected each agency id once, found 'cpc-organization' again "
            "(first at line 23)",
            id="agency id",
        ),
        pytest.param(
            lambda source: [
                replace(
                    "indicators.yaml",
                    "  - id: invention-patents-per-10k\n    name: 每万人口发明专利拥有量\n",
                    "  - name: 每万人口发明专利拥有量\n    id: invention-patents-per-10k\n",
                )(source),
                replace("indicators.yaml", "  - id: pct-applications\n", "  - id: invention-patents-per-10k\n")(source),
            ],
            "source_texts/indicators.yaml:27:9: expected each indicator id once, found 'invention-patents-per-10k' "
            "again (first at line 22)",
            id="indicator id",
        ),
        pytest.param(  # at the repeated name (line 31), not at cpc-publicity's '- id' (line 30)
            replace("agencies.yaml", "short_names: [中央组织部]", "short_names: [中央组织部, 中央宣传部]"),
            "source_texts/agencies.yaml:31:11: expected each short name once, found '中央宣传部' again "
            "(first at line 25, cpc-organization)",
            id="agency short name",
        ),
        pytest.param(  # the second 中宣部 of line 33's list, not the entry (line 30)
            replace("agencies.yaml", "short_names: [中央宣传部]", "short_names: [中央宣传部, 中宣部, 中宣部]"),
            "source_texts/agencies.yaml:33:31: expected each short name once, found '中宣部' again (first at line 33)",
            id="short name twice in one entry",
        ),
        pytest.param(  # the item of line 55's list, not the entry (line 52); the first is line 36's item
            replace(
                "indicators.yaml",
                "variants: [计算机软件著作权登记量]",
                "variants: [计算机软件著作权登记量, 植物新品种申请量]",
            ),
            "source_texts/indicators.yaml:55:29: expected each name and variant once, found '植物新品种申请量' again "
            "(first at line 36, plant-variety-applications)",
            id="indicator variant",
        ),
        pytest.param(  # the second alias, not the entry (line 212)
            replace("agencies.yaml", "search_aliases: [工商, 国家工商总局]", "search_aliases: [工商,\n      工商]"),
            "source_texts/agencies.yaml:217:7: expected each search alias once, found '工商' again (first at line 216)",
            id="search alias",
        ),
        pytest.param(  # at the alias, naming the line of the short name it is
            replace("agencies.yaml", "search_aliases: [工商, 国家工商总局]", "search_aliases: [工商, 中央组织部]"),
            "source_texts/agencies.yaml:216:26: expected a search alias that is no name or short name, found "
            "'中央组织部' (cpc-organization, line 23)",
            id="search alias that is a name",
        ),
        pytest.param(
            replace("task_terms.yaml", "  - task: 2\n", "  - task: 1\n"),
            "source_texts/task_terms.yaml:8:11: expected each task once, found task 1 again (first at line 6)",
            id="task",
        ),
        pytest.param(  # the second item of line 25's list, not the entry (line 21)
            replace("indicators.yaml", "    agencies: [cnipa]\n", "    agencies: [cnipa, cnipo]\n"),
            "source_texts/indicators.yaml:25:23: expected an agency id defined in agencies.yaml, found 'cnipo'",
            id="undefined agency",
        ),
    ],
)
def test_a_repeat_or_an_unknown_agency_is_said_at_the_value_and_names_the_first_values_line(tmp_path, damage, expected):
    """'first at line N' gave the first entry's start line while the message points at the value (the first
    value's line differs when its key is not the entry's first); an indicator's agency id not defined in
    agencies.yaml was said at the indicator's entry, not at the list item."""
    said = refused_after(tmp_path, damage).splitlines()
    assert expected in said, said


def test_a_short_name_given_to_a_second_agency_is_said_once_at_the_register(tmp_path):
    """知识产权局 added to 中央组织部's short names: the register's message was followed by one for each task whose
    parenthetical names both bodies (tasks 10, 11, 104: "expected each agency once … found '知识产权局' again"),
    the same mistake said four times, three of them at the text, which is right (damaged-input review, session 40)."""
    damage = replace("agencies.yaml", "short_names: [中央组织部]", "short_names: [中央组织部, 知识产权局]")
    said = refused_after(tmp_path, damage).splitlines()
    assert len(said) == 2 and said[0].startswith("source_texts/agencies.yaml:"), said
    assert "expected each short name once, found '知识产权局' again (first at line" in said[0], said


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        pytest.param(
            written("crossrefs.yaml", ""),
            "source_texts/crossrefs.yaml:1:1: expected a mapping with a list 'crossrefs:', found an empty file (for no "
            "entries, write 'crossrefs: []')",
            id="crossrefs.yaml empty",
        ),
        pytest.param(  # what a re-encode that stopped at the first character it could not write left (review)
            written("crossrefs.yaml", "# 对照的人工判定（build_scripts/link/curation.py）\n"),
            "source_texts/crossrefs.yaml:1:1: expected a mapping with a list 'crossrefs:', found only comments (for no "
            "entries, write 'crossrefs: []')",
            id="crossrefs.yaml comments only",
        ),
        pytest.param(
            lambda source: (source / "crossrefs.yaml").unlink(),
            "source_texts/crossrefs.yaml:1:1: expected the curated decisions on the links of the documents with "
            "crossrefs roles in documents.yaml, found no such file (for no entries, write 'crossrefs: []' in it)",
            id="crossrefs.yaml deleted",
        ),
        pytest.param(
            written("task_terms.yaml", "\n\n"),
            "source_texts/task_terms.yaml:1:1: expected a mapping with a list 'tasks:', found an empty file (for no "
            "entries, write 'tasks: []')",
            id="task_terms.yaml empty",
        ),
        pytest.param(
            lambda source: (source / "task_terms.yaml").unlink(),
            "source_texts/task_terms.yaml:1:1: expected the tasks' phrases of the documents with crossrefs roles in "
            "documents.yaml, found no such file (for no entries, write 'tasks: []' in it)",
            id="task_terms.yaml deleted",
        ),
        pytest.param(
            written("indicators.yaml", ""),
            "source_texts/indicators.yaml:1:1: expected a mapping with a list 'indicators:', found an empty file (for "
            "no entries, write 'indicators: []')",
            id="indicators.yaml empty",
        ),
    ],
)
def test_an_emptied_or_deleted_curated_file_is_refused_not_read_as_none(tmp_path, damage, expected):
    """crossrefs.yaml emptied (or cut to its first comment by a failed re-encode) or deleted: the build passed and
    published every pair staff had rejected as an automatic link; task_terms.yaml so changed 86 pages, unsaid
    (damaged-input review, session 42). 'crossrefs: []' says none on purpose."""
    said = refused_after(tmp_path, damage).splitlines()
    assert said[0] == expected, said


def test_an_explicit_empty_list_of_decisions_builds(tmp_path):
    source = generated_copy(tmp_path)
    written("crossrefs.yaml", "crossrefs: []\n")(source)
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr


def test_an_agency_id_given_twice_is_said_once_at_the_register(tmp_path):
    """教育部's entry given 外交部's id: both bodies read as one agency, and task 94's parenthetical, which names
    each once, was said to name '教育部' again (damaged-input review, session 42)."""
    said = refused_after(tmp_path, replace("agencies.yaml", "  - id: moe\n", "  - id: mfa\n")).splitlines()
    assert len(said) == 2 and said[0].startswith("source_texts/agencies.yaml:"), said
    assert "expected each agency id once, found 'mfa' again (first at line" in said[0], said


@pytest.mark.parametrize("name", ["yufufa-2016-25.txt\u3000", "'yufufa-2016-25.txt '"], ids=["ideographic", "quoted"])
def test_a_source_file_with_white_space_after_it_names_its_text(tmp_path, name):
    """Every value is read without the white space at its ends (a Chinese input method's full-width space
    typed after the name, or a space inside quotes), so the entry reads its text; the check that each text
    has an entry compared the value as written, and said 'expected a documents.yaml entry with
    source_file: yufufa-2016-25.txt …, found none' of the entry that had just read it."""
    source = generated_copy(tmp_path)
    before = digest(tmp_path / "docs")
    replace("documents.yaml", "source_file: yufufa-2016-25.txt", f"source_file: {name}")(source)
    proc = generate(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert digest(tmp_path / "docs") == before


@pytest.mark.parametrize(
    ("parenthetical", "expected"),
    [
        (
            "(知识产权局负责）",
            r"32:40: expected task 1 to end in a parenthetical like （A、B负责）, found '…志担任召集人。\(知识产权局负责）'",
        ),
        (
            "（知识产权局负责)",
            r"32:40: expected task 1 to end in a parenthetical like （A、B负责）, found '…志担任召集人。（知识产权局负责\)'",
        ),
        (
            "（知识产权局负责",
            r"32:40: expected task 1 to end in a parenthetical like （A、B负责）, found '…同志担任召集人。（知识产权局负责'",
        ),
        ("（知识产权局、负责）", r"32:40: expected an agency name at each 、 .*, found none in （知识产权局、负责）"),
        ("（知识产权局、知识产权局负责）", r"32:47: expected each agency once .*, found '知识产权局' again"),
        (  # said as an unknown agency '知识产权局牵头，工商总局' (session 27's left-alone list)
            "（知识产权局牵头，知识产权局牵头，工商总局负责）",
            r"32:54: expected 牵头 once in the parenthetical of task 1, "
            r"found it again in （知识产权局牵头，知识产权局牵头，工商总局负责）",
        ),
    ],
    ids=["half-width opening", "half-width closing", "unclosed", "empty place", "agency twice", "牵头 twice"],
)
def test_a_damaged_parenthetical_of_a_task_is_said_where_it_stands(tmp_path, parenthetical, expected):
    """Line 32 is '1.完善…担任召集人。（知识产权局负责）', its （ at column 40: these messages said column 1,
    the task's label, 39 characters before the damage."""
    stderr = refused_after(tmp_path, replace("guobanhan-2016-66.txt", TASK1, parenthetical + "\n2.积极"))
    assert re.match(r"source_texts/guobanhan-2016-66\.txt:" + expected + "\n", stderr), stderr


@pytest.mark.parametrize(
    ("parenthetical", "column", "name"),
    [
        ("（知识产权局、ＸＸ办负责）", 47, "XX办"),  # full-width letters, which clean makes ASCII
        ("（知识产权局、某 某办负责）", 47, "某某办"),  # a space between hanzi, which clean removes
        ("（知识产权局,某某办负责）", 41, "知识产权局，某某办"),  # a half-width comma for 、, made full-width
        ("（知识产权局、某\u200d某办负责）", 47, "某某办"),  # an invisible joiner, which clean removes
    ],
    ids=["full-width letters", "space", "half-width comma", "joiner"],
)
def test_an_unknown_agency_written_as_clean_changes_it_is_said_at_its_name(tmp_path, parenthetical, column, name):
    """The column was found by looking for the cleaned name in the line as written: a name clean had changed
    was not found there, and the message pointed at the （ (column 40), not at the name."""
    stderr = refused_after(tmp_path, replace("guobanhan-2016-66.txt", TASK1, parenthetical + "\n2.积极"))
    assert stderr.splitlines()[0] == (
        f"source_texts/guobanhan-2016-66.txt:32:{column}: expected an agency name or short name from agencies.yaml, "
        f"found {name!r}"
    ), stderr


def test_an_entry_without_the_task_quote_the_other_entries_give_is_refused(tmp_path):
    """Once task_terms.yaml's entries quote their tasks (session 41), a new entry without a quote was accepted: after a
    renumbering it would lend its phrases to whatever task its number names, unsaid (session 41's note). In a file
    without quotes (as this corpus's) none is asked for."""
    quoted = replace("task_terms.yaml", "  - task: 1\n", "  - task: 1\n    task_quote: 完善国家知识产权战略\n")
    said = refused_after(tmp_path, quoted).splitlines()
    terms = (tmp_path / "source_texts/task_terms.yaml").read_text(encoding="utf-8").split("\n")
    assert said[0] == (
        f"source_texts/task_terms.yaml:{terms.index('  - task: 2') + 1}:11: expected a task_quote (a few of task 2's "
        "opening words), as the other entries give, found none"
    ), said[:2]
