"""From a job to HTML: the templates in ``templates/`` and the values they need.

Python decides nothing about position or size: every measure is in the CSS files
(``identity.css`` for the type scale, colours and pictograms shared by all, one CSS file per
design). Python only passes the words, the palette (as RGB for screens, ``device-cmyk()``
for print shops), the QR code as SVG and the page format.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import cache
from typing import Any

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from PIL import Image

from .colors import contrast, hex_to_cmyk
from .fonts import FontFiles
from .spec import Palette
from .typography import glue, keep_tail, typeset
from .weasy import MARKS_MM, TEMPLATES, font_face_css, lang_attr, profile_css

QUIET_ZONE = 4  # modules of light margin the QR standard requires
MIN_CONTRAST = 4.5  # WCAG AA for normal text; applied to every text pair of a design


class ContrastFailure(Exception):
    """A text colour does not stand out from its background."""


def check_contrast(p: Palette) -> None:
    """Every pair of text and background colour the designs use reaches WCAG AA."""
    pairs = (
        ("on_primary", p.on_primary, "primary", p.primary),
        ("text", p.text, "background", p.background),
    )
    failures = [
        f"{fg_name} {fg} on {bg_name} {bg} has contrast {ratio:.2f}:1"
        for fg_name, fg, bg_name, bg in pairs
        if (ratio := contrast(fg, bg)) < MIN_CONTRAST
    ]
    if failures:
        raise ContrastFailure("; ".join(failures))


@dataclass(frozen=True)
class Format:
    """Page format: trim size in CSS units, and whether it is a print-shop file."""

    width: str
    height: str
    flavour: str  # screen | print | raster
    trim_w: str = ""  # one item on a sheet of several (2-up flyers, cards); "" = the page
    trim_h: str = ""

    @property
    def print(self) -> bool:
        return self.flavour == "print"


def palette_values(p: Palette, flavour: str) -> dict[str, str]:
    """CSS custom properties of the palette; for print every colour is ``device-cmyk()``
    and text is 100 % K, so nothing in a print-shop file is RGB or four-colour black."""

    def colour(value: str) -> str:
        if flavour != "print":
            return value
        c, m, y, k = hex_to_cmyk(value)
        return f"device-cmyk({c:.3f} {m:.3f} {y:.3f} {k:.3f})"

    ink = "device-cmyk(0 0 0 1)" if flavour == "print" else p.text
    white = "device-cmyk(0 0 0 0)" if flavour == "print" else "#ffffff"
    values = {
        "primary": colour(p.primary),
        "on-primary": colour(p.on_primary) if p.on_primary.lower() != "#ffffff" else white,
        "accent": colour(p.accent),
        "ink": ink,
        "paper": colour(p.background) if p.background.lower() != "#ffffff" else white,
    }
    return values


def palette_css(p: Palette, flavour: str) -> str:
    values = palette_values(p, flavour)
    return ":root { " + " ".join(f"--{k}: {v};" for k, v in values.items()) + " }\n"


@cache
def qr_data_url(url: str) -> str:
    """The QR code of ``url`` as a grey PNG, one pixel per module (quiet zone included).

    Made once per address and process: a flyer's three files and a card's two show the
    same code, and choosing the best mask took ~18 ms each time.

    Grey (DeviceGray: pure K on press, black on screens), scaled without interpolation by
    the CSS (``image-rendering: pixelated``): sharp at any size, a few hundred bytes, and
    much faster to lay out than the same code as SVG paths.
    """
    code = segno.make(url, error="m", micro=False)
    matrix = code.matrix
    n = len(matrix)
    image = Image.new("L", (n + 2 * QUIET_ZONE, n + 2 * QUIET_ZONE), 255)
    pixels = image.load()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x + QUIET_ZONE, y + QUIET_ZONE] = 0
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=9)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


@cache
def icon_url(name: str, colour: str) -> str:
    """Pictogram ``templates/icons/<name>.svg`` painted in ``colour``, as a data: URL."""
    svg = (TEMPLATES / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    svg = svg.replace("COLOUR", colour)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


def render_template(
    name: str,
    *,
    lang: str,
    palette: Palette,
    fmt: Format,
    fonts: FontFiles,
    css: tuple[str, ...],
    **context: Any,
) -> str:
    """The HTML of template ``name``. Its ``<style>`` holds what differs per document
    (fonts, profile, palette, page size); the design's own stylesheets (``css``, after
    ``identity.css``) are parsed once per process and given to WeasyPrint beside it
    (``weasy.render_html``'s ``css``)."""
    flavour = fmt.flavour
    head = [font_face_css(fonts.regular, fonts.bold)]
    if fmt.print:
        head.append(profile_css())
    head.append(palette_css(palette, flavour))
    page = f"@page {{ size: {fmt.width} {fmt.height}; margin: 0;"
    if fmt.print:
        page += f" bleed: {MARKS_MM}mm;"
    head.append(page + " }\n")
    head.append(
        f":root {{ --sheet-w: {fmt.width}; --sheet-h: {fmt.height}; "
        f"--trim-w: {fmt.trim_w or fmt.width}; --trim-h: {fmt.trim_h or fmt.height}; }}\n"
    )
    template = environment().get_template(name)

    def t(text: str) -> str:
        return typeset(text, lang)

    def tail(text: str) -> Any:
        return keep_tail(text, lang)

    def glued(text: str) -> str:
        return glue(text, lang)

    values = palette_values(palette, flavour)
    col = {"ink": values["ink"], "on_primary": values["on-primary"]}
    return template.render(
        col=col,
        lang=lang_attr(lang),
        styles="".join(head),
        flavour=flavour,
        t=t,
        tail=tail,
        glue=glued,
        qr=qr_data_url,
        icon=icon_url,
        **context,
    )
