"""Constants and helpers shared by the tests (import from here, not from conftest)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The site's languages are its locale files (English first), so the tests follow a language
# an editor adds with `make language`.
LANGUAGES = ["en", *sorted(p.stem for p in (ROOT / "locales").glob("*.yml") if p.stem != "en")]
SITE_URL = "https://puebla-outreach.example.org/"
# Rendered materials are cached by content hash, so every copy of the project can share them.
SHARED_CACHE = ROOT / ".cache" / "materials"
# "Today" for the whole test run (tests/conftest.py sets SOURCE_DATE_EPOCH to it), so the
# suite does not start failing by itself when the help lines' checks grow old. The day the
# research note was last corrected; one test covers the real clock.
TEST_TODAY = "2026-12-01"
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
    "node_modules",
)


def copy_project(target: Path) -> Path:
    """A copy of the project without build outputs (mirrored campaign pages included)."""
    shutil.copytree(ROOT, target, ignore=_IGNORE)
    for mirrored in target.glob("docs/*/campaigns/*/.mirrored"):
        shutil.rmtree(mirrored.parent)
    return target


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


def run_puebla(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the `puebla` command on a project folder, as `make` would, with the shared cache."""
    return subprocess.run(
        [sys.executable, "-m", "puebla", "--root", str(root), *args],
        capture_output=True,
        text=True,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PATH": "/usr/bin:/bin",
            "PUEBLA_CACHE_DIR": str(SHARED_CACHE),
            **(
                {"SOURCE_DATE_EPOCH": epoch}
                if (epoch := os.environ.get("SOURCE_DATE_EPOCH"))
                else {}
            ),
        },
    )


def html_lang(lang: str) -> str:
    """The ``<html lang>`` of a language's pages: the language itself, or, for a language whose
    locale file has no interface strings yet (K'iche', Mam, Q'eqchi'), the language whose
    interface it borrows (its ``fallback:``), which is the language its pages are written in."""
    import yaml

    data = yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8"))
    if lang == "en" or "strings" in data:
        return lang
    return html_lang(data.get("fallback") or "en")
