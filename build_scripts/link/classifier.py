"""Logistic regression over pair features: P(a Chongqing sentence carries out a 66号 task).

Why a model: no single similarity separates "same measure, other words" from "same
topic, other measure"; a weighted mix of similarity, rank among the sentence's
candidates and heading context does better (see ``tests/eval_crossrefs.py``).
Why this small: 183 judged sentences support about ten weights, and a plain
logistic regression is transparent, needs no new dependency and is exactly
reproducible.

The weights are data, not code: ``crossref_weights.json`` next to this module,
re-derived from the judged file by ``python -m tests.eval_crossrefs --fit`` (the fitting,
``tests/crossref_fitting.py``, is no part of a build). It also holds the decision parameters
(``decision``). Features are standardised with the mean and scale stored alongside the coefficients.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("crossref_weights.json")


@dataclass(frozen=True, kw_only=True)
class Weights:
    """A fitted model and the decision rule tuned with it."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    threshold: float  # keep a task when its probability is at least this …
    relative_floor: float  # … and at least this fraction of the sentence's best probability
    max_tasks: int  # … and among the sentence's best max_tasks
    # (tasks document, local document) of the judged pairs it was fitted and evaluated on: the 对照
    # page states the evaluated precision only for these two
    judged: tuple[str, ...] = ()

    def probability(self, values: Sequence[float]) -> float:
        z = self.intercept + sum(
            c * (v - m) / s for c, v, m, s in zip(self.coefficients, values, self.mean, self.scale, strict=True)
        )
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def load_weights(path: Path = WEIGHTS_PATH) -> Weights:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Weights(
        features=tuple(data["features"]),
        mean=tuple(data["mean"]),
        scale=tuple(data["scale"]),
        coefficients=tuple(data["coefficients"]),
        intercept=data["intercept"],
        threshold=data["threshold"],
        relative_floor=data["relative_floor"],
        max_tasks=data["max_tasks"],
        judged=tuple(data.get("judged", ())),
    )
