"""Markdown that lists the campaigns (the campaign index and the home page cards)."""

from __future__ import annotations

from ..model.campaigns import Campaign
from ..model.locales import Locale
from .text import md_escape


def campaign_cards_markdown(campaigns: list[Campaign], locale: Locale) -> str:
    """One card per campaign, with its title, commitment, summary and pages."""
    out = ['<div class="grid cards" markdown>\n']
    for campaign in campaigns:
        pages = campaign.translations[locale.code]
        overview = pages["index"]
        links = " · ".join(
            f"[{md_escape(p.title)}]({campaign.id}/{p.slug}.md)"
            for slug, p in pages.items()
            if slug != "index"
        )
        out.append(
            f"-   **[{md_escape(overview.title)}]({campaign.id}/index.md)**\n\n"
            f"    {locale.t('commitment_label', number=campaign.commitment)}. "
            f"{md_escape(overview.summary)}\n\n"
            f"    {links}\n"
        )
    out.append("</div>\n")
    return "\n".join(out)
