"""Query styles from the second blind probe (tests/data/search_queries_styles.tsv): news phrases, figures
with units, short titles, full-width forms, English acronyms, typos of a missing or swapped character, and
words parted by 、，/."""

from __future__ import annotations

import pytest

from .search_battery import is_hit, load_battery, texts_by_url
from .search_probe import search

# Measured: 27/34 when written, 29/34 once WIPO and WTO were read as the texts' names. Still missed, kept as
# written: 2020年 PCT 6万件 (the table row holds 6 and 万件 apart), three short titles whose topic word is
# found first in another clause of the right document, and 专利航导 (two characters swapped).
STYLES_FLOOR = 29 / 34


@pytest.mark.browser
def test_the_styles_battery_stays_at_its_measured_floor(built, base_url, search_page):
    texts = texts_by_url(built.docs)
    rows = load_battery("search_queries_styles.tsv")
    misses = [query for query, excerpt in rows if not is_hit(search(search_page, base_url, query), excerpt, texts)]
    hit_rate = 1 - len(misses) / len(rows)
    assert hit_rate >= STYLES_FLOOR - 1e-9, f"hit rate {hit_rate:.1%}; missed: {misses}"


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "clause"),
    [
        # the press writes the organisations' English acronyms; the texts only their Chinese names
        ("WIPO", "/documents/guofa-2016-86/#"),
        ("wipo 合作交流", "/documents/guobanhan-2016-66/#"),
        ("WTO", "/documents/guofa-2016-86/#"),
        ("ＷＴＯ", "/documents/guofa-2016-86/#"),  # full-width, as an input method may leave it
    ],
)
def test_an_organisations_english_acronym_finds_its_chinese_name(base_url, search_page, query, clause):
    hrefs = search(search_page, base_url, query)
    assert any(href.startswith(clause) for href in hrefs[:5]), hrefs[:5]
