"""The pocket card, 85 × 55 mm, two-sided, printed as a sheet of cards with cut marks.

Front: the card title ("Know your rights", "Warning signs") and its points.
Back: the help lines and a QR code with the URL in words. The second page of the sheet
holds the backs, placed so they print behind their fronts on a two-sided printer.
"""

from __future__ import annotations

from ..fit import Overflow, Style
from ..fonts import FontFiles
from ..layout import Page, PageBuilder, impose, mm
from ..pdf import render_pdf
from ..png import thumbnail
from ..spec import PAPERS, MaterialJob
from .common import (
    Typesetter,
    bullets,
    check_contrast,
    draw_help,
    draw_qr_block,
    flow_items,
    help_block,
    qr_block,
)

CARD = (mm(85), mm(55))
COLS, ROWS, GAP = 2, 4, mm(5)
HELP_STYLES = {
    "heading": Style(700, 7, 10, 1.15, 1),
    "country": Style(400, 5.5, 7, 1.15, 1),
    "number": Style(700, 6.5, 9, 1.1, 1),
    "note": Style(400, 5.5, 6, 1.2, 2),
}


def _band(
    b: PageBuilder, ts: Typesetter, field: str, text: str, style: Style, width: float, margin: float
) -> float:
    p = ts.palette
    fitted = ts.m.fit(field, text, style, width - 2 * margin)
    pad = mm(2.8)
    band_h = pad + fitted.height + pad * 0.85
    b.rect(0, 0, width, band_h, p.primary)
    b.text(fitted, margin, pad, p.on_primary, field=field)
    b.rect(0, band_h, width, mm(0.9), p.accent)
    return band_h + mm(0.9)


def front(job: MaterialJob, ts: Typesetter) -> Page:
    w, h = CARD
    p, words = ts.palette, job.words
    margin = mm(4)
    b = PageBuilder(w, h, p.background)
    top = _band(
        b, ts, "card.title", words.card_title, Style(700, 8.5, 12, 1.15, 2), w, margin
    ) + mm(2.2)
    bottom = h - mm(3)
    indent = mm(3)
    items = flow_items(words.card_points, "card.points", Style(400, 6, 9.5, 1.2, 2), 0.4, indent)
    placed = ts.m.fit_flow(items, w - 2 * margin, bottom - top)
    bullets(b, placed, margin, top, indent, p.text, p.primary, [i.field for i in items])
    return b.page


def back(job: MaterialJob, ts: Typesetter) -> Page:
    w, h = CARD
    p, words, m = ts.palette, job.words, ts.m
    margin = mm(4)
    inner = w - 2 * margin
    b = PageBuilder(w, h, p.background)
    qr_size = mm(19)
    qr_top = h - mm(3.5) - qr_size
    heading = words.help_heading if words.help_lines or words.help_fallback else words.scan
    top = _band(
        b, ts, "strings.materials_help_heading", heading, HELP_STYLES["heading"], w, margin
    ) + mm(2)
    helps = help_block(
        m,
        None,
        words.help_lines,
        words.help_note,
        inner,
        3 if len(words.help_lines) == 3 else 2,  # three lines fit one row, labels under them
        HELP_STYLES,
        qr_top - mm(1.5) - top,
        words.help_fallback,
    )
    draw_help(b, helps, margin, top, p.text, p.text)
    qr = qr_block(
        m,
        words.scan,
        words.url,
        qr_size,
        inner,
        Style(700, 6, 8, 1.15, 2),
        Style(400, 5.5, 6.5, 1.25, 4, url=True),
    )
    if qr.text_height > qr_size:
        raise Overflow(
            "strings.materials_scan", "the scan label and the URL are taller than the QR code"
        )
    draw_qr_block(b, qr, words.url, margin, qr_top, p, p.text)
    return b.page


def render(job: MaterialJob, fonts: FontFiles) -> dict[str, bytes]:
    ts = Typesetter.create(fonts, job.palette)
    card_front, card_back = front(job, ts), back(job, ts)
    sheet = PAPERS[job.variant]
    pages = [
        impose(card_front, sheet, COLS, ROWS, GAP),
        impose(card_back, sheet, COLS, ROWS, GAP, mirror=True),
    ]
    check_contrast(pages)
    out = {
        f"card-sheet-{job.variant}.pdf": render_pdf(
            pages, fonts, title=job.words.card_title, lang=job.lang
        )
    }
    if job.variant == "letter":
        out["thumbs/card.png"] = thumbnail(card_front, fonts)
    return out
