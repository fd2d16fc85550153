"""PDF pages to PNG with pdfium (pypdfium2) and Pillow: the PNGs are the PDFs' own pixels.

PNGs are written without metadata and with fixed compression, so the same PDF always gives
the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image


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


def palette_png(image: Image.Image, colors: int = 64) -> bytes:
    """A flat design (a link preview) as a palette PNG: a quarter of the RGB file's size
    (11 KB instead of 38 KB: it is fetched on the phone of everyone a link is sent to) and
    faster to encode. Flat areas keep their exact colours; text edges keep 64 levels."""
    quantized = image.quantize(
        colors=colors, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    buf = io.BytesIO()
    quantized.save(buf, format="PNG", compress_level=6)
    return buf.getvalue()


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
