"""How many generated cases each property-based test ran (reported at the end of pytest)."""

from __future__ import annotations

_counts: dict[str, int] = {}


def case(loader: str) -> None:
    """Count one generated case for ``loader``."""
    _counts[loader] = _counts.get(loader, 0) + 1


def take() -> dict[str, int]:
    """The counts since the last call (one test's worth), then start again from zero."""
    counts = dict(_counts)
    _counts.clear()
    return counts
