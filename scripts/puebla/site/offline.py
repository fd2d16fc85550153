"""The offline kit: the whole site in one ZIP that works from ``file://`` with no network.

Shelters and outreach teams without connectivity download it once. It is a second build of
the same site with ``use_directory_urls: false`` (links point at ``…/index.html`` files, which a
browser opens from disk), zipped deterministically. Link previews and the per-campaign ZIP kits
are left out: they are copies of files already inside, and the kit should stay small.

That second build doubled every ``make site``; the kit is now rebuilt only when its inputs
changed (:func:`kit_inputs_key`: every content file, the templates, the build code, the
installed packages, the site address), so a build with nothing changed reuses the ZIP it made
last time, byte for byte the same file a fresh build writes.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sys
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


# What the kit is built from, relative to the project folder. docs/ holds the campaign pages the
# build mirrors there: they are derived from campaigns/ and left out, so the key is the same
# before and after the first build.
KIT_INPUTS = ("mkdocs.yml", "docs", "campaigns", "locales", "sources", "overrides")
_PACKAGE = Path(__file__).resolve().parent.parent  # scripts/puebla: the build's own code


def _files_under(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        if ".mirrored" in filenames:  # a mirrored campaign folder (see site/mirror.py)
            dirnames.clear()
            continue
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        found.extend(Path(dirpath) / name for name in sorted(filenames))
    return found


def kit_inputs_key(root: Path, site_url: str, config_file: Path | None = None) -> str:
    """A digest of everything the offline kit's bytes depend on (content hashes, not times).

    ``site_url`` is the ``SITE_URL`` the configuration may read; ``config_file`` a MkDocs
    configuration other than the project's ``mkdocs.yml``.
    """
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("site_url", site_url.encode())
    if config_file is not None:
        add("config", config_file.read_bytes())
    add("python", sys.version.encode())
    packages = sorted(
        f"{d.metadata['Name']}=={d.version}".lower() for d in importlib.metadata.distributions()
    )
    add("packages", "\n".join(packages).encode())
    for name in KIT_INPUTS:
        for path in _files_under(root / name):
            add(path.relative_to(root).as_posix(), path.read_bytes())
    for path in _files_under(_PACKAGE):
        if path.suffix == ".py":
            add("code/" + path.relative_to(_PACKAGE).as_posix(), path.read_bytes())
    return digest.hexdigest()


def _key_file(root: Path) -> Path:
    return offline_kit_path(root).with_suffix(".inputs")


def cached_offline_kit(root: Path, key: str) -> Path | None:
    """The kit made last time, if it was made from exactly these inputs."""
    kit, recorded = offline_kit_path(root), _key_file(root)
    if kit.is_file() and recorded.is_file() and recorded.read_text().strip() == key:
        return kit
    return None


def record_offline_kit(root: Path, key: str) -> None:
    _key_file(root).write_text(key + "\n")


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
