"""The printed materials as files: page sizes and boxes, fonts, text, QR codes, margins."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from materials_helpers import Rendered, campaign_url, of_kind, pdftotext, published, squash
from pypdf import PdfReader

from puebla.model.project import Project

MM = 72 / 25.4
LETTER, A4 = (612.0, 792.0), (210 * MM, 297 * MM)
HALF_LETTER, A5 = (396.0, 612.0), (148 * MM, 210 * MM)
# file name → (trim size in pt, number of pages)
EXPECTED = {
    "poster-letter.pdf": (LETTER, 1),
    "poster-a4.pdf": (A4, 1),
    "poster-letter-print.pdf": (LETTER, 1),
    "poster-a4-print.pdf": (A4, 1),
    "flyer-half-letter.pdf": (HALF_LETTER, 2),
    "flyer-a5.pdf": (A5, 2),
    "card-sheet-letter.pdf": (LETTER, 2),
    "card-sheet-a4.pdf": (A4, 2),
}
BLEED = 3 * MM


def _size(box) -> tuple[float, float]:
    return float(box.width), float(box.height)


def _close(a: tuple[float, float], b: tuple[float, float], tol: float = 0.02) -> bool:
    return abs(a[0] - b[0]) <= tol and abs(a[1] - b[1]) <= tol


def test_every_campaign_and_language_has_every_pdf(rendered: Rendered, project: Project) -> None:
    found = {(f.lang, f.campaign, f.filename) for f in of_kind(rendered, suffix=".pdf")}
    expected = {(lang, cid, name) for lang, cid in published(project) for name in EXPECTED}
    assert found == expected


def test_page_sizes_and_page_counts(rendered: Rendered) -> None:
    for item in of_kind(rendered, suffix=".pdf"):
        trim, count = EXPECTED[item.filename]
        reader = PdfReader(item.path)
        assert len(reader.pages) == count, item.url_path
        for page in reader.pages:
            if item.kind == "poster-print":
                continue  # checked below: the media box is larger than the trim
            assert _close(_size(page.mediabox), trim), (item.url_path, page.mediabox)
            assert "/TrimBox" not in page and "/BleedBox" not in page


def test_print_files_have_trim_and_bleed_boxes(rendered: Rendered) -> None:
    for item in of_kind(rendered, kind="poster-print"):
        trim_size, _ = EXPECTED[item.filename]
        page = PdfReader(item.path).pages[0]
        assert "/TrimBox" in page and "/BleedBox" in page, item.url_path
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert _close(_size(trim), trim_size), (item.url_path, trim)
        # 3 mm of bleed on every side of the trim
        for side in ("left", "bottom"):
            assert float(getattr(trim, side)) - float(getattr(bleed, side)) == pytest.approx(
                BLEED, abs=0.02
            )
        for side in ("right", "top"):
            assert float(getattr(bleed, side)) - float(getattr(trim, side)) == pytest.approx(
                BLEED, abs=0.02
            )
        # the crop marks need room outside the bleed
        assert float(media.left) < float(bleed.left) - 5 * MM
        assert float(media.right) > float(bleed.right) + 5 * MM


def test_fonts_are_embedded_subsets(rendered: Rendered) -> None:
    for item in of_kind(rendered, suffix=".pdf"):
        out = subprocess.run(
            ["pdffonts", str(item.path)], check=True, capture_output=True, text=True
        ).stdout
        rows = out.splitlines()[2:]
        assert rows, f"{item.url_path} has no fonts, so no real text"
        for row in rows:
            emb, sub = row.split()[-5:-3]
            assert (emb, sub) == ("yes", "yes"), f"{item.url_path}: {row}"
            assert "Type 3" not in row


def test_no_raster_images_in_print_files(rendered: Rendered) -> None:
    """Everything is vector (the QR code included), so nothing falls below 300 ppi."""
    for item in of_kind(rendered, suffix=".pdf"):
        for page in PdfReader(item.path).pages:
            xobjects = page["/Resources"].get("/XObject", {})
            images = [k for k, v in xobjects.items() if v.get_object().get("/Subtype") == "/Image"]
            assert not images, f"{item.url_path} has raster images {images}"


@pytest.mark.parametrize("name", ["poster-letter.pdf", "poster-a4-print.pdf", "flyer-a5.pdf"])
def test_text_is_extractable_in_reading_order(
    rendered: Rendered, project: Project, name: str
) -> None:
    for item in of_kind(rendered, suffix=name):
        words = project.campaigns[item.campaign].texts[item.lang]
        text = squash(pdftotext(item.path))
        order = [words.headline, *words.messages, words.call_to_action]
        positions = [text.find(squash(part)) for part in order]
        assert -1 not in positions, (item.url_path, order, text)
        assert positions == sorted(positions), f"{item.url_path}: not in reading order"


def _words(pdf: Path) -> list[tuple[float, float, float, str]]:
    """(xMin, xMax, yMin, word) of every word in the PDF, from pdftotext's bounding boxes."""
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>',
        pdftotext(pdf, "-bbox"),
    )
    return [(float(x0), float(x1), float(y), html.unescape(w)) for x0, y, x1, w in found]


def _printed_together(pdf: Path, country: str, number: str) -> bool:
    """The number follows its country on the same line, or sits under it in its column."""
    words = _words(pdf)
    first, last = country.split()[0], country.split()[-1]
    for x0, _, y, word in words:
        if word != first:
            continue
        ends = [e for s, e, yy, w in words if w == last and abs(yy - y) < 1 and s >= x0]
        end = min(ends, default=None)
        for nx, _, ny, other in words:
            if other != number or end is None:
                continue
            same_line = abs(ny - y) < 3 and 0 < nx - end < 20
            below = abs(nx - x0) < 1 and 0 < ny - y < 40
            if same_line or below:
                return True
    return False


def test_help_lines_are_the_high_confidence_ones(rendered: Rendered, project: Project) -> None:
    high = [line for line in project.help.lines if line.confidence == "high"]
    other = [line for line in project.help.lines if line.confidence != "high"]
    assert high
    for item in of_kind(rendered, suffix="poster-letter.pdf"):
        text = squash(pdftotext(item.path))
        for line in high:
            number = next(c.value for c in line.contacts if c.kind == "call")
            country = (
                project.help.countries[line.country].get(item.lang)
                or project.help.countries[line.country]["en"]
            )
            assert _printed_together(item.path, country, number), (item.url_path, country)
        for line in other:
            for contact in line.contacts:
                assert contact.value not in text, f"{item.url_path} shows a {line.confidence} line"


def test_every_printed_line_says_who_runs_it(rendered: Rendered, project: Project) -> None:
    """Posters, flyers and cards print each line with the kind of body that runs it."""
    printed = [line for line in project.help.lines if line.confidence == "high"]
    items = [
        f for f in rendered.files if f.format == "PDF" and f.kind in ("poster", "flyer", "card")
    ]
    assert items
    for item in items:
        text = squash(pdftotext(item.path))
        locale = project.locales[item.lang]
        for line in printed:
            number = next(c.value for c in line.contacts if c.kind == "call")
            assert number in text, (item.url_path, number)
            kind = locale.t("helpline_kind_short_" + line.operator_kind.replace("-", "_"))
            assert squash(kind) in text, (item.url_path, line.id, kind)


def test_card_sheets_carry_the_card_words(rendered: Rendered, project: Project) -> None:
    for item in of_kind(rendered, kind="card"):
        words = project.campaigns[item.campaign].texts[item.lang]
        front = squash(pdftotext(item.path, "-f", "1", "-l", "1"))
        assert front.count(squash(words.card_title)) == 8, item.url_path  # eight cards a sheet
        for point in words.card_points:
            assert squash(point) in front, (item.url_path, point)


def test_url_is_printed_in_words(rendered: Rendered) -> None:
    for item in of_kind(rendered, suffix=".pdf"):
        text = re.sub(r"\s+", "", pdftotext(item.path))
        assert campaign_url(item.lang, item.campaign) in text, item.url_path


def _decode(pdf: Path, page: int, tmp: Path) -> list[str]:
    prefix = tmp / f"{pdf.stem}-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "300",
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    image = next(tmp.glob(f"{prefix.name}*.png"))
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True
    )
    image.unlink()
    return out.stdout.split()


@pytest.mark.parametrize(
    ("name", "page"),
    [("poster-a4-print.pdf", 1), ("flyer-a5.pdf", 1), ("card-sheet-letter.pdf", 2)],
)
def test_qr_codes_decode_to_the_campaign_page(
    rendered: Rendered, tmp_path: Path, name: str, page: int
) -> None:
    for item in of_kind(rendered, suffix=name):
        codes = _decode(item.path, page, tmp_path)
        expected = campaign_url(item.lang, item.campaign)
        assert codes, f"no QR code read in {item.url_path}"
        assert set(codes) == {expected}, item.url_path
        if item.kind == "card":
            assert len(codes) == 8, "one code on every card of the sheet"


def _words_boxes(pdf: Path) -> list[tuple[int, float, float, float, float]]:
    """(page, xMin, yMin, xMax, yMax) of every word, from pdftotext -bbox."""
    html = pdftotext(pdf, "-bbox")
    boxes = []
    for page_no, page in enumerate(html.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page
        ):
            boxes.append((page_no, *map(float, m.groups())))
    return boxes


def test_text_stays_inside_a_safe_margin(rendered: Rendered) -> None:
    """Print shops want text at least 5 mm inside the trim; nothing is clipped at an edge."""
    for item in of_kind(rendered, suffix=".pdf"):
        if item.kind == "card":
            continue  # checked per card below
        reader = PdfReader(item.path)
        for page_no, x0, y0, x1, y1 in _words_boxes(item.path):
            page = reader.pages[page_no - 1]
            trim = page.trimbox
            height = float(page.mediabox.height)
            left, right = float(trim.left), float(trim.right)
            top, bottom = height - float(trim.top), height - float(trim.bottom)  # to top-down
            margin = 5 * MM
            assert x0 >= left + margin and x1 <= right - margin, (item.url_path, x0, x1)
            assert y0 >= top + margin and y1 <= bottom - margin, (item.url_path, y0, y1)


def test_card_text_stays_on_its_card(rendered: Rendered) -> None:
    card_w, card_h, gap = 85 * MM, 55 * MM, 5 * MM
    for item in of_kind(rendered, kind="card"):
        page_w, page_h = EXPECTED[item.filename][0]
        x0 = (page_w - (2 * card_w + gap)) / 2
        y0 = (page_h - (4 * card_h + 3 * gap)) / 2
        cards = [
            (x0 + c * (card_w + gap), y0 + r * (card_h + gap)) for r in range(4) for c in range(2)
        ]
        for _, wx0, wy0, wx1, wy1 in _words_boxes(item.path):
            inside = [
                (cx, cy)
                for cx, cy in cards
                if wx0 >= cx + 2 * MM
                and wx1 <= cx + card_w - 2 * MM
                and wy0 >= cy + 1.5 * MM
                and wy1 <= cy + card_h - 1.5 * MM
            ]
            assert inside, f"{item.url_path}: a word at {wx0:.0f},{wy0:.0f} is off its card"
