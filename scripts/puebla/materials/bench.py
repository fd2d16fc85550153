"""``make bench``: how long the materials take on this machine, next to a site build.

Prints the time per material kind (rendered one after another in this process), a clean
full render (every material and link preview, in parallel, empty cache), a re-render with
nothing changed (all cache hits), and site builds without materials, with materials from
scratch and with materials from the cache, as ratios to the site build without materials.
Timings are information, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, redirect_stderr
from pathlib import Path

from ..model.project import load_project
from . import render_materials, render_previews
from .fonts import font_files, make_instance, missing_instances
from .runner import Progress, work
from .spec import material_jobs, preview_jobs

SITE_URL = "https://puebla-outreach.example.org/"
_IGNORE = shutil.ignore_patterns(
    ".venv", "site", "site.old", ".site-build-*", ".cache", ".git", "__pycache__"
)


def _quiet(_: Progress) -> None:
    pass


@contextmanager
def _without_materials(tmp: Path) -> Iterator[bool]:
    """While active, the site build's plugin renders no materials (if it is wired that way)."""
    try:
        from ..mkdocs_plugin import plugin
        from ..site.extras import Extras
    except ImportError:
        yield False
        return
    if not hasattr(plugin, "render_extras"):
        yield False
        return
    empty = tmp / "no-extras"
    empty.mkdir(exist_ok=True)
    original = plugin.render_extras
    plugin.render_extras = lambda project, site_url: Extras(empty)
    try:
        yield True
    finally:
        plugin.render_extras = original


def _site_builds(root: Path, tmp: Path) -> list[tuple[str, float]]:
    """Site builds of a copy of the project: without materials, then with them."""
    from ..build import BuildFailed, build_site

    copy = tmp / "project"
    shutil.copytree(root, copy, ignore=_IGNORE)
    for mirrored in copy.glob("docs/*/campaigns/*/.mirrored"):
        shutil.rmtree(mirrored.parent)
    rows = []
    runs = [("site build without materials", True), ("site build, materials from scratch", False)]
    runs.append(("site build, materials from the cache", False))
    for n, (label, bare) in enumerate(runs):
        with _without_materials(tmp) if bare else nullcontext(False) as patched:
            if bare and not patched:
                continue
            start = time.perf_counter()
            try:
                with redirect_stderr(io.StringIO()):
                    build_site(copy, tmp / f"site{n}")
            except BuildFailed as exc:
                print(f"  ({label} failed: {str(exc).splitlines()[0]})", file=sys.stderr)
                continue
            rows.append((label, time.perf_counter() - start))
    return rows


def main(root: Path | None = None) -> int:
    root = (root or Path.cwd()).resolve()
    project = load_project(root)
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="puebla-bench-") as name:
        tmp = Path(name)
        fonts_dir = tmp / "fonts"
        start = time.perf_counter()
        for weight, path in missing_instances(fonts_dir):
            make_instance(weight, path)
        rows.append(("font instances (once; then cached)", time.perf_counter() - start))
        fonts = font_files(fonts_dir)
        per_kind: dict[str, list[float]] = defaultdict(list)
        for job in [*material_jobs(project, SITE_URL), *preview_jobs(project, SITE_URL)]:
            start = time.perf_counter()
            work(job, fonts)
            per_kind[job.family].append(time.perf_counter() - start)
        for family, times in per_kind.items():
            rows.append(
                (f"{family}: {len(times)} jobs, {sum(times) / len(times):.3f} s each", sum(times))
            )

        cache = tmp / "cache"
        start = time.perf_counter()
        render_materials(project, tmp / "out1", SITE_URL, cache_dir=cache, progress=_quiet)
        render_previews(project, tmp / "out1", SITE_URL, cache_dir=cache, progress=_quiet)
        full = time.perf_counter() - start
        start = time.perf_counter()
        render_materials(project, tmp / "out2", SITE_URL, cache_dir=cache, progress=_quiet)
        render_previews(project, tmp / "out2", SITE_URL, cache_dir=cache, progress=_quiet)
        cached = time.perf_counter() - start
        builds = _site_builds(root, tmp)

    print(f"Materials benchmark on {os.cpu_count()} cores ({root})")
    for label, seconds in rows:
        print(f"  {label:<52} {seconds:7.2f} s")
    site = dict(builds).get("site build without materials")
    print(f"  {'':<52} {'time':>9}   {'× site build without materials':>12}")
    summary = [
        ("full render, empty cache (materials + previews)", full),
        ("re-render, nothing changed (cache hits)", cached),
        *builds,
    ]
    for label, seconds in summary:
        ratio = f"{seconds / site:10.2f}×" if site else "         —"
        print(f"  {label:<52} {seconds:7.2f} s   {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
