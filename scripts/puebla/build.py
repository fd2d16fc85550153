"""An atomic site build: validate, build into a temporary folder, then swap it into place.

A failed build (bad content, a broken link in strict mode) leaves the previous ``site/``
exactly as it was; a reader of the old site never sees a half-written one.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from .content import load_content
from .errors import ContentError, Problem
from .site.offline import offline_kit_path, write_offline_kit

MAX_WARNINGS_SHOWN = 5


def _help_line(warning: Problem) -> bool:
    """A help line due for a re-check, or left off print: always shown in full."""
    return Path(warning.path).name == "help-lines.yml" or warning.field == "extra.report_to"


def report_warnings(warnings: list[Problem], root: Path) -> None:
    """Show a few warnings in full; for more, point to `make check` instead of flooding.

    Help-line warnings (sources to re-read, lines left off print) are never folded away.
    """
    for warning in [w for w in warnings if _help_line(w)]:
        print(warning.format(root), file=sys.stderr)
    warnings = [w for w in warnings if not _help_line(w)]
    for warning in warnings[:MAX_WARNINGS_SHOWN]:
        print(warning.format(root), file=sys.stderr)
    if len(warnings) > MAX_WARNINGS_SHOWN:
        print(
            f"… and {len(warnings) - MAX_WARNINGS_SHOWN} more warnings: run 'make check' to see them all.",
            file=sys.stderr,
        )


class BuildFailed(Exception):
    """The build stopped; the message says why and ``site/`` is untouched."""


def _mkdocs_build(config_file: Path, site_dir: Path, **overrides: object) -> None:
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
    try:
        # The offline kit first: the online site's download page lists it with its size.
        _mkdocs_build(config_file, offline, use_directory_urls=False)
        write_offline_kit(offline, offline_kit_path(root))
        _mkdocs_build(config_file, staging)
        _swap(staging, site_dir)
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
