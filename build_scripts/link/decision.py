"""Which 66号 tasks a Chongqing sentence links to, given each candidate's probability.

A sentence usually carries out one task and sometimes merges two or three
("加大质押融资担保力度，完善…风险补偿机制" → 51, 102). The rule: keep the
sentence's best tasks (at most ``max_tasks``) whose probability is at least
``threshold`` and at least ``relative_floor`` × the sentence's best probability.
The parameters live with the model weights (``classifier.Weights``) and are
chosen by ``tune`` on the training sentences only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Ranked = list[tuple[float, str]]  # (probability, task clause id), best first

THRESHOLDS = tuple(t / 100 for t in range(20, 75, 5))
RELATIVE_FLOORS = (0.0, 0.3, 0.5, 0.7)
MAX_TASKS = 3


def select(ranked: Ranked, threshold: float, relative_floor: float, max_tasks: int = MAX_TASKS) -> Ranked:
    """The kept (probability, task) pairs of one sentence, best first."""
    best = ranked[0][0] if ranked else 0.0
    return [(p, task) for p, task in ranked[:max_tasks] if p >= threshold and p >= relative_floor * best]


def tune(
    ranked: dict[str, Ranked], f1: Callable[[dict[str, list[str]]], float], grid: Iterable[tuple[float, float]] = ()
) -> tuple[float, float]:
    """The (threshold, relative_floor) with the best F1; ties go to the higher threshold, then floor."""
    candidates = tuple(grid) or tuple((t, f) for t in THRESHOLDS for f in RELATIVE_FLOORS)

    def quality(tf: tuple[float, float]) -> tuple[float, float, float]:
        links = {local: [task for _, task in select(r, *tf)] for local, r in ranked.items()}
        return (round(f1(links), 6), tf[0], tf[1])

    return max(candidates, key=quality)
