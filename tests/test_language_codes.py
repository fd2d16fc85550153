"""Three-letter language codes (quc, mam, kek): one rule for `make language` and the build.

mkdocs-static-i18n 1.3.1 refuses them; the MkDocs adapter widens its locale check to the
project's rule (puebla/mkdocs_plugin/i18n_locales.py). These tests pin what that patch
replaces, so an upgrade that changes it fails here, and run `make language` and the build
end to end on a copy of the project.
"""

from __future__ import annotations

import importlib.metadata
import inspect
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.config.base import ValidationError
from mkdocs_static_i18n import config as i18n_config
from mkdocs_static_i18n import folder as i18n_folder

from htmlscan import read_page
from puebla.mkdocs_plugin import i18n_locales
from puebla.model.locales import LANGUAGE_CODE, language_code_problem
from sitekit import run_puebla

CODES = ["en", "es", "ht", "quc", "mam", "kek", "QUC", "Es", "q", "quch", "e1", "es-MX", "es_MX"]


def test_the_patch_pins_what_it_replaces() -> None:
    """Fails after an upgrade of mkdocs-static-i18n that changes the patched check."""
    assert importlib.metadata.version("mkdocs-static-i18n") == i18n_locales.UPSTREAM_VERSION
    source = inspect.getsource(i18n_config)
    assert f'RE_LOCALE = compile(r"{i18n_locales.UPSTREAM_PATTERN}")' in source
    assert i18n_locales.upstream_check_hash() == i18n_locales.UPSTREAM_CHECK_SHA256
    assert "RE_LOCALE.match(value)" in inspect.getsource(i18n_config.Locale.run_validation)


def test_without_the_patch_three_letter_codes_are_refused() -> None:
    """The reason for the patch: the upstream regex itself refuses quc."""
    upstream = i18n_folder.RE_LOCALE  # folder.py keeps the upstream regex (see the module)
    assert upstream.pattern == i18n_locales.UPSTREAM_PATTERN
    assert upstream.match("es") and not upstream.match("quc")


@pytest.mark.parametrize("code", CODES)
def test_the_build_and_make_language_share_one_rule(code: str) -> None:
    assert i18n_locales.widen_locale_check()
    assert i18n_config.RE_LOCALE is LANGUAGE_CODE
    try:
        i18n_config.Locale(str).run_validation(code)
        accepted_by_build = True
    except ValidationError:
        accepted_by_build = False
    assert accepted_by_build is (language_code_problem(code) is None)
    assert accepted_by_build is (code in ("en", "es", "ht", "quc", "mam", "kek"))


def _make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make` in a project copy, with this checkout's venv (never reinstalled into it)."""
    stamp = ".venv/.runtime-installed"
    return subprocess.run(
        ["make", "-s", "-C", str(project), "-o", stamp, f"PY={sys.executable}", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )


def test_make_language_with_a_three_letter_code_builds(project_copy: Path) -> None:
    mkdocs_yml = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    locales = sorted((project_copy / "locales").glob("*.yml"))
    for bad in ("QUC", "quch", "k'iche"):
        refused = _make(project_copy, "language", f"LANG={bad}", "NAME=K'iche'")
        assert refused.returncode != 0
        assert f"'{bad}' is not a language code" in refused.stderr
        assert (
            "three-letter ISO 639-3 code" in refused.stderr
            and "nothing was changed" in refused.stderr
        )
    assert (project_copy / "mkdocs.yml").read_text(encoding="utf-8") == mkdocs_yml
    assert sorted((project_copy / "locales").glob("*.yml")) == locales

    # Kaqchikel: a three-letter code the project does not have yet (quc, mam, kek it has).
    name = "Kaqchikel (test: a name with a colon)"
    added = _make(project_copy, "language", "LANG=cak", f"NAME={name}", "FALLBACK=es")
    assert added.returncode == 0, added.stderr
    assert (project_copy / "overrides/partials/languages/cak.html").is_file()
    # Shown in Spanish, so its footer and meta description are the Spanish ones.
    registered = yaml.safe_load(
        (project_copy / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", "")
    )
    languages = {e["locale"]: e for e in registered["plugins"][2]["i18n"]["languages"]}
    for key in ("copyright", "site_description"):
        assert languages["cak"][key] == languages["es"][key], key
    build = run_puebla(project_copy, "build")
    assert build.returncode == 0, build.stderr

    # Until translated: Spanish interface and pages (so <html lang="es">), the notice in
    # Spanish, and the switcher still lists the language under its own name and code.
    site = project_copy / "site"
    page = read_page(site / "cak" / "campaigns" / "rights" / "myths-and-facts" / "index.html")
    assert page.lang == "es"
    switcher = [e for e in page.find("a") if "md-select__link" in e.attrs.get("class", "")]
    current = [e for e in switcher if e.attrs.get("aria-current") == "page"]
    assert [e.attrs["lang"] for e in current] == ["cak"]
    es = yaml.safe_load((project_copy / "locales/es.yml").read_text(encoding="utf-8"))
    notice = es["strings"]["notice_fallback_text"].format(
        language=es["language_names"].get("cak", name), fallback=es["language_names"]["es"]
    )
    assert notice in page.main_text
    spanish = read_page(site / "es" / "campaigns" / "rights" / "myths-and-facts" / "index.html")
    # The Spanish page's text after its opening review notice, closing citation line
    # included (the fallback page once lost it: the body replaced the mirrored page).
    review_link = es["strings"]["notice_english_link"]  # the review notice's last words
    assert review_link in spanish.main_text, "the Spanish page has no review notice to skip"
    body = spanish.main_text.split(review_link, 1)[1].strip()
    assert body and body in page.main_text
    assert "compromiso 6" in body[-300:]
    assert page.find("form", **{"data-index": "../../../../search/cak.js"})
