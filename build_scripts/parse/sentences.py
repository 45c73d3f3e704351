"""Split a clause's text into sentences at 。！？； outside quotes and brackets."""

from __future__ import annotations

from ..patterns import CLOSERS, OPENERS, SENTENCE_MARK_RE


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans covering every non-space character of ``text``.

    A sentence ends after a terminator at bracket depth 0, together with any closing
    marks that follow it directly. Spaces between sentences belong to neither.
    """
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for mark in SENTENCE_MARK_RE.finditer(text):  # every other character leaves the state as it is
        ch = mark.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0:  # a terminator
            end = mark.end()
            _add(spans, text, start, end)
            start = end
    n = len(text)
    _add(spans, text, start, n)
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
