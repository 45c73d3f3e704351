"""What the clause search index holds: clause text, and of the covering notices only their prose."""

from __future__ import annotations

import json

from build_scripts.publish.search_index import build_search_index


def test_covering_notice_prose_is_searchable_but_addressees_and_signatures_are_not(model):
    index = json.loads(build_search_index(model.corpus.documents))
    texts = {entry["l"]: entry["x"] for entry in index["e"]}
    assert "远景规划" in texts["documents/guozhifaguanzi-2015-59/#pre6"]
    assert "形成工作合力" in texts["documents/guobanhan-2016-66/#pre7"]
    for line in ("pre4", "pre8", "pre9"):  # addressees, issuer, date: the document entry has those
        assert f"documents/guozhifaguanzi-2015-59/#{line}" not in texts


def test_titles_in_the_search_box_carry_one_pair_of_book_title_marks(model):
    index = json.loads(build_search_index(model.corpus.documents))
    titles = [entry["t"] for entry in index["e"]]
    assert "《重点任务分工方案》 五、（一）87. 积极参与联合国框架下的发展议程，推动《TRIP…" in titles
    assert not [title for title in titles if title.startswith("《《")]


def test_clauses_and_task_pages_carry_the_labels_a_reader_cites_them_by(built):
    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    entries = {entry["l"]: entry for entry in index["e"]}
    assert entries["documents/guobanhan-2016-66/#t55"]["c"] == ["第55项", "第五十五项", "任务55", "任务五十五"]
    assert entries["documents/guobanhan-2016-66/#t106"]["c"][:2] == ["第106项", "第一百零六项"]
    assert entries["documents/guobanhan-2016-66/#t10"]["c"][:2] == ["第10项", "第十项"]
    item = ["第四部分第（六）条第2项", "第四部分第（六）条第二项", "任务四（六）2"]  # 任务四（六）2 is no number
    assert entries["documents/guofa-2016-86/#c4-6-2"]["c"] == item
    assert entries["documents/guofa-2016-86/#table1-r2"]["c"] == ["表1第2行"]
    # a subsection as its heading numbers it too, without the 、 (四、（六） → 四（六）); a section has no such form
    assert entries["documents/guofa-2016-86/#c4-6"]["c"] == ["第四部分第（六）条", "四（六）"]
    assert entries["documents/guofa-2016-86/#c4"]["c"] == ["第四部分"]
    assert entries["documents/guobanhan-2016-66/#t55-s1"]["c"] == ["第55项第1句"]  # a sentence keeps its one form
    task = entries["tasks/guobanhan-2016-66-t55/"]
    assert task["c"] == ["任务55", "任务五十五", "第55项", "第五十五项"]
    assert index["p"][task["g"]]["c"] == "《重点任务分工方案》（国办函〔2016〕66号）"


def test_a_box_is_labelled_as_a_box_not_as_a_task_numbered_box(built):
    """Public-reader review: searching 专栏7 listed 86号's box as “任务专栏7”."""
    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    text = json.dumps(index, ensure_ascii=False)
    assert "专栏7" in text and "任务专栏" not in text
    assert all(len(entry.get("c", [])) == len(set(entry.get("c", []))) for entry in index["e"])  # each form once
    assert not any("任务专栏" in p.read_text(encoding="utf-8") for p in built.docs.rglob("*.md"))


def test_boxes_and_tables_are_found_by_their_number_in_chinese_numerals_too(built):
    """Second public-reader review: 专栏二 ranked 专栏2-5 alike (专栏1 fifth) and 表一 found nothing, while
    第五十五项 and 任务五十五 work: the index holds the Chinese-numeral form of a box's and a table's label."""
    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    entries = {entry["l"]: entry for entry in index["e"]}
    assert entries["documents/guofa-2016-86/#box2"]["c"] == ["专栏2", "专栏二"]
    assert entries["documents/guofa-2016-86/#table1"]["c"] == ["表1", "表一"]


def test_the_index_reads_traditional_characters_as_the_texts_simplified_ones(built):
    """Second public-reader review: 專利導航, 知識產權質押 and 商標 found nothing. The index carries the
    traditional forms of the characters it holds (traditional.tsv), and the table is what OpenCC gives."""
    from .traditional_table import TABLE, table

    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    forms = index["t"]
    assert forms["導"] == "导" and forms["權"] == "权" and forms["產"] == "产" and forms["標"] == "标"
    text = json.dumps({k: v for k, v in index.items() if k != "t"}, ensure_ascii=False)
    assert all(simple in text for simple in forms.values())  # only the characters the texts hold
    assert TABLE.read_text(encoding="utf-8") == table()  # python -m tests.traditional_table writes it


def test_the_readings_the_search_worker_fetches_are_what_pypinyin_gives():
    """The sound-alike reading of a query that finds nothing (质压融资 → 质押融资) uses this table."""
    from .readings_table import TABLE, table

    readings = json.loads(TABLE.read_text(encoding="utf-8"))
    assert "押" in readings["ya"] and "压" in readings["ya"] and "重" in readings["chong"] and "重" in readings["zhong"]
    assert len({c for chars in readings.values() for c in chars}) == 6763  # GB 2312's hanzi, each under its readings
    assert TABLE.read_text(encoding="utf-8") == table()  # python -m tests.readings_table writes it


def test_a_task_pages_search_result_reads_as_the_pages_title(built):
    """Reader review: the search box listed task 10 as “《重点任务分工方案》 任务10 在对…” and the page it led to
    was titled “《重点任务分工方案》 10 在对…”. A task page's result is titled as its page is (tab, heading)."""
    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    results = {entry["l"]: entry["t"] for entry in index["e"] if entry["l"].startswith("tasks/")}
    assert len(results) == len(built.site.tasks)
    titles = {}
    for location in results:
        page = (built.docs / f"{location.rstrip('/')}.md").read_text(encoding="utf-8")
        line = next(line for line in page.splitlines() if line.startswith("title: "))
        titles[location] = json.loads(line.removeprefix("title: "))
    assert results == titles
    assert results["tasks/guobanhan-2016-66-t10/"].startswith("《重点任务分工方案》 任务10 在对党政领导班子")


def test_a_task_pages_entry_says_how_much_of_its_text_names_its_agencies(built):
    """A 66号 task page's search text ends with its agencies (知识产权局、农业部…), and an agency page's is its names:
    "r" says how many characters, so the worker ranks a query found only there (农业 of 农业部) after the clauses
    holding it (session 43)."""
    index = json.loads((built.docs / "data" / "search-index.json").read_text(encoding="utf-8"))
    by_location = {entry["l"]: entry for entry in index["e"]}
    tasks = {task.clause: task for task in built.site.tasks}
    agencies = {agency.id: agency.name for agency in built.site.agencies}
    for clause, task in tasks.items():
        entry = by_location.get(f"tasks/{task.id}/")
        assert entry is not None, task.id
        names = "、".join(agencies[a] for a in (*task.lead_agencies, *task.other_agencies))
        if names:
            assert entry["r"] == len(names) and entry["x"].endswith(names), (clause, entry)
        else:
            assert "r" not in entry, (clause, entry)
    for agency in built.site.agencies:  # an agency page's text is its names: all of it
        entry = by_location[f"agencies/{agency.id}/"]
        assert entry["r"] == len(entry["x"]), entry
    t13 = by_location["tasks/guobanhan-2016-66-t13/"]
    assert t13["x"][-t13["r"] :] == "知识产权局、农业部、工商总局、质检总局、版权局、林业局"
