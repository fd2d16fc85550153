"""Files the site publishes beside its pages: printed/social materials and link previews.

Rendered from the content model into a staging folder (content-hash cached, so an unchanged
build renders nothing), then copied into the built site. Kept out of MkDocs: the adapter only
calls :func:`render_extras` and copies the folder.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..model.project import Project
from .offline import KIT_NAME, offline_kit_path

CACHE = Path(".cache")


@dataclass
class Extras:
    folder: Path
    materials: list = field(default_factory=list)  # list[MaterialFile]
    previews: dict[str, str] = field(default_factory=dict)  # page src_uri → url_path of PNG
    offline_kit: Path | None = None  # the offline ZIP, published at the site root


def materials_cache(root: Path) -> Path:
    """The content-hash cache; PUEBLA_CACHE_DIR lets copies of the project (tests) share one."""
    return Path(os.environ.get("PUEBLA_CACHE_DIR") or root / CACHE / "materials")


def render_extras(
    project: Project, site_url: str, *, offline: bool = False, folder: Path | None = None
) -> Extras:
    """Render materials and previews; the online site also publishes the offline kit.

    ``offline`` is true while building the offline kit itself, which must not contain itself.
    ``folder`` (default ``.cache/site-extra``) lets ``make serve`` render the next materials
    beside the ones it is serving.
    """
    from ..materials import render_materials, render_previews

    folder = folder or project.root / CACHE / "site-extra"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    cache_dir = materials_cache(project.root)
    materials = render_materials(project, folder, site_url, cache_dir=cache_dir)
    previews = render_previews(project, folder, site_url, cache_dir=cache_dir)
    kit = offline_kit_path(project.root)
    if offline:  # the offline kit leaves out the per-campaign ZIPs (copies of what it holds)
        return Extras(folder, [m for m in materials if m.kind != "kit"], previews)
    if not kit.exists():
        return Extras(folder, materials, previews)
    shutil.copyfile(kit, folder / KIT_NAME)
    return Extras(folder, materials, previews, folder / KIT_NAME)


def copy_extras(extras: Extras, site_dir: Path) -> None:
    shutil.copytree(extras.folder, site_dir, dirs_exist_ok=True)
