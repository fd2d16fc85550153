"""Refuse a recording that lacks a speaker, a reviewer or a transcript, naming the file.

A recording without a named speaker or reviewer could be anyone's voice saying anything; one
without a transcript (no page beside it, or a page not yet translated) cannot be checked by
a reader, nor read by someone who cannot listen.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Collector
from ..model.docs import MIRROR_MARKER
from ..model.pages import SitePage
from ..model.project import Project
from ..model.recordings import FORMATS, looks_like, recording_files, recording_of
from ..model.translation import is_skeleton

_EXAMPLE = (
    "recording:\n      speaker: <who reads it>\n      reviewer: <who checked it against the text>"
)


def _audio_files(project: Project) -> list[Path]:
    """Every audio file where pages are authored (mirrored copies under docs/ excluded)."""
    found = []
    for folder in (project.root / "docs", project.root / "campaigns"):
        mirrored = {p.parent for p in folder.rglob(MIRROR_MARKER)}
        for suffix in FORMATS:
            for path in folder.rglob(f"*{suffix}"):
                if not any(m in path.parents for m in mirrored):
                    found.append(path)
    return sorted(found)


def check_recordings(
    project: Project, pages: dict[str, dict[str, SitePage]], issues: Collector
) -> None:
    docs = {p.doc.path.resolve(): p for tree in pages.values() for p in tree.values()}
    for audio in _audio_files(project):
        page = docs.get(audio.with_suffix(".md").resolve())
        if page is None:
            issues.error(
                audio,
                f"this recording has no transcript: there is no page {audio.with_suffix('.md').name} "
                "beside it (the page's text is the recording's transcript)",
                "put the recording beside the page it reads, with the same name, or remove it",
            )
            continue
        if not looks_like(audio):
            issues.error(
                audio,
                f"this is not an {FORMATS[audio.suffix][0]} file",
                f"export the recording as {FORMATS[audio.suffix][0]} again, or rename it",
            )
    for page in docs.values():
        files = recording_files(page.doc.path)
        if len(files) > 1:
            issues.error(files[1], "this page has two recordings", "keep one (Opus or MP3)")
        recording = recording_of(page.doc)
        md = page.doc.path.name
        if recording is None:
            if "recording" in page.doc.meta:
                issues.error(
                    page.doc.path,
                    "the front matter names a recording but no audio file is beside this page",
                    f"put {page.doc.path.stem}.opus (or .mp3) beside {md}, or remove 'recording:'",
                    field="recording",
                )
            continue
        for role, what in (("speaker", "who reads it"), ("reviewer", "who checked it")):
            if not getattr(recording, role):
                issues.error(
                    recording.path,
                    f"this recording has no {role} ({what}): add it to the front matter of {md}",
                    f"in {md}, write:\n    {_EXAMPLE}",
                    field=f"recording.{role}",
                )
        untranslated = page.doc.meta.get("translation_status") == "untranslated"
        if untranslated or is_skeleton(page.doc.body):
            issues.error(
                recording.path,
                f"this recording has no transcript: {md} is not yet translated, so the page "
                "does not carry the text the recording says",
                f"translate {md} (its text is the transcript), or remove the recording",
            )
