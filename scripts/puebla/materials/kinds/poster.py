"""The poster (US Letter, A4): the plain PDF (PDF/UA-1, fillable local contact), the
print-shop PDF (PDF/X-4, CMYK, 3 mm bleed, crop marks) and, for Letter, a PNG preview."""

from __future__ import annotations

from ..design import Format
from ..fonts import FontFiles
from ..raster import design_colours, flat_png, rasterise, thumbnail_png
from ..spec import MaterialJob
from .common import render_design

SIZES = {"letter": ("8.5in", "11in"), "a4": ("210mm", "297mm")}
PREVIEW_WIDTH = 1000  # px of poster-preview.png


def render(job: MaterialJob, fonts: FontFiles) -> dict[str, bytes]:
    w, h = SIZES[job.variant]
    out: dict[str, bytes] = {}
    screen = render_design(job, fonts, "poster.html", ("poster.css",), Format(w, h, "screen"), 1)
    if "poster" in job.kinds:
        out[f"poster-{job.variant}.pdf"] = screen.pdf
    if "poster-print" in job.kinds:
        printed = render_design(
            job, fonts, "poster.html", ("poster.css",), Format(w, h, "print"), 1
        )
        out[f"poster-{job.variant}-print.pdf"] = printed.pdf
    if job.variant == "letter":
        image = rasterise(screen.pdf, PREVIEW_WIDTH)
        out["poster-preview.png"] = flat_png(image, design_colours(job.palette))
        out["thumbs/poster.png"] = thumbnail_png(image)
    return out
