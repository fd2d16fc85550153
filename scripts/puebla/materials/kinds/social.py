"""Social images: 1080 × 1080, 1080 × 1350 (4:5), 1080 × 1440 (3:4) and 1080 × 1920
(stories), rasterised from the same HTML/CSS as print."""

from __future__ import annotations

from ..design import Format
from ..fonts import FontFiles
from ..raster import design_colours, flat_png, rasterise, thumbnail_png
from ..spec import MaterialJob
from .common import render_design


def size(variant: str) -> tuple[int, int]:
    w, h = variant.split("x")
    return int(w), int(h)


def render(job: MaterialJob, fonts: FontFiles) -> dict[str, bytes]:
    w, h = size(job.variant)
    doc = render_design(
        job,
        fonts,
        "social.html",
        ("social.css",),
        Format(f"{w}px", f"{h}px", "raster"),
        1,
        # A partner's kit trades the messages for the partner's name, logo and own line.
        with_messages=h >= 1350 and job.words.partner is None,
    )
    image = rasterise(doc.pdf, w, h)
    return {
        f"social-{job.variant}.png": flat_png(image, design_colours(job.palette)),
        f"thumbs/social-{job.variant}.png": thumbnail_png(image, 120),
    }
