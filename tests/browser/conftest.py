"""Browser fixtures: the built site served on loopback, one Debian Chromium for the session.

One browser and one context serve every test, and each page is visited once for the checks
that concern every page (``visits``), so the suite stays within a few minutes on two cores.
The browser lives for this package only (``scope="package"``): Playwright's sync API allows
one running instance per process, and other tests of the suite start their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from .browserkit import (
    DESKTOP,
    PAGE_FACTS,
    WCAG_TAGS,
    Traffic,
    Visit,
    launch,
    origin_of,
    page_urls,
    serve,
    site_languages,
    watch,
)


@pytest.fixture(scope="session")
def languages(site: Path) -> list[str]:
    return site_languages(site)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def context_and_traffic(
    browser: Browser, base_url: str
) -> Iterator[tuple[BrowserContext, Traffic]]:
    # Reduced motion: the site then drops its transitions, so what is checked right after a
    # key press is what the reader sees, not a frame of a fade-in.
    context = browser.new_context(
        viewport=DESKTOP, service_workers="block", reduced_motion="reduce"
    )
    traffic = watch(context, origin_of(base_url))
    yield context, traffic
    context.close()


@pytest.fixture(scope="package")
def context(context_and_traffic: tuple[BrowserContext, Traffic]) -> BrowserContext:
    return context_and_traffic[0]


@pytest.fixture(scope="package")
def visits(
    site: Path, base_url: str, context_and_traffic: tuple[BrowserContext, Traffic]
) -> dict[str, Visit]:
    """Every page, visited once: axe-core (WCAG 2.2 A/AA), requests to other hosts, errors."""
    context, traffic = context_and_traffic
    axe = Axe()
    page = context.new_page()
    results: dict[str, Visit] = {}
    try:
        for url in page_urls(site):
            foreign_before = len(traffic.foreign)
            errors_before = len(traffic.console_errors)
            response = page.goto(base_url + url, wait_until="load")
            report = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            results[url] = Visit(
                url=url,
                violations=report.response["violations"],
                foreign=traffic.foreign[foreign_before:],
                console_errors=traffic.console_errors[errors_before:],
                status=response.status if response else 0,
                facts=page.evaluate(PAGE_FACTS),
            )
    finally:
        page.close()
    return results


@pytest.fixture
def open_page(context: BrowserContext, base_url: str) -> Iterator[Callable[..., Page]]:
    """Open site paths in new tabs at a given viewport; the tabs close after the test."""
    tabs: list[Page] = []

    def open_(url: str, viewport: dict[str, int] = DESKTOP) -> Page:
        page = context.new_page()
        tabs.append(page)
        page.set_viewport_size(viewport)
        page.goto(base_url + url, wait_until="load")
        return page

    yield open_
    for page in tabs:
        page.close()
