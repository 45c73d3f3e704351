"""The 数据 page (docs/data/index.md): each open-data file, its JSON Schema and its fields.

Everything shown is read from ``export.DATASETS`` and the schema files, so a
dataset added there appears here with the fields its schema describes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..model import PageSpec, Site
from ..publish import export


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
    records: int | None  # None: not a list of records
    fields: tuple[SchemaField, ...]


def _type_of(spec: dict) -> str:
    if "enum" in spec:
        return " | ".join(json.dumps(value, ensure_ascii=False) for value in spec["enum"])
    kind = spec.get("type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    if "array" in kinds and isinstance(spec.get("items"), dict):
        inner = _type_of(spec["items"]) or "object"
        kinds = [f"array of {inner}" if k == "array" else k for k in kinds]
    return " | ".join(k for k in kinds if k)


def fields_of(schema: dict) -> tuple[SchemaField, ...]:
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
    for name, records in export.DATASETS.items():
        schema_path = export.SCHEMA_DIR / f"{name}.schema.json"
        schema = json.loads(schema_path.read_text(encoding="utf-8")) if schema_path.exists() else {}
        result.append(
            Dataset(
                name=name,
                file=f"{name}.json",
                schema=schema_path.name if schema_path.exists() else "",
                title=schema.get("title", ""),
                records=sum(1 for _ in records(site)),
                fields=fields_of(schema),
            )
        )
    # Files written outside DATASETS (e.g. redirects.json, an object keyed by URL) that have a schema.
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
                records=None,
                fields=fields_of(schema),
            )
        )
    return tuple(result)


def data_pages(site: Site) -> list[PageSpec]:
    return [PageSpec(path="data/index.md", template="data_index.md.jinja", context=(("datasets", datasets(site)),))]
