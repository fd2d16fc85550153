"""Jobs: everything one material needs, resolved from the content model in one language.

A job is plain, picklable data (it crosses to worker processes) and hashable into a cache
key: the words to print, the colours, the URL, the paper. Nothing a renderer prints comes
from anywhere else, so an unchanged job is an unchanged file.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import Problem
from ..model.helplines import PrintSelection, select_printable
from ..model.locales import SOURCE_LANGUAGE
from ..model.project import Project
from .layout import mm

PAPERS: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (mm(210), mm(297)),
    "half-letter": (396.0, 612.0),
    "a5": (mm(148), mm(210)),
}
SOCIAL_SIZES = ("1080x1080", "1080x1350", "1080x1920")


@dataclass(frozen=True)
class Palette:
    primary: str
    on_primary: str
    accent: str
    text: str
    background: str


@dataclass(frozen=True)
class HelpEntry:
    """A help line as printed: country (in the language), its short label and number.

    Chosen by :func:`puebla.model.helplines.select_printable`, the one place that decides
    which lines may be printed (no stale, no low-confidence line; medium ones with their
    caveat label).
    """

    country: str
    number: str
    field: str  # where to fix it, e.g. "countries.US.es"
    label: str = ""  # who runs it, in a word or two (the kind of operator), e.g. "Charity"
    caveat: str = ""  # the caveat label a medium line prints with

    @property
    def label_line(self) -> str:
        """What the layout prints under the number: who runs it, and a medium line's caveat."""
        return f"{self.label} · {self.caveat}" if self.caveat else self.label


@dataclass(frozen=True)
class Words:
    """Every word a material prints, in its language, from campaigns/, locales/, help-lines."""

    title: str
    headline: str
    messages: tuple[str, ...]
    call_to_action: str
    card_title: str
    card_points: tuple[str, ...]
    commitment: str
    scan: str
    help_heading: str
    help_note: str
    help_lines: tuple[HelpEntry, ...]
    url: str
    help_fallback: str = ""  # printed when no line may be printed (see select_printable)
    help_draft: bool = False  # the help-line texts await review: print the DRAFT mark


@dataclass(frozen=True)
class Sources:
    """Files an editor fixes, by kind of field (kept out of the cache key)."""

    campaign: str  # campaigns/<id>/<lang>/index.md
    definition: str  # campaigns/<id>/campaign.yml
    locale: str  # locales/<lang>.yml
    help: str  # campaigns/help-lines.yml

    def for_field(self, name: str) -> str:
        if name.startswith("strings."):
            return self.locale
        if name.startswith(("countries.", "lines")):
            return self.help
        if name.startswith("colors"):
            return self.definition
        return self.campaign


@dataclass(frozen=True)
class MaterialJob:
    """One family of files made from one layout per page size (e.g. poster, A4)."""

    family: str  # poster | flyer | card | social
    variant: str  # letter, a4, half-letter, a5, 1080x1080, …
    campaign: str
    lang: str
    kinds: tuple[str, ...]  # the campaign's materials this job makes (poster, poster-print)
    palette: Palette
    words: Words
    base: str  # output folder relative to the site root, e.g. "es/materials/rights"
    sources: Sources = field(compare=False)

    @property
    def label(self) -> str:
        return f"{self.base}/{self.family}-{self.variant}"

    def key_data(self) -> dict:
        data = asdict(self)
        del data["sources"]
        return data

    def problem(self, field_name: str, message: str, hint: str) -> Problem:
        where = f"campaign '{self.campaign}', language '{self.lang}', material '{self.family}-{self.variant}'"
        return Problem(
            self.sources.for_field(field_name), f"{where}: {message}", hint, field=field_name
        )


@dataclass(frozen=True)
class PreviewJob:
    """The 1200 × 630 link preview of one page of the site."""

    src_uri: str  # e.g. es/communique/index.md
    lang: str
    title: str
    site_name: str
    language_name: str
    tag: str  # e.g. "Commitment 6" on campaign pages, else ""
    host: str
    palette: Palette
    output: str  # relative to the site root: assets/previews/es/communique/index.png
    source: str = field(compare=False)
    family: str = "preview"

    @property
    def base(self) -> str:
        return self.output.rsplit("/", 1)[0]

    @property
    def label(self) -> str:
        return self.output

    def key_data(self) -> dict:
        data = asdict(self)
        del data["source"]
        return data

    def problem(self, field_name: str, message: str, hint: str) -> Problem:
        return Problem(
            self.source, f"link preview of '{self.src_uri}': {message}", hint, field=field_name
        )


def page_url(site_url: str, lang: str, path: str) -> str:
    """Absolute URL of a page (English at the root, other languages under /<lang>/)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"{base}{'' if lang == SOURCE_LANGUAGE else lang + '/'}{path}"


def materials_base(lang: str, campaign: str) -> str:
    return f"{'' if lang == SOURCE_LANGUAGE else lang + '/'}materials/{campaign}"


def _pick(values: dict[str, str], lang: str) -> str:
    return values.get(lang) or values.get(SOURCE_LANGUAGE, "")


PRINT_MIN_CONFIDENCE = "high"


def help_selection(project: Project, lang: str, campaign: str, site_url: str) -> PrintSelection:
    """The printable lines of a language today; the fallback points at the campaign's help page."""
    help_url = page_url(site_url, lang, f"campaigns/{campaign}/help/")
    # These layouts have room for a few lines and no caveat label: high-confidence lines only
    # (medium ones print with their caveat label in a layout that has room for it).
    return select_printable(
        project.help,
        project.locales[lang],
        project.today,
        help_url=help_url,
        min_confidence=PRINT_MIN_CONFIDENCE,
    )


def help_entries(selection: PrintSelection) -> tuple[HelpEntry, ...]:
    """One entry per printable line: its first callable channel, in the selection's order."""
    return tuple(
        HelpEntry(
            line.country_name,
            line.channels[0].value,
            f"countries.{line.country}",
            line.kind_label,
            line.caveat_label,
        )
        for line in selection.lines
    )


def campaign_palette(colors: dict[str, str]) -> Palette:
    return Palette(**{role: colors[role] for role in Palette.__dataclass_fields__})


def material_jobs(project: Project, site_url: str) -> list[MaterialJob]:
    """Every material job, for every campaign and language, in a stable order."""
    jobs = []
    for lang in project.languages:
        loc = project.locales[lang]
        for cid, campaign in project.campaigns.items():
            selection = help_selection(project, lang, cid, site_url)
            helps = help_entries(selection)
            fallback = selection.fallback.text if selection.fallback else ""
            text = campaign.texts[lang]
            index = campaign.translations[lang]["index"]
            if index.doc.meta.get("translation_status") == "untranslated":
                continue  # no materials in a language until its campaign text is translated
            words = Words(
                title=index.title,
                headline=text.headline,
                messages=tuple(text.messages),
                call_to_action=text.call_to_action,
                card_title=text.card_title,
                card_points=tuple(text.card_points),
                commitment=loc.t("materials_commitment", number=campaign.commitment),
                scan=loc.t("materials_scan"),
                help_heading=loc.t("materials_help_heading"),
                help_note=loc.t("materials_help_note"),
                help_lines=helps,
                url=page_url(site_url, lang, f"campaigns/{cid}/"),
                help_fallback=fallback,
                help_draft=selection.draft,
            )
            sources = Sources(
                str(index.doc.path),
                str(campaign.path / "campaign.yml"),
                str(loc.path),
                str(project.help.path),
            )
            common = dict(
                campaign=cid,
                lang=lang,
                palette=campaign_palette(campaign.colors),
                words=words,
                base=materials_base(lang, cid),
                sources=sources,
            )
            posters = tuple(k for k in ("poster", "poster-print") if k in campaign.materials)
            if posters:
                for paper in ("letter", "a4"):
                    jobs.append(MaterialJob("poster", paper, kinds=posters, **common))
            if "flyer" in campaign.materials:
                for paper in ("half-letter", "a5"):
                    jobs.append(MaterialJob("flyer", paper, kinds=("flyer",), **common))
            if "card" in campaign.materials:
                for paper in ("letter", "a4"):
                    jobs.append(MaterialJob("card", paper, kinds=("card",), **common))
            if "social" in campaign.materials:
                for size in SOCIAL_SIZES:
                    jobs.append(MaterialJob("social", size, kinds=("social",), **common))
    return jobs


def site_name(root: Path) -> str:
    """``site_name`` from mkdocs.yml, read as text (the file uses tags plain YAML rejects)."""
    config = root / "mkdocs.yml"
    if config.is_file():
        match = re.search(r"^site_name:\s*(.+?)\s*$", config.read_text(encoding="utf-8"), re.M)
        if match:
            return match.group(1).strip("'\"")
    return root.name


def site_palette(project: Project) -> Palette:
    """The site's own colours (docs/assets/site.css) for pages outside the campaigns."""
    css_path = project.root / "docs" / "assets" / "site.css"
    css = css_path.read_text(encoding="utf-8") if css_path.is_file() else ""

    def var(name: str) -> str | None:
        match = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})\s*;", css)
        return match.group(1) if match else None

    first = campaign_palette(next(iter(project.campaigns.values())).colors)
    return Palette(
        primary=var("md-primary-fg-color") or first.primary,
        on_primary=var("md-primary-bg-color") or first.on_primary,
        accent=first.accent,
        text=first.text,
        background=first.background,
    )


def preview_path(lang: str, rel: str) -> str:
    return f"assets/previews/{lang}/{rel[: -len('.md')]}.png"


def preview_jobs(project: Project, site_url: str, name: str | None = None) -> list[PreviewJob]:
    """One job per authored page and per campaign page, in every language."""
    from urllib.parse import urlsplit

    host = urlsplit(site_url).netloc + urlsplit(site_url).path.rstrip("/")
    name = name or site_name(project.root)
    site_colors = site_palette(project)
    jobs = []
    for lang in project.languages:
        loc = project.locales[lang]
        for rel, doc in sorted(project.docs.pages.get(lang, {}).items()):
            title = str(doc.meta.get("title", ""))
            jobs.append(
                PreviewJob(
                    f"{lang}/{rel}",
                    lang,
                    title,
                    name,
                    loc.name,
                    "",
                    host,
                    site_colors,
                    preview_path(lang, rel),
                    str(doc.path),
                )
            )
        for cid, campaign in project.campaigns.items():
            label = loc.t("commitment_label", number=campaign.commitment)
            for slug in campaign.pages:
                page = campaign.translations[lang][slug]
                rel = f"campaigns/{cid}/{slug}.md"
                jobs.append(
                    PreviewJob(
                        f"{lang}/{rel}",
                        lang,
                        page.title,
                        name,
                        loc.name,
                        label,
                        host,
                        campaign_palette(campaign.colors),
                        preview_path(lang, rel),
                        str(page.doc.path),
                    )
                )
    return jobs
