"""``SHA256SUMS``: the checksums of the downloads, so a copy passed on by hand can be checked.

Kits travel on USB sticks and through messaging apps before they are printed. An organisation
that got one that way can compare its SHA-256 with the list on the site (``sha256sum -c
SHA256SUMS`` in a copy of the site, or ``sha256sum <file>`` and a look). The list covers every
ZIP the online site publishes (the per-campaign kits and the offline site); it is written last,
into the online site only, so no ZIP contains it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model.locales import SOURCE_LANGUAGE, Locale
from .text import html_escape, md_escape

SUMS_NAME = "SHA256SUMS"
_CHUNK = 1 << 20


def downloads(site_dir: Path) -> list[str]:
    """The ZIPs of a built site, as sorted paths relative to its root."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.zip"))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def checksums_text(site_dir: Path) -> str:
    """The file in the format of GNU ``sha256sum`` (two spaces: text mode), one line a file."""
    return "".join(f"{sha256_of(site_dir / rel)}  {rel}\n" for rel in downloads(site_dir))


def write_checksums(site_dir: Path) -> Path:
    target = site_dir / SUMS_NAME
    target.write_text(checksums_text(site_dir), encoding="utf-8")
    return target


def checksums_markdown(locale: Locale) -> str:
    """The materials page's line linking the list (from /materials/ or /<lang>/materials/)."""
    up = "../" if locale.code == SOURCE_LANGUAGE else "../../"
    return (
        f"\n{md_escape(locale.t('checksums_text'))} "
        f'<a href="{up}{SUMS_NAME}" type="text/plain">{html_escape(locale.t("checksums_link"))}</a>\n'
    )
