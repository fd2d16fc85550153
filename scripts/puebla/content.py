"""The one entry point to the content: load, validate, check — once.

``puebla build`` and ``puebla check`` call it before MkDocs starts; the MkDocs adapter calls it
in every per-language build and gets the same model back unless a content file changed.

``make serve`` loads a saved file's model without the cross-content checks (``checks=False``)
and runs them right after the page is shown (:func:`check_content`): the links, safety and
readability checks of every page cost as much as the preview's rebuild itself.
"""

from __future__ import annotations

from pathlib import Path

from .checks import run_checks
from .errors import Collector
from .model.fingerprint import fingerprint
from .model.project import Project, load_project
from .today import today

CONTENT_FOLDERS = ("campaigns", "locales", "sources", "docs")
# root → (stamp, model, whether the checks ran on it)
_cache: dict[Path, tuple[tuple, Project, bool]] = {}


def load_content(root: Path, checks: bool = True) -> Project:
    """Load and check the project; raise ContentError listing every error found.

    Warnings (outdated translations, stale help entries) are kept in ``project.issues``.
    With ``checks=False`` only each file's own validation runs (the model's load).
    """
    root = root.resolve()
    # "Today" is part of the key: a line can go stale while `make serve` runs.
    stamp = (fingerprint(root, CONTENT_FOLDERS), today())
    cached = _cache.get(root)
    if cached and cached[0] == stamp and (cached[2] or not checks):
        return cached[1]
    project = cached[1] if cached and cached[0] == stamp else load_project(root)
    if checks:
        project.issues.problems.extend(check_content(project).problems)
        project.issues.raise_if_errors()
    _cache[root] = (stamp, project, checks)
    return project


def check_content(project: Project) -> Collector:
    """The checks across the content (links, safety, readability…), without changing the model."""
    return run_checks(project)


def mark_current(project: Project) -> None:
    """Accept the files as they are now (the build itself wrote some under docs/)."""
    cached = _cache.get(project.root)
    checked = cached is not None and cached[1] is project and cached[2]
    _cache[project.root] = (
        (fingerprint(project.root, CONTENT_FOLDERS), project.today),
        project,
        checked,
    )
