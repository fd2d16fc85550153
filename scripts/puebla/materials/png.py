"""Render a layout page to PNG with Pillow: previews, thumbnails and social images.

Pillow draws with the same static font files and (through raqm) the same unhinted glyph
advances as the measurer, so lines keep the widths they were fitted at. The PNG carries no
timestamp or other metadata: same layout, same bytes.
"""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont, features

from ..model.colors import rgb
from .fonts import FontFiles
from .layout import Line, Page, QRCode, Rect, Text

_TOLERANCE = 1.02  # drawn width / fitted width allowed before the render is refused


@cache
def _font(path: str, size: float) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(path, size, layout_engine=engine)


def _fill_box(
    draw: ImageDraw.ImageDraw, x: float, y: float, w: float, h: float, scale: float, color: str
) -> None:
    """Fill the pixels whose centres lie in the box (edges rounded the same way everywhere)."""
    x0, y0 = round(x * scale), round(y * scale)
    x1, y1 = round((x + w) * scale), round((y + h) * scale)
    if x1 > x0 and y1 > y0:
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=rgb(color))


def render_image(page: Page, fonts: FontFiles, scale: float) -> Image.Image:
    """The page as an RGB image, ``scale`` pixels per point."""
    size = (round(page.width * scale), round(page.height * scale))
    image = Image.new("RGB", size, rgb("#ffffff"))
    draw = ImageDraw.Draw(image)
    _fill_box(draw, *page.painted, scale, page.background)
    for item in page.items:
        if isinstance(item, Rect):
            _fill_box(draw, item.x, item.y, item.w, item.h, scale, item.fill)
        elif isinstance(item, Text):
            font = _font(fonts.path(item.weight), item.size * scale)
            drawn = font.getlength(item.text)
            if item.size * scale >= 10 and drawn > item.width * scale * _TOLERANCE + 1:
                raise RuntimeError(
                    f"'{item.text}' draws {drawn:.1f} px wide, fitted for {item.width * scale:.1f} px"
                )
            draw.text(
                (item.x * scale, item.y * scale),
                item.text,
                font=font,
                fill=rgb(item.color),
                anchor="ls",
            )
        elif isinstance(item, Line):
            width = max(1, round(item.width * scale))
            points = [(item.x1 * scale, item.y1 * scale), (item.x2 * scale, item.y2 * scale)]
            draw.line(points, fill=rgb(item.color), width=width)
        elif isinstance(item, QRCode):
            _fill_box(draw, item.x, item.y, item.size, item.size, scale, item.light)
            m = item.module
            for row, col, length in item.runs:
                _fill_box(draw, item.x + col * m, item.y + row * m, length * m, m, scale, item.dark)
    return image


def png_bytes(image: Image.Image, *, palette: bool = False) -> bytes:
    """Encode without metadata; ``palette`` quantises (small thumbnails, exact colours kept)."""
    if palette:
        image = image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    # Level 6, not "optimize": 4× faster on the large images for about 6 % more bytes.
    image.save(buf, format="PNG", compress_level=9 if palette else 6)
    return buf.getvalue()


def render_png(page: Page, fonts: FontFiles, scale: float = 1.0, *, palette: bool = False) -> bytes:
    return png_bytes(render_image(page, fonts, scale), palette=palette)


def thumbnail(page: Page, fonts: FontFiles, width: int = 240) -> bytes:
    """A small preview drawn from the layout at thumbnail scale (not a downscaled render)."""
    return render_png(page, fonts, width / page.width, palette=True)
