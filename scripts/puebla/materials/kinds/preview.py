"""Link previews (Open Graph images), 1200 × 630, one per page of the site.

Same family as the materials: the colour band, the accent rule, the bold title; the site
name and the language so a shared link says where it leads.
"""

from __future__ import annotations

from ..fit import Style
from ..fonts import FontFiles
from ..layout import Page, PageBuilder
from ..png import render_png
from ..spec import PreviewJob
from .common import Typesetter, check_contrast

WIDTH, HEIGHT = 1200, 630
MARGIN = 72


def layout(job: PreviewJob, ts: Typesetter) -> Page:
    p, m = ts.palette, ts.m
    inner = WIDTH - 2 * MARGIN
    b = PageBuilder(WIDTH, HEIGHT, p.primary)
    b.rect(0, HEIGHT - 14, WIDTH, 14, p.accent)
    name = m.fit("site_name", job.site_name, Style(700, 26, 32, 1.2, 1), inner)
    y = b.text(name, MARGIN, MARGIN, p.on_primary, field="site name") + 22
    b.rect(MARGIN, y, 96, 8, p.accent)
    foot_text = " · ".join(t for t in (job.tag, job.language_name, job.host) if t)
    foot = m.fit("language", foot_text, Style(400, 20, 26, 1.2, 2), inner)
    foot_top = HEIGHT - 14 - MARGIN * 0.8 - foot.height
    top = y + 8 + 40
    title = m.fit(
        "title", job.title, Style(700, 40, 72, 1.12, 4, balance=True), inner, foot_top - 36 - top
    )
    b.text(
        title, MARGIN, top + (foot_top - 36 - top - title.height) / 2, p.on_primary, field="title"
    )
    b.text(foot, MARGIN, foot_top, p.on_primary, field="footer")
    return b.page


def render(job: PreviewJob, fonts: FontFiles) -> dict[str, bytes]:
    page = layout(job, Typesetter.create(fonts, job.palette))
    check_contrast([page])
    return {job.output.rsplit("/", 1)[1]: render_png(page, fonts)}
