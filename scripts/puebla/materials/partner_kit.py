"""A local partner's co-branded kit: every material in the partner's languages, with its
name, cleaned logo and own lines where the local contact goes, in one ZIP.

The partner file is untrusted: it is loaded and its logo cleaned in issue 14's sandbox
(``puebla.model.partners``); a bad file stops here with the file and field named.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.project import Project
from .cache import Cache
from .kit import build_zip
from .runner import ProgressFn, run
from .spec import material_jobs


@dataclass(frozen=True)
class PartnerKit:
    partner: str  # id
    name: str
    languages: tuple[str, ...]
    url_path: str  # relative to the site root: partners/<id>/<id>-kit.zip
    path: Path
    size_bytes: int


def kit_path(partner_id: str) -> str:
    return f"partners/{partner_id}/{partner_id}-kit.zip"


def build_partner_kit(
    project: Project,
    partner_id: str,
    out_dir: Path,
    site_url: str,
    *,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: ProgressFn | None = None,
) -> PartnerKit:
    """Render the kit of ``partners/<partner_id>.yml`` into ``out_dir``; returns the ZIP."""
    from ..model.partners import load_partner, partner_path

    partner = load_partner(
        partner_path(project.root, partner_id), languages=list(project.languages)
    )
    job_list = material_jobs(project, site_url, partner)
    outputs = run(job_list, out_dir, Cache(cache_dir), jobs, progress)
    members: dict[str, Path] = {}
    prefix = f"partners/{partner.id}/"
    for job, files in zip(job_list, outputs, strict=True):
        for name, path in files.items():
            if name.startswith("thumbs/"):
                continue
            members[f"{job.base[len(prefix) :]}/{name}"] = path
    target = out_dir / kit_path(partner.id)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build_zip(members))
    return PartnerKit(
        partner.id,
        partner.name,
        tuple(partner.languages),
        kit_path(partner.id),
        target,
        target.stat().st_size,
    )


def published_partner_kits(
    project: Project, out_dir: Path, site_url: str, cache_dir: Path | None
) -> list:
    """The kits of every partner file with ``publish: true``, as download-list entries (one
    per language of the partner). Every partner file is validated, published or not."""
    from ..model.partners import load_partners
    from . import MaterialFile

    entries = []
    for partner in load_partners(project.root, languages=list(project.languages)):
        if not partner.publish:
            continue
        kit = build_partner_kit(
            project, partner.id, out_dir, site_url, cache_dir=cache_dir, progress=lambda e: None
        )
        for lang in kit.languages:
            entries.append(
                MaterialFile(
                    lang=lang,
                    campaign="partners",
                    kind="partner-kit",
                    filename=kit.url_path.rsplit("/", 1)[1],
                    url_path=kit.url_path,
                    path=kit.path,
                    format="ZIP",
                    paper=kit.name,
                    size_bytes=kit.size_bytes,
                    thumbnail=None,
                    alt="",
                )
            )
    return entries
