"""Helpers for the browser tests: a loopback static server, the page list, traffic watching.

Why a real browser: accessibility (axe-core), the requests a page really makes, console
errors, the CSP and the keyboard can only be judged where the page runs. Chromium comes from
Debian (``/usr/bin/chromium``); Playwright's own browser download is never used.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import itertools
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Playwright, Route

from puebla.chromium import CHROMIUM, CHROMIUM_ARGS
from sitekit import ROOT, SITE_URL

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files under ``prefix`` (like a host serving the site from a sub-path), quietly."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + clean[len(self.prefix) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/") -> Iterator[str]:
    """Serve ``directory`` at ``http://127.0.0.1:<random port><prefix>``; yields that URL."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    factory = functools.partial(handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), factory)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def page_urls(site: Path) -> list[str]:
    """Every HTML page of the build as a URL path relative to the site root (``es/communique/``).

    Walks the built tree, so pages added later (materials, new campaigns) are covered too.
    """
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def site_languages(site: Path) -> list[str]:
    """The site's languages, default first, as its home page announces them (hreflang).

    Read from the build, so a language added to the project is tested without editing tests.
    """
    home = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', home)
    default = dict(links)["x-default"]
    langs = [lang for lang, href in links if lang != "x-default"]
    return sorted(langs, key=lambda lang: dict(links)[lang] != default)


def language_of(url: str, languages: list[str]) -> str:
    """``es/communique/`` → ``es``; pages of the default language have no prefix."""
    first = url.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def prefix(lang: str, languages: list[str]) -> str:
    """The URL path of a language's home below the site root (``""`` or ``"es/"``)."""
    return "" if lang == languages[0] else f"{lang}/"


def switch_pairs(languages: list[str]) -> list[tuple[str, str]]:
    """(from, to) languages to click through in the switcher: the default language to every
    other, and every other to the next one round the list (each language is left and reached
    in a click). Why not every pair: it grows as n × (n - 1) (42 page loads per page with seven
    languages); test_every_page checks every switcher link of every page without clicking."""
    default, others = languages[0], languages[1:]
    pairs = [(default, lang) for lang in others]
    ring = [*others, default]
    pairs += list(itertools.pairwise(ring))
    return pairs


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


@dataclass
class Traffic:
    """What pages asked of other hosts (blocked, never sent) and what went wrong in them."""

    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def watch(context: BrowserContext, own_origin: str) -> Traffic:
    """Block and record every request to another origin; record console and page errors."""
    traffic = Traffic()

    def route(route: Route) -> None:
        url = route.request.url
        if url.startswith(own_origin) or url.startswith("data:"):
            route.continue_()
        else:
            traffic.foreign.append(url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            where = message.page.url if message.page else "?"
            traffic.console_errors.append(f"{where}: {message.text}")

    context.route("**/*", route)
    context.on("console", console)
    context.on("weberror", lambda error: traffic.console_errors.append(str(error.error)))
    return traffic


@dataclass
class Visit:
    """One page as the browser saw it."""

    url: str
    violations: list[dict]
    foreign: list[str]
    console_errors: list[str]
    status: int
    facts: dict = field(default_factory=dict)  # see PAGE_FACTS


# Read in the page once per visit, for the checks that concern every page.
PAGE_FACTS = """() => ({
  lang: document.documentElement.lang,
  switcher: [...document.querySelectorAll('.md-select__link')].map(a => [a.hreflang, a.href]),
  alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')]
    .map(l => [l.hreflang, l.href]),
  canonical: (document.querySelector('link[rel=canonical]') || {}).href || null,
  csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')]
    .map(m => m.content),
  inlineScripts: [...document.scripts].filter(s => !s.src && s.type !== 'application/json').length,
  referrer: (document.querySelector('meta[name=referrer]') || {}).content || null,
  skip: !!document.querySelector('a.md-skip[href^="#"]'),
})"""


def build_copy(tmp_path: Path, site_url: str = SITE_URL) -> Path:
    """A clean build in a fresh process (``python -m puebla build``), as ``make site`` runs it."""
    out = tmp_path / "site"
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "puebla", "--root", str(ROOT), "build", "--site-dir", str(out)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return out
