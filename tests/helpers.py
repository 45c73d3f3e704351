"""Small helpers that make tiny inputs and run the real stages on them."""

from __future__ import annotations

import atexit
import functools
import hashlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "source_texts"  # the live corpus: what the tests of its facts (tasks, golden trees, links) read
# A frozen copy of source_texts/ as it stood when these tests were written: the tests of the machinery
# (removing, rewording, damaging a paragraph they name) work on copies of it, so an edit staff make to
# a text, or a document they add, breaks only the tests that pin that text's facts.
FIXTURE = ROOT / "tests" / "data" / "corpus"
MKDOCS_YML = ROOT / "mkdocs.yml"
# How many documents the fixture holds (a test that counts them in a copy reads this).
DOCUMENT_COUNT = len(yaml.safe_load((FIXTURE / "documents.yaml").read_text(encoding="utf-8"))["documents"])
# One problem of bad input as the CLI prints it (errors.Location: lines and columns count from 1), run in
# the folder holding source_texts/. MULTILINE: .search finds one in stderr, .match checks one line.
LOCATED = re.compile(r"^source_texts/[^:\s]+:[1-9]\d*:[1-9]\d*: expected .+, found .+$", re.MULTILINE)
# A warning said with the problems it can be the cause of (errors.CauseWarning).
LOCATED_CAUSE = re.compile(r"^source_texts/[^:\s]+:[1-9]\d*:[1-9]\d*: warning: expected .+, found .+$")


def copy_sources(dest: Path, source: Path = FIXTURE) -> Path:
    """A private copy of the frozen corpus (or of ``source``) that a test may damage."""
    target = dest / "source_texts"
    shutil.copytree(source, target)
    return target


def replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    """A damage to a source folder: the first ``old`` in its file ``name`` becomes ``new`` (``old`` must be there)."""

    def change(source: Path) -> None:
        path = source / name
        content = path.read_text(encoding="utf-8")
        assert old in content, f"{old!r} not in {name}"
        path.write_text(content.replace(old, new, 1), encoding="utf-8")

    return change


def rewrite(name: str, make: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    """A damage to a source folder: the bytes of its file ``name`` become ``make`` of them."""
    return lambda source: (source / name).write_bytes(make((source / name).read_bytes()))


def tiny_source(dest: Path, text: str, *, slug: str = "test-2020-1", extra: dict | None = None) -> Path:
    """A source folder holding one small document; returns the folder."""
    source = dest / "source_texts"
    source.mkdir(parents=True, exist_ok=True)
    (source / f"{slug}.txt").write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    entry = {
        "slug": slug,
        "title": "测试文件",
        "short_title": "《测试》",
        "doc_number": "测发〔2020〕1号",
        "issuer": "测试机关",
        "date": None,
        "published": None,
        "level": "national",
        "implements": None,
        "source_file": f"{slug}.txt",
        "dropped_lines": [],
        **(extra or {}),
    }
    (source / "documents.yaml").write_text(
        yaml.safe_dump({"documents": [entry]}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return source


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m build_scripts`` as a person would; never raises."""
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**_env(), "PYTHONPATH": str(ROOT)},
        timeout=600,
    )


def _env(**extra: str) -> dict[str, str]:
    """The environment of a command a test runs: the tester's SITE_URL (mkdocs.yml's site_url) left out,
    so every build is the root build unless a test asks for another (``extra``)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    return {**env, "NO_MKDOCS_2_WARNING": "1", **extra}


class _EnvTag(str):
    """A ``!ENV NAME`` value of mkdocs.yml, kept as written: MkDocs reads the variable when it builds."""


class _ConfigLoader(yaml.Loader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigLoader.add_constructor("!ENV", lambda loader, node: _EnvTag(loader.construct_scalar(node)))
_ConfigDumper.add_representer(_EnvTag, lambda dumper, tag: dumper.represent_scalar("!ENV", str(tag)))


def mkdocs_config(docs: Path, site: Path) -> Path:
    """The project's mkdocs.yml with ``docs`` and ``site`` as its folders, written beside ``docs``."""
    config = yaml.load(MKDOCS_YML.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - our own file
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    temp_config = docs.parent / "mkdocs.test.yml"
    temp_config.write_text(
        yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return temp_config


def mkdocs_build(docs: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A real ``mkdocs build --strict`` of ``docs`` into ``site`` with the project's mkdocs.yml, with
    ``env`` added to its environment (``SITE_URL="http://host/ipdocs/"``: the site hosted there). Not
    --quiet: it hides MkDocs' warnings from --strict too (mkdocs#4126), and a broken link built."""
    temp_config = mkdocs_config(docs, site)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(temp_config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(**env),
        timeout=900,
    )


def tree_digest(folder: Path) -> str:
    """One hash of every file's path and bytes under ``folder``: equal means untouched."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def generate_in(folder: Path) -> subprocess.CompletedProcess[str]:
    """``generate`` as staff run it, from a folder holding ./source_texts, into ./docs."""
    return run_cli("generate", "--source", "source_texts", "--docs", "docs", cwd=folder)


def refused(folder: Path) -> str:
    """``generate`` in ``folder`` (see generate_in) on damaged sources: it exits 1 without a traceback or an
    internal error, each line of its stderr but the last (the count, "docs/ was not changed") is LOCATED,
    and docs/ is as it was. Returns the stderr, for the messages a test expects."""
    before = tree_digest(folder / "docs")
    proc = generate_in(folder)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    messages = proc.stderr.splitlines()[:-1]
    assert messages and all(LOCATED.match(m) or LOCATED_CAUSE.match(m) for m in messages), proc.stderr
    assert tree_digest(folder / "docs") == before
    return proc.stderr


@functools.cache
def _generated_fixture() -> tuple[Path, str]:
    """A folder where ``copy_sources`` then ``generate_in`` ran once (its source_texts/ and docs/), made the
    first time a test asks for it, and the digest of its files. Only ``generated_copy`` reads it."""
    folder = Path(tempfile.mkdtemp(prefix="generated-fixture-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    copy_sources(folder)
    proc = generate_in(folder)
    assert proc.returncode == 0, proc.stderr
    return folder, tree_digest(folder)


def generated_copy(folder: Path) -> Path:
    """What ``copy_sources(folder)`` and then a successful ``generate_in(folder)`` leave in ``folder``: a private
    copy of the frozen corpus and the docs/ generated from it (returns the copy's source_texts/). The run is
    made once per test process and its two folders copied: ``generate`` writes the same docs/ in any folder
    (README: byte-identical docs/) and reads no file's time. Its result is never handed out, only copies, and
    each copy first checks that it is as the run left it."""
    template, digest = _generated_fixture()
    assert tree_digest(template) == digest, f"{template} was changed: a test must work on its copy"
    for name in ("source_texts", "docs"):
        shutil.copytree(template / name, folder / name, symlinks=True)
    return folder / "source_texts"


def refused_after(folder: Path, damage: Callable[[Path], None]) -> str:
    """A private copy of the frozen corpus in ``folder``, generated once (the docs/ a damage must leave
    as it was: ``generated_copy``), then damaged and generated again: ``refused``'s stderr."""
    source = generated_copy(folder)
    damage(source)
    return refused(folder)


def delete_task_and_renumber(path: Path, deleted: int) -> None:
    """Task ``deleted`` of a tasks text (``16.…``) taken out and every later one numbered one less, as
    staff do when a task is dropped."""
    lines = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        number = re.match(r"(\d+)\.", line)
        if number and int(number.group(1)) >= deleted:
            if int(number.group(1)) == deleted:
                continue
            line = f"{int(number.group(1)) - 1}{line[len(number.group(1)) :]}"
        lines.append(line)
    path.write_text("\n".join(lines), encoding="utf-8")


def renumbered_and_answered(source: Path, deleted: int) -> Path:
    """In a folder ``generated_copy`` filled (``source``: its source_texts/), 66号's task ``deleted`` taken out
    and the later ones numbered one less, then answered (``answered``). Returns the docs/ folder."""
    delete_task_and_renumber(source / "guobanhan-2016-66.txt", deleted)
    return answered(source.parent, deleted)


def answered(folder: Path, deleted: int | None) -> Path:
    """The sources of ``folder`` changed: each removed id answered in redirects.yaml as its message says (to:
    where its words stand now, else retired as task ``deleted``, dated 2026-12-07), and task_terms.yaml's task
    106 dropped when 66号 has no longer one; the build then passes. Returns the docs/ folder."""
    source = folder / "source_texts"
    if "\n106." not in (source / "guobanhan-2016-66.txt").read_text(encoding="utf-8"):
        terms = source / "task_terms.yaml"
        terms.write_text(terms.read_text(encoding="utf-8").split("  - task: 106\n", 1)[0], encoding="utf-8")
    entries = []
    for line in refused(folder).splitlines()[:-1]:
        removed = re.search(r"removed clause (\S+) ", line)
        assert removed, line
        to = re.search(r"\(to: ([^,)]+)", line)
        retired = f"删除第{deleted}项（测试）" if deleted is not None else "删除（测试）"
        answer = f"    to: {to.group(1)}\n" if to else f"    note: {retired}\n    date: 2026-12-07\n"
        entries.append(f"  - id: {removed.group(1)}\n{answer}")
    (source / "redirects.yaml").write_text("redirects:\n" + "".join(entries), encoding="utf-8")
    proc = generate_in(folder)
    assert proc.returncode == 0, proc.stderr
    return folder / "docs"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_command(source: Path, docs: Path, port: int) -> list[str]:
    """``python -m build_scripts serve`` of ``source`` into ``docs`` at 127.0.0.1:``port``, MkDocs
    building into ``docs``'s sibling site/ with the project's mkdocs.yml."""
    config = mkdocs_config(docs, docs.parent / "site")
    return [
        sys.executable,
        "-m",
        "build_scripts",
        "serve",
        "--source",
        str(source),
        "--docs",
        str(docs),
        "--dev-addr",
        f"127.0.0.1:{port}",
        "--config-file",
        str(config),
    ]


def unkept(page: str) -> str:
    """``page`` (a rendered page) without the spans that keep a run on one line (render/keep_together.py):
    the words as a reader copies them."""
    return re.sub(r'<span class="keep-together">([^<]*)</span>', r"\1", page)


def read_page(path: Path) -> str:
    """A rendered page's text, ``unkept``."""
    return unkept(path.read_text(encoding="utf-8"))
