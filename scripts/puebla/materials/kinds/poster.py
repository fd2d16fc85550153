"""The poster: a title band in the campaign colour, three messages, the call to action,
help lines and a QR code. One layout per paper size feeds the plain PDF, the print-shop
PDF (same layout with bleed and crop marks) and, for US Letter, the PNG preview."""

from __future__ import annotations

from ..fit import FlowItem, Style
from ..fonts import FontFiles
from ..layout import Page, PageBuilder, mm, print_version
from ..pdf import render_pdf
from ..png import render_png, thumbnail
from ..spec import PAPERS, MaterialJob
from .common import (
    Typesetter,
    band_title,
    bullets,
    check_contrast,
    draw_help,
    draw_qr_block,
    flow_items,
    help_block,
    qr_block,
)

PREVIEW_WIDTH = 1000  # px of poster-preview.png
HELP_STYLES = {
    "heading": Style(700, 11, 15, 1.2, 2),
    "country": Style(400, 9, 12, 1.2, 2),
    "number": Style(700, 11, 17, 1.1, 1),
    "note": Style(400, 8, 10, 1.3, 3),
}


def layout(job: MaterialJob, ts: Typesetter) -> Page:
    w, h = PAPERS[job.variant]
    p, words, m = ts.palette, job.words, ts.m
    margin = mm(16)
    inner = w - 2 * margin
    b = PageBuilder(w, h, p.background)

    band_h = h * 0.36
    b.rect(0, 0, w, band_h, p.primary)
    label, headline = band_title(
        m,
        words.commitment,
        words.headline,
        inner,
        Style(400, 10, 14, 1.25, 2),
        Style(700, 30, 66, 1.12, 5, balance=True),
        band_h - margin - margin * 0.8,
        mm(6),
    )
    b.text(label, margin, margin, p.on_primary, field="commitment")
    b.text(
        headline, margin, band_h - margin * 0.8 - headline.height, p.on_primary, field="headline"
    )
    b.rect(0, band_h, w, mm(2.5), p.accent)

    qr_size = mm(34)
    qr = qr_block(
        m,
        words.scan,
        words.url,
        qr_size,
        inner,
        Style(700, 11, 16, 1.2, 2),
        Style(400, 8, 11, 1.3, 4, url=True),
    )
    qr_top = h - margin - qr_size
    helps = help_block(
        m,
        words.help_heading,
        words.help_lines,
        words.help_note,
        inner,
        3 if len(words.help_lines) == 3 else 2,  # three lines fit one row, labels under them
        HELP_STYLES,
        h * 0.3,
        words.help_fallback,
    )
    body_bottom = qr_top - mm(8)
    if helps.height:
        help_top = qr_top - mm(8) - helps.height
        b.rect(margin, help_top - mm(6), inner, 1.2, p.accent)
        draw_help(b, helps, margin, help_top, p.text, p.text)
        body_bottom = help_top - mm(12)

    body_top = band_h + mm(2.5) + mm(10)
    indent = mm(8)
    items = [
        *flow_items(words.messages, "messages", Style(400, 13, 24, 1.3, 4), 0.8, indent),
        FlowItem("call_to_action", words.call_to_action, Style(700, 14, 26, 1.2, 3), 1.1),
    ]
    placed = m.fit_flow(items, inner, body_bottom - body_top)
    used = sum(f.height + s for f, s in placed)
    y = body_top + (body_bottom - body_top - used) / 2
    y = bullets(b, placed[:3], margin, y, indent, p.text, p.accent, [i.field for i in items[:3]])
    cta, space = placed[3]
    b.text(cta, margin, y + space, p.primary, field="call_to_action")

    draw_qr_block(b, qr, words.url, margin, qr_top, p, p.text)
    return b.page


def render(job: MaterialJob, fonts: FontFiles) -> dict[str, bytes]:
    page = layout(job, Typesetter.create(fonts, job.palette))
    out: dict[str, bytes] = {}
    title = job.words.title
    if "poster" in job.kinds:
        check_contrast([page])
        out[f"poster-{job.variant}.pdf"] = render_pdf([page], fonts, title=title, lang=job.lang)
    if "poster-print" in job.kinds:
        printed = print_version(page)
        check_contrast([printed])
        out[f"poster-{job.variant}-print.pdf"] = render_pdf(
            [printed], fonts, title=title, lang=job.lang
        )
    if job.variant == "letter":
        out["poster-preview.png"] = render_png(page, fonts, PREVIEW_WIDTH / page.width)
        out["thumbs/poster.png"] = thumbnail(page, fonts)
    return out
