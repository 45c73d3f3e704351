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
            "source_texts/external.yaml:5:5: expected one of doc_number, title in an external document, "
            "found unknown key 'url'",
            id="unknown key",
        ),
        pytest.param(  # the key was not named; and the four documents implementing 71号 were said to name a 文号
            # no list holds, as if the entry that did not read were not there
            replace("external.yaml", "    title:", "    titel:"),
            "source_texts/external.yaml:3:5: expected an external document to have 'title', found none\n"
            "source_texts/external.yaml:4:5: expected one of doc_number, title in an external document, "
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


TASK5 = "  - task: 5\n    terms: [专利代理领域开放, 专利代理机构, 专利代理, 代理机构, 股东, 合伙人, 代理行业]\n"  # lines 14–15


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        pytest.param(  # was said at the entry's '- task: 5' (line 14, column 5), not at the phrase
            replace("task_terms.yaml", "代理行业]\n", "代理行业, 知识产权]\n"),
            "source_texts/task_terms.yaml:15:58: expected a phrase specific to task 5, found the general word '知识产权'",
            id="general word",
        ),
        pytest.param(
            replace("task_terms.yaml", "    terms: [专利代理领域开放,", "    terms: ['专利。代理', 专利代理领域开放,"),
            "source_texts/task_terms.yaml:15:13: expected a phrase of 2–10 characters without punctuation, "
            "found '专利。代理'",
            id="punctuation",
        ),
        pytest.param(  # "+" is allowed for 互联网+, but a phrase of "+" alone was found at every "++"
            replace("task_terms.yaml", "代理行业]\n", "代理行业, '++']\n"),
            "source_texts/task_terms.yaml:15:58: expected a phrase of 2–10 characters without punctuation, found '++'",
            id="only punctuation",
        ),
        pytest.param(  # was kept once, unsaid; each name of agencies.yaml, each wording of search_terms is refused so
            replace("task_terms.yaml", "代理行业]\n", "代理行业, 股东]\n"),
            "source_texts/task_terms.yaml:15:58: expected each phrase of a task once, found '股东' again",
            id="a phrase twice",
        ),
        pytest.param(  # the task's phrases were none, unsaid: the matcher lost its evidence for it
            replace("task_terms.yaml", TASK5, "  - task: 5\n"),
            "source_texts/task_terms.yaml:14:5: expected a task's phrases to have 'terms', found none",
            id="no terms",
        ),
        pytest.param(
            replace("task_terms.yaml", TASK5, "  - task: 5\n    terms:\n"),
            "source_texts/task_terms.yaml:15:11: expected 'terms' of a task's phrases to be a list of at least one "
            "phrase, found nothing",
            id="terms given nothing",
        ),
        pytest.param(
            replace("task_terms.yaml", TASK5, "  - task: 5\n    terms: []\n"),
            "source_texts/task_terms.yaml:15:12: expected 'terms' of a task's phrases to be a list of at least one "
            "phrase, found []",
            id="terms an empty list",
        ),
        pytest.param(  # one message: not also "a list of at least one phrase", which it is
            replace("task_terms.yaml", TASK5, "  - task: 5\n    terms: ['']\n"),
            "source_texts/task_terms.yaml:15:13: expected each of 'terms' of a task's phrases to be text, "
            "found empty text ('')",
            id="terms a list of empty text",
        ),
        pytest.param(  # was said at the list's start, the list shown cut at 80 characters, before the 2016
            replace("task_terms.yaml", "战略实施领导小组]\n", "战略实施领导小组, 2016]\n"),
            "source_texts/task_terms.yaml:7:80: expected each of 'terms' of a task's phrases to be text, found 2016",
            id="a number among the phrases",
        ),
        pytest.param(
            replace("task_terms.yaml", "战略实施领导小组]\n", "战略实施领导小组, '']\n"),
            "source_texts/task_terms.yaml:7:80: expected each of 'terms' of a task's phrases to be text, "
            "found empty text ('')",
            id="empty text among the phrases",
        ),
        pytest.param(  # was said at the entry's start, the terms' line (14), not at the task (line 15)
            replace("task_terms.yaml", TASK5, "  - terms: [专利代理机构]\n    task: '5'\n"),
            "source_texts/task_terms.yaml:15:11: expected 'task' to be the number of a task of guobanhan-2016-66 "
            "(1–106), found '5'",
            id="task as text",
        ),
    ],
)
def test_a_mistake_in_task_terms_yaml_is_said_at_its_value(tmp_path, damage, expected):
    said = refused_after(tmp_path, damage).splitlines()
    assert said[:-1] == [expected], said


@pytest.mark.parametrize(
    ("means", "expected"),
    [
        pytest.param(
            "",
            "3:11: expected 'means' of an everyday form to be a list of at least one wording, found nothing",
            id="nothing",
        ),
        pytest.param(
            " []", "3:12: expected 'means' of an everyday form to be a list of at least one wording, found []", id="[]"
        ),
        pytest.param(
            " [电子商务, '']",
            "3:19: expected each of 'means' of an everyday form to be text, found empty text ('')",
            id="['']",
        ),
        # a query holding 电商 was read as 电, which finds every word holding it
        pytest.param(
            " [电子商务, 电]", "3:19: expected a wording of two characters or more, found '电'", id="one character"
        ),
    ],
)
def test_an_everyday_form_with_no_wording_or_a_wording_of_one_character_is_refused(tmp_path, means, expected):
    """A form with no wording was published in the search index, which the search worker reads without a word
    of it (a form with no wording is no form there): what staff wrote was dropped unsaid."""
    terms = f"terms:\n  - form: 电商\n    means:{means}\n  - form: 知产\n    means: [知识产权]\n"
    said = refused_after(tmp_path, lambda source: (source / "search_terms.yaml").write_text(terms, encoding="utf-8"))
    assert said.splitlines()[:-1] == [f"source_texts/search_terms.yaml:{expected}"], said
