"""The images: sizes, the social safe area, colour contrast measured on the pixels, previews."""

from __future__ import annotations

from collections import Counter

from materials_helpers import Rendered, of_kind, published
from PIL import Image

from puebla.model.colors import contrast, rgb
from puebla.model.project import Project

SOCIAL = {
    "social-1080x1080.png": (1080, 1080),
    "social-1080x1350.png": (1080, 1350),
    "social-1080x1920.png": (1080, 1920),
}
UNSAFE = 250


def _hex(color: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*color)


def test_social_images_have_the_right_sizes(rendered: Rendered, project: Project) -> None:
    items = of_kind(rendered, kind="social")
    assert len(items) == len(published(project)) * len(SOCIAL)
    for item in items:
        with Image.open(item.path) as image:
            assert image.size == SOCIAL[item.filename], item.url_path
            assert item.paper == "{} × {} px".format(*image.size)


def test_social_text_stays_out_of_the_top_and_bottom_250_px(
    rendered: Rendered, project: Project
) -> None:
    for item in of_kind(rendered, kind="social"):
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
        assert path.stat().st_size < 1_000_000, url_path
        with Image.open(path) as image:
            assert image.size == (1200, 630), url_path
