"""Printed and social outreach materials, and the site's link previews.

Per campaign and language: posters (Letter, A4), two-sided flyers (half letter, A5, and a
2-up sheet), sheets of pocket cards — each as a tagged PDF/UA-1 file for screens and home
printers and, for print shops, as PDF/X-4 in CMYK with 3 mm bleed and crop marks — social
images (four sizes) and a ZIP kit; per site page: a 1200 × 630 link preview. Every design is
an HTML/CSS template in ``templates/`` rendered by WeasyPrint (PNGs rasterised by pdfium).
Every word comes from the content model; one type size per item in every language, and the
build fails, naming the field and how much to cut, when a translation does not fit.

The site build calls :func:`render_materials` and :func:`render_previews` into a staging
folder, and :func:`materials_markdown` for the download pages.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..model.project import Project
from .adapters import is_placeholder_url
from .cache import Cache, job_key
from .catalog import ENTRIES
from .kit import build_zip, kit_name
from .markdown import materials_markdown
from .runner import Progress, ProgressFn, place, run, stderr_progress
from .spec import material_jobs, materials_base, preview_jobs

__all__ = [
    "MaterialFile",
    "Progress",
    "materials_markdown",
    "render_materials",
    "render_previews",
]


@dataclass(frozen=True)
class MaterialFile:
    """One downloadable file, as the download page and the site build need it."""

    lang: str
    campaign: str
    kind: str  # poster, poster-print, flyer, flyer-print, card, card-print, social, kit
    filename: str  # e.g. "poster-a4.pdf"
    url_path: str  # relative to the site root, e.g. "es/materials/rights/poster-a4.pdf"
    path: Path  # the file on disk: out_dir / url_path
    format: str  # "PDF", "PNG", "ZIP"
    paper: str  # localized: "US Letter", "A4", "Half letter", …, or "1080 × 1080 px"
    size_bytes: int
    thumbnail: str | None  # url_path of a PNG thumbnail (≤ 400 px wide)
    alt: str  # alt text of the thumbnail, in ``lang``


def _size(path: Path) -> str:
    """Pixel size of a PNG; the trim size of the print-shop card (the one PDF without paper)."""
    if path.suffix == ".pdf":
        return "85 × 55 mm"
    with Image.open(path) as image:
        width, height = image.size
    return f"{width} × {height} px"


_WARNED: set[str] = set()


def warn_placeholder(site_url: str) -> None:
    """Say once per process, loudly, that the materials point at a placeholder address."""
    if not is_placeholder_url(site_url) or site_url in _WARNED:
        return
    _WARNED.add(site_url)
    bar = "!" * 78
    print(
        f"{bar}\nWARNING: SITE_URL is unset or the example domain ({site_url or 'unset'}).\n"
        "Every QR code and printed address points there, and every material is stamped\n"
        "'SAMPLE — set SITE_URL'. Set SITE_URL to the published address, e.g.\n"
        "  SITE_URL=https://outreach.example.net/ make site\n"
        f"{bar}",
        file=sys.stderr,
        flush=True,
    )


def render_materials(
    project: Project,
    out_dir: Path,
    site_url: str,
    *,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: ProgressFn | None = None,
) -> list[MaterialFile]:
    """Render every material of every campaign and language into ``out_dir``.

    Raises ContentError (listing every problem) if a text does not fit or a text colour
    lacks contrast. Unchanged materials are copied from ``cache_dir``; the misses render in
    ``jobs`` processes (default: one per core). ``progress`` receives one event per item.
    """
    out_dir = Path(out_dir)
    warn_placeholder(site_url)
    cache = Cache(cache_dir)
    job_list = material_jobs(project, site_url)
    keys = [job_key(job.key_data()) for job in job_list]
    outputs = run(job_list, out_dir, cache, jobs, progress, keys)
    produced: dict[tuple[str, str], dict[str, Path]] = {}
    made_by: dict[tuple[str, str], dict[str, str]] = {}
    for job, key, files in zip(job_list, keys, outputs, strict=True):
        produced.setdefault((job.lang, job.campaign), {}).update(files)
        made_by.setdefault((job.lang, job.campaign), {}).update(dict.fromkeys(files, key))
    report = progress or stderr_progress
    files_out: list[MaterialFile] = []
    kits = [(lang, cid) for lang in project.languages for cid in project.campaigns]
    for n, (lang, cid) in enumerate(kits, start=1):
        loc = project.locales[lang]
        text = project.campaigns[cid].texts[lang]
        base = materials_base(lang, cid)
        have = produced.get((lang, cid), {})
        group: list[MaterialFile] = []
        for entry in ENTRIES:
            path = have.get(entry.filename)
            if path is None:
                continue
            thumb = have.get(entry.thumbnail)
            name = loc.t(entry.name_key)
            group.append(
                MaterialFile(
                    lang=lang,
                    campaign=cid,
                    kind=entry.kind,
                    filename=entry.filename,
                    url_path=f"{base}/{entry.filename}",
                    path=path,
                    format=entry.format,
                    paper=loc.t(entry.paper_key) if entry.paper_key else _size(path),
                    size_bytes=path.stat().st_size,
                    thumbnail=f"{base}/{entry.thumbnail}" if thumb else None,
                    alt=loc.t("materials_alt", material=name, text=getattr(text, entry.alt_field)),
                )
            )
        if group:
            kit, cached = _kit(
                group, made_by[(lang, cid)], cache, out_dir, base, cid, lang, loc.t("paper_all")
            )
            group.append(kit)
            report(Progress(n, len(kits), kit.url_path, cached))
        files_out.extend(group)
    return files_out


def _kit(
    group: list[MaterialFile],
    made_by: dict[str, str],
    cache: Cache,
    out_dir: Path,
    base: str,
    cid: str,
    lang: str,
    paper: str,
) -> tuple[MaterialFile, bool]:
    """The ZIP of a campaign and language, cached by the keys of the jobs that made its
    members (a member's bytes are a function of its job's key and its name: no need to
    read and hash every member on each build)."""
    members = {f.filename: f.path for f in group}
    key = job_key({"kit": kit_name(cid, lang), "members": {n: made_by[n] for n in members}})
    name = kit_name(cid, lang)
    target = out_dir / base / name
    target.parent.mkdir(parents=True, exist_ok=True)
    hit = cache.get(key)
    if hit is not None:
        place(target, hit[name])
    else:
        data = build_zip(members)
        cache.put(key, {name: data})
        place(target, data)
    kit = MaterialFile(
        lang=lang,
        campaign=cid,
        kind="kit",
        filename=name,
        url_path=f"{base}/{name}",
        path=target,
        format="ZIP",
        paper=paper,
        size_bytes=target.stat().st_size,
        thumbnail=None,
        alt="",
    )
    return kit, hit is not None


def render_previews(
    project: Project,
    out_dir: Path,
    site_url: str,
    *,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: ProgressFn | None = None,
    site_name: str | None = None,
) -> dict[str, str]:
    """Render the 1200 × 630 link preview of every page of the site into ``out_dir``.

    Returns {page src_uri (e.g. 'es/communique/index.md'): url_path of its PNG}. Pages are
    every authored page in docs/ and every campaign page, in every language.
    """
    job_list = preview_jobs(project, site_url, site_name)
    run(job_list, Path(out_dir), Cache(cache_dir), jobs, progress)
    return {job.src_uri: job.output for job in job_list}
