"""The "Get help now" block: tap-to-call lines by country, at the top of the pages that matter.

Why: on a phone the first number used to sit 1,500–2,700 px down the help pages, and the home
and campaign pages had none. The block puts a ``tel:`` link in the first screen, with a country
chooser that works without JavaScript (an anchored list; CSS shows only the chosen country when
one is chosen) and no geolocation. A country with no published line says so plainly and says
what to do instead.

The help-line data belongs to ``campaigns/help-lines.yml`` and its model; this module reads it
through one function, :func:`block_lines`, so a change of that schema touches one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.helplines import HelpData, pick
from ..model.locales import Locale
from .text import html_escape, md_escape

CHANNELS = ("call", "text", "whatsapp")  # what the block offers; the help pages list the rest


@dataclass(frozen=True)
class Channel:
    kind: str  # "call", "text" or "whatsapp"
    value: str  # as the source writes it
    href: str | None  # tel:/sms: link, or None (shown as text)


@dataclass(frozen=True)
class QuickLine:
    name: str
    label: str  # one short label (who runs it, purpose); empty when the model has none
    channels: list[Channel]


def block_lines(data: HelpData, locale: Locale, today: dt.date) -> dict[str, list[QuickLine]]:
    """The lines the block shows, by country code: the one place that reads the model.

    Published lines (high and medium confidence) that a source re-read in the last twelve
    months, with a number to call; their channels as the model gives them, except WhatsApp,
    shown as the number the source gives (a wa.me link needs the number in international
    form, which no source states: for a toll-free number the guess would reach someone else).
    """
    out: dict[str, list[QuickLine]] = {}
    for line in data.published_lines():
        if line.freshness(today) == "stale":
            continue  # the help page still lists it, with its stale notice
        channels = [
            Channel(c.kind, c.value, None if c.kind == "whatsapp" else c.href or None)
            for c in line.callable_channels()
        ]
        if not any(c.kind == "call" and c.href for c in channels):
            continue
        label = line.short_label(locale)
        caveat = line.caveat_label_in(locale.interface)
        if caveat:
            label = f"{label} · {caveat}"
        out.setdefault(line.country, []).append(QuickLine(line.name, label, channels))
    return out


def help_page_link(rel: str) -> str:
    """Where the block's "all help lines" link points, from the page at ``rel``."""
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] == "campaigns":  # a campaign page: its own help page
        return ("" if parts[2] == "help.md" else "help.md") + "#help-lines"
    return "../" * rel.count("/") + "campaigns/rights/help.md#help-lines"


def _channel_html(channel: Channel, locale: Locale) -> str:
    kind = html_escape(locale.t(f"help_now_{channel.kind}"))
    value = html_escape(channel.value)
    if channel.href:
        return f'<a class="help-now-{channel.kind}" href="{channel.href}">{kind} {value}</a>'
    return f'<span class="help-now-{channel.kind}">{kind} {value}</span>'


def help_now_markdown(data: HelpData, locale: Locale, today: dt.date, help_page: str = "") -> str:
    """The block as HTML (inside Markdown); ``help_page`` links to the full help lines."""
    lang = locale.interface  # the es fields for a language with the Spanish interface
    t = locale.t
    lines = block_lines(data, locale, today)
    names = {code: data.country_name(code, lang) for code in data.countries}
    notes = {n.country: pick(n.note, lang) for n in data.unconfirmed}
    order = sorted(lines, key=lambda c: names[c]) + sorted(
        (c for c in data.countries if c not in lines), key=lambda c: names[c]
    )
    chips = "".join(
        f'<li><a href="#help-now-{c.lower()}">{html_escape(names[c])}</a></li>' for c in order
    )
    panels = []
    for code in order:
        body = []
        for line in lines.get(code, []):
            label = (
                f' <span class="help-now-label">{html_escape(line.label)}</span>'
                if line.label
                else ""
            )
            channels = " ".join(_channel_html(c, locale) for c in line.channels)
            body.append(  # the number first, right under the name; who runs it just below
                f'<li><span class="help-now-name">{html_escape(line.name)}</span> '
                f'<span class="help-now-channels">{channels}</span>{label}</li>'
            )
        if body:
            content = f'<ul class="help-now-lines">{"".join(body)}</ul>'
        else:
            note = notes.get(code) or t("help_now_none_default")
            content = (
                f'<p class="help-now-none">{html_escape(t("help_now_none", country=names[code]))} '
                f"{html_escape(note)}</p>"
            )
        panels.append(
            f'<section class="help-now-country" id="help-now-{code.lower()}" '
            f'aria-labelledby="help-now-{code.lower()}-name">'
            f'<h3 id="help-now-{code.lower()}-name">{html_escape(names[code])}</h3>{content}</section>'
        )
    # After the block, as Markdown: MkDocs resolves a Markdown link for directory and file
    # URLs alike, not one inside raw HTML (and raw HTML keeps the headings out of the TOC).
    more = (
        f"[{md_escape(t('help_now_more'))}]({help_page})\n{{: .help-now-more }}"
        if help_page
        else ""
    )
    return (
        f'<section class="help-now" id="help-now" aria-labelledby="help-now-title">\n'
        f'<h2 id="help-now-title">{html_escape(t("help_now_title"))}</h2>\n'
        f'<p class="help-now-emergency"><strong>{html_escape(t("help_now_emergency"))}</strong> '
        f'<span class="help-now-police">{html_escape(t("help_now_police"))}</span></p>\n'
        f'<nav class="help-now-chooser" aria-label="{html_escape(t("help_now_choose"))}">'
        f'<p class="help-now-choose">{html_escape(t("help_now_choose"))}</p>'
        f'<ul class="help-now-countries">{chips}</ul></nav>\n'
        f'<div class="help-now-panels">{"".join(panels)}</div>\n'
        "</section>\n\n"
        f"{more}\n"
    )
