"""The one Jinja environment over ``templates/``, and its compiled code.

``environment`` sets it up (``StrictUndefined``, autoescape, the filters of ``escape``); the
``Renderer`` and the background compile both use it, so they share the compiled templates, kept in
.cache/jinja/ under a fingerprint of that setup. ``BackgroundCompile`` compiles them ahead on a
second core while the model is built.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path
from types import CodeType, TracebackType

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Expr
from markupsafe import Markup

from .. import fork, numerals
from .escape import finalize, format_number, format_size, front_matter_json, html_text, toc_label
from .keep_together import keep_trailing_bracket

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates"

# (cache file, its mtime in ns, its size, the template source's checksum) → the compiled code it held
_READ_CODE: dict[tuple[str, int, int, str], CodeType] = {}


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, for a build that may not be able to write it (a read-only checkout), read once per
    process: ``templates_compiled`` reads every file to tell whether it is current, and the renderer then
    loaded each again (unmarshalling the 18 templates' code took about 2 ms each time). A file is read
    again when it is not the one read (its mtime or size differ) or holds the code of other source."""

    def load_bytecode(self, bucket: Bucket) -> None:
        filename = self._get_cache_filename(bucket)
        try:
            found = os.stat(filename)
        except OSError:  # none, or not readable: Jinja's own answer
            super().load_bytecode(bucket)
            return
        read = (filename, found.st_mtime_ns, found.st_size, bucket.checksum)
        code = _READ_CODE.get(read)
        if code is not None:
            bucket.code = code
            return
        super().load_bytecode(bucket)
        if bucket.code is not None:
            _READ_CODE[read] = bucket.code

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # the template is compiled all the same; the next build compiles it again
            super().dump_bytecode(bucket)


def _bytecode_cache(template_dir: Path) -> FileSystemBytecodeCache | None:
    """Compiled templates kept in .cache/jinja/ beside templates/ (like __pycache__); rebuilt whenever a
    template changes. Jinja keys its files on a template's name, path and source only, so the file
    names also carry a fingerprint of this module, which sets up the environment, of escape.py, whose
    filters it registers, and of Jinja's version (``_setup_fingerprint``): a change to the escaping or
    whitespace settings, or another Jinja, compiles every template again. None when the folder is not
    writable."""
    folder = template_dir.parent / ".cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return _BytecodeCache(str(folder), f"__jinja2_{_SETUP_FINGERPRINT}_%s.cache")


class _PrintingCodeGenerator(CodeGenerator):
    """Jinja's code generator, printing each value as ``escape.finalize`` returns it, escaped already:
    ``environment.finalize(value)`` where Jinja writes ``escape(environment.finalize(value))``. The
    ``escape()`` had nothing left to change (``finalize`` escapes every character it would, and passes
    only ``Markup`` as it is), and cost a call and a new ``Markup`` for each of the 28,000 values a
    build prints. So too inside ``{% autoescape %}`` blocks (none of our templates has one): where Jinja
    writes ``str(…)`` (autoescape off) ``finalize`` has escaped already, and where it writes ``(escape if
    context.eval_ctx.autoescape else str)(…)`` (a flag known only when the page renders) the ``escape()``
    escaped it twice (``&amp;#60;``). The constants Jinja finalizes at compile time are printed as Jinja
    prints them."""

    def _output_child_pre(self, node: Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if finalize.src is not None:  # a finalize to call: ours, which escapes
            self.write(str(finalize.src))
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: Expr, frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> None:
        if finalize.src is not None:
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class _Environment(Environment):
    code_generator_class = _PrintingCodeGenerator


def _setup_fingerprint() -> str:
    """This module, escape.py and the Jinja that compiles: code compiled by one Jinja calls its runtime's
    helpers, and Jinja's own check of a cached file (its bytecode format and Python's version) passes the
    code of an earlier release of the same format."""
    setup = Path(__file__).read_bytes() + Path(__file__).with_name("escape.py").read_bytes()
    return hashlib.sha256(setup + jinja2.__version__.encode()).hexdigest()[:16]


_SETUP_FINGERPRINT = _setup_fingerprint()


def environment(template_dir: Path) -> Environment:
    """The one Jinja environment: the renderer's, and the background compiler's (same compiled code)."""
    template_dir = template_dir.resolve()  # the background process runs in another folder
    env = _Environment(
        loader=FileSystemLoader(str(template_dir)),
        bytecode_cache=_bytecode_cache(template_dir),
        undefined=StrictUndefined,
        autoescape=True,  # macros return Markup; finalize escapes values for Markdown too
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Jinja's optimizer folds constant expressions at compile time; our templates have almost none
        # (every page renders byte for byte the same without it, and as fast), and it took a fifth of
        # compiling them: in a cold build, 0.03–0.05 s of the background compile's CPU time.
        optimized=False,
        auto_reload=False,  # a Renderer lives for one build: no need to stat each template on every use
    )
    env.filters["h"] = html_text
    env.filters["h_unit_kept"] = keep_trailing_bracket  # h, and a row head's （亿元） on one line
    env.filters["toc_label"] = toc_label
    env.filters["tojson"] = front_matter_json  # templates use it for front matter only
    env.filters["number"] = format_number
    env.filters["file_size"] = format_size
    env.filters["cn_count"] = numerals.cn_count  # 本站收录五件: the count of documents, however many
    env.globals["hashes"] = _hashes
    return env


def _hashes(level: int) -> Markup:
    return Markup("#" * int(level))


def template_names(env: Environment) -> list[str]:
    return env.list_templates(filter_func=lambda name: name.endswith(".jinja"))


def templates_compiled(template_dir: Path = TEMPLATE_DIR) -> bool:
    """Whether .cache/jinja/ holds the compiled code of every template as it is now."""
    env = environment(template_dir)
    cache, loader = env.bytecode_cache, env.loader
    if cache is None or loader is None:
        return True  # no cache folder: nothing to prepare ahead
    for name in template_names(env):
        source, filename, _ = loader.get_source(env, name)
        if cache.get_bucket(env, name, filename, source).code is None:
            return False
    return True


def compile_templates(template_dir: Path = TEMPLATE_DIR) -> None:
    """Compile every template into .cache/jinja/ (what ``BackgroundCompile`` runs), after pruning it."""
    env = environment(template_dir)
    if isinstance(env.bytecode_cache, FileSystemBytecodeCache):
        prune_bytecode_cache(Path(env.bytecode_cache.directory))
    for name in template_names(env):
        env.get_template(name)


ORPHAN_AGE = 60.0  # seconds: older temporary files belong to no compile still running


def prune_bytecode_cache(folder: Path, *, now: float | None = None) -> list[str]:
    """Remove what no build will read again; returns the names removed.

    - compiled code under an earlier fingerprint of this module and escape.py (each change to them
      leaves a full set);
    - temporary files a compile left when it was stopped mid-write (``BackgroundCompile`` stops its
      process when the build fails), once they are ``ORPHAN_AGE`` old, so that a compile running
      beside this one keeps its own.
    """
    now = time.time() if now is None else now
    current = f"__jinja2_{_SETUP_FINGERPRINT}_"
    removed = []
    for path in sorted(folder.glob("*")):
        try:
            outdated = path.name.endswith(".cache") and not path.name.startswith(current)
            orphan = path.name.endswith(".tmp") and now - path.stat().st_mtime > ORPHAN_AGE
            if (outdated or orphan) and path.is_file():
                path.unlink()
                removed.append(path.name)
        except OSError:
            continue  # gone already, or not ours to remove: the cache works all the same
    return removed


class BackgroundCompile:
    """Compiles the templates on a second core while the model is built, when .cache/jinja/ is stale.

    Jinja compiles our templates in about 0.09 s, while loading, extracting and linking take
    about 0.17 s on a cold build; on a machine with a second core the two overlap. The compile
    runs in a forked child (``fork.Child``: it has Jinja imported already), or where there is none
    (``fork.can_fork``) in a new Python process. Either only fills the bytecode cache (Jinja
    replaces each file atomically, and the file names carry a fingerprint of its setup), so
    whatever happens to it the renderer still compiles any template it finds missing and reports
    template errors itself. Nothing is started when the cache is current or cannot be written.
    ``wait`` before rendering; leaving the ``with`` block waits too, and stops the compile if the
    build failed.
    """

    TIMEOUT = 60.0  # seconds: a compile this slow is stopped, and the renderer compiles as it goes

    def __init__(self, template_dir: Path = TEMPLATE_DIR) -> None:
        self._process: subprocess.Popen[bytes] | fork.Child | None = None
        if templates_compiled(template_dir):
            return
        self._process = fork.Child.start(functools.partial(compile_templates, template_dir))
        if self._process is not None:
            return
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "build_scripts.render.jinja_env", str(template_dir.resolve())],
                cwd=Path(__file__).resolve().parents[2],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._process = None  # no second process: the renderer compiles as it goes

    def wait(self) -> None:
        if self._process is not None:
            try:
                self._process.wait(timeout=self.TIMEOUT)
            except (subprocess.TimeoutExpired, TimeoutError):
                self._process.kill()
                self._process.wait()
            self._process = None

    def __enter__(self) -> BackgroundCompile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is not None and self._process is not None:
            self._process.kill()  # the build failed: its templates are not needed now
        self.wait()


if __name__ == "__main__":  # python -m build_scripts.render.jinja_env TEMPLATE_DIR: see BackgroundCompile
    compile_templates(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_DIR)
