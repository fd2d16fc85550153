"""The two-sided flyer (half letter, A5): the plain PDF (PDF/UA-1, fillable local contact),
the print-shop PDF (PDF/X-4, 3 mm bleed, crop marks) and a 2-up sheet for home printers
(two flyers on one landscape Letter or A4 page, a cut mark in the middle)."""

from __future__ import annotations

from ..design import Format
from ..fonts import FontFiles
from ..impose import repeat_items
from ..raster import rasterise, thumbnail_png
from ..spec import PAPERS, MaterialJob
from .common import render_design

SIZES = {"half-letter": ("5.5in", "8.5in"), "a5": ("148mm", "210mm")}
SHEETS = {"half-letter": ("letter", "11in", "8.5in"), "a5": ("a4", "297mm", "210mm")}
CSS = ("flyer.css",)


def render(job: MaterialJob, fonts: FontFiles) -> dict[str, bytes]:
    w, h = SIZES[job.variant]
    screen = render_design(job, fonts, "flyer.html", CSS, Format(w, h, "screen"), 2, sheet=False)
    printed = render_design(job, fonts, "flyer.html", CSS, Format(w, h, "print"), 2, sheet=False)
    sheet_name, sw, sh = SHEETS[job.variant]
    # One side per page is laid out, its copy placed beside it (impose.repeat_items); the
    # local-contact inputs of both fronts are one fillable field.
    beside = [[(float(PAPERS[job.variant][0]) * 25.4 / 72, 0.0)]] * 2
    two_up = render_design(
        job,
        fonts,
        "flyer.html",
        CSS,
        Format(sw, sh, "screen", w, h),
        2,
        lambda doc: repeat_items(doc, "side", beside),
        sheet=True,
    )
    out = {
        f"flyer-{job.variant}.pdf": screen.pdf,
        f"flyer-{job.variant}-print.pdf": printed.pdf,
        f"flyer-2up-{sheet_name}.pdf": two_up.pdf,
    }
    if job.variant == "half-letter":
        out["thumbs/flyer.png"] = thumbnail_png(rasterise(screen.pdf, 800))
    return out
