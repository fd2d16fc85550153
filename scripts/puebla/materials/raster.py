"""PDF pages to PNG with pdfium (pypdfium2) and Pillow: the PNGs are the PDFs' own pixels.

PNGs are written without metadata and with fixed compression, so the same PDF always gives
the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image

from ..model.colors import rgb
from .spec import Palette


def rasterise(
    pdf: bytes,
    width_px: int,
    height_px: int | None = None,
    page: int = 0,
    area: tuple[float, float, float, float] | None = None,
) -> Image.Image:
    """Page ``page`` of ``pdf`` as an RGB image ``width_px`` wide (no anti-aliasing seams).

    ``area`` = (left, top, width, height) in PDF points from the page's top-left corner:
    only that part of the page (one card of a sheet: no second render for its thumbnail).
    """
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pdf_page = document[page]
        width_pt = pdf_page.get_width()
        crop = (0.0, 0.0, 0.0, 0.0)
        if area is not None:
            left, top, w, h = area
            crop = (left, pdf_page.get_height() - top - h, width_pt - left - w, top)
            width_pt = w
        bitmap = pdf_page.render(scale=width_px / width_pt, crop=crop, may_draw_forms=False)
        image = bitmap.to_pil().convert("RGB")
        pdf_page.close()
    finally:
        document.close()
    height = height_px or round(image.height * width_px / image.width)
    if image.size != (width_px, height):  # rounding of the scale: keep the exact pixel size
        image = image.resize((width_px, height), Image.LANCZOS)
    return image


def png_bytes(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=7)
    return buf.getvalue()


def palette_png(image: Image.Image, exact: Sequence[str] = (), colors: int = 64) -> bytes:
    """A flat design as a palette PNG (a link preview: 11 KB instead of 38 KB as RGB; it is
    fetched on the phone of everyone a link is sent to), faster to encode than RGB.

    The quantizer averages each colour with the text edges next to it, moving a flat area
    by a level or two: palette entries within ``_SNAP`` levels of a design colour
    (``exact``, hex) are set back to it, so flat areas keep their exact colours. Text
    edges move by at most 14 levels of 255.
    """
    quantized = image.quantize(
        colors=colors, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    if exact:
        targets = [rgb(h) for h in exact]
        palette = quantized.getpalette() or []
        for i in range(0, len(palette) - 2, 3):
            entry = palette[i : i + 3]
            for target in targets:
                if max(abs(a - b) for a, b in zip(entry, target, strict=True)) <= _SNAP:
                    palette[i : i + 3] = list(target)
                    break
        quantized.putpalette(palette)
    buf = io.BytesIO()
    quantized.save(buf, format="PNG", compress_level=6)
    return buf.getvalue()


_SNAP = 4


def flat_png(image: Image.Image, exact: Sequence[str]) -> bytes:
    """A social image or poster preview: a palette PNG (``palette_png``) when the design is
    flat (a few hundred colours: the palette and the text's edges), else full colour (a
    partner's photographic logo).

    Flat designs come out at a third of the RGB file (49–72 KB instead of 160–230 KB: NGOs
    download them on costly connections and post them where they are fetched again), and
    encode twice as fast.
    """
    if image.getcolors(maxcolors=_FLAT_COLOURS) is None:
        return png_bytes(image)
    return palette_png(image, exact, 256)


_FLAT_COLOURS = 2048  # more distinct colours than this: not a flat design, keep them all


def design_colours(palette: Palette) -> tuple[str, ...]:
    """The flat colours of a design on screen: its palette, and the white and black of
    text, paper and QR codes."""
    return (
        palette.primary,
        palette.on_primary,
        palette.accent,
        palette.text,
        palette.background,
        "#ffffff",
        "#000000",
    )


def thumbnail_png(image: Image.Image, width: int = 180) -> bytes:
    """A download-page thumbnail: 1.5 times its 120 px display width, in 32 exact colours.

    The materials page loads several of these on first view (Chromium fetches lazy images
    near the window), so they count against the 60 KB page budget: full-colour 400 px
    thumbnails weighed 80–100 KB each, and at twice the display width the text-heavier
    designs (the rights poster quoting the Declaration) put the page at 61–66 KB.
    """
    height = round(image.height * width / image.width)
    small = image.resize((width, height), Image.LANCZOS)
    quantized = small.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    quantized.save(buf, format="PNG", compress_level=9)
    return buf.getvalue()
