"""Privacy: a reader's browser is sent to no host but the site's own.

A static scan of what the built files make a browser load. The browser tests watch the real
network traffic; this scan fails fast and names the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from htmlscan import read_page
from sitekit import ROOT

# Elements and attributes whose URL a browser fetches on its own.
LOADED = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
LINK_RELS_LOADED = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "modulepreload",
    "apple-touch-icon",
}
EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def test_html_loads_nothing_from_other_hosts(site: Path) -> None:
    offenders = []
    for path in site.rglob("*.html"):
        page = read_page(path)
        for element in page.elements:
            attr = LOADED.get(element.tag)
            if attr and EXTERNAL.match(element.attrs.get(attr, "")):
                offenders.append((path, element.tag, element.attrs[attr]))
            if element.tag == "link":
                rels = set(element.attrs.get("rel", "").lower().split())
                if rels & LINK_RELS_LOADED and EXTERNAL.match(element.attrs.get("href", "")):
                    offenders.append((path, "link", element.attrs["href"]))
            style = element.attrs.get("style", "")
            if re.search(r"url\(\s*['\"]?(https?:)?//", style):
                offenders.append((path, "style", style))
    assert not offenders, offenders[:5]


def test_css_loads_nothing_from_other_hosts(site: Path) -> None:
    offenders = []
    for path in site.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        for match in re.finditer(r"url\(\s*['\"]?([^'\")]+)", css):
            if EXTERNAL.match(match.group(1)):
                offenders.append((path, match.group(1)))
        for match in re.finditer(r"@import\s+(?:url\()?['\"]?([^'\");]+)", css):
            if EXTERNAL.match(match.group(1)):
                offenders.append((path, match.group(1)))
    assert not offenders


def test_no_web_font_analytics_or_cdn_configured() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "x", config))
    assert data["theme"]["font"] is False  # Material would load Google Fonts otherwise
    assert "analytics" not in (data.get("extra") or {})
    assert "repo_url" not in data  # Material's JS would ask api.github.com for repository facts


def test_javascript_reaches_no_other_host(site: Path) -> None:
    """The only external URLs inside Material's bundle belong to features this site does not use.

    Each allowed host is paired with the condition that keeps it dormant, and the condition is
    checked here, so enabling the feature makes this test fail.
    """
    html = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    dormant = {
        "api.github.com": "repo_url" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
        "unpkg.com": 'class="mermaid"' not in html,  # Mermaid diagrams load their library
        "bit.ly": True,  # text of a console warning in the search worker, never requested
    }
    found = set()
    for path in site.rglob("*.js"):
        code = path.read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)  # licence and doc comments
        code = re.sub(r"(?m)^\s*//.*$", "", code)
        found.update(re.findall(r"https?://([a-z0-9.-]+\.[a-z]{2,})", code))
    unexpected = {h for h in found if h not in dormant}
    assert not unexpected, unexpected
    assert all(dormant[h] for h in found), {h: dormant[h] for h in found}
