"""Jobs: everything one material needs, resolved from the content model in one language.

A job is plain, picklable data (it crosses to worker processes) and hashable into a cache
key: the words to print, the colours, the URL, the paper. Nothing a renderer prints comes
from anywhere else, so an unchanged job is an unchanged file.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..model.locales import SOURCE_LANGUAGE
from ..model.project import Project
from .adapters import (
    FALLBACK_DATE,
    PrintLine,
    content_date,
    is_placeholder_url,
    is_reviewed,
    prefetch_dates,
    printable_lines,
    short_address,
)
from .typography import typeset


def mm(value: float) -> float:
    """Millimetres in PDF points."""
    return value * 72 / 25.4


PAPERS: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (mm(210), mm(297)),
    "half-letter": (396.0, 612.0),
    "a5": (mm(148), mm(210)),
}
SOCIAL_SIZES = ("1080x1080", "1080x1350", "1080x1440", "1080x1920")


@dataclass(frozen=True)
class Palette:
    primary: str
    on_primary: str
    accent: str
    text: str
    background: str


@dataclass(frozen=True)
class PartnerWords:
    """A local partner on its co-branded kit: name, cleaned logo, its own lines."""

    id: str
    name: str
    logo: str  # data: URL of the cleaned logo, "" when none
    lines: tuple[tuple[str, str], ...]  # (number, label in the material's language)


@dataclass(frozen=True)
class QuoteWords:
    """One article of the Universal Declaration, quoted in full as published: printed
    verbatim, never through the typographic pass and never hyphenated."""

    ref: str  # the article number, e.g. "14"
    label: str  # "Art. 14", in the material's words
    lang: str  # the text's language when it differs from the document's (lang="quc"), else ""
    paragraphs: tuple[str, ...]
    numbered: bool  # the source numbers its paragraphs (1., 2.)
    # Our plain words under it, where the article alone could mislead (14: asylum may be
    # asked for, not promised), from ``materials_udhr_note_<n>``; typeset, never quoted.
    note: str = ""


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
    help_lines: tuple[PrintLine, ...]
    help_fallback: str  # printed instead of lines when none may be printed
    url: str
    address: str  # the URL as printed: no scheme, never broken across lines
    qr_alt: str
    help_call: str  # "Need help? Call free:"-style heading of the help panel
    local_contact: str
    marks: tuple[str, ...]  # "SAMPLE — set SITE_URL", "DRAFT — awaiting review"
    date: str  # ISO date of the content's last commit: the PDFs' creation date
    partner: PartnerWords | None = None
    doc_lang: str = ""  # language of the words when not the material's (es on a quc card)
    card_refs: tuple[str, ...] = ()  # "Art. 3" for each card point ("" when none)
    quotes: tuple[QuoteWords, ...] = ()  # the articles a poster quotes in full
    quotes_title: str = ""  # "Universal Declaration of Human Rights"
    quotes_status: str = ""  # official text, or a published translation (typeset already)


@dataclass(frozen=True)
class Sources:
    """Files an editor fixes, by kind of field (kept out of the cache key)."""

    campaign: str  # campaigns/<id>/<lang>/index.md
    definition: str  # campaigns/<id>/campaign.yml
    locale: str  # locales/<lang>.yml
    help: str  # campaigns/help-lines.yml
    partner: str = ""  # partners/<id>.yml on a partner's kit

    def for_field(self, name: str) -> str:
        if name.startswith("partner") and self.partner:
            return self.partner
        if name.startswith("strings."):
            return self.locale
        if name.startswith(("countries.", "lines", "help")):
            return self.help
        if name.startswith(("colors", "udhr")):
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
        # The words (the bulk of a job) are shared by every job of a family: their JSON is
        # made once (a cached re-render spent most of its time in asdict()).
        data = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("sources", "words", "palette")
        }
        data["palette"] = asdict(self.palette)
        data["words"] = _words_json(self.words)
        return data

    def problem(self, field_name: str, message: str, hint: str) -> Problem:
        where = f"campaign '{self.campaign}', language '{self.lang}', material '{self.family}-{self.variant}'"
        return Problem(
            self.sources.for_field(field_name), f"{where}: {message}", hint, field=field_name
        )


@lru_cache(maxsize=256)
def _words_json(words: Words) -> str:
    """Canonical JSON of ``words`` (part of the cache key), once per distinct ``Words``."""
    return json.dumps(asdict(words), sort_keys=True, ensure_ascii=False)


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
    marks: tuple[str, ...]  # the SAMPLE mark while SITE_URL is a placeholder
    date: str
    source: str = field(compare=False)
    family: str = "preview"

    @property
    def base(self) -> str:
        return self.output.rsplit("/", 1)[0]

    @property
    def label(self) -> str:
        return self.output

    @property
    def batch_key(self) -> tuple[str, Palette]:
        """Previews with the same key can be the pages of one document (``render_batch``)."""
        return (self.lang, self.palette)

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


SAMPLE_MARK = "SAMPLE — set SITE_URL"  # for whoever builds: the same words in every language


def campaign_palette(colors: dict[str, str]) -> Palette:
    return Palette(**{role: colors[role] for role in Palette.__dataclass_fields__})


def partner_words(partner: Any, lang: str) -> PartnerWords:
    """What a partner's kit prints in ``lang`` (the partner was loaded through the sandbox)."""
    logo = partner.logo.data_uri() if partner.logo is not None else ""
    lines = tuple((line.number, line.label[lang]) for line in partner.lines)
    return PartnerWords(partner.id, partner.name, logo, lines)


def material_jobs(project: Project, site_url: str, partner: Any = None) -> list[MaterialJob]:
    """Every material job, for every campaign and language, in a stable order.

    With ``partner`` (a loaded ``puebla.model.partners.Partner``): its co-branded kit, in the
    partner's languages, under ``partners/<id>/``.
    """
    jobs = []
    if partner is not None:
        unknown = [c for c in partner.countries if c not in project.help.countries]
        if unknown:
            from ..errors import ContentError

            raise ContentError(
                [
                    Problem(
                        str(partner.path),
                        f"unknown countries {unknown}: help-lines.yml lists "
                        f"{', '.join(sorted(project.help.countries))}",
                        "use the two-letter codes of campaigns/help-lines.yml",
                        field="countries",
                    )
                ]
            )
    sample = is_placeholder_url(site_url)
    languages = [lang for lang in project.languages if partner is None or lang in partner.languages]
    prefetch_dates(
        project.root,
        [
            [campaign.path, project.locales[lang].path, project.help.path]
            for lang in languages
            for campaign in project.campaigns.values()
        ],
    )
    for lang in languages:
        loc = project.locales[lang]
        for cid, campaign in project.campaigns.items():
            words_lang = lang  # the language of the words printed
            index = campaign.translations[lang]["index"]
            only: tuple[str, ...] | None = None  # the families made, None = all
            if index.doc.meta.get("translation_status") == "untranslated":
                if not published_texts_only(project, lang, cid):
                    continue  # no materials in a language until its campaign text is translated
                # A language with published UDHR texts and no translation yet (K'iche', Mam,
                # Q'eqchi'): the rights card and poster, in the words of the language whose
                # interface it borrows (Spanish), quoting the Declaration in its own language.
                words_lang, only = loc.interface, ("poster", "card")
                index = campaign.translations[words_lang]["index"]
            text = campaign.texts[words_lang]
            url = page_url(site_url, lang, f"campaigns/{cid}/")
            help_url = page_url(site_url, lang, f"campaigns/{cid}/help/")
            reviewed = is_reviewed(project, words_lang, cid)
            draft_mark = () if reviewed else (loc.t("materials_draft"),)
            marks = ((SAMPLE_MARK,) if sample else ()) + draft_mark
            date, _ = content_date(project.root, [campaign.path, loc.path, project.help.path])
            base_words = dict(
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
                url=url,
                address=short_address(url),
                qr_alt=loc.t("materials_qr_alt", address=short_address(url)),
                help_call=loc.t("materials_help_call"),
                local_contact=loc.t("materials_local_contact"),
                marks=marks,
                date=date,
                partner=partner_words(partner, lang) if partner is not None else None,
                doc_lang="" if words_lang == lang else words_lang,
                **udhr_words(project, lang, words_lang, cid),
            )
            sources = Sources(
                str(index.doc.path),
                str(campaign.path / "campaign.yml"),
                str(loc.path),
                str(project.help.path),
                str(partner.path) if partner is not None else "",
            )
            common = dict(
                campaign=cid,
                lang=lang,
                palette=campaign_palette(campaign.colors),
                base=(f"partners/{partner.id}/" if partner is not None else "")
                + materials_base(lang, cid),
                sources=sources,
            )

            posters = tuple(k for k in ("poster", "poster-print") if k in campaign.materials)
            families = [
                ("poster", ("letter", "a4"), posters),
                (
                    "flyer",
                    ("half-letter", "a5"),
                    ("flyer",) if "flyer" in campaign.materials else (),
                ),
                ("card", ("letter", "a4"), ("card",) if "card" in campaign.materials else ()),
                ("social", SOCIAL_SIZES, ("social",) if "social" in campaign.materials else ()),
            ]
            for family, variants, kinds in families:
                if not kinds or (only is not None and family not in only):
                    continue
                family_words = _family_words(
                    project,
                    lang,
                    family,
                    help_url,
                    base_words,
                    not draft_mark,
                    partner.countries if partner is not None else (),
                )
                if family == "card" and campaign.udhr is not None:
                    # The card restates articles: its QR opens the page that quotes them in full.
                    card_url = page_url(site_url, lang, f"campaigns/{cid}/{campaign.udhr.page}/")
                    family_words = replace(
                        family_words,
                        url=card_url,
                        address=short_address(card_url),
                        qr_alt=loc.t("materials_qr_alt", address=short_address(card_url)),
                    )
                for variant in variants:
                    jobs.append(
                        MaterialJob(family, variant, kinds=kinds, words=family_words, **common)
                    )
    return jobs


def published_texts_only(project: Project, lang: str, campaign: str) -> bool:
    """True for a language whose only text of its own is the Declaration as published
    (it borrows another language's interface, has a published UDHR text, and the campaign
    quotes the Declaration on its items): it gets that campaign's card and poster."""
    loc = project.locales[lang]
    udhr = project.udhr
    return (
        loc.interface != lang
        and udhr is not None
        and lang in udhr.texts
        and project.campaigns[campaign].udhr is not None
        and loc.interface in project.campaigns[campaign].texts
    )


def _note(loc: Any, number: int, words_lang: str, article: str) -> str:
    key = f"materials_udhr_note_{number}"
    return typeset(loc.t(key, article=article), words_lang) if key in loc.strings else ""


def udhr_words(project: Project, lang: str, words_lang: str, campaign: str) -> dict[str, Any]:
    """The Declaration's words on a campaign's items in ``lang``: "Art. N" for each card point
    and the poster's articles in full, in the published text of ``lang`` (framed in the
    words of ``words_lang``). Empty when the campaign cites no articles."""
    cited = project.campaigns[campaign].udhr
    udhr = project.udhr
    if cited is None or udhr is None or lang not in udhr.texts:
        return {}
    loc = project.locales[lang]
    published = udhr.texts[lang]
    text_lang = published.bcp47 if published.bcp47 != words_lang else ""

    def label(number: int) -> str:
        return loc.t("materials_udhr_article", number=loc.article_number(number))  # "Art. 1er"

    quotes = tuple(
        QuoteWords(
            str(n),
            label(n),
            text_lang,
            published.articles[n].paragraphs,
            published.articles[n].numbered and len(published.articles[n].paragraphs) > 1,
            _note(loc, n, words_lang, label(n)),
        )
        for n in cited.poster
    )
    # Typeset the sentence, not the text's name: "k'iche'" keeps its apostrophe. The name is
    # the one readers of the interface use ("kreyòl ayisyen"), not the package's.
    status = (
        typeset(loc.t("udhr_official"), words_lang)
        if published.official
        else typeset(loc.t("udhr_published", language="\x00"), words_lang).replace(
            "\x00", loc.text_name(lang, published.name)
        )
    )
    return {
        "card_refs": tuple(label(n) for n in cited.card_points),
        "quotes": quotes,
        "quotes_title": loc.t("udhr_title"),
        "quotes_status": status,
    }


def _family_words(
    project: Project,
    lang: str,
    family: str,
    help_url: str,
    base: dict,
    reviewed: bool,
    countries: tuple[str, ...] = (),
) -> Words:
    """The words of one family: the base words plus the help lines it prints."""
    helps = printable_lines(project, lang, family, help_url, countries)
    # A help-line text awaiting review makes the material a draft too.
    extra = (project.locales[lang].t("materials_draft"),) if helps.draft and reviewed else ()
    return Words(
        **{**base, "marks": base["marks"] + extra},
        help_lines=helps.lines,
        help_fallback=helps.fallback,
    )


def default_site_url(root: Path) -> str:
    """``SITE_URL``, else the default of ``site_url`` in mkdocs.yml (what the site build uses)."""
    import os

    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    config = root / "mkdocs.yml"
    if config.is_file():
        text = config.read_text(encoding="utf-8")
        match = re.search(r"^site_url:.*?[\"']?(https?://[^\"'\]\s]+)", text, re.M)
        if match:
            return match.group(1)
    return ""


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
    marks = (SAMPLE_MARK,) if is_placeholder_url(site_url) else ()
    date = FALLBACK_DATE  # previews are PNGs: no date is printed into them
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
                    marks,
                    date,
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
                        marks,
                        date,
                        str(page.doc.path),
                    )
                )
    return jobs
