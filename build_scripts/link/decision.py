"""Which 66号 tasks a Chongqing sentence links to, given each candidate's probability.

A sentence usually carries out one task and sometimes merges two or three
("加大质押融资担保力度，完善…风险补偿机制" → 51, 102). The rule: keep the
sentence's best tasks (at most ``max_tasks``) whose probability is at least
``threshold`` and at least ``relative_floor`` × the sentence's best probability.
The parameters live with the model weights (``classifier.Weights``) and are
chosen on the training sentences only (``tests/crossref_fitting.py``'s ``tune``).
"""

from __future__ import annotations

Ranked = list[tuple[float, str]]  # (probability, task clause id), best first

MAX_TASKS = 3


def select(ranked: Ranked, threshold: float, relative_floor: float, max_tasks: int = MAX_TASKS) -> Ranked:
    """The kept (probability, task) pairs of one sentence, best first."""
    best = ranked[0][0] if ranked else 0.0
    return [(p, task) for p, task in ranked[:max_tasks] if p >= threshold and p >= relative_floor * best]
