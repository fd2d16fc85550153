"""Load the whole content model once: languages, communiqué, campaigns, help lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import Collector
from .campaigns import Campaign, load_campaigns
from .communique import Communique, load_communique
from .docs import DocsTree, load_docs
from .helplines import HelpData, load_help
from .locales import SOURCE_LANGUAGE, Locale, load_locales
from .udhr import UDHR_DIR, Udhr, load_udhr


@dataclass
class Project:
    root: Path
    locales: dict[str, Locale]
    communique: Communique
    campaigns: dict[str, Campaign]
    help: HelpData
    docs: DocsTree
    issues: Collector
    udhr: Udhr | None = None  # the published UDHR texts (sources/udhr/)

    @property
    def languages(self) -> list[str]:
        """Source language first, then the others in alphabetical order."""
        return [SOURCE_LANGUAGE, *sorted(c for c in self.locales if c != SOURCE_LANGUAGE)]


def load_project(root: Path, today: dt.date | None = None) -> Project:
    """Load and validate everything; raise ContentError listing every problem found."""
    issues = Collector()
    locales = load_locales(root / "locales", issues)
    languages = [SOURCE_LANGUAGE, *sorted(c for c in locales if c != SOURCE_LANGUAGE)]
    communique = load_communique(root / "sources" / "communique", issues)
    campaigns = load_campaigns(root / "campaigns", languages, issues)
    help_data = load_help(root / "campaigns" / "help-lines.yml", languages, issues, today)
    docs = load_docs(root / "docs", languages, issues)
    udhr = load_udhr(root / UDHR_DIR, issues)
    issues.raise_if_errors()
    assert communique is not None
    return Project(root.resolve(), locales, communique, campaigns, help_data, docs, issues, udhr)
