"""The site in Chromium as an nginx host serves it: deploy/nginx.conf, headers and all.

With the CSP sent twice (the header, with frame-ancestors, and the pages' meta tag), a page
must still load without a violation or a console error, and the language switcher and the
search must work, on a sample of pages in every language.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext

from nginxkit import run_nginx
from sitekit import html_lang

from .browserkit import DESKTOP, Traffic, origin_of, prefix, switch_pairs, watch
from .test_language_and_search import search

SAMPLE = ["", "communique/about/", "campaigns/rights/", "materials/", "translation-status/"]
# Recorded before any page script runs; a violation of either policy lands here.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
"""


@pytest.fixture(scope="module")
def nginx_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with run_nginx(site, tmp_path_factory.mktemp("nginx-browser")) as url:
        yield url


@pytest.fixture(scope="module")
def nginx_context(browser: Browser, nginx_url: str) -> Iterator[tuple[BrowserContext, Traffic]]:
    context = browser.new_context(
        viewport=DESKTOP, service_workers="block", reduced_motion="reduce"
    )
    context.add_init_script(RECORD_VIOLATIONS)
    traffic = watch(context, origin_of(nginx_url))
    yield context, traffic
    context.close()


def test_sample_pages_load_through_nginx_without_csp_violation_or_error(
    nginx_context: tuple[BrowserContext, Traffic], nginx_url: str, languages: list[str]
) -> None:
    context, traffic = nginx_context
    page = context.new_page()
    problems: dict[str, object] = {}
    seen = 0
    try:
        for lang in languages:
            for path in SAMPLE:
                url = prefix(lang, languages) + path
                errors_before = len(traffic.console_errors)
                response = page.goto(nginx_url + url, wait_until="load")
                assert response is not None and response.status == 200, url
                assert response.headers["content-security-policy"].endswith(
                    "frame-ancestors 'none'"
                )
                page.wait_for_timeout(50)  # let a late violation event arrive
                violations = page.evaluate("window.__cspViolations")
                errors = traffic.console_errors[errors_before:]
                if violations or errors:
                    problems[url] = {"violations": violations, "console": errors}
                seen += 1
        assert seen == len(languages) * len(SAMPLE)
        assert not traffic.foreign, traffic.foreign
    finally:
        page.close()
    assert not problems, problems


def test_language_404_page_through_nginx(
    nginx_context: tuple[BrowserContext, Traffic], nginx_url: str, languages: list[str]
) -> None:
    """A missing page: the reader's language's 404 page, working, with no CSP violation."""
    context, traffic = nginx_context
    page = context.new_page()
    try:
        for lang in languages:
            errors_before = len(traffic.console_errors)
            response = page.goto(nginx_url + prefix(lang, languages) + "no-such-page/")
            assert response is not None and response.status == 404
            assert page.locator("html").get_attribute("lang") == html_lang(lang)
            assert page.evaluate("window.__cspViolations") == []
            # Chromium reports the document's own 404 status on the console; nothing else may.
            others = [e for e in traffic.console_errors[errors_before:] if "status of 404" not in e]
            assert others == [], others
            home = page.locator("article a[href]").first.get_attribute("href")
            assert home, "the 404 page links somewhere"
    finally:
        page.close()


def test_switcher_and_search_work_through_nginx(
    nginx_context: tuple[BrowserContext, Traffic], nginx_url: str, languages: list[str]
) -> None:
    context, _ = nginx_context
    page = context.new_page()
    try:
        path = "communique/about/"
        for source, target in switch_pairs(languages):
            page.goto(nginx_url + prefix(source, languages) + path)
            page.click(".md-select button")
            page.click(f".md-select__link[hreflang={target}]")
            page.wait_for_load_state("load")
            assert page.url == nginx_url + prefix(target, languages) + path
            assert page.locator("html").get_attribute("lang") == html_lang(target)
        for lang in languages:
            page.goto(nginx_url + prefix(lang, languages) + path)
            word = max(page.inner_text("article h1").split(), key=len).strip(".,:;!?¿¡()")
            links = search(page, word)
            assert any(link.split("#")[0] == page.url for link in links), (lang, word, links)
            assert page.evaluate("window.__cspViolations") == []
    finally:
        page.close()
