"""A document's level as pages show it: 国家, 部委, or 地方 with the place its issuer names."""

from __future__ import annotations

import json

import jsonschema
import pytest

from build_scripts.pages.documents import issuer_place
from build_scripts.pipeline import generate

from .helpers import tiny_source

TEXT = """
一、总则
加强知识产权保护。
"""


@pytest.mark.parametrize(
    ("level", "issuer", "shown"),
    [
        ("municipal", "成都市人民政府", "地方（成都市）"),
        ("provincial", "四川省人民政府", "地方（四川省）"),
        ("municipal", "测试机关", "地方"),
        ("national", "国务院", "国家"),
    ],
)
def test_a_local_documents_level_names_the_place_of_its_issuer(tmp_path, level, issuer, shown):
    source = tiny_source(tmp_path, TEXT, extra={"level": level, "issuer": issuer})
    outputs = {o.path: o.content for o in generate(source, tmp_path / "docs", write=False).outputs}
    assert f"<dt>层级</dt><dd>{shown}</dd>" in outputs["documents/test-2020-1.md"]
    for index in ("index.md", "documents/index.md"):
        assert f'<span class="cell-label">层级</span>{shown} |' in outputs[index], index
    records = json.loads(outputs["data/documents.json"])
    assert records[0]["level"] == level
    jsonschema.validate(records, json.loads(outputs["data/schemas/documents.schema.json"]))


@pytest.mark.parametrize(
    ("issuer", "place"),
    [
        ("重庆市人民政府", "重庆市"),
        ("四川省人民政府办公厅", "四川省"),
        ("广西壮族自治区人民政府", "广西壮族自治区"),
        ("四川省成都市人民政府", "四川省成都市"),
        ("中共重庆市委 重庆市人民政府", "重庆市"),
        ("重庆市知识产权局", ""),  # not a place + 人民政府/政府/办公厅/…: no guess
        ("人民政府", ""),
        ("", ""),
    ],
)
def test_the_place_is_what_stands_before_the_issuing_body(issuer, place):
    assert issuer_place(issuer) == place


def test_chongqing_is_a_provincial_level_municipality(model):
    """重庆市 is a 直辖市, a provincial-level division: its opinions are 省级 (provincial), not 市级
    (municipal, a city under a province) as documents.json said."""
    document = model.corpus.document("yufufa-2016-25")
    assert document.meta.level == "provincial"
