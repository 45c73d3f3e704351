"""``make serve``: a busy address is said plainly; SIGTERM stops MkDocs too; each regeneration says
what changed, as ``make build`` does; an edit of overrides/ is served; while staff edit, neither a file
gone mid-look, an editor's swap file, an edit of build_scripts/ nor a bug one save meets stops or fools it.

The loop's tests run it in-process with a stand-in for MkDocs (``_Server``): quick, and each edit lands
between two looks."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import ROOT, copy_sources, free_port, generated_copy, mkdocs_config, serve_command

pytestmark = pytest.mark.slow

# what the command line hands serve: the text of the mkdocs.yml it checked (the project's, here)
CONFIG_TEXT = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own local server
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_a_busy_address_is_said_plainly(tmp_path):
    source = copy_sources(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            serve_command(source, tmp_path / "docs", port), cwd=ROOT, capture_output=True, text=True, timeout=120
        )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"expected a free address for the server at 127.0.0.1:{port}, found it in use")
    assert "make serve ADDR=" in proc.stderr


DEV_ADDR_SAID = (
    "argument --dev-addr: expected host:port, the host an IP address or localhost and the port from 1 to 65535"
)


@pytest.mark.parametrize(
    ("address", "status", "expected"),
    [
        ("127.0.0.1:70000", 2, f"{DEV_ADDR_SAID}, found '127.0.0.1:70000'"),
        ("127.0.0.1:8x", 2, f"{DEV_ADDR_SAID}, found '127.0.0.1:8x'"),
        ("8000", 2, f"{DEV_ADDR_SAID}, found '8000'"),
        ("vm:8123", 2, f"{DEV_ADDR_SAID}, found 'vm:8123'"),  # MkDocs refuses a host name, after a whole generate
        (":8124", 2, f"{DEV_ADDR_SAID}, found ':8124'"),
        ("192.0.2.1:8123", 1, "expected an address of this machine to serve at 192.0.2.1:8123, found"),
    ],
    ids=["port-too-large", "port-not-a-number", "no-host", "host-name", "empty-host", "not-this-machines"],
)
def test_a_dev_address_that_cannot_be_served_is_said_as_what_it_is(tmp_path, address, status, expected):
    """Code review (session 44): a port past 65535 was an internal OverflowError; 8x and an address the machine
    does not have were said to be in use (another make serve?), which sent staff looking for a server that
    was not there. A malformed address is refused as the command line's mistake, one the machine cannot
    bind is said with the system's reason; only an address taken is said to be in use."""
    source = copy_sources(tmp_path)
    command = serve_command(source, tmp_path / "docs", 8000)
    command[command.index("--dev-addr") + 1] = address
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == status, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr and "in use" not in proc.stderr
    assert expected in proc.stderr, proc.stderr
    assert not (tmp_path / "docs").exists()


@contextlib.contextmanager
def serving(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path, str, Path]]:
    """``make serve`` of a generated copy, in its own process group (a test signals the serve process
    alone), once it serves the Chongqing text: (the server, the source folder, that page's URL, its log).
    Whatever is left of the group afterwards is killed."""
    source = generated_copy(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}/documents/yufufa-2016-25/"
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            serve_command(source, tmp_path / "docs", port),
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        deadline = time.monotonic() + 120
        while "培育壮大知识产权密集型产业" not in (fetch(url) or ""):
            assert time.monotonic() < deadline and server.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        yield server, source, url, log
    finally:
        with contextlib.suppress(ProcessLookupError):  # whatever is left of the group, if the test failed
            os.killpg(server.pid, signal.SIGKILL)
        # reaped: left running, its Popen warned when collected, and the warning failed whichever test was running
        server.wait(timeout=30)


def test_sigterm_stops_mkdocs_too_and_an_edit_is_reported(tmp_path):
    with serving(tmp_path) as (server, source, url, log):
        deadline = time.monotonic() + 120
        path = source / "yufufa-2016-25.txt"
        path.write_text(
            path.read_text(encoding="utf-8").replace("培育壮大知识产权密集型产业", "培育壮大知识产权密集产业", 1),
            encoding="utf-8",
        )
        while "since the last build: 0 clause(s) added, 0 removed, 1 modified" not in log.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        # a damaged save: its problems, then how many and what is served (it said only the problems)
        path.write_text(
            path.read_text(encoding="utf-8").replace("培育壮大知识产权密集产业", "培育\0壮大", 1), encoding="utf-8"
        )
        while "1 problem(s) found; docs/ was not changed: the site served is the last build that worked." not in (
            log.read_text(encoding="utf-8")
        ):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        assert "U+0000" in log.read_text(encoding="utf-8")
        server.send_signal(signal.SIGTERM)  # the serve process only, as `kill PID` does
        assert server.wait(timeout=30) == 0
        deadline = time.monotonic() + 30
        while fetch(url) is not None:  # MkDocs went with it
            assert time.monotonic() < deadline, "mkdocs serve still answers after SIGTERM"
            time.sleep(0.2)


# Saves of mkdocs.yml that MkDocs cannot build with, and the line and column each problem is said at (in the
# config ``serve_command`` writes): a YAML error, a key MkDocs does not know (strict), a nav entry naming no
# page, a theme folder that is not there, a plugin's option it does not have.
BROKEN_CONFIGS = [
    (lambda good: good.replace("site_dir: ", "site_dir: [", 1), "6:", "in valid YAML, found"),
    (lambda good: good + "no_such_key: 1\n", "50:1:", "found: Unrecognised configuration name: no_such_key"),
    (lambda good: good.replace("首页: index.md", "首页: no-such-page.md", 1), "42:7:", "found 'no-such-page.md'"),
    (lambda good: good.replace("custom_dir: ", "custom_dir: /no/such/folder", 1), "10:3:", "custom_dir"),
    (lambda good: good.replace("lang: zh", "lang: zh\n    no_such_option: 1", 1), "24:5:", "no_such_option"),
]


def test_a_broken_save_of_mkdocs_yml_is_said_located_and_the_last_good_site_is_served(tmp_path):
    """MkDocs reloads mkdocs.yml on its own when it is saved: a broken save printed a Python traceback (or
    MkDocs' unlocated words) and left every page hanging until it was fixed. Each broken save is said as
    ``path:line:column: expected …, found …``, the last good site is served meanwhile, and the fix is picked
    up when saved."""
    with serving(tmp_path) as (server, _, url, log):
        config = tmp_path / "mkdocs.test.yml"
        good = config.read_text(encoding="utf-8")
        for count, (damage, where, found) in enumerate(BROKEN_CONFIGS, start=1):
            config.write_text(damage(good), encoding="utf-8")
            deadline = time.monotonic() + 60
            # the save's own message: MkDocs' watcher may also read the file while write_text has emptied it (said
            # as 1:1 … found nothing, and not applied either), so the count of refusals alone can run ahead of it
            while log.read_text(encoding="utf-8").count("was not applied") < count or not [
                line for line in log.read_text(encoding="utf-8").splitlines() if line.startswith(f"{config}:{where}")
            ]:
                assert time.monotonic() < deadline and server.poll() is None, log.read_text(encoding="utf-8")
                time.sleep(0.2)
            said = log.read_text(encoding="utf-8")
            located = [line for line in said.splitlines() if line.startswith(f"{config}:{where}")]
            assert located and ": expected " in located[-1] and found in located[-1], said
            assert "培育壮大知识产权密集型产业" in (fetch(url) or ""), said  # the last good site, served
        config.write_text(
            good.replace("site_name: 知识产权政策文件库", "site_name: 政策文件库（新）"), encoding="utf-8"
        )
        deadline = time.monotonic() + 60
        while "政策文件库（新）" not in (fetch(url) or ""):
            assert time.monotonic() < deadline and server.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        assert f"{config} was checked: the site served is built with it." in log.read_text(encoding="utf-8")
        assert "Traceback" not in log.read_text(encoding="utf-8")
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0, log.read_text(encoding="utf-8")
        assert not list((ROOT / ".cache" / "serve").glob(f"mkdocs.{server.pid}.yml"))  # its copy of the config


def test_serve_started_with_a_nav_entry_naming_no_page_says_it_located(tmp_path):
    """A nav entry naming no page, in the mkdocs.yml serve starts with: MkDocs' first build stopped on it
    (strict) with words that name no line, and serve said only that MkDocs stopped."""
    source = generated_copy(tmp_path)
    command = serve_command(source, tmp_path / "docs", free_port())
    config = Path(command[command.index("--config-file") + 1])
    config.write_text(
        config.read_text(encoding="utf-8").replace("首页: index.md", "首页: no-such.md"), encoding="utf-8"
    )
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert f"{config}:42:7: expected a nav entry naming a page in docs/ or an address, found 'no-such.md'" in (
        proc.stderr
    )
    assert "1 problem(s) found; MkDocs was not started." in proc.stderr and "Traceback" not in proc.stderr


def test_the_terminal_closed_stops_mkdocs_too(tmp_path):
    """The terminal of ``make serve`` closed (SIGHUP to serve): serve stops as on SIGTERM, MkDocs with it;
    without that, serve vanished mid-step and MkDocs went on serving, with no terminal to stop it from."""
    with serving(tmp_path) as (server, _, url, log):
        server.send_signal(signal.SIGHUP)
        assert server.wait(timeout=30) == 0, log.read_text(encoding="utf-8")
        assert "Traceback" not in log.read_text(encoding="utf-8")
        deadline = time.monotonic() + 30
        while fetch(url) is not None:
            assert time.monotonic() < deadline, "mkdocs serve still answers after SIGHUP"
            time.sleep(0.2)


def test_an_edit_of_overrides_while_serving_is_served(tmp_path):
    """overrides/ (site.css, site.js, main.html) is the theme's: MkDocs watches it only when asked, and an
    edit of it while serving was never shown, nor said. Served from a copy, so the test edits no file of
    the project."""
    source = generated_copy(tmp_path)
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    port = free_port()
    command = serve_command(source, tmp_path / "docs", port)
    config = Path(command[command.index("--config-file") + 1])
    config.write_text(
        config.read_text(encoding="utf-8").replace(f"custom_dir: {ROOT / 'overrides'}", f"custom_dir: {overrides}"),
        encoding="utf-8",
    )
    assert f"custom_dir: {overrides}" in config.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/assets/stylesheets/site.css"
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, env=os.environ.copy()
        )
    try:
        deadline = time.monotonic() + 120
        while fetch(url) is None:
            assert time.monotonic() < deadline and server.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        css = overrides / "assets" / "stylesheets" / "site.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n/* edited while serving */\n", encoding="utf-8")
        deadline = time.monotonic() + 30
        while "edited while serving" not in (fetch(url) or ""):
            assert time.monotonic() < deadline and server.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.2)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)


class _Listing:
    """What ``os.scandir`` gives (a context manager and an iterator), of entries listed beforehand."""

    def __init__(self, entries):
        self.entries = iter(entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.entries)


def test_a_file_or_folder_gone_between_its_listing_and_its_look_stops_no_look(tmp_path, monkeypatch):
    """A `make build` in another terminal writes the records beside the texts through a temporary file it
    renames at once, git checkout removes a folder whole: a file gone between its listing and its stat, or
    a folder between the listing of the one above and its own, is no crash of serve (``internal error:
    FileNotFoundError``), only not there. The races are made deterministic: each goes just after it is
    looked at."""
    from build_scripts import serve

    (tmp_path / "text.txt").write_text("一、总则。\n", encoding="utf-8")
    (tmp_path / ".clause_ids.tsv.4242.tmp").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.md").write_text("", encoding="utf-8")
    real_scandir, real_stat = os.scandir, os.stat

    def listed_then_sub_gone(folder="."):
        entries = list(real_scandir(folder))
        if Path(folder) == tmp_path and (tmp_path / "sub").exists():
            (tmp_path / "sub" / "x.md").unlink()
            (tmp_path / "sub").rmdir()
        return _Listing(entries)

    def stat_then_gone(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if Path(path).name == ".clause_ids.tsv.4242.tmp":
            Path(path).unlink(missing_ok=True)
        return result

    monkeypatch.setattr(os, "scandir", listed_then_sub_gone)
    monkeypatch.setattr(os, "stat", stat_then_gone)
    stamps = serve._snapshot([tmp_path])
    monkeypatch.undo()
    assert tmp_path / "text.txt" in stamps and tmp_path / "sub" / "x.md" not in stamps


class _Server:
    """A stand-in for the ``mkdocs serve`` process: each look of serve's loop runs the next of ``steps``
    (an edit), and it stops by itself once they are done."""

    def __init__(self, steps):
        self.steps = list(steps)

    def poll(self):
        if not self.steps:
            return 0
        self.steps.pop(0)()
        return None

    def terminate(self):
        pass

    def wait(self, timeout=None):
        return 0


def test_an_edit_of_build_scripts_while_serving_is_said_to_need_a_restart(tmp_path, monkeypatch, capsys):
    """The code serve runs is the code it started with (the package fingerprint is read once per process):
    an edit of build_scripts/ is said, once, with what to do, and is no rebuild; a text's edit still is."""
    from build_scripts import serve

    source = generated_copy(tmp_path)
    package = tmp_path / "build_scripts"
    (package / "__pycache__").mkdir(parents=True)
    module = package / "patterns.py"
    module.write_text("X = 1\n", encoding="utf-8")
    text = source / "yufufa-2016-25.txt"
    steps = [
        lambda: module.write_text("X = 2\n", encoding="utf-8"),
        *[lambda: None] * 3,
        lambda: (package / "__pycache__" / "patterns.cpython-311.pyc").write_bytes(b"\0"),  # Python's, no edit
        lambda: (package / "weights.json").write_text("{}", encoding="utf-8"),  # data, read by each run
        *[lambda: None] * 3,
        lambda: text.write_text(text.read_text(encoding="utf-8").replace("密集型", "密集", 1), encoding="utf-8"),
        *[lambda: None] * 3,
    ]
    monkeypatch.setattr(serve, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(serve, "PACKAGE_DIR", package, raising=False)
    popen = subprocess.Popen  # git's, for the change log, stays itself
    monkeypatch.setattr(
        subprocess, "Popen", lambda args, **kwargs: _Server(steps) if "mkdocs" in args else popen(args, **kwargs)
    )
    assert serve.serve(source, tmp_path / "docs", dev_addr=f"127.0.0.1:{free_port()}", config_text=CONFIG_TEXT) == 0
    said = capsys.readouterr()
    assert said.err.count("build_scripts/ was edited") == 1
    assert "stop serve (Ctrl-C) and run `make serve` again" in said.err
    assert said.out.count("regenerated:") == 1 and "1 modified" in said.out


def test_an_internal_error_of_one_regeneration_is_said_and_serve_goes_on(tmp_path, monkeypatch, capsys):
    """A bug one save meets (``internal error: …``, as ``generate`` says it) does not take the server away
    from staff mid-edit: it is said in one line, no traceback, and the next save is built."""
    from build_scripts import pipeline, serve

    source = generated_copy(tmp_path)
    text = source / "yufufa-2016-25.txt"
    real_generate, calls = pipeline.generate, []

    def generate_with_a_bug(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("a bug this save meets")
        return real_generate(*args, **kwargs)

    def edit(old, new):
        return lambda: text.write_text(text.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    steps = [edit("密集型", "密集"), *[lambda: None] * 3, edit("密集产业", "密集型产业"), *[lambda: None] * 3]
    monkeypatch.setattr(serve, "POLL_SECONDS", 0.05)
    monkeypatch.setattr(pipeline, "generate", generate_with_a_bug)
    popen = subprocess.Popen
    monkeypatch.setattr(
        subprocess, "Popen", lambda args, **kwargs: _Server(steps) if "mkdocs" in args else popen(args, **kwargs)
    )
    monkeypatch.delenv("BUILD_DEBUG", raising=False)
    assert serve.serve(source, tmp_path / "docs", dev_addr=f"127.0.0.1:{free_port()}", config_text=CONFIG_TEXT) == 0
    said = capsys.readouterr()
    assert said.err.startswith("internal error: RuntimeError: a bug this save meets (set BUILD_DEBUG=1 for details)\n")
    assert "Traceback" not in said.err and len(calls) == 2 and said.out.count("regenerated:") == 1


def test_the_files_an_editor_keeps_beside_a_text_are_no_save(tmp_path, monkeypatch, capsys):
    """vim writes its swap file every few seconds of typing and probes with 4913, emacs and others keep
    x~ and #x#, JetBrains writes x___jb_tmp___ before its rename: none is a save, so none regenerates
    (a ``regenerated: 0 file(s) written`` line every few seconds, and the CPU of a generate); the save is."""
    from build_scripts import serve

    source = generated_copy(tmp_path)
    text = source / "yufufa-2016-25.txt"

    def beside(name):
        return lambda: (source / name).write_bytes(b"b0VIM 9.1\0")

    steps = [
        *[
            step
            for name in (
                ".yufufa-2016-25.txt.swp",
                ".documents.yaml.swo",
                "4913",
                "5036",
                "yufufa-2016-25.txt~",
                "#documents.yaml#",
                "yufufa-2016-25.txt___jb_tmp___",
                "yufufa-2016-25.txt___jb_old___",
            )
            for step in (beside(name), lambda: None, lambda: None)
        ],
        lambda: text.write_text(text.read_text(encoding="utf-8").replace("密集型", "密集", 1), encoding="utf-8"),
        *[lambda: None] * 3,
    ]
    monkeypatch.setattr(serve, "POLL_SECONDS", 0.05)
    popen = subprocess.Popen
    monkeypatch.setattr(
        subprocess, "Popen", lambda args, **kwargs: _Server(steps) if "mkdocs" in args else popen(args, **kwargs)
    )
    assert serve.serve(source, tmp_path / "docs", dev_addr=f"127.0.0.1:{free_port()}", config_text=CONFIG_TEXT) == 0
    said = capsys.readouterr()
    assert said.out.count("regenerated:") == 1 and "1 modified" in said.out, said.out


def test_serve_started_on_a_broken_save_serves_the_last_build_and_waits_for_the_fix(tmp_path, monkeypatch, capsys):
    """Staff restart serve (told to, after an edit of build_scripts/) with a text still half edited: it says
    the problem, located, and serves the site docs/ holds, the last build that worked, instead of refusing
    to serve at all; the fix is built as any save is."""
    from build_scripts import cli, serve

    source = generated_copy(tmp_path)
    text = source / "yufufa-2016-25.txt"
    good = text.read_text(encoding="utf-8")
    text.write_text(good.replace("密集型", "密\0集型", 1), encoding="utf-8")
    steps = [lambda: None, lambda: text.write_text(good, encoding="utf-8"), *[lambda: None] * 3]
    monkeypatch.setattr(serve, "POLL_SECONDS", 0.05)
    popen = subprocess.Popen
    monkeypatch.setattr(
        subprocess, "Popen", lambda args, **kwargs: _Server(steps) if "mkdocs" in args else popen(args, **kwargs)
    )
    docs = tmp_path / "docs"
    config = mkdocs_config(docs, tmp_path / "site")
    argv = ["serve", "--source", str(source), "--docs", str(docs), "--dev-addr", f"127.0.0.1:{free_port()}"]
    assert cli.main([*argv, "--config-file", str(config)]) == 0
    said = capsys.readouterr()
    assert "yufufa-2016-25.txt:" in said.err and "U+0000" in said.err and "Traceback" not in said.err
    assert "1 problem(s) found; docs/ was not changed: the site served is the last build that worked." in said.err
    assert said.out.count("regenerated:") == 1
