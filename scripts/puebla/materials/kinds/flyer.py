"""The two-sided flyer (half letter, A5).

Front: the title band, the three messages, the call to action and the QR code.
Back: the pocket-card points under their title, and the help lines.
"""

from __future__ import annotations

from ..fit import FlowItem, Style
from ..fonts import FontFiles
from ..layout import Page, PageBuilder, mm
from ..pdf import render_pdf
from ..png import thumbnail
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

HELP_STYLES = {
    "heading": Style(700, 10, 13, 1.2, 2),
    "country": Style(400, 8, 10.5, 1.2, 2),
    "number": Style(700, 10, 14, 1.1, 1),
    "note": Style(400, 7.5, 9, 1.3, 3),
}


def front(job: MaterialJob, ts: Typesetter) -> Page:
    w, h = PAPERS[job.variant]
    p, words, m = ts.palette, job.words, ts.m
    margin = mm(11)
    inner = w - 2 * margin
    b = PageBuilder(w, h, p.background)
    band_h = h * 0.40
    b.rect(0, 0, w, band_h, p.primary)
    label, headline = band_title(
        m,
        words.commitment,
        words.headline,
        inner,
        Style(400, 8, 10.5, 1.25, 2),
        Style(700, 20, 40, 1.12, 5, balance=True),
        band_h - margin - margin * 0.8,
        mm(4),
    )
    b.text(label, margin, margin, p.on_primary, field="commitment")
    b.text(
        headline, margin, band_h - margin * 0.8 - headline.height, p.on_primary, field="headline"
    )
    b.rect(0, band_h, w, mm(2), p.accent)

    qr_size = mm(26)
    qr = qr_block(
        m,
        words.scan,
        words.url,
        qr_size,
        inner,
        Style(700, 9, 12, 1.2, 2),
        Style(400, 7, 9, 1.3, 4, url=True),
    )
    qr_top = h - margin - qr_size
    body_top, body_bottom = band_h + mm(2) + mm(7), qr_top - mm(7)
    indent = mm(6)
    items = [
        *flow_items(words.messages, "messages", Style(400, 10, 16, 1.3, 5), 0.8, indent),
        FlowItem("call_to_action", words.call_to_action, Style(700, 10.5, 17, 1.2, 3), 1.1),
    ]
    placed = m.fit_flow(items, inner, body_bottom - body_top)
    used = sum(f.height + s for f, s in placed)
    y = body_top + (body_bottom - body_top - used) / 2
    y = bullets(b, placed[:3], margin, y, indent, p.text, p.accent, [i.field for i in items[:3]])
    cta, space = placed[3]
    b.text(cta, margin, y + space, p.primary, field="call_to_action")
    draw_qr_block(b, qr, words.url, margin, qr_top, p, p.text)
    return b.page


def back(job: MaterialJob, ts: Typesetter) -> Page:
    w, h = PAPERS[job.variant]
    p, words, m = ts.palette, job.words, ts.m
    margin = mm(11)
    inner = w - 2 * margin
    b = PageBuilder(w, h, p.background)
    title = m.fit("card.title", words.card_title, Style(700, 14, 24, 1.15, 2), inner)
    band_h = margin + title.height + margin * 0.8
    b.rect(0, 0, w, band_h, p.primary)
    b.text(title, margin, margin, p.on_primary, field="card.title")
    b.rect(0, band_h, w, mm(2), p.accent)

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
    body_bottom = h - margin
    if helps.height:
        help_top = h - margin - helps.height
        b.rect(margin, help_top - mm(5), inner, 1.0, p.accent)
        draw_help(b, helps, margin, help_top, p.text, p.text)
        body_bottom = help_top - mm(10)
    body_top = band_h + mm(2) + mm(7)
    indent = mm(6)
    items = flow_items(words.card_points, "card.points", Style(400, 10, 15, 1.3, 3), 0.8, indent)
    placed = m.fit_flow(items, inner, body_bottom - body_top)
    bullets(b, placed, margin, body_top, indent, p.text, p.accent, [i.field for i in items])
    return b.page


def render(job: MaterialJob, fonts: FontFiles) -> dict[str, bytes]:
    ts = Typesetter.create(fonts, job.palette)
    pages = [front(job, ts), back(job, ts)]
    check_contrast(pages)
    out = {
        f"flyer-{job.variant}.pdf": render_pdf(pages, fonts, title=job.words.title, lang=job.lang)
    }
    if job.variant == "half-letter":
        out["thumbs/flyer.png"] = thumbnail(pages[0], fonts)
    return out
