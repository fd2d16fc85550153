"""Translation tracking: which version of its source page a translation translates.

A translation records, in its front matter, a short hash of the English page it was made from
(``translation_source``). When the English page changes, the hash no longer matches and the
translation is outdated: this works from a plain download of the project, without git
history. The English text each hash stands for is kept in ``locales/snapshots/`` so an editor
can be shown what changed since.

``translation_status`` says how far a page is: ``untranslated`` (a skeleton; readers get the
English page with a notice), ``awaiting-review`` (translated, not yet reviewed by a native
speaker), ``reviewed``, or ``published-texts``: a page of a language with no reviewed
translation yet (K'iche', Mam, Q'eqchi') whose only text in that language is quoted from a
published translation (the UDHR as the UN Human Rights Office publishes it), framed by the
project's words in the fallback language. It translates no English page, so it is never
outdated, and it is counted apart from translations. A page without the field counts as awaiting review: only a review
recorded with ``make reviewed`` (which names the reviewer) marks a translation as reviewed, so a
draft can never pass as final by omission.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .locales import SOURCE_LANGUAGE
from .pages import SitePage

if TYPE_CHECKING:
    from .project import Project

SNAPSHOTS = Path("locales") / "snapshots"
STATUSES = ("untranslated", "awaiting-review", "reviewed", "published-texts")
PUBLISHED_TEXTS = "published-texts"
_TRACKING_FIELDS = re.compile(r"^(translation_source|translation_status|reviewed_by):.*\n", re.M)
# A recording of the English page (model/recordings.py) does not change what to translate.
_RECORDING_FIELD = re.compile(r"^recording:.*\n(?:[ \t]+.*\n)*", re.M)


SKELETON_MARK = "<!-- Not yet translated."


def is_skeleton(body: str) -> bool:
    """A page made by `make language` and not translated since (no text, just the note)."""
    return SKELETON_MARK in body or not body.strip()


def source_hash(text: str) -> str:
    """A short, stable hash of a source page (line endings and trailing spaces ignored)."""
    normal = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip().splitlines())
    normal = _RECORDING_FIELD.sub("", _TRACKING_FIELDS.sub("", normal + "\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class TranslationState:
    page: SitePage
    source: SitePage
    state: str  # "up-to-date", "outdated", "untracked", "untranslated", "published"
    status: str  # the translation_status field, "awaiting-review" when absent
    recorded: str | None
    current: str

    @property
    def awaiting_review(self) -> bool:
        return self.status == "awaiting-review"


def translation_states(
    project: Project, pages: dict[str, dict[str, SitePage]]
) -> list[TranslationState]:
    """The state of every page of every language but the source language."""
    sources = pages[SOURCE_LANGUAGE]
    states = []
    for lang, tree in pages.items():
        if lang == SOURCE_LANGUAGE:
            continue
        for rel, page in tree.items():
            source = sources.get(rel)
            if source is None:
                continue  # reported by the model as a page without a source
            current = source_hash(source.doc.path.read_text(encoding="utf-8"))
            recorded = page.doc.meta.get("translation_source")
            status = str(page.doc.meta.get("translation_status") or "awaiting-review")
            if status == "untranslated":
                state = "untranslated"
            elif status == PUBLISHED_TEXTS:
                state = "published"
            elif not recorded:
                state = "untracked"
            elif str(recorded) == current:
                state = "up-to-date"
            else:
                state = "outdated"
            states.append(
                TranslationState(
                    page, source, state, status, str(recorded) if recorded else None, current
                )
            )
    return states


def snapshot_path(root: Path, digest: str) -> Path:
    return root / SNAPSHOTS / f"{digest}.md"


def save_snapshot(root: Path, source_file: Path) -> str:
    text = source_file.read_text(encoding="utf-8")
    digest = source_hash(text)
    path = snapshot_path(root, digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return digest


def set_front_matter(path: Path, values: dict[str, str]) -> None:
    """Set top-level front-matter fields in place, keeping every other line as written."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        text = "---\n---\n" + text
    end = text.index("\n---", 3) + 1
    head, rest = text[:end], text[end:]
    for key, value in values.items():
        line = f"{key}: {yaml.safe_dump(value, default_style=None).strip().removesuffix('...').strip()}\n"
        pattern = re.compile(rf"^{re.escape(key)}:.*\n", re.M)
        head = (
            pattern.sub(lambda _m, line=line: line, head) if pattern.search(head) else head + line
        )
    path.write_text(head + rest, encoding="utf-8")
