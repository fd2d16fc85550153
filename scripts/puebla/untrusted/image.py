"""Guarded raster images: the project's pixel limit is checked from the header, then decoded.

Pillow reads only the header in ``Image.open``; the size it reports is checked against the
project's own limit (25 Mpx, far below Pillow's decompression-bomb guard) before ``load()``
decodes a pixel. The output is the image re-encoded as a plain PNG: no text chunks, no
profile, nothing the partner's file carried besides its pixels.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from . import limits
from .refusal import RefusedFile

ALLOWED_FORMATS = ("PNG", "JPEG")


@dataclass(frozen=True)
class CleanImage:
    """A checked raster image, re-encoded as PNG."""

    data: bytes
    width: int
    height: int
    mime: str = "image/png"


def check_header(
    data: bytes, path: Path | str, formats: tuple[str, ...] = ALLOWED_FORMATS
) -> tuple[int, int, str]:
    """(width, height, format) from the header alone; refused past the pixel limit."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(formats)) as im:
                width, height, fmt = im.width, im.height, im.format or "?"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width, height, fmt = -1, -1, "?"
    except Exception as exc:  # Pillow raises many kinds for a file that is not an image
        raise RefusedFile(
            path,
            f"the image cannot be read as {' or '.join(formats)} ({type(exc).__name__})",
            "export the logo again as PNG (or SVG) from the program that made it",
        ) from None
    if width < 0 or width * height > limits.MAX_IMAGE_PIXELS:
        size = f"{width} × {height} pixels" if width >= 0 else "larger than Pillow allows"
        raise RefusedFile(
            path,
            f"the image is {size}; the limit is {limits.MAX_IMAGE_PIXELS // 1_000_000} million pixels",
            "export it smaller: a logo needs at most about 2000 × 2000 pixels",
        )
    if width == 0 or height == 0:
        raise RefusedFile(path, "the image has no pixels", "export the logo again")
    return width, height, fmt


def clean_image_bytes(data: bytes, path: Path | str) -> CleanImage:
    """Check and decode ``data``; return it re-encoded as PNG, or refuse naming ``path``."""
    if len(data) > limits.MAX_IMAGE_BYTES:
        raise RefusedFile(
            path,
            f"the image is {len(data):,} bytes; the limit is {limits.MAX_IMAGE_BYTES:,}",
            "export it smaller: a logo needs at most about 2000 × 2000 pixels",
        )
    width, height, _ = check_header(data, path)
    try:
        with Image.open(io.BytesIO(data), formats=list(ALLOWED_FORMATS)) as im:
            im.load()
            mode = "RGBA" if im.mode in ("RGBA", "LA", "P", "PA") else "RGB"
            pixels = im.convert(mode)
    except Exception as exc:
        raise RefusedFile(
            path,
            f"the image is damaged and cannot be decoded ({type(exc).__name__})",
            "export the logo again as PNG (or SVG) from the program that made it",
        ) from None
    out = io.BytesIO()
    pixels.save(out, format="PNG", optimize=False, compress_level=9)
    return CleanImage(out.getvalue(), width, height)


def clean_image_file(path: Path) -> CleanImage:
    """Read an image file by its size (stat) first, then check and re-encode it."""
    size = path.stat().st_size
    if size > limits.MAX_IMAGE_BYTES:
        raise RefusedFile(
            path,
            f"the image is {size:,} bytes; the limit is {limits.MAX_IMAGE_BYTES:,}",
            "export it smaller: a logo needs at most about 2000 × 2000 pixels",
        )
    return clean_image_bytes(path.read_bytes(), path)
