"""Indicators: numbers parsed from the 86号 table and 59号 goals; every variant resolves; charts."""

from __future__ import annotations

import json
import re

from build_scripts.extract.indicators import find_indicator_mentions

from .helpers import read_page

TABLE = {  # row: (id, unit, 2015, 2020, increase)
    1: ("invention-patents-per-10k", "件", 6.3, 12, 5.7),
    2: ("pct-applications", "万件", 3, 6, 3),
    3: ("plant-variety-applications", "万件", 1.7, 2.5, 0.8),
    4: ("copyright-registrations", "万件", 135, 220, 85),
    5: ("ip-pledge-financing", "亿元", 750, 1800, 1050),
    6: ("software-copyright-registrations", "万件", 29, 44, 15),
    7: ("manufacturing-patents-per-100m-revenue", "件", 0.56, 0.7, 0.14),
    8: ("ip-royalty-exports", "亿美元", 44.4, 100, 55.6),
    9: ("ip-services-revenue-growth", "%", 20, 20, None),
    10: ("ip-protection-satisfaction", "分", 70, 80, 10),
}


def test_all_ten_table_indicators_carry_their_values(model):
    by_id = {i.id: i for i in model.indicators}
    for row, (indicator_id, unit, baseline, target, increase) in TABLE.items():
        i = by_id[indicator_id]
        assert i.clause == f"guofa-2016-86/table1/r{row}"
        assert (i.unit, i.baseline, i.baseline_year, i.target, i.target_year, i.increase, i.attribute) == (
            unit,
            baseline,
            2015,
            target,
            2020,
            increase,
            "预期性",
        )
    assert by_id["ip-royalty-exports"].note == "知识产权使用费出口额为五年累计值。"
    assert [i.id for i in model.indicators if i.note] == ["ip-royalty-exports"]


def test_59_goals_keep_ranges_as_text(model):
    by_id = {i.id: i for i in model.indicators}
    share = by_id["leading-province-demo-city-share"]
    assert (share.target, share.unit, share.target_year) == (60, "%", 2030)
    cities = by_id["distinctive-province-demo-cities"]
    assert (cities.target, cities.target_text, cities.target_low, cities.target_high) == (None, "2—3", 2, 3)
    assert [
        by_id[k].target_text for k in ("leading-ip-provinces", "supporting-ip-provinces", "distinctive-ip-provinces")
    ] == ["3—4", "5—6", "4—5"]


def test_every_variant_resolves_to_its_indicator(model):
    for indicator in model.indicators:
        forms = [*indicator.variants, indicator.goal or indicator.name]
        for form in forms:
            assert form in {m.surface for m in indicator.mentions}, (indicator.id, form)
            for other in model.indicators:
                if other is not indicator:
                    assert form not in {m.surface for m in other.mentions}
    by_id = {i.id: i for i in model.indicators}
    assert {m.clause.split("/")[0] for m in by_id["pct-applications"].mentions} == {
        "guofa-2016-86",
        "guozhifaguanzi-2015-59",
    }
    background = by_id["invention-patents-per-10k"].mentions  # 规划背景: "每万人口发明专利拥有量达到6.3件"
    assert any(m.clause.startswith("guofa-2016-86/1/p1/") for m in background)


def test_mentions_never_overlap(model):
    spans = sorted((m.clause, m.start, m.end) for i in model.indicators for m in i.mentions)
    for (clause_a, _, end_a), (clause_b, start_b, _) in zip(spans, spans[1:], strict=False):
        assert clause_a != clause_b or end_a <= start_b
    found = find_indicator_mentions(model.corpus, model.indicators)
    assert sum(map(len, found.values())) == len(spans)


def test_json_numbers_are_numbers_and_charts_are_accessible(built):
    records = json.loads((built.docs / "data" / "indicators.json").read_text(encoding="utf-8"))
    pct = next(r for r in records if r["id"] == "pct-applications")
    assert (pct["baseline"], pct["target"], pct["increase"]) == (3, 6, 3)
    growth = next(r for r in records if r["id"] == "ip-services-revenue-growth")
    assert growth["increase"] is None
    html = (built.html / "indicators" / "pct-applications" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg[^>]*role=\"img\"[^>]*>.*?</svg>", html, re.S).group()
    assert 'role="img"' in svg and "<title" in svg and "6 万件" in svg


def test_a_mention_in_the_indicator_table_reads_with_its_column_headers(built):
    page = read_page(built.docs / "indicators/invention-patents-per-10k.md")
    assert (
        '<a href="../../documents/guofa-2016-86/#table1-r1"><mark>每万人口发明专利拥有量</mark>'
        "（件）：2015年 6.3，2020年 12，累计增加值 5.7，属性 预期性</a>"
    ) in page
    assert " | 6.3 | " not in page


def test_the_index_keeps_the_note_under_the_86_table(built):
    """The 86号 table's 注 qualifies 知识产权使用费出口额's 44.4 and 100 (five-year totals); the
    index showed them bare, as if yearly amounts."""
    page = (built.docs / "indicators/index.md").read_text(encoding="utf-8")
    section_86 = page.split("{ #indicators-guofa-2016-86 }")[1].split("{ #indicators-guozhifaguanzi-2015-59 }")[0]
    assert "注：知识产权使用费出口额为五年累计值。" in section_86
    assert page.count("注：") == 1  # the 59号 goals have no note


def test_a_figure_named_like_the_indicator_but_not_of_its_kind_carries_the_sites_note(built):
    """86号's 规划背景 says 知识产权质押融资额达到3289亿元: a five-year total, shown among the mentions of
    an indicator whose 2015 value is 750 with no word (public-reader review). indicators.yaml's remark
    is shown as 本站注 under the values, as text, and is in the data."""
    page = read_page(built.docs / "indicators" / "ip-pledge-financing.md")
    assert "达到3289亿元" in page
    remark = re.search(r'<dt>本站注</dt><dd class="indicator-remark">([^<]+)</dd>', page)
    assert remark and "3289亿元不是2015年的年度值" in remark.group(1) and "本站未找到官方说明" in remark.group(1)
    records = {r["id"]: r for r in json.loads((built.docs / "data" / "indicators.json").read_text(encoding="utf-8"))}
    assert records["ip-pledge-financing"]["remark"] == remark.group(1).replace("&quot;", '"')
    noted = {"ip-pledge-financing", "ip-royalty-exports"}
    others = [r for r in records.values() if r["id"] not in noted]
    assert others and all(r["remark"] is None for r in others)
    assert not any(
        "本站注" in read_page(p) for p in (built.docs / "indicators").glob("*.md") if p.stem not in noted | {"index"}
    )


def test_the_index_marks_the_values_its_note_qualifies(built):
    """Third public-reader review: the index showed 44.4（2015） and 100（2020） of 知识产权使用费出口额 with no
    mark, its 本站注 only on the indicator's own page. A ※ after the name leads to the note under the table."""
    page = read_page(built.docs / "indicators/index.md")
    for indicator in ("ip-pledge-financing", "ip-royalty-exports"):
        row = next(line for line in page.splitlines() if f"]({indicator}.md)" in line)
        assert f'href="#remark-{indicator}"' in row and "※" in row
        note = re.search(rf'<p class="indicator-note" id="remark-{indicator}">※ 本站注（[^）]+）：([^<]+)</p>', page)
        assert note, indicator
    assert "五年累计值" in re.search(r'id="remark-ip-royalty-exports">([^<]+)<', page).group(1)
    assert page.count("※ 本站注") == 2  # only the noted ones
    # the text's own 注 first, then the site's (code review)
    assert page.index("注：知识产权使用费出口额为五年累计值。") < page.index('id="remark-ip-royalty-exports"')


def test_a_five_year_total_shown_under_yearly_headings_carries_the_sites_note(built):
    """Public-reader review: 知识产权使用费出口额's page showed 基期值（2015年）44.4 and 目标值（2020年）100,
    as the table's columns head them, though the table's note says the row is a five-year total: read as
    yearly values they overstate it about fourfold. 本站注 says what the two columns count."""
    page = read_page(built.docs / "indicators" / "ip-royalty-exports.md")
    remark = re.search(r'<dt>本站注</dt><dd class="indicator-remark">([^<]+)</dd>', page)
    assert remark and "五年累计值" in remark.group(1) and "不是当年的年度值" in remark.group(1)


def test_the_index_names_the_documents_its_values_come_from_as_documents_yaml_gives_them(tmp_path):
    """The index's first sentence named 国发〔2016〕86号's table and 国知发管字〔2015〕59号's goals in its
    template: a 文号 corrected in documents.yaml (or 59号 removed) left it naming what the site no longer
    shows (a red team of staff sequences). It names each document the index lists, as documents.yaml
    gives its 文号."""
    from .helpers import generate_in, generated_copy, read_page, replace

    source = generated_copy(tmp_path)
    replace("documents.yaml", "doc_number: 国发〔2016〕86号", "doc_number: 国发〔2016〕87号")(source)
    assert generate_in(tmp_path).returncode == 0
    page = read_page(tmp_path / "docs/indicators/index.md")
    assert "数值取自原文（国发〔2016〕87号的指标表、国知发管字〔2015〕59号的目标表述）。" in page


def test_each_mention_is_the_name_a_variant_or_the_goal_as_the_data_says(built):
    """Open-data review (session 44): the README said mentions are where an indicator is named under one of its
    variants, but 59号's six goals have none and are found by their goal's words (建成3—4个引领型知识产权强省).
    Each surface is one of the three forms, the goals' are their words, and the README and schema say so."""
    for indicator in built.site.indicators:
        forms = {indicator.name, *indicator.variants, *((indicator.goal,) if indicator.goal else ())}
        assert indicator.mentions and {m.surface for m in indicator.mentions} <= forms, indicator.id
    by_goal = [i for i in built.site.indicators if i.goal and any(m.surface == i.goal for m in i.mentions)]
    assert len(by_goal) == 6 and all(i.doc == "guozhifaguanzi-2015-59" for i in by_goal)
    schema = json.loads((built.docs / "data" / "schemas" / "indicators.schema.json").read_text(encoding="utf-8"))
    said = schema["items"]["properties"]["mentions"]["description"]
    assert "变体" in said and "建成3—4个引领型知识产权强省" in said
