"""Every page of the site, per language, with the file an editor edits for it.

Authored pages (``docs/<lang>/…``) and campaign pages (``campaigns/<id>/<lang>/…``) end up in
one tree per language; checks and translation tracking work on that tree, so they speak of
the site's paths and name the files editors actually edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .frontmatter import MarkdownDoc

if TYPE_CHECKING:
    from .project import Project


@dataclass(frozen=True)
class SitePage:
    lang: str
    rel: str  # path under the language root, e.g. "campaigns/rights/help.md"
    doc: MarkdownDoc


def site_pages(project: Project) -> dict[str, dict[str, SitePage]]:
    pages: dict[str, dict[str, SitePage]] = {}
    for lang in project.languages:
        tree = {
            rel: SitePage(lang, rel, doc) for rel, doc in project.docs.pages.get(lang, {}).items()
        }
        for campaign in project.campaigns.values():
            for slug, page in campaign.translations.get(lang, {}).items():
                rel = f"campaigns/{campaign.id}/{slug}.md"
                tree[rel] = SitePage(lang, rel, page.doc)
        pages[lang] = dict(sorted(tree.items()))
    return pages
