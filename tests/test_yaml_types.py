"""YAML reads a bare 5, yes or 2016-11-01 as a number, true/false or a date. A curated field of text takes
none of them (they were made text), nor does a field of a list or a mapping (a bare no was taken for an
empty one): each is refused where the value stands."""

from __future__ import annotations

import pytest

from .helpers import refused_after, replace

DATE = "2016-12-30"
CASES = {  # what was damaged → (damage, the message it must give)
    "a date as a full name": (
        replace("agencies.yaml", "full_name: 中共中央组织部", f"full_name: {DATE}"),
        f"agencies.yaml:24:16: expected 'full_name' of an agency to be text, found the date {DATE}",
    ),
    "no as short names": (
        replace("agencies.yaml", "short_names: [中央组织部]", "short_names: no"),
        "agencies.yaml:25:18: expected 'short_names' of an agency to be a list of text, "
        "found false (YAML's reading of a bare no, off or false)",
    ),
    "a date and nothing among short names": (  # shown as written in YAML, not as Python shows them, at its item
        replace("agencies.yaml", "short_names: [中央组织部]", f"short_names: [中央组织部, {DATE}, null]"),
        f"agencies.yaml:25:26: expected each of 'short_names' of an agency to be text, found the date {DATE}",
    ),
    "a date with a time as a document's date": (
        replace("documents.yaml", "    date: 2016-07-08", "    date: 2016-07-08 10:00:00"),
        "documents.yaml:50:11: expected 'date' of a document to be a date YYYY-MM-DD or null, "
        "found the date and time 2016-07-08 10:00:00",
    ),
    "a number as an indicator's row": (
        replace("indicators.yaml", "row: guofa-2016-86/table1/r1", "row: 5"),
        "indicators.yaml:23:10: expected 'row' of an indicator to be a clause id (text), found 5",
    ),
    "a date as a remark": (
        replace(
            "crossrefs.yaml",
            "remark: 重庆原文逐字照录国发〔2016〕86号“加大政府采购对知识产权密集型产品的支持力度”。",
            f"remark: {DATE}",
        ),
        f"crossrefs.yaml:17:13: expected 'remark' of a cross-reference decision to be text, found the date {DATE}",
    ),
    "a number as what a document implements": (
        replace("documents.yaml", "implements: 国发〔2015〕71号", "implements: 71"),
        "documents.yaml:53:17: expected 'implements' of a document to be text, found 71",
    ),
    "no as a numbering": (  # was taken as no numbering given: items numbered by section
        replace("documents.yaml", "numbering: {items: global}", "numbering: no"),
        "documents.yaml:57:16: expected numbering to be {items: nested} or {items: global}, "
        "found false (YAML's reading of a bare no, off or false)",
    ),
    "a date as a provenance": (
        replace("documents.yaml", "      date: 文本落款（2016年7月8日）", f"      date: {DATE}"),
        f"documents.yaml:60:13: expected the provenance of 'date' to be text, found the date {DATE}",
    ),
    "no as a task's phrases": (
        replace(
            "task_terms.yaml",
            "terms: [部际联席会议, 联席会议制度, 联席会议, 召集人, 战略实施工作, 知识产权战略实施, 知识产权工作领导小组, 战略实施领导小组]",
            "terms: no",
        ),
        "task_terms.yaml:7:12: expected 'terms' of a task's phrases to be a list of text, "
        "found false (YAML's reading of a bare no, off or false)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_value_yaml_reads_as_no_text_is_refused_where_it_stands(tmp_path, case):
    damage, expected = CASES[case]
    assert f"source_texts/{expected}" in refused_after(tmp_path, damage).splitlines()  # exit 1, docs/ as it was
