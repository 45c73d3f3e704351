"""Two texts side by side with their wording marked: the change log's diffs and the 对照 comparisons.

Every part of a text is HTML-escaped *before* tags are put around it, so a text holding
``<script>`` or ``&`` is still shown literally. One helper, ``marked``, does it for both pages.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from difflib import SequenceMatcher

from markupsafe import Markup

from .. import cache

# A comparison marks shared runs of at least this many characters; shorter ones (“的”, “和”) are noise.
MIN_SHARED_CHARS = 2


def marked(text: str, spans: Iterable[tuple[int, int]], inside: tuple[str, str], outside: tuple[str, str]) -> Markup:
    """``text`` escaped, each ``(start, end)`` span (in order, not overlapping) wrapped in ``inside``'s
    opening and closing tags and every stretch between spans in ``outside``'s (``("", "")`` for none)."""
    out: list[str] = []
    last = 0

    def between(end: int) -> None:
        if end > last:
            out.append(outside[0] + html.escape(text[last:end]) + outside[1])

    for start, end in spans:
        between(start)
        if end > start:
            out.append(inside[0] + html.escape(text[start:end]) + inside[1])
        last = end
    between(len(text))
    return Markup("".join(out))


def diff_html(old: str, new: str) -> tuple[Markup, Markup]:
    """The change log's view: characters removed in ``<del>``, characters added in ``<ins>``."""
    changed = [op for op in SequenceMatcher(None, old, new, autojunk=False).get_opcodes() if op[0] != "equal"]
    return (
        marked(old, [(i1, i2) for _, i1, i2, _, _ in changed], ("<del>", "</del>"), ("", "")),
        marked(new, [(j1, j2) for _, _, _, j1, j2 in changed], ("<ins>", "</ins>"), ("", "")),
    )


Pair = tuple[str, str]  # (national text, local text)
SharedRuns = list[tuple[int, int, int]]  # (start in national, start in local, length)


def shared_runs(national: str, local: str) -> SharedRuns:
    """The runs of at least ``MIN_SHARED_CHARS`` characters the two texts share, in order."""
    matcher = SequenceMatcher(None, national, local, autojunk=False)
    return [(b.a, b.b, b.size) for b in matcher.get_matching_blocks() if b.size >= MIN_SHARED_CHARS]


def compare_html(national: str, local: str, runs: SharedRuns | None = None) -> tuple[Markup, Markup]:
    """The 对照 view: shared wording in ``<mark>``, the rest marked as one side's own."""
    runs = shared_runs(national, local) if runs is None else runs
    return (
        marked(
            national,
            [(a, a + size) for a, _, size in runs],
            ("<mark>", "</mark>"),
            ('<span class="only-national">', "</span>"),
        ),
        marked(
            local,
            [(b, b + size) for _, b, size in runs],
            ("<mark>", "</mark>"),
            ('<span class="only-local">', "</span>"),
        ),
    )


def compare_all(pairs: Iterable[Pair]) -> dict[Pair, tuple[Markup, Markup]]:
    """``compare_html`` of every pair. The shared runs (the matcher's work, most of the cost) are kept
    in .cache/ under the pair's texts, so a rebuild compares only the pairs that are new or edited."""
    wanted = list(dict.fromkeys(pairs))
    key = cache.package_fingerprint()
    stored = cache.load_entry("compare", "shared-runs", key)
    known: dict[Pair, SharedRuns] = stored if isinstance(stored, dict) else {}
    runs = {pair: known[pair] if pair in known else shared_runs(*pair) for pair in wanted}
    if runs.keys() != known.keys():  # keep this build's pairs only
        cache.store_entry("compare", "shared-runs", key, runs)
    return {pair: compare_html(*pair, runs[pair]) for pair in wanted}
