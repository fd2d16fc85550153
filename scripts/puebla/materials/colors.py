"""Colour conversions for print: the campaign's RGB hex colours as CMYK fractions.

A plain (profile-less) conversion: the print file declares the project's CMYK output intent,
so the press reproduces these values; designers who need exact brand CMYK values can set
them in the CSS. Black text is never converted: it is set as 100 % K in ``design.py``.
"""

from __future__ import annotations

from ..model.colors import contrast, rgb

__all__ = ["contrast", "hex_to_cmyk"]


def hex_to_cmyk(value: str) -> tuple[float, float, float, float]:
    r, g, b = (c / 255 for c in rgb(value))
    k = 1 - max(r, g, b)
    if k >= 1:
        return 0.0, 0.0, 0.0, 1.0
    return tuple(
        round(x, 3)
        for x in ((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k)
    )  # type: ignore[return-value]
