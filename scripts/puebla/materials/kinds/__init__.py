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

# Families whose jobs can share one document (a list of jobs in, their files in order out).
BATCH_RENDERERS: dict[str, Callable[..., list[dict[str, bytes]]]] = {
    "preview": preview.render_batch,
}

__all__ = ["BATCH_RENDERERS", "RENDERERS"]
