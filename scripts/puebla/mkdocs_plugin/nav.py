"""Navigation: campaign sections come from the content model, section titles from pages.

``mkdocs.yml`` lists the authored pages only. The campaign pages are added here, so a new
campaign or page appears in the menu without editing the configuration; and each section is
titled by its first page's front-matter title, so menus are translated with the pages.
"""

from __future__ import annotations

import copy
from typing import Any

from ..model.project import Project

CAMPAIGNS_INDEX = "campaigns/index.md"


def with_campaigns(nav: list[Any], project: Project) -> list[Any]:
    """A copy of ``nav`` with one section per campaign after ``campaigns/index.md``."""
    nav = copy.deepcopy(nav)
    sections = [
        {campaign.id: [f"campaigns/{campaign.id}/{slug}.md" for slug in campaign.pages]}
        for campaign in project.campaigns.values()
    ]

    def walk(items: list[Any]) -> bool:
        for i, item in enumerate(items):
            if item == CAMPAIGNS_INDEX:
                items[i + 1 : i + 1] = sections
                return True
            if isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, list) and walk(value):
                        return True
        return False

    if not walk(nav):
        nav.append({"Campaigns": [CAMPAIGNS_INDEX, *sections]})
    return nav


def title_sections(items: list[Any], titles: dict[str, str]) -> None:
    """Give each nav Section the title of its first page (by source path)."""
    for item in items:
        children = getattr(item, "children", None)
        if not children:
            continue
        first = children[0]
        file = getattr(first, "file", None)
        if file is not None and file.abs_src_path in titles:
            item.title = titles[file.abs_src_path]
        title_sections(children, titles)
