"""Link previews (Open Graph images), 1200 × 630, one per page of the site: the same mark,
palette and type as the materials, so a shared link looks like the poster on the wall."""

from __future__ import annotations

from types import SimpleNamespace

from ..design import Format, check_contrast, render_template
from ..fonts import FontFiles
from ..raster import palette_png, rasterise
from ..spec import PreviewJob
from ..weasy import check_fit, render_html
from .common import salt

WIDTH, HEIGHT = 1200, 630


def render(job: PreviewJob, fonts: FontFiles) -> dict[str, bytes]:
    check_contrast(job.palette)
    foot = " · ".join(t for t in (job.tag, job.language_name, job.host) if t)
    html = render_template(
        "preview.html",
        lang=job.lang,
        palette=job.palette,
        fmt=Format(f"{WIDTH}px", f"{HEIGHT}px", "raster"),
        fonts=fonts,
        css=("preview.css",),
        words=SimpleNamespace(marks=job.marks),
        title=job.title,
        date=job.date,
        site_name=job.site_name,
        foot=foot,
    )
    doc = render_html(
        html,
        "raster",
        salt(job),
        lambda d: check_fit(d, 1),
        fonts.folders(),
        job.label,
        css=("preview.css",),
    )
    return {job.output.rsplit("/", 1)[1]: palette_png(rasterise(doc.pdf, WIDTH, HEIGHT))}
