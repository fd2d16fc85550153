"""`make serve`'s rebuilds, in this process: what a save shows equals a build from nothing, and
the checks that follow a save still report an error with its file and line, and a rebuild
MkDocs refuses (a broken link) is explained by the project's own check."""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from pathlib import Path

import pytest

from sitekit import SHARED_CACHE


@pytest.fixture(autouse=True)
def _materials_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUEBLA_CACHE_DIR", str(SHARED_CACHE))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def _session(root: Path, site: Path):
    from puebla.mkdocs_plugin.serve import ServeSession

    session = ServeSession(root, site, "http://127.0.0.1:1/", "https://example.org/", None)
    session._refresh_materials = lambda project: None  # type: ignore[method-assign]
    return session


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def _pages(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*.html"))
        # A 404 page's language switcher is mkdocs-static-i18n's alternates of the last page
        # that build rendered: which page that is depends on the languages a rebuild made.
        if p.name != "404.html"
    }


def _search(site: Path, lang: str) -> list[tuple[str, str, str]]:
    text = (site / "search" / f"{lang}.js").read_text(encoding="utf-8")
    return [tuple(entry[:3]) for entry in json.loads(text.split("=", 1)[1].rstrip().rstrip(";"))]


def test_pages_reused_by_a_rebuild_equal_a_build_from_nothing(
    project_copy: Path, tmp_path: Path
) -> None:
    from puebla.mkdocs_plugin.serve import previewing

    english = project_copy / "campaigns/rights/en/rights.md"
    spanish = project_copy / "docs/es/index.md"
    served = _session(project_copy, tmp_path / "served")
    with previewing(served):
        served.build(first=True)
        # The first English edit outdates translations (all languages are rebuilt); the next
        # ones change page text only: the other pages' HTML is reused.
        for n, page in enumerate((english, english, spanish, english)):
            _append(page, f"Preview sentence {n}.")
            served.changed.add(page)
            served.build()
    assert served.pages.hits > 0, "unchanged pages were rendered again"

    fresh = _session(project_copy, tmp_path / "fresh")
    with previewing(fresh):
        fresh.build(first=True)
    shown, expected = _pages(tmp_path / "served"), _pages(tmp_path / "fresh")
    assert sorted(shown) == sorted(expected)
    differ = [name for name in expected if shown[name] != expected[name]]
    assert not differ, differ
    # Search: a full build lets mkdocs-static-i18n drop a translated entry whose title and
    # text equal an English one (its de-duplication); a rebuild without English keeps it.
    english = {(title, text) for _, title, text in _search(tmp_path / "fresh", "en")}
    for lang in ("en", "es", "fr", "ht"):
        served_entries, fresh_entries = (
            _search(tmp_path / "served", lang),
            _search(tmp_path / "fresh", lang),
        )
        extra = Counter(served_entries) - Counter(fresh_entries)
        assert not Counter(fresh_entries) - Counter(served_entries), lang
        assert all((title, text) in english for _, title, text in extra), (lang, extra)
    assert b"Preview sentence 3." in shown["campaigns/rights/rights/index.html"]
    assert b"Preview sentence 2." in shown["es/index.html"]


def test_a_content_error_is_reported_after_the_page_is_shown(
    project_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from puebla.mkdocs_plugin.serve import CHECK_ERRORS, previewing

    spanish = project_copy / "docs/es/index.md"
    session = _session(project_copy, tmp_path / "site")
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.puebla.serve")
    with previewing(session):
        session.build(first=True)
        lines = len(spanish.read_text(encoding="utf-8").splitlines())
        _append(spanish, "Mira [esta página](javascript:void(0)).")
        session.changed.add(spanish)
        caplog.clear()
        session.build()
        session._checks.submit(lambda: None).result()  # the checks that follow the save
        page = (tmp_path / "site" / "es" / "index.html").read_text(encoding="utf-8")
        assert "esta página" in page, "the page is shown before its checks"
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(errors) == 1 and errors[0].startswith(CHECK_ERRORS), errors
        where = f"docs{os.sep}es{os.sep}index.md:{lines + 2}"
        assert where in errors[0] and "javascript: link" in errors[0], errors[0]

        text = spanish.read_text(encoding="utf-8").replace("(javascript:void(0))", "(index.md)")
        spanish.write_text(text, encoding="utf-8")
        session.changed.add(spanish)
        caplog.clear()
        session.build()
        session._checks.submit(lambda: None).result()
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_rebuild_mkdocs_refuses_is_explained_with_the_source_file(
    project_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from puebla.mkdocs_plugin.serve import previewing

    page = project_copy / "campaigns/rights/es/rights.md"
    session = _session(project_copy, tmp_path / "site")
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.puebla.serve")
    with previewing(session):
        session.build(first=True)
        _append(page, "Mira [esta página](no-existe.md).")
        session.changed.add(page)
        caplog.clear()
        with pytest.raises(Exception, match="strict"):
            session.build()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(
        f"campaigns{os.sep}rights{os.sep}es{os.sep}rights.md:" in e and "no-existe.md" in e
        for e in errors
    ), errors
