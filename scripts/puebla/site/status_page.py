"""The translation status page for volunteers: per language, what is current, outdated, missing."""

from __future__ import annotations

from collections import Counter

from ..model.locales import Locale
from ..model.project import Project
from ..model.translation import TranslationState
from .text import html_escape, md_escape

COLUMNS = ("up-to-date", "outdated", "untranslated", "awaiting-review", "published")


def status_counts(states: list[TranslationState]) -> dict[str, Counter[str]]:
    """Per language, each page in exactly one column: up to date (and reviewed), awaiting
    review, outdated (untracked counts as outdated), not translated, or published texts (a
    page whose only text in the language is a published translation, e.g. the UDHR in
    K'iche': it is neither translated nor reviewed by the project, so it is counted apart)."""
    counts: dict[str, Counter[str]] = {}
    for s in states:
        c = counts.setdefault(s.page.lang, Counter())
        if s.state in ("outdated", "untracked"):
            c["outdated"] += 1
        elif s.state == "untranslated":
            c["untranslated"] += 1
        elif s.state == "published":
            c["published"] += 1
        elif s.awaiting_review:
            c["awaiting-review"] += 1
        else:
            c["up-to-date"] += 1
    return counts


def status_markdown(project: Project, states: list[TranslationState], locale: Locale) -> str:
    counts = status_counts(states)
    t = locale.t
    head = [
        t("status_language"),
        t("status_up_to_date"),
        t("status_outdated"),
        t("status_missing"),
        t("status_review"),
        t("status_published"),
        t("status_total"),
    ]
    rows = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * 6]
    for lang in project.languages[1:]:
        c = counts.get(lang, Counter())
        total = sum(c[k] for k in COLUMNS)
        name = md_escape(project.locales[lang].name)
        rows.append(
            f"| {name} (`{lang}`) | {c['up-to-date']} | {c['outdated']} | {c['untranslated']} | {c['awaiting-review']} | {c['published']} | {total} |"
        )
    # A labelled region a keyboard can reach, in case the table is wider than the screen.
    label = html_escape(t("status_language") + " / " + t("status_total"))
    out = [
        f'<div class="table-region" role="region" aria-label="{label}" tabindex="0" markdown="1">\n\n'
        + "\n".join(rows)
        + "\n\n</div>\n"
    ]
    for lang in project.languages[1:]:
        name = project.locales[lang].name
        out.append(f"## {md_escape(t('status_details', language=name))} {{#status-{lang}}}\n")
        todo = [
            s
            for s in states
            if s.page.lang == lang and (s.state != "up-to-date" or s.awaiting_review)
        ]
        if not todo:
            out.append(md_escape(t("status_none")) + "\n")
            continue
        items = []
        for s in todo:
            label = {
                "outdated": t("status_outdated"),
                "untracked": t("status_outdated"),
                "untranslated": t("status_missing"),
                "published": t("status_published"),
            }.get(s.state, t("status_review"))
            file = s.page.doc.path.relative_to(project.root).as_posix()
            items.append(f"- `{file}`: {md_escape(label)}")
        out.append("\n".join(items) + "\n")
    return "\n".join(out)
