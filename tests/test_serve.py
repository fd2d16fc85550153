"""`make serve` (mkdocs serve with the project's plugin): edits show up, materials follow,
and the server settles instead of rebuilding in a loop."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sitekit import SHARED_CACHE


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def _wait_for(predicate, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_reloads_content_and_materials_without_loops(
    project_copy: Path, tmp_path: Path
) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PUEBLA_CACHE_DIR": str(SHARED_CACHE)}
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "puebla",
                "--root",
                str(project_copy),
                "serve",
                "--addr",
                f"127.0.0.1:{port}",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: b"Puebla" in _get(base + "es/")), log.read_text()
        help_url = base + "es/campaigns/rights/help/"
        poster_url = base + "es/materials/rights/poster-preview.png"
        before = hashlib.sha256(_get(poster_url)).hexdigest()

        page = project_copy / "campaigns/rights/es/help.md"
        page.write_text(
            page.read_text(encoding="utf-8") + "\nFrase de prueba para la vista previa.\n",
            encoding="utf-8",
        )
        index = project_copy / "campaigns/rights/es/index.md"
        text = index.read_text(encoding="utf-8")
        index.write_text(
            re.sub(r"(?m)^headline: .*$", "headline: Derechos para todas las personas", text),
            encoding="utf-8",
        )

        assert _wait_for(
            lambda: "Frase de prueba para la vista previa." in _get(help_url).decode()
        ), log.read_text()
        assert _wait_for(lambda: hashlib.sha256(_get(poster_url)).hexdigest() != before), (
            "poster refreshed"
        )

        # No rebuild loop: once settled, the log stops growing with new builds.
        time.sleep(8)
        builds = log.read_text().count("Documentation built")
        assert builds >= 2, "the first build and at least one rebuild after the edits"
        time.sleep(12)
        assert log.read_text().count("Documentation built") == builds, log.read_text()[-2000:]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


class _Server:
    """`puebla serve` on a project copy, with its log."""

    def __init__(self, root: Path, log: Path, *extra: str) -> None:
        self.port = _free_port()
        self.log = log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PUEBLA_CACHE_DIR": str(SHARED_CACHE)}
        command = [sys.executable, "-m", "puebla", "--root", str(root), "serve"]
        command += ["--addr", f"127.0.0.1:{self.port}", *extra]
        with log.open("w") as out:
            self.process = subprocess.Popen(
                command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
            )
        self.base = f"http://127.0.0.1:{self.port}/"

    def text(self) -> str:
        return self.log.read_text()

    def count(self, what: str) -> int:
        return self.text().count(what)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=20)


def test_one_rebuild_per_save_wherever_the_save_is(project_copy: Path, tmp_path: Path) -> None:
    from puebla.mkdocs_plugin.serve import REBUILT

    server = _Server(project_copy, tmp_path / "serve.log")
    try:
        assert _wait_for(lambda: b"Puebla" in _get(server.base)), server.text()
        time.sleep(6)  # the first build's materials settle
        edits = [  # (file, old text or None to append, new text, page that shows it)
            (
                "campaigns/rights/en/rights.md",
                None,
                "Campaign sentence one.",
                "campaigns/rights/rights/",
            ),
            (
                "campaigns/rights/en/rights.md",
                None,
                "Campaign sentence two.",
                "campaigns/rights/rights/",
            ),
            ("docs/es/index.md", None, "Frase de la portada.", "es/"),
            ("locales/fr.yml", "  country: Pays\n", '  country: "Pays (modifié)"\n', None),
            (
                "overrides/main.html",
                "{% block footer %}\n",
                "{% block footer %}\n<!-- template edited in the preview -->\n",
                "",
            ),
        ]
        for name, old, new, url in edits:
            path = project_copy / name
            text = path.read_text(encoding="utf-8")
            rebuilt, built = server.count(REBUILT), server.count("Documentation built")
            if old is None:
                path.write_text(text + f"\n{new}\n", encoding="utf-8")
            else:
                assert old in text, f"{name} changed: update this test"
                path.write_text(text.replace(old, new), encoding="utf-8")
            assert _wait_for(lambda n=rebuilt: server.count(REBUILT) > n, 60), server.text()[-3000:]
            if url is not None:
                shown = new.strip().splitlines()[-1]
                assert shown in _get(server.base + url).decode(), (name, url)
            time.sleep(5)  # a second rebuild (the campaign mirror, say) would happen now
            assert server.count(REBUILT) == rebuilt + 1, (name, server.text()[-3000:])
            assert server.count("Documentation built") == built + 1, (name, server.text()[-3000:])
        # The first English edit outdates translations (every status page changes): all
        # languages; the next one only those showing that text; an interface string: all.
        lines = [line for line in server.text().splitlines() if REBUILT in line]
        assert lines[0].endswith("(all languages)"), lines
        assert "all languages" not in lines[1] and "en" in lines[1], lines
        assert lines[2].endswith("(languages es)"), lines
        assert lines[3].endswith("(all languages)"), lines
        # The language switcher on a served page leads to the same page in every language.
        html = _get(server.base + "campaigns/rights/rights/").decode()
        targets = set(re.findall(r'<a[^>]+href="([^"]+)"[^>]+hreflang="([a-z]+)"', html))
        languages = {lang for _, lang in targets}
        assert {"es", "fr", "ht"} <= languages, targets
        for href, _lang in targets:
            url = urllib.request.urljoin(server.base + "campaigns/rights/rights/", href)
            assert b"<html" in _get(url), url
    finally:
        server.stop()


def test_preview_plan_follows_what_a_save_changed(project_copy: Path) -> None:
    """Which languages a save rebuilds, from the content model before and after the save."""
    from puebla.content import load_content
    from puebla.mkdocs_plugin.serve import page_states, plan_languages
    from puebla.model.pages import site_pages
    from puebla.model.translation import translation_states

    before = load_content(project_copy)
    untranslated = {
        s.page.lang
        for s in translation_states(before, site_pages(before))
        if s.page.rel == "campaigns/rights/myths-and-facts.md" and s.state == "untranslated"
    }
    assert untranslated, "some language shows the English page (ht)"

    states = page_states(before)
    english = project_copy / "campaigns/rights/en/myths-and-facts.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    first = load_content(project_copy)
    # The first English edit makes translations outdated: every status page changes.
    assert plan_languages([english], before, first, states) is None
    states = page_states(first)
    english.write_text(english.read_text(encoding="utf-8") + "\nMore again.\n", encoding="utf-8")
    second = load_content(project_copy)
    assert plan_languages([english], first, second, states) == {"en", *untranslated}

    states = page_states(second)
    spanish = project_copy / "docs/es/index.md"
    spanish.write_text(spanish.read_text(encoding="utf-8") + "\nMás.\n", encoding="utf-8")
    third = load_content(project_copy)
    assert plan_languages([spanish], second, third, states) == {"es"}

    states = page_states(third)
    text = spanish.read_text(encoding="utf-8")
    spanish.write_text(re.sub(r"(?m)^title: (.*)$", r"title: \1 (2)", text, count=1), "utf-8")
    fourth = load_content(project_copy)
    assert plan_languages([spanish], third, fourth, states) is None, "titles are in every nav"
    strings = project_copy / "locales/fr.yml"
    assert plan_languages([strings], fourth, fourth, page_states(fourth)) is None


def test_after_a_failed_rebuild_the_next_one_builds_every_language(
    project_copy: Path, tmp_path: Path
) -> None:
    import pytest

    from puebla.mkdocs_plugin.serve import ServeSession

    session = ServeSession(project_copy, tmp_path, "http://127.0.0.1:1/", "https://x.org/", None)
    plans: list[set[str] | None] = []
    session._refresh_materials = lambda project: None  # type: ignore[method-assign]
    session._run_build = plans.append  # type: ignore[method-assign]
    session.build(first=True)
    page = project_copy / "docs/es/index.md"

    def save(text: str) -> None:
        page.write_text(page.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
        session.changed.add(page)

    def failing(plan: set[str] | None) -> None:
        raise RuntimeError("the build failed")

    save("Uno.")
    session._run_build = failing  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        session.build()
    session._run_build = plans.append  # type: ignore[method-assign]
    save("Dos.")
    session.build()
    save("Tres.")
    session.build()
    assert plans == [None, None, {"es"}]
