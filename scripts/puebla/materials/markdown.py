"""The list of downloads for the page ``/<lang>/materials/``, one section per campaign."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from PIL import Image

from ..model.locales import SOURCE_LANGUAGE
from ..model.project import Project
from ..site.text import html_escape, md_escape
from .adapters import is_reviewed
from .catalog import ENTRIES

if TYPE_CHECKING:
    from . import MaterialFile

NAME_KEYS = {entry.filename: entry.name_key for entry in ENTRIES}
THUMB_WIDTH = 120  # CSS px in the table; the files are 1.5 times as wide for sharp screens


def human_size(size: int, lang: str) -> str:
    """File size with the language's number format and unit symbols (kB, Mo, …)."""
    from babel.core import Locale, UnknownLocaleError
    from babel.units import format_unit

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        lang = SOURCE_LANGUAGE
    if size >= 1_000_000:
        return format_unit(
            size / 1_000_000, "digital-megabyte", length="short", locale=lang, format="#,##0.#"
        )
    value = size / 1000
    pattern = "#,##0" if value >= 10 else "#,##0.#"
    return format_unit(
        max(value, 0.1), "digital-kilobyte", length="short", locale=lang, format=pattern
    )


def _cell(text: str) -> str:
    return md_escape(text).replace("|", "\\|")


def _page_dir(lang: str) -> str:
    return "materials" if lang == SOURCE_LANGUAGE else f"{lang}/materials"


def _thumb(item: MaterialFile, out_root: str) -> str:
    if not item.thumbnail:
        return ""
    width, height = THUMB_WIDTH, THUMB_WIDTH
    path = item.path.parents[len(item.url_path.split("/")) - 1] / item.thumbnail
    if path.is_file():
        with Image.open(path) as image:
            height = round(THUMB_WIDTH * image.height / image.width)
    src = posixpath.relpath(item.thumbnail, out_root)
    return (
        f'<img src="{html_escape(src)}" alt="{html_escape(item.alt)}" '
        f'width="{width}" height="{height}" loading="lazy">'
    )


def materials_markdown(files: list[MaterialFile], project: Project, lang: str) -> str:
    """Markdown listing every file of ``lang``: thumbnail, name, format, size, file size.

    Links are relative to the page ``docs/<lang>/materials/index.md`` (published at
    ``/<lang>/materials/``), so they work under any site sub-path.
    """
    loc = project.locales[lang]
    page_dir = _page_dir(lang)
    header = [
        loc.t("materials_col_preview"),
        loc.t("materials_col_item"),
        loc.t("materials_col_format"),
        loc.t("materials_col_paper"),
        loc.t("materials_col_file_size"),
    ]
    out: list[str] = []
    for cid, campaign in project.campaigns.items():
        items = [f for f in files if f.lang == lang and f.campaign == cid]
        if not items:
            continue
        title = campaign.translations[lang]["index"].title
        out.append(f"## {md_escape(title)} {{#materials-{cid}}}\n")
        out.append(md_escape(loc.t("commitment_label", number=campaign.commitment)) + "\n")
        if not is_reviewed(project, lang, cid):
            out.append(
                f'<p class="puebla-draft"><strong>{html_escape(loc.t("materials_drafts"))}</strong></p>\n'
            )
        rows = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + " --- |" * len(header)]
        for item in items:
            name = loc.t(NAME_KEYS.get(item.filename, "material_kit"))
            link = posixpath.relpath(item.url_path, page_dir)
            cells = [
                _thumb(item, page_dir),
                # HTML, not a Markdown link: the files are build outputs, not pages MkDocs
                # could check; the site's link checker checks them in the built site.
                f'<a href="{html_escape(link)}" download>{_cell(name)}</a>',
                item.format,
                _cell(item.paper),
                human_size(item.size_bytes, lang),
            ]
            rows.append("| " + " | ".join(cells) + " |")
        out.append("\n".join(rows) + "\n")
    kits = [f for f in files if f.lang == lang and f.kind == "partner-kit"]
    if kits:
        out.append(f"## {md_escape(loc.t('materials_partners'))} {{#materials-partners}}\n")
        rows = [f"| {_cell(loc.t('materials_col_item'))} | {_cell(loc.t('materials_col_file_size'))} |",
                "| --- | --- |"]  # fmt: skip
        for kit in kits:
            link = posixpath.relpath(kit.url_path, page_dir)
            rows.append(
                f'| <a href="{html_escape(link)}" download>{_cell(kit.paper)}</a> | '
                f"{human_size(kit.size_bytes, lang)} |"
            )
        out.append("\n".join(rows) + "\n")
    return "\n".join(out)
