"""Command line: ``python -m build_scripts generate|check|build|serve``.

The only place where errors become exit codes. Bad input never shows a traceback:
each problem is printed as ``path:line:column: message``. Warnings are printed so too, marked
``warning:``, and change no exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from . import patterns
from .errors import BuildError, BuildErrors, OutputError, SourceWarning, display_path, said_with, visible
from .site_config import check_config, check_nav

EXIT_OK, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 3  # argparse exits with 2 on a wrong command line
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a command whose reader left
EXIT_INTERRUPTED = 130  # 128 + SIGINT (Ctrl-C), as a shell reports it; Terminated's: 143 (SIGTERM), 129 (SIGHUP)
# SIGTERM (a CI job cancelled, ``kill``) and SIGHUP (the terminal closed); no SIGHUP on Windows
TERMINATING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP (``TERMINATING``): the run stops as on Ctrl-C, cleaning up as it goes (the temporary
    file of a write, a forked child, MkDocs), instead of vanishing mid-step; its exit status is 128 + the
    signal's number, as a shell reports a command the signal stopped."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.status = 128 + signum


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


def _on_terminating() -> dict[int, Any]:
    """Each of ``TERMINATING`` raises ``Terminated`` from now; the handlers it had, to set back. A signal
    ignored by whoever started the run (``nohup make build``: SIGHUP) stays ignored."""
    previous: dict[int, Any] = {}
    for number in TERMINATING:
        if signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, _terminated)
    return previous


# Not read from the docstring: ``python -OO`` (PYTHONOPTIMIZE=2) drops it.
DESCRIPTION = "Command line: ``python -m build_scripts generate|check|build|serve``."


def dev_address(text: str) -> str:
    """``--dev-addr`` as MkDocs takes it (``IpAddress``: an IP address or localhost, then a port), refused by
    argparse (exit 2) as the command line's mistake before anything is generated: a port past 65535 was an
    internal error, 8x was said to be in use, and a host name MkDocs refuses stopped the run after a build."""
    found = patterns.DEV_ADDR_RE.match(text)
    host = found.group("host") if found else ""
    if found is None or not 1 <= int(found.group("port")) <= 65535 or not _ip_or_localhost(host):
        raise argparse.ArgumentTypeError(
            f"expected host:port, the host an IP address or localhost and the port from 1 to 65535, found {text!r}"
        )
    return text


def _ip_or_localhost(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host.removeprefix("[").removesuffix("]"))
    except ValueError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("generate", "write pages and data from the source texts into docs/"),
        ("check", "validate the source texts and curated data without writing"),
        ("build", "generate, then mkdocs build --strict into site/"),
        ("serve", "generate, then regenerate on every change while MkDocs serves"),
    ):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("--source", type=Path, default=Path("source_texts"), help="source texts and curated YAML")
        command.add_argument("--docs", type=Path, default=Path("docs"), help="MkDocs' input folder")
        if name == "serve":
            command.add_argument("--dev-addr", type=dev_address, default="127.0.0.1:8000")
        if name in ("build", "serve"):
            command.add_argument(
                "--config-file", type=Path, default=None, help="mkdocs.yml to use (default: ./mkdocs.yml)"
            )
        if name == "check":  # make check names it: the texts may be checked alone, beside no mkdocs.yml
            command.add_argument(
                "--config-file", type=Path, default=None, help="mkdocs.yml to check too, as build checks it"
            )
    args = parser.parse_args(argv)
    in_main_thread = threading.current_thread() is threading.main_thread()  # where handlers can be set
    previous = _on_terminating() if in_main_thread else {}
    try:
        return _run(args)
    except BuildErrors as errors:
        say_problems(errors, "." if args.command == "check" else "; docs/ was not changed.")  # check never writes
        return EXIT_INPUT
    except BuildError as error:
        print(error, file=sys.stderr)
        if isinstance(error, OutputError) and error.partial:
            print("docs/ may be partly written; generate again once this is fixed.", file=sys.stderr)
        elif args.command != "check":
            print("docs/ was not changed.", file=sys.stderr)
        count_held_warnings(error)
        return EXIT_INPUT
    except KeyboardInterrupt as stop:
        return stop.status if isinstance(stop, Terminated) else EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader of stdout left (… | head): said nothing, as other commands do
        with contextlib.suppress(OSError):  # nor when Python flushes stdout on the way out
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # an internal bug, not bad input: still no traceback by default
        if os.environ.get("BUILD_DEBUG"):
            raise
        print(internal_error(exc), file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        for number, handler in previous.items():  # None: a handler set outside Python, which cannot be set back
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


TEMPLATE_FRAME = re.compile(r'^\s*File "(?P<path>[^"]+\.html)", line (?P<line>\d+)', re.M)


def mkdocs_build(chosen: list[str]) -> int:
    """``mkdocs build --strict``, what it prints passed on, except a traceback: MkDocs stopping on an exception (a
    theme template asking for what its context lacks, ``{{ nosuch.x }}``) printed 40 lines of it (session 40's
    robustness review). Said instead at the template line it names, as every problem is, with BUILD_DEBUG=1 whole."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *chosen], capture_output=True, text=True
    )
    sys.stdout.write(proc.stdout)
    said, _, traceback = proc.stderr.partition("Traceback (most recent call last):")
    sys.stderr.write(said if traceback and not os.environ.get("BUILD_DEBUG") else proc.stderr)
    if not traceback or os.environ.get("BUILD_DEBUG"):
        return proc.returncode
    lines = [line for line in traceback.strip().splitlines() if line.strip()]
    error = lines[-1].strip() if lines else "an exception"
    frames = list(TEMPLATE_FRAME.finditer(traceback))
    where = f"{display_path(frames[-1]['path'])}:{frames[-1]['line']}:1: " if frames else ""
    print(
        f"{where}expected a site MkDocs can build, found: {error}; docs/ is generated, the site was not built "
        "(BUILD_DEBUG=1 shows MkDocs' traceback).",
        file=sys.stderr,
    )
    return proc.returncode or EXIT_INPUT


def internal_error(exc: Exception) -> str:
    """How a bug (not bad input) is said: one line, its traceback only with BUILD_DEBUG=1."""
    return f"internal error: {type(exc).__name__}: {visible(str(exc))} (set BUILD_DEBUG=1 for details)"


def say_waiting(docs: Path) -> None:
    """What a run says while another one writes ``docs`` (``exclusive.one_writer``)."""
    print(
        f"waiting: another generate is writing {docs} (`make serve` or `make build` in another terminal?); "
        "this one goes on when it is done",
        file=sys.stderr,
        flush=True,
    )


def say_problems(errors: BuildErrors, ending: str) -> None:
    """The problems that stopped a run, then one line counting them, with ``ending``. Its warnings are
    only counted: a problem is often their cause (a ``tables`` entry that does not read makes every cell
    of its table a line ending in no stop), and they are said by the run that goes on. A warning that can
    be a problem's cause (``CauseWarning``: a quote left open) is said with them, in the order of places."""
    said, held_back = said_with(errors)  # but a warning that can be a problem's cause, said with them
    for problem in said:
        print(problem, file=sys.stderr, flush=True)
    held = f" (and {held_back} warning(s), said once the problems are fixed)" if held_back else ""
    print(f"{len(errors.errors)} problem(s) found{held}{ending}", file=sys.stderr, flush=True)


def count_held_warnings(error: BuildError) -> None:
    """The last line of a run a write failure stopped (``OutputError``) after its texts gave warnings: they
    are counted, as ``say_problems`` counts those of a run stopped by problems, not dropped."""
    warnings = error.warnings if isinstance(error, OutputError) else ()
    if warnings:
        print(f"{len(warnings)} warning(s) found, said once docs/ can be written.", file=sys.stderr, flush=True)


def say_warnings(warnings: Sequence[SourceWarning]) -> None:
    """The warnings of a run that went on, one a line on stderr; ``count_warnings`` ends the run."""
    for warning in warnings:
        print(warning, file=sys.stderr, flush=True)


def count_warnings(warnings: Sequence[SourceWarning]) -> None:
    """The last line of a run that went on with warnings: they are easy to miss above MkDocs' output."""
    if warnings:
        print(f"{len(warnings)} warning(s) found; they stop nothing: see each line above.", file=sys.stderr, flush=True)


def _run(args: argparse.Namespace) -> int:
    from .exclusive import one_writer
    from .pipeline import generate, record_notes

    config: dict[str, object] = {}
    config_text = ""
    if args.command in ("build", "serve"):
        # Material prints its end-of-life banner on every MkDocs run unless this is set; the Makefile
        # sets it, and so does the package for the MkDocs it starts (and reads the config with), so both
        # ways are equally quiet.
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        config, config_text = check_config(args.docs, args.config_file or Path("mkdocs.yml"))
    if args.command == "serve":  # before anything is generated: an address it cannot serve at ends the run
        from .serve import address_problem

        problem = address_problem(args.dev_addr)
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_INPUT
    if args.command == "check":
        if args.config_file is not None:
            config, config_text = check_config(args.docs, args.config_file)
        result = generate(args.source, args.docs, write=False, check_record=True)  # a stale record is an error
        if args.config_file is not None:  # the pages generate would write, as build checks the nav
            check_nav(args.config_file, config_text, {output.path for output in result.outputs})
        say_warnings(result.warnings)
        print(f"ok: {len(result.site.corpus.documents)} documents, {len(result.outputs)} files would be written")
        sys.stdout.flush()  # here, where a reader gone is a BrokenPipeError main answers, not at exit
        count_warnings(result.warnings)
        return EXIT_OK
    try:
        with one_writer(args.docs, lambda: say_waiting(args.docs)):  # `build`: MkDocs reads the docs/ written
            result = generate(args.source, args.docs)
            say_warnings(result.warnings)
            report = result.report
            assert report is not None
            print(
                f"generated {len(result.outputs)} files: {len(report.written)} written, "
                f"{report.unchanged} unchanged, {len(report.removed)} removed"
            )
            print(result.since_last_build)
            for note in record_notes(result, args.source):
                print(note)
            # said now: before what MkDocs prints, and while a reader gone (… | head) is a BrokenPipeError main
            # answers (a pipe's stdout is buffered: at exit, Python would report it, and exit 120)
            sys.stdout.flush()
            if args.command == "build":
                try:  # the pages are known only now: docs/ is written, and said to be
                    check_nav(
                        args.config_file or Path("mkdocs.yml"), config_text, {output.path for output in result.outputs}
                    )
                except BuildErrors as errors:
                    say_problems(errors, "; docs/ is generated, the site was not built.")
                    return EXIT_INPUT
                chosen = ["-f", str(args.config_file)] if args.config_file else []
                # not --quiet: it hides MkDocs' warnings from --strict too (a link to no page built, exit 0)
                status = mkdocs_build(chosen)
                count_warnings(result.warnings)
                return status
    except BuildError as error:  # serve: what docs/ holds, the last build that worked, until the fix is saved
        if args.command != "serve" or not (args.docs / "index.md").is_file():
            raise
        from .serve import say_not_built

        say_not_built(error)
        return _serve(args, config, config_text)
    count_warnings(result.warnings)  # serve: before MkDocs starts serving, which never ends by itself
    if args.command == "serve":
        return _serve(args, config, config_text)
    return EXIT_OK


def _serve(args: argparse.Namespace, config: dict[str, object], config_text: str) -> int:
    from .serve import serve, theme_folders
    from .site_config import docs_pages

    try:  # MkDocs' first build would stop on it (strict), and serve with it
        check_nav(args.config_file or Path("mkdocs.yml"), config_text, docs_pages(args.docs))
    except BuildErrors as errors:
        say_problems(errors, "; MkDocs was not started.")
        return EXIT_INPUT
    watch = theme_folders(config, args.config_file or Path("mkdocs.yml"))
    return serve(
        args.source,
        args.docs,
        dev_addr=args.dev_addr,
        config_text=config_text,
        config_file=args.config_file,
        watch=watch,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
