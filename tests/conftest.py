"""Shared fixtures: one real build of the project per test session, and project copies."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from htmlscan import Page, read_page
from puebla.build import build_site
from puebla.model.project import Project, load_project
from puebla.today import ENV as _TODAY_ENV
from puebla.today import epoch_of
from sitekit import ROOT, SITE_URL, TEST_TODAY, copy_project

# Every test runs on a fixed "today" (see sitekit.TEST_TODAY); set before any project loads.
os.environ[_TODAY_ENV] = str(epoch_of(_dt.date.fromisoformat(TEST_TODAY)))


@pytest.fixture(scope="session")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once from the working tree exactly as `make site` builds it."""
    monkey = pytest.MonkeyPatch()
    monkey.setenv("SITE_URL", SITE_URL)
    out = tmp_path_factory.mktemp("build") / "site"
    build_site(ROOT, out)
    monkey.undo()
    return out


@pytest.fixture(scope="session")
def page(site: Path) -> Callable[[str], Page]:
    cache: dict[str, Page] = {}

    def get(url_path: str) -> Page:
        rel = url_path.lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        if rel not in cache:
            cache[rel] = read_page(site / rel)
        return cache[rel]

    return get


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")
