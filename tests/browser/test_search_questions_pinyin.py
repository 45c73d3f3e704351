"""Queries typed as questions (专利代理机构有什么要求) and as pinyin with the input method off (zhuanli zhiya):
the lead's blind probe found nothing for either, tests/data/search_queries_questions_pinyin.tsv."""

from __future__ import annotations

import pytest

from .search_battery import texts_by_url
from .search_probe import META, search, search_results


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("zhuanli zhiya", "专利 质押"),  # the lead's blind probe: nothing at all (the texts say 知识产权质押)
        ("zhuanlizhiya", "专利 质押"),  # run together
        ("zhishichanquan baohu", "知识产权保护"),  # held whole by the texts: one word
        ("zhishi chanquan", "知识产权"),
        ("zhuan li", "专利"),  # a syllable apart
        ("shangbiao", "商标"),
        ("zhiya rongzi", "质押融资"),
        ("chongqing zhiya", "重庆 质押"),
        ("qinquanpeichang dilibiaozhi", "侵权赔偿 地理标志"),  # words where the spaces are, not 侵权赔偿的 理标志
        ("qinquanpeichangdilibiaozhi", "侵权赔偿 地理标志"),  # the words the most clauses hold
    ],
)
def test_pinyin_typed_without_converting_is_read_as_the_chinese_the_texts_hold(base_url, search_page, typed, meant):
    """Latin letters that split into pinyin syllables are read as the texts' characters with those readings,
    the writing of the fewest words the texts hold, the most clauses holding them; a notice says so."""
    groups = search_results(search_page, base_url, typed)
    assert groups and groups[0][0]["title"] == f"没有找到“{typed}”，以下是“{meant}”的结果", groups[:2]
    found, intended = search(search_page, base_url, typed), search(search_page, base_url, meant)
    assert intended and found[1:6] == intended[:5], (found[:6], intended[:5])


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "meant"), [("zhuanli", "专利"), ("zhishichanquan", "知识产权"), ("专利航导", "专利导航")]
)
def test_the_notice_of_a_query_read_another_way_is_not_counted_as_a_result(base_url, page, typed, meant):
    """Material draws the notice as a result and counted it: zhuanli said 148 个符合条件的结果 where 专利 finds 147
    (session 42's phone review)."""
    groups = search_results(page, base_url, typed)
    assert groups[0][0]["title"].startswith(f"没有找到“{typed}”"), groups[:1]
    said = page.locator(META).inner_text().strip()
    search_results(page, base_url, meant)
    assert said == page.locator(META).inner_text().strip()
    assert said.endswith(" 个符合条件的结果"), said


@pytest.mark.browser
@pytest.mark.parametrize("query", ["PCT", "GDP", "3289", "2020", "PCT专利申请量"])
def test_latin_letters_and_numbers_the_texts_hold_are_found_as_typed(base_url, search_page, query):
    groups = search_results(search_page, base_url, query)
    assert groups and not groups[0][0]["title"].startswith("没有找到"), groups[:2]


@pytest.mark.browser
def test_latin_letters_that_are_no_pinyin_still_find_nothing(base_url, search_page):
    for query in ("xyzzy", "pct zhuanlixyz"):
        assert search(search_page, base_url, query) == [], query


@pytest.mark.browser
@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("专利导航是什么", "专利导航"),
        ("知识产权法院设在哪里", "知识产权法院设在"),
        ("有没有海外维权援助", "海外维权援助"),
        ("专利导航是什么意思", "专利导航"),  # 意思 asked after, in no text
        # asked how many, which one, how long, when, who (probe32: 知产法院有几个 found one sentence, on 某几个)
        ("知识产权法院有几个", "知识产权法院"),
        ("税务总局负责哪条", "税务总局负责"),
        ("试点期限多长时间", "试点期限"),
        ("实施方案多久内印发", "实施方案 内印发"),
        ("什么时候建成知识产权强省", "建成知识产权强省"),
        ("谁来督查", "督查"),
        # typed in traditional characters: 誰 and 麼 stand for no character of the texts (谁, 么 are in none)
        ("專利導航由誰負責", "專利導航 負責"),
        ("誰來督查", "督查"),
        ("專利導航是什麼", "專利導航"),
        # session 33: asked at the end with a word a text holds elsewhere (几个: 59号's 某几个)
        ("引领型强省要建几个", "引领型强省要建"),
        ("强省试点省最多几个", "强省试点省最多"),
    ],
)
def test_the_words_of_a_question_part_the_words_the_texts_hold(base_url, search_page, question, words):
    """什么, 哪些, 哪里, 有没有 …, in no text, weighed as the rarest words and outweighed the rest: the query
    found nothing.  They part the query's words, as a space does."""
    found = search(search_page, base_url, question, every=True)
    assert found and found == search(search_page, base_url, words, every=True)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("专利代理机构有什么要求", "专利代理机构 要求"),  # the lead's blind probe: nothing at all
        ("知识产权质押融资有哪些规定", "知识产权质押融资 规定"),
        ("知识产权服务业有哪些政策", "知识产权服务业 政策"),
    ],
)
def test_a_question_asking_the_kind_finds_what_its_words_find_first(base_url, search_page, question, words):
    """有什么要求, 有哪些政策: the words part the query as a space does, and what they find comes first; the word asked
    the kind of (要求, 政策) is not needed to meet the floor (session 33), so the clauses on the subject alone follow."""
    found, expected = (
        search(search_page, base_url, question, every=True),
        search(search_page, base_url, words, every=True),
    )
    assert expected and found[:5] == expected[:5] and set(expected) <= set(found), (found[:5], expected[:5])


@pytest.mark.browser
def test_chongqing_in_a_question_names_its_document(base_url, search_page):
    """重庆怎么落实专利质押融资: 重庆, parted from the rest by 怎么, names 渝府发〔2016〕25号 as it does alone."""
    hrefs = search(search_page, base_url, "重庆怎么落实专利质押融资")
    assert len(hrefs) >= 5 and all("yufufa-2016-25" in href for href in hrefs[:5]), hrefs[:5]


@pytest.mark.browser
def test_a_word_of_asking_leaves_no_lone_character_as_the_query(base_url, search_page):
    """Session 33: 几年来 (over the past few years) holds 几年, a word of asking (how many years), which parted it and
    left 来 alone: the query was 来, marked in every 将来源地 and 来渝.  A character an asking word leaves alone is
    part of the phrase, not a word to find; what it leaves of two characters or more still is (在哪里投诉: 投诉)."""
    marks = {
        mark
        for group in search_results(search_page, base_url, "几年来", every=True)
        for link in group
        for mark in link["marks"]
    }
    assert "来" not in marks, marks
    assert search(search_page, base_url, "在哪里投诉", every=True) == search(search_page, base_url, "投诉", every=True)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("质押融资2020年目标", "质押融资 2020年 目标"),
        ("重庆2020年要达到什么目标", "重庆 2020年 要达到 目标"),
        # a word the texts begin with 年 keeps it: 2016年度报告 was 2016年 and 度报告 (106号's 2016年工作要点 alone)
        ("2016年度报告", "2016 年度报告"),
        ("2015年均增长", "2015 年均增长"),
        ("质押融资2020年度金额", "质押融资 2020 年度金额"),
    ],
)
def test_a_year_typed_among_words_is_a_word_of_its_own(base_url, built, search_page, typed, words):
    """Probe33: 质押融资2020年目标多少亿 was one word no clause holds and found only 86号's 发展目标, not the table's
    质押融资 row (its 2020年 in the head); 重庆2020年要达到什么目标 could not name 25号 by 重庆.  A year before 年度 or
    年均 is the number alone, as a reader typing it apart writes 2016 年度报告: the texts' 年度 and 年均 are words."""
    assert search(search_page, base_url, typed, every=True) == search(search_page, base_url, words, every=True)
    # a character alone stays with its year: the sentences opening 到2020年 come first, not 86号's table head
    first = search(search_page, base_url, "到2020年")[0]
    assert "到2020年" in texts_by_url(built.docs)[first], first


@pytest.mark.browser
def test_a_question_asking_the_kind_finds_its_subject_first(base_url, search_page):
    """强省建设有哪几种类型: 类型, the kind asked (the answer is 引领型, 支撑型, 特色型), is not its main word, nor needed to
    meet the floor (session 33): what 强省建设 类型 finds is found, and 59号's headings on its three types come first,
    before 106号's 多种类型的改革探索, which holds 类型 and no 强省."""
    question = search(search_page, base_url, "强省建设有哪几种类型", every=True)
    assert set(search(search_page, base_url, "强省建设 类型", every=True)) <= set(question)
    assert all("guozhifaguanzi-2015-59" in href for href in question[:7]), question[:7]
    assert "/documents/guozhifaguanzi-2015-59/#c2-3" in question[:7], question[:7]
