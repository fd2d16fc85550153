"""The few facts the materials read from work owned elsewhere, each behind one function.

- :func:`printable_lines`: which help lines a material prints, with their short labels. The
  help-lines schema is being reworked (issue 13), which will provide one selection function
  (stale and low lines dropped, a fallback); until it lands, this is the current rule (high
  confidence lines with a call number) and the label is the line's name.
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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from ..model.locales import SOURCE_LANGUAGE
from ..model.project import Project

FALLBACK_DATE = "1996-03-14T00:00:00+00:00"  # the Puebla conference; used when git is absent
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")


@dataclass(frozen=True)
class PrintLine:
    """One help line as printed: the number is the hero, the label says what it is."""

    number: str
    country: str  # the country's name in the material's language
    label: str  # what the line is for and who runs it, short
    caveat: str  # short caveat label, "" when none
    field: str  # where an editor fixes it, e.g. "lines.us-national-human-trafficking-hotline"


def _pick(values: dict[str, str], lang: str) -> str:
    return values.get(lang) or values.get(SOURCE_LANGUAGE, "")


def printable_lines(project: Project, lang: str, material: str) -> tuple[PrintLine, ...]:
    """The lines ``material`` prints in ``lang``, sorted by country name (as on the site)."""
    del material  # every material prints the same lines until the issue-13 selection lands
    lines = []
    for line in project.help.lines:
        if line.confidence != "high":
            continue
        call = next((c.value for c in line.contacts if c.kind == "call"), None)
        if call is None:
            continue
        names = project.help.countries.get(line.country, {})
        country = _pick(names, lang) or line.country
        lines.append(PrintLine(call, country, line.name, "", f"lines.{line.id}"))
    return tuple(sorted(lines, key=lambda e: e.country))


def is_reviewed(project: Project, lang: str, campaign: str) -> bool:
    """True when a native speaker has reviewed the words a material of ``campaign`` prints.

    English is the source text. Any other language counts as reviewed only when its campaign
    page records a reviewer (``reviewed_by``) and says ``translation_status: reviewed``; the
    absence of a status is not a review.
    """
    if lang == SOURCE_LANGUAGE:
        return True
    meta = project.campaigns[campaign].translations[lang]["index"].doc.meta
    return meta.get("translation_status") == "reviewed" and bool(meta.get("reviewed_by"))


@cache
def _git_date(root: str, paths: tuple[str, ...]) -> str | None:
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cI", "--", *paths],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None


def content_date(root: Path, paths: Iterable[Path]) -> tuple[str, bool]:
    """(ISO date of the last commit touching ``paths``, True if it came from git).

    Falls back to :data:`FALLBACK_DATE` outside a git checkout (e.g. a downloaded ZIP of
    the project), so such builds are still byte-identical with each other.
    """
    rel = tuple(sorted(str(Path(p).resolve().relative_to(root.resolve())) for p in paths))
    found = _git_date(str(root), rel)
    return (found, True) if found else (FALLBACK_DATE, False)


def is_placeholder_url(site_url: str) -> bool:
    host = urlsplit(site_url or "").hostname or ""
    return not host or any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS)


def short_address(url: str) -> str:
    """The address as printed: no scheme, no trailing slash (it must fit on one line)."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
