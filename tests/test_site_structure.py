"""The built site: same pages in every language, lang/hreflang/sitemap/404/descriptions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from htmlscan import read_page
from sitekit import LANGUAGES, SITE_URL, html_lang, lang_prefix, site_pages


def test_every_language_has_the_same_pages(site: Path) -> None:
    pages = site_pages(site)
    assert len(pages["en"]) >= 18
    for lang in LANGUAGES[1:]:
        assert pages[lang] == pages["en"], f"pages differ between en and {lang}"


def test_home_and_communique_exist_in_every_language(site: Path) -> None:
    for lang in LANGUAGES:
        for rel in (
            "index.html",
            "communique/index.html",
            "communique/about/index.html",
            "communique/sources/index.html",
            "communique/compare/index.html",
            "404.html",
        ):
            assert (site / lang_prefix(lang) / rel).is_file(), f"{lang}: {rel} missing"


def _html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def _lang_of(site: Path, path: Path) -> str:
    first = path.relative_to(site).parts[0]
    return first if first in LANGUAGES else "en"


def test_html_lang_matches_the_page_language(site: Path) -> None:
    for path in _html_files(site):
        assert read_page(path).lang == html_lang(_lang_of(site, path)), path


def test_meta_description_on_every_page(site: Path) -> None:
    seen: dict[str, dict[str, str]] = {}
    for path in _html_files(site):
        if path.name == "404.html":
            continue
        metas = read_page(path).find("meta", name="description")
        assert len(metas) == 1, path
        content = metas[0].attrs["content"].strip()
        assert 20 <= len(content) <= 160, (path, content)
        seen.setdefault(_lang_of(site, path), {})[str(path)] = content
    # Descriptions are per page, not one site-wide sentence repeated.
    for descriptions in seen.values():
        assert len(set(descriptions.values())) == len(descriptions)


def _page_path(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    lang = _lang_of(site, path)
    if lang != "en":
        rel = rel.split("/", 1)[1]
    return rel.removesuffix("index.html")


def test_hreflang_alternates_are_absolute_and_point_to_the_same_page(site: Path) -> None:
    for path in _html_files(site):
        if path.name == "404.html":
            continue
        page_path = _page_path(site, path)
        links = {
            e.attrs["hreflang"]: e.attrs["href"]
            for e in read_page(path).find("link", rel="alternate")
        }
        expected = {lang: f"{SITE_URL}{lang_prefix(lang)}{page_path}" for lang in LANGUAGES}
        expected["x-default"] = f"{SITE_URL}{page_path}"
        assert links == expected, path
        for href in links.values():
            target = site / href.removeprefix(SITE_URL)
            assert (target / "index.html").is_file() or target.is_file(), href


def test_language_switcher_keeps_the_reader_on_the_same_page(page) -> None:
    for lang in LANGUAGES:
        p = page(f"{lang_prefix(lang)}communique/compare/")
        switcher = {
            e.attrs["hreflang"]: e.attrs["href"] for e in p.find("a") if "hreflang" in e.attrs
        }
        assert set(switcher) == set(LANGUAGES), switcher
        for other, href in switcher.items():
            base = Path(p.path).parent
            target = (base / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), (lang, other, href)
            assert read_page(target).lang == html_lang(other)
            assert target.parent.name == "compare"


def test_sitemap_lists_every_page_with_alternates(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    urls = root.findall("s:url", ns)
    locs = {u.find("s:loc", ns).text for u in urls}
    pages = site_pages(site)
    expected = {
        f"{SITE_URL}{lang_prefix(lang)}{rel.removesuffix('index.html')}"
        for lang, rels in pages.items()
        for rel in rels
        if not rel.endswith("404.html")
    }
    assert locs == expected
    for url in urls:
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert set(alternates) == {*LANGUAGES, "x-default"}
        assert all(h.startswith(SITE_URL) for h in alternates.values())
    assert b"lastmod" not in (site / "sitemap.xml").read_bytes()  # reproducible builds


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "Page not found"), ("es", "Página no encontrada"), ("fr", "Page introuvable")],
)
def test_localized_404_pages(site: Path, lang: str, heading: str) -> None:
    p = read_page(site / lang_prefix(lang) / "404.html")
    assert p.lang == lang
    assert heading in p.main_text
    home = [e.attrs["href"] for e in p.find("a") if e.attrs.get("href") == f"/{lang_prefix(lang)}"]
    assert home, "the 404 page links to the home page of its language"


def test_home_page_leads_to_both_campaigns(page) -> None:
    for lang in LANGUAGES:
        hrefs = [e.attrs.get("href", "") for e in page(lang_prefix(lang)).find("a")]
        assert any(re.fullmatch(r"campaigns/rights/", h) for h in hrefs), lang
        assert any(re.fullmatch(r"campaigns/trafficking/", h) for h in hrefs), lang


def test_site_works_under_a_sub_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Published at https://example.org/puebla/: absolute URLs carry the sub-path, links stay relative."""
    from puebla.build import build_site
    from sitekit import ROOT, SHARED_CACHE

    base = "https://example.org/puebla/"
    monkeypatch.setenv("SITE_URL", base)
    monkeypatch.setenv("PUEBLA_CACHE_DIR", str(SHARED_CACHE))
    site = build_site(ROOT, tmp_path / "site")
    page = read_page(site / "es/communique/index.html")
    assert page.find("link", rel="canonical")[0].attrs["href"] == f"{base}es/communique/"
    alternates = {e.attrs["hreflang"]: e.attrs["href"] for e in page.find("link", rel="alternate")}
    assert alternates["x-default"] == f"{base}communique/"
    og = page.find("meta", property="og:image")
    assert og and og[0].attrs["content"].startswith(f"{base}assets/previews/es/")
    for element in page.find("a") + page.find("link") + page.find("script"):
        url = element.attrs.get("href") or element.attrs.get("src") or ""
        assert not (url.startswith("/") and not url.startswith("/puebla/")), url
    not_found = read_page(site / "fr/404.html")
    assert [e for e in not_found.find("a") if e.attrs.get("href") == "/puebla/fr/"]
    assert f"<loc>{base}fr/campaigns/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
