"""An atomic site build: validate, build into a temporary folder, then swap it into place.

A failed build (bad content, a broken link in strict mode) leaves the previous ``site/``
exactly as it was; a reader of the old site never sees a half-written one.

The offline kit (a second build without directory URLs) is made only when its inputs changed
(see ``site/offline.py``); both builds run in this one process so they share the compiled
theme templates (``mkdocs_plugin/templates.py``).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .content import load_content
from .errors import ContentError, Problem
from .site.hosting import publish_for_hosts
from .site.offline import (
    cached_offline_kit,
    kit_inputs_key,
    offline_kit_path,
    record_offline_kit,
    write_offline_kit,
)
from .warning_report import report


def report_warnings(warnings: list[Problem], root: Path) -> None:
    """New or changed warnings in full, known accepted states in one line (see warning_report.py).

    Help-line warnings (sources to re-read, lines left off print) are made ``always_show``
    where they arise, so ``make check`` and the build report them alike.
    """
    for line in report(warnings, root):
        print(line, file=sys.stderr)


class BuildFailed(Exception):
    """The build stopped; the message says why and ``site/`` is untouched."""


def _renders(action: str) -> None:
    """Tell the page-render memo (mkdocs_plugin/render_memo.py) a build starts or succeeded."""
    from .mkdocs_plugin import render_memo

    {"start": render_memo.start_site_build, "prune": render_memo.prune_page_renders}[action]()


def _mkdocs_build(config_file: Path, site_dir: Path, **overrides: object) -> str:
    """Build with MkDocs; returns the site's address (``site_url``)."""
    # Imported here: the rest of the package must work without MkDocs.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(
            config_file=str(config_file), site_dir=str(site_dir), strict=True, **overrides
        )
        build(config)
        return str(config.site_url or "/")
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from None


def build_site(root: Path, site_dir: Path | None = None, config_file: Path | None = None) -> Path:
    """Build the whole site into ``site_dir`` (default ``root/site``) atomically."""
    site_dir = (site_dir or root / "site").resolve()
    config_file = config_file or root / "mkdocs.yml"
    try:
        project = load_content(root)
    except ContentError as exc:
        raise BuildFailed("The content has errors:\n" + exc.format(root)) from None
    report_warnings(project.issues.warnings, root)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    offline = staging.with_name(staging.name + "-offline")
    _renders("start")
    try:
        # The offline kit first: the online site's download page lists it with its size.
        key = kit_inputs_key(root, os.environ.get("SITE_URL", ""), config_file)
        kit_rebuilt = cached_offline_kit(root, key) is None
        if kit_rebuilt:
            _mkdocs_build(config_file, offline, use_directory_urls=False)
            write_offline_kit(offline, offline_kit_path(root))
            record_offline_kit(root, key)
        site_url = _mkdocs_build(config_file, staging)
        publish_for_hosts(staging, site_url, project.languages)  # after every ZIP is written
        _swap(staging, site_dir)
        if kit_rebuilt:  # both builds ran: every render still needed was used
            _renders("prune")
    finally:
        for folder in (staging, offline):
            if folder.exists():
                shutil.rmtree(folder)
    return site_dir


def _swap(new: Path, current: Path) -> None:
    """Replace ``current`` by ``new`` with renames only (no moment without a site)."""
    new.chmod(0o755)
    old = current.with_name(current.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if current.exists():
        current.rename(old)
    new.rename(current)
    if old.exists():
        shutil.rmtree(old)
