"""Indicator pages: values, a small bar chart drawn at build time as inline SVG, mentions in context."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model import Clause, ClauseKind, Document, Indicator, PageSpec, Site
from ..render.escape import format_number
from . import grouped_by_document
from .agencies import MentionInContext, mentions_by_document

CHART_WIDTH = 360
BAR_HEIGHT = 22
BAR_GAP = 10
LABEL_WIDTH = 90
VALUE_WIDTH = 70


@dataclass(frozen=True, kw_only=True)
class Bar:
    label: str  # "2015年"
    value_text: str  # "6.3 件"
    x: float
    y: float
    width: float
    kind: str  # baseline | target | range


@dataclass(frozen=True, kw_only=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    title: str  # the accessible name: every value in words


def chart(indicator: Indicator) -> Chart | None:
    """Bars for the baseline and the target (a range as a bar from low to high), scaled to the largest."""
    unit = indicator.unit or ""
    rows: list[tuple[str, float, float, str, str]] = []  # label, start, end, text, kind
    if indicator.baseline is not None:
        rows.append(
            (
                f"{indicator.baseline_year or ''}年",
                0,
                indicator.baseline,
                f"{format_number(indicator.baseline)} {unit}",
                "baseline",
            )
        )
    if indicator.target is not None:
        rows.append(
            (
                f"{indicator.target_year or ''}年目标",
                0,
                indicator.target,
                f"{format_number(indicator.target)} {unit}",
                "target",
            )
        )
    elif indicator.target_low is not None and indicator.target_high is not None:
        rows.append(
            (
                f"{indicator.target_year or ''}年目标",
                indicator.target_low,
                indicator.target_high,
                f"{indicator.target_text} {unit}",
                "range",
            )
        )
    if not rows:
        return None
    top = max(end for _, _, end, _, _ in rows) or 1
    scale = (CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH) / top
    bars = []
    for index, (label, start, end, text, kind) in enumerate(rows):
        width = max((end - start) * scale, 2)
        bars.append(
            Bar(
                label=label,
                value_text=text.strip(),
                x=round(LABEL_WIDTH + start * scale, 1),
                y=BAR_GAP + index * (BAR_HEIGHT + BAR_GAP),
                width=round(width, 1),
                kind=kind,
            )
        )
    title = f"{indicator.name}：" + "；".join(f"{bar.label} {bar.value_text}" for bar in bars)
    return Chart(width=CHART_WIDTH, height=BAR_GAP + len(bars) * (BAR_HEIGHT + BAR_GAP), bars=tuple(bars), title=title)


def labelled_row(found: MentionInContext, clauses: dict[str, Clause]) -> MentionInContext:
    """A mention in a table row reads as a sentence: “（件）：2015年 6.3，2020年 12，…”, each cell after
    the first with its column's header (a row's text is its cells, one per line)."""
    if found.clause.kind is not ClauseKind.TABLE_ROW:
        return found
    header = clauses.get(f"{found.clause.parent}/head")
    columns = header.text.split("\n") if header is not None else []
    cells = found.clause.text.split("\n")
    first_rest = cells[0][found.mention.end :] if found.mention.start < len(cells[0]) else ""
    headers = itertools.chain(columns[1:], itertools.repeat(""))  # a row longer than its header: bare cells
    labelled = [f"{column} {cell}".strip() for cell, column in zip(cells[1:], headers, strict=False)]
    return replace(found, after=first_rest + "：" + "，".join(labelled))


def indicator_pages(site: Site) -> list[PageSpec]:
    clauses = site.corpus.clause_index()
    documents = {d.slug: d for d in site.corpus.documents}
    agencies = {a.id: a for a in site.agencies}
    pages = []
    for indicator in site.indicators:
        source = clauses.get(indicator.clause or "")
        known_as = tuple(dict.fromkeys((indicator.name, *indicator.variants)))
        pages.append(
            PageSpec(
                path=f"indicators/{indicator.id}.md",
                template="indicator.md.jinja",
                context=(
                    ("indicator", indicator),
                    ("document", documents.get(indicator.doc)),
                    ("source", source),
                    ("chart", chart(indicator)),
                    ("agencies", tuple(agencies[a] for a in indicator.agencies if a in agencies)),
                    (
                        "mention_groups",
                        tuple(
                            (document, tuple(labelled_row(found, clauses) for found in mentions))
                            for document, mentions in mentions_by_document(indicator.mentions, site, clauses)
                        ),
                    ),
                    (
                        "search_entry",
                        (f"指标：{indicator.name}", "、".join(known_as), known_as),
                    ),
                ),
            )
        )
    groups = grouped_by_document(site, site.indicators)
    pages.append(
        PageSpec(
            path="indicators/index.md",
            template="indicators_index.md.jinja",
            context=(("groups", groups), ("sources", value_sources(groups))),
        )
    )
    return pages


def value_sources(groups: Iterable[tuple[Document, tuple[Indicator, ...]]]) -> str:
    """Where the index's values stand, document by document as documents.yaml names them: a table's
    rows (国发〔2016〕86号的指标表), goals in the words of the text (…59号的目标表述), or both."""
    said = []
    for document, indicators in groups:
        table, goals = any(i.goal is None for i in indicators), any(i.goal is not None for i in indicators)
        kinds = "和".join(kind for kind, has in (("指标表", table), ("目标表述", goals)) if has)
        said.append(f"{document.meta.doc_number}的{kinds}")
    return "、".join(said)
