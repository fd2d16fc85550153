"""A line checked 13 months before "today" leaves print and social, and stays on the site marked.

End to end on a small fixture: a copy of the project in English only (the other languages
removed, so the build is quick), with the Canadian line's check moved 13 months before the
test run's "today" (SOURCE_DATE_EPOCH). Then the real `puebla build` and `puebla lines` run
on it, and the built PDFs (pdftotext), PNGs (Debian's tesseract) and help pages are read.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from materials_helpers import pdftotext, squash

from puebla.model.helplines import add_months
from sitekit import TEST_TODAY, copy_project, run_puebla

STALE_ID = "ca-canadian-human-trafficking-hotline"
STALE_NUMBER = "1-833-900-1010"
FRESH_NUMBERS = ("1-888-373-7888", "145")  # the United States and Honduras (high confidence)
NOTICE = "Last checked over a year ago: confirm before you rely on it."


def english_only(root: Path) -> None:
    """Drop every language but English from a project copy (a smaller, faster fixture)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("        - locale: es")
    end = text.index("\nnav:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    for locale in root.glob("locales/*.yml"):
        if locale.stem != "en":
            locale.unlink()
            shutil.rmtree(root / "docs" / locale.stem, ignore_errors=True)
            for folder in root.glob(f"campaigns/*/{locale.stem}"):
                shutil.rmtree(folder)
    # Partner files name their languages; in an English-only copy those would be unknown.
    shutil.rmtree(root / "partners", ignore_errors=True)


def ocr(path: Path) -> str:
    return subprocess.run(
        ["tesseract", str(path), "-", "--psm", "11"], check=True, capture_output=True, text=True
    ).stdout


def digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def material_pngs(site: Path) -> list[Path]:
    """The full-size PNGs of every campaign's materials (thumbnails are too small to read)."""
    return sorted(p for p in site.glob("materials/*/*.png"))


@pytest.fixture(scope="module")
def stale_build(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, str, subprocess.CompletedProcess[str]]:
    root = copy_project(tmp_path_factory.mktemp("stale") / "project")
    english_only(root)
    day = dt.date.fromisoformat(TEST_TODAY)
    checked = add_months(day, -13).isoformat()
    data = root / "campaigns" / "help-lines.yml"
    text = data.read_text(encoding="utf-8")
    start = text.index(f"  - id: {STALE_ID}")
    end = text.index("\n  - id:", start + 1)
    block = text[start:end]
    assert '{method: source-re-read, date: "2026-11"}' in block
    text = text[:start] + block.replace('date: "2026-11"', f'date: "{checked}"') + text[end:]
    data.write_text(text, encoding="utf-8")
    result = run_puebla(root, "build", "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stderr
    return root, result.stderr, run_puebla(root, "lines")


def test_ocr_reads_the_line_where_it_is_printed(site: Path) -> None:
    """The absence test below can fail: on the real build, OCR finds the Canadian number."""
    preview = site / "materials" / "trafficking" / "poster-preview.png"
    assert digits(STALE_NUMBER) in digits(ocr(preview))


def test_stale_line_is_absent_from_every_pdf_and_png_and_the_others_stay(stale_build) -> None:
    root, _, _ = stale_build
    site = root / "site"
    pdfs = sorted(site.glob("materials/*/*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = squash(pdftotext(pdf))
        assert STALE_NUMBER not in text, pdf
        for number in FRESH_NUMBERS:
            assert number in text, (pdf, number)
    pngs = material_pngs(site)
    assert pngs
    seen_fresh = False
    for png in pngs:
        read = digits(ocr(png))
        assert digits(STALE_NUMBER) not in read, png
        seen_fresh |= digits(FRESH_NUMBERS[0]) in read
    assert seen_fresh, "OCR reads the lines that stay"


def test_stale_line_stays_on_the_site_with_the_notice(stale_build) -> None:
    root, _, _ = stale_build
    for campaign in ("rights", "trafficking"):
        html = (root / "site" / "campaigns" / campaign / "help" / "index.html").read_text("utf-8")
        block = html.split(f'id="line-{STALE_ID}"', 1)[1].split("<h3", 1)[0]
        assert STALE_NUMBER in block
        assert NOTICE in block.replace("&#x27;", "'")
        other = html.split('id="line-us-national-human-trafficking-hotline"', 1)[1]
        assert NOTICE not in other.split("<h3", 1)[0]


def test_build_names_the_changed_materials_and_make_lines_fails(stale_build) -> None:
    _, build_log, lines = stale_build
    assert f"help line '{STALE_ID}' is left off the 'en' printed and social materials" in build_log
    assert "trafficking: poster, poster-print, flyer, card, social" in build_log
    assert "Sources to re-read:" in build_log and "confidentiality policy" in build_log
    assert lines.returncode != 0
    assert STALE_ID in lines.stdout.splitlines()[-1]
    first = re.search(r"^(\S+)  \[", lines.stdout, re.M)
    assert first and first.group(1) == STALE_ID, "the stale line is listed first"
