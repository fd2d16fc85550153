"""The campaigns as built into the site, and the help pages generated from the help data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from htmlscan import read_page
from sitekit import LANGUAGES, ROOT, html_lang, lang_prefix

CAMPAIGNS = {"rights": 6, "trafficking": 16}


def _campaign_pages(site: Path, lang: str, campaign: str) -> set[str]:
    base = site / lang_prefix(lang) / "campaigns" / campaign
    return {p.relative_to(base).as_posix() for p in base.rglob("index.html")}


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_each_campaign_has_the_same_pages_in_every_language(site: Path, campaign: str) -> None:
    definition = yaml.safe_load((ROOT / "campaigns" / campaign / "campaign.yml").read_text())
    expected = {"index.html"} | {
        f"{slug}/index.html" for slug in definition["pages"] if slug != "index"
    }
    assert len(expected) >= 5
    for lang in LANGUAGES:
        assert _campaign_pages(site, lang, campaign) == expected, lang


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_every_campaign_page_links_to_its_commitment(site: Path, campaign: str, lang: str) -> None:
    number = CAMPAIGNS[campaign]
    base = site / lang_prefix(lang) / "campaigns" / campaign
    for path in base.rglob("index.html"):
        hrefs = [e.attrs.get("href", "") for e in read_page(path).find("a")]
        targets = [h for h in hrefs if h.endswith(f"communique/#commitment-{number}")]
        assert targets, f"{path} does not link to commitment {number}"
        for href in targets:
            resolved = (path.parent / href.split("#")[0]).resolve() / "index.html"
            assert resolved.is_file()
            assert f'id="commitment-{number}"' in resolved.read_text(encoding="utf-8")
            assert read_page(resolved).lang == html_lang(lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_campaign_index_lists_both_campaigns(page, lang: str) -> None:
    hrefs = {e.attrs.get("href") for e in page(f"{lang_prefix(lang)}campaigns/").find("a")}
    assert {"rights/", "trafficking/"} <= hrefs


def _help_data() -> dict:
    return yaml.safe_load((ROOT / "campaigns" / "help-lines.yml").read_text(encoding="utf-8"))


def _numbers_in(text: str) -> set[str]:
    return set(re.findall(r"\b\d[\d -]{1,14}\d\b|\b\d{3}\b", text))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_help_pages_show_exactly_the_sourced_entries(page, campaign: str, lang: str) -> None:
    p = page(f"{lang_prefix(lang)}campaigns/{campaign}/help/")
    # The full list (the "Get help now" block above it shows the same numbers in short).
    html = Path(p.path).read_text(encoding="utf-8").split('id="help-lines"', 1)[1]
    data = _help_data()
    for entry in data["lines"]:
        if entry["confidence"] == "low":
            continue
        section = html.split(f'id="line-{entry["id"]}"', 1)
        assert len(section) == 2, f"{entry['name']} not shown"
        block = section[1].split("<h4", 1)[0].split("<h3", 1)[0]
        block_text = block.replace("&#x27;", "'").replace("&#39;", "'").replace("&quot;", '"')
        for contact in entry["contacts"]:
            if contact.get("value"):
                assert contact["value"] in block
        for check in entry["checks"]:
            assert f'<time datetime="{check["date"]}">' in block, "check date shown"
        for sid in (
            {entry["operator_source"]}
            if isinstance(entry["operator_source"], str)
            else entry["operator_source"]
        ):
            assert data["sources"][sid]["title"].split(" ")[0] in block_text, "source shown"
        assert entry["operator"] in block_text, "who runs it is shown"
        if entry["confidence"] == "medium":
            assert entry["caveat"][html_lang(lang)] in block_text  # es on a K'iche' page
    # Numbers the research rated low confidence never appear.
    for unconfirmed in ("1555", "809-200-7393"):
        assert unconfirmed not in html
    # Every tel:/sms: link on the page belongs to a sourced entry.
    published = {
        re.sub(r"[^0-9+]", "", c["value"])
        for e in data["lines"]
        for c in e["contacts"]
        if c.get("value")
    }
    tel_links = {
        e.attrs["href"].split(":", 1)[1]
        for e in p.find("a")
        if e.attrs.get("href", "").startswith(("tel:", "sms:"))
        and not e.attrs["href"].startswith("sms:?")  # the share link: a message, no number
    }
    assert tel_links and tel_links <= published


def test_help_entries_in_the_data_all_carry_sources_and_checks() -> None:
    data = _help_data()
    for entry in data["lines"]:
        assert entry["operator"] and entry["operator_kind"] and entry["shares"], entry["id"]
        assert entry["checks"], entry["id"]
        for check in entry["checks"]:
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", check["date"]), entry["id"]
        for contact in entry["contacts"]:
            assert contact["source"], (entry["id"], contact)


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_correct_terms_per_language(site: Path, lang: str) -> None:
    """The two crimes keep their own names; the blurring terms appear only where the pages warn
    against them."""
    terms = {
        "es": ("trata de personas", "tráfico ilícito de migrantes"),
        "fr": ("traite des personnes", "trafic illicite de migrants"),
    }[lang]
    text = read_page(
        site / lang / "campaigns/trafficking/smuggling-vs-trafficking/index.html"
    ).main_text
    for term in terms:
        assert term in text.lower()
