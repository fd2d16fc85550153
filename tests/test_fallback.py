"""Fallback per language: untranslated pages show the language's fallback, with a notice in
the page's own interface language (or, without one, in the fallback's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from htmlscan import Page
from puebla.errors import Collector
from puebla.model.locales import load_locales
from sitekit import ROOT

LOCALES = ROOT / "locales"


def _locales_with(tmp_path: Path, extra: dict[str, str]) -> tuple[dict, Collector]:
    folder = tmp_path / "locales"
    folder.mkdir()
    for lang in ("en", "es"):
        (folder / f"{lang}.yml").write_text(
            (LOCALES / f"{lang}.yml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    for name, text in extra.items():
        (folder / name).write_text(text, encoding="utf-8")
    issues = Collector()
    return load_locales(folder, issues), issues


def test_a_language_without_strings_uses_its_fallbacks_interface(tmp_path: Path) -> None:
    locales, issues = _locales_with(tmp_path, {"kek.yml": "name: Q'eqchi'\nfallback: es\n"})
    assert not issues.errors, [p.format() for p in issues.errors]
    kek, es = locales["kek"], locales["es"]
    assert kek.fallback == "es" and kek.interface == "es"
    assert kek.strings == es.strings
    assert kek.name_of(es) == es.language_names["es"]  # "español" in a Spanish sentence
    assert locales["es"].fallback == "en" and locales["en"].fallback is None


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({"kek.yml": "name: Q'eqchi'\nfallback: xx\n"}, "falls back to 'xx'"),
        ({"kek.yml": "name: Q'eqchi'\nfallback: kek\n"}, "another language's code"),
        (
            {"kek.yml": "name: K\nfallback: mam\n", "mam.yml": "name: M\nfallback: kek\n"},
            "go round in a circle",
        ),
        ({"kek.yml": "name: Q'eqchi'\n"}, "'strings:' is missing"),
    ],
)
def test_bad_fallbacks_name_the_file_and_field(tmp_path: Path, files: dict, words: str) -> None:
    _locales, issues = _locales_with(tmp_path, files)
    messages = [p.format(tmp_path) for p in issues.errors]
    assert any(words in m and m.startswith("ERROR: locales/") for m in messages), messages


def _untranslated(lang: str) -> list[str]:
    """Site paths of the pages of ``lang`` marked untranslated."""
    out = []
    for path in sorted((ROOT / "campaigns").glob(f"*/{lang}/*.md")):
        if "translation_status: untranslated" in path.read_text(encoding="utf-8"):
            out.append(f"{lang}/campaigns/{path.parent.parent.name}/{path.stem}/")
    return out


def test_haitian_creole_falls_back_to_french(page: Callable[[str], Page], site: Path) -> None:
    ht = yaml.safe_load((LOCALES / "ht.yml").read_text(encoding="utf-8"))
    assert ht["fallback"] == "fr"
    text = ht["strings"]["notice_fallback_text"].format(
        language=ht["language_names"]["ht"], fallback=ht["language_names"]["fr"]
    )
    paths = _untranslated("ht")
    assert paths, "no untranslated ht campaign page left to test the fallback on"
    for path in paths:
        shown = page(path)
        assert shown.lang == "ht"
        assert text in shown.main_text, path
        assert shown.find("div", lang="fr"), f"{path}: the French text is not marked lang=fr"
        links = [a for a in shown.find("a") if a.attrs.get("hreflang") == "fr"]
        notice = [a for a in links if a.attrs.get("lang") == "ht"]
        assert notice, f"{path}: no link from the notice to the French page"
        target = (site / path / notice[0].attrs["href"] / "index.html").resolve()
        assert target.is_file() and target.is_relative_to(site / "fr")
