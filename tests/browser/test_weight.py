"""Weight budget: every page's first view is at most 60 KB as served gzip-compressed.

Counted from the built files for every page (HTML, stylesheets, scripts, icons and the images
a page loads eagerly), and checked against what Chromium really requests on a first visit for
one page of each type, so the count cannot miss a file. ``make bench`` reports the figures
next to vanilla Material (``python -m puebla.weight``).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser

from htmlscan import read_page
from puebla.weight import BUDGET, first_view, gzip_size
from sitekit import SITE_URL

from .browserkit import page_urls


def _file_of(site: Path, url: str) -> Path:
    return site / (url + "index.html" if url == "" or url.endswith("/") else url)


def _refs(site: Path, url: str) -> tuple[list[str], list[str]]:
    """Site paths a page loads on first view, and those of its lazy images (loaded near view)."""
    page = read_page(_file_of(site, url))
    eager, lazy = [], []
    for element in page.elements:
        attrs = element.attrs
        rels = set(attrs.get("rel", "").split())
        if element.tag == "link" and rels & {"stylesheet", "icon", "preload", "modulepreload"}:
            eager.append(attrs.get("href", ""))
        elif element.tag == "script" and attrs.get("src"):
            eager.append(attrs["src"])
        elif element.tag == "img":
            (lazy if attrs.get("loading") == "lazy" else eager).append(attrs.get("src", ""))
    folder = url if url.endswith("/") or url == "" else posixpath.dirname(url) + "/"
    root = urlsplit(SITE_URL).path

    def resolve(refs: list[str]) -> list[str]:
        paths = []
        for ref in refs:
            if not ref or re.match(r"^([a-z]+:|//|#)", ref):
                continue  # data: URIs are inside their file; other hosts fail the privacy tests
            ref = ref.split("#")[0].split("?")[0]
            joined = ref[len(root) :] if ref.startswith("/") else posixpath.join(folder, ref)
            paths.append(posixpath.normpath(joined))
        return paths

    return resolve(eager), resolve(lazy)


def static_first_view(site: Path, url: str) -> dict[str, int]:
    """The files a first view of ``url`` loads, read from its HTML, with their gzip sizes."""
    files = {url or "/": gzip_size(_file_of(site, url).read_bytes())}
    for path in _refs(site, url)[0]:
        files[path] = gzip_size((site / path).read_bytes())
    return files


def test_every_page_is_within_budget(site: Path) -> None:
    weights = {url: sum(static_first_view(site, url).values()) for url in page_urls(site)}
    over = {url: f"{w / 1024:.1f} KB" for url, w in weights.items() if w > BUDGET}
    assert not over, over


def test_count_matches_what_the_browser_loads(site: Path, browser: Browser) -> None:
    urls = page_urls(site)
    sample = [u for u in ("", "communique/", "campaigns/rights/", "materials/") if u in urls]
    measured = first_view(site, sample, browser)
    for url in sample:
        browser = {name.split("?")[0].rstrip("/") or "/" for name in measured[url]}
        counted = {name.rstrip("/") or "/" for name in static_first_view(site, url)}
        lazy = set(_refs(site, url)[1])  # Chromium fetches lazy images close to the window
        assert browser <= counted | lazy, (url, browser - counted - lazy)
        assert sum(measured[url].values()) <= BUDGET, (url, measured[url])
