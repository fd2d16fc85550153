"""Recorded audio beside a page: the player, its size, the offline kit, and the refusals.

The fixture is a tone, not speech (tests/fixtures/tone.opus, see tests/recordingkit.py).
"""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from htmlscan import read_page
from puebla.site.offline import KIT_NAME, TOP
from recordingkit import TONE, record_page
from sitekit import LANGUAGES, run_puebla

PAGES = {  # page → where it is published (English at /, Spanish campaign page under /es/)
    "docs/en/index.md": "index.html",
    "campaigns/rights/es/rights.md": "es/campaigns/rights/rights/index.html",
}
_record = record_page


def test_a_recording_shows_as_a_player_with_its_size_and_goes_in_the_offline_kit(
    project_copy: Path,
) -> None:
    for page in PAGES:
        _record(project_copy, page)
    build = run_puebla(project_copy, "build")
    assert build.returncode == 0, build.stderr
    site = project_copy / "site"
    size = f"Opus, {math.ceil(TONE.stat().st_size / 1000)} kB"
    for page, built in PAGES.items():
        html = (site / built).read_text(encoding="utf-8")
        parsed = read_page(site / built)
        audio = parsed.find("audio")
        assert len(audio) == 1, built
        assert audio[0].attrs.get("preload") == "none" and "controls" in audio[0].attrs
        played = (site / built).parent / audio[0].attrs["src"]
        assert played.resolve().read_bytes() == TONE.read_bytes(), "the file as recorded"
        figure = re.search(r'<figure class="recording">.*?</figure>', html, re.S).group(0)
        assert size in figure and "A. Speaker" in figure and "B. Reviewer" in figure
        # The transcript is the page's own text, right below the player.
        heading = next(
            line[2:]
            for line in (project_copy / page).read_text().splitlines()
            if line.startswith("# ")
        )
        assert heading in parsed.main_text
        assert "media-src 'self'" in html, "the page's CSP must let the player load the file"
    # Never speech made by the build: the only audio published is what was recorded.
    published = sorted(p for p in site.rglob("*") if p.suffix in (".opus", ".mp3"))
    assert len(published) == len(PAGES)
    assert all(p.read_bytes() == TONE.read_bytes() for p in published)

    kit = project_copy / "site" / KIT_NAME
    with zipfile.ZipFile(kit) as zf:
        names = set(zf.namelist())
        offline = f"{TOP}/es/campaigns/rights/rights.html"
        src = re.search(r'<audio [^>]*src="([^"]+)"', zf.read(offline).decode()).group(1)
        inside = f"{TOP}/es/campaigns/rights/{src}"
        assert inside in names and zf.read(inside) == TONE.read_bytes()
        assert f"{TOP}/index.opus" in names


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("no speaker", "this recording has no speaker"),
        ("no reviewer", "this recording has no reviewer"),
        ("no page", "this recording has no transcript: there is no page"),
        ("untranslated page", "this recording has no transcript: rights.md is not yet translated"),
        ("not audio", "this is not an Opus file"),
    ],
)
def test_make_check_refuses_a_bad_recording_naming_the_file(
    project_copy: Path, case: str, words: str
) -> None:
    page = "campaigns/rights/es/rights.md"
    if case == "no speaker":
        _record(project_copy, page, speaker="")
    elif case == "no reviewer":
        _record(project_copy, page, reviewer="")
    elif case == "no page":
        page = "campaigns/rights/es/lost.md"
        shutil.copyfile(TONE, project_copy / "campaigns/rights/es/lost.opus")
    elif case == "untranslated page":  # a new language's pages are all untranslated
        new = next(code for code in ("pt", "it", "nl", "de") if code not in LANGUAGES)
        assert run_puebla(project_copy, "language", new, "--name", "New").returncode == 0
        page = f"campaigns/rights/{new}/rights.md"
        _record(project_copy, page)
    else:
        _record(project_copy, page)
        (project_copy / page).with_suffix(".opus").write_text("not a recording")
    check = run_puebla(project_copy, "check")
    assert check.returncode == 1
    audio = Path(page).with_suffix(".opus").as_posix()
    assert any(audio in line and words in line for line in check.stderr.splitlines()), check.stderr
