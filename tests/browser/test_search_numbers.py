"""Numbers in the search box: whole numbers and decimals, as readers type figures and years."""

from __future__ import annotations

import re

import pytest

from .search_probe import META, search, search_results

TABLE = "/documents/guofa-2016-86/#table1-"
PLAN_59 = "/documents/guozhifaguanzi-2015-59/"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "first", "absent"),
    [
        # a decimal is a decimal: 6.3 is not task 63, 2.5 not task 25, 25号, 2025 or 282.5%
        ("6.3", (TABLE + "r1", "/documents/guofa-2016-86/#c1-p1-s3"), ("t63",)),
        ("2.5", (TABLE + "r3",), ("t25", "/documents/yufufa-2016-25/", PLAN_59 + "#c3-3", "#c1-p1-s7")),
        ("3.5万件", ("/documents/guofa-2016-86/#c1-p1-s14",), (TABLE + "r4",)),
        ("6.3件", ("/documents/guofa-2016-86/#c1-p1-s3",), ("t63",)),
        # a whole number is whole: 2020 is not the 202 of 2025 nor the 20 of 2030 or of a cell 220
        ("2020年", (PLAN_59 + "#c3-1", TABLE + "head"), (PLAN_59 + "#c3-3", "#c4-6-2-s2", "-4-6-2/", "#c1-3-p1")),
        ("2020", (PLAN_59 + "#c3-2", PLAN_59 + "#c3-1"), (TABLE + "r4", TABLE + "r9", PLAN_59 + "#c3-3")),
    ],
)
def test_a_number_matches_whole_numbers_only(base_url, search_page, query, first, absent):
    hrefs = search(search_page, base_url, query)
    assert hrefs and hrefs[0] in first, hrefs[:5]
    assert not [href for href in hrefs if any(part in href for part in absent)], hrefs


@pytest.mark.browser
def test_a_numbered_box_is_found_without_its_neighbours(base_url, search_page):
    """专栏2 finds 专栏2 (the box and its task page), not 专栏3–9 marked 缺少: 专栏2; the count says so."""
    groups = search_results(search_page, base_url, "专栏2")
    links = [link for group in groups for link in group if "#" in link["href"] or "/tasks/" in link["href"]]
    assert links and all("box2" in link["href"] for link in links), [link["href"] for link in links]
    assert not any("缺少" in link["text"] for group in groups for link in group)
    meta = search_page.locator(META).text_content()
    assert re.search(r"\d+", meta).group() == str(len(groups)), meta


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "dash"),
    [
        ("2020到2025年", "2020—2025年"),
        ("2020年到2025年", "2020—2025年"),
        ("2020至2025年", "2020—2025年"),
        ("2020年-2025年", "2020—2025年"),  # a dash after the unit: normalised, it was 2020年2025年
        ("2025到2030", "2025—2030"),
        ("3到4个引领型", "3—4个引领型"),
    ],
)
def test_a_range_typed_with_dao_or_zhi_finds_the_texts_dash(base_url, search_page, query, dash):
    """The texts write a span of years, or of a count, with a dash (2020—2025年, 3—4个); people type 到 or 至
    between the two numbers: 2020到2025年 found the heading marked at 2020 and 2025年 apart, and 2020到2025年强省干什么
    missed the clause under it (heldout33).  Read as the dash, it finds what the dash finds, marked whole."""
    assert search(search_page, base_url, query, every=True) == search(search_page, base_url, dash, every=True)
    first = next(link for group in search_results(search_page, base_url, query) for link in group if link["text"])
    assert dash in first["marks"], first


@pytest.mark.browser
def test_a_range_of_years_among_words_finds_the_clause_under_its_heading(base_url, search_page):
    """heldout33's 2020到2025年强省干什么: 59号's 列为知识产权强省建设示范省, under （二）第二阶段（2020—2025年）."""
    hrefs = search(search_page, base_url, "2020到2025年强省干什么")
    assert PLAN_59 + "#c3-2-p1" in hrefs[:5], hrefs[:5]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # no text writes 2016—2020 (86号 says 到2020年): the dash found nothing, as typed 到2020 finds its goals
        ("2016到2020", "/documents/guofa-2016-86/#c2-3-p1"),
        ("2016至2020", "/documents/guofa-2016-86/#c2-3-p1"),
        # a span of labels: no text writes 第3—5项; read as typed, 66号文 still names its document
        ("66号文第3到5项", "/documents/guobanhan-2016-66/"),
    ],
)
def test_a_range_the_dash_finds_nothing_for_is_read_as_typed(base_url, search_page, query, expected):
    """A range read as the texts' dash that then finds nothing is read as typed: 2016到2020 found 86号's 到2020年
    goals before the dash was read, and nothing after (no text writes 2016—2020); 66号文第3到5项 its document,
    and then nothing."""
    hrefs = search(search_page, base_url, query)
    assert expected in hrefs[:5], hrefs[:5]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "first"),
    [
        # staff35: the texts' 1年; 66号's task 3 and 86号 on 综合管理改革试点 came first, the 期限 clause in no first five
        ("综合管理改革试点 期限 一年", "/documents/guobanfa-2016-106/#c1-3"),
        # found before by their other characters, and still: the reading as typed is kept beside the other
        ("试点期限为一年", "/documents/guobanfa-2016-106/#c1-3-s7"),
        # the texts' 三个阶段 and 两个月内, typed in Arabic digits (found before by their other characters, and still)
        ("59号 分3个阶段", "/documents/guozhifaguanzi-2015-59/#c1-2-p3-s2"),
        ("2个月内印发", "/documents/guobanfa-2016-106/#c3-1-s4"),
    ],
)
def test_a_count_is_found_in_either_numerals(base_url, search_page, query, first):
    """A count (a number of 1–99 before a measure word: 一年, 3个) is read as typed and in the other numerals: the texts
    write 试点期限为1年 and 5—6个 in Arabic digits, 分三个阶段 and 两个月内 in Chinese ones."""
    assert search(search_page, base_url, query)[0] == first
