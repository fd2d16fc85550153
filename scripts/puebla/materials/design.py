"""From a job to HTML: the templates in ``templates/`` and the values they need.

Python decides nothing about position or size: every measure is in the CSS files
(``identity.css`` for the type scale, colours and pictograms shared by all, one CSS file per
design). Python only passes the words, the palette (as RGB for screens, ``device-cmyk()``
for print shops), the QR code as SVG and the page format.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import cache
from typing import Any

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .colors import contrast, hex_to_cmyk
from .fonts import FontFiles
from .spec import Palette
from .typography import keep_tail, typeset
from .weasy import TEMPLATES, font_face_css, lang_attr, profile_css

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


def palette_css(p: Palette, flavour: str) -> str:
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
    return ":root { " + " ".join(f"--{k}: {v};" for k, v in values.items()) + " }\n"


def qr_svg(url: str) -> tuple[str, int]:
    """The QR code of ``url`` as an SVG data URL; modules painted in ``currentColor``."""
    code = segno.make(url, error="m", micro=False)
    matrix = code.matrix
    size = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return "".join(runs), size


def qr_data_url(url: str, colour: str) -> str:
    path, size = qr_svg(url)
    quiet = 4
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-{quiet} -{quiet} '
        f'{size + 2 * quiet} {size + 2 * quiet}" shape-rendering="crispEdges">'
        f'<path fill="{colour}" d="{path}"/></svg>'
    )
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
    """The HTML of template ``name`` with its stylesheets inlined (one self-contained page)."""
    from .weasy import stylesheet

    flavour = fmt.flavour
    head = [font_face_css(fonts.regular, fonts.bold)]
    if fmt.print:
        head.append(profile_css())
    head.append(palette_css(palette, flavour))
    page = f"@page {{ size: {fmt.width} {fmt.height}; margin: 0;"
    if fmt.print:
        page += " bleed: 3mm; marks: crop;"
    head.append(page + " }\n")
    head.append(
        f":root {{ --sheet-w: {fmt.width}; --sheet-h: {fmt.height}; "
        f"--trim-w: {fmt.trim_w or fmt.width}; --trim-h: {fmt.trim_h or fmt.height}; }}\n"
    )
    head.extend(stylesheet(c) for c in ("identity.css", *css))
    ink = "device-cmyk(0 0 0 1)" if fmt.print else palette.text
    template = environment().get_template(name)

    def t(text: str) -> str:
        return typeset(text, lang)

    def tail(text: str) -> Any:
        return keep_tail(text, lang)

    return template.render(
        lang=lang_attr(lang),
        styles="".join(head),
        flavour=flavour,
        t=t,
        tail=tail,
        qr=lambda url: qr_data_url(url, ink),
        **context,
    )
