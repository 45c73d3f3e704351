"""Logistic regression over pair features: P(a Chongqing sentence carries out a 66号 task).

Why a model: no single similarity separates "same measure, other words" from "same
topic, other measure"; a weighted mix of similarity, rank among the sentence's
candidates and heading context does better (see ``tests/eval_crossrefs.py``).
Why this small: 183 judged sentences support about ten weights, and a plain
logistic regression is transparent, needs no new dependency and is exactly
reproducible.

The weights are data, not code: ``crossref_weights.json`` next to this module,
re-derived from the judged file by ``python -m tests.eval_crossrefs --fit``. It also
holds the decision parameters (``decision``). Features are standardised with the
mean and scale stored alongside the coefficients.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("crossref_weights.json")
L2_PENALTY = 1.0  # ridge penalty on standardised coefficients (not on the intercept)
NEWTON_STEPS = 50


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


def dump_weights(weights: Weights, path: Path = WEIGHTS_PATH, note: str = "") -> None:
    data = {
        "note": note,
        "features": list(weights.features),
        "mean": [round(x, 6) for x in weights.mean],
        "scale": [round(x, 6) for x in weights.scale],
        "coefficients": [round(x, 6) for x in weights.coefficients],
        "intercept": round(weights.intercept, 6),
        "threshold": weights.threshold,
        "relative_floor": weights.relative_floor,
        "max_tasks": weights.max_tasks,
        "judged": list(weights.judged),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def fit(
    features: tuple[str, ...], rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float = L2_PENALTY
) -> Weights:
    """Maximum-likelihood logistic regression with a ridge penalty, by Newton's method.

    The decision fields are left at neutral values; ``decision.tune`` sets them.
    """
    n, d = len(rows), len(features)
    mean = [sum(r[j] for r in rows) / n for j in range(d)]
    scale = [math.sqrt(sum((r[j] - mean[j]) ** 2 for r in rows) / n) or 1.0 for j in range(d)]
    design = [[1.0, *((r[j] - mean[j]) / scale[j] for j in range(d))] for r in rows]
    w = [0.0] * (d + 1)
    for _ in range(NEWTON_STEPS):
        gradient = [l2 * w[i] if i else 0.0 for i in range(d + 1)]
        hessian = [[l2 if i == j and i else 0.0 for j in range(d + 1)] for i in range(d + 1)]
        for x, y in zip(design, labels, strict=True):
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x, strict=True))))))
            for i in range(d + 1):
                gradient[i] += (p - y) * x[i]
                row, xi = hessian[i], p * (1 - p) * x[i]
                for j in range(i, d + 1):
                    row[j] += xi * x[j]
        for i in range(d + 1):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
        step = _solve(hessian, gradient)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return Weights(
        features=features,
        mean=tuple(mean),
        scale=tuple(scale),
        coefficients=tuple(w[1:]),
        intercept=w[0],
        threshold=0.5,
        relative_floor=0.0,
        max_tasks=3,
    )


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gauss–Jordan elimination with partial pivoting (the Hessian is small and positive definite)."""
    n = len(vector)
    m = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]
