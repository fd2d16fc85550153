"""Editor commands for translations: record a finished translation, record a review."""

from __future__ import annotations

from pathlib import Path

from .model.locales import SOURCE_LANGUAGE
from .model.translation import is_skeleton, save_snapshot, set_front_matter


class CommandError(Exception):
    """A mistake in the command's arguments, explained for the person who typed it."""


def source_of(root: Path, file: Path) -> Path:
    """The English page a translation translates (same place in the English tree)."""
    if not file.resolve().is_relative_to(root.resolve()):
        raise CommandError(f"{file} is not inside the project folder {root}")
    rel = file.resolve().relative_to(root.resolve())
    parts = rel.parts
    if parts[0] == "docs" and len(parts) > 2:
        source = root / "docs" / SOURCE_LANGUAGE / Path(*parts[2:])
    elif parts[0] == "campaigns" and len(parts) > 3:
        source = root / "campaigns" / parts[1] / SOURCE_LANGUAGE / Path(*parts[3:])
    else:
        raise CommandError(f"{rel} is not a page under docs/<lang>/ or campaigns/<id>/<lang>/")
    if source.resolve() == file.resolve():
        raise CommandError(f"{rel} is an English page: only translations record a source version")
    if not source.is_file():
        raise CommandError(f"{rel} has no English source page ({source.relative_to(root)})")
    return source


def mark_translated(root: Path, file: Path) -> str:
    """Record that ``file`` now translates the current English page; return the new hash."""
    from .errors import Collector
    from .model.frontmatter import read_markdown

    source = source_of(root, file)
    doc = read_markdown(file, Collector())
    if is_skeleton(doc.body):
        raise CommandError(
            f"{file.name} is still the empty skeleton: translate the page first (replace the "
            "'Not yet translated' line with the translated text), then run this again"
        )
    digest = save_snapshot(root, source)
    values = {"translation_source": digest}
    status = doc.meta.get("translation_status")
    if status == "untranslated":
        values["translation_status"] = "awaiting-review"
    set_front_matter(file, values)
    return digest


def mark_reviewed(root: Path, file: Path, reviewer: str) -> None:
    """Record that a native speaker reviewed the translation."""
    source_of(root, file)
    from .errors import Collector
    from .model.frontmatter import read_markdown

    meta = read_markdown(file, Collector()).meta
    if meta.get("translation_status") == "untranslated" or not meta.get("translation_source"):
        raise CommandError(
            f"{file.name} is not a finished translation yet: translate it and run "
            "'make translated FILE=…' before recording a review"
        )
    if not reviewer.strip():
        raise CommandError("say who reviewed it: BY='Name'")
    set_front_matter(file, {"translation_status": "reviewed", "reviewed_by": reviewer.strip()})
