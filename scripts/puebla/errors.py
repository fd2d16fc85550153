"""Errors that editors can act on.

Every problem in the content is reported as a :class:`ContentError` that names the file (and
line or field where there is one), says what is wrong and how to fix it. The CLI prints them
all at once and exits non-zero, so an editor fixes a batch instead of one per build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def shown(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters, so a huge bad value gives a short message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content."""

    path: Path | str
    message: str
    hint: str = ""
    line: int | None = None
    field: str | None = None
    severity: str = "error"  # "error" fails the build, "warning" does not
    # A known, accepted state readers are already told about (e.g. an untranslated page shown
    # in English with a notice): builds fold these into one summary line (see warning_report.py).
    known_state: str = ""
    always_show: bool = False  # never fold this warning, even as a known state

    def format(self, root: Path | None = None) -> str:
        path = Path(self.path)
        if root is not None and path.resolve().is_relative_to(root.resolve()):
            path = path.resolve().relative_to(root.resolve())
        where = str(path)
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f" [{self.field}]"
        text = f"{self.severity.upper()}: {where}: {self.message}"
        if self.hint:
            text += f"\n    How to fix: {self.hint}"
        return text


class ContentError(Exception):
    """Raised when the content cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = [p for p in problems if p.severity == "error"]
        super().__init__("\n".join(p.format() for p in self.problems))

    def format(self, root: Path | None = None) -> str:
        return "\n".join(p.format(root) for p in self.problems)


class Collector:
    """Gathers problems while loading, so one run reports all of them."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, path: Path | str, message: str, hint: str = "", **where: object) -> None:
        self.problems.append(Problem(path, message, hint, severity="error", **where))  # type: ignore[arg-type]

    def warn(self, path: Path | str, message: str, hint: str = "", **where: object) -> None:
        self.problems.append(Problem(path, message, hint, severity="warning", **where))  # type: ignore[arg-type]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentError(self.errors)
