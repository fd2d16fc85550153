"""The preview being served, if any: ``make serve`` sets it, the plugin asks for it.

Kept apart from ``serve.py`` so that a plain ``puebla build`` does not import the server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .serve import ServeSession

_session: ServeSession | None = None


def current_session() -> ServeSession | None:
    return _session


def set_session(session: ServeSession | None) -> None:
    global _session
    _session = session
