"""Open-data records for tasks, agencies and indicators (registered in ``export.DATASETS``)."""

from __future__ import annotations

from typing import Any

from ..model import Agency, Indicator, Mention, Site, Task


def _number(value: float | None) -> float | int | None:
    """Whole numbers as integers (12, not 12.0); missing stays null."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _mention(mention: Mention) -> dict[str, Any]:
    return {"clause": mention.clause, "start": mention.start, "end": mention.end, "surface": mention.surface}


def task_record(task: Task) -> dict[str, Any]:
    return {
        "id": task.id,
        "doc": task.doc,
        "number": task.number,
        "clause": task.clause,
        "section": task.section,
        "title": task.title,
        "text": task.text,
        "lead_agencies": list(task.lead_agencies),
        "other_agencies": list(task.other_agencies),
        "mentioned_agencies": list(task.mentioned_agencies),
        "mode": task.mode,
        "open_list": task.open_list,
        "url": task.url,
    }


def agency_record(agency: Agency, site: Site) -> dict[str, Any]:
    successor = agency.successor
    return {
        "id": agency.id,
        "name": agency.name,
        "full_name": agency.full_name,
        "short_names": list(agency.short_names),
        "former_names": list(agency.former_names),
        "kind": agency.kind,
        "successor": None
        if successor is None
        else {
            "name": successor.name,
            "year": successor.year,
            "note": successor.note,
            "later": {"name": successor.later[0], "year": successor.later[1]} if successor.later else None,
        },
        "unchanged": agency.unchanged or None,
        "tasks_led": [t.id for t in site.tasks_led_by(agency.id)],
        "tasks_shared": [t.id for t in site.tasks_shared_by(agency.id)],
        "mentions": [{**_mention(m), "role": m.role} for m in agency.mentions],
        "url": agency.url,
    }


def indicator_record(indicator: Indicator) -> dict[str, Any]:
    return {
        "id": indicator.id,
        "name": indicator.name,
        "variants": list(indicator.variants),
        "doc": indicator.doc,
        "clause": indicator.clause,
        "unit": indicator.unit,
        "baseline": _number(indicator.baseline),
        "baseline_year": indicator.baseline_year,
        "target": _number(indicator.target),
        "target_text": indicator.target_text,
        "target_low": _number(indicator.target_low),
        "target_high": _number(indicator.target_high),
        "target_year": indicator.target_year,
        "increase": _number(indicator.increase),
        "attribute": indicator.attribute,
        "note": indicator.note,
        "remark": indicator.remark or None,
        "agencies": list(indicator.agencies),
        "mentions": [_mention(m) for m in indicator.mentions],
        "url": indicator.url,
    }
