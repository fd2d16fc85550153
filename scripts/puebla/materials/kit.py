"""The downloadable kit: one ZIP per campaign and language with every material in it.

Deterministic: entries sorted by name, a fixed timestamp (the day of the Puebla conference)
and fixed permissions, so the same files always make the same ZIP.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

FIXED_TIME = (1996, 3, 14, 0, 0, 0)


def kit_name(campaign: str, lang: str) -> str:
    return f"{campaign}-kit-{lang}.zip"


def build_zip(files: dict[str, Path]) -> bytes:
    """A ZIP of ``files`` (name in the archive → file on disk)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the build machine
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name].read_bytes(), compresslevel=9)
    return buf.getvalue()
