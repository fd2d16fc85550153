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

CACHE = Path(".cache")


@dataclass
class Extras:
    folder: Path
    materials: list = field(default_factory=list)  # list[MaterialFile]
    previews: dict[str, str] = field(default_factory=dict)  # page src_uri → url_path of PNG


def materials_cache(root: Path) -> Path:
    """The content-hash cache; PUEBLA_CACHE_DIR lets copies of the project (tests) share one."""
    return Path(os.environ.get("PUEBLA_CACHE_DIR") or root / CACHE / "materials")


def render_extras(project: Project, site_url: str) -> Extras:
    from ..materials import render_materials, render_previews

    folder = project.root / CACHE / "site-extra"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    cache_dir = materials_cache(project.root)
    materials = render_materials(project, folder, site_url, cache_dir=cache_dir)
    previews = render_previews(project, folder, site_url, cache_dir=cache_dir)
    return Extras(folder, materials, previews)


def copy_extras(extras: Extras, site_dir: Path) -> None:
    shutil.copytree(extras.folder, site_dir, dirs_exist_ok=True)
