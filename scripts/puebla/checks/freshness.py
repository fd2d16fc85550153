"""Report translations that are missing, outdated, untracked or awaiting review."""

from __future__ import annotations

import difflib
import re

from ..errors import Collector
from ..model.fallback import shown_instead
from ..model.pages import SitePage
from ..model.project import Project
from ..model.translation import (
    TranslationState,
    is_skeleton,
    snapshot_path,
    translation_states,
)

MAX_DIFF_LINES = 40
UNTRANSLATED = "pages not yet translated, shown in their fallback language with a notice"


def what_changed(project: Project, recorded: str, source_text: str) -> str:
    """A short diff of the source page since the version the translation records."""
    snapshot = snapshot_path(project.root, recorded)
    if not snapshot.exists():
        return "    (the earlier English text is not in locales/snapshots/, so the change cannot be shown)"
    diff = list(
        difflib.unified_diff(
            snapshot.read_text(encoding="utf-8").splitlines(),
            source_text.splitlines(),
            "translated version",
            "current English",
            n=0,
            lineterm="",
        )
    )[2:]
    shown = []
    for line in diff[:MAX_DIFF_LINES]:
        hunk = re.match(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@", line)
        if hunk:
            shown.append(f"    English page, line {hunk.group(1)}:")
        else:
            shown.append(f"      {'removed: ' if line[0] == '-' else 'added:   '}{line[1:]}")
    if len(diff) > MAX_DIFF_LINES:
        shown.append(f"    … {len(diff) - MAX_DIFF_LINES} more lines")
    return "\n".join(shown)


def _fallback_file(
    project: Project, pages: dict[str, dict[str, SitePage]], s: TranslationState
) -> str:
    shown = shown_instead(project, pages, s.page.lang, s.page.rel)
    return shown.doc.path.relative_to(project.root).as_posix()


def check_freshness(
    project: Project, pages: dict[str, dict[str, SitePage]], issues: Collector
) -> None:
    for s in translation_states(project, pages):
        file = s.page.doc.path.relative_to(project.root).as_posix()
        src = s.source.doc.path.relative_to(project.root).as_posix()
        if s.state != "untranslated" and is_skeleton(s.page.doc.body):
            issues.error(
                s.page.doc.path,
                "this page has no text but is not marked 'translation_status: untranslated': "
                "readers would get an empty page",
                f"translate it, or set 'translation_status: untranslated' to show {src} instead",
                field="translation_status",
            )
            continue
        locale = project.locales[s.page.lang]
        if locale.reviewed_only and s.state != "untranslated" and s.awaiting_review:
            issues.error(
                s.page.doc.path,
                f"{locale.name} pages are published only once a named speaker has reviewed "
                "them (reviewed_only in "
                f"{locale.path.relative_to(project.root).as_posix()}), and this translation "
                "is not recorded as reviewed",
                f'have a native speaker review it, then run: make reviewed FILE={file} BY="Name"; '
                "until then set 'translation_status: untranslated' to show "
                f"{_fallback_file(project, pages, s)} instead",
                field="translation_status",
            )
            continue
        if s.state == "outdated":
            assert s.recorded is not None
            changed = what_changed(
                project, s.recorded, s.source.doc.path.read_text(encoding="utf-8")
            )
            issues.warn(
                s.page.doc.path,
                f"outdated translation: {src} changed since it was translated. What changed:\n{changed}",
                f"update the translation, then run: make translated FILE={file}",
                field="translation_source",
            )
        elif s.state == "untracked":
            issues.warn(
                s.page.doc.path,
                f"this translation does not record which version of {src} it translates",
                f"if it is up to date, run: make translated FILE={file}",
                field="translation_source",
            )
        elif s.state == "untranslated":
            shown = shown_instead(project, pages, s.page.lang, s.page.rel)
            shown_file = shown.doc.path.relative_to(project.root).as_posix()
            issues.warn(
                s.page.doc.path,
                f"not yet translated: readers see the {project.locales[shown.lang].name} page "
                f"({shown_file}) with a notice",
                (
                    "only with a native speaker: have the translation reviewed by a named "
                    f"speaker, then run: make translated FILE={file} and make reviewed "
                    f'FILE={file} BY="Name"'
                    if project.locales[s.page.lang].reviewed_only
                    else f"translate it, then run: make translated FILE={file}"
                ),
                known_state=UNTRANSLATED,
            )
