"""A page's recording in Chromium: nothing downloaded before play, then it plays under the CSP.

Data costs money: the file must not be fetched when the page opens (``preload="none"``), and
the site's Content-Security-Policy must still let the reader play it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from recordingkit import TONE, record_page
from sitekit import SHARED_CACHE, copy_project

from .browserkit import DESKTOP, WCAG_TAGS, origin_of, serve, watch

PAGE = "campaigns/rights/es/rights.md"
URL = "es/campaigns/rights/rights/"

PLAY = """async () => {
  const audio = document.querySelector('figure.recording audio');
  audio.muted = true;
  await audio.play();
  await new Promise(done => setTimeout(done, 700));
  return {time: audio.currentTime, error: audio.error && audio.error.code};
}"""


def test_the_player_fetches_nothing_until_played_then_plays(
    browser: Browser, tmp_path: Path
) -> None:
    project = copy_project(tmp_path / "project")
    record_page(project, PAGE)
    build = subprocess.run(
        [sys.executable, "-m", "puebla", "--root", str(project), "build"],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "NO_MKDOCS_2_WARNING": "1",
            "PUEBLA_CACHE_DIR": str(SHARED_CACHE),
        },
    )
    assert build.returncode == 0, build.stderr[-3000:]
    with serve(project / "site") as base_url:
        context = browser.new_context(viewport=DESKTOP, service_workers="block")
        traffic = watch(context, origin_of(base_url))
        audio_requests: list[str] = []
        context.on(
            "request", lambda r: audio_requests.append(r.url) if r.url.endswith(".opus") else None
        )
        page = context.new_page()
        try:
            page.goto(base_url + URL, wait_until="load")
            page.wait_for_timeout(300)
            assert audio_requests == [], "the recording was downloaded before the reader asked"
            violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            assert violations.response["violations"] == []
            played = page.evaluate(PLAY)
        finally:
            page.close()
            context.close()
    assert played["error"] is None and played["time"] > 0, played
    assert [u.rsplit("/", 1)[-1] for u in audio_requests][:1] == [
        TONE.name.replace("tone", "rights")
    ]
    assert traffic.console_errors == [] and traffic.foreign == []
