"""Helpers shared by the materials tests (a uniquely named module, importable from tests)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from puebla.materials import MaterialFile, Progress
from puebla.model.project import Project

SITE_URL = "https://puebla-outreach.example.org/"


@dataclass
class Rendered:
    out: Path
    cache: Path
    files: list[MaterialFile]
    previews: dict[str, str]
    events: list[Progress]


def campaign_url(lang: str, campaign: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return f"{SITE_URL}{prefix}campaigns/{campaign}/"


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def squash(text: str) -> str:
    """Text with every run of whitespace (line breaks, no-break spaces) made one space."""
    return re.sub(r"\s+", " ", text).strip()


def of_kind(rendered: Rendered, *, suffix: str = "", kind: str | None = None) -> list[MaterialFile]:
    return [
        f
        for f in rendered.files
        if f.filename.endswith(suffix) and (kind is None or f.kind == kind)
    ]


def translated(project: Project) -> list[tuple[str, str]]:
    """(language, campaign) pairs with every material: the campaign text is translated."""
    return [
        (lang, cid)
        for lang in project.languages
        for cid, campaign in project.campaigns.items()
        if campaign.translations[lang]["index"].doc.meta.get("translation_status") != "untranslated"
    ]


def udhr_only(project: Project) -> list[tuple[str, str]]:
    """(language, campaign) pairs with only the card and the poster: a language with no
    translation of its own, the interface of another (K'iche', Mam, Q'eqchi': Spanish) and a
    published text of the Declaration, for a campaign whose items quote it."""
    udhr = project.udhr
    return [
        (lang, cid)
        for lang in project.languages
        for cid, campaign in project.campaigns.items()
        if (lang, cid) not in translated(project)
        and campaign.udhr is not None
        and udhr is not None
        and lang in udhr.texts
        and project.locales[lang].interface != lang
    ]


def published(project: Project) -> list[tuple[str, str]]:
    """(language, campaign) pairs that get materials."""
    return [*translated(project), *udhr_only(project)]


def words_lang(project: Project, lang: str) -> str:
    """The language of a material's words: the interface language (es for quc)."""
    return project.locales[lang].interface


def item_url(project: Project, item: MaterialFile) -> str:
    """The page a material's QR code and address open: the campaign page, or for a pocket
    card that cites the Declaration, the page quoting the articles in full."""
    url = campaign_url(item.lang, item.campaign)
    cited = project.campaigns[item.campaign].udhr
    if item.filename.startswith("card") and cited is not None:
        return f"{url}{cited.page}/"
    return url
