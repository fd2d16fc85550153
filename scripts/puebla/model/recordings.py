"""Recordings: a page read aloud by a named speaker, beside its Markdown.

Why: many readers of the site's languages read little; a recording made by a speaker of the
language serves them better than any page. A recording is content like a page: its
transcript is the page's own text, and it names who reads it (``speaker``) and who checked
that it says that text (``reviewer``), in the page's front matter::

    recording:
      speaker: Name of the person who reads it
      reviewer: Name of the person who checked it against the text

The file sits beside the page, with the page's name: ``rights.md`` + ``rights.opus`` (or
``.mp3``). The project never makes speech itself: only files people recorded are published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .frontmatter import MarkdownDoc

# Suffix → (name shown to readers, MIME type). Opus is small for speech; MP3 plays everywhere.
FORMATS = {".opus": ("Opus", "audio/ogg; codecs=opus"), ".mp3": ("MP3", "audio/mpeg")}


@dataclass(frozen=True)
class Recording:
    path: Path
    format: str  # "Opus" or "MP3"
    mime: str
    size: int  # bytes: readers pay for data, the page shows it
    speaker: str
    reviewer: str


def recording_files(doc_path: Path) -> list[Path]:
    """The audio files beside a page that share its name (``rights.opus`` for ``rights.md``)."""
    return [doc_path.with_suffix(s) for s in FORMATS if doc_path.with_suffix(s).is_file()]


def looks_like(path: Path) -> bool:
    """Whether the file starts as its suffix says (an Ogg Opus stream, an MP3 file)."""
    with path.open("rb") as f:
        head = f.read(64)
    if path.suffix == ".opus":
        return head.startswith(b"OggS") and b"OpusHead" in head
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


def _name(meta: object, key: str) -> str:
    value = meta.get(key) if isinstance(meta, dict) else None
    return value.strip() if isinstance(value, str) else ""


def recording_of(doc: MarkdownDoc) -> Recording | None:
    """The page's recording, if it has one (not validated: see checks/recordings.py)."""
    files = recording_files(doc.path)
    if not files:
        return None
    path = files[0]
    meta = doc.meta.get("recording")
    name, mime = FORMATS[path.suffix]
    return Recording(
        path, name, mime, path.stat().st_size, _name(meta, "speaker"), _name(meta, "reviewer")
    )
