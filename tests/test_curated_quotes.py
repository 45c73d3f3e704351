"""Quotes in crossrefs.yaml pin a curated decision to its sentence: when an id comes to name other
words (here: a paragraph added above in a copy of the texts without source_texts/clause_ids.tsv, so
that the positional ids shift), the build stops with a located message instead of moving the
decision to whatever sentence now has the id."""

from __future__ import annotations

import re
from pathlib import Path

from build_scripts.errors import Collector
from build_scripts.link.curation import load_decisions
from build_scripts.pipeline import load_corpus

from .helpers import copy_sources, generated_copy, run_cli, tree_digest

LOCAL = "yufufa-2016-25.txt"
ENTRY = "yufufa-2016-25/2-1/p2/s3"  # 实施知识产权优势企业培育计划…, confirmed against 86号 4-5-2/s1
# Six sentences, as many as the paragraph it pushes down: every old id still exists (no redirect is
# asked for), but 2-1/p2/s3 now names a sentence of the new paragraph.
NEW_PARAGRAPH = (
    "　　加强知识产权示范园区建设。建设一批示范园区。完善园区知识产权服务。"
    "培育园区运营机构。开展园区评价。总结推广园区经验。\n\n"
)
ABOVE = "　　强化企业知识产权主体地位。"  # the paragraph that holds ENTRY


def _insert_paragraph(source: Path) -> None:
    path = source / LOCAL
    text = path.read_text(encoding="utf-8")
    assert text.count(ABOVE) == 1
    path.write_text(text.replace(ABOVE, NEW_PARAGRAPH + ABOVE), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_a_shifted_id_stops_the_build_with_a_located_message(tmp_path):
    source = generated_copy(tmp_path)
    docs = tmp_path / "docs"
    before = tree_digest(docs)
    (source / "clause_ids.tsv").unlink()  # no record of the ids: they are positional
    _insert_paragraph(source)  # ENTRY now names 完善园区知识产权服务。
    proc = run_cli("generate", "--source", str(source), "--docs", str(docs), cwd=tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    quote_line = _line_of(source / "crossrefs.yaml", "local_quote: 知识产权优势企业培育计划")  # the quote's own line
    message = re.search(
        rf"^source_texts/crossrefs\.yaml:{quote_line}:\d+: expected {re.escape(ENTRY)} to contain its local_quote "
        r"'知识产权优势企业培育计划', found '(.+)'; the clause may have been edited, split, merged or moved: "
        r"yufufa-2016-25/2-1/p3/s3 holds the quote now: write local: yufufa-2016-25/2-1/p3/s3$",
        proc.stderr,
        re.MULTILINE,
    )
    assert message, proc.stderr
    assert message.group(1) == "完善园区知识产权服务。"
    assert tree_digest(docs) == before  # docs/ as it was


def test_pointing_the_entry_at_the_quoted_sentence_builds_the_same_link(tmp_path):
    source = copy_sources(tmp_path)
    _insert_paragraph(source)
    path = source / "crossrefs.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"local: {ENTRY}", "local: yufufa-2016-25/2-1/p3/s3"), encoding="utf-8")
    errors = Collector()
    corpus = load_corpus(source, errors)
    decisions = load_decisions(source, corpus, errors)
    assert errors.errors == []
    (moved,) = [d for d in decisions if d.national == "guofa-2016-86/4-5-2/s1"]
    assert "知识产权优势企业培育计划" in corpus.clause_index()[moved.local].text


def test_quotes_ignore_white_space_and_are_optional(tmp_path):
    source = copy_sources(tmp_path)
    path = source / "crossrefs.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("local_quote: 知识产权优势企业培育计划", "local_quote: 知识产权 优势企业　培育计划")
    text = text.replace("    national_quote: 政府采购对知识产权密集型产品\n", "")  # an entry without one
    path.write_text(text, encoding="utf-8")
    errors = Collector()
    corpus = load_corpus(source, errors)
    decisions = load_decisions(source, corpus, errors)
    assert errors.errors == []
    assert len(decisions) == text.count("decision:")


def test_a_wrong_national_quote_is_located_too(tmp_path):
    source = copy_sources(tmp_path)
    path = source / "crossrefs.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("national_quote: 完善执业信息披露制度", "national_quote: 不在此句中"), encoding="utf-8"
    )
    errors = Collector()
    corpus = load_corpus(source, errors)
    assert load_decisions(source, corpus, errors) != ()
    (error,) = errors.errors
    line = _line_of(path, "national_quote: 不在此句中")  # at the quote that no longer holds
    assert str(error).startswith(f"{path}:{line}:")
    assert (
        "expected guobanfa-2016-106/2-2/s4 to contain its national_quote '不在此句中', found '放宽专利代理机构"
        in str(error)
    )
    assert str(error).endswith(
        ": no other sentence of guobanfa-2016-106 holds the quote: if the words were deleted, remove the entry; "
        "if they were reworded, check the entry still holds for the new words and quote them"
    )


def test_a_quote_held_only_by_a_clause_the_entry_may_not_name_names_none(tmp_path):
    """知识产权制度是激励创新的基本保障 stands in 25号's opening paragraph, no measure the matcher links: the message
    said 'yufufa-2016-25/p1/s1 holds the quote now: write local: …', and the entry so written was refused (review of
    session 42). A clause named as holding the quote is one the entry may name."""
    source = copy_sources(tmp_path)
    path = source / "crossrefs.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("local_quote: 放宽对专利代理机构股东或合伙人", "local_quote: 知识产权制度是激励创新的基本保障"),
        encoding="utf-8",
    )
    errors = Collector()
    corpus = load_corpus(source, errors)
    load_decisions(source, corpus, errors)
    (error,) = errors.errors
    assert str(error).endswith(
        ": no other sentence of yufufa-2016-25 holds the quote: if the words were deleted, remove the entry; if they "
        "were reworded, check the entry still holds for the new words and quote them"
    ), str(error)
