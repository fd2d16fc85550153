"""Record Python audit events (files opened, sockets) around a block of code.

Audit hooks cannot be removed once added, so one hook is installed per process and records
only while a :func:`recording` block is active.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_active: list[list[dict[str, str]]] = []
_installed = False


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not _active:
        return
    if event == "open" and args and not isinstance(args[0], int):
        _active[-1].append({"event": "open", "path": os.fsdecode(args[0])})
    elif event.startswith("socket."):
        _active[-1].append({"event": event, "path": repr(args)[:200]})


@contextmanager
def recording() -> Iterator[list[dict[str, str]]]:
    """Yield a list that receives this process's open/socket events inside the block."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    events: list[dict[str, str]] = []
    _active.append(events)
    try:
        yield events
    finally:
        _active.pop()
