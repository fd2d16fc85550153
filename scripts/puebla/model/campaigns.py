"""Campaign definitions (``campaigns/<id>/campaign.yml``) and their pages per language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector, shown
from .colors import contrast, is_hex
from .frontmatter import MarkdownDoc, read_markdown, read_yaml_file, require_text

MATERIAL_KINDS = ("poster", "poster-print", "flyer", "card", "social")
COLOR_ROLES = {
    "primary": "background of headline bands and buttons",
    "on_primary": "text drawn on the primary colour",
    "accent": "thin rules and highlights",
    "text": "body text",
    "background": "page background",
}
# Pairs that carry text, with the WCAG minimum for normal-size text.
TEXT_PAIRS = (("on_primary", "primary"), ("text", "background"), ("primary", "background"))
MIN_CONTRAST = 4.5
_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")


@dataclass
class CampaignPage:
    slug: str
    lang: str
    doc: MarkdownDoc
    title: str
    description: str
    summary: str


@dataclass
class MaterialText:
    """The words of the printed and social materials, from the overview's front matter."""

    headline: str
    messages: list[str]
    call_to_action: str
    card_title: str
    card_points: list[str]


@dataclass(frozen=True)
class CampaignUdhr:
    """Where a campaign's printed items cite the Universal Declaration of Human Rights
    (``udhr:`` in campaign.yml): the same articles in every language, as data.

    Why here and not in each language's text: the articles are facts about the content
    (which right a card point restates), not words to translate, so they cannot drift apart
    between languages.
    """

    page: str  # the campaign page that quotes the articles in full: the card's QR opens it
    card_points: tuple[int, ...]  # the article each card point restates, in order
    poster: tuple[int, ...]  # articles the poster quotes in full (as published)


@dataclass
class Campaign:
    id: str
    path: Path
    commitment: int
    colors: dict[str, str]
    pages: list[str]
    materials: list[str]
    translations: dict[str, dict[str, CampaignPage]] = field(default_factory=dict)
    texts: dict[str, MaterialText] = field(default_factory=dict)
    udhr: CampaignUdhr | None = None

    def page(self, lang: str, slug: str) -> CampaignPage:
        return self.translations[lang][slug]


def _load_definition(path: Path, issues: Collector) -> dict | None:
    if not path.is_file():
        issues.error(
            path,
            "the campaign definition is missing",
            "create campaign.yml (see campaigns/README.md)",
        )
        return None
    data = read_yaml_file(path, issues)
    if data is None:
        return None
    if not isinstance(data, dict):
        issues.error(path, "the campaign definition must be a mapping of 'field: value' lines")
        return None
    ok = True
    commitment = data.get("commitment")
    if not isinstance(commitment, int) or isinstance(commitment, bool) or not 1 <= commitment <= 21:
        issues.error(
            path,
            f"'commitment' must be a number from 1 to 21, got {shown(commitment)}",
            "set it to the communiqué commitment this campaign serves, e.g. 'commitment: 6'",
            field="commitment",
        )
        ok = False
    colors = data.get("colors")
    if not isinstance(colors, dict):
        issues.error(
            path,
            "'colors' is missing",
            "add the colours listed in campaigns/README.md",
            field="colors",
        )
        ok = False
        colors = {}
    for role in colors:
        if role not in COLOR_ROLES:
            issues.error(
                path,
                f"{shown(role)} is not a colour role",
                f"use only {', '.join(COLOR_ROLES)} (see campaigns/README.md)",
                field=f"colors.{str(role)[:40]}",
            )
            ok = False
    for role, purpose in COLOR_ROLES.items():
        value = colors.get(role)
        if not is_hex(value):
            issues.error(
                path,
                f"colour '{role}' ({purpose}) is {shown(value)}, not a colour like '#1a5e63'",
                "write it as '#' followed by six hexadecimal digits, in double quotes: "
                "primary: \"#1a5e63\" (without quotes, '#' starts a comment and the value is empty)",
                field=f"colors.{role}",
            )
            ok = False
    if ok:
        for fg, bg in TEXT_PAIRS:
            ratio = contrast(colors[fg], colors[bg])
            if ratio < MIN_CONTRAST:
                issues.error(
                    path,
                    f"colours '{fg}' on '{bg}' have contrast {ratio:.2f}:1, below {MIN_CONTRAST}:1 (WCAG AA)",
                    "darken one colour or lighten the other",
                    field=f"colors.{fg}",
                )
                ok = False
    pages = data.get("pages")
    if not isinstance(pages, list) or not pages or not all(isinstance(p, str) for p in pages):
        issues.error(path, "'pages' must list the page names in reading order", field="pages")
        ok = False
    elif pages[0] != "index":
        issues.error(path, "the first page must be 'index' (the overview)", field="pages")
        ok = False
    elif bad := [p for p in pages if not _SLUG.match(p)]:
        issues.error(
            path,
            f"page name {shown(bad[0])} is not a file name",
            "name each page like its Markdown file without '.md': lower-case letters, digits "
            "and hyphens, e.g. 'myths-and-facts'",
            field="pages",
        )
        ok = False
    elif len(set(pages)) != len(pages):
        issues.error(path, "a page is listed twice", "list each page once", field="pages")
        ok = False
    materials = data.get("materials", [])
    if not isinstance(materials, list | None):
        issues.error(
            path,
            f"'materials' must be a list, got {shown(materials)}",
            f"list the materials to make, from: {', '.join(MATERIAL_KINDS)}",
            field="materials",
        )
        ok = False
    elif unknown := [m for m in materials or [] if m not in MATERIAL_KINDS]:
        issues.error(
            path,
            f"unknown materials {shown(unknown, 80)}",
            f"choose from {', '.join(MATERIAL_KINDS)}",
            field="materials",
        )
        ok = False
    if "udhr" in data and _udhr_block(path, data.get("udhr"), data.get("pages"), issues) is None:
        ok = False
    return data if ok else None


UDHR_HINT = (
    "write e.g. 'udhr: {page: rights, card_points: [1, 3, 4, 5, 9, 14], poster: [1, 3, 14]}': "
    "the page that quotes the articles, the article of each card point, in order, and at "
    "least three articles the poster quotes in full"
)


def _article_list(value: object) -> tuple[int, ...] | None:
    if not isinstance(value, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 30 for n in value
    ):
        return None
    return tuple(value)


def _udhr_block(path: Path, raw: object, pages: object, issues: Collector) -> CampaignUdhr | None:
    """The ``udhr:`` block of campaign.yml, or None (with the problem named) when it is wrong."""
    if not isinstance(raw, dict):
        issues.error(path, f"'udhr' must be a mapping, got {shown(raw)}", UDHR_HINT, field="udhr")
        return None
    unknown = sorted(str(k) for k in raw if k not in ("page", "card_points", "poster"))
    if unknown:
        issues.error(path, f"unknown fields {shown(unknown)}", UDHR_HINT, field="udhr")
        return None
    page = raw.get("page")
    if not isinstance(page, str) or not isinstance(pages, list) or page not in pages:
        issues.error(
            path,
            f"'udhr.page' must name one of the campaign's pages, got {shown(page)}",
            UDHR_HINT,
            field="udhr.page",
        )
        return None
    points = _article_list(raw.get("card_points", []))
    poster = _article_list(raw.get("poster"))
    if points is None:
        issues.error(
            path,
            "'udhr.card_points' must list article numbers",
            UDHR_HINT,
            field="udhr.card_points",
        )
        return None
    if poster is None or len(poster) < 3 or len(set(poster)) != len(poster):
        issues.error(
            path,
            f"'udhr.poster' must list at least three different articles, got {shown(raw.get('poster'))}",
            UDHR_HINT,
            field="udhr.poster",
        )
        return None
    return CampaignUdhr(page, points, poster)


def check_udhr_articles(campaigns: dict[str, Campaign], udhr: object, issues: Collector) -> None:
    """Every article a campaign's items cite is one of the extracted published texts."""
    available = set(getattr(udhr, "articles", ()) or ())
    for campaign in campaigns.values():
        if campaign.udhr is None or udhr is None:
            continue
        for name in ("card_points", "poster"):
            missing = [n for n in getattr(campaign.udhr, name) if n not in available]
            if missing:
                issues.error(
                    campaign.path / "campaign.yml",
                    f"'udhr.{name}' cites article(s) {shown(missing)}, which are not among the "
                    f"published texts in sources/udhr/ (articles {sorted(available)})",
                    "choose extracted articles, or add the article to the extraction "
                    "(scripts/puebla/udhr.py) and run '.venv/bin/python -m puebla.udhr extract'",
                    field=f"udhr.{name}",
                )


def _material_text(doc: MarkdownDoc, issues: Collector) -> MaterialText | None:
    meta = doc.meta
    headline = require_text(doc, "headline", issues)
    cta = require_text(doc, "call_to_action", issues)
    messages = meta.get("messages")
    if (
        not isinstance(messages, list)
        or len(messages) != 3
        or not all(isinstance(m, str) and m.strip() for m in messages)
    ):
        issues.error(doc.path, "'messages' must list exactly three key messages", field="messages")
        return None
    card = meta.get("card")
    points = card.get("points") if isinstance(card, dict) else None
    if (
        not isinstance(card, dict)
        or not isinstance(card.get("title"), str)
        or not card["title"].strip()
        or not isinstance(points, list)
    ):
        issues.error(doc.path, "'card' needs a 'title' and a list of 'points'", field="card")
        return None
    if not 3 <= len(points) <= 6:
        issues.error(
            doc.path, f"the card has {len(points)} points; give 3 to 6", field="card.points"
        )
        return None
    if not all(isinstance(p, str) and p.strip() for p in points):
        issues.error(
            doc.path,
            "each card point must be a line of text",
            'write each point as "- text" on its own line; put a point with a colon in double quotes',
            field="card.points",
        )
        return None
    if not headline or not cta:
        return None
    return MaterialText(
        headline,
        [m.strip() for m in messages],
        cta,
        card["title"].strip(),
        [str(p).strip() for p in points],
    )


def load_campaign(folder: Path, languages: list[str], issues: Collector) -> Campaign | None:
    definition = _load_definition(folder / "campaign.yml", issues)
    present = sorted(p.name for p in folder.iterdir() if p.is_dir())
    for name in present:
        if name not in languages:
            issues.error(
                folder / name,
                f"'{name}' is not a language of the site ({', '.join(languages)})",
                "rename the folder to a known language code, or add the language with "
                f"'make language LANG={name}'",
            )
    if definition is None:
        return None
    campaign = Campaign(
        id=folder.name,
        path=folder,
        commitment=definition["commitment"],
        colors=dict(definition["colors"]),
        pages=list(definition["pages"]),
        materials=list(definition.get("materials") or []),
        udhr=_udhr_block(folder / "campaign.yml", definition["udhr"], definition["pages"], issues)
        if "udhr" in definition
        else None,
    )
    for lang in languages:
        lang_dir = folder / lang
        pages: dict[str, CampaignPage] = {}
        for slug in campaign.pages:
            path = lang_dir / f"{slug}.md"
            if not path.is_file():
                issues.error(
                    path,
                    f"page '{slug}' of campaign '{campaign.id}' is missing in language '{lang}'",
                    f"translate campaigns/{folder.name}/en/{slug}.md into this file, or remove "
                    f"'{slug}' from 'pages:' in campaigns/{folder.name}/campaign.yml",
                )
                continue
            doc = read_markdown(path, issues)
            pages[slug] = CampaignPage(
                slug,
                lang,
                doc,
                require_text(doc, "title", issues),
                require_text(doc, "description", issues, max_len=160),
                require_text(doc, "summary", issues),
            )
        if lang_dir.is_dir():
            for extra in sorted(lang_dir.glob("*.md")):
                if extra.stem not in campaign.pages:
                    issues.error(
                        extra,
                        f"page '{extra.stem}' is not listed in {folder.name}/campaign.yml",
                        "add it to 'pages:' in campaign.yml, or remove the file",
                    )
        campaign.translations[lang] = pages
        if "index" in pages:
            text = _material_text(pages["index"].doc, issues)
            if text is not None:
                campaign.texts[lang] = text
                refs = campaign.udhr.card_points if campaign.udhr else ()
                if refs and len(refs) != len(text.card_points):
                    issues.error(
                        pages["index"].doc.path,
                        f"the card has {len(text.card_points)} points, but 'udhr.card_points' "
                        f"in campaigns/{folder.name}/campaign.yml names {len(refs)} articles "
                        "(one per point, in order)",
                        "give the card the same points, in the same order, in every language",
                        field="card.points",
                    )
    return campaign


def load_campaigns(folder: Path, languages: list[str], issues: Collector) -> dict[str, Campaign]:
    campaigns: dict[str, Campaign] = {}
    for sub in sorted(
        p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    ):
        campaign = load_campaign(sub, languages, issues)
        if campaign is not None:
            campaigns[campaign.id] = campaign
    return campaigns
