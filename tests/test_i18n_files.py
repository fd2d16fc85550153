"""The shortcuts for mkdocs-static-i18n's per-file work (mkdocs_plugin/i18n_files.py) give
exactly the plugin's own files, and stop applying when an upgrade changes the plugin."""

from __future__ import annotations

from pathlib import Path

import pytest

ATTRIBUTES = (
    "src_uri",
    "dest_uri",
    "dest_path",
    "abs_src_path",
    "abs_dest_path",
    "url",
    "name",
    "dest_dir",
    "inclusion",
    "locale",
    "localization",
    "locale_alternate_of",
    "norm_src_uri",
)


def test_the_patched_function_is_the_one_reviewed() -> None:
    from puebla.mkdocs_plugin import i18n_files

    assert i18n_files.upstream_hash() == i18n_files.UPSTREAM_SHA256, (
        "mkdocs-static-i18n changed create_i18n_file: review mkdocs_plugin/i18n_files.py"
    )


@pytest.mark.parametrize("directory_urls", [True, False])
def test_shortcuts_equal_the_plugin_at_12_languages(
    project_copy: Path, tmp_path: Path, directory_urls: bool
) -> None:
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from puebla.bench.copies import add_languages
    from puebla.mkdocs_plugin import i18n_files

    added = add_languages(project_copy, 12)
    assert added and all(len(code) == 3 for code in added), added
    config = load_config(
        config_file=str(project_copy / "mkdocs.yml"),
        site_dir=str(tmp_path / "site"),
        use_directory_urls=directory_urls,
    )
    languages = [lang.locale for lang in config.plugins["i18n"].config.languages]
    assert len(languages) == 12
    files = list(get_files(config))
    assert len(files) > 12 * 8  # campaign pages are mirrored into docs/ by the build
    i18n_files._made.clear()
    i18n_files._others.clear()
    derived = 0
    for file in files:
        for lang in languages:
            ours = i18n_files._create_i18n_file(file, lang, "en", languages, config)
            theirs = i18n_files._original(file, lang, "en", languages, config)
            for name in ATTRIBUTES:
                assert getattr(ours, name) == getattr(theirs, name), (file.src_uri, lang, name)
            assert ours.alternates == {lang: ours}
            derived += lang not in (theirs.locale, "en")
    assert derived > len(files) * 5, "most files were made by the shortcut"
