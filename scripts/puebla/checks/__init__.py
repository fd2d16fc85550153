"""Checks across the content, beyond each file's own schema (which the model checks on load).

``puebla check`` runs them; ``puebla build`` and the MkDocs adapter run them too, so an error
stops ``make site`` and ``make serve`` shows it. Each returns problems; none writes files.
"""

from __future__ import annotations

from ..errors import Collector
from ..model.pages import site_pages
from ..model.project import Project
from .freshness import check_freshness
from .helplines import check_helplines
from .links import check_links
from .readability import check_readability
from .recordings import check_recordings
from .register import check_register
from .safety import check_safety


def run_checks(project: Project) -> Collector:
    issues = Collector()
    pages = site_pages(project)
    check_safety(pages, issues)
    check_links(project, pages, issues)
    check_freshness(project, pages, issues)
    check_readability(pages, issues)
    check_register(pages, project.root / "locales" / "es.yml", issues)
    check_recordings(project, pages, issues)
    check_helplines(project, issues)
    return issues
