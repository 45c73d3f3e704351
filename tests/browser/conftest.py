"""Browser fixtures: the built site on a local HTTP server, one Chromium per session."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class SiteHostHandler(QuietHandler):
    """As a static host serves a MkDocs site: an address with no file answers with 404.html (status 404)."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SubPathHostHandler(SiteHostHandler):
    """As a host serving the site under ``PREFIX`` (``/ipdocs/``): an address there is the site's file of
    the rest of it, any other address has no file; an address with no file answers with 404.html."""

    PREFIX = "/ipdocs/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.PREFIX):
            return str(Path(self.directory) / "no such file outside the prefix")
        return super().translate_path("/" + path[len(self.PREFIX) :])


@contextlib.contextmanager
def served(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """``http://127.0.0.1:<port>/`` serving ``site`` from a background thread while the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def new_page(browser, **options: object) -> Iterator[Page]:
    """A page in a fresh browser context made with ``options``, closed when the block ends."""
    context = browser.new_context(**options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def base_url(built) -> Iterator[str]:
    """The built site, served for the whole session."""
    with served(built.html) as url:
        yield url


# The version of the Chromium the browser tests ran in: Debian's package is not pinned (apt installs what
# the mirror has), so the run's summary names it (``pytest_terminal_summary``).
_CHROMIUM_VERSION = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def browser(pytestconfig: pytest.Config):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make browser-deps) to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        pytestconfig.stash[_CHROMIUM_VERSION] = chromium.version
        yield chromium
        chromium.close()


# Whether a test's call failed: a page it shared is not handed to the next test (search_page).
_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.stash[_FAILED] = True
    return report


class _SharedPage:
    """One page (1280×900, in its own context) that the search tests of a module type their queries into
    in turn, made when first asked for."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser, self.base_url, self.context, self.page = browser, base_url, None, None

    def get(self) -> Page:
        if self.page is None or self.page.is_closed():
            self.close()
            self.context = self.browser.new_context(viewport={"width": 1280, "height": 900}, base_url=self.base_url)
            self.page = self.context.new_page()
        return self.page

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
        self.context = self.page = None


@pytest.fixture(scope="module")
def _shared_search_page(browser, base_url) -> Iterator[_SharedPage]:
    shared = _SharedPage(browser, base_url)
    yield shared
    shared.close()


@pytest.fixture
def search_page(_shared_search_page, request) -> Iterator[Page]:
    """The page for a test that only types queries into the search box (search_probe's ``search`` and
    ``search_results``, which clear a query left in the box) and reads their answers: one per module, so
    the site and its search index load once, not for each query, as the battery's queries share one.
    A test that listens to requests, routes them, navigates or times the index's loading takes ``page``.
    After a test that failed the page is closed, and the next test gets a new one."""
    yield _shared_search_page.get()
    if request.node.stash.get(_FAILED, False):
        _shared_search_page.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page (1280×900) in a fresh context; clipboard writes are captured."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    context.add_init_script(
        "window.__copied = []; Object.defineProperty(navigator, 'clipboard', {value: "
        "{writeText: t => { window.__copied.push(t); return Promise.resolve(); }}});"
    )
    page = context.new_page()
    yield page
    context.close()


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    version = config.stash.get(_CHROMIUM_VERSION, "")
    if version:
        terminalreporter.write_line(f"browser tests ran in {CHROMIUM} {version} (Debian's package, not pinned)")
