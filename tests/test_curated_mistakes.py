"""Mistakes in the curated lists a damaged-input sweep found: external.yaml, task_terms.yaml and
search_terms.yaml. Each is said where it stands (`path:line:column: expected …, found …`), exit 1, no
traceback, docs/ as it was (``refused_after``); none is dropped without a word."""

from __future__ import annotations

import pytest

from .helpers import refused_after, replace

EXTERNAL = "  - doc_number: 国发〔2015〕71号\n    title: 国务院关于新形势下加快知识产权强国建设的若干意见\n"


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        pytest.param(  # was read as if it were not there: a link staff meant to give was dropped unsaid
            replace("external.yaml", EXTERNAL, EXTERNAL + "    url: http://www.gov.cn/\n"),
            "source_texts/external.yaml:5:10: expected one of doc_number, title in an external document, "
            "found unknown key 'url'",
            id="unknown key",
        ),
        pytest.param(  # the key was not named; and the four documents implementing 71号 were said to name a 文号
            # no list holds, as if the entry that did not read were not there
            replace("external.yaml", "    title:", "    titel:"),
            "source_texts/external.yaml:3:5: expected an external document to have 'title', found none\n"
            "source_texts/external.yaml:4:12: expected one of doc_number, title in an external document, "
            "found unknown key 'titel': is it title, mistyped?",
            id="mistyped key",
        ),
        pytest.param(  # was said at the entry's start, the title's line (3), not at the 文号 (line 4)
            replace(
                "external.yaml",
                EXTERNAL,
                EXTERNAL + "  - title: “十三五”国家知识产权保护和运用规划\n    doc_number: 国发〔2016〕86号\n",
            ),
            "source_texts/external.yaml:6:17: expected a document not in the collection, found '国发〔2016〕86号' "
            "(documents.yaml line 63)",
            id="a document the collection has",
        ),
        pytest.param(  # nothing shows an entry no document implements: its title was published nowhere, unsaid
            replace("external.yaml", EXTERNAL, EXTERNAL + "  - doc_number: 国发〔2015〕17号\n    title: 某意见\n"),
            "source_texts/external.yaml:5:17: expected the 文号 of a document a documents.yaml entry implements, "
            "found '国发〔2015〕17号', which none does: its title would be shown nowhere",
            id="implemented by none",
        ),
    ],
)
def test_a_mistake_in_external_yaml_is_said_at_its_value(tmp_path, damage, expected):
    said = refused_after(tmp_path, damage).splitlines()
    assert said[:-1] == expected.splitlines(), said
