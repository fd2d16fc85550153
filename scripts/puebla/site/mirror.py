"""Put campaign pages where MkDocs and mkdocs-static-i18n expect them.

The i18n plugin drops Markdown files whose source lies outside ``docs_dir``, so campaign pages
authored under ``campaigns/<id>/<lang>/`` are mirrored to ``docs/<lang>/campaigns/<id>/``
(git-ignored). Only files whose content changed are written: ``mkdocs serve`` watches
``docs/`` and would otherwise rebuild forever.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..model.campaigns import Campaign, CampaignPage
from ..model.docs import MIRROR_MARKER
from ..model.locales import Locale
from ..model.project import Project
from ..model.recordings import recording_files

GENERATED_NOTE = "<!-- Generated from {source}: edit that file, not this one. -->\n"


def commitment_link(depth: int, number: int) -> str:
    """Relative link from a page ``depth`` folders below the language root to a commitment."""
    return "../" * depth + f"communique/index.md#commitment-{number}"


def commitment_footer(locale: Locale, campaign: Campaign) -> str:
    """The closing line of every campaign page: which commitment of the communiqué it serves.

    Written by the mirror after the page's own text, and after the fallback language's text
    when an untranslated page shows that instead (the plugin replaces the body, not this)."""
    footer = locale.t(
        "commitment_footer",
        number=campaign.commitment,
        link=commitment_link(2, campaign.commitment),
    )
    return f"---\n\n{footer}\n{{: .commitment-link }}\n"


def mirror_campaigns(project: Project) -> dict[Path, CampaignPage]:
    """Write the mirrored pages; return {mirrored file: the campaign page it comes from}."""
    docs = project.root / "docs"
    written: dict[Path, CampaignPage] = {}
    for lang in project.languages:
        locale = project.locales[lang]
        for campaign in project.campaigns.values():
            target_dir = docs / lang / "campaigns" / campaign.id
            wanted: dict[Path, str | bytes] = {target_dir / MIRROR_MARKER: ""}
            for page in campaign.translations[lang].values():
                source = page.doc.path
                text = source.read_text(encoding="utf-8")
                rel = source.relative_to(project.root).as_posix()
                footer = commitment_footer(locale, campaign)
                body = f"{text.rstrip()}\n\n{GENERATED_NOTE.format(source=rel)}\n{footer}"
                target = target_dir / f"{page.slug}.md"
                wanted[target] = body
                written[target] = page
                for audio in recording_files(source):  # a recording travels with its page
                    wanted[target_dir / audio.name] = audio.read_bytes()
            _sync(target_dir, wanted)
        _remove_stale(docs / lang / "campaigns", set(project.campaigns))
    return written


def _sync(folder: Path, wanted: dict[Path, str | bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path, content in wanted.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    for path in folder.iterdir():
        if path not in wanted:
            path.unlink() if path.is_file() else shutil.rmtree(path)


def _remove_stale(campaigns_dir: Path, ids: set[str]) -> None:
    if not campaigns_dir.is_dir():
        return
    for sub in campaigns_dir.iterdir():
        if sub.is_dir() and (sub / MIRROR_MARKER).exists() and sub.name not in ids:
            shutil.rmtree(sub)
