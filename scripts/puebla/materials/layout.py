"""The layout: pages of positioned boxes, text runs, rules and QR codes, in PDF points.

A material is laid out once, then rendered by ``pdf.py`` (vector PDF) and ``png.py``
(raster previews and social images) from the same objects, so a poster and its preview can
never disagree. Coordinates are in points (1/72 in) from the top-left corner; a social image
is a page whose "points" are pixels, rendered at scale 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .fit import Fitted

MM = 72 / 25.4
Box = tuple[float, float, float, float]  # x, y, width, height
_EPS = 0.01


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * MM


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class Text:
    """One line of text; ``y`` is its baseline, ``width`` its measured advance in pt."""

    x: float
    y: float
    text: str
    size: float
    weight: int
    color: str
    width: float
    ascent: float  # em, for the line's box (contrast check, safe areas)
    descent: float
    field: str = ""

    @property
    def box(self) -> Box:
        top = self.y - self.size * self.ascent
        return (self.x, top, self.width, self.size * (self.ascent + self.descent))


@dataclass(frozen=True)
class Line:
    """A stroke (crop and cut marks)."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    color: str


@dataclass(frozen=True)
class QRCode:
    """A QR code as dark runs on a light square; ``modules`` counts the quiet zone too."""

    x: float
    y: float
    size: float
    modules: int
    runs: tuple[tuple[int, int, int], ...]  # (row, first column, length) of dark modules
    dark: str
    light: str
    url: str

    @property
    def module(self) -> float:
        return self.size / self.modules


Item = Rect | Text | Line | QRCode


@dataclass
class Page:
    width: float
    height: float
    background: str
    items: list[Item] = field(default_factory=list)
    background_box: Box | None = None  # painted in the background colour; default whole page
    trim: Box | None = None  # print files: the finished size …
    bleed: Box | None = None  # … and the area the background extends into

    def texts(self) -> Iterator[Text]:
        return (i for i in self.items if isinstance(i, Text))

    @property
    def painted(self) -> Box:
        return self.background_box or (0.0, 0.0, self.width, self.height)


class PageBuilder:
    """Collects items in drawing (and reading) order."""

    def __init__(self, width: float, height: float, background: str):
        self.page = Page(width, height, background)

    def rect(self, x: float, y: float, w: float, h: float, fill: str) -> None:
        self.page.items.append(Rect(x, y, w, h, fill))

    def text(
        self,
        fitted: Fitted,
        x: float,
        top: float,
        color: str,
        *,
        field: str = "",
        align: str = "left",
        width: float = 0.0,
    ) -> float:
        """Place wrapped lines from ``top``; returns the bottom of the block."""
        for i, (line, w) in enumerate(zip(fitted.lines, fitted.widths, strict=True)):
            baseline = top + fitted.size * fitted.ascent + i * fitted.line_gap
            left = x
            if align == "center":
                left = x + (width - w) / 2
            elif align == "right":
                left = x + width - w
            self.page.items.append(
                Text(
                    left,
                    baseline,
                    line,
                    fitted.size,
                    fitted.weight,
                    color,
                    w,
                    fitted.ascent,
                    fitted.descent,
                    field,
                )
            )
        return top + fitted.height

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float, color: str) -> None:
        self.page.items.append(Line(x1, y1, x2, y2, width, color))

    def qr(self, code: QRCode) -> None:
        self.page.items.append(code)


def _inside(inner: Box, outer: Box) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox - _EPS and y >= oy - _EPS and x + w <= ox + ow + _EPS and y + h <= oy + oh + _EPS


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@dataclass(frozen=True)
class Pair:
    """A foreground/background pair that carries text, with its WCAG contrast."""

    what: str
    foreground: str
    background: str
    ratio: float


def contrast_pairs(page: Page) -> list[Pair]:
    """Every text (and QR code) with the colour actually beneath it, found from the layout.

    The background is the last rectangle drawn before the text that covers its whole box,
    else the page colour. A text that straddles a colour edge is reported with ratio 0 so
    it fails: such a layout is a bug whatever the colours.
    """
    from ..model.colors import contrast

    pairs: list[Pair] = []
    rects: list[Rect] = []
    for item in page.items:
        if isinstance(item, Rect):
            rects.append(item)
            continue
        if isinstance(item, QRCode):
            pairs.append(Pair("QR code", item.dark, item.light, contrast(item.dark, item.light)))
            continue
        if not isinstance(item, Text):
            continue
        box = item.box
        under = page.background if _inside(box, page.painted) else None
        for rect in reversed(rects):
            rbox = (rect.x, rect.y, rect.w, rect.h)
            if _inside(box, rbox):
                under = rect.fill
                break
            if _overlaps(box, rbox):
                under = None
                break
        what = f"{item.field or 'text'} “{item.text}”"
        if under is None:
            pairs.append(Pair(what + " (crosses a colour edge)", item.color, "?", 0.0))
        else:
            pairs.append(Pair(what, item.color, under, contrast(item.color, under)))
    return pairs


def translate(item: Item, dx: float, dy: float) -> Item:
    if isinstance(item, Line):
        return replace(item, x1=item.x1 + dx, y1=item.y1 + dy, x2=item.x2 + dx, y2=item.y2 + dy)
    return replace(item, x=item.x + dx, y=item.y + dy)


def _extend(rect: Rect, width: float, height: float, bleed: float) -> Rect:
    """Push the sides of a rectangle that touch the trim edge out into the bleed."""
    x, y, w, h = rect.x, rect.y, rect.w, rect.h
    if abs(x) < _EPS:
        x, w = x - bleed, w + bleed
    if abs(rect.x + rect.w - width) < _EPS:
        w += bleed
    if abs(y) < _EPS:
        y, h = y - bleed, h + bleed
    if abs(rect.y + rect.h - height) < _EPS:
        h += bleed
    return replace(rect, x=x, y=y, w=w, h=h)


def _placed(page: Page, dx: float, dy: float, bleed: float) -> list[Item]:
    """The page's items moved by (dx, dy), edge-touching rectangles extended by ``bleed``."""
    out: list[Item] = [
        Rect(
            dx - bleed, dy - bleed, page.width + 2 * bleed, page.height + 2 * bleed, page.background
        )
    ]
    for item in page.items:
        if isinstance(item, Rect):
            item = _extend(item, page.width, page.height, bleed)
        out.append(translate(item, dx, dy))
    return out


def corner_marks(
    box: Box, gap: float, length: float, color: str = "#000000", width: float = 0.25
) -> list[Line]:
    """Crop marks at the four corners of ``box``, starting ``gap`` away from it."""
    x, y, w, h = box
    marks = []
    for cx in (x, x + w):
        for cy, sign in ((y, -1), (y + h, 1)):
            marks.append(Line(cx, cy + sign * gap, cx, cy + sign * (gap + length), width, color))
    for cy in (y, y + h):
        for cx, sign in ((x, -1), (x + w, 1)):
            marks.append(Line(cx + sign * gap, cy, cx + sign * (gap + length), cy, width, color))
    return marks


def print_version(page: Page, bleed: float = mm(3), slug: float = mm(9)) -> Page:
    """The print-shop page: the same layout, background bled 3 mm, crop marks in the slug.

    The media box grows by bleed + slug on every side; the TrimBox is the finished size and
    the BleedBox the trim plus the bleed, as print shops expect.
    """
    off = bleed + slug
    trim = (off, off, page.width, page.height)
    bleed_box = (slug, slug, page.width + 2 * bleed, page.height + 2 * bleed)
    out = Page(page.width + 2 * off, page.height + 2 * off, "#ffffff", trim=trim, bleed=bleed_box)
    out.items = _placed(page, off, off, bleed)
    out.items.extend(corner_marks(trim, bleed + mm(1), slug - mm(2)))
    return out


def impose(
    card: Page,
    sheet: tuple[float, float],
    cols: int,
    rows: int,
    gap: float,
    *,
    mirror: bool = False,
) -> Page:
    """Place copies of a card on a sheet with cut marks at every card edge, outside the grid.

    Cards keep a gap between them and bleed ``gap / 4`` into it, so a slightly-off cut
    shows no white sliver. ``mirror`` reverses the columns, so the backs on the second page
    land behind their fronts when the sheet is printed two-sided (long-edge flip).
    """
    sw, sh = sheet
    grid_w = cols * card.width + (cols - 1) * gap
    grid_h = rows * card.height + (rows - 1) * gap
    x0, y0 = (sw - grid_w) / 2, (sh - grid_h) / 2
    out = Page(sw, sh, "#ffffff")
    for row in range(rows):
        for col in range(cols):
            c = cols - 1 - col if mirror else col
            out.items.extend(
                _placed(card, x0 + c * (card.width + gap), y0 + row * (card.height + gap), gap / 4)
            )
    xs = sorted({x0 + c * (card.width + gap) + d for c in range(cols) for d in (0.0, card.width)})
    ys = sorted({y0 + r * (card.height + gap) + d for r in range(rows) for d in (0.0, card.height)})
    mark_gap, mark_len = mm(3), mm(6)
    for x in xs:
        out.items.append(Line(x, y0 - mark_gap - mark_len, x, y0 - mark_gap, 0.3, "#000000"))
        out.items.append(
            Line(x, y0 + grid_h + mark_gap, x, y0 + grid_h + mark_gap + mark_len, 0.3, "#000000")
        )
    for y in ys:
        out.items.append(Line(x0 - mark_gap - mark_len, y, x0 - mark_gap, y, 0.3, "#000000"))
        out.items.append(
            Line(x0 + grid_w + mark_gap, y, x0 + grid_w + mark_gap + mark_len, y, 0.3, "#000000")
        )
    return out
