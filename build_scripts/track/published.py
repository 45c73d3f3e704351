"""``source_texts/published_pages.tsv``: every page address the site has published, kept by ``generate``.

A link to a page is shared as readily as a link to a clause. Pages named after a clause go with it
(a redirects.yaml entry for the clause id, pages/moved.py); this record catches every other way a
page can go: an agency or indicator whose id changed, a task scope or a cross-reference role
narrowed in documents.yaml, the task pages of a removed document. Each address in the record that
this build does not publish needs an answer before the build goes on:

- a redirects.yaml entry ``page: /agencies/x/`` with ``to:`` (the page readers go to now) or
  ``note:`` (why it is gone), or ``page: /tasks/guofa-2016-86-*`` for every address starting so;
- or the entry retiring its whole document (``id: <slug>``), for the pages named after the slug.

Each answered address gets a page (pages/moved.py) saying where readers go now, or why the page is
gone; the document page of a removed document is answered by the 404 page, as before.

Like clause_ids.tsv the record is committed with the texts (a fresh clone knows what was published:
the site is built from clean clones) and only grows: ``generate`` adds the addresses of new pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import patterns
from ..clean import split_lines
from ..errors import Collector, CurationError, RedirectMissing
from ..load import position_of_byte
from ..model import PageRedirect, RetiredDocument, Site
from ..write import write_atomic
from . import history
from .redirects import FILE_NAME as REDIRECTS_FILE

FILE_NAME = "published_pages.tsv"
HEADER = (
    "# 已发布页面记录：本站发布过的每个页面地址，由 generate 维护，请勿手工修改，随文本一并提交。\n"
    "# Every page address the site has published, kept by `generate` so that no shared link dies\n"
    "# unanswered (README: Removing a page). Commit it with the texts; do not edit it by hand.\n"
)

# Said of an address the committed record never had: a draft's page, built and then reverted.
DRAFT_HINT = f"; git never had it: if that was a draft's page, restore the committed record (git checkout source_texts/{FILE_NAME})"

Record = tuple[tuple[str, int], ...]  # (URL, line in the record), in the record's order


@dataclass(frozen=True, kw_only=True)
class Answered:
    """A published page this build does not write, and the entry that answers for it."""

    url: str
    entry: PageRedirect | RetiredDocument


def load(source: Path, errors: Collector) -> Record:
    """The record (empty when there is none yet); a malformed line is a located error."""
    path = source / FILE_NAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ()
    except OSError as exc:
        errors.add(CurationError(path, 1, 1, f"expected a readable record of published pages, found {exc.strerror}"))
        return ()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = position_of_byte(data, exc.start)
        errors.add(CurationError(path, line, column, "expected UTF-8 text, found undecodable bytes"))
        return ()
    return parse(path, text, errors)


def parse(path: Path, text: str, errors: Collector) -> Record:
    record: dict[str, int] = {}
    for number, line in enumerate(split_lines(text), start=1):
        if not line or line.startswith("#"):
            continue
        if not patterns.PAGE_URL_RE.match(line):
            message = (
                "expected a page address such as /tasks/ (this file is written by `make build`: restore it "
                f"with `git checkout -- {FILE_NAME}`), found {line[:60]!r}"
            )
            errors.add(CurationError(path, number, 1, message))
        elif line in record:
            errors.add(CurationError(path, number, 1, f"expected each address once, found {line!r} again"))
        else:
            record[line] = number
    return tuple(record.items())


def answer_gone(site: Site, urls: Iterable[str], source: Path, errors: Collector) -> tuple[Answered, ...]:
    """What answers for each recorded address this build does not publish (``urls``: the URLs of the
    pages it writes); a located error for each one nothing answers, and for each ``page:`` entry
    that answers for no such address or sends readers to a page that is not published."""
    published = set(urls)
    gone = [(url, line) for url, line in site.published if url not in published]
    yaml_path = source / REDIRECTS_FILE
    for page_entry in site.moved_pages:
        _check_entry(page_entry, published, gone, yaml_path, errors)
    answered = []
    committed: set[str] | None = None  # the newest commit's record, read when a page is unanswered
    for url, line in gone:
        entry = _answer(url, site)
        if entry is None:
            message = (
                f"expected a page at {url}, which the site published (a shared link may lead there), found none "
                f"in this build; add a {REDIRECTS_FILE} entry (page: {url}, with to: the page readers go to now, "
                "or note: why it is gone)"
            )
            if committed is None:
                committed = _committed(source)
            if committed and url not in committed:
                message += DRAFT_HINT
            errors.add(RedirectMissing(source / FILE_NAME, line, 1, message))
        elif not (isinstance(entry, RetiredDocument) and url == entry.url):  # that one: the 404 page's notice
            answered.append(Answered(url=url, entry=entry))
    return tuple(answered)


def _committed(source: Path) -> set[str]:
    """The addresses the newest commit's record lists (empty without git, or without a committed record)."""
    data = history.committed_file(source, FILE_NAME)
    if data is None:
        return set()
    return {url for url, _ in parse(source / FILE_NAME, data.decode("utf-8-sig", "replace"), Collector())}


def _check_entry(
    entry: PageRedirect,
    published: set[str],
    gone: list[tuple[str, int]],
    yaml_path: Path,
    errors: Collector,
) -> None:
    def fail(message: str) -> None:
        errors.add(CurationError(yaml_path, entry.line, entry.column, message))

    if entry.page in published:
        fail(f"expected a page this build no longer publishes, found {entry.page}, which it publishes")
    elif not any(entry.covers(url) for url, _ in gone):  # an address never published, or none starting so
        fail(
            f"expected {entry.page} to name a page the site published ({FILE_NAME} lists each) and no longer "
            "publishes, found none"
        )
    if entry.to is not None and entry.to not in published:
        fail(f"expected 'to' of {entry.page} to be a page this build publishes, found {entry.to}")


def _answer(url: str, site: Site) -> PageRedirect | RetiredDocument | None:
    """The entry for ``url``: its own, else the longest ``*`` entry starting it, else its removed document's."""
    exact = next((entry for entry in site.moved_pages if entry.page == url), None)
    if exact is not None:
        return exact
    prefixes = [entry for entry in site.moved_pages if entry.page.endswith("*") and entry.covers(url)]
    if prefixes:
        return max(prefixes, key=lambda entry: len(entry.page))
    return next((d for d in site.retired_documents if _named_after(url, d.slug)), None)


def _named_after(url: str, slug: str) -> bool:
    """Whether the page at ``url`` is one of the document's: ``/documents/<slug>/``, ``/tasks/<slug>-t3/``."""
    return re.search(rf"/{re.escape(slug)}(?:/|-)", url) is not None


def render(urls: Iterable[str]) -> str:
    return HEADER + "".join(f"{url}\n" for url in sorted(set(urls)))


def updated(site: Site, published: Iterable[str]) -> str:
    """The record with this build's pages added (none is ever taken out)."""
    return render([*(url for url, _ in site.published), *published])


def check_current(source: Path, site: Site, published: Iterable[str]) -> None:
    """Raise a located error when the record lacks a page this build publishes (``check``: a page was
    added and the record its build rewrote was not committed)."""
    path = source / FILE_NAME
    recorded = {url for url, _ in site.published}
    missing = sorted(set(published) - recorded)
    if missing:
        raise CurationError(
            path,
            1,
            1,
            f"expected every page this build publishes to be recorded, found {len(missing)} missing "
            f"({missing[0]} first); run `make build` and commit {FILE_NAME} with the texts",
        )


def write(source: Path, site: Site, published: Iterable[str]) -> bool:
    """Rewrite the record when this build publishes a page it lacks; whether it was written."""
    path = source / FILE_NAME
    content = updated(site, published)
    try:
        saved = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        saved = None
    if saved == content:
        return False
    write_atomic(path, content.encode("utf-8"))
    return True
