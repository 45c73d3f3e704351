"""Open data: schema-valid, and every clause url resolves to an element id in the built HTML."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from build_scripts import patterns
from build_scripts.clean import split_lines
from build_scripts.link.crossrefs import OTHER_THRESHOLD
from build_scripts.load.texts import read_text
from build_scripts.model import AGENCY_KINDS, ClauseKind
from build_scripts.publish import export
from build_scripts.render.escape import finalize

from .helpers import SOURCE, copy_sources, generate_in, mkdocs_build, read_page, replace


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.add(value)


def html_ids(path: Path) -> set[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


def test_every_data_file_matches_its_schema(built):
    data = built.docs / "data"
    # not the search index (internal) nor datapackage.json (the Data Package profile's, checked on its own below)
    internal = ("search-index.json", "datapackage.json")
    names = sorted(p.name.removesuffix(".json") for p in data.glob("*.json") if p.name not in internal)
    assert {"documents", "clauses"} <= set(names)
    for name in names:
        schema = json.loads((data / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        records = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
        jsonschema.validate(records, schema)


def test_every_clause_url_resolves_to_an_element_id(built):
    clauses = json.loads((built.docs / "data" / "clauses.json").read_text(encoding="utf-8"))
    ids_by_page: dict[str, set[str]] = {}
    for clause in clauses:
        page, _, anchor = clause["url"].partition("#")
        if page not in ids_by_page:
            ids_by_page[page] = html_ids(built.html / page.strip("/") / "index.html")
        assert anchor in ids_by_page[page], clause["url"]
    assert len(clauses) > 1000


def test_no_positional_heading_ids_anywhere(built):
    positional = re.compile(r'\bid="_\d+"')
    offenders = [
        p.relative_to(built.html).as_posix()
        for p in built.html.rglob("*.html")
        if positional.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_documents_json_records_metadata_and_provenance(built):
    documents = {d["id"]: d for d in json.loads((built.docs / "data" / "documents.json").read_text(encoding="utf-8"))}
    assert documents["guobanfa-2016-106"]["doc_number"] == "国办发〔2016〕106号"
    assert "官方发布稿" in documents["guobanfa-2016-106"]["provenance"]["doc_number"]
    assert documents["yufufa-2016-25"]["date"] is None
    assert documents["guozhifaguanzi-2015-59"]["published"] == "2015-10-22"
    assert [d["text"] for d in documents["guozhifaguanzi-2015-59"]["dropped_lines"]][:4] == [
        "发布时间: 2015-10-22",
        "大 中 小",
        "打印",
        "关闭窗口",
    ]


def test_document_page_shows_metadata_and_external_reference(built):
    page = (built.html / "documents" / "guofa-2016-86" / "index.html").read_text(encoding="utf-8")
    for label in ("发文机关", "发文字号", "成文日期", "发布日期", "层级"):
        assert label in page
    # 实施依据 and the text's own mention: one bracket group each, 《…》（国发〔2015〕71号，本站未收录）
    text = re.sub(r"<[^>]+>", "", page)
    assert text.count("》（国发〔2015〕71号，本站未收录）") == 2 and "）（本站未收录）" not in text
    assert 'class="doc-ref doc-ref-external"' in page and '<span class="not-collected">，本站未收录</span>）' in page
    assert 'id="c4-2-3"' in page and 'href="#c4-2-3"' in page


def test_the_schemas_accept_the_ids_an_insertion_gives(built):
    """An inserted paragraph or sentence has a lettered id (track/lineage.py): …/p1a/s2b is a sentence too."""
    schemas = built.docs / "data" / "schemas"
    crossref = json.loads((built.docs / "data" / "crossrefs.json").read_text(encoding="utf-8"))[0]
    clause = json.loads((built.docs / "data" / "clauses.json").read_text(encoding="utf-8"))[0]
    for name, record, key in (("crossrefs", crossref, "local"), ("clauses", clause, "id")):
        schema = json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate([{**record, key: "yufufa-2016-25/2-1/p1a/s2b"}], schema)


def test_indicator_agencies_are_described_as_the_site_compiled_them(built):
    """No text names an agency for an indicator; indicators.yaml lists those whose registrations or
    statistics it counts, and the page says so (本站整理，原文未列). The schema called them 负责部门."""
    schema = json.loads((built.docs / "data/schemas/indicators.schema.json").read_text(encoding="utf-8"))
    described = schema["items"]["properties"]["agencies"]["description"]
    assert "负责" not in described
    assert "登记或统计" in described and "原文未列" in described
    page = (built.docs / "data/index.md").read_text(encoding="utf-8")
    assert "负责部门的 id" not in page


def test_the_data_page_says_how_many_records_each_file_holds_and_what_shape_it_has(built):
    """Second public-reader review: the page said every file is a JSON array, one record a line, and showed
    redirects.json's count as —, though it is an object keyed by old address with 5 entries; it said the
    search index's format was given below (it is not: an internal format) and that it has one record per
    clause and sentence, though 262 of its entries are pages."""
    page = (built.docs / "data/index.md").read_text(encoding="utf-8")
    redirects = json.loads((built.docs / "data/redirects.json").read_text(encoding="utf-8"))
    row = next(line for line in page.splitlines() if line.startswith("| ") and "](redirects.json)" in line)
    assert f'<span class="cell-label">记录数</span>{len(redirects)} |' in row, row
    assert "redirects.json 是以旧地址为键的 JSON 对象" in page
    assert "格式见下" not in page and "每个条款、每个句子一条记录" not in page


def test_the_data_page_counts_each_file_without_making_its_records(built, model, monkeypatch):
    """The data page gives each file's number of records as the file holds them; the clauses' it counts
    from the documents, without making a record of each (the render stage makes them for clauses.json)."""
    page = (built.docs / "data/index.md").read_text(encoding="utf-8")
    for name in export.DATASETS:
        records = json.loads((built.docs / f"data/{name}.json").read_text(encoding="utf-8"))
        row = next(line for line in page.splitlines() if line.startswith("| ") and f"]({name}.json)" in line)
        assert f'<span class="cell-label">记录数</span>{len(records)} |' in row, row
        assert export.record_count(name, model) == len(list(export.DATASETS[name](model)))
    monkeypatch.setattr(export, "clause_record", lambda *args: pytest.fail("a clause record made to be counted"))
    assert export.record_count("clauses", model) == sum(len(d.clauses) for d in model.corpus.documents)


def test_each_clause_record_gives_the_citation_the_site_gives_it(built):
    """Second public-reader review: clauses.json's label is the printed number only (（一）, 1.); the form the
    pages and 复制引用 cite a clause by (第四部分第（六）条第1项, 正文末段, 表1第3行) was nowhere in the data."""
    records = {r["id"]: r for r in json.loads((built.docs / "data/clauses.json").read_text(encoding="utf-8"))}
    assert records["guofa-2016-86/4-6-1"]["cite"] == "第四部分第（六）条第1项"
    assert records["guobanhan-2016-66/t55"]["cite"] == "第55项"
    assert records["guofa-2016-86/table1/r3"]["cite"] == "表1第3行"
    assert records["guobanfa-2016-106/p4"]["cite"] == "正文末段"
    assert all(r["cite"] for r in records.values())


def _schema(name: str) -> dict:
    from build_scripts.publish.export import SCHEMA_DIR

    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def _accepts(name: str, record: dict, *, keyed: bool = False) -> bool:
    instance = {"/documents/x/#y": record} if keyed else [record]
    return jsonschema.Draft202012Validator(_schema(name)).is_valid(instance)


def test_the_schemas_reject_a_date_written_otherwise(built):
    """Open-data consumer review: the dates had only `"format": "date"`, which JSON Schema 2020-12 treats as an
    annotation: jsonschema.validate (and most validators) accepted "2016/05/11" or "yesterday" as a date.
    changes.json's date (a commit time) had no constraint at all."""
    data = built.docs / "data"
    document = json.loads((data / "documents.json").read_text(encoding="utf-8"))[0]
    redirect = next(iter(json.loads((data / "redirects.json").read_text(encoding="utf-8")).values()))
    change = json.loads((data / "changes.json").read_text(encoding="utf-8"))[0]
    assert _accepts("documents", {**document, "date": "2016-12-30", "published": None})
    assert _accepts("redirects", {**redirect, "date": "2026-11-22"}, keyed=True)
    assert _accepts("changes", {**change, "date": "2026-11-22T02:49:31+00:00"})
    for bad in ("2016/12/30", "2016-12-30 ", "yesterday", "20161230"):
        assert not _accepts("documents", {**document, "date": bad}), bad
        assert not _accepts("documents", {**document, "published": bad}), bad
        assert not _accepts("redirects", {**redirect, "date": bad}, keyed=True), bad
        assert not _accepts("changes", {**change, "date": bad}), bad


def test_the_agency_schema_names_the_kinds_the_readme_lists(built):
    """Open-data consumer review: agencies.schema.json's kind was any string, though the README lists the 14
    kinds; a record of kind "foo" passed."""
    agency = json.loads((built.docs / "data" / "agencies.json").read_text(encoding="utf-8"))[0]
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"- `kind` is one of (state_council_department.*?)\.\n  - `successor`", readme, re.S)
    assert listed, "README's list of agency kinds"
    kinds = re.findall(r"([a-z_]+)(?: \([^)]*\))?(?:,|$)", " ".join(listed.group(1).split()))
    assert len(kinds) == 14, kinds
    for kind in kinds:
        assert _accepts("agencies", {**agency, "kind": kind}), kind
    assert not _accepts("agencies", {**agency, "kind": "foo"})
    assert set(kinds) == set(AGENCY_KINDS)  # the kinds agencies.yaml may give


def test_the_readme_lists_every_clause_kind_the_schema_allows():
    """Open-data consumer review: the README listed 12 clause kinds; the schema (and a regulation's
    第二章 / 第十五条) also have chapter and article."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"- `kind` is one of (section, .*?)\.\n", readme, re.S)
    assert listed, "README's list of clause kinds"
    words = re.sub(r"\([^)]*\)", "", " ".join(listed.group(1).split()))
    kinds = {k.strip() for k in re.split(r",|\bor\b", words) if k.strip()}
    assert kinds == set(_schema("clauses")["items"]["properties"]["kind"]["enum"])


CLAUSE_REFS = {  # file → fields (a dotted path into a list of mentions) naming a clause id
    "tasks": ("clause",),
    "indicators": ("clause", "mentions.clause"),
    "agencies": ("mentions.clause",),
    "changes": ("id",),
    "redirects": ("id", "to_id"),
}
AGENCY_REFS = {"tasks": ("lead_agencies", "other_agencies", "mentioned_agencies"), "indicators": ("agencies",)}
TASK_REFS = {"agencies": ("tasks_led", "tasks_shared")}


def _with(record: dict, field: str, value: str) -> dict:
    if "." in field:  # a field of each mention
        outer, inner = field.split(".")
        return {**record, outer: [{**m, inner: value} for m in record[outer]]}
    return {**record, field: [value] if isinstance(record[field], list) else value}


def test_the_schemas_reject_a_reference_that_is_no_id(built):
    """Open-data consumer review: the fields naming a clause, an agency or a task were any string
    (a task's lead_agencies of ["国家知识产权局"] or ["A B"], an indicator's clause of "第5段" validated),
    though each names an id of clauses.json, agencies.json or tasks.json."""
    data = built.docs / "data"
    clause = "guofa-2016-86/table1/r2"
    for refs, good, bad in (
        (CLAUSE_REFS, clause, ("第5段", "/documents/guofa-2016-86/#c4-2-3", "Guofa-2016-86/4", "guofa-2016-86/4 2")),
        (AGENCY_REFS, "sipo", ("国家知识产权局", "A B", "sipo/1")),
        (TASK_REFS, "guobanhan-2016-66-t14", ("guobanhan-2016-66/t14", "任务14")),
    ):
        for name, fields in refs.items():
            loaded = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
            keyed = isinstance(loaded, dict)
            for field in fields:
                outer = field.split(".")[0]
                pool = loaded.values() if keyed else loaded
                record = next((r for r in pool if r[outer]), next(iter(pool)))
                if "." in field and not record[outer]:
                    continue
                assert _accepts(name, _with(record, field, good), keyed=keyed), (name, field)
                for value in bad:
                    assert not _accepts(name, _with(record, field, value), keyed=keyed), (name, field, value)


def test_the_readme_names_every_field_of_each_file_in_the_schemas_order():
    """Open-data consumer review: the README's agencies.json line left out `unchanged`, a field every record has
    (the README described it two lines below, the schema requires it)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^- `([a-z-]+)\.json`: `\{?\[?\{?[^`{]*?\{([^`}]*)\}", readme, re.M))
    from build_scripts.publish.export import DATASETS

    assert set(listed) == {*DATASETS, "redirects"}
    for name, fields in listed.items():
        schema = _schema(name)
        record = schema["items"] if schema["type"] == "array" else schema["additionalProperties"]
        assert [f.strip() for f in fields.split(",")] == list(record["properties"]), name


def test_every_id_the_files_name_is_a_record_of_another_file_or_retired(built):
    """What a consumer joins on: each clause id named is in clauses.json, or redirects.json retires it; each
    agency and task id is in agencies.json / tasks.json; a crossref's local is a sentence of a local document
    and its national a clause of a national one; a mention's offsets cut its surface out of the clause text."""
    data = built.docs / "data"
    load = lambda name: json.loads((data / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
    clauses = {c["id"]: c for c in load("clauses")}
    levels = {d["id"]: d["level"] for d in load("documents")}
    redirects = load("redirects")
    retired = {r["id"] for r in redirects.values()}
    agencies, tasks, indicators = load("agencies"), load("tasks"), load("indicators")
    agency_ids, task_ids = {a["id"] for a in agencies}, {t["id"] for t in tasks}
    assert not retired & clauses.keys()
    assert all(c["doc"] in levels and (c["parent"] is None or c["parent"] in clauses) for c in clauses.values())
    for ref in load("crossrefs"):
        local, national = clauses[ref["local"]], clauses[ref["national"]]
        assert local["kind"] == "sentence" and levels[local["doc"]] in ("provincial", "municipal"), ref
        assert levels[national["doc"]] in ("national", "ministry"), ref
    for task in tasks:
        assert task["clause"] in clauses and task["id"] == task["clause"].replace("/", "-")
        assert {*task["lead_agencies"], *task["other_agencies"], *task["mentioned_agencies"]} <= agency_ids
    for record in [*agencies, *indicators]:
        assert record.get("clause") is None or record["clause"] in clauses
        assert {*record.get("tasks_led", ()), *record.get("tasks_shared", ())} <= task_ids
        assert set(record.get("agencies", ())) <= agency_ids
        for m in record["mentions"]:
            assert clauses[m["clause"]]["text"][m["start"] : m["end"]] == m["surface"], (record["id"], m)
    for change in load("changes"):
        assert change["doc"] in levels and (change["id"] is None or change["id"] in clauses | dict.fromkeys(retired))
    for entry in redirects.values():
        assert entry["to_id"] is None or clauses[entry["to_id"]]["url"] == entry["to"]


def test_the_records_come_in_the_order_the_readme_gives(built):
    """Open-data consumer review: the README said nothing of the records' order (the data page only that keys
    are sorted): documents/agencies/indicators as their YAML lists them, clauses in text order document by
    document, tasks in their clauses' order, crossrefs by national slug, national id, local id (t9 before t10)."""
    import yaml

    from build_scripts.model import natural

    from .helpers import SOURCE

    data = built.docs / "data"
    load = lambda name: json.loads((data / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "Records\ncome in a fixed order" in readme
    for name in ("documents", "agencies", "indicators"):
        listed = yaml.safe_load((SOURCE / f"{name}.yaml").read_text(encoding="utf-8"))[name]
        assert [r["id"] for r in load(name)] == [e.get("id", e.get("slug")) for e in listed], name
    docs = [d["id"] for d in load("documents")]
    clauses = load("clauses")
    assert [c["doc"] for c in clauses] == sorted((c["doc"] for c in clauses), key=docs.index)
    position = {c["id"]: i for i, c in enumerate(clauses)}
    assert all(c["parent"] is None or position[c["parent"]] < position[c["id"]] for c in clauses)
    for doc in docs:  # the body given back in order: each clause's line at or after the one before
        lines = [c["line"] for c in clauses if c["doc"] == doc and c["kind"] != "sentence"]
        assert lines == sorted(lines), doc
    tasks = [position[t["clause"]] for t in load("tasks")]
    assert tasks == sorted(tasks)
    refs = [(r["national"].split("/")[0], natural(r["national"]), natural(r["local"])) for r in load("crossrefs")]
    assert refs == sorted(refs) and len(set(refs)) == len(refs)
    assert list(load("redirects")) == sorted(load("redirects"))
    for path in sorted(data.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        records = json.loads(text)
        if isinstance(records, list) and records:
            assert len(text.splitlines()) == len(records) + 2, path.name
            assert all(list(r) == sorted(r) for r in records), path.name


def _nullable_fields(properties: dict, path: str) -> Iterator[tuple[str, dict]]:
    for name, spec in properties.items():
        if isinstance(spec.get("type"), list) and "null" in spec["type"]:
            yield f"{path}{name}", spec
        if "properties" in spec:
            yield from _nullable_fields(spec["properties"], f"{path}{name}.")
        if isinstance(spec.get("items"), dict) and "properties" in spec["items"]:
            yield from _nullable_fields(spec["items"]["properties"], f"{path}{name}[].")


def test_every_field_that_may_be_null_says_what_null_means():
    """Open-data consumer review: agencies' successor.later.year had no description and indicators' clause did
    not say when it is null; every other nullable field says so (不详为 null, 删除时为 null)."""
    from build_scripts.publish.export import SCHEMA_DIR

    silent = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        record = schema["items"] if schema["type"] == "array" else schema["additionalProperties"]
        name = path.name.removesuffix(".schema.json")
        silent += [
            field
            for field, spec in _nullable_fields(record["properties"], f"{name}.")
            if "null" not in spec.get("description", "")
        ]
    assert silent == []


def test_the_documents_schema_takes_a_source_file_only_as_the_repository_path(built):
    """Open-data consumer review: source_file was any string; a build writing the machine's path
    (/work/…/source_texts/x.txt) would have validated. documents.yaml names a bare file name in source_texts/."""
    document = json.loads((built.docs / "data" / "documents.json").read_text(encoding="utf-8"))[0]
    assert _accepts("documents", {**document, "source_file": "source_texts/guofa-2016-86.txt"})
    for bad in ("/work/main/source_texts/guofa-2016-86.txt", "guofa-2016-86.txt", "source_texts/../x.txt", ""):
        assert not _accepts("documents", {**document, "source_file": bad}), bad


def test_the_data_page_and_each_schema_say_the_order_of_the_records(built):
    """Open-data consumer review: the order of the records was said in the README only; a reader of the 数据
    page or of a schema could not tell whether changes.json runs oldest or newest first."""
    page = read_page(built.docs / "data/index.md")
    for path in sorted((built.docs / "data/schemas").glob("*.schema.json")):
        description = json.loads(path.read_text(encoding="utf-8"))["description"]
        assert "排列" in description, path.name
        assert finalize(description) in page, path.name  # as the template prints it


# A size as the 数据 page states it: 812 字节, 7.5 KB, 76 KB, 1.2 MB (KB = 1024 字节, MB = 1024 KB).
STATED_SIZE = re.compile(r"(?P<value>\d+(?:\.(?P<decimals>\d+))?) (?P<unit>字节|KB|MB)")
UNITS = {"字节": 1, "KB": 1024, "MB": 1024 * 1024}


def stated_bytes_match(stated: str, size: int) -> bool:
    """Whether ``stated`` (one STATED_SIZE) is ``size`` bytes, rounded as written."""
    match = STATED_SIZE.fullmatch(stated)
    assert match, stated
    unit = UNITS[match["unit"]]
    tolerance = 0.5 * 10 ** -len(match["decimals"] or "") * unit
    return abs(size - float(match["value"]) * unit) <= tolerance


def test_the_data_page_states_each_files_size_as_written(built):
    """Phone readers on metered networks asked how large each download is: the page listed the files and
    not their sizes. Each file the table lists (and each section's 下载 link) states the size of the file
    docs/ holds, which the site serves as it is."""
    page = (built.docs / "data/index.md").read_text(encoding="utf-8")
    rows = [
        line
        for line in page.splitlines()
        if line.startswith("| ") and '<span class="cell-label">文件</span>' in line and ".json)" in line
    ]
    listed = {}
    for row in rows:
        name = re.search(r"\]\(([\w.-]+\.json)\)", row)[1]
        size = re.search(r'<span class="cell-label">大小</span>([^|]*?) \|', row)
        assert size, row
        listed[name] = size[1]
    downloads = dict(re.findall(r"下载：\[[^\]]+\]\(([\w.-]+\.json)\)（([^）]+)）", page))
    assert {"clauses.json", "search-index.json", "redirects.json"} <= set(listed), sorted(listed)
    # search-index.json's section has no 下载 line
    assert set(downloads) == set(listed) - {"search-index.json"}, (sorted(downloads), sorted(listed))
    for name, stated in [*listed.items(), *downloads.items()]:
        stated = html.unescape(stated)  # 5&#46;0 KB in the Markdown: 5.0 KB on the page
        on_disk = (built.docs / "data" / name).stat().st_size
        assert (built.html / "data" / name).stat().st_size == on_disk, name
        assert stated_bytes_match(stated, on_disk), (name, stated, on_disk)
    sources = re.findall(r"\]\(sources/([\w.-]+\.txt)\) \|.*?<span class=\"cell-label\">大小</span>([^|]*?) \|", page)
    assert len(sources) == len(built.site.corpus.documents)
    for name, stated in sources:  # the source texts' table (session 44) states theirs too
        assert stated_bytes_match(html.unescape(stated), (built.docs / "data" / "sources" / name).stat().st_size), name


def test_a_stated_size_is_rounded_as_written():
    assert stated_bytes_match("812 字节", 812) and not stated_bytes_match("812 字节", 813)
    assert stated_bytes_match("7.5 KB", 7680) and stated_bytes_match("7.5 KB", 7731)
    assert not stated_bytes_match("7.5 KB", 7800)
    assert stated_bytes_match("77 KB", 78474) and not stated_bytes_match("76 KB", 78474)
    assert stated_bytes_match("0.7 MB", 713135) and not stated_bytes_match("0.6 MB", 713135)


def test_a_line_break_in_a_text_is_only_where_the_schemas_say(built):
    """Open-data review (session 44): texts held \\n (a table row's cells, a 专栏's paragraphs) and nothing
    said so. The schemas now say where: between a table header's or row's cells in clauses.json, between a
    专栏's paragraphs in tasks.json; no other text holds one."""
    data = built.docs / "data"
    clauses = json.loads((data / "clauses.json").read_text(encoding="utf-8"))
    tasks = json.loads((data / "tasks.json").read_text(encoding="utf-8"))
    broken = {c["kind"] for c in clauses if "\n" in c["text"]}
    assert broken == {"table_header", "table_row"}
    assert all(t["number"].startswith("专栏") for t in tasks if "\n" in t["text"])
    assert any("\n" in t["text"] for t in tasks)
    schemas = built.docs / "data" / "schemas"
    for name in ("clauses", "tasks"):
        text = json.loads((schemas / f"{name}.schema.json").read_text(encoding="utf-8"))["items"]["properties"]["text"]
        assert "换行符" in text["description"], name


def test_the_crossrefs_schema_claims_likeness_not_that_chongqing_carried_a_clause_out(built):
    """Open-data review (session 44): the schema called a pair 落实关系 (落实该条款的句子), which the 对照 page
    denies (内容相对应，不表示重庆文件依据该条制定): 39 pairs point to 86号/106号, dated 2016-12-30. And a 66号
    link with score 0.017 looked like noise: the schema now says a 66号 link is not chosen by score, while the
    links to the other national documents are all at or above the threshold it names."""
    schema = json.loads((built.docs / "data" / "schemas" / "crossrefs.schema.json").read_text(encoding="utf-8"))
    said = schema["title"] + schema["description"]
    assert "落实" not in said and "不表示重庆文件依据该条制定" in said
    score = schema["items"]["properties"]["score"]["description"]
    assert "不按此值取舍" in score
    assert f"{OTHER_THRESHOLD:.2f} 及以上" in score
    refs = json.loads((built.docs / "data" / "crossrefs.json").read_text(encoding="utf-8"))
    others = [r for r in refs if not r["national"].startswith("guobanhan-2016-66/") and r["method"] == "auto"]
    assert others and all(r["score"] >= OTHER_THRESHOLD for r in others)


def test_the_tasks_schema_says_which_leads_are_read_from_66s_rule(built):
    """Open-data review (session 44): 20 by_duty tasks (按职责分别负责) list a lead the text does not name: the
    first listed, by 66号's 列第一位者为牵头部门，下同. The schema said only 牵头部门 id, and that other_agencies held
    the by_duty agencies (all of them, a reader would think)."""
    schema = json.loads((built.docs / "data" / "schemas" / "tasks.schema.json").read_text(encoding="utf-8"))
    fields = schema["items"]["properties"]
    assert "下同" in fields["lead_agencies"]["description"] and "by_duty" in fields["lead_agencies"]["description"]
    assert "列第一位者之后" in fields["other_agencies"]["description"]
    tasks = json.loads((built.docs / "data" / "tasks.json").read_text(encoding="utf-8"))
    by_duty = [t for t in tasks if t["mode"] == "by_duty"]
    assert len(by_duty) == 20 and all(len(t["lead_agencies"]) == 1 for t in by_duty)


def test_each_source_text_is_published_as_the_bytes_its_records_point_to(built):
    """Open-data review (session 44): documents.json's sha256, a clause's line and the numbers of dropped_lines
    pointed at source_texts/ in a repository the site does not name. Each text is now published under
    data/sources/, byte for byte: its SHA-256 is the record's, and its lines are the ones the records number."""
    data = built.docs / "data"
    records = json.loads((data / "documents.json").read_text(encoding="utf-8"))
    clauses = json.loads((data / "clauses.json").read_text(encoding="utf-8"))
    page = read_page(data / "index.md")
    for record in records:
        name = record["source_file"].removeprefix("source_texts/")
        published = (data / "sources" / name).read_bytes()
        assert published == (SOURCE / name).read_bytes()
        assert (built.html / "data" / "sources" / name).read_bytes() == published  # MkDocs copies it as is
        assert hashlib.sha256(published).hexdigest() == record["sha256"]
        lines = split_lines(read_text(data / "sources" / name).text)  # as the build numbers lines
        for dropped in record["dropped_lines"]:
            assert lines[dropped["line"] - 1].strip() == dropped["text"].strip(), (name, dropped)
        first = next(c for c in clauses if c["doc"] == record["id"] and c["kind"] != "sentence")
        assert first["text"][:6] in lines[first["line"] - 1].replace(" ", ""), (name, first["id"])
        assert f"](sources/{name})" in page and record["sha256"] in page
    assert any(r["dropped_lines"] for r in records)


def test_a_kind_or_an_attribute_is_one_of_the_values_the_schemas_list(built):
    """Open-data review (session 44): changes.json's kind and indicators.json's attribute were any string, though
    the README names their values. The schemas now list them: a change's kind is a clause kind but sentence
    (a sentence's change counts for its clause), an attribute what the build accepts in a table cell."""
    changes = _schema("changes")["items"]["properties"]["kind"]["enum"]
    clauses = _schema("clauses")["items"]["properties"]["kind"]["enum"]
    assert set(changes) == {*clauses, None} - {"sentence"} == {*(k.value for k in ClauseKind), None} - {"sentence"}
    attributes = _schema("indicators")["items"]["properties"]["attribute"]["enum"]
    assert {a for a in attributes if a} == {"预期性", "约束性"}
    assert all(patterns.INDICATOR_ATTRIBUTE_RE.match(a) for a in attributes if a)
    assert not _accepts(
        "indicators",
        {**json.loads((built.docs / "data/indicators.json").read_text(encoding="utf-8"))[0], "attribute": "预期"},
    )


def test_the_data_package_lists_every_file_with_its_size_and_hash_and_the_format_version(built, tmp_path):
    """Open-data review (session 44): the files had no version, and a consumer could not tell a download whole
    nor whether the format had changed (former_names came in as a required field). datapackage.json lists each
    data file and source text with its bytes and SHA-256, and a format_version that the schemas determine."""
    data = built.docs / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r["path"]: r for r in package["resources"]}
    expected = {
        *(p.name for p in data.glob("*.json") if p.name not in ("datapackage.json", "search-index.json")),
        *(f"sources/{p.name}" for p in (data / "sources").glob("*.txt")),
    }
    assert set(listed) == expected and len({r["name"] for r in package["resources"]}) == len(expected)
    for path, resource in listed.items():
        content = (data / path).read_bytes()
        assert resource["bytes"] == len(content) and resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        if "jsonschema" in resource:
            assert (data / resource["jsonschema"]).is_file()
    assert {r["jsonschema"] for r in listed.values() if "jsonschema" in r} == {
        f"schemas/{p.name}" for p in (data / "schemas").glob("*.schema.json")
    }
    assert package["format_version"] == export.format_version()
    schemas = tmp_path / "schemas"
    shutil.copytree(export.SCHEMA_DIR, schemas)
    assert export.format_version(schemas) == package["format_version"]  # the same schemas: the same version
    clauses = schemas / "clauses.schema.json"
    clauses.write_text(clauses.read_text(encoding="utf-8").replace("固定 id", "固定的 id"), encoding="utf-8")
    assert export.format_version(schemas) != package["format_version"]  # a description reworded: another
    page = read_page(data / "index.md")
    assert "](datapackage.json)" in page and "format_version" in page


def test_a_source_saved_as_gbk_under_an_odd_name_is_published_as_it_is_and_said_so(tmp_path):
    """Review of session 44's first form: a GBK text was published as GBK while the README told servers to say
    UTF-8, and nothing said which; a file name with # or ( broke the 数据 page's link and the strict build.
    documents.json and datapackage.json give the encoding, and the link is quoted."""
    source = copy_sources(tmp_path, SOURCE)
    name = "国办发#106(全文).txt"
    text = (source / "guobanfa-2016-106.txt").read_text(encoding="utf-8")
    (source / "guobanfa-2016-106.txt").unlink()
    (source / name).write_bytes(text.encode("gb18030"))
    replace("documents.yaml", "source_file: guobanfa-2016-106.txt", f'source_file: "{name}"')(source)
    proc = generate_in(tmp_path)
    assert proc.returncode == 0, proc.stderr
    built = mkdocs_build(tmp_path / "docs", tmp_path / "site")
    assert built.returncode == 0, built.stderr[-2000:]
    data = tmp_path / "docs" / "data"
    record = next(
        r for r in json.loads((data / "documents.json").read_text(encoding="utf-8")) if r["id"] == "guobanfa-2016-106"
    )
    assert record["encoding"] == "gb18030" and (data / "sources" / name).read_bytes() == (source / name).read_bytes()
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "source-guobanfa-2016-106")
    assert resource["encoding"] == "gb18030" and resource["path"] == f"sources/{name}"
    page = (tmp_path / "site" / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="sources/%E5%9B%BD%E5%8A%9E%E5%8F%91%23106%28%E5%85%A8%E6%96%87%29.txt"' in page
    assert "GB 18030（GBK）" in page
