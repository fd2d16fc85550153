"""QR codes as vector geometry: segno's module matrix turned into runs of dark modules.

Drawn as filled rectangles, the code is sharp at any print size (no raster image to reach
300 ppi) and identical in the PDF and the PNG.
"""

from __future__ import annotations

import segno

from .layout import QRCode

QUIET_ZONE = 4  # modules of light margin the QR standard requires


def qr_code(url: str, x: float, y: float, size: float, dark: str, light: str) -> QRCode:
    """A QR code for ``url`` whose outer square (quiet zone included) is ``size`` pt wide."""
    code = segno.make(url, error="m", micro=False)
    runs: list[tuple[int, int, int]] = []
    for r, row in enumerate(code.matrix_iter(scale=1, border=QUIET_ZONE)):
        start = None
        for c, dark_module in enumerate([*row, 0]):
            if dark_module and start is None:
                start = c
            elif not dark_module and start is not None:
                runs.append((r, start, c - start))
                start = None
    modules = code.symbol_size(scale=1, border=QUIET_ZONE)[0]
    return QRCode(x, y, size, modules, tuple(runs), dark, light, url)
