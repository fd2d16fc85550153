"""One module per family of materials; each turns a job into named output files."""

from __future__ import annotations

from collections.abc import Callable

from . import card, flyer, poster, preview, social

RENDERERS: dict[str, Callable[..., dict[str, bytes]]] = {
    "poster": poster.render,
    "flyer": flyer.render,
    "card": card.render,
    "social": social.render,
    "preview": preview.render,
}

__all__ = ["RENDERERS"]
