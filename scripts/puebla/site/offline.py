"""The offline kit: the whole site in one ZIP that works from ``file://`` with no network.

Shelters and outreach teams without connectivity download it once. It is a second build of
the same site with ``use_directory_urls: false`` (links point at ``…/index.html`` files, which a
browser opens from disk), zipped deterministically. Link previews and the per-campaign ZIP kits
are left out: they are copies of files already inside, and the kit should stay small.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..model.locales import SOURCE_LANGUAGE, Locale
from .text import html_escape, md_escape

KIT_NAME = "puebla-outreach-offline.zip"
TOP = "puebla-outreach"  # folder inside the ZIP, so unzipping makes one tidy folder
_EPOCH = (1996, 3, 14, 0, 0, 0)  # fixed timestamps: the same site gives the same bytes
_SKIP_DIRS = ("assets/previews/",)


def offline_kit_path(root: Path) -> Path:
    return root / ".cache" / "offline" / KIT_NAME


def _wanted(rel: str) -> bool:
    if rel == KIT_NAME or rel.startswith(_SKIP_DIRS) or rel.endswith((".map", ".gz")):
        return False
    return not (rel.endswith(".zip") and "/materials/" in f"/{rel}")


def write_offline_kit(site: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site.rglob("*") if p.is_file())
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            rel = path.relative_to(site).as_posix()
            if not _wanted(rel):
                continue
            info = zipfile.ZipInfo(f"{TOP}/{rel}", date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(target)
    return target


def offline_kit_markdown(kit: Path, locale: Locale) -> str:
    """The download-page section for the offline kit (linked relative to /<lang>/materials/)."""
    up = "../" if locale.code == SOURCE_LANGUAGE else "../../"
    size = kit.stat().st_size
    megabytes = f"{size / 1_000_000:.1f}".replace(
        ".", "," if locale.code != SOURCE_LANGUAGE else "."
    )
    return (
        f"\n## {md_escape(locale.t('offline_heading'))} {{#offline-kit}}\n\n"
        f"{md_escape(locale.t('offline_text'))}\n\n"
        f'<a href="{up}{KIT_NAME}" download>{html_escape(locale.t("offline_link"))}</a> '
        f"(ZIP, {megabytes} MB)\n"
    )
