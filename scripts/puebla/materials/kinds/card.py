"""The pocket card, 85 × 55 mm, two-sided: a home-print sheet of 2 × 4 cards with cut marks
(backs mirrored so they print behind their fronts on a two-sided printer), and a print-shop
file of one card (PDF/X-4, 3 mm bleed, crop marks; front and back)."""

from __future__ import annotations

from ..design import Format
from ..fonts import FontFiles
from ..impose import repeat_items
from ..raster import rasterise, thumbnail_png
from ..spec import MaterialJob, mm
from .common import render_design

SHEETS = {"letter": ("8.5in", "11in", 215.9, 279.4), "a4": ("210mm", "297mm", 210.0, 297.0)}
CARD_W, CARD_H, COLS, ROWS, GAP = 85.0, 55.0, 2, 4, 6.0
CSS = ("card.css",)


def _grid(sheet_w: float, sheet_h: float) -> tuple[list, list, list]:
    x0 = (sheet_w - COLS * CARD_W - (COLS - 1) * GAP) / 2
    y0 = (sheet_h - ROWS * CARD_H - (ROWS - 1) * GAP) / 2
    xs = [round(x0 + c * (CARD_W + GAP), 2) for c in range(COLS)]
    ys = [round(y0 + r * (CARD_H + GAP), 2) for r in range(ROWS)]
    fronts = [(x, y) for y in ys for x in xs]
    backs = [(x, y) for y in ys for x in reversed(xs)]  # mirrored: behind their fronts
    marks = []
    for x in xs:  # short marks outside the cards, at each cut line
        for edge in (x, x + CARD_W):
            marks.append(("v", round(edge, 2), round(y0 - 5, 2)))
            marks.append(("v", round(edge, 2), round(ys[-1] + CARD_H + 1, 2)))
    for y in ys:
        for edge in (y, y + CARD_H):
            marks.append(("h", round(x0 - 5, 2), round(edge, 2)))
            marks.append(("h", round(xs[-1] + CARD_W + 1, 2), round(edge, 2)))
    return fronts, backs, marks


def _offsets(slots: list) -> list[tuple[float, float]]:
    """Where the copies of the first slot's card go, from that card (mm)."""
    (x0, y0), *others = slots
    return [(round(x - x0, 2), round(y - y0, 2)) for x, y in others]


def render(job: MaterialJob, fonts: FontFiles) -> dict[str, bytes]:
    w, h, wmm, hmm = SHEETS[job.variant]
    fronts, backs, marks = _grid(wmm, hmm)
    # One front and one back are laid out; impose.repeat_items copies them to the other
    # slots (16 cards laid out one by one made this the slowest document of all).
    sheet = render_design(
        job,
        fonts,
        "card.html",
        CSS,
        Format(w, h, "screen"),
        2,
        lambda doc: repeat_items(doc, "card", [_offsets(fronts), _offsets(backs)]),
        slots=fronts[:1],
        back_slots=backs[:1],
        cutmarks=marks,
    )
    out = {f"card-sheet-{job.variant}.pdf": sheet.pdf}
    if job.variant == "letter":
        single = render_design(
            job, fonts, "card.html", CSS, Format("85mm", "55mm", "print"), 2, slots=[]
        )
        out["card-print.pdf"] = single.pdf
        # The thumbnail is the sheet's first card, as printed at home (no third render).
        x, y = fronts[0]
        out["thumbs/card.png"] = thumbnail_png(
            rasterise(sheet.pdf, 400, area=(mm(x), mm(y), mm(CARD_W), mm(CARD_H)))
        )
    return out
