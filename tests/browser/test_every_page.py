"""Checks on every page of every language, from one visit per page in Chromium (``visits``).

Accessible (axe-core, WCAG 2.2 A and AA), private (no request leaves the site), sound (no
console error, which also catches what the Content-Security-Policy blocks), and a language
switcher that points at the same page in each language.
"""

from __future__ import annotations

from pathlib import Path

from sitekit import html_lang

from .browserkit import Visit, language_of, page_urls


def _site_path(url: str, root: str) -> str:
    """An absolute URL as a path below the site root (``root`` is the site's own address)."""
    return url[len(root) :] if url.startswith(root) else "OUTSIDE:" + url


def test_every_built_page_was_visited(
    site: Path, visits: dict[str, Visit], languages: list[str]
) -> None:
    urls = page_urls(site)
    assert len(languages) >= 3, languages
    assert len(urls) >= 10 * len(languages), urls  # the whole site, in every language
    assert set(visits) == set(urls)
    assert {language_of(url, languages) for url in urls} == set(languages)
    assert all(visit.status == 200 for visit in visits.values())


def test_no_accessibility_violations(visits: dict[str, Visit]) -> None:
    found = {
        url: [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in visit.violations
        ]
        for url, visit in visits.items()
        if visit.violations
    }
    assert not found, found


def test_no_request_to_another_host(visits: dict[str, Visit]) -> None:
    found = {url: visit.foreign for url, visit in visits.items() if visit.foreign}
    assert not found, found


def test_no_console_errors(visits: dict[str, Visit]) -> None:
    found = {url: visit.console_errors for url, visit in visits.items() if visit.console_errors}
    assert not found, found


def test_pages_declare_their_language(visits: dict[str, Visit], languages: list[str]) -> None:
    wrong = {
        url: v.facts["lang"]
        for url, v in visits.items()
        if v.facts["lang"] != html_lang(language_of(url, languages))
    }
    assert not wrong, wrong


def test_strict_content_security_policy_on_every_page(visits: dict[str, Visit]) -> None:
    """Scripts from the site only: no inline script, no 'unsafe-inline', no 'unsafe-eval'."""
    problems = {}
    for url, visit in visits.items():
        policies = visit.facts["csp"]
        if len(policies) != 1:
            problems[url] = f"{len(policies)} CSP meta elements"
            continue
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in policies[0].split(";") if part.strip()
        )
        script = directives.get("script-src", directives.get("default-src"))
        if script != ["'self'"]:
            problems[url] = f"script-src {script}"
        elif visit.facts["inlineScripts"]:
            problems[url] = f"{visit.facts['inlineScripts']} inline scripts"
        elif visit.facts["referrer"] != "no-referrer":
            problems[url] = f"referrer policy {visit.facts['referrer']}"
    assert not problems, problems


def test_switcher_points_at_the_same_page_in_each_language(
    visits: dict[str, Visit], base_url: str, languages: list[str]
) -> None:
    """The switcher's links and the page's hreflang alternates name the same pages."""
    problems = {}
    for url, visit in visits.items():
        if url.endswith("404.html"):
            continue  # a 404 page is no page of its own: its switcher goes to the home pages
        switcher = {lang: _site_path(href, base_url) for lang, href in visit.facts["switcher"]}
        canonical = visit.facts["canonical"]
        site_root = canonical[: len(canonical) - len(url)] if canonical else ""
        alternates = {
            lang: _site_path(href, site_root)
            for lang, href in visit.facts["alternates"]
            if lang != "x-default"
        }
        if set(switcher) != set(languages) or switcher != alternates:
            problems[url] = (switcher, alternates)
        elif switcher[language_of(url, languages)] != url:
            problems[url] = f"own language points at {switcher[language_of(url, languages)]}"
    assert not problems, problems
