"""The few facts the materials read from work owned elsewhere, each behind one function.

- :func:`printable_lines`: which help lines a material prints, with their short labels:
  issue 13's ``select_printable`` (stale and low lines dropped, medium ones only with their
  caveat label, a fallback when nothing is left), the one selection for print and social.
- :func:`is_reviewed`: whether the words of a material have had a native speaker's review
  (pages' ``translation_status``/``reviewed_by`` today; issue 10 adds review fields for es and
  fr and issue 13 a review state for help-line texts: they are read here, so all count).
- :func:`content_date`: the date printed into the PDFs' metadata, from the last git commit
  of the content (so two builds of the same content are byte-identical).
- :func:`is_placeholder_url`: whether ``SITE_URL`` is unset or the example domain.

Switching any of them to another helper's interface is a change in this file only.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..model.locales import SOURCE_LANGUAGE
from ..model.project import Project

_SAID: list[bool] = []
FALLBACK_DATE = "1996-03-14T00:00:00+00:00"  # the Puebla conference; used when git is absent
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")


@dataclass(frozen=True)
class PrintLine:
    """One help line as printed: the number is the hero, the label says what it is."""

    number: str
    country: str  # the country's name in the material's language
    label: str  # what the line is for and who runs it, short (issue 13's short_label)
    caveat: str  # short caveat label, "" when none (medium lines print only with it)
    field: str  # where an editor fixes it, e.g. "lines.us-national-human-trafficking-hotline"


# Posters have room for every published line with its caveat label; the smaller items print
# the high-confidence lines only (the selection function leaves the others out).
MIN_CONFIDENCE = {"poster": "medium"}


@dataclass(frozen=True)
class HelpForPrint:
    lines: tuple[PrintLine, ...]
    fallback: str  # printed when no line is left (emergency number, help page address)
    draft: bool  # the help-line texts in this language await a native speaker's review


def printable_lines(
    project: Project,
    lang: str,
    material: str,
    help_url: str,
    countries: tuple[str, ...] = (),
) -> HelpForPrint:
    """The lines ``material`` prints in ``lang`` today: issue 13's one selection function.

    With ``countries`` (a partner's kit for the countries it serves) every item prints the
    lines of those countries, medium ones with their caveat label: a Mexican shelter's card
    carries the Mexican line, which the all-countries cards leave out for lack of room.
    """
    from ..model.helplines import select_printable

    selection = select_printable(
        project.help,
        project.locales[lang],
        project.today,
        countries=set(countries) if countries else None,
        help_url=help_url,
        min_confidence="medium" if countries else MIN_CONFIDENCE.get(material, "high"),
    )
    lines = tuple(
        PrintLine(
            line.channels[0].value,
            line.country_name,
            line.label,
            line.caveat_label,
            f"lines.{line.id}",
        )
        for line in selection.lines
    )
    fallback = selection.fallback.text if selection.fallback else ""
    return HelpForPrint(lines, fallback, bool(selection.draft))


def is_reviewed(project: Project, lang: str, campaign: str) -> bool:
    """True when a native speaker has reviewed the words a material of ``campaign`` prints.

    English is the source text. Any other language counts as reviewed only when its campaign
    page records a reviewer (``reviewed_by``) and says ``translation_status: reviewed`` (the
    absence of a status is not a review) and the help-line texts of the language are
    reviewed too (``review:`` in help-lines.yml, issue 13).
    """
    if lang == SOURCE_LANGUAGE:
        return True
    meta = project.campaigns[campaign].translations[lang]["index"].doc.meta
    page_reviewed = meta.get("translation_status") == "reviewed" and bool(meta.get("reviewed_by"))
    return page_reviewed and not project.help.is_draft(lang)


_DATES: dict[tuple[str, tuple[str, ...]], str | None] = {}
_GIT_LOG = ("git", "log", "-1", "--format=%cI", "--")


def _git_date(root: str, paths: tuple[str, ...]) -> str | None:
    if (root, paths) not in _DATES:
        _prefetch(root, [paths])
    return _DATES[(root, paths)]


def _prefetch(root: str, groups: Iterable[tuple[str, ...]]) -> None:
    """``git log -1`` of every group not yet known, all started at once: one git process
    per group as before (same answer as asking one by one), but waited for together, so
    a build with nothing to render no longer waits for them one after another."""
    todo = sorted({g for g in groups if (root, g) not in _DATES})
    running = []
    for paths in todo:
        try:
            proc = subprocess.Popen(
                [*_GIT_LOG, *paths],
                cwd=root,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
        except OSError:
            _DATES[(root, paths)] = None
            continue
        running.append((paths, proc))
    for paths, proc in running:
        try:
            out, _ = proc.communicate(timeout=30)
        except subprocess.SubprocessError:
            proc.kill()
            proc.communicate()
            out = ""
        _DATES[(root, paths)] = (out.strip() or None) if proc.returncode == 0 else None


def _relative(root: Path, paths: Iterable[Path]) -> tuple[str, ...]:
    return tuple(sorted(str(Path(p).resolve().relative_to(root.resolve())) for p in paths))


def prefetch_dates(root: Path, groups: Iterable[Iterable[Path]]) -> None:
    """Ask git for the dates of all ``groups`` (of paths) at once; ``content_date`` of any
    of them then answers without waiting."""
    _prefetch(str(root), [_relative(root, g) for g in groups])


def content_date(root: Path, paths: Iterable[Path]) -> tuple[str, bool]:
    """(ISO date of the last commit touching ``paths``, True if it came from git).

    Falls back to :data:`FALLBACK_DATE` outside a git checkout (e.g. a downloaded ZIP of
    the project), so such builds are still byte-identical with each other.
    """
    found = _git_date(str(root), _relative(root, paths))
    if found:
        return found, True
    if not _SAID:
        _SAID.append(True)
        print(
            f"materials: not a git checkout (or git is missing): the PDFs are dated "
            f"{FALLBACK_DATE[:10]} instead of the content's last commit",
            file=sys.stderr,
        )
    return FALLBACK_DATE, False


def is_placeholder_url(site_url: str) -> bool:
    host = urlsplit(site_url or "").hostname or ""
    return not host or any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS)


def short_address(url: str) -> str:
    """The address as printed: no scheme, no trailing slash (it must fit on one line)."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
