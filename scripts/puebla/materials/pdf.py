"""Render layout pages to a vector PDF with fpdf2: real text in an embedded, subset font.

Byte-identical output for identical input: a fixed creation date (the day of the Puebla
conference), and fpdf2's file ID is a hash of the document itself, not a random value.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF

from ..model.colors import rgb
from .fonts import FontFiles
from .layout import Box, Line, Page, QRCode, Rect, Text

FIXED_DATE = datetime(1996, 3, 14, tzinfo=UTC)
_FAMILY = "NotoSans"


def _pdf_box(box: Box, page_height: float) -> str:
    """A top-left (x, y, w, h) box as a PDF rectangle (origin bottom-left)."""
    x, y, w, h = box
    return f"[{x:.2f} {page_height - y - h:.2f} {x + w:.2f} {page_height - y:.2f}]"


def _fill(pdf: FPDF, color: str) -> None:
    pdf.set_fill_color(*rgb(color))


def _draw_qr(pdf: FPDF, code: QRCode) -> None:
    _fill(pdf, code.light)
    pdf.rect(code.x, code.y, code.size, code.size, style="F")
    _fill(pdf, code.dark)
    m = code.module
    for row, col, length in code.runs:
        pdf.rect(code.x + col * m, code.y + row * m, length * m, m, style="F")


def _draw(pdf: FPDF, page: Page) -> None:
    x, y, w, h = page.painted
    _fill(pdf, page.background)
    pdf.rect(x, y, w, h, style="F")
    for item in page.items:
        if isinstance(item, Rect):
            _fill(pdf, item.fill)
            pdf.rect(item.x, item.y, item.w, item.h, style="F")
        elif isinstance(item, Text):
            pdf.set_font(_FAMILY, "B" if item.weight >= 600 else "", item.size)
            pdf.set_text_color(*rgb(item.color))
            pdf.text(item.x, item.y, item.text)
        elif isinstance(item, Line):
            pdf.set_draw_color(*rgb(item.color))
            pdf.set_line_width(item.width)
            pdf.line(item.x1, item.y1, item.x2, item.y2)
        elif isinstance(item, QRCode):
            _draw_qr(pdf, item)


def render_pdf(pages: list[Page], fonts: FontFiles, *, title: str, lang: str) -> bytes:
    """One PDF page per layout page; print pages get their TrimBox and BleedBox."""
    pdf = FPDF(unit="pt", format=(pages[0].width, pages[0].height))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.add_font(_FAMILY, "", fonts.regular)
    pdf.add_font(_FAMILY, "B", fonts.bold)
    for page in pages:
        pdf.add_page(format=(page.width, page.height))
        _draw(pdf, page)
        pdf_page = pdf.pages[pdf.page]
        # fpdf2 2.8 has no API for these boxes; a page object serialises its attributes
        # as PDF keys (trim_box → /TrimBox), which is how its own /MediaBox is written.
        if page.trim is not None:
            pdf_page.trim_box = _pdf_box(page.trim, page.height)
        if page.bleed is not None:
            pdf_page.bleed_box = _pdf_box(page.bleed, page.height)
    return bytes(pdf.output())
