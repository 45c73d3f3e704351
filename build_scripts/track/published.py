"""``source_texts/published_pages.tsv``: every page address the site has published, kept by ``generate``.

A link to a page is shared as readily as a link to a clause. Pages named after a clause go with it
(a redirects.yaml entry for the clause id, pages/moved.py); this record catches every other way a
page can go: an agency or indicator whose id changed, a task scope or a cross-reference role
narrowed in documents.yaml, the task pages of a removed document. Each address in the record that
this build does not publish needs an answer before the build goes on:

- a redirects.yaml entry ``page: /agencies/x/`` with ``to:`` (the page readers go to now) or
  ``note:`` (why it is gone), or ``page: /tasks/guofa-2016-86-box*`` for every address starting so
  (refused while it would also answer for a page the build publishes: it would swallow the next
  page to go there, unasked);
- or the entry retiring its whole document (``id: <slug>``), for the pages named after the slug.

Each answered address gets a page (pages/moved.py) saying where readers go now, or why the page is
gone; the document page of a removed document is answered by the 404 page, as before.

Like clause_ids.tsv the record is committed with the texts (a fresh clone knows what was published:
the site is built from clean clones) and only grows: ``generate`` adds the addresses of new pages.
One column (an address per line), kept as .tsv like its sibling: a .txt in source_texts/ is a text.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import patterns
from ..clean import split_lines
from ..errors import Collector, CurationError, RedirectMissing, display_path
from ..load.texts import read_record
from ..model import PageRedirect, RetiredDocument, Site
from ..write import check_record
from . import git_log
from .redirects import FILE_NAME as REDIRECTS_FILE

FILE_NAME = "published_pages.tsv"
HEADER = (
    "# 已发布页面记录：本站发布过的每个页面地址，由 generate 维护，请勿手工修改，随文本一并提交。\n"
    "# Every page address the site has published, kept by `generate` so that no shared link dies\n"
    "# unanswered (README: Removing a page). Commit it with the texts; do not edit it by hand.\n"
)
FOLDED = 3  # this many unanswered addresses in one folder are reported once, with the folder's `*` entry

Recorded = tuple[tuple[str, int], ...]  # (URL, line in the record), in the record's order


@dataclass(frozen=True, kw_only=True)
class Answered:
    """A published page this build does not write, and the entry that answers for it."""

    url: str
    entry: PageRedirect | RetiredDocument


def restore_hint(source: Path) -> str:
    return f"git checkout -- {display_path(source / FILE_NAME)}"


def draft_hint(source: Path) -> str:
    """Said of an address the committed record never had: a draft's page, built and then reverted."""
    return f"; git never had it: if that was a draft's page, restore the committed record ({restore_hint(source)})"


def load(source: Path, errors: Collector) -> Recorded:
    """The record (empty when there is none yet); a malformed line is a located error."""
    path = source / FILE_NAME
    text = read_record(path, errors, "record of published pages")
    return () if text is None else parse(path, text, errors)


def committed_urls(records: Iterable[bytes]) -> frozenset[str]:
    """The addresses committed versions of the record list (``versions.build_history`` reads them from git)."""
    return frozenset(
        line
        for data in records
        for line in split_lines(data.decode("utf-8-sig", "replace"))
        if patterns.PAGE_URL_RE.match(line)
    )


def with_committed(recorded: Recorded, committed: Iterable[str]) -> Recorded:
    """The record, and after it (at line 0: the record here lacks them) the addresses only a committed version
    lists: ``git revert`` of a build's commit takes the record back with the texts, and the pages that build
    published were answered by a bare 404 (session 40's link review). The next build writes them back."""
    listed = {url for url, _ in recorded}
    return (*recorded, *((url, 0) for url in sorted(set(committed) - listed)))


def parse(path: Path, text: str, errors: Collector) -> Recorded:
    record: dict[str, int] = {}
    for number, line in enumerate(split_lines(text), start=1):
        if not line or line.startswith("#"):
            continue
        if not patterns.PAGE_URL_RE.match(line):
            message = (
                "expected a page address such as /tasks/ (this file is written by `make build`: restore it "
                f"with `{restore_hint(path.parent)}`), found {line[:60]!r}"
            )
            errors.add(CurationError(path, number, 1, message))
        elif line in record:
            errors.add(CurationError(path, number, 1, f"expected each address once, found {line!r} again"))
        else:
            record[line] = number
    return tuple(record.items())


def answer_gone(
    site: Site, urls: Iterable[str], source: Path, errors: Collector, *, notices: Collection[str] = ()
) -> tuple[Answered, ...]:
    """What answers for each recorded address this build does not publish (``urls``: the addresses of
    the pages it writes; ``notices``: those of them that are only a moved clause's notice, which no
    entry may send readers to). Problems go to ``errors``, located: an address nothing answers, and a
    ``page:`` entry that answers for none or for a page the build publishes, or sends readers to a
    page it does not publish."""
    published, notice_urls = set(urls), set(notices)
    gone = [(url, line) for url, line in site.recorded_pages if url not in published]
    for page_entry in site.moved_pages:
        _check_entry(page_entry, published, notice_urls, gone, source / REDIRECTS_FILE, errors, site.moved_pages)
    slugs = {d.slug for d in site.corpus.documents} | {d.slug for d in site.retired_documents}
    answered, unanswered = [], []
    for url, line in gone:
        entry = _answer(url, site, slugs)
        if entry is None:
            unanswered.append((url, line))
        elif not (isinstance(entry, RetiredDocument) and url == entry.url):  # that one: the 404 page's notice
            answered.append(Answered(url=url, entry=entry))
    new = published - notice_urls - {url for url, _ in site.recorded_pages}
    _report_unanswered(unanswered, source, errors, new=new, live=published - notice_urls)
    return tuple(answered)


def _check_entry(
    entry: PageRedirect,
    published: set[str],
    notices: set[str],
    gone: list[tuple[str, int]],
    yaml_path: Path,
    errors: Collector,
    entries: Collection[PageRedirect],
) -> None:
    def fail(message: str, key: str = "page") -> None:  # said where the value it is about stands
        errors.add(CurationError(yaml_path, *entry.where(key), message))

    live = sorted(url for url in published - notices if entry.covers(url))
    if live and not entry.page.endswith("*"):
        fail(f"expected a page this build no longer publishes, found {entry.page}, which it publishes")
    elif live:
        fail(
            f"expected {entry.page} to answer only for pages this build no longer publishes, found {len(live)} it "
            f"publishes ({live[0]} first): it would answer for the next page to go there too; name the gone "
            "pages more narrowly"
        )
    elif not any(entry.covers(url) for url, _ in gone):  # an address never published, or none starting so
        fail(
            f"expected {entry.page} to name a page the site published ({FILE_NAME} lists each) and no longer "
            "publishes, found none"
        )
    if entry.to is not None and (entry.to not in published or entry.to in notices):
        what = "only a moved clause's notice" if entry.to in notices else "not published"
        hint = _onward_hint(entry, [e for e in entries if not any(e.covers(url) for url in published - notices)])
        fail(
            f"expected 'to' of {entry.page} to be a page this build publishes, found {entry.to}, {what}{hint}", key="to"
        )


def _onward_hint(entry: PageRedirect, entries: Collection[PageRedirect]) -> str:
    """For an entry whose ``to`` is gone in turn (a page renamed twice): where the entry answering for that
    page sends it, or that it retires it; "" when none does (or it sends readers back to ``entry.page``).
    ``entries``: those answering for no page the build publishes (the others are refused where they stand)."""
    onward = [other for other in entries if other is not entry and other.covers(entry.to or "")]
    if not onward:
        return ""
    then = max(onward, key=lambda other: (not other.page.endswith("*"), len(other.page)))  # as _answer picks
    if then.to is None:
        return f"; {REDIRECTS_FILE} retires {entry.to}: retire this page too (note: why), or name the page readers go to now"
    return "" if then.to == entry.page else f"; {REDIRECTS_FILE} sends {entry.to} to {then.to}: write {then.to}"


def _answer(url: str, site: Site, slugs: set[str]) -> PageRedirect | RetiredDocument | None:
    """The entry for ``url``: its own, else the longest ``*`` entry starting it, else its removed
    document's (the document whose slug names the page: the longest slug, current or retired, that does)."""
    exact = next((entry for entry in site.moved_pages if entry.page == url), None)
    if exact is not None:
        return exact
    prefixes = [entry for entry in site.moved_pages if entry.page.endswith("*") and entry.covers(url)]
    if prefixes:
        return max(prefixes, key=lambda entry: len(entry.page))
    owner = max((slug for slug in slugs if _named_after(url, slug)), key=len, default=None)
    return next((d for d in site.retired_documents if d.slug == owner), None)


def _named_after(url: str, slug: str) -> bool:
    """Whether the page at ``url`` is named after the document: ``/documents/<slug>/``, ``/tasks/<slug>-t3/``."""
    return re.search(rf"/{re.escape(slug)}(?:/|-)", url) is not None


def _report_unanswered(
    unanswered: list[tuple[str, int]],
    source: Path,
    errors: Collector,
    *,
    new: Collection[str] = (),
    live: Collection[str] = (),
) -> None:
    """One located error per address; ``FOLDED`` or more in one folder, one error for the folder (at
    its first address) when a ``*`` entry answers for them all (``_shared_entry``: one that covers none
    of ``live``, the pages this build publishes), which it names. ``new``: the addresses no build
    published before; the one new page in the folder of the one gone page is likely that page renamed
    (an agency's id changed), and the message names it."""
    if not unanswered:
        return
    committed = _committed(source)  # an address the newest commit's record lacks was a draft's

    def draft(found: Iterable[tuple[str, int]]) -> str:  # an address only a commit lists (line 0) was no draft's
        return draft_hint(source) if committed and any(url not in committed and line for url, line in found) else ""

    def reverted(found: Iterable[tuple[str, int]]) -> str:
        if not any(line == 0 for _, line in found):
            return ""
        return f"; a committed version of {FILE_NAME} lists it, and the record here does not (a revert took it out)"

    path = source / FILE_NAME
    folders: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for url, line in unanswered:
        folders[_folder(url)].append((url, line))
    for folder, found in folders.items():
        # folded only when one entry answers for them all: else each needs its own, said at its line (one
        # message naming the first would leave staff to find the others)
        shared = _shared_entry(folder, [url for url, _ in found], live) if len(found) >= FOLDED else None
        if shared:
            first, line = found[0]
            message = (
                f"expected pages at {len(found)} addresses under {folder}, which the site published ({first} "
                f"first; a shared link may lead there), found none in this build; add a {REDIRECTS_FILE} entry "
                f"for each, or one for all (page: {shared}, with to: the page readers go to now, or note: why "
                "they are gone)"
            )
            errors.add(RedirectMissing(path, line or 1, 1, message + draft(found) + reverted(found)))
            continue
        fresh = sorted(url for url in new if _folder(url) == folder)
        for url, line in found:
            message = (
                f"expected a page at {url}, which the site published (a shared link may lead there), found none "
                f"in this build; add a {REDIRECTS_FILE} entry (page: {url}, with to: the page readers go to now, "
                "or note: why it is gone)"
            )
            if len(found) == len(fresh) == 1:
                message += f"; {fresh[0]} is new under {folder} (to: {fresh[0]}, if it is this page renamed)"
            errors.add(RedirectMissing(path, line or 1, 1, message + draft([(url, line)]) + reverted([(url, line)])))


def _shared_entry(folder: str, urls: list[str], live: Collection[str]) -> str | None:
    """The ``page: …*`` that answers for all of ``urls`` and for no page in ``live``: the folder's, else
    the one of the addresses' common start (``/tasks/guofa-2016-86-box*``); None when both answer for a
    live page (a redirects.yaml entry answering for a page the build publishes is refused)."""
    for stem in (folder, os.path.commonprefix(urls)):
        entry = PageRedirect(page=stem + "*", to=None, note="")
        if stem.startswith(folder) and not any(entry.covers(url) for url in live):
            return entry.page
    return None


def _folder(url: str) -> str:
    """``/agencies/cmc-edd/`` → ``/agencies/``."""
    return url.rstrip("/").rsplit("/", 1)[0] + "/"


def _committed(source: Path) -> set[str]:
    """The addresses the newest commit's record lists (empty without git, or without a committed record)."""
    data = git_log.committed_file(source, FILE_NAME)
    if data is None:
        return set()
    return {url for url, _ in parse(source / FILE_NAME, data.decode("utf-8-sig", "replace"), Collector())}


def render(urls: Iterable[str]) -> str:
    return HEADER + "".join(f"{url}\n" for url in sorted(set(urls)))


def updated(site: Site, urls: Iterable[str]) -> str:
    """The record with this build's pages added (none is ever taken out)."""
    return render([*(url for url, _ in site.recorded_pages), *urls])


def check_current(source: Path, site: Site, urls: Iterable[str]) -> None:
    """Raise a located error when the record is not what ``generate`` would write (``check``: a page
    was added and the record its build rewrote was not committed, or the file was edited by hand)."""
    check_record(source / FILE_NAME, updated(site, urls), "every page the site has published")


def added(site: Site, urls: Iterable[str]) -> int:
    """How many addresses this build adds to the record (0 also when only its form changes, e.g. a hand
    edit's order): its new pages', and those only a committed version listed (line 0), which it writes back
    (they went unsaid, and check then refused the commit that lacked them: session 40's code review)."""
    listed = {url for url, line in site.recorded_pages if line}
    restored = {url for url, line in site.recorded_pages if not line}
    return len((set(urls) | restored) - listed)
