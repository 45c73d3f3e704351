"""Fitting the link stage's model (``make fit-crossrefs``): no part of a build, so it lives with the evaluation.

``fit`` is a maximum-likelihood logistic regression with a ridge penalty (``build_scripts.link.classifier``
says why that model); ``tune`` picks the decision rule's threshold and floor (``build_scripts.link.decision``)
by F1 on out-of-fold probabilities; ``dump_weights`` writes ``crossref_weights.json``, which builds read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from build_scripts.link import decision
from build_scripts.link.classifier import WEIGHTS_PATH, Weights
from build_scripts.write import write_atomic

L2_PENALTY = 1.0  # ridge penalty on standardised coefficients (not on the intercept)
NEWTON_STEPS = 50
THRESHOLDS = tuple(t / 100 for t in range(20, 75, 5))
RELATIVE_FLOORS = (0.0, 0.3, 0.5, 0.7)


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
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), durable=True)


def fit(
    features: tuple[str, ...], rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float = L2_PENALTY
) -> Weights:
    """Maximum-likelihood logistic regression with a ridge penalty, by Newton's method.

    The decision fields are left at neutral values; ``tune`` sets them.
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


def tune(
    ranked: dict[str, decision.Ranked],
    f1: Callable[[dict[str, list[str]]], float],
    grid: Iterable[tuple[float, float]] = (),
) -> tuple[float, float]:
    """The (threshold, relative_floor) with the best F1; ties go to the higher threshold, then floor."""
    candidates = tuple(grid) or tuple((t, f) for t in THRESHOLDS for f in RELATIVE_FLOORS)

    def quality(tf: tuple[float, float]) -> tuple[float, float, float]:
        links = {local: [task for _, task in decision.select(r, *tf)] for local, r in ranked.items()}
        return (round(f1(links), 6), tf[0], tf[1])

    return max(candidates, key=quality)
