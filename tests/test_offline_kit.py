"""The offline kit, opened from file:// in Chromium with every network request refused."""

from __future__ import annotations

import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import sync_playwright

from puebla.chromium import CHROMIUM, CHROMIUM_ARGS
from sitekit import LANGUAGES, html_lang


@pytest.fixture(scope="module")
def offline_root(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    kit = site / "puebla-outreach-offline.zip"
    assert kit.is_file(), "the online site publishes the offline kit"
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(kit) as zf:
        names = zf.namelist()
        assert all(n.startswith("puebla-outreach/") for n in names)
        assert not any(n.endswith("puebla-outreach-offline.zip") for n in names)
        zf.extractall(target)
    return target / "puebla-outreach"


def test_offline_kit_works_from_file_urls_without_network(offline_root: Path) -> None:
    refused: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})

        def guard(route):  # a computer with no network: anything but file:// fails
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                refused.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        page.goto((offline_root / "index.html").as_uri())
        assert page.locator("html").get_attribute("lang") == "en"

        # Navigation: the home page's card leads to the campaign, as a file on disk.
        page.locator("article a[href$='campaigns/rights/index.html']").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/campaigns/rights/index.html")
        assert "Human rights of migrants" in page.locator("h1").inner_text()

        # Language switching keeps the reader on the same page.
        switch = page.locator("a[hreflang='es']").first
        page.goto(
            urlsplit(page.url)
            ._replace(
                path=str(
                    Path(unquote(urlsplit(page.url).path)).parent / switch.get_attribute("href")
                )
            )
            .geturl()
        )
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "es"
        assert unquote(page.url).endswith("/es/campaigns/rights/index.html")

        # Search, in the reader's language, from disk.
        page.locator(".md-search__input").first.focus()
        page.locator(".md-search__input").first.fill("albergues")
        results = page.locator(".md-search-result__list a")
        results.first.wait_for(timeout=10_000)
        hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
        here = Path(unquote(urlsplit(page.url).path)).parent
        targets = [(here / h.split("#")[0]).resolve() for h in hrefs]
        assert targets and all(t.is_file() for t in targets), hrefs
        assert all((offline_root / "es") in t.parents for t in targets), (
            "results in the reader's language"
        )

        # Materials: the download page links to files that are in the kit.
        page.goto((offline_root / "es" / "materials" / "index.html").as_uri())
        links = page.locator("a[download]")
        assert links.count() >= 10
        for i in range(links.count()):
            href = links.nth(i).get_attribute("href") or ""
            assert (offline_root / "es" / "materials" / href).resolve().is_file(), href

        # The languages shown with a Spanish interface (K'iche', Mam, Q'eqchi'): the rights
        # page from disk, with its published texts and the Spanish text one tap away.
        for lang in [lang for lang in LANGUAGES if html_lang(lang) != lang]:
            page.goto((offline_root / lang / "index.html").as_uri())
            assert page.locator("html").get_attribute("lang") == html_lang(lang)
            page.locator("article a[href$='campaigns/rights/rights.html']").first.click()
            page.wait_for_load_state()
            assert unquote(page.url).endswith(f"/{lang}/campaigns/rights/rights.html")
            own = page.locator(f"blockquote.quotation[lang={lang}]")
            assert own.count() == 11 and own.first.is_visible(), lang
            folded = page.locator("details.quotation-beside").first
            spanish = folded.locator("blockquote.quotation")
            assert not spanish.is_visible()
            folded.locator("summary").click()
            assert spanish.is_visible() and spanish.get_attribute("lang") is None
            help_link = page.locator("a.puebla-help-link").first
            help_link.click()
            page.wait_for_load_state()
            assert unquote(page.url).endswith(f"/{lang}/campaigns/rights/help.html#help-now")
            assert page.locator("#help-now a[href^='tel:']").count() > 0
        browser.close()
    assert not refused, refused[:5]
    assert not errors, errors[:5]
