"""The one error an untrusted file gets: which file, what is wrong, what to change.

It is a :class:`~puebla.errors.ContentError`, so the CLI and the build report it like any
other content mistake (non-zero exit, previous ``site/`` kept).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError, Problem


class RefusedFile(ContentError):
    """An untrusted file was refused (or could not be read safely)."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        hint: str,
        *,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.problem = Problem(self.path, message, hint, line=line, field=field)
        super().__init__([self.problem])
