"""The exception tree. Library code raises these; only the CLI turns them into exit codes."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path


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
        self.message = message
        super().__init__(f"{self.location}: {message}")


class TextError(SourceError):
    """A source text does not follow its numbering grammar or cannot be read."""


class CurationError(SourceError):
    """A curated YAML file is malformed or names something unknown."""


class RedirectMissing(SourceError):
    """A clause id that existed before is gone and has no redirect entry."""


class TemplateError(SourceError):
    """A Jinja template in templates/ cannot be compiled."""


class OutputError(SourceError):
    """docs/ (or a file under it) cannot be written; ``partial`` if some files already were."""

    partial = False


class BuildErrors(BuildError):
    """Several located problems collected in one run, reported together."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = sorted(errors, key=_order)
        super().__init__("\n".join(str(error) for error in self.errors))


# Said before the others: a problem in the list of documents (a slug changed, an entry dropped) is the
# cause of the messages about files that name its clauses, and staff read from the top.
FIRST_FILES = ("documents.yaml",)


def _order(error: SourceError) -> tuple[bool, str, int, int]:
    loc = error.location
    return (Path(loc.path).name not in FIRST_FILES, loc.path, loc.line, loc.column)


def excerpt(text: str, limit: int) -> str:
    """A text as a message quotes it: whole up to ``limit`` characters, else its first ``limit`` and …."""
    return text if len(text) <= limit else text[:limit] + "…"


def display_path(path: str | Path) -> str:
    """A path relative to the working directory where possible, with forward slashes."""
    p = Path(path)
    with contextlib.suppress(ValueError, OSError):
        p = p.resolve().relative_to(Path.cwd().resolve())
    return p.as_posix()


class Collector:
    """Gathers located problems so a run reports all of them, then stops."""

    def __init__(self) -> None:
        self.errors: list[SourceError] = []

    def add(self, error: SourceError) -> None:
        self.errors.append(error)

    def raise_if_any(self) -> None:
        if self.errors:
            raise BuildErrors(self.errors)
