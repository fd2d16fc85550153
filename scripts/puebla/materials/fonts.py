"""The one typeface of every material: Noto Sans from PyPI, instanced into static weights.

Noto Sans ships as a variable font. fpdf2 can instance it itself (``add_font(...,
variations=...)``) but that takes seconds per document, and Pillow measures a variable font
differently from fpdf2 unless the axes are set exactly. So the build instances the two
weights it uses once, into plain TrueType files that both renderers and the text measurer
share: one set of glyph advances everywhere, so a line that fits in the PDF fits in the PNG.

The OpenType layout tables (GSUB/GPOS/GDEF) are dropped before instancing: neither fpdf2
(without text shaping) nor the measurer uses them, and instancing GPOS is what makes the
full instancer slow. Text is NFC-normalised (see ``fit.py``), so accented letters are
precomposed glyphs and need no mark positioning. The font is never fetched at build time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontpkg

FAMILY = "Noto Sans"
WEIGHTS = (400, 700)
_DROPPED_TABLES = ("GSUB", "GPOS", "GDEF")


@dataclass(frozen=True)
class FontFiles:
    """Paths of the static instances, by weight; picklable, so workers receive it."""

    regular: str
    bold: str

    def path(self, weight: int) -> str:
        return self.bold if weight >= 600 else self.regular


def source_font() -> Path:
    """The variable Noto Sans file installed by ``fontpkg-noto-sans``."""
    return Path(fontpkg.path(FAMILY))


@cache
def source_digest() -> str:
    """Content hash of the source font: part of every cache key (a new font re-renders)."""
    return hashlib.sha256(source_font().read_bytes()).hexdigest()


def instance_name(weight: int) -> str:
    return f"NotoSans-{source_digest()[:16]}-{weight}.ttf"


def make_instance(weight: int, target: str) -> str:
    """Write a static instance of the source font at ``weight`` to ``target`` (atomically)."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(str(source_font()), recalcTimestamp=False)
    for tag in _DROPPED_TABLES:
        if tag in font:
            del font[tag]
    static = instancer.instantiateVariableFont(
        font, {"wght": weight, "wdth": 100}, optimize=False, updateFontNames=False
    )
    static.recalcTimestamp = False  # same bytes every time: the PDFs embed a subset of it
    style = "Bold" if weight >= 600 else "Regular"
    # Distinct names per weight, so the two embedded subsets are told apart in the PDF.
    static["name"].setName(style, 2, 3, 1, 0x409)
    static["name"].setName(f"NotoSans-{style}", 6, 3, 1, 0x409)
    static["name"].setName(f"Noto Sans {style}", 4, 3, 1, 0x409)
    target_path = Path(target)
    target_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target_path.parent, suffix=".tmp")
    os.close(fd)
    static.save(tmp)
    os.replace(tmp, target_path)
    return target


def font_files(folder: Path) -> FontFiles:
    return FontFiles(
        regular=str(folder / instance_name(400)), bold=str(folder / instance_name(700))
    )


def missing_instances(folder: Path) -> list[tuple[int, str]]:
    """(weight, path) of the instances not yet in ``folder``."""
    files = font_files(folder)
    return [(w, files.path(w)) for w in WEIGHTS if not Path(files.path(w)).is_file()]
