"""Materials rendered once per test session, with their progress events, for every test."""

from __future__ import annotations

import pytest
from materials_helpers import SITE_URL, Rendered

from puebla.materials import Progress, render_materials, render_previews
from puebla.model.project import Project


@pytest.fixture(scope="session")
def rendered(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Every material and link preview, rendered in parallel into an empty cache."""
    base = tmp_path_factory.mktemp("materials")
    events: list[Progress] = []
    out, cache = base / "out", base / "cache"
    files = render_materials(project, out, SITE_URL, cache_dir=cache, progress=events.append)
    previews = render_previews(project, out, SITE_URL, cache_dir=cache, progress=events.append)
    return Rendered(out, cache, files, previews, events)
