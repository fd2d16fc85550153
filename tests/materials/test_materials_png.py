"""The images: sizes, the social safe area, colour contrast measured on the pixels, previews."""

from __future__ import annotations

import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from materials_helpers import Rendered, of_kind, translated
from PIL import Image

from puebla.model.colors import contrast, rgb
from puebla.model.helplines import select_printable
from puebla.model.project import Project

SOCIAL = {
    "social-1080x1080.png": (1080, 1080),
    "social-1080x1350.png": (1080, 1350),
    "social-1080x1440.png": (1080, 1440),
    "social-1080x1920.png": (1080, 1920),
}
UNSAFE = 250  # stories: apps cover the top and bottom 250 px
SIDE = (1080 - 1012) // 2  # 4:5 posts lose thin strips at the sides in the 3:4 profile grid
FEED_THUMB = 360  # px: one third of a phone screen's width, a post in the profile grid


def _hex(color: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def test_social_images_have_the_right_sizes(rendered: Rendered, project: Project) -> None:
    items = of_kind(rendered, kind="social")
    assert len(items) == len(translated(project)) * len(SOCIAL)
    for item in items:
        with Image.open(item.path) as image:
            assert image.size == SOCIAL[item.filename], item.url_path
            assert item.paper == "{} × {} px".format(*image.size)


def test_social_images_and_poster_previews_are_light(rendered: Rendered) -> None:
    """NGOs download them on costly connections and post them where they are fetched
    again: a flat design is a palette PNG (160–230 KB as RGB) whose colours are the
    design's own."""
    items = [*of_kind(rendered, kind="social"), *of_kind(rendered, suffix="poster-preview.png")]
    assert items
    for item in items:
        assert item.path.stat().st_size < 100_000, (item.url_path, item.path.stat().st_size)
        with Image.open(item.path) as image:
            assert image.mode == "P", (item.url_path, image.mode)
            colours = image.convert("RGB").getcolors(maxcolors=256)
        assert colours is not None and len(colours) > 16, item.url_path  # text keeps its edges


def test_social_text_stays_out_of_the_top_and_bottom_250_px(
    rendered: Rendered, project: Project
) -> None:
    for item in of_kind(rendered, suffix="social-1080x1920.png"):
        background = rgb(project.campaigns[item.campaign].colors["primary"])
        with Image.open(item.path) as image:
            rgb_image = image.convert("RGB")
            width, height = rgb_image.size
            for box in ((0, 0, width, UNSAFE), (0, height - UNSAFE, width, height)):
                colors = rgb_image.crop(box).getcolors(maxcolors=4)
                assert colors is not None and [c for _, c in colors] == [background], (
                    item.url_path,
                    box,
                    colors,
                )
            middle = rgb_image.crop((0, UNSAFE, width, height - UNSAFE)).getcolors(
                maxcolors=100_000
            )
            assert middle is not None and len(middle) > 2, (
                f"{item.url_path}: no text in the safe area"
            )


def test_text_colours_on_the_pixels_have_aa_contrast(rendered: Rendered) -> None:
    """The two dominant colours of an image are its background and its text colour."""
    for item in of_kind(rendered, suffix=".png"):
        with Image.open(item.path) as image:
            counts = Counter(
                dict((c, n) for n, c in image.convert("RGB").getcolors(maxcolors=1_000_000))
            )
        (first, _), (second, _) = counts.most_common(2)
        ratio = contrast(_hex(first), _hex(second))
        assert ratio >= 4.5, f"{item.url_path}: {_hex(first)} / {_hex(second)} = {ratio:.2f}:1"


def test_poster_preview_and_thumbnails(rendered: Rendered) -> None:
    for item in of_kind(rendered, suffix="poster-preview.png"):
        with Image.open(item.path) as image:
            width, height = image.size
        assert width == 1000 and abs(height / width - 792 / 612) < 0.01, item.url_path
    for item in rendered.files:
        if item.kind == "kit":
            assert item.thumbnail is None
            continue
        assert item.thumbnail, item.url_path
        with Image.open(rendered.out / item.thumbnail) as image:
            assert image.width <= 400, item.thumbnail
        assert item.alt.strip(), item.url_path


def test_link_previews_for_every_page(rendered: Rendered, project: Project) -> None:
    expected = {f"{lang}/{rel}" for lang, pages in project.docs.pages.items() for rel in pages}
    for cid, campaign in project.campaigns.items():
        for lang in project.languages:
            expected |= {f"{lang}/campaigns/{cid}/{slug}.md" for slug in campaign.pages}
    assert set(rendered.previews) == expected
    for src, url_path in rendered.previews.items():
        lang, rel = src.split("/", 1)
        assert url_path == f"assets/previews/{lang}/{rel[:-3]}.png"
        path = rendered.out / url_path
        # Every phone a link is sent to fetches its preview: a flat design in a palette
        # PNG is ~11 KB (38 KB as RGB).
        assert path.stat().st_size < 25_000, (url_path, path.stat().st_size)
        with Image.open(path) as image:
            assert image.size == (1200, 630), url_path


def test_social_text_stays_inside_the_central_1012_px(rendered: Rendered, project: Project) -> None:
    for item in of_kind(rendered, kind="social"):
        background = rgb(project.campaigns[item.campaign].colors["primary"])
        with Image.open(item.path) as image:
            rgb_image = image.convert("RGB")
            for box in ((0, 0, SIDE, image.height), (1080 - SIDE, 0, 1080, image.height)):
                colors = rgb_image.crop(box).getcolors(maxcolors=4)
                assert colors is not None and [c for _, c in colors] == [background], (
                    item.url_path,
                    box,
                )


def _ocr_words(path: Path, width: int | None = None) -> list[tuple[str, int]]:
    """(word, pixel height) of what tesseract reads; ``width`` scales the image down first."""
    with Image.open(path) as opened:
        image = opened.convert("RGB")  # as a feed decodes it (a palette PNG would scale nearest)
        if width:  # what the feed shows, enlarged again so the OCR engine sees those pixels
            small = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
            image = small.resize((small.width * 3, small.height * 3), Image.BICUBIC)
        with tempfile.NamedTemporaryFile(suffix=".png") as tmp:
            image.convert("L").save(tmp.name)
            out = subprocess.run(
                ["tesseract", tmp.name, "-", "--psm", "11", "tsv"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
    words = []
    for row in out.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and cols[11].strip():
            words.append((cols[11].strip(), int(cols[9])))
    return words


def test_social_images_carry_big_help_numbers(rendered: Rendered, project: Project) -> None:
    """Every printable line's number, measured on the pixels: digits at least 36 px tall
    at full size, and still read by OCR on a feed thumbnail a third of the screen wide."""
    for item in of_kind(rendered, kind="social"):
        selection = select_printable(
            project.help, project.locales[item.lang], project.today, min_confidence="high"
        )
        numbers = [line.channels[0].value for line in selection.lines]
        assert numbers
        full = _ocr_words(item.path)
        # the longest group of digits of each number (OCR splits "800 5533 000" into words)
        for number in numbers:
            part = max(number.replace("-", " ").split(), key=len)
            heights = [h for w, h in full if part in w.replace("-", "")]
            assert heights, f"{item.url_path}: {number} not found"
            assert max(heights) >= 36, (item.url_path, number, heights)
        thumb = " ".join(w for w, _ in _ocr_words(item.path, FEED_THUMB))
        for number in numbers:
            part = max(number.replace("-", " ").split(), key=len)
            assert part in thumb.replace("-", ""), f"{item.url_path}: {number} unreadable small"
