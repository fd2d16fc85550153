"""Shared fixtures: one real build of the project per test session, and project copies."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from htmlscan import Page, read_page  # noqa: E402
from puebla.build import build_site  # noqa: E402
from puebla.model.project import Project, load_project  # noqa: E402

LANGUAGES = ["en", "es", "fr", "ht"]
SITE_URL = "https://puebla-outreach.example.org/"
_IGNORE = shutil.ignore_patterns(
    ".venv",
    "site",
    "site.old",
    ".site-build-*",
    ".cache",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
)


def copy_project(target: Path) -> Path:
    """A copy of the project without build outputs (mirrored campaign pages included)."""
    shutil.copytree(ROOT, target, ignore=_IGNORE)
    for mirrored in target.glob("docs/*/campaigns/*/.mirrored"):
        shutil.rmtree(mirrored.parent)
    return target


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


def lang_prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def site_pages(site: Path) -> dict[str, set[str]]:
    """Built HTML pages per language, as paths relative to the language root."""
    pages: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        first = rel.split("/", 1)[0]
        if first in LANGUAGES and first != "en":
            pages[first].add(rel.split("/", 1)[1])
        else:
            pages["en"].add(rel)
    return pages
