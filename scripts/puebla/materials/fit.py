"""Make text fit a box with the real font metrics, or say exactly which field does not.

Every text field has a size range. The fitter wraps the text at the largest size and shrinks
step by step until it fits the box's width, line limit and height. A translation that does
not fit even at the smallest size is an error for the editor to fix (shorten the text) —
never a silently clipped line.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from .fonts import FontFiles
from .metrics import FontMetrics, MissingGlyph, metrics

_SPACES = re.compile(r"[ \t\r\n]+")  # no-break spaces (U+00A0, U+202F) are kept inside words
_URL_PART = re.compile(r"[^/]*/+|[^/]+$")
_STEP = 0.25  # pt between two tried sizes


@dataclass(frozen=True)
class Style:
    """How a field may be set: weight, size range (pt), line spacing, line limit."""

    weight: int
    min_size: float
    max_size: float
    leading: float = 1.25
    max_lines: int = 99
    url: bool = False  # break after "/" rather than at spaces
    balance: bool = False  # even out line lengths (headlines)


@dataclass(frozen=True)
class Fitted:
    """Text set at one size: its lines and their widths in pt."""

    lines: tuple[str, ...]
    widths: tuple[float, ...]
    size: float
    weight: int
    leading: float
    ascent: float  # em
    descent: float  # em

    @property
    def line_gap(self) -> float:
        return self.size * self.leading

    @property
    def height(self) -> float:
        """From the top of the first line's ascent to the bottom of the last line's descent."""
        if not self.lines:
            return 0.0
        return (len(self.lines) - 1) * self.line_gap + self.size * (self.ascent + self.descent)

    @property
    def width(self) -> float:
        return max(self.widths, default=0.0)

    @property
    def text(self) -> str:
        return " ".join(self.lines)


class Overflow(Exception):
    """A field does not fit; ``field`` names it, ``reason`` says why (for the editor)."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


def normalize(text: str) -> str:
    """NFC (precomposed accents: the font's glyphs need no mark positioning), one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _tokens(text: str, url: bool) -> tuple[list[str], str]:
    if url:
        return _URL_PART.findall(text), ""
    return text.split(" "), " "


@dataclass(frozen=True)
class FlowItem:
    """One field in a vertical stack; ``space_before`` is in em of the field's size."""

    field: str
    text: str
    style: Style
    space_before: float = 0.0
    indent: float = 0.0  # pt taken from the width (e.g. by a bullet)


class Measurer:
    """Wraps and fits text with the metrics of the project's font files."""

    def __init__(self, fonts: FontFiles):
        self.fonts = fonts

    def font(self, weight: int) -> FontMetrics:
        return metrics(self.fonts.path(weight))

    def width(self, text: str, weight: int, size: float) -> float:
        return self.font(weight).width(text) * size

    def _wrap(
        self, field: str, text: str, style: Style, size: float, width: float
    ) -> tuple[list[str], list[float]] | None:
        """Greedy line breaking; None when one word alone is wider than ``width``."""
        fm = self.font(style.weight)
        words, sep = _tokens(text, style.url)
        try:
            widths = [fm.width(w) * size for w in words]
            sep_w = fm.width(sep) * size
        except MissingGlyph as exc:
            raise Overflow(field, str(exc)) from None
        lines: list[list[str]] = []
        line_widths: list[float] = []
        for word, w in zip(words, widths, strict=True):
            if w > width:
                return None
            if lines and line_widths[-1] + sep_w + w <= width:
                lines[-1].append(word)
                line_widths[-1] += sep_w + w
            else:
                lines.append([word])
                line_widths.append(w)
        return [sep.join(line) for line in lines], line_widths

    def _balanced(
        self, field: str, text: str, style: Style, size: float, width: float, count: int
    ) -> tuple[list[str], list[float]]:
        """The narrowest wrap with the same number of lines (avoids a lone last word)."""
        best = self._wrap(field, text, style, size, width)
        assert best is not None
        low, high = width * 0.5, width
        for _ in range(12):
            mid = (low + high) / 2
            trial = self._wrap(field, text, style, size, mid)
            if trial is not None and len(trial[0]) <= count:
                best, high = trial, mid
            else:
                low = mid
        return best

    def _set(
        self, lines: Sequence[str], widths: Sequence[float], style: Style, size: float
    ) -> Fitted:
        fm = self.font(style.weight)
        return Fitted(
            tuple(lines), tuple(widths), size, style.weight, style.leading, fm.ascent, fm.descent
        )

    def at_size(
        self, field: str, text: str, style: Style, size: float, width: float
    ) -> Fitted | None:
        """The text wrapped at ``size``, or None if it breaks the width or line limit."""
        text = normalize(text)
        wrapped = self._wrap(field, text, style, size, width)
        if wrapped is None or len(wrapped[0]) > style.max_lines:
            return None
        if style.balance and len(wrapped[0]) > 1:
            wrapped = self._balanced(field, text, style, size, width, len(wrapped[0]))
        return self._set(*wrapped, style, size)

    def sizes(self, style: Style) -> list[float]:
        """Sizes to try, largest first, ending exactly at the minimum."""
        steps = max(0, math.floor((style.max_size - style.min_size) / _STEP + 1e-9))
        out = [style.max_size - i * _STEP for i in range(steps + 1)]
        if out[-1] != style.min_size:
            out.append(style.min_size)
        return out

    def fit(
        self, field: str, text: str, style: Style, width: float, height: float = math.inf
    ) -> Fitted:
        """The largest size at which the text fits; Overflow if none does."""
        for size in self.sizes(style):
            fitted = self.at_size(field, text, style, size, width)
            if fitted is not None and fitted.height <= height + 1e-6:
                return fitted
        raise Overflow(field, self._why(field, text, style, width, height))

    def _why(self, field: str, text: str, style: Style, width: float, height: float) -> str:
        size = style.min_size
        wrapped = self._wrap(field, normalize(text), style, size, width)
        if wrapped is None:
            return f"a word is wider than the space ({width:.0f} pt) even at {size:g} pt"
        if len(wrapped[0]) > style.max_lines:
            return (
                f"it needs {len(wrapped[0])} lines (at most {style.max_lines}) even at {size:g} pt"
            )
        return f"it is too long for the space ({height:.0f} pt high) even at {size:g} pt"

    def fit_flow(
        self, items: Sequence[FlowItem], width: float, height: float
    ) -> list[tuple[Fitted, float]]:
        """Fit a vertical stack with one shared scale; returns (fitted, space before in pt).

        All fields shrink together from their largest to their smallest size, so the stack
        keeps its hierarchy. If it cannot fit, the error names the field that cannot fit its
        own width or line limit, or else the one that takes the most room.
        """
        steps = 40
        for i in range(steps + 1):
            t = 1 - i / steps
            placed = []
            total = 0.0
            for item in items:
                s = item.style
                size = round(s.min_size + t * (s.max_size - s.min_size), 2)
                fitted = self.at_size(item.field, item.text, s, size, width - item.indent)
                if fitted is None:
                    break
                space = item.space_before * size if placed else 0.0
                placed.append((fitted, space))
                total += space + fitted.height
            else:
                if total <= height + 1e-6:
                    return placed
        for item in items:
            s = item.style
            if self.at_size(item.field, item.text, s, s.min_size, width - item.indent) is None:
                raise Overflow(
                    item.field, self._why(item.field, item.text, s, width - item.indent, height)
                )
        tallest = max(
            items,
            key=lambda it: (
                self.at_size(
                    it.field, it.text, it.style, it.style.min_size, width - it.indent
                ).height
            ),  # type: ignore[union-attr]
        )
        raise Overflow(
            tallest.field,
            f"the texts of this part ({', '.join(it.field for it in items)}) are too long for "
            f"the space ({height:.0f} pt high) even at their smallest sizes; this one is the longest",
        )
