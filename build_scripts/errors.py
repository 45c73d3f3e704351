"""The exception tree. Library code raises these; only the CLI turns them into exit codes.

Beside them, warnings: located doubts about a source that stop nothing (``SourceWarning``), gathered
by the same ``Collector`` and printed by the CLI without changing its exit status."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .patterns import MESSAGE_CONTROL_CHAR_RE


@dataclass(frozen=True, kw_only=True)
class Location:
    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class BuildError(Exception):
    """Base of every error the build reports to a person."""


class SourceError(BuildError):
    """A problem located in a source file: ``path:line:column: message``."""

    def __init__(self, path: str | Path, line: int, column: int, message: str) -> None:
        self.location = Location(path=display_path(path), line=max(line, 1), column=max(column, 1))
        self.message = visible(message)
        super().__init__(f"{self.location}: {self.message}")


class TextError(SourceError):
    """A source text does not follow its numbering grammar or cannot be read."""


class CurationError(SourceError):
    """A curated YAML file is malformed or names something unknown."""


class RedirectMissing(SourceError):
    """A clause id that existed before is gone and has no redirect entry."""


class TemplateError(SourceError):
    """A Jinja template in templates/ cannot be compiled."""


class OutputError(SourceError):
    """docs/ (or a file under it) cannot be written; ``partial`` if some files already were. ``warnings``:
    the run's, found before the write failed, to be counted with it (as ``BuildErrors`` counts its own)."""

    partial = False
    warnings: Sequence[SourceWarning] = ()


class SourceWarning:
    """A located doubt about a source file that does not stop the build: ``path:line:column: warning: message``.
    Not an exception and not Python's ``warnings`` (which the tests make failures): the run goes on, and
    the CLI prints it. The message says what was expected and what was found, as an error's does."""

    def __init__(self, path: str | Path, line: int, column: int, message: str) -> None:
        self.location = Location(path=display_path(path), line=max(line, 1), column=max(column, 1))
        self.message = visible(message)

    def __str__(self) -> str:
        return f"{self.location}: warning: {self.message}"

    def __repr__(self) -> str:
        return f"SourceWarning({str(self)!r})"


class CauseWarning(SourceWarning):
    """A doubt that can be the cause of the problems that stop a run, said with them (``said_with``), not held
    back as other warnings are: a quote left open merges a paragraph's sentences, and the build then asks for
    redirects.yaml entries for the ids lost, which only the warning explains."""


class BuildErrors(BuildError):
    """Several located problems collected in one run, reported together; ``warnings``, the run's, are counted."""

    def __init__(self, errors: list[SourceError], *, warnings: Sequence[SourceWarning] = ()) -> None:
        self.errors = sorted(errors, key=_order)
        self.warnings = sorted(warnings, key=_order)
        super().__init__("\n".join(str(error) for error in self.errors))


# Said before the others: a problem in the list of documents (a slug changed, an entry dropped) is the
# cause of the messages about files that name its clauses, and staff read from the top.
FIRST_FILES = ("documents.yaml",)


def _order(problem: SourceError | SourceWarning) -> tuple[bool, str, int, int]:
    loc = problem.location
    return (Path(loc.path).name not in FIRST_FILES, loc.path, loc.line, loc.column)


def excerpt(text: str, limit: int) -> str:
    """A text as a message quotes it: whole up to ``limit`` characters, else its first ``limit`` and …."""
    return text if len(text) <= limit else text[:limit] + "…"


def excerpt_end(text: str, limit: int) -> str:
    """The end of a text as a message quotes it: whole up to ``limit`` characters, else … and its last ``limit``."""
    return text if len(text) <= limit else "…" + text[-limit:]


def display_path(path: str | Path) -> str:
    """A path relative to the working directory where possible, with forward slashes; named as it was, not as
    the symbolic link it may be leads (a link to no file is said where it stands)."""
    p = Path(path)
    with contextlib.suppress(ValueError, OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        whole = p.resolve() if p.name in ("", "..") else p.parent.resolve() / p.name
        p = whole.relative_to(Path.cwd().resolve())
    return visible(p.as_posix())


def visible(text: str) -> str:
    """``text`` with each control character written as its escape (ESC as \\x1b, a line feed as \\x0a): a message
    names files and quotes what staff wrote, and a terminal acts on a raw one (a colour, its title, the screen
    cleared, a line begun again)."""
    return MESSAGE_CONTROL_CHAR_RE.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


class Collector:
    """Gathers located problems so a run reports all of them, then stops; and the warnings, which stop nothing."""

    def __init__(self) -> None:
        self.errors: list[SourceError] = []
        self.warnings: list[SourceWarning] = []

    def add(self, error: SourceError) -> None:
        self.errors.append(error)

    def warn(self, warning: SourceWarning) -> None:
        self.warnings.append(warning)

    def sorted_warnings(self) -> tuple[SourceWarning, ...]:
        """The warnings in the order messages are said (``documents.yaml`` first, then by file and place)."""
        return tuple(sorted(self.warnings, key=_order))

    def raise_if_any(self) -> None:
        if self.errors:
            raise BuildErrors(self.errors, warnings=self.warnings)


def said_with(stopped: BuildErrors) -> tuple[list[SourceError | SourceWarning], int]:
    """What a run stopped by problems says, in the order of their places: the problems and the warnings that
    can be their cause (``CauseWarning``); and how many other warnings it holds back."""
    causes = [warning for warning in stopped.warnings if isinstance(warning, CauseWarning)]
    return sorted([*stopped.errors, *causes], key=_order), len(stopped.warnings) - len(causes)
