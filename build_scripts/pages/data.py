"""The 数据 page (docs/data/index.md): each open-data file, its size, its JSON Schema and its fields.

Everything shown is read from ``export.DATASETS`` and the schema files, so a
dataset added there appears here with the fields its schema describes.
Each file's size is the number of bytes docs/ gets of it, known only once it is rendered: the page is
planned with the others (``data_pages``) and rendered after every file under data/ (``with_sizes``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..model import OutputFile, PageSpec, Site
from ..publish import export
from ..track.redirects import redirect_files


@dataclass(frozen=True, kw_only=True)
class SchemaField:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True, kw_only=True)
class Dataset:
    name: str
    file: str  # file name under docs/data/
    schema: str  # file name under docs/data/schemas/, or ""
    title: str
    description: str  # the schema's: what the file holds and the order of its records
    records: int | None  # None: not a list of records
    fields: tuple[SchemaField, ...]


# How the 类型 column names each JSON Schema type.
TYPE_NAMES = {
    "string": "字符串",
    "number": "数字",
    "integer": "整数",
    "boolean": "布尔值",
    "object": "对象",
    "array": "数组",
    "null": "空值",
}


def _type_of(spec: dict[str, Any]) -> str:
    """The 类型 column: "字符串 | 空值", "字符串数组"; enum values stay JSON literals ("auto" | "curated")."""
    if "enum" in spec:
        return " | ".join(json.dumps(value, ensure_ascii=False) for value in spec["enum"])
    kind = spec.get("type", "")
    kinds = [k for k in (kind if isinstance(kind, list) else [kind]) if k]
    names = []
    for k in kinds:
        if k == "array" and isinstance(spec.get("items"), dict):
            inner = _type_of(spec["items"]) or TYPE_NAMES["object"]
            nested = " | " in inner or inner.endswith(TYPE_NAMES["array"])
            names.append(f"数组（元素为 {inner}）" if nested else f"{inner}数组")
        else:
            names.append(TYPE_NAMES.get(k, k))
    return " | ".join(names)


def fields_of(schema: dict[str, Any]) -> tuple[SchemaField, ...]:
    if schema.get("type") == "array":
        record = schema.get("items", {})
    elif isinstance(schema.get("additionalProperties"), dict):  # an object keyed by URL or id
        record = schema["additionalProperties"]
    else:
        record = schema
    required = set(record.get("required", ()))
    return tuple(
        SchemaField(name=name, type=_type_of(spec), required=name in required, description=spec.get("description", ""))
        for name, spec in record.get("properties", {}).items()
    )


def datasets(site: Site) -> tuple[Dataset, ...]:
    result = []
    for name in export.DATASETS:
        schema_path = export.SCHEMA_DIR / f"{name}.schema.json"
        schema = json.loads(schema_path.read_text(encoding="utf-8")) if schema_path.exists() else {}
        result.append(
            Dataset(
                name=name,
                file=f"{name}.json",
                schema=schema_path.name if schema_path.exists() else "",
                title=schema.get("title", ""),
                description=schema.get("description", ""),
                records=export.record_count(name, site),
                fields=fields_of(schema),
            )
        )
    # Files written outside DATASETS (redirects.json, an object keyed by URL) that have a schema; their
    # records are the object's entries
    objects = {output.path.removeprefix("data/").removesuffix(".json"): output for output in redirect_files(site)}
    for schema_path in sorted(export.SCHEMA_DIR.glob("*.schema.json")):
        name = schema_path.name.removesuffix(".schema.json")
        if name in export.DATASETS:
            continue
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        result.append(
            Dataset(
                name=name,
                file=f"{name}.json",
                schema=schema_path.name,
                title=schema.get("title", ""),
                description=schema.get("description", ""),
                records=len(json.loads(objects[name].content)) if name in objects else None,
                fields=fields_of(schema),
            )
        )
    return tuple(result)


DATA_PAGE = "data/index.md"


def data_pages(site: Site) -> list[PageSpec]:
    """The 数据 page, without the sizes of the files (``with_sizes``): it does not render until it has them."""
    search_entry = ("开放数据", "开放数据、数据下载、JSON、条款、任务、部门、指标、对照数据")
    sources = tuple(
        (document.meta.source_file, document.meta.doc_number, document.encoding, len(document.source), document.sha256)
        for document in export.published_sources(site)
    )
    context = (("datasets", datasets(site)), ("search_entry", search_entry), ("sources", sources))
    return [PageSpec(path=DATA_PAGE, template="data_index.md.jinja", context=context)]


def with_sizes(page: PageSpec, outputs: Iterable[OutputFile]) -> PageSpec:
    """The 数据 page given ``sizes``: each file directly under data/ (clauses.json, search-index.json …) → the
    number of bytes docs/ gets of it. ``outputs`` must hold them all (the template looks each one up)."""
    sizes = {
        output.path.removeprefix("data/"): len(output.data) for output in outputs if export.is_data_file(output.path)
    }
    return replace(page, context=(*page.context, ("sizes", sizes)))
