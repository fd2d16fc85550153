"""Markdown for the help-line list, in one language, from ``campaigns/help-lines.yml``.

The help page is where the full statement lives: who runs each line, what it passes on to
the authorities, each channel and fact with the source that states it, and how and when it
was last checked, in those words. Everywhere else a line appears it uses the short label.
"""

from __future__ import annotations

import datetime as dt

from ..model.helplines import (
    PRINT_LIMIT_MONTHS,
    WARN_AFTER_MONTHS,
    Check,
    Contact,
    Fact,
    HelpData,
    HelpLine,
    parse_date,
    pick,
)
from ..model.locales import Locale
from ..model.siteconfig import report_target
from .text import html_escape, md_escape

HOW_WE_CHECK_PAGE = "help-lines.md"  # docs/<lang>/help-lines.md, "How we check help lines"


def format_date(value: str, locale: Locale) -> str:
    """A recorded date in words, as precise as recorded: "1 December 2026", "November 2026"."""
    day = parse_date(value)
    if day is None:
        return value
    months = locale.t("helpline_months").split(",")
    parts = value.count("-")
    if parts == 0:
        return str(day.year)
    key = "helpline_date_day" if parts == 2 else "helpline_date_month"
    return locale.t(key, day=day.day, month=months[day.month - 1], year=day.year)


def check_words(check: Check, locale: Locale) -> str:
    """What was done, in the words of the check: "source re-read on 1 December 2026"."""
    key = "helpline_check_" + check.method.replace("-", "_")
    if check.precision != "day":  # "re-read in November 2026", not "on"
        key += "_month"
    return locale.t(key, date=format_date(check.date, locale))


def _time(value: str, locale: Locale) -> str:
    return f'<time datetime="{html_escape(value)}">{html_escape(format_date(value, locale))}</time>'


def _contact_md(contact: Contact, locale: Locale) -> str:
    if not contact.value:
        return md_escape(locale.t("helpline_channel_no_number"))
    value = md_escape(contact.value)
    return f"[{value}]({contact.href})" if contact.href else value


class _Refs:
    """Numbers the sources a line cites, in the order they are first cited."""

    def __init__(self, data: HelpData, line: HelpLine, locale: Locale) -> None:
        self.ids = list(line.cited_sources())
        self.data, self.locale = data, locale

    def cite(self, ids: tuple[str, ...]) -> str:
        nums = ", ".join(str(self.ids.index(i) + 1) for i in ids)
        return f" · {self.locale.t('source')} {nums}"

    def listing(self) -> str:
        rows = []
        for n, sid in enumerate(self.ids, 1):
            src = self.data.sources[sid]
            text = f"[{md_escape(src.title)}]({src.url})" if src.url else md_escape(src.title)
            if src.published:
                dated = self.locale.t("helpline_source_dated", date="\0")
                text += (
                    " (" + md_escape(dated).replace("\0", _time(src.published, self.locale)) + ")"
                )
            rows.append(f"    {n}. {text}")
        return "\n".join(rows)


def _fact_md(fact: Fact, closed_key: str, lang: str, locale: Locale) -> str:
    if fact.value:
        return md_escape(locale.t(closed_key + fact.value.replace("/", "_")))
    return md_escape(pick(fact.text, lang))


def _line_md(data: HelpData, line: HelpLine, locale: Locale, today: dt.date) -> str:
    lang = locale.interface  # the es fields for a language with the Spanish interface
    refs = _Refs(data, line, locale)
    out = [f"#### {md_escape(line.name)} {{#line-{line.id}}}\n"]
    if line.freshness(today) == "stale":
        out.append(f'!!! danger "{md_escape(locale.t("helpline_stale"))}"\n')
    about = pick(line.about, lang)
    if about:
        out.append(md_escape(about) + "\n")
    kind = locale.t("helpline_kind_" + line.operator_kind.replace("-", "_"))
    items = [
        f"- {locale.t('helpline_operator')}: **{md_escape(line.operator)}**. "
        f"{md_escape(kind)}{refs.cite(line.operator_sources)}"
    ]
    shares = md_escape(pick(line.shares.text, lang) or locale.t("helpline_shares_unknown"))
    if line.shares.ask_first or not line.shares.text:
        shares += " **" + md_escape(locale.t("helpline_ask_first")) + "**"
    cite = refs.cite(line.shares.sources) if line.shares.sources else ""
    items.append(f"- {locale.t('helpline_shares')}: {shares}{cite}")
    items.extend(
        f"- {locale.t('contact_' + c.kind)}: {_contact_md(c, locale)}{refs.cite(c.sources)}"
        for c in line.contacts
    )
    if line.hours:
        hours = _fact_md(line.hours, "helpline_hours_", lang, locale)
        items.append(f"- {locale.t('hours')}: {hours}{refs.cite(line.hours.sources)}")
    if line.cost:
        cost = _fact_md(line.cost, "helpline_cost_", lang, locale)
        items.append(f"- {locale.t('helpline_cost')}: {cost}{refs.cite(line.cost.sources)}")
    if line.languages:
        langs = _fact_md(line.languages, "", lang, locale)
        items.append(f"- {locale.t('languages')}: {langs}{refs.cite(line.languages.sources)}")
    else:
        items.append(f"- {locale.t('languages')}: {md_escape(locale.t('languages_unknown'))}")
    checks = sorted(line.checks, key=lambda c: c.day, reverse=True)
    words = "; ".join(
        html_escape(check_words(c, locale)).replace(
            html_escape(format_date(c.date, locale)), _time(c.date, locale)
        )
        for c in checks
    )
    items.append(f"- {locale.t('helpline_check')}: {words}")
    items.append(f"- {locale.t('source')}:\n\n{refs.listing()}\n")
    out.append("\n".join(items) + "\n")
    caveat = pick(line.caveat, lang)
    if caveat:
        out.append(f'!!! warning "{locale.t("caveat")}"\n    {md_escape(caveat)}\n')
    return "\n".join(out)


def help_lines_markdown(
    data: HelpData, locale: Locale, today: dt.date, check_page: str = HOW_WE_CHECK_PAGE
) -> str:
    """The list for one language; ``check_page`` is the link to "How we check help lines"
    relative to the page the list is inserted into ("" for no link)."""
    lang = locale.interface  # the es fields for a language with the Spanish interface
    # The page's own heading introduces the list; the intro paragraph carries the anchor
    # that other pages link to (the same in every language, unlike a heading's slug).
    intro = md_escape(locale.t("help_lines_intro"))
    if check_page:
        intro += f" [{md_escape(locale.t('helpline_how_we_check_link'))}]({check_page})"
    out = [intro + "\n{: #help-lines }\n"]
    if data.is_draft(lang):
        out.append(
            f'!!! note "{md_escape(locale.t("notice_review_title"))}"\n'
            f"    {md_escape(locale.t('helpline_review_text'))}\n"
        )
    by_country: dict[str, list[HelpLine]] = {}
    for line in data.published_lines():
        by_country.setdefault(line.country, []).append(line)
    names = {code: pick(names, lang) or code for code, names in data.countries.items()}
    for code in sorted(by_country, key=lambda c: names[c]):
        out.append(f"### {md_escape(names[code])} {{#help-{code.lower()}}}\n")
        out.extend(_line_md(data, line, locale, today) for line in by_country[code])
    if data.unconfirmed:
        out.append(f"### {locale.t('unconfirmed_heading')} {{#help-unconfirmed}}\n")
        rows = [
            f"- **{md_escape(names[n.country])}**: {md_escape(pick(n.note, lang))}"
            for n in sorted(data.unconfirmed, key=lambda n: names[n.country])
        ]
        out.append("\n".join(rows) + "\n")
    return "\n".join(out)


def check_rules_markdown(locale: Locale) -> str:
    """When a check gets old, in the reader's language, from the thresholds in the model."""
    text = locale.t(
        "helpline_rules",
        warn=WARN_AFTER_MONTHS,
        limit=PRINT_LIMIT_MONTHS,
        stale=locale.t("helpline_stale"),
    )
    return md_escape(text) + "\n"


def report_to_markdown(report_to: str, site_url: str, locale: Locale) -> str:
    """How to report a wrong number: the configured address, or plainly that none is set."""
    link, problem = report_target(report_to, site_url)
    if not link or problem:
        return md_escape(locale.t("helpline_report_unset")) + "\n"
    shown = link.removeprefix("mailto:")
    text = md_escape(locale.t("helpline_report_to", address="\0"))
    return text.replace("\0", f"[{md_escape(shown)}]({link})") + "\n"


__all__ = ["check_words", "format_date", "help_lines_markdown", "html_escape"]
