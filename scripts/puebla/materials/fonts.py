"""The one typeface of every material: Noto Sans from PyPI, instanced into static weights.

Noto Sans ships as a variable font; WeasyPrint lays out a static instance about ten times
faster, so the build instances the two weights it uses once, into plain TrueType files
(cached with the materials) that every template's ``@font-face`` points to.

The OpenType layout tables (GSUB/GPOS/GDEF) are dropped before instancing (instancing GPOS
is what makes the full instancer slow), and the instance keeps the Latin script only (Basic
Latin to Latin Extended, the combining marks, general punctuation, currency and arrows,
Latin Extended-D for Mayan orthographies' saltillo): the languages of the campaigns, at a
quarter of the size. The fillable PDF field embeds the whole font, so this keeps every
home-print PDF light. Text is NFC-normalised, so accented letters are precomposed glyphs.
A campaign in another script needs a font that covers it here. The font is never fetched
at build time.
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
LATIN = (
    *range(0x20, 0x250),  # Basic Latin … Latin Extended-B
    *range(0x250, 0x2B0),  # IPA extensions (ɛ, ɔ in some orthographies)
    *range(0x2B0, 0x370),  # spacing modifiers and combining diacritics
    *range(0x1E00, 0x1F00),  # Latin Extended Additional
    *range(0x2000, 0x2070),  # punctuation, spaces (incl. U+202F narrow no-break space)
    *range(0x20A0, 0x20C1),  # currency
    *range(0x2190, 0x2200),  # arrows
    *range(0xA720, 0xA800),  # Latin Extended-D (saltillo ꞌ)
    0x2122,
    0x2116,
    0x00A0,
    0xFB01,
    0xFB02,
)


@dataclass(frozen=True)
class FontFiles:
    """Paths of the static instances, by weight; picklable, so workers receive it."""

    regular: str
    bold: str

    def path(self, weight: int) -> str:
        return self.bold if weight >= 600 else self.regular

    def folders(self) -> tuple[Path, ...]:
        """Where the instances are: the only font files a template may load."""
        return tuple(sorted({Path(self.regular).parent, Path(self.bold).parent}))


def source_font() -> Path:
    """The variable Noto Sans file installed by ``fontpkg-noto-sans``."""
    return Path(fontpkg.path(FAMILY))


@cache
def source_digest() -> str:
    """Content hash of the source font: part of every cache key (a new font re-renders)."""
    return hashlib.sha256(source_font().read_bytes()).hexdigest()


def instance_name(weight: int) -> str:
    return f"NotoSans-{source_digest()[:16]}-latin-{weight}.ttf"


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
    from fontTools import subset

    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=LATIN)
    subsetter.subset(static)
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
