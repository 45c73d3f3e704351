"""Everyday forms of the texts' wording for the search box (source_texts/search_terms.yaml): validated with
located errors, and carried in the search index."""

from __future__ import annotations

import json
import re

from build_scripts.errors import Collector
from build_scripts.publish.search_index import build_search_index
from build_scripts.publish.search_terms import FILE_NAME, load_search_terms

from .helpers import copy_sources, refused_after, run_cli

# Each mistake once, with what the run says of it, at the line (and column) of the value: the line of the
# file holding the marker «…» (which is not written) and the column where it stands.
MISTAKES = """\
terms:
  - form: «打假»  # 86号 uses it: 加强打假专业队伍能力建设
    means: [打击侵权假冒]
  - form: 电商
    means: [电子商务, «电商法»]
  - form: «电商»
    means: [电子商务]
  - form: «国家工商总局»
    means: [工商总局]
  - form: «商»
    means: [商标]
  - form: 软著
    means: «软件著作权»
  - form: 知产
    means: [知识产权, «知识产权»]
  - form: 科创
    «texts: [科技创新]
    means: [科技创新]
  - form: 机密
    means: [商业秘密]
    not_in:
      - 国家机密
      - «国家秘书»
      - «机密»
      - «国家机密»
      - «商业机密»
  - form: 商业机密
    means: [商业秘密]
"""
MESSAGES = [
    "expected a form no text uses, found '打假', which guofa-2016-86.txt holds at line 107: the search box finds it as it is",
    "expected wording a text holds, found '电商法', which no text holds",
    "expected each form once, found '电商' again (first at line 4)",
    "expected a form no agency is known by, found '国家工商总局' (agencies.yaml gives it to saic): its page is found by it",
    "expected a form of two characters or more, found '商'",
    "expected 'means' of an everyday form to be a list of text, found '软件著作权'",
    "expected each wording of a form once, found '知识产权' again",
    "expected one of form, means, not_in in an everyday form, found unknown key 'texts'",
    "expected a word holding the form '机密' and longer, found '国家秘书'",
    "expected a word holding the form '机密' and longer, found '机密'",
    "expected each word the form is not read in once, found '国家机密' again",
    "expected a word the form is not read in that is no form itself, found '商业机密', a form of line 27",
]


def _places(text: str) -> list[tuple[int, int]]:
    places = []
    for number, line in enumerate(text.split("\n"), 1):
        if "«" in line:
            places.append((number, line.index("«") + 1))
    return places


def test_each_mistake_in_the_everyday_forms_is_said_at_its_value(tmp_path):
    """All of them in one run, each at its line and column, and docs/ left as it was (``refused_after``)."""
    written = MISTAKES.replace("«", "").replace("»", "")
    stderr = refused_after(tmp_path, lambda source: (source / FILE_NAME).write_text(written, encoding="utf-8"))
    expected = [
        f"source_texts/search_terms.yaml:{line}:{column}: {message}"
        for (line, column), message in zip(_places(MISTAKES), MESSAGES, strict=True)
    ]
    assert stderr.splitlines()[:-1] == expected, stderr


def test_a_file_that_does_not_read_is_said_even_when_a_text_does_not_parse(tmp_path):
    source = copy_sources(tmp_path)
    (source / "search_terms.yaml").write_text("terms:\n  - form: 电商\n    means: [电子商务\n", encoding="utf-8")
    text = source / "guobanhan-2016-66.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("17.加大国际展会", "加大国际展会", 1), encoding="utf-8")
    proc = run_cli("check", "--source", str(source), cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert re.search(r"^source_texts/search_terms\.yaml:\d+:\d+: expected .+, found .+$", proc.stderr, re.M), (
        proc.stderr
    )


def test_the_forms_are_read_and_carried_in_the_search_index(tmp_path, model):
    source = copy_sources(tmp_path)
    (source / "search_terms.yaml").write_text(
        "terms:\n  - form: 双创  # 日常说法\n    means: [大众创业万众创新, 创新创业]\n  - form: 电商\n    means: [电子商务]\n",
        encoding="utf-8",
    )
    errors = Collector()
    terms = load_search_terms(source, model.corpus, model.agencies, errors)
    assert not errors.errors, errors.errors
    assert [(term.form, term.means) for term in terms] == [
        ("双创", ("大众创业万众创新", "创新创业")),
        ("电商", ("电子商务",)),
    ]
    index = json.loads(build_search_index(model.corpus.documents, terms=terms))
    assert index["a"] == {"双创": ["大众创业万众创新", "创新创业"], "电商": ["电子商务"]}


def test_a_word_a_form_is_not_read_in_is_carried_with_no_wording(tmp_path, model):
    """机密 is 商业秘密 in 公司机密, not in 国家机密: the index gives 国家机密 no wording, and the worker, finding the
    longest form first at each place, reads it as typed."""
    source = copy_sources(tmp_path)
    (source / "search_terms.yaml").write_text(
        "terms:\n  - form: 机密\n    means: [商业秘密]\n    not_in: [国家机密, 军事机密]  # 国家秘密\n",
        encoding="utf-8",
    )
    errors = Collector()
    terms = load_search_terms(source, model.corpus, model.agencies, errors)
    assert not errors.errors, errors.errors
    assert [(term.form, term.means, term.not_in) for term in terms] == [
        ("机密", ("商业秘密",), ("国家机密", "军事机密"))
    ]
    index = json.loads(build_search_index(model.corpus.documents, terms=terms))
    assert index["a"] == {"机密": ["商业秘密"], "国家机密": [], "军事机密": []}


def test_a_form_a_text_holds_only_inside_a_word_it_is_not_read_in_is_taken(tmp_path, model):
    """小企业 is in 86号 only inside 中小企业 (中小 and 企业), which is read as typed: nothing the texts say with it is
    hidden, and it is taken. 学校 is refused though 高等学校 is given: 86号's 示范学校 and 各类学校 hold it too."""
    source = copy_sources(tmp_path)
    (source / "search_terms.yaml").write_text(
        "terms:\n  - form: 小企业\n    means: [小微企业, 中小企业]\n    not_in: [中小企业]\n"
        "  - form: 学校\n    means: [高校]\n    not_in: [高等学校]\n",
        encoding="utf-8",
    )
    errors = Collector()
    terms = load_search_terms(source, model.corpus, model.agencies, errors)
    assert [(term.form, term.not_in) for term in terms] == [("小企业", ("中小企业",)), ("学校", ("高等学校",))]
    assert [error.message for error in errors.errors] == [
        "expected a form no text uses, found '学校', which guofa-2016-86.txt holds at line 225: the search box finds "
        "it as it is"
    ], errors.errors


def test_a_latin_form_a_text_holds_only_inside_a_latin_word_is_taken(tmp_path, model):
    """IP is in 66号 only inside TRIPS (and in a text staff may paste, inside <script>), where the search worker does
    not find it: a latin word is found whole (session 39). It is taken without a not_in; PCT, a word 86号 uses, is
    refused (the first build of session 39's IP form stopped on a test's text holding <script>)."""
    source = copy_sources(tmp_path)
    (source / "search_terms.yaml").write_text(
        "terms:\n  - form: IP\n    means: [知识产权]\n  - form: PCT\n    means: [专利合作条约]\n", encoding="utf-8"
    )
    errors = Collector()
    terms = load_search_terms(source, model.corpus, model.agencies, errors)
    assert [term.form for term in terms] == ["IP", "PCT"]
    assert [error.message.split(",")[0] for error in errors.errors] == ["expected a form no text uses"], errors.errors
    assert "found 'PCT'" in errors.errors[0].message


def test_without_the_file_there_are_no_forms_and_the_index_has_none(tmp_path, model):
    source = copy_sources(tmp_path)
    assert not (source / "search_terms.yaml").exists()
    assert load_search_terms(source, model.corpus, model.agencies, Collector()) == ()
    assert "a" not in json.loads(build_search_index(model.corpus.documents))


def test_the_live_forms_are_in_the_search_index(built):
    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    forms = index["a"]
    assert forms["电商"] == ["电子商务"] and forms["两法衔接"] == ["行政执法与刑事司法衔接"]
    texts = "".join(entry["x"] for entry in index["e"] if entry["k"] != "page")
    as_typed = [word for word, means in forms.items() if not means]  # a form's not_in words (中小企业)
    for word in as_typed:
        texts = texts.replace(word, "|")
    # a latin form is found whole (IP is in no text: TRIPS is another word, session 39)
    held = [
        form
        for form, means in forms.items()
        if means and re.search(rf"(?<![a-z]){re.escape(form)}(?![a-z])", texts, re.I)
    ]
    assert not held, held
    assert forms["patent"] == ["专利"] and forms["智慧财产权"] == ["知识产权"]  # session 43: English, Taiwan's word
    assert len(json.dumps(forms, ensure_ascii=False)) < 1200  # about a thousand characters of a 700 KB index
