"""The extract stage: agencies, tasks and indicators drawn from the parsed corpus and curated YAML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from ..errors import Collector
from ..model import Agency, Corpus, Indicator, Task
from .agencies import AgencyMatcher, find_agency_mentions, load_agencies
from .indicators import find_indicator_mentions, load_indicators
from .tasks import extract_tasks, role_sentences


def extract(
    source: Path, corpus: Corpus, errors: Collector, *, moved: Mapping[str, str | None] | None = None
) -> tuple[tuple[Agency, ...], tuple[Task, ...], tuple[Indicator, ...]]:
    """Agencies (with mentions), tasks (with roles) and indicators (with mentions); problems go to ``errors``
    (``moved``: the ids redirects.yaml lists → where it sends them, for the message on an indicator's gone clause)."""
    agencies = load_agencies(source, errors)
    matcher = AgencyMatcher(agencies)
    tasks = extract_tasks(corpus, matcher, source, errors)
    roles = role_sentences(corpus)
    mentions = find_agency_mentions(corpus, matcher)
    agencies = tuple(
        replace(
            agency,
            mentions=tuple(replace(m, role=m.clause in roles) for m in mentions.get(agency.id, ())),
        )
        for agency in agencies
    )
    # an empty register is an error of its own (a file that does not read, or no entries): the indicators'
    # agency ids are not checked against it, or each would be one more problem from the same cause
    indicators = load_indicators(source, corpus, {a.id for a in agencies} or None, errors, moved=moved)
    found = find_indicator_mentions(corpus, indicators)
    indicators = tuple(replace(i, mentions=found.get(i.id, ())) for i in indicators)
    return agencies, tasks, indicators
