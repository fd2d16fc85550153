"""The one entry point to the content: load, validate, check — once.

``puebla build`` and ``puebla check`` call it before MkDocs starts; the MkDocs adapter calls it
in every per-language build and gets the same model back unless a content file changed.
"""

from __future__ import annotations

from pathlib import Path

from .checks import run_checks
from .model.fingerprint import fingerprint
from .model.project import Project, load_project
from .today import today

CONTENT_FOLDERS = ("campaigns", "locales", "sources", "docs")
_cache: dict[Path, tuple[tuple, Project]] = {}


def load_content(root: Path) -> Project:
    """Load and check the project; raise ContentError listing every error found.

    Warnings (outdated translations, stale help entries) are kept in ``project.issues``.
    """
    root = root.resolve()
    # "Today" is part of the key: a line can go stale while `make serve` runs.
    stamp = (fingerprint(root, CONTENT_FOLDERS), today())
    cached = _cache.get(root)
    if cached and cached[0] == stamp:
        return cached[1]
    project = load_project(root)
    project.issues.problems.extend(run_checks(project).problems)
    project.issues.raise_if_errors()
    _cache[root] = (stamp, project)
    return project


def mark_current(project: Project) -> None:
    """Accept the files as they are now (the build itself wrote some under docs/)."""
    _cache[project.root] = ((fingerprint(project.root, CONTENT_FOLDERS), project.today), project)
