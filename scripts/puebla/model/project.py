"""Load the whole content model once: languages, communiqué, campaigns, help lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import Collector
from ..today import today as clock_today
from .campaigns import Campaign, check_udhr_articles, load_campaigns
from .communique import Communique, load_communique
from .docs import DocsTree, load_docs
from .helplines import HelpData, load_help
from .locales import SOURCE_LANGUAGE, Locale, load_locales
from .siteconfig import read_config
from .udhr import UDHR_DIR, Udhr, load_udhr, report_altered_quotes


@dataclass
class Project:
    root: Path
    locales: dict[str, Locale]
    communique: Communique
    campaigns: dict[str, Campaign]
    help: HelpData
    docs: DocsTree
    issues: Collector
    today: dt.date
    report_to: str = ""  # mkdocs.yml extra.report_to: where readers report a wrong number
    site_url: str = ""
    udhr: Udhr | None = None  # the published UDHR texts (sources/udhr/)

    @property
    def languages(self) -> list[str]:
        """Source language first, then the others in alphabetical order."""
        return [SOURCE_LANGUAGE, *sorted(c for c in self.locales if c != SOURCE_LANGUAGE)]


def load_project(root: Path, today: dt.date | None = None) -> Project:
    """Load and validate everything; raise ContentError listing every problem found.

    ``today`` (the clock or SOURCE_DATE_EPOCH by default) decides which help lines are due
    for a re-check; it is kept on the project so every part of the build uses the same day.
    """
    today = today or clock_today()
    issues = Collector()
    locales = load_locales(root / "locales", issues)
    languages = [SOURCE_LANGUAGE, *sorted(c for c in locales if c != SOURCE_LANGUAGE)]
    communique = load_communique(root / "sources" / "communique", issues)
    campaigns = load_campaigns(root / "campaigns", languages, issues)
    # Help-line texts exist per interface language: K'iche' pages show the es fields.
    written = list(dict.fromkeys(locales[c].interface for c in languages if c in locales))
    help_data = load_help(root / "campaigns" / "help-lines.yml", written, issues, today)
    docs = load_docs(root / "docs", languages, issues)
    udhr = load_udhr(root / UDHR_DIR, issues)
    check_udhr_articles(campaigns, udhr, issues)
    if udhr is not None and udhr.altered:  # name the pages that quote what was altered
        bodies = [
            (lang, d.path, d.body, d.body_line)
            for lang, t in docs.pages.items()
            for d in t.values()
        ]
        bodies += [
            (lang, page.doc.path, page.doc.body, page.doc.body_line)
            for campaign in campaigns.values()
            for lang, pages in campaign.translations.items()
            for page in pages.values()
        ]
        report_altered_quotes(udhr, bodies, issues)
    issues.raise_if_errors()
    assert communique is not None
    config = read_config(root)
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    return Project(
        root.resolve(),
        locales,
        communique,
        campaigns,
        help_data,
        docs,
        issues,
        today,
        report_to=str(extra.get("report_to") or ""),
        site_url=str(config.get("site_url") or ""),
        udhr=udhr,
    )
