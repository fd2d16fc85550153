"""PDF pages to PNG with pdfium (pypdfium2) and Pillow: the PNGs are the PDFs' own pixels.

PNGs are written without metadata and with fixed compression, so the same PDF always gives
the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image


def rasterise(
    pdf: bytes, width_px: int, height_px: int | None = None, page: int = 0
) -> Image.Image:
    """Page ``page`` of ``pdf`` as an RGB image ``width_px`` wide (no anti-aliasing seams)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pdf_page = document[page]
        width_pt = pdf_page.get_width()
        bitmap = pdf_page.render(scale=width_px / width_pt, may_draw_forms=False)
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


def thumbnail_png(image: Image.Image, width: int = 400) -> bytes:
    height = round(image.height * width / image.width)
    return png_bytes(image.resize((width, height), Image.LANCZOS))
