"""Two texts side by side with their wording marked: the change log's diffs and the 对照 comparisons.

Every part of a text is HTML-escaped *before* tags are put around it, so a text holding
``<script>`` or ``&`` is still shown literally. One helper, ``marked``, does it for both pages.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from difflib import SequenceMatcher

from markupsafe import Markup

from .. import cache

# A comparison marks runs of at least this many characters the other text holds too; a lone shared
# character (“的”, “和”) is noise.
MIN_SHARED_CHARS = 2
_UNIT_RE = re.compile(r"\d+(?:[.．]\d+)?|.", re.DOTALL)  # a number is one unit, any other character one


def marked(
    text: str,
    spans: Iterable[tuple[int, int]],
    inside: tuple[str, str],
    outside: tuple[str, str],
    own: Callable[[str], bool] = lambda stretch: True,
) -> Markup:
    """``text`` escaped, each ``(start, end)`` span (in order, not overlapping) wrapped in ``inside``'s
    opening and closing tags and every stretch between spans in ``outside``'s (``("", "")`` for none),
    when ``own(stretch)``; a stretch that is not is left plain."""
    out: list[str] = []
    last = 0

    def between(end: int) -> None:
        if end > last:
            stretch = html.escape(text[last:end])
            out.append(outside[0] + stretch + outside[1] if own(text[last:end]) else stretch)

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
Spans = list[tuple[int, int]]  # (start, end) of each shared stretch of one text, in order
SharedRuns = tuple[Spans, Spans]  # the national text's shared stretches, the local text's


def _units(text: str) -> tuple[list[str], list[int]]:
    """``text``'s units (a number, 2020 or 3.5, is one; any other character is one) and the offset of
    each, with ``len(text)`` after the last: 2020 and 2025 share no wording."""
    units = _UNIT_RE.findall(text)
    return units, list(itertools.accumulate(map(len, units), initial=0))


def _runs_of(units: list[str], size: int) -> Iterator[tuple[str, ...]]:
    """Every run of ``size`` consecutive units, the one starting at each place in turn."""
    return zip(*(units[k:] for k in range(size)), strict=False)  # the shortest slice ends it at the last whole run


def shared_spans(text: str, other: str) -> Spans:
    """The stretches of ``text`` made of runs of ``MIN_SHARED_CHARS`` characters (``_units``) that
    ``other`` also holds, wherever it holds them: wording both share is marked on each side even when
    the two texts put it in another order or say it more than once (an alignment marks only one
    order, and showed the rest, 知识产权 say, as one side's own). A run holding punctuation is no
    wording (资、); punctuation between two shared runs joins them (知识产权、信用担保)."""
    size = MIN_SHARED_CHARS
    theirs, _ = _units(other)
    grams = set(_runs_of(theirs, size))
    units, offsets = _units(text)
    wording = [unit[0].isalnum() for unit in units]
    spans: Spans = []
    for i, gram in enumerate(_runs_of(units, size)):
        if gram not in grams or not all(wording[i : i + size]):  # 资、 is not shared wording
            continue
        start, end = offsets[i], offsets[i + size]
        if spans and (spans[-1][1] >= start or not any(c.isalnum() for c in text[spans[-1][1] : start])):
            spans[-1] = (spans[-1][0], end)  # overlapping, or apart by punctuation only: one stretch
        else:
            spans.append((start, end))
    return spans


def shared_runs(national: str, local: str) -> SharedRuns:
    """Each text's stretches of wording the other text holds too (``shared_spans``)."""
    return shared_spans(national, local), shared_spans(local, national)


def compare_html(national: str, local: str, runs: SharedRuns | None = None) -> tuple[Markup, Markup]:
    """The 对照 view: shared wording in ``<mark>``, the rest marked as one side's own."""
    national_spans, local_spans = shared_runs(national, local) if runs is None else runs

    def own_of(other: str) -> Callable[[str], bool]:
        """A stretch is one side's own unless it is punctuation or spaces alone that the other text has too
        (a final 。 of both texts was underlined as one side's: second public-reader review)."""
        return lambda stretch: any(c.isalnum() for c in stretch) or stretch.strip() not in other

    return (
        marked(
            national, national_spans, ("<mark>", "</mark>"), ('<span class="only-national">', "</span>"), own_of(local)
        ),
        marked(local, local_spans, ("<mark>", "</mark>"), ('<span class="only-local">', "</span>"), own_of(national)),
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
