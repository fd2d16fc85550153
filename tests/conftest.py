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


# --- Property-based tests (tests/badinput): a repeatable profile and a count of the cases. ---
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the dev lock installs Hypothesis; without it tests/badinput cannot run
    pass
else:
    # derandomize: `make test` runs the same cases every time (no database, no luck).
    settings.register_profile(
        "puebla",
        derandomize=True,
        deadline=None,
        database=None,
        print_blob=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    # Explore new cases locally with HYPOTHESIS_PROFILE=explore (random, remembered in .hypothesis/).
    settings.register_profile("explore", deadline=None, max_examples=2000)
    import os as _os

    settings.load_profile(_os.environ.get("HYPOTHESIS_PROFILE", "puebla"))

_generated: dict[str, int] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    if call.when == "call" and "badinput" in item.nodeid:
        from badinput.counting import take

        for loader, n in take().items():
            outcome.get_result().user_properties.append((f"generated_cases:{loader}", n))


_failed: set[str] = set()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed and "badinput" in report.nodeid:
        _failed.add(report.nodeid)
    for key, value in report.user_properties:
        if isinstance(key, str) and key.startswith("generated_cases:"):
            loader = key.split(":", 1)[1]
            _generated[loader] = _generated.get(loader, 0) + int(value)  # type: ignore[call-overload]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _generated:
        total = sum(_generated.values())
        parts = ", ".join(f"{name} {n}" for name, n in sorted(_generated.items()))
        terminalreporter.write_sep("-", "bad input at scale")
        verdict = (
            f"{len(_failed)} test(s) found a case ending in a traceback or an unclear error"
            if _failed
            else "every case ended in valid content or a clear error"
        )
        terminalreporter.write_line(f"{total} generated bad-input cases ran ({parts}): {verdict}")
