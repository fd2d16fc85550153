"""Building blocks shared by the materials: title band, bullet lists, help lines, QR block."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..fit import Fitted, FlowItem, Measurer, Overflow, Style, normalize
from ..fonts import FontFiles
from ..layout import Page, PageBuilder, contrast_pairs, mm
from ..qr import QUIET_ZONE, qr_code
from ..spec import HelpEntry, Palette

MIN_CONTRAST = 4.5  # WCAG AA for normal text; applied to every text, large or not


class ContrastFailure(Exception):
    """A text is drawn on a colour it does not stand out from."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("; ".join(failures))


def check_contrast(pages: Sequence[Page]) -> None:
    """Compute the contrast of every text/background pair actually laid out; fail below AA."""
    failures = [
        f"{p.what}: {p.foreground} on {p.background} has contrast {p.ratio:.2f}:1"
        for page in pages
        for p in contrast_pairs(page)
        if p.ratio < MIN_CONTRAST
    ]
    if failures:
        raise ContrastFailure(failures)


@dataclass
class Typesetter:
    """What a layout function sets type with: the measurer and the colours."""

    m: Measurer
    palette: Palette

    @classmethod
    def create(cls, fonts: FontFiles, palette: Palette) -> Typesetter:
        return cls(Measurer(fonts), palette)


def bullets(
    b: PageBuilder,
    placed: Sequence[tuple[Fitted, float]],
    x: float,
    top: float,
    indent: float,
    text_color: str,
    bullet_color: str,
    fields: Sequence[str],
) -> float:
    """Stacked paragraphs, each after a small square bullet; returns the bottom."""
    y = top
    for (fitted, space), name in zip(placed, fields, strict=True):
        y += space
        side = min(fitted.size * 0.42, indent * 0.55)
        centre = y + fitted.size * fitted.ascent - fitted.size * 0.28  # middle of the x-height
        b.rect(x, centre - side / 2, side, side, bullet_color)
        y = b.text(fitted, x + indent, y, text_color, field=name)
    return y


def flow_items(
    texts: Sequence[str], prefix: str, style: Style, space: float, indent: float
) -> list[FlowItem]:
    return [FlowItem(f"{prefix}[{i}]", t, style, space, indent) for i, t in enumerate(texts)]


def fit_uniform(
    m: Measurer, named: Sequence[tuple[str, str]], style: Style, width: float
) -> list[Fitted]:
    """Fit several short texts at one common size (the largest at which all of them fit)."""
    if not named:
        return []
    size = min(m.fit(name, text, style, width).size for name, text in named)
    out = []
    for name, text in named:
        fitted = m.at_size(name, text, style, size, width)
        if fitted is None:  # pragma: no cover - fit() above guarantees it
            raise Overflow(name, f"does not fit at {size:g} pt")
        out.append(fitted)
    return out


@dataclass
class HelpBlock:
    """Help lines in columns: "country  number" on one line, or the country above its number
    where a column is too narrow for both (the pocket card)."""

    heading: Fitted | None
    countries: list[Fitted]
    numbers: list[Fitted]
    note: Fitted | None
    cols: int
    col_width: float
    gap: float
    heading_gap: float
    inline: bool
    labels: list[Fitted] = field(default_factory=list)  # who runs each line, under it

    def _label_h(self) -> float:
        return max((lb.height for lb in self.labels), default=0.0)

    @property
    def rows(self) -> int:
        return -(-len(self.countries) // self.cols)

    def row_height(self) -> float:
        pairs = zip(self.countries, self.numbers, strict=True)
        if self.inline:
            return max((max(c.height, n.height) for c, n in pairs), default=0.0) + self._label_h()
        return max((c.height + n.height * 1.05 for c, n in pairs), default=0.0) + self._label_h()

    @property
    def height(self) -> float:
        if not self.countries and not self.note:
            return 0.0
        h = self.heading.height + self.heading_gap if self.heading else 0.0
        if self.countries:
            h += self.rows * self.row_height() + (self.rows - 1) * self.gap
        if self.note:
            h += self.heading_gap + self.note.height
        return h


def _inline_size(
    m: Measurer, entries: Sequence[HelpEntry], style: Style, width: float
) -> float | None:
    """The largest size at which every "country  number" pair fits one column line."""
    for size in m.sizes(style):
        gap = size * 0.6
        if all(
            m.width(normalize(e.country), 400, size)
            + gap
            + m.width(normalize(e.number), style.weight, size)
            <= width
            for e in entries
        ):
            return size
    return None


def column_gap(cols: int) -> float:
    """Space between help-line columns: narrower with three, so each label keeps one line."""
    return 0.0 if cols < 2 else mm(6) if cols == 2 else mm(4)


def help_block(
    m: Measurer,
    heading: str | None,
    entries: Sequence[HelpEntry],
    note: str | None,
    width: float,
    cols: int,
    sizes: dict[str, Style],
    max_height: float,
    fallback: str = "",
) -> HelpBlock:
    """Measure the help lines; the country names and numbers each share one size.

    More lines than the space allows is an error for the help-lines file, not a reason to
    squeeze the rest of the material.
    """
    gap = column_gap(cols)
    col_width = (width - (cols - 1) * gap) / cols
    inline = _inline_size(m, entries, sizes["number"], col_width) if entries else None
    if inline is not None:
        country_style = Style(400, inline, inline, 1.2, 1)
        number_style = Style(sizes["number"].weight, inline, inline, 1.2, 1)
        countries = fit_uniform(
            m, [(e.field, e.country) for e in entries], country_style, col_width
        )
        numbers = fit_uniform(m, [(e.field, e.number) for e in entries], number_style, col_width)
    else:
        countries = fit_uniform(
            m, [(e.field, e.country) for e in entries], sizes["country"], col_width
        )
        numbers = fit_uniform(m, [(e.field, e.number) for e in entries], sizes["number"], col_width)
    if not entries and fallback:
        # No line may be printed (all stale or unpublished): print the fallback instead of
        # silence, the emergency number where it applies and the help page's address.
        note, entries_or_fallback = fallback, True
    else:
        entries_or_fallback = bool(entries)
    head = (
        m.fit("strings.materials_help_heading", heading, sizes["heading"], width)
        if heading and entries_or_fallback
        else None
    )
    foot = (
        m.fit(
            "strings.helpline_fallback" if not entries else "strings.materials_help_note",
            note,
            sizes["note"],
            width,
        )
        if note and entries_or_fallback
        else None
    )
    labelled = [(e.field, e.label_line) for e in entries if e.label_line]
    labels: list[Fitted] = []
    if labelled and len(labelled) == len(entries):
        try:  # one line under each number where it fits, else as many as the note allows
            labels = fit_uniform(m, labelled, replace(sizes["note"], max_lines=1), col_width)
        except Overflow:
            labels = fit_uniform(m, labelled, sizes["note"], col_width)
    ref = numbers[0].size if numbers else 10.0
    block = HelpBlock(
        head,
        countries,
        numbers,
        foot,
        cols,
        col_width,
        ref * 0.45,
        ref * 0.5,
        inline is not None,
        labels,
    )
    if block.height > max_height + 1e-6:
        raise Overflow(
            "lines",
            f"the {len(entries)} high-confidence help lines need {block.height:.0f} pt, "
            f"more than the {max_height:.0f} pt available",
        )
    return block


def draw_help(
    b: PageBuilder, block: HelpBlock, x: float, top: float, color: str, heading_color: str
) -> float:
    """Draw the block from ``top``; returns its bottom."""
    if not block.countries and not block.note:
        return top
    y = top
    if block.heading:
        y = b.text(block.heading, x, y, heading_color, field="help heading") + block.heading_gap
    row_h = block.row_height()
    for i, (country, number) in enumerate(zip(block.countries, block.numbers, strict=True)):
        row, col = divmod(i, block.cols)
        cx = x + col * (block.col_width + column_gap(block.cols))
        cy = y + row * (row_h + block.gap)
        if block.inline:
            b.text(country, cx, cy, color, field="help country")
            b.text(number, cx + country.width + number.size * 0.6, cy, color, field="help number")
            after = cy + max(country.height, number.height)
        else:
            after = b.text(country, cx, cy, color, field="help country")
            after = b.text(number, cx, after + number.size * 0.05, color, field="help number")
        if block.labels:
            b.text(block.labels[i], cx, after, color, field="help label")
    if block.countries:
        y += block.rows * row_h + (block.rows - 1) * block.gap
    if block.note:
        y = b.text(block.note, x, y + block.heading_gap, color, field="help note")
    return y


@dataclass
class QRBlock:
    size: float
    scan: Fitted
    url: Fitted
    gap: float

    @property
    def text_height(self) -> float:
        return self.scan.height + self.gap + self.url.height


def qr_block(
    m: Measurer,
    scan: str,
    url: str,
    qr_size: float,
    width: float,
    scan_style: Style,
    url_style: Style,
) -> QRBlock:
    """A QR code with "scan to read more" and the URL in words beside it."""
    text_width = width - qr_size - mm(4)
    scan_f = m.fit("strings.materials_scan", scan, scan_style, text_width)
    url_f = m.fit("site_url", url, url_style, text_width)
    return QRBlock(qr_size, scan_f, url_f, url_f.size * 0.5)


def draw_qr_block(
    b: PageBuilder,
    block: QRBlock,
    url: str,
    x: float,
    top: float,
    palette: Palette,
    text_color: str,
) -> None:
    """QR on the left (dark modules in the text colour on the background), words on its right.

    The code's visible modules, not its blank quiet zone, line up with the margin and the
    bottom of the block, so the code does not look indented.
    """
    code = qr_code(url, x, top, block.size, palette.text, palette.background)
    quiet = QUIET_ZONE * code.module
    b.qr(replace(code, x=x - quiet, y=top + quiet))
    tx = x + block.size - 2 * quiet + mm(4)
    ty = top + (block.size - block.text_height) / 2
    ty = b.text(block.scan, tx, ty, text_color, field="scan label") + block.gap
    b.text(block.url, tx, ty, text_color, field="url")


def band_title(
    m: Measurer,
    label: str,
    headline: str,
    width: float,
    label_style: Style,
    headline_style: Style,
    height: float,
    gap: float,
) -> tuple[Fitted, Fitted]:
    """The commitment label and the headline for a title band of a given inner height."""
    lab = m.fit("strings.materials_commitment", label, label_style, width)
    head = m.fit("headline", headline, headline_style, width, height - lab.height - gap)
    return lab, head
