"""Social images: 1080 × 1080, 1080 × 1350 (feed) and 1080 × 1920 (stories).

The whole image is the campaign colour; every word stays inside a safe area that leaves the
top and bottom 250 px empty, where apps put their own buttons and names.
"""

from __future__ import annotations

from ..fit import FlowItem, Overflow, Style
from ..fonts import FontFiles
from ..layout import Page, PageBuilder
from ..png import render_png, thumbnail
from ..spec import MaterialJob
from .common import Typesetter, bullets, check_contrast

UNSAFE = 250  # px kept free of text at the top and bottom
PAD = 40  # px between the unsafe band and the first or last text
MARGIN = 96


def size(variant: str) -> tuple[int, int]:
    w, h = variant.split("x")
    return int(w), int(h)


def layout(job: MaterialJob, ts: Typesetter) -> Page:
    w, h = size(job.variant)
    p, words, m = ts.palette, job.words, ts.m
    inner = w - 2 * MARGIN
    b = PageBuilder(w, h, p.primary)
    top, bottom = UNSAFE + PAD, h - UNSAFE - PAD
    label = m.fit(
        "strings.materials_commitment", words.commitment, Style(400, 22, 30, 1.25, 2), inner
    )
    url = m.fit("site_url", words.url, Style(400, 20, 26, 1.3, 2, url=True), inner)
    rule_h, rule_gap = 10, 32
    flow_h = bottom - top - label.height - 2 * rule_gap - rule_h - url.height - 48
    with_messages = h >= 1350
    indent = 44
    items = [FlowItem("headline", words.headline, Style(700, 52, 100, 1.1, 6, balance=True))]
    if with_messages:
        items += [
            FlowItem(
                f"messages[{i}]", t, Style(400, 28, 40, 1.3, 4), 0.9 if i == 0 else 0.6, indent
            )
            for i, t in enumerate(words.messages)
        ]
    items.append(FlowItem("call_to_action", words.call_to_action, Style(700, 30, 44, 1.2, 3), 1.0))
    if flow_h <= 0:
        raise Overflow(
            "strings.materials_commitment", "the label and the URL leave no room for the headline"
        )
    placed = m.fit_flow(items, inner, flow_h)
    used = (
        label.height
        + rule_gap
        + rule_h
        + rule_gap
        + sum(f.height + s for f, s in placed)
        + 48
        + url.height
    )
    y = top + (bottom - top - used) / 2
    y = b.text(label, MARGIN, y, p.on_primary, field="commitment") + rule_gap
    b.rect(MARGIN, y, 120, rule_h, p.accent)
    y += rule_h + rule_gap
    head, _ = placed[0]
    y = b.text(head, MARGIN, y, p.on_primary, field="headline")
    if with_messages:
        y = bullets(
            b, placed[1:4], MARGIN, y, indent, p.on_primary, p.accent, [i.field for i in items[1:4]]
        )
    cta, space = placed[-1]
    y = b.text(cta, MARGIN, y + space, p.on_primary, field="call_to_action")
    b.text(url, MARGIN, y + 48, p.on_primary, field="url")
    for text in b.page.texts():
        _, ty, _, th = text.box
        if ty < UNSAFE or ty + th > h - UNSAFE:  # pragma: no cover - the layout above prevents it
            raise AssertionError(f"text '{text.text}' enters the top or bottom {UNSAFE} px")
    return b.page


def render(job: MaterialJob, fonts: FontFiles) -> dict[str, bytes]:
    page = layout(job, Typesetter.create(fonts, job.palette))
    check_contrast([page])
    return {
        f"social-{job.variant}.png": render_png(page, fonts),
        f"thumbs/social-{job.variant}.png": thumbnail(page, fonts, 200),
    }
