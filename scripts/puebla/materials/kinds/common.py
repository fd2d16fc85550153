"""What every family shares: from a job to a laid-out, checked PDF in one flavour."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..design import Format, check_contrast, render_template
from ..fonts import FontFiles
from ..spec import MaterialJob
from ..weasy import Rendered, check_fit, render_html


def salt(job: Any, *extra: str) -> str:
    """A stable digest input for the document ids: the job's own data."""
    return json.dumps([job.key_data(), *extra], sort_keys=True, ensure_ascii=False)


def render_design(
    job: MaterialJob,
    fonts: FontFiles,
    template: str,
    css: tuple[str, ...],
    fmt: Format,
    pages: int,
    prepare: Callable[[Any], None] | None = None,
    **context: Any,
) -> Rendered:
    """HTML from ``template`` for ``job``, laid out, checked for fit, written as PDF."""
    check_contrast(job.palette)
    html = render_template(
        template,
        lang=job.words.doc_lang or job.lang,  # es on a K'iche' card: the words' language
        palette=job.palette,
        fmt=fmt,
        fonts=fonts,
        css=css,
        words=job.words,
        variant=job.variant,
        fillable=fmt.flavour == "screen",
        **context,
    )
    return render_html(
        html,
        fmt.flavour,
        salt(job, template, fmt.flavour, fmt.width),
        lambda d: check_fit(d, pages),
        fonts.folders(),
        job.label,
        prepare,
        css,
    )
