"""``make bench``: how long the materials take on this machine, next to a site build.

Prints the time per material kind (rendered one after another in this process), a clean
full render (every material and link preview, in parallel, empty cache), a re-render with
nothing changed (all cache hits), the same clean render by the old fpdf2 renderer (the
project as of commit OLD_RENDERER, taken from git into a temporary folder: its own content
and code, so the two columns render the same kinds of files; and, because that commit
cannot render the languages added since, the new renderer once more with only the old
one's languages: the same campaigns and languages side by side; files written are counted
for both), and site builds without
materials, with materials from scratch and from the cache, as ratios to the site build
without materials. The goals — new clean render within 1.5× of the old one, cached
re-render under 0.2 s — are printed with the result; timings are information, not a test:
nothing here fails on a slow or busy machine. On a shared machine only ratios measured in
the same round count: ``BENCH_ROUNDS=N`` renders new and old in turn N times (each round
with the load average), ``BENCH_KINDS=0`` skips the per-kind timings and ``BENCH_SITE=0``
the site builds (e.g. ``make bench BENCH_ROUNDS=2 BENCH_KINDS=0 BENCH_SITE=0``; make passes
command-line variables to the environment).
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, redirect_stderr
from dataclasses import dataclass, replace
from pathlib import Path

from ..model.project import Project, load_project
from . import render_materials, render_previews
from .fonts import font_files, make_instance, missing_instances
from .runner import Progress, close_pool, work
from .spec import material_jobs, preview_jobs

SITE_URL = "https://puebla-outreach.example.org/"
OLD_RENDERER = "9dd7cae"  # the last commit with the fpdf2 coordinate layouts
_OLD_SCRIPT = """
import sys, time, tempfile
from pathlib import Path
from puebla.model.project import load_project
from puebla.materials import render_materials, render_previews

def main():
    root = Path(sys.argv[1])
    project = load_project(root)
    url = "https://puebla-outreach.example.org/"
    quiet = lambda e: None
    with tempfile.TemporaryDirectory() as t:
        t = Path(t)
        render_previews(project, t / "warm", url, cache_dir=t / "c0", progress=quiet)
        cache = t / "cache"
        (cache / "fonts").parent.mkdir(parents=True)
        import shutil
        shutil.copytree(t / "c0" / "fonts", cache / "fonts")
        start = time.perf_counter()
        render_materials(project, t / "o1", url, cache_dir=cache, progress=quiet)
        render_previews(project, t / "o1", url, cache_dir=cache, progress=quiet)
        full = time.perf_counter() - start
        start = time.perf_counter()
        render_materials(project, t / "o2", url, cache_dir=cache, progress=quiet)
        render_previews(project, t / "o2", url, cache_dir=cache, progress=quiet)
        cached = time.perf_counter() - start
        files = sum(1 for f in (t / "o1").rglob("*") if f.is_file())
        print(full, cached, files, ",".join(project.languages))

if __name__ == "__main__":
    main()
"""
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
    plugin.render_extras = lambda project, site_url, **_: Extras(empty)  # offline=…
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


@dataclass(frozen=True)
class Run:
    """One clean render and the re-render after it."""

    clean: float
    cached: float
    files: int  # files written by the clean render
    languages: tuple[str, ...]


def _old_renderer(root: Path, old: Path) -> Run | None:
    """The old renderer's run (unpacked into the empty folder ``old``), or None without git
    or that commit."""
    import subprocess

    try:
        archive = subprocess.run(
            ["git", "archive", OLD_RENDERER], cwd=root, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        (old / "oldbench.py").write_text(_OLD_SCRIPT, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(old / "scripts")}
        out = subprocess.run(
            [sys.executable, str(old / "oldbench.py"), str(old)],
            cwd=old,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"  (old renderer not measured: {exc})", file=sys.stderr)
        return None
    return Run(float(out[0]), float(out[1]), int(out[2]), tuple(out[3].split(",")))


def _new_renderer(project: Project, tmp: Path, fonts_dir: Path) -> Run:
    """This renderer's run: empty cache but the font instances, like the old renderer's
    run (its fonts are made before its clock starts too), and its workers started anew."""
    cache = tmp / "cache"
    shutil.copytree(fonts_dir, cache / "fonts")
    # Workers are kept for the life of a process (``runner._pool``); a clean render starts
    # them, as the old renderer's run does (~2 s): the same start for both columns.
    close_pool()
    start = time.perf_counter()
    render_materials(project, tmp / "out1", SITE_URL, cache_dir=cache, progress=_quiet)
    render_previews(project, tmp / "out1", SITE_URL, cache_dir=cache, progress=_quiet)
    full = time.perf_counter() - start
    start = time.perf_counter()
    render_materials(project, tmp / "out2", SITE_URL, cache_dir=cache, progress=_quiet)
    render_previews(project, tmp / "out2", SITE_URL, cache_dir=cache, progress=_quiet)
    cached = time.perf_counter() - start
    files = sum(1 for f in (tmp / "out1").rglob("*") if f.is_file())
    return Run(full, cached, files, tuple(project.languages))


def _only(project: Project, languages: tuple[str, ...]) -> Project:
    """The project as if it had only ``languages``: the old renderer cannot render the
    languages added since, so this is the comparison of the same campaigns and languages."""
    return replace(project, locales={k: v for k, v in project.locales.items() if k in languages})


def _load() -> str:
    try:
        return " / ".join(f"{v:.1f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def main(root: Path | None = None) -> int:
    """Options by environment (``make bench BENCH_ROUNDS=2``): ``BENCH_ROUNDS`` clean renders
    of new and old in turn (default 1; on a shared machine only ratios within a round
    count), ``BENCH_KINDS=0`` skips the per-kind timings, ``BENCH_SITE=0`` the site builds."""
    root = (root or Path.cwd()).resolve()
    rounds = max(1, int(os.environ.get("BENCH_ROUNDS", "1")))
    project = load_project(root)
    rows: list[tuple[str, float]] = []
    rounds_run: list[tuple[Run, Run | None, Run | None, str]] = []
    builds: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="puebla-bench-") as name:
        tmp = Path(name)
        fonts_dir = tmp / "fonts"
        start = time.perf_counter()
        for weight, path in missing_instances(fonts_dir):
            make_instance(weight, path)
        rows.append(("font instances (once; then cached)", time.perf_counter() - start))
        fonts = font_files(fonts_dir)
        if os.environ.get("BENCH_KINDS", "1") != "0":
            per_kind: dict[str, list[float]] = defaultdict(list)
            for job in [*material_jobs(project, SITE_URL), *preview_jobs(project, SITE_URL)]:
                start = time.perf_counter()
                work(job, fonts)
                per_kind[job.family].append(time.perf_counter() - start)
            for family, times in per_kind.items():
                label = f"{family}: {len(times)} jobs, {sum(times) / len(times):.3f} s each"
                rows.append((label, sum(times)))
        for n in range(rounds):
            load_before = _load()
            (tmp / f"old{n}").mkdir()
            old = _old_renderer(root, tmp / f"old{n}")
            new = _new_renderer(project, tmp / f"new{n}", fonts_dir)
            same = None
            if old is not None and set(old.languages) < set(project.languages):
                same = _new_renderer(_only(project, old.languages), tmp / f"same{n}", fonts_dir)
            rounds_run.append((new, same, old, f"{load_before} -> {_load()}"))
        if os.environ.get("BENCH_SITE", "1") != "0":
            builds = _site_builds(root, tmp)

    print(f"Materials benchmark on {os.cpu_count()} cores ({root})")
    for label, seconds in rows:
        print(f"  {label:<52} {seconds:7.2f} s")
    full, cached = rounds_run[-1][0].clean, rounds_run[-1][0].cached
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
    ratios: dict[str, list[float]] = defaultdict(list)
    for n, (new, same, old, load) in enumerate(rounds_run, start=1):
        print(f"  round {n} (load average 1/5/15 min: {load})")
        print(f"  {'':<52} {'new':>9} {'old (fpdf2)':>12} {'new/old':>8}")
        if old is None:
            print(f"  {'clean render, materials + previews':<52} {new.clean:7.2f} s")
            print(f"  {'cached re-render':<52} {new.cached:7.2f} s   goal < 0.2 s")
            continue
        for label, run in (("all languages", new), ("the old renderer's languages", same)):
            if run is None:
                continue
            ratios[label].append(run.clean / old.clean)
            what = f"clean render, {label} ({','.join(run.languages)})"
            print(f"  {what:<52} {run.clean:7.2f} s {old.clean:10.2f} s "
                  f"{run.clean / old.clean:7.2f}×   goal ≤ 1.5×")  # fmt: skip
            what = f"  per file written ({run.files} new, {old.files} old)"
            per = (run.clean / run.files) / (old.clean / old.files)
            print(f"  {what:<52} {'':>9} {'':>12} {per:7.2f}×")  # fmt: skip
        print(f"  {'cached re-render':<52} {new.cached:7.2f} s {old.cached:10.2f} s "
              f"{new.cached / old.cached:7.2f}×   goal < 0.2 s")  # fmt: skip
    for label, values in ratios.items():
        if len(values) > 1:
            what = f"clean render new/old, {label}, median"
            print(f"  {what:<52} {statistics.median(values):7.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
