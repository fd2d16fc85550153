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
    for bad in ("QUC", "quch", "k'iche"):
        refused = _make(project_copy, "language", f"LANG={bad}", "NAME=K'iche'")
        assert refused.returncode != 0
        assert f"'{bad}' is not a language code" in refused.stderr
        assert (
            "three-letter ISO 639-3 code" in refused.stderr
            and "nothing was changed" in refused.stderr
        )
    assert (project_copy / "mkdocs.yml").read_text(encoding="utf-8") == mkdocs_yml
    assert not list((project_copy / "locales").glob("qu*.yml"))

    name = "Mam (test: a name with a colon)"
    added = _make(project_copy, "language", "LANG=mam", f"NAME={name}", "FALLBACK=es")
    assert added.returncode == 0, added.stderr
    assert (project_copy / "overrides/partials/languages/mam.html").is_file()
    build = run_puebla(project_copy, "build")
    assert build.returncode == 0, build.stderr

    # Until translated: Spanish interface and pages (so <html lang="es">), the notice in
    # Spanish, and the switcher still lists the language under its own name and code.
    site = project_copy / "site"
    page = read_page(site / "mam" / "campaigns" / "rights" / "rights" / "index.html")
    assert page.lang == "es"
    switcher = [e for e in page.find("a") if "md-select__link" in e.attrs.get("class", "")]
    current = [e for e in switcher if e.attrs.get("aria-current") == "page"]
    assert [e.attrs["lang"] for e in current] == ["mam"]
    es = yaml.safe_load((project_copy / "locales/es.yml").read_text(encoding="utf-8"))
    notice = es["strings"]["notice_fallback_text"].format(
        language=name, fallback=es["language_names"]["es"]
    )
    assert notice in page.main_text
    spanish = read_page(site / "es" / "campaigns" / "rights" / "rights" / "index.html")
    # The Spanish page's body text (its opening review notice and closing citation line are
    # not the same on a fallback page: compare a stretch of the body between them).
    assert spanish.main_text[-500:-300] in page.main_text
    assert page.find("form", **{"data-index": "../../../../search/mam.js"})
