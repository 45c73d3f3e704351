"""Two texts side by side with their wording marked: the change log's diffs and the 对照 comparisons.

Every part of a text is HTML-escaped *before* tags are put around it, so a text holding
``<script>`` or ``&`` is still shown literally. One helper, ``marked``, does it for both pages.
"""

from __future__ import annotations

import html
import itertools
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from difflib import SequenceMatcher

from markupsafe import Markup

from .. import cache, patterns

# A comparison marks runs of at least this many characters the other text holds too; a lone shared
# character (“的”, “和”) is noise.
MIN_SHARED_CHARS = 2
_NUMBER_UNITS = chr(0xF0000)  # _spelled writes a number as a private-use character from here on


def marked(
    text: str,
    spans: Iterable[tuple[int, int]],
    inside: tuple[str, str],
    outside: tuple[str, str],
    own: Callable[[int, int], tuple[int, int]] = lambda start, end: (start, end),
    touching: str | None = None,
) -> Markup:
    """``text`` escaped, each ``(start, end)`` span (in order, not overlapping) wrapped in ``inside``'s
    opening and closing tags and, of every stretch between spans, the part ``own(start, end)`` gives in
    ``outside``'s (``("", "")`` for none); the rest of it, all of it when that part is empty, is left
    plain. ``touching``: the opening tag of a span that starts where the one before it ends, so that two
    pieces do not read as one."""
    out: list[str] = []
    last = 0
    previous: int | None = None  # where the span before ended

    def between(end: int) -> None:
        if end > last:
            first, second = own(last, end)
            out.append(html.escape(text[last:first]))
            if second > first:
                out.append(outside[0] + html.escape(text[first:second]) + outside[1])
            out.append(html.escape(text[second:end]))

    for start, end in spans:
        between(start)
        if end > start:
            opening = touching if touching is not None and start == previous else inside[0]
            out.append(opening + html.escape(text[start:end]) + inside[1])
            previous = end
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
Counts = Mapping[str, int]  # two adjacent characters, or one → how often the reference texts hold them


def _units(text: str) -> tuple[list[str], list[int]]:
    """``text``'s units (a number, 2020 or 3.5, is one; any other character is one) and the offset of
    each, with ``len(text)`` after the last: 2020 and 2025 share no wording."""
    units = patterns.COMPARISON_UNIT_RE.findall(text)
    return units, list(itertools.accumulate(map(len, units), initial=0))


def _spelled(units: list[str], numbers: dict[str, str]) -> str:
    """The units as one character each (a number as a private-use character of its own, the same one in
    both texts), so that a plain substring search finds runs of whole units: 2020 is not in 20201. A text's own
    character from there on is written so too, or it would be read as the number written as it."""
    return "".join(
        unit if len(unit) == 1 and unit < _NUMBER_UNITS else numbers.setdefault(unit, chr(0xF0000 + len(numbers)))
        for unit in units
    )


def bigram_counts(texts: Iterable[str]) -> dict[str, int]:
    """How often each two adjacent characters, and each character alone, occur in ``texts``: where words
    end (``shared_spans``)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(text)
        counts.update(map(str.__add__, text, text[1:]))  # text[i] + text[i + 1], at C speed
    return dict(counts)


def shared_spans(text: str, other: str, counts: Counts | None = None) -> Spans:
    """The stretches of ``text`` that ``other`` holds word for word, wherever it holds them: wording
    both share is marked on each side even when the two texts put it in another order or say it
    more than once (an alignment marks only one order, and showed the rest, 知识产权 say, as one
    side's own). Each stretch is the longest that ``other`` holds from its start, so two pieces
    ``other`` holds apart stay two marks (a mark never claims a copy the other text does not hold), and
    two that touch are one when ``other`` holds them together (a word edge moved one off the other).

    A stretch is wording: it starts and ends with a run of at least ``MIN_SHARED_CHARS`` letters or
    digits (资、 is no shared wording, nor the 年 of 2020年，); punctuation inside it is shared too
    (众创、众包). With ``counts`` (``bigram_counts`` of the collection's texts), a stretch that starts
    or ends inside a word, in either text, gives up that word's piece (``_word_edges``): 知识产【权密集型
    产业】 against 版权密集型产业 marks 密集型产业 (public-reader review: marks began mid-word)."""
    numbers: dict[str, str] = {}
    units, offsets = _units(text)
    spelled, theirs = _spelled(units, numbers), _spelled(_units(other)[0], numbers)
    wording = [unit[0].isalnum() for unit in units]
    size, n = MIN_SHARED_CHARS, len(units)

    # How many letters or digits run from unit i on, before the next punctuation (run_at[i]), and up to
    # unit j, after the last (run_before[j]): counted once, not at each place a stretch is tried (a
    # sentence of 48,000 characters without punctuation took 22 s, counted anew at each of them).
    run_at, run_before = [0] * (n + 1), [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        run_at[k] = run_at[k + 1] + 1 if wording[k] else 0
    for k in range(1, n + 1):
        run_before[k] = run_before[k - 1] + 1 if wording[k - 1] else 0

    held: list[tuple[int, int]] = []  # the stretches, in units
    i = 0
    while i < n:
        if not wording[i]:
            i += 1
            continue
        length = 0
        while i + length < n and spelled[i : i + length + 1] in theirs:
            length += 1
        start, end = i, i + length
        while start < end and (not wording[start] or min(run_at[start], end - start) < size):
            start += 1  # a leading piece too short to be wording (年，), or punctuation
        while end > start and (not wording[end - 1] or min(run_before[end], end - start) < size):
            end -= 1
        if end - start >= size and counts is not None:
            start, end = _word_edges(spelled, theirs, wording, start, end, counts)
        if end - start >= size:
            if held and held[-1][1] == start and spelled[held[-1][0] : end] in theirs:
                start = held.pop()[0]  # right after the last one, and held with it: one stretch (市场知识产权)
            held.append((start, end))
            i = end
        else:
            i += 1
    return [(offsets[start], offsets[end]) for start, end in held]


def _word_edges(
    spelled: str, theirs: str, wording: list[bool], start: int, end: int, counts: Counts
) -> tuple[int, int]:
    """A stretch's ends moved off a word's inside. Its first unit belongs to the word before when it
    occurs with the unit before it more often than with the unit after it (产权 against 权密), in this
    text or where the other text holds the stretch; its last unit the same way with the unit after it
    (知识产权密集型产 before 品 here and 业 there: 产业 against 型产). A stretch keeps
    ``MIN_SHARED_CHARS`` units at each end. A stretch that short is no shared wording when its units lean
    out at both ends, one more often, the other at least as often (构建 in 机构建设), or when it is what is
    left of a longer stretch cut at an end and it is cut again. Cut at one end alone, it is a word both
    texts hold: 收益 in 收益分配 against 转化收益, where the texts' 益分 outnumber their 收益 (it was shown
    as each side's own on 13 comparisons: public-reader review).
    ``spelled``, ``theirs``: the texts as ``_spelled`` gives them; ``start``, ``end``: units."""
    at = theirs.find(spelled[start:end])  # where the other text holds the stretch (the first place)

    def pair(a: str, b: str) -> tuple[int, float]:
        """How often ``a`` and ``b`` occur together, and that against how often each occurs at all."""
        together = counts.get(a + b, 0)
        return together, together and together / math.sqrt(counts.get(a, 1) * counts.get(b, 1))

    def neighbours(here: int, there: int) -> list[str]:
        """The units at ``here`` in this text and ``there`` in the other, those that are wording."""
        found = [spelled[here]] if 0 <= here < len(spelled) and wording[here] else []
        return found + ([theirs[there]] if 0 <= there < len(theirs) and theirs[there].isalnum() else [])

    def leans(outside: list[tuple[int, float]], inside: tuple[int, float], tie: bool) -> bool:
        """Whether a pair ``outside`` is at least as frequent and as associated as the pair ``inside``, and
        more so in one of the two (or as much in both, with ``tie``)."""
        return any(
            all(o >= i for o, i in zip(pair, inside, strict=True)) and (pair != inside or tie and pair[0] > 0)
            for pair in outside
        )

    def cut_at_start(tie: bool = False) -> bool:
        first, second = spelled[start], spelled[start + 1]
        return leans([pair(u, first) for u in neighbours(start - 1, at - 1)], pair(first, second), tie)

    def cut_at_end(tie: bool = False) -> bool:
        last, before = spelled[end - 1], spelled[end - 2]
        return leans([pair(last, u) for u in neighbours(end, at + end - start)], pair(before, last), tie)

    keep = MIN_SHARED_CHARS
    # a stretch as found, not the rest of one the other text holds from a unit before (集聚区 after 聚区's 集)
    whole = not (start > 0 and wording[start - 1] and spelled[start - 1 : end] in theirs)
    found = (start, end)
    while end - start > keep and all(wording[start + 1 : start + 1 + keep]) and cut_at_start():
        start, at = start + 1, at + 1
    while end - start > keep and all(wording[end - 1 - keep : end - 1]) and cut_at_end():
        end -= 1
    if end - start == keep and all(wording[start:end]):
        if whole and (start, end) == found:
            cut = cut_at_start() and cut_at_end(tie=True) or cut_at_end() and cut_at_start(tie=True)
        else:  # what is left of a longer stretch cut down (集聚区 in 商务集聚区 against 服务业集聚区)
            cut = cut_at_start() or cut_at_end()
        if cut:
            return start, start
    return start, end


def shared_runs(national: str, local: str, counts: Counts | None = None) -> SharedRuns:
    """Each text's stretches of wording the other text holds too (``shared_spans``)."""
    return shared_spans(national, local, counts), shared_spans(local, national, counts)


def compare_html(national: str, local: str, runs: SharedRuns | None = None) -> tuple[Markup, Markup]:
    """The 对照 view: shared wording in ``<mark>``, the rest marked as one side's own."""
    national_spans, local_spans = shared_runs(national, local) if runs is None else runs

    return (
        marked(
            national,
            national_spans,
            MARK,
            ('<span class="only-national">', "</span>"),
            _own(national, national_spans, local),
            TOUCHING,
        ),
        marked(
            local,
            local_spans,
            MARK,
            ('<span class="only-local">', "</span>"),
            _own(local, local_spans, national),
            TOUCHING,
        ),
    )


_OPENING = ("Ps", "Pi")  # Unicode's opening brackets and quotation marks: （ 《 “ ‘
_CLOSING = ("Pe", "Pf")  # and closing ones: ） 》 ” ’


def _own(text: str, spans: Spans, other: str) -> Callable[[int, int], tuple[int, int]]:
    """For ``marked``: the part of a stretch of ``text`` between its marks (``spans``) that is its own, not
    in ``other``. A stretch holding wording is, but for the quotation marks and brackets ``other`` too puts
    around the wording marked beside them: a mark starts and ends with wording, so the “ of “一业多会” and
    the 《 》 of a law both texts cite were underlined as one side's own (review of the 对照 pages); the “ (or
    《) at its end, when ``other`` holds it before the mark that follows, and the ” (or 》) at its start,
    when ``other`` holds it after the mark before, are left plain. A stretch of punctuation alone (or
    spaces) is not, when ``other`` has it beside the wording marked next to it, or when both texts end
    with it (a final 。 of both texts was underlined as one side's: second public-reader review); when
    ``other`` has it elsewhere only, it is: two texts that differ only in their punctuation (、 against ，)
    showed no difference."""
    marks = dict(spans)  # start → end of each mark
    ends = {end: start for start, end in spans}  # end → start

    def own(start: int, end: int) -> tuple[int, int]:
        before = text[ends[start] : start] if start in ends else ""  # the mark before the stretch
        after = text[end : marks[end]] if end in marks else ""  # the mark after it
        first, second = start, end
        while (
            before
            and first < end
            and unicodedata.category(text[first]) in _CLOSING
            and before + text[start : first + 1] in other
        ):
            first += 1
        while (
            after
            and second > first
            and unicodedata.category(text[second - 1]) in _OPENING
            and text[second - 1 : end] + after in other
        ):
            second -= 1
        stretch = text[first:second].strip()
        if any(c.isalnum() for c in stretch):
            return first, second
        if not stretch:
            return start, start
        if not before and not after:  # no mark in the text: punctuation the other text has at all
            held = stretch in other
        else:  # beside the wording marked next to it, or both texts end with it (a final 。)
            held = (
                (bool(before) and before + stretch in other)
                or (bool(after) and stretch + after in other)
                or (not text[end:].strip() and other.rstrip().endswith(stretch))
            )
        return (start, start) if held else (first, second)

    return own


MARK = ("<mark>", "</mark>")
TOUCHING = '<mark class="touching">'  # a piece right after another, held apart by the stylesheet


def compare_all(pairs: Iterable[Pair], reference: Iterable[str] = ()) -> dict[Pair, tuple[Markup, Markup]]:
    """``compare_html`` of every pair, with the word edges ``reference`` gives (``bigram_counts`` of the
    collection's texts). The shared runs are kept in .cache/ under the pair's texts and a fingerprint
    of ``reference``, under a key of the code: a rebuild compares the pairs that are new or edited,
    and, when ``reference`` changed, those for which a count it changed is one ``shared_spans`` reads
    (``_stale``): an edit to one Chongqing sentence changes the counts of its characters only, and
    compared all 162 pairs again (about 0.05 s). The counts are kept apart (``_reference_counts``), read
    only when ``reference`` changed or a pair is compared anew: a rebuild with nothing changed needs none."""
    wanted = list(dict.fromkeys(pairs))
    reference = list(reference)
    texts = cache.fingerprint(reference)
    key = cache.package_fingerprint()
    stored = cache.load_entry("compare", "shared-runs", key)
    before, known = stored if isinstance(stored, tuple) and len(stored) == 2 else (None, {})
    if not isinstance(known, dict):
        before, known = None, {}
    counts: Counts | None = None
    if before != texts:
        counts, changed = _reference_counts(reference, texts, before, key)
        # nothing kept to compare against (a cold build): every pair is compared
        read = _readable(changed) if changed is not None else None
        known = {pair: runs for pair, runs in known.items() if not _stale(pair, read)} if read is not None else {}
    runs: dict[Pair, SharedRuns] = {}
    for pair in wanted:
        if pair in known:
            runs[pair] = known[pair]
        else:
            if counts is None:  # the reference as the kept runs had it, compared anew for a new pair
                counts, _ = _reference_counts(reference, texts, before, key)
            runs[pair] = shared_runs(*pair, counts)
    if before != texts or runs.keys() != known.keys():  # keep this build's pairs only
        cache.store_entry("compare", "shared-runs", key, (texts, runs))
    return _marked_up(wanted, runs, key)


def _marked_up(pairs: list[Pair], runs: dict[Pair, SharedRuns], key: str) -> dict[Pair, tuple[Markup, Markup]]:
    """``compare_html`` of each pair with its shared runs, kept in .cache/ with the runs it marks: a rebuild
    marks anew only the pairs whose runs are new or changed (marking all 162 took about 7 ms of an edit's
    rebuild, which changes the runs of a few)."""
    stored = cache.load_entry("compare", "marked", key)
    kept = stored if isinstance(stored, dict) else {}
    made: dict[Pair, tuple[SharedRuns, tuple[Markup, Markup]]] = {}
    for pair in pairs:
        found = kept.get(pair)
        if isinstance(found, tuple) and len(found) == 2 and found[0] == runs[pair]:
            made[pair] = found
        else:
            made[pair] = (runs[pair], compare_html(*pair, runs[pair]))
    if made != kept:  # keep this build's pairs only
        cache.store_entry("compare", "marked", key, made)
    return {pair: html for pair, (_, html) in made.items()}


def _reference_counts(reference: list[str], texts: str, before: str | None, key: str) -> tuple[Counts, set[str] | None]:
    """``bigram_counts(reference)`` (``texts``: its fingerprint), and the keys of the counts that differ from
    those of the reference fingerprinted ``before`` (None when they are not known). Kept in .cache/ with the
    texts they count: after an edit the counts of the texts removed and added are taken from and
    added to the kept ones, not every text counted again (about 0.02 s), and they tell what changed."""
    stored = cache.load_entry("compare", "reference", key)
    kept, tally, counts = stored if isinstance(stored, tuple) and len(stored) == 3 else (None, {}, {})
    if not isinstance(tally, dict) or not isinstance(counts, dict):
        kept, tally, counts = None, {}, {}
    if kept is not None and kept == texts:
        return counts, set() if before == texts else None  # runs kept under another reference: not known
    now = Counter(reference)
    changed: set[str] | None = None
    if kept is not None and kept == before:  # the counts the kept runs read: only the texts edited counted
        tally = Counter(tally)
        delta = Counter(bigram_counts((now - tally).elements()))
        delta.subtract(bigram_counts((tally - now).elements()))
        new_counts = dict(counts)
        changed = set()
        for gram, difference in delta.items():
            if difference:
                count = new_counts.get(gram, 0) + difference
                if count:
                    new_counts[gram] = count
                else:
                    del new_counts[gram]
                changed.add(gram)
    else:
        new_counts = bigram_counts(reference)
    cache.store_entry("compare", "reference", key, (texts, dict(now), new_counts))
    return new_counts, changed


FEW_CHANGES = 32  # changed counts looked for in each pair's texts; more: each pair's readable keys made


def _readable(changed: set[str]) -> frozenset[str] | None:
    """The changed counts ``shared_spans`` may read for some pair: none with a digit in it, since every
    digit is part of a number, which it reads as one unit (a private-use character, ``_spelled``); None
    (every pair compared again) when a changed count holds such a character, as a number's would."""
    if any(max(key) >= _NUMBER_UNITS for key in changed):
        return None
    return frozenset(key for key in changed if not patterns.COMPARISON_DIGIT_RE.search(key))


def _stale(pair: Pair, changed: frozenset[str]) -> bool:
    """Whether a count ``shared_spans`` may read for ``pair`` changed (``changed``: ``_readable``'s). It
    reads the counts of a unit and of two units side by side in one of the texts (``_word_edges``), no
    others: a changed count of a character either text holds, or of two that one holds side by side."""
    if len(changed) <= FEW_CHANGES:
        return any(key in text for key in changed for text in pair)
    held = {unit for text in pair for unit in text}
    held.update(text[i : i + 2] for text in pair for i in range(len(text) - 1))
    return not held.isdisjoint(changed)
