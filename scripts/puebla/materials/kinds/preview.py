"""Link previews (Open Graph images), 1200 × 630, one per page of the site: the same mark,
palette and type as the materials, so a shared link looks like the poster on the wall.

Previews of one language and palette are laid out as the pages of one document
(``render_batch``): a one-page WeasyPrint document costs ~40 ms of fixed work before its
content, a page of a shared one ~7 ms. A preview's pixels do not depend on its batch (each
page is its own frame, the same HTML and CSS as alone; tested).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import SimpleNamespace

from ..design import Format, check_contrast, render_template
from ..fonts import FontFiles
from ..raster import design_colours, palette_png, rasterise
from ..spec import PreviewJob
from ..weasy import check_fit, render_html
from .common import salt

WIDTH, HEIGHT = 1200, 630


def render(job: PreviewJob, fonts: FontFiles) -> dict[str, bytes]:
    return render_batch([job], fonts)[0]


def render_batch(jobs: Sequence[PreviewJob], fonts: FontFiles) -> list[dict[str, bytes]]:
    """The previews of ``jobs`` (one language and palette: ``PreviewJob.batch_key``), one
    page each of one document; a text that does not fit raises ``Overflow`` (the runner
    then renders the batch one by one, so the problem is named for its own page)."""
    first = jobs[0]
    if any(job.batch_key != first.batch_key for job in jobs):
        raise ValueError("previews of one batch share their language and palette")
    check_contrast(first.palette)
    pages = [
        SimpleNamespace(
            title=job.title,
            site_name=job.site_name,
            foot=" · ".join(t for t in (job.tag, job.language_name, job.host) if t),
            words=SimpleNamespace(marks=job.marks),
        )
        for job in jobs
    ]
    html = render_template(
        "preview.html",
        lang=first.lang,
        palette=first.palette,
        fmt=Format(f"{WIDTH}px", f"{HEIGHT}px", "raster"),
        fonts=fonts,
        css=("preview.css",),
        words=pages[0].words,
        title=first.title,
        date=first.date,
        pages=pages,
    )
    doc = render_html(
        html,
        "raster",
        salt(first, *(job.output for job in jobs[1:])),
        lambda d: check_fit(d, len(jobs)),
        fonts.folders(),
        first.label if len(jobs) == 1 else f"{len(jobs)} link previews ({first.lang})",
        css=("preview.css",),
    )
    exact = design_colours(first.palette)
    return [
        {
            job.output.rsplit("/", 1)[1]: palette_png(
                rasterise(doc.pdf, WIDTH, HEIGHT, page=n), exact
            )
        }
        for n, job in enumerate(jobs)
    ]
