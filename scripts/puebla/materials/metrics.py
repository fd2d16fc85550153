"""Text measurement from the font's own advance widths, in em.

Both renderers place glyphs by these advances: fpdf2 sums the horizontal metrics of the
embedded font, and Pillow (with raqm) uses the unhinted advances of the same file. Measuring
here, once per character, makes wrapping and shrinking fast and identical for PDF and PNG.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache


class MissingGlyph(ValueError):
    """The font has no glyph for a character: printing it would show an empty box."""

    def __init__(self, char: str):
        self.char = char
        super().__init__(f"the font has no glyph for {char!r} (U+{ord(char):04X})")


@dataclass
class FontMetrics:
    """Advance widths (em) per character, and the vertical extent of a line (em)."""

    advances: dict[int, float]
    ascent: float
    descent: float
    _memo: dict[str, float] = field(default_factory=dict)

    def width(self, text: str) -> float:
        """Width of ``text`` in em (no kerning: neither renderer applies any)."""
        value = self._memo.get(text)
        if value is None:
            try:
                value = sum(self.advances[ord(c)] for c in text)
            except KeyError:
                missing = next(c for c in text if ord(c) not in self.advances)
                raise MissingGlyph(missing) from None
            self._memo[text] = value
        return value


@cache
def metrics(path: str) -> FontMetrics:
    """Metrics of one static font file (loaded once per process)."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    upm = font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    advances = {code: hmtx[name][0] / upm for code, name in font.getBestCmap().items()}
    hhea = font["hhea"]
    return FontMetrics(advances, hhea.ascent / upm, -hhea.descent / upm)
